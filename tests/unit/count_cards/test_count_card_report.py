"""The count-card report and the day close (issue 12, items 5 and 7): cards sold,
uses used, refunded and expired in a period; uses outstanding and their deferred value;
the day close's movements and liability from the same reads; the sealed close reads
back equal."""

from __future__ import annotations

import uuid

import pytest

from memberdesk.models.enums import CountUseKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.closing.day_close import close_day, day_report
from memberdesk.services.count_cards.refund import UnusedRefundRequest, refund_unused
from memberdesk.services.count_cards.templates import TemplateDraft, add_template
from memberdesk.services.count_cards.use import UseRequest, member_cards, use_card
from memberdesk.services.jobs.runner import run_jobs
from memberdesk.services.reporting.count_card_report import (
    count_card_document,
    count_card_report,
)
from memberdesk.services.shared.errors import PermissionDenied
from memberdesk.services.shifts import shift as shifts
from tests.checkout_support.kit import World, yuan

from .conftest import ShopClock


def _use(w: World, member: str, n: int) -> None:
    card = member_cards(w.db, w.cashier, w.members[member])[0]
    use_card(w.db, w.cashier, UseRequest(card.card_id, card.services[0].balance_id, n))


def test_sold_used_expired_refunded_and_outstanding(world: World, shop_clock: ShopClock) -> None:
    w = world
    add_template(w.db, w.owner, TemplateDraft("TRIM3", "修剪3次卡", yuan("90"), (("WASH", 3),)))
    start = w.today()
    w.sell([("WASH10", 1)], [(TenderKind.CASH, "250")], member="alice")
    w.sell([("WASH10", 1)], [(TenderKind.CASH, "250")], member="carol")
    w.sell([("TRIM3", 1)], [(TenderKind.CASH, "90")], member="carol")
    _use(w, "alice", 4)
    card = member_cards(w.db, w.cashier, w.members["carol"])[0]
    use_card(w.db, w.cashier, UseRequest(card.card_id, card.services[0].balance_id, 2))
    refund_unused(w.db, w.manager, UnusedRefundRequest(uuid.uuid4().hex, card.card_id, "搬家"))
    shop_clock.advance(31)  # alice's card expires (30 days) with 6 left; TRIM3 never does
    run_jobs(w.db)
    rep = count_card_report(w.db, w.manager, start, w.today())
    by = {ln.code: ln for ln in rep.lines}
    wash, trim = by["WASH10"], by["TRIM3"]
    assert (wash.sold, wash.sold_value, wash.used, wash.refunded, wash.expired) == (
        2, yuan("500"), 6, 8, 6)
    assert (wash.outstanding, wash.deferred) == (0, Money(0))
    assert (trim.sold, trim.used, trim.outstanding, trim.deferred) == (1, 0, 3, yuan("90"))
    assert rep.total("sold") == 3 and rep.money("deferred") == yuan("90")
    doc = count_card_document(rep, "好邻居", rep.generated_at, "en")
    assert doc.title == "Count card report"
    assert ("Deferred value of unused uses", yuan("90")) in doc.summary
    # a period before anything was sold: only what is outstanding now
    early = count_card_report(w.db, w.manager, start.replace(year=start.year - 1),
                              start.replace(year=start.year - 1))
    assert [(ln.code, ln.sold, ln.outstanding) for ln in early.lines] == [("TRIM3", 0, 3)]
    with pytest.raises(PermissionDenied):
        count_card_report(w.db, w.cashier)


def test_the_day_close_shows_the_days_moves_and_the_liability(world: World) -> None:
    w = world
    w.sell([("WASH10", 2)], [(TenderKind.CASH, "500")], member="alice")
    _use(w, "alice", 3)
    for actor in (w.cashier, w.manager, w.owner):
        cur = shifts.current_shift(w.db, actor)
        if cur is not None:
            shifts.close_shift(w.db, actor, {a.kind: a.expected or Money(0) for a in cur.amounts
                                             if a.kind is TenderKind.CASH})
    today = w.today()
    preview = day_report(w.db, w.manager, today)
    assert dict(preview.count_card_moves) == {CountUseKind.PURCHASE: 20, CountUseKind.USE: -3}
    assert preview.count_cards_outstanding == 17
    assert preview.count_cards_deferred == yuan("175") + yuan("250")  # 250 × 7/10 + 250
    closed = close_day(w.db, w.owner, today).report
    assert closed.count_card_moves == preview.count_card_moves
    assert closed.count_cards_deferred == preview.count_cards_deferred
    assert day_report(w.db, w.manager, today) == closed  # the sealed JSON reads back equal
