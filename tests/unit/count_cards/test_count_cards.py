"""Count cards (issue 12, item 5): templates, selling through the normal checkout,
using at the counter, over-use and expired cards refused, refunds (whole sale, the
unused part pro rata or not at all), a manager's reversal, the expiry job once per
date, and ``db check`` catching a tampered balance."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from memberdesk.models import AuditEntry, CountCardEntry, MemberCountCard, Product
from memberdesk.models.enums import CountCardStatus, CountUseKind, TenderKind
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.catalog.products import ProductDraft, update_product
from memberdesk.services.count_cards.expiry import expire_cards
from memberdesk.services.count_cards.refund import UnusedRefundRequest, refund_unused
from memberdesk.services.count_cards.templates import (
    TemplateDraft,
    add_template,
    edit_template,
    list_templates,
    set_template_active,
)
from memberdesk.services.count_cards.use import (
    ReverseRequest,
    UseRequest,
    member_cards,
    reverse_use,
    use_card,
)
from memberdesk.services.jobs.runner import run_jobs
from memberdesk.services.receipts.text import render_text
from memberdesk.services.shared.errors import PermissionDenied, UserError
from memberdesk.services.shared.permissions import Permission
from memberdesk.services.staff import approvals
from tests.checkout_support.kit import World, snapshot, yuan

from .conftest import DAY, ShopClock


def w_product_id(w: World, code: str) -> int:
    with w.db.reader() as r:
        pid = r.session.scalar(select(Product.id).where(Product.code == code))
    assert pid is not None
    return int(pid)


def refused(fn: Any, *args: Any, **kw: Any) -> UserError:
    with pytest.raises(UserError) as info:
        fn(*args, **kw)
    return info.value


def sell_card(w: World, member: str = "alice", qty: int = 1,
              tenders: list[tuple[TenderKind, str]] | None = None) -> str:
    return w.sell([("WASH10", qty)], tenders or [(TenderKind.CASH, str(250 * qty))],
                  member=member).sale_no


def the_card(w: World, member: str = "alice") -> tuple[int, int]:
    (card,) = member_cards(w.db, w.cashier, w.members[member])
    return card.card_id, card.services[0].balance_id


def ledger(w: World) -> list[tuple[CountUseKind, int, int]]:
    with w.db.reader() as r:
        return [(e.kind, e.delta, e.remaining_after) for e in r.session.scalars(
            select(CountCardEntry).order_by(CountCardEntry.id))]


def status(w: World, card_id: int) -> CountCardStatus:
    with w.db.reader() as r:
        card = r.session.get(MemberCountCard, card_id)
        assert card is not None
        return card.status


def test_templates_are_listed_edited_and_switched_off(world: World) -> None:
    w = world
    (t,) = list_templates(w.db, w.cashier)
    assert (t.code, t.name, t.price, t.validity_days, t.active, t.sold) == (
        "WASH10", "洗车10次卡", yuan("250"), 30, True, 0)
    assert [(i.product_code, i.uses) for i in t.items] == [("WASH", 10)]
    assert [(c, p) for c, _, p in t.tier_prices] == [("gold", yuan("230"))]
    e = refused(add_template, w.db, w.manager, TemplateDraft("X", "X", yuan("1"), (("WASH", 1),)))
    assert isinstance(e, PermissionDenied)  # the owner's rules
    e = refused(add_template, w.db, w.owner, TemplateDraft("X", "X", yuan("1"), (("WASH", 0),)))
    assert e.message("en").startswith("A count card needs at least one service")
    e = refused(add_template, w.db, w.owner, TemplateDraft("X", "X", yuan("1"), (("NOPE", 1),)))
    assert e.code == "count_card_service_not_found"
    two = add_template(w.db, w.owner, TemplateDraft(
        "CARE", "洗护套餐", yuan("300"), (("WASH", 5), ("CHIPS", 2)),
        valid_until=DAY + timedelta(days=90)))
    assert [(i.product_code, i.uses) for i in two.items] == [("WASH", 5), ("CHIPS", 2)]
    edited = edit_template(w.db, w.owner, "WASH10", TemplateDraft(
        "WASH10", "洗车12次卡", yuan("280"), (("WASH", 12),), validity_days=365))
    assert (edited.name, edited.price, edited.items[0].uses, edited.tier_prices) == (
        "洗车12次卡", yuan("280"), 12, ())
    # the price the counter charges is the product's: a change on the Products page shows here
    update_product(w.db, w.owner, w_product_id(w, "WASH10"), ProductDraft(
        code="WASH10", name="洗车12次卡", price=yuan("260"), unit="张", is_service=True,
        discountable=False))
    assert list_templates(w.db, w.cashier)[-1].price == yuan("260")
    off = set_template_active(w.db, w.owner, "WASH10", False)
    assert not off.active
    e = refused(w.sell, [("WASH10", 1)], [(TenderKind.CASH, "280")], member="alice")
    assert e.code == "product_inactive"


def test_selling_a_card_issues_it_in_the_checkout_transaction(
        world: World, shop_clock: ShopClock) -> None:
    w = world
    sale = w.sell([("WASH10", 1)], [(TenderKind.CASH, "250")], member="alice")
    (card,) = member_cards(w.db, w.cashier, w.members["alice"])
    last = (DAY + timedelta(days=30)).isoformat()
    assert sale.receipt.notes == (f"计次卡 洗车10次卡 No.{card.card_id}：共 10 次，有效期至 {last}",)
    assert (f"Count card 洗车10次卡 No.{card.card_id}: 10 uses, valid to {last}"
            in render_text(sale.receipt, 80, "en").replace("\n", ""))  # wrapped at 48
    assert (card.name, card.status, card.expires_on, card.remaining) == (
        "洗车10次卡", CountCardStatus.ACTIVE, DAY + timedelta(days=30), 10)
    assert ledger(w) == [(CountUseKind.PURCHASE, 10, 10)]
    # bob is gold: the tier price, paid with stored value
    w.recharge("bob", "300")
    sale = w.sell([("WASH10", 1)], [(TenderKind.STORED_VALUE, "230")], member="bob")
    assert sale.payable == yuan("230")
    with w.db.reader() as r:
        paid = r.session.scalar(select(MemberCountCard.price_paid).where(
            MemberCountCard.member_id == w.members["bob"]))
    assert paid == yuan("230")
    # without a member nothing is sold at all
    before = snapshot(w.db)
    e = refused(w.sell, [("COLA", 1), ("WASH10", 1)], [(TenderKind.CASH, "300")])
    assert e.message() == "“洗车10次卡”是计次卡，要记在会员名下：请先刷卡或输入会员手机号"
    assert snapshot(w.db) == before
    assert check_database(w.db) == []


def test_using_a_card_and_over_use_refused(world: World) -> None:
    w = world
    sell_card(w)
    card_id, bal = the_card(w)
    r = use_card(w.db, w.cashier, UseRequest(card_id, bal, 1))
    assert (r.uses, r.remaining, r.service) == (1, 9, "精洗一次")
    r = use_card(w.db, w.cashier, UseRequest(card_id, bal, 2))
    assert r.remaining == 7
    e = refused(use_card, w.db, w.cashier, UseRequest(card_id, bal, 8))
    assert e.message() == "计次卡“洗车10次卡”的“精洗一次”只剩 7 次，不够 8 次"
    assert e.message("en") == ("The count card “洗车10次卡” has only 7 uses of “精洗一次” "
                               "left, not 8")
    for bad in (0, -1, 1000, "2", True):
        assert refused(use_card, w.db, w.cashier, UseRequest(card_id, bal, bad)).code == (
            "count_card_bad_uses")
    use_card(w.db, w.cashier, UseRequest(card_id, bal, 7))
    assert status(w, card_id) is CountCardStatus.EXHAUSTED
    assert member_cards(w.db, w.cashier, w.members["alice"]) == []
    e = refused(use_card, w.db, w.cashier, UseRequest(card_id, bal, 1))
    assert e.code == "count_card_not_active"
    assert ledger(w)[1:] == [(CountUseKind.USE, -1, 9), (CountUseKind.USE, -2, 7),
                             (CountUseKind.USE, -7, 0)]
    with w.db.reader() as r:
        assert len(r.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "count_card.use")).all()) == 3
    assert check_database(w.db) == []


def test_an_expired_card_is_refused_before_and_after_the_job(
        world: World, shop_clock: ShopClock) -> None:
    w = world
    sell_card(w)
    card_id, bal = the_card(w)
    shop_clock.advance(30)  # the last day
    assert use_card(w.db, w.cashier, UseRequest(card_id, bal, 1)).remaining == 9
    shop_clock.advance(1)
    e = refused(use_card, w.db, w.cashier, UseRequest(card_id, bal, 1))
    assert e.message() == f"计次卡“洗车10次卡”已于 {(DAY + timedelta(days=30)).isoformat()} 到期，不能再用"
    assert member_cards(w.db, w.cashier, w.members["alice"]) == []  # not offered either
    run_jobs(w.db)
    assert status(w, card_id) is CountCardStatus.EXPIRED
    assert ledger(w)[-1] == (CountUseKind.EXPIRE, -9, 0)
    assert refused(use_card, w.db, w.cashier, UseRequest(card_id, bal, 1)).code == (
        "count_card_expired")
    assert check_database(w.db) == []


def test_the_expiry_job_is_idempotent_per_date(world: World, shop_clock: ShopClock) -> None:
    w = world
    sell_card(w, "alice")
    sell_card(w, "carol")
    shop_clock.advance(5)
    sell_card(w, "bob", tenders=[(TenderKind.CASH, "230")])  # expires 5 days later
    shop_clock.advance(26)
    day = w.today()
    first = expire_cards(w.db, day)
    assert (first.cards, first.uses) == (2, 20)
    again = expire_cards(w.db, day)
    assert (again.cards, again.uses) == (0, 0)
    runs = run_jobs(w.db).runs
    assert [r.counts for r in runs if r.job == "count_card_expiry"] == [{"cards": 0, "uses": 0, "reminders": 0}]
    assert [r for r in run_jobs(w.db).runs if r.job == "count_card_expiry"] == []  # recorded
    assert [k for k, *_ in ledger(w)].count(CountUseKind.EXPIRE) == 2
    shop_clock.advance(5)
    runs = run_jobs(w.db).runs
    assert [r.counts for r in runs if r.job == "count_card_expiry"][-1] == {"cards": 1, "uses": 10,
                                                                        "reminders": 0}
    assert check_database(w.db) == []


def test_refunding_the_sale_takes_the_card_back_in_one_transaction(world: World) -> None:
    w = world
    sale_no = sell_card(w, qty=2, tenders=[(TenderKind.CASH, "500")])
    cards = member_cards(w.db, w.cashier, w.members["alice"])
    assert len(cards) == 2
    use_card(w.db, w.cashier, UseRequest(cards[0].card_id, cards[0].services[0].balance_id, 1))
    before = snapshot(w.db)
    e = refused(w.refund, sale_no)  # one of the two is used: the whole sale cannot go back
    assert e.code == "count_card_used"
    assert snapshot(w.db) == before
    r = w.refund(sale_no, lines=((1, 1),))  # the unused one goes back
    assert r.amount == yuan("250")
    assert status(w, cards[1].card_id) is CountCardStatus.REFUNDED
    assert status(w, cards[0].card_id) is CountCardStatus.ACTIVE
    assert ledger(w)[-1] == (CountUseKind.REFUND, -10, 0)
    assert check_database(w.db) == []


def test_refund_of_the_unused_part_pro_rata_needs_a_manager(world: World) -> None:
    w = world
    w.recharge("alice", "100")
    sell_card(w, tenders=[(TenderKind.CASH, "200"), (TenderKind.STORED_VALUE, "50")])
    card_id, bal = the_card(w)
    use_card(w.db, w.cashier, UseRequest(card_id, bal, 3))
    req = UnusedRefundRequest(uuid.uuid4().hex, card_id, "顾客搬家")
    assert isinstance(refused(refund_unused, w.db, w.cashier, req), PermissionDenied)
    grant = approvals.grant_approval(w.db, w.cashier, approver_username="manager",
                                     approver_password="manager-pass",
                                     permission=Permission.REFUND, reason="退卡")
    sv_before = w.balances("alice")[0] + w.balances("alice")[1]
    r = refund_unused(w.db, w.cashier, UnusedRefundRequest(
        req.client_id, card_id, "顾客搬家", approval_id=grant.approval_id))
    assert r.amount == yuan("175")  # 250 * 7 / 10, back through cash and stored value
    assert sorted((t.label, t.amount) for t in r.tenders) == sorted(
        [("现金", yuan("140")), ("储值", yuan("35"))])
    assert w.balances("alice")[0] + w.balances("alice")[1] == sv_before + yuan("35")
    assert status(w, card_id) is CountCardStatus.REFUNDED
    assert ledger(w)[-1] == (CountUseKind.REFUND, -7, 0)
    again = refund_unused(w.db, w.manager, UnusedRefundRequest(req.client_id, card_id, "顾客搬家"))
    assert again.replayed and again.refund_no == r.refund_no
    e = refused(refund_unused, w.db, w.manager, UnusedRefundRequest(uuid.uuid4().hex, card_id, "x"))
    assert e.code == "count_card_nothing_left"
    assert check_database(w.db) == []


def test_refund_rule_none_refuses_the_unused_part(world: World) -> None:
    w = world
    w.set_settings(count_cards__refund_rule="none")
    sell_card(w)
    card_id, _ = the_card(w)
    before = snapshot(w.db)
    e = refused(refund_unused, w.db, w.manager, UnusedRefundRequest(uuid.uuid4().hex, card_id, "x"))
    assert e.message("en").startswith("This shop does not refund the unused part")
    assert snapshot(w.db) == before
    assert status(w, card_id) is CountCardStatus.ACTIVE


def test_a_manager_reverses_a_use_once(world: World) -> None:
    w = world
    sell_card(w)
    card_id, bal = the_card(w)
    use_card(w.db, w.cashier, UseRequest(card_id, bal, 10))
    use = ledger(w)
    assert use[-1] == (CountUseKind.USE, -10, 0)
    with w.db.reader() as r:
        use_id = r.session.scalar(select(CountCardEntry.id).where(
            CountCardEntry.kind == CountUseKind.USE))
    assert use_id is not None
    assert isinstance(refused(reverse_use, w.db, w.cashier, ReverseRequest(use_id, "按错")),
                      PermissionDenied)
    assert refused(reverse_use, w.db, w.manager, ReverseRequest(use_id, " ")).code == (
        "reason_required")
    r = reverse_use(w.db, w.manager, ReverseRequest(use_id, "按错了"))
    assert (r.uses, r.remaining) == (10, 10)
    assert status(w, card_id) is CountCardStatus.ACTIVE
    assert refused(reverse_use, w.db, w.manager, ReverseRequest(use_id, "再来")).code == (
        "count_card_use_reversed")
    assert check_database(w.db) == []


def test_db_check_finds_a_tampered_card(world: World) -> None:
    w = world
    sell_card(w)
    card_id, bal = the_card(w)
    use_card(w.db, w.cashier, UseRequest(card_id, bal, 2))
    with w.db.uow() as uow:
        uow.session.execute(text("UPDATE count_card_balances SET uses_remaining = 9"))
        uow.commit()
    problems = [p.check for p in check_database(w.db)]
    assert "count_cards" in problems
    with w.db.uow() as uow:
        uow.session.execute(text("UPDATE count_card_balances SET uses_remaining = 8"))
        uow.session.execute(text("UPDATE member_count_cards SET status = 'exhausted'"))
        uow.commit()
    assert [p.check for p in check_database(w.db)] == ["count_card_status"]



def test_a_use_and_its_undo_print_a_slip_of_what_was_used_and_what_remains(world: World) -> None:
    """The count-card slip goes through the sales receipt's renderer: 58 mm and 80 mm,
    zh_CN and English, every line within the paper's columns."""
    from memberdesk.services.receipts.text import COLUMNS, text_width

    w = world
    sell_card(w)
    card_id, balance_id = the_card(w)
    used = use_card(w.db, w.cashier, UseRequest(card_id, balance_id, 2))
    assert used.receipt is not None and used.receipt.kind == "count_card_use"
    zh = render_text(used.receipt, 58)
    assert "【计次】计次卡核销凭证" in zh and f"CC{used.entry_id:06d}" in zh
    assert "张三" in zh and "核销 精洗一次 x 2" in zh and "剩余 精洗一次 8 次" in zh
    assert used.expires_on is not None and f"有效期至 {used.expires_on.isoformat()}" in zh
    assert "应付" not in zh and "¥" not in zh  # no money on a count-card slip
    en = render_text(used.receipt, 58, "en")
    assert "[COUNT CARD] USE SLIP" in en and "Used: 精洗一次 x 2" in en
    assert "精洗一次: 8 left" in en and "Valid to" in en
    for slip, mm in ((zh, 58), (en, 58), (render_text(used.receipt, 80, "en"), 80)):
        assert all(text_width(line) <= COLUMNS[mm] for line in slip.splitlines())
    back = reverse_use(w.db, w.manager, ReverseRequest(used.entry_id, "用错了"))
    assert back.receipt is not None
    undo = render_text(back.receipt, 80)
    assert "【计次】核销撤销凭证" in undo and "撤销核销 精洗一次 x 2" in undo
    assert "剩余 精洗一次 10 次" in undo


def test_a_count_card_slip_prints_the_shops_address_and_phone(world: World) -> None:
    """The slip's header is every receipt's (receipts.header): name, address, phone."""
    from memberdesk.services.shop.details import change_shop_details

    w = world
    change_shop_details(w.db, w.owner, "好邻居洗车", "文三路 100 号", "0571-88886666")
    sell_card(w)
    card_id, balance_id = the_card(w)
    used = use_card(w.db, w.cashier, UseRequest(card_id, balance_id, 1))
    assert used.receipt is not None
    for mm in (58, 80):
        head = [ln.strip() for ln in render_text(used.receipt, mm).splitlines()[:4]]
        assert head == ["好邻居洗车", "文三路 100 号", "电话 0571-88886666", "【计次】计次卡核销凭证"]
