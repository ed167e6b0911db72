"""Issue 9: a recharge and a refund get a slip like a sale gets its receipt: on
screen over the task's dialog, printed at once when a printer is set up (a file
printer here), again with P, in the screen's language; Enter closes the slip and
the task's dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from memberdesk.models.enums import TenderKind

from .tasks_support import Counter, counter_for


@pytest.fixture
def manager_counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff, "manager")


@pytest.fixture
def printer_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "lp0"
    monkeypatch.setenv("MEMBERDESK_PRINTER", f"file:{path}")
    return path


def slip_of(c: Counter):  # type: ignore[no-untyped-def]
    c.qtbot.waitUntil(lambda: c.tasks.slip is not None and c.tasks.slip.isVisible())
    return c.tasks.slip


def recharge(c: Counter, amount: str):  # type: ignore[no-untyped-def]
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F3)
    c.type(dialog.amount, amount)
    with c.qtbot.waitSignal(dialog.recharged):
        c.press(Qt.Key.Key_Return, dialog.amount)
    c.settle()
    return dialog


def refund(c: Counter):  # type: ignore[no-untyped-def]
    sale = c.world.sell([("CHIPS", 2)], [(TenderKind.CASH, "17.60")], member="alice")
    dialog = c.open(Qt.Key.Key_F4)
    c.type(dialog.number, sale.sale_no)
    c.enter(dialog.number)
    c.type(dialog.reason, "顾客退货")
    with c.qtbot.waitSignal(dialog.refunded):
        c.press(Qt.Key.Key_Return, dialog.reason)
    c.settle()
    return dialog


def test_a_recharge_slip_is_shown_and_printed(manager_counter: Counter, printer_file: Path
                                              ) -> None:
    c = manager_counter
    dialog = recharge(c, "88")
    slip = slip_of(c)
    assert slip.parent() is c.ui.main
    no = dialog.outcome.recharge_no
    assert slip.heading.text() == f"充值凭证 · {no}"
    assert slip.change_caption.text() == "充值金额" and slip.change_value.text() == "¥88.00"
    text = slip.preview.toPlainText()
    assert "充值凭证" in text and no in text and "88.00" in text
    c.qtbot.waitUntil(lambda: slip.print_status.text() == "小票已打印。")
    sent = printer_file.read_bytes()
    assert "充值凭证".encode("gb18030") in sent and no.encode() in sent
    assert c.ui.main.status.printer_label.text() == "打印机：就绪"
    printer_file.unlink()
    c.press(Qt.Key.Key_P, slip)  # again
    c.qtbot.waitUntil(printer_file.exists)
    c.press(Qt.Key.Key_Return, slip)
    assert not slip.isVisible() and not dialog.isVisible() and c.tasks.slip is None


def test_a_refund_slip_is_shown_and_printed_in_english(manager_counter: Counter,
                                                      printer_file: Path) -> None:
    c = manager_counter
    c.ui.i18n.set_language("en")
    dialog = refund(c)
    slip = slip_of(c)
    no = dialog.outcome.refund_no
    assert slip.heading.text() == f"Refund slip · {no}"
    assert slip.change_caption.text() == "Given back" and slip.change_value.text() == "¥17.60"
    text = slip.preview.toPlainText()
    assert "REFUND RECEIPT" in text and "Refunded" in text and "17.60" in text
    assert "退款凭证" not in text and "Reason: 顾客退货" in text  # the reason as typed
    c.qtbot.waitUntil(lambda: slip.print_status.text() == "Receipt printed.")
    sent = printer_file.read_bytes()
    assert b"REFUND RECEIPT" in sent and no.encode() in sent
    c.press(Qt.Key.Key_Return, slip)
    assert not slip.isVisible() and not dialog.isVisible()


def test_without_a_printer_the_refund_slip_is_on_screen(manager_counter: Counter) -> None:
    c = manager_counter
    refund(c)
    slip = slip_of(c)
    assert "退款凭证" in slip.preview.toPlainText()
    c.press(Qt.Key.Key_P, slip)
    assert slip.print_status.text() == "未设置小票打印机，小票只在此显示。"
    assert c.ui.main.status.printer_label.text() == "打印机：未设置"
