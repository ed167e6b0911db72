"""The shift at the counter, by keys: after 开班 the counter has the keys again (the
next customer's phone must not land in the shift dialog's cash in/out amount)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from memberdesk.models import ShiftCashMove
from memberdesk.models.enums import TenderKind
from memberdesk.services.shifts import shift as shifts
from memberdesk.ui.counter.actions import counter_tasks_of
from tests.checkout_support.kit import yuan

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def _counter_has_the_keys(till: Till) -> None:
    till.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None
                         and QApplication.focusWidget() is till.lookup)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_opening_a_shift_closes_the_dialog_and_the_next_typing_finds_a_member(
        till: Till, lang: str) -> None:
    shifts.close_shift(till.db, till.world.cashier, {TenderKind.CASH: yuan("200")})
    till.ui.i18n.set_language(lang)
    tasks = counter_tasks_of(till.main)
    assert tasks is not None
    _counter_has_the_keys(till)
    till.press(Qt.Key.Key_F5)
    dialog = tasks.dialog
    assert dialog is not None and dialog.isVisible()
    till.qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.float_amount)
    till.type(dialog.float_amount, "300")  # and Enter
    assert till.ui.state.shift is not None and till.ui.state.shift.opening_float == yuan("300")
    till.qtbot.waitUntil(lambda: not dialog.isVisible())
    shift_no = till.ui.state.shift.shift_no
    assert till.main.banner.tone == "ok"
    assert till.main.banner.text == (
        f"班次 {shift_no} 已开始，备用金 ¥300.00，可以收银了。" if lang == "zh_CN"
        else f"Shift {shift_no} started, float ¥300.00. Ready to sell.")
    _counter_has_the_keys(till)
    till.type(QApplication.focusWidget(), "13800000001")  # the next customer's phone
    assert till.main.member_panel.card.name.text() == "张三"
    with till.db.reader() as uow:
        assert uow.session.scalar(select(ShiftCashMove)) is None  # nothing went to the dialog
