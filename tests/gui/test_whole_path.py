"""Issue 11, "done means": from a shop just set up (``memberdesk init``: no products,
categories, coupons or recharge rules), the owner, by keys only, opens a shift,
adds a category and a product with a member price, a tier, a coupon and a recharge
offer, sets up the receipt printer (found, picked, a test print, saved), registers a
member, gives them the coupon at the counter and sells to them: the member price, the
coupon and the points rules are on the receipt, which comes out of the printer, and in
the ledgers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from memberdesk.models import (
    Category,
    Coupon,
    CouponTemplate,
    PointsEntry,
    Product,
    RechargeRule,
    Sale,
)
from memberdesk.models.enums import CouponStatus
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.coupons.core import member_coupons
from memberdesk.ui.counter.actions import counter_tasks_of

from .helpers import log_in

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


class Keys:
    """A person at the keyboard: keys into the widget with the focus."""

    def __init__(self, qtbot: Any, ui: Any) -> None:
        self.qtbot, self.ui = qtbot, ui

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.ui.runner.busy, timeout=10_000)
        QApplication.processEvents()

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
              widget: QWidget | None = None) -> None:
        self.qtbot.keyClick(widget or self.focus(), key, modifier)
        self.settle()

    def type(self, text: str, widget: QWidget | None = None) -> None:
        target = widget or self.focus()
        if text.isascii():
            self.qtbot.keyClicks(target, text)
        else:  # Chinese comes whole from the input method
            target.insert(text)  # type: ignore[attr-defined]

    def enter(self, text: str | None = None) -> None:
        """Replace what the focused field holds with ``text`` (None: leave it), Enter."""
        if text is not None:
            self.qtbot.keyClick(self.focus(), Qt.Key.Key_A, CTRL)
            self.type(text)
        self.press(Qt.Key.Key_Return)

    def back_to_the_counter(self) -> None:
        """A dialog closed: the window manager activates the counter again (the
        offscreen platform has none)."""
        self.ui.main.activateWindow()
        self.qtbot.waitUntil(self.ui.main.isActiveWindow, timeout=5_000)


def _count(db: Any, model: Any) -> int:
    with db.reader() as uow:
        return int(uow.session.scalar(select(func.count(model.id))) or 0)


def test_a_new_shop_sells_to_a_member_by_keys(qtbot, ui, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from memberdesk.hardware import printer_devices
    from memberdesk.hardware.printer_devices import FoundPrinter

    printer = tmp_path / "lp0"  # the receipt printer, as a file that captures what it gets
    monkeypatch.setattr(printer_devices, "find_printers", lambda: [
        FoundPrinter("usb", f"file:{printer}", "POS-58 (0416:5011)")])
    for model in (Product, Category, CouponTemplate, RechargeRule):
        assert _count(db, model) == 0
    log_in(qtbot, ui, "owner", "owner-pass")
    k = Keys(qtbot, ui)
    tasks = counter_tasks_of(ui.main)
    assert tasks is not None

    # F5: open a shift with a float of 200
    k.press(Qt.Key.Key_F5, widget=ui.main)
    shift = tasks.dialog
    assert shift is not None and shift.focusWidget() is shift.float_amount
    k.enter("200")
    assert tasks.state.shift is not None
    assert not shift.isVisible()  # opened: the dialog closed by itself
    k.back_to_the_counter()

    # F8 back office, Ctrl+9 rules: a tier, a recharge offer, a coupon
    k.press(Qt.Key.Key_F8, widget=ui.main)
    office = tasks.dialog
    assert office is not None
    k.press(Qt.Key.Key_9, CTRL, office)
    rules = office.page("rules")
    k.settle()
    k.press(Qt.Key.Key_N, CTRL, rules)
    assert rules.focusWidget() is rules.tier_code
    for text in ("vip", "黑卡会员", None, "88", "2", "50000"):  # code, name, order, paid, ×, spend
        k.enter(text)
    k.settle()
    assert "黑卡会员" in rules.message.text()
    k.press(Qt.Key.Key_Tab, CTRL)
    assert rules.focusWidget() is rules.offer_threshold
    for text in ("100", "20", "50", None, None, None, None, "充100送20"):
        k.enter(text)
    k.settle()
    assert _count(db, RechargeRule) == 1
    k.press(Qt.Key.Key_Tab, CTRL)
    k.press(Qt.Key.Key_N, CTRL)
    assert rules.focusWidget() is rules.t_code
    for text in ("OFF3", "满10减3", None, "3", "10", None, "30", None, None, None, None, None):
        k.enter(text)
    k.enter()  # "stacks", the last field: saves
    k.settle()
    assert _count(db, CouponTemplate) == 1

    # Ctrl+6 products: a category (Alt+G), then a product with the 普通会员 member price
    k.press(Qt.Key.Key_6, CTRL, office)
    products = office.page("products")
    k.settle()
    k.press(Qt.Key.Key_G, ALT, products)
    assert products.focusWidget() is products.category_code
    k.enter("tea")
    k.enter("茶叶")
    k.settle()
    assert _count(db, Category) == 1
    k.press(Qt.Key.Key_N, CTRL, products)
    assert products.focusWidget() is products.code
    for text in ("T01", "", "龙井 250g", "罐", "50", "32"):  # ... price, cost (optional)
        k.enter(text)
    assert products.focusWidget() is products.category
    k.press(Qt.Key.Key_Down)  # "—" -> 茶叶
    k.enter()
    # the points (100%) and the member prices in the order they show (the points end
    # the second row on a wide page, the form's last row on a narrow one)
    normal = products.findChild(QWidget, "memberPrice_normal")
    rest = products._fields()[7:]
    assert set(rest) == {products.points, *products.member_prices} and normal in rest
    for widget in rest:
        assert products.focusWidget() is widget
        k.enter("45" if widget is normal else None)  # the last field: saves
    k.settle()
    assert "龙井 250g" in products.message.text()
    assert _count(db, Product) == 1

    # Ctrl+8 settings: Ctrl+L finds the printer, Enter picks it, Ctrl+T test print, Ctrl+S
    k.press(Qt.Key.Key_8, CTRL, office)
    settings = office.page("settings")
    qtbot.waitUntil(lambda: settings.sheet is not None and not settings.busy, timeout=10_000)
    connection = settings.editors["printer.connection"]
    k.press(Qt.Key.Key_L, CTRL, connection)
    pick = settings.printer_pick
    assert pick is not None and pick.list.count() == 1
    k.press(Qt.Key.Key_Return, widget=pick.list)
    assert connection.text() == f"file:{printer}"
    office.activateWindow()  # the list closed: the window manager's part (offscreen has none)
    qtbot.waitUntil(office.isActiveWindow, timeout=5_000)
    k.press(Qt.Key.Key_T, CTRL, connection)
    qtbot.waitUntil(lambda: printer.exists() and not settings.busy, timeout=10_000)
    assert "打印测试".encode("gb18030") in printer.read_bytes()
    printer.unlink()
    k.press(Qt.Key.Key_S, CTRL, connection)
    qtbot.waitUntil(lambda: not settings.busy and settings.changes() == {}, timeout=10_000)
    k.press(Qt.Key.Key_Escape, widget=office)
    k.back_to_the_counter()

    # F6: a new member (no card)
    k.press(Qt.Key.Key_F6, widget=ui.main)
    register = tasks.dialog
    assert register is not None and register.focusWidget() is register.phone
    k.enter("13912345678")
    k.enter("赵六")
    assert register.focusWidget() is register.card
    k.enter()  # no card: registers
    member = register.member
    assert member is not None
    k.press(Qt.Key.Key_Escape, widget=register)
    k.back_to_the_counter()
    qtbot.waitUntil(lambda: getattr(tasks.state.member, "member_no", None) == member.member_no)

    # Shift+F1: give them the coupon
    k.press(Qt.Key.Key_F1, widget=ui.main, modifier=Qt.KeyboardModifier.ShiftModifier)
    give = tasks.dialog
    assert give is not None
    k.settle()
    assert give.table.rowCount() == 1
    k.enter()
    assert give.issued_coupons is not None
    [coupon] = member_coupons(db, member.id)
    k.press(Qt.Key.Key_Escape, widget=give)
    k.back_to_the_counter()

    # The sale: scan the product, F12, F7 + Space ticks the coupon, cash, Enter
    field = ui.main.cart_panel.product_field
    ui.main.focus_field(field)
    k.type("T01", field)
    k.press(Qt.Key.Key_Return, widget=field)
    assert ui.main.totals_panel.due_value.text() == "¥45.00"  # the member price
    k.press(Qt.Key.Key_F12, widget=ui.main)
    pay = ui.counter.payment.dialog
    assert pay is not None and pay.isVisible()
    k.press(Qt.Key.Key_F7, widget=pay)
    k.press(Qt.Key.Key_Space, widget=pay.coupon_list)
    assert pay.due_value.text() == "¥42.00"  # 45 - 3
    cash = pay.rows["cash"].field
    qtbot.keyClick(cash, Qt.Key.Key_A, CTRL)
    k.type("50", cash)
    k.press(Qt.Key.Key_Return, widget=pay)
    receipt = ui.counter.payment.receipt
    assert receipt is not None
    text = receipt.receipt_text()
    for words in ("龙井 250g", "会员价", "满10减3", "42.00"):
        assert words in text, words
    qtbot.waitUntil(printer.exists, timeout=10_000)  # printed as it was shown
    assert "龙井 250g".encode("gb18030") in printer.read_bytes()

    with db.reader() as uow:
        sale = uow.session.execute(select(
            Sale.gross, Sale.payable, Sale.change_given, Sale.points_earned)).one()
        points = list(uow.session.scalars(select(PointsEntry.delta).where(
            PointsEntry.member_id == member.id)))
    assert tuple(sale) == (Money(5000), Money(4200), Money(800), 42)
    # points: 1 per yuan paid (the shop's default), × 1 for 普通会员: 42, in the ledger
    assert points == [42]
    with db.reader() as uow:
        status = uow.session.scalar(select(Coupon.status).where(Coupon.code == coupon.code))
    assert status is CouponStatus.USED and member_coupons(db, member.id) == []
    assert check_database(db) == []
