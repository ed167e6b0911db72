"""Issue 11 (blind trial): after the shop's time zone was changed in Settings, the
refund dialog's list of recent sales and the sale's stored receipt gave different
times for the same sale. A reprint is a copy of the receipt as it was printed (its
time too); the screens show the shop's time zone as it is now — from the moment the
settings are saved, not the next log-in — and the refund dialog says the printed time
beside it when the two differ."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from memberdesk.domain import shoptime
from memberdesk.models import Sale
from memberdesk.models.enums import TenderKind
from memberdesk.services.receipts.documents import load_receipt
from memberdesk.ui.common import fmt

from .tasks_support import Counter
from .test_backoffice_settings import CTRL, TIME_ZONE, settings_page, settle
from .test_tasks_refund import find_sale

TOKYO = 540  # an hour east of Beijing, the shop's zone when the sale was printed


def made_at(c: Counter, sale_no: str) -> str:
    """The sale's time in the Tokyo zone, as the screens should show it."""
    with c.db.reader() as uow:
        at = uow.session.scalar(select(Sale.created_at).where(Sale.sale_no == sale_no))
    assert at is not None
    return fmt.local_text(shoptime.local_time(at, TOKYO))


def test_after_a_time_zone_change_the_refund_dialog_shows_one_time_and_the_printed_one(
        owner: Counter) -> None:
    c = owner
    sale = c.world.sell([("COLA", 2)], [(TenderKind.CASH, "7.00")])
    printed = sale.receipt.issued_at[:16]  # under Beijing time
    office, page = settings_page(c)
    zone = page.editors[TIME_ZONE]
    zone.setFocus()
    zone.setCurrentIndex(zone.findData(TOKYO))
    c.press(Qt.Key.Key_S, zone, CTRL)
    settle(c, page)
    assert page.message.text() == "已保存，修改了 1 项设置。"
    c.press(Qt.Key.Key_Escape, office)
    c.settle()

    now = made_at(c, sale.sale_no)
    assert now != printed  # an hour later on the clock
    dialog = c.open(Qt.Key.Key_F4)
    row = dialog.history.row_text(0)
    assert row.startswith(f"{sale.sale_no}    {now}    ")  # the zone as it is now
    find_sale(c, dialog, sale.sale_no)
    head = dialog.view.summary.text().splitlines()[0]
    assert head == (f"销售单 {sale.sale_no}，{now}（小票上印的是 {printed}：在更改时区之前打印），"
                    f"收银员 {sale.receipt.cashier}")
    c.ui.i18n.set_language("en")
    c.qtbot.waitUntil(lambda: "the receipt says" in dialog.view.summary.text())
    assert dialog.view.summary.text().startswith(
        f"Sale {sale.sale_no} of {now} (the receipt says {printed}: printed before the "
        "time zone was changed), cashier ")
    # the reprint is a copy of the receipt the customer holds
    assert load_receipt(c.db, c.world.owner, sale.sale_no).issued_at == sale.receipt.issued_at

    later = c.world.sell([("COLA", 1)], [(TenderKind.CASH, "3.50")])  # printed in Tokyo time
    dialog.reject()
    c.settle()
    dialog = c.open(Qt.Key.Key_F4)
    find_sale(c, dialog, later.sale_no)
    assert dialog.view.summary.text().startswith(
        f"Sale {later.sale_no} of {later.receipt.issued_at[:16]}, cashier ")
