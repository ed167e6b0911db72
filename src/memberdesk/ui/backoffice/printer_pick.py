"""The printers this computer can see (``hardware.printer_devices.find_printers``,
run on the worker), to pick one for the settings page: Up/Down, Enter picks it
(its address goes into the printer field), Esc goes back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from memberdesk.ui.shell.i18n import Retranslating, add_language_key

KIND_WORDS = {"usb": "USB", "file": "USB", "serial": "COM", "windows": "Windows"}


def find(_db: Any = None) -> list[Any]:
    from memberdesk.hardware.printer_devices import find_printers

    return find_printers()


class PrinterPickDialog(Retranslating, QDialog):
    picked = Signal(str)  # the address for printer.connection

    def __init__(self, printers: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_language_key(self)
        self.setObjectName("printerPickDialog")
        self.setModal(True)
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("foundPrinters")
        for p in printers:
            item = QListWidgetItem(f"{KIND_WORDS.get(p.kind, p.kind)}  {p.label}   {p.address}")
            item.setData(Qt.ItemDataRole.UserRole, p.address)
            self.list.addItem(item)
        if printers:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.pick())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addWidget(self.note)
        self.setMinimumWidth(560)
        self.retranslate()
        self.list.setFocus()

    def pick(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.picked.emit(str(item.data(Qt.ItemDataRole.UserRole)))
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.pick()
        else:
            super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Printers"))
        self.heading.setText(self.tr("Printers connected to this computer"))
        self.note.setText(
            self.tr("Enter picks the printer; then Ctrl+T prints a test page and Ctrl+S "
                    "saves. A network printer is typed: network:192.168.1.87:9100."))
