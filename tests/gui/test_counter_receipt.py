"""After the payment: the receipt preview, printing (and a printer that fails),
the printer state in the status bar, and the same screens in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


@pytest.fixture
def printer_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "lp0"
    monkeypatch.setenv("MEMBERDESK_PRINTER", f"file:{path}")
    return path


def pay_cash(till: Till) -> None:
    till.ring_up("COLA")
    dialog = till.pay_key()
    till.press(Qt.Key.Key_Return, dialog)
    assert till.receipt is not None


def test_the_receipt_prints_by_itself_and_again_with_p(printer_file: Path, till: Till) -> None:
    assert till.main.status.printer_label.text() == "打印机：就绪"
    pay_cash(till)
    receipt = till.receipt
    till.qtbot.waitUntil(lambda: receipt.print_status.text() == "小票已打印。")
    sent = printer_file.read_bytes()
    assert "可口可乐 330ml".encode("gb18030") in sent
    assert till.sales()[0].sale_no.encode() in sent
    printer_file.unlink()
    till.press(Qt.Key.Key_P, receipt)
    till.qtbot.waitUntil(printer_file.exists)
    till.qtbot.waitUntil(lambda: receipt.print_status.text() == "小票已打印。")


def test_a_printer_that_fails_does_not_undo_the_sale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, till: Till
) -> None:
    monkeypatch.setenv("MEMBERDESK_PRINTER", f"file:{tmp_path / 'no-such-dir' / 'lp0'}")
    pay_cash(till)
    receipt = till.receipt
    till.qtbot.waitUntil(lambda: receipt.print_status.text().startswith("打印失败："))
    assert till.main.status.printer_label.text() == "打印机：故障"
    assert till.sale_count() == 1


def test_without_a_printer_the_receipt_is_on_screen(till: Till) -> None:
    assert till.main.status.printer_label.text() == "打印机：未设置"
    pay_cash(till)
    receipt = till.receipt
    till.press(Qt.Key.Key_P, receipt)
    assert receipt.print_status.text() == "未设置小票打印机，小票只在此显示。"
    assert "销售小票" in receipt.preview.toPlainText()


def test_the_payment_and_the_receipt_in_english(till: Till) -> None:
    till.world.recharge("alice", "100")
    till.ui.i18n.set_language("en")
    till.find("13800000001")
    till.ring_up("COLA")
    assert till.main.member_panel.card.sv_caption.text() == "Balance"
    dialog = till.pay_key()
    assert dialog.due_caption.text() == "Amount due"
    assert dialog.rows["stored_value"].button.text() == "F1  Stored value"
    assert dialog.summary.text() == "Paid in full: press Enter"
    assert dialog.confirm_button.text() == "Take payment (Enter)"
    till.press(Qt.Key.Key_Return, dialog)
    receipt = till.receipt
    assert receipt.heading.text().startswith("Paid · sale S")
    assert receipt.sv_value.text() == "¥96.50"
    assert "SALES RECEIPT" in receipt.preview.toPlainText()
    till.ui.i18n.set_language("zh_CN")
    till.qtbot.waitUntil(lambda: "销售小票" in receipt.preview.toPlainText())  # re-laid out


def test_the_printer_set_in_the_settings_prints(
    qtbot, ui, db, staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from memberdesk.services.shared.settings import change_settings

    monkeypatch.delenv("MEMBERDESK_PRINTER", raising=False)
    path = tmp_path / "lp0"
    change_settings(db, staff["owner"], {"printer.connection": f"file:{path}",
                                         "printer.open_drawer": True})
    till = make_till(qtbot, ui, db, staff)
    till.qtbot.waitUntil(lambda: till.main.status.printer_label.text() == "打印机：就绪")
    pay_cash(till)
    receipt = till.receipt
    till.qtbot.waitUntil(lambda: receipt.print_status.text() == "小票已打印。")
    sent = path.read_bytes()
    assert "可口可乐 330ml".encode("gb18030") in sent
    assert b"\x1bp\x00" in sent  # the cash drawer kick (ESC p, pin 2)


def test_the_environment_variable_wins_over_the_setting(
    qtbot, ui, db, staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from memberdesk.services.shared.settings import change_settings

    setting, env = tmp_path / "set-lp0", tmp_path / "env-lp0"
    change_settings(db, staff["owner"], {"printer.connection": f"file:{setting}"})
    monkeypatch.setenv("MEMBERDESK_PRINTER", f"file:{env}")
    till = make_till(qtbot, ui, db, staff)
    pay_cash(till)
    receipt = till.receipt
    till.qtbot.waitUntil(lambda: receipt.print_status.text() == "小票已打印。")
    assert env.exists() and not setting.exists()
