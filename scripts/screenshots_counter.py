"""Screenshots of the counter's other dialogs, for ``scripts/screenshots_tasks.py``.

With the member on screen: member details (F10), lost card (F7), give a coupon
(Shift+F1), the count cards (Shift+F3, the member holds one: ``prepare_count_card``),
refund (F4); with nobody on screen: a new member (F6); the member pick list (a
name that several members share), the product pick list (a part of many names),
the confirmation of a large plain amount and the manual discount (F11) on a line.
Each dialog is named after itself, the language and its own size.
"""

from __future__ import annotations

from typing import Any

PICK_NAME = ["王"]  # a name that several members share (prepare_count_card finds one)
OTHER_MEMBER: list[str] = []  # signs in in the second language (once a day each)


def prepare_count_card(data_dir: Any, member_no: str | None, cashier: tuple[str, str]) -> None:
    """A 洗车 count card template and one card sold to ``member_no`` by the cashier
    (through checkout, in the shift ``screenshots.prepare_sale`` opened)."""
    import uuid

    from screenshots_tasks import owner_password
    from sqlalchemy import select

    from memberdesk.db import Database
    from memberdesk.models import Member
    from memberdesk.models.enums import TenderKind
    from memberdesk.money import Money
    from memberdesk.paths import DataPaths
    from memberdesk.services.checkout.cart import CartLine, CartRequest
    from memberdesk.services.checkout.sale import CheckoutRequest, checkout
    from memberdesk.services.count_cards.templates import TemplateDraft, add_template
    from memberdesk.services.pricing.tenders import TenderRequest
    from memberdesk.services.staff import accounts as staff

    if member_no is None:
        return
    db = Database.open(DataPaths(data_dir))
    try:
        owner = staff.login(db, "owner", owner_password())
        price = Money.of_yuan(250)
        add_template(db, owner, TemplateDraft("WASH10", "洗车10次卡", price,
                                              (("9001", 10), ("9002", 2)), validity_days=365))
        with db.reader() as uow:
            member_id = uow.session.scalar(select(Member.id).where(Member.member_no == member_no))
            names = [str(n) for n in uow.session.scalars(select(Member.name)) if n]
            OTHER_MEMBER[:] = [str(n) for n in uow.session.scalars(
                select(Member.member_no).where(Member.member_no != member_no)
                .order_by(Member.member_no).limit(1))]
        firsts = [n[0] for n in names]
        PICK_NAME[0] = max(firsts, key=firsts.count, default="王")
        checkout(db, staff.login(db, *cashier), CheckoutRequest(uuid.uuid4().hex, CartRequest(
            (CartLine(product="WASH10", qty=1),), member_id), (TenderRequest(TenderKind.CASH, price),)))
    finally:
        db.close()


def _task(cam: Any, tasks: Any, key: Any, name: str, modifier: Any = None) -> None:
    """The key on the counter, the dialog it opens photographed, Esc."""
    from PySide6.QtCore import Qt
    from screenshots_tasks import _press

    before = tasks.dialog
    _press(cam, cam.ui.main, key, modifier)
    dialog = tasks.dialog
    if dialog is before or dialog is None:
        print(f"screenshots: no {name} dialog ({cam.ui.main.banner.text})")
        return
    cam.idle()
    cam.grab(dialog, name)
    _press(cam, dialog, Qt.Key.Key_Escape)
    cam.idle()


def _popup(cam: Any, find: Any, name: str) -> None:
    """A window-modal pick or confirmation opened by the counter: photographed, Esc."""
    from PySide6.QtCore import Qt
    from screenshots_tasks import _press

    dialog = find()
    if dialog is None:
        print(f"screenshots: no {name} ({cam.ui.main.banner.text})")
        return
    cam.idle()
    cam.grab(dialog, name)
    _press(cam, dialog, Qt.Key.Key_Escape)
    cam.idle()


def _clear(cam: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    main = cam.ui.main
    main.activateWindow()
    cam.settle()
    for _ in range(3):
        QTest.keyClick(main.focusWidget() or main, Qt.Key.Key_Escape)
    cam.idle()


def shoot_counter_dialogs(cam: Any, tasks: Any, member_no: str | None) -> None:
    """Every counter dialog not photographed elsewhere (see the module's text)."""
    from PySide6.QtCore import Qt
    from screenshots_tasks import _press

    ui = cam.ui
    main = ui.main
    shift = Qt.KeyboardModifier.ShiftModifier
    if member_no:
        main.lookup_submitted.emit(member_no)
        cam.idle()
        _task(cam, tasks, Qt.Key.Key_F10, "member_edit")
        _task(cam, tasks, Qt.Key.Key_F7, "card_lost")
        _task(cam, tasks, Qt.Key.Key_F1, "give_coupon", shift)
        _task(cam, tasks, Qt.Key.Key_F3, "count_card", shift)
        _task(cam, tasks, Qt.Key.Key_F4, "refund")
    _clear(cam)
    _task(cam, tasks, Qt.Key.Key_F6, "register")
    counter = ui.counter
    main.lookup.setFocus()
    main.lookup.setText(PICK_NAME[0])  # Chinese comes whole from the input method
    _press(cam, main.lookup, Qt.Key.Key_Return)
    _popup(cam, lambda: counter.lookup.pick_dialog, "member_pick")
    _clear(cam)
    _press(cam, main.cart_panel.product_field, Qt.Key.Key_Return, text="ml")
    _popup(cam, lambda: counter.cart.pick_dialog, "product_pick")
    _press(cam, main.cart_panel.amount_field, Qt.Key.Key_Return, text="800")
    _popup(cam, lambda: counter.cart.plain_dialog, "plain_amount")
    _press(cam, main.cart_panel.product_field, Qt.Key.Key_Return, text="4001")
    _press(cam, main, Qt.Key.Key_F11)
    _popup(cam, lambda: counter.discounts.dialog, "discount")
    _clear(cam)
