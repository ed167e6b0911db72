"""The settings page's editors (:mod:`.settings`): one fitting each setting's kind,
and its value read from it or written to it as stored."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox

from memberdesk.money import Money
from memberdesk.services.shared.setting_specs import SettingSpec
from memberdesk.ui.common.money_input import MoneyEdit
from memberdesk.ui.common.widgets import NumberBox, PickerBox

from .time_zones import TIME_ZONE_KEY, TimeZonePicker

Editor = MoneyEdit | QSpinBox | QCheckBox | PickerBox | QLineEdit


def _editor_for(key: str, spec: SettingSpec) -> Editor:
    """The time zone: places by their UTC offset, not minutes (.time_zones)."""
    return TimeZonePicker() if key == TIME_ZONE_KEY else _editor(spec)


def _editor(spec: SettingSpec) -> Editor:
    if spec.kind == "money":
        return MoneyEdit()
    if spec.kind == "int":
        box = NumberBox()
        box.setRange(spec.lo, spec.hi)
        box.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return box
    if spec.kind == "bool":
        return QCheckBox()
    if spec.kind == "choice":
        picker = PickerBox()
        for value, _zh, _en in spec.options:
            picker.addItem("", value)
        return picker
    edit = QLineEdit()
    edit.setMaxLength(spec.max_len)
    if spec.kind == "secret":  # typed, never shown: the service gives back only "set"
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _read(editor: Editor, spec: SettingSpec) -> Any:
    """The value in ``editor`` as stored (an amount in fen; None: not an amount)."""
    if isinstance(editor, MoneyEdit):
        amount = editor.amount()
        return None if amount is None else amount.fen
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, PickerBox):
        return editor.currentData()
    return editor.text().strip()


def _write(editor: Editor, value: Any) -> None:
    if isinstance(editor, MoneyEdit):
        editor.set_amount(Money(int(value)))
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(value))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, TimeZonePicker):
        editor.set_minutes(int(value))
    elif isinstance(editor, PickerBox):
        editor.setCurrentIndex(max(0, editor.findData(value)))
    elif editor.echoMode() == QLineEdit.EchoMode.Password:
        editor.clear()  # a secret: empty means "keep the one stored"
        editor.setPlaceholderText("••••••" if value else "")
    else:
        editor.setText(str(value))
