"""设置 → 门店: the shop's name, address and phone as its receipts print them, and a
preview of the next receipt beside them (at the paper width of the settings).

The box belongs to the settings page: its Save (Ctrl+S) saves these too
(:func:`memberdesk.services.shop.details.change_shop_details`, one audited step), and
the preview is read again after every save (:func:`.receipt_preview`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from memberdesk.services.receipts.documents import receipt_preview
from memberdesk.services.receipts.text import COLUMNS, render_text
from memberdesk.services.shop.details import (
    ADDRESS_MAX,
    NAME_MAX,
    PHONE_MAX,
    ShopDetails,
    shop_details,
)
from memberdesk.ui.shell.i18n import Retranslating

from ..dialogs.base import current_language


class ShopDetailsBox(Retranslating, QWidget):
    """Name, address, phone (the till's store) and the receipt preview."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shopDetails")
        self.details: ShopDetails | None = None
        self.receipt: Any = None  # the preview's ReceiptData
        self.paper_mm = 58
        self.heading = QLabel()
        self.heading.setObjectName("shopDetailsHeading")
        self.name = QLineEdit()
        self.name.setObjectName("shopName")
        self.name.setMaxLength(NAME_MAX)
        self.address = QLineEdit()
        self.address.setObjectName("shopAddress")
        self.address.setMaxLength(ADDRESS_MAX)
        self.phone = QLineEdit()
        self.phone.setObjectName("shopPhone")
        self.phone.setMaxLength(PHONE_MAX)
        self.fields = {"name": self.name, "address": self.address, "phone": self.phone}
        self.labels = {key: QLabel() for key in self.fields}
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        for key, edit in self.fields.items():
            edit.setMinimumWidth(150)
            edit.setMaximumWidth(360)
            self.labels[key].setBuddy(edit)
            form.addRow(self.labels[key], edit)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("figureDetail", True)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.note)
        left.addStretch(1)
        self.preview_label = QLabel()
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("receiptPreview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setMinimumHeight(190)
        right = QVBoxLayout()
        right.addWidget(self.preview_label)
        right.addWidget(self.preview, 1)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(right, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        self.retranslate()

    # -- what the page asks ---------------------------------------------------------
    @staticmethod
    def load(db: Any, actor: Any) -> tuple[ShopDetails, Any]:
        """On the worker: the details and the preview's receipt."""
        return shop_details(db, actor), receipt_preview(db, actor)

    def show_details(self, loaded: tuple[ShopDetails, Any]) -> None:
        self.details, self.receipt = loaded
        details = self.details
        for key, edit in self.fields.items():
            edit.setText(getattr(details, key))
            edit.setEnabled(details.may_change)
        self.render_preview()

    def set_paper(self, paper_mm: Any) -> None:
        self.paper_mm = int(paper_mm or 58)
        self.render_preview()

    def changes(self) -> tuple[str, str, str] | None:
        """(name, address, phone) as typed when they differ from those loaded."""
        if self.details is None or not self.details.may_change:
            return None
        typed = tuple(edit.text().strip() for edit in self.fields.values())
        loaded = (self.details.name, self.details.address, self.details.phone)
        return None if typed == loaded else (typed[0], typed[1], typed[2])

    def refused(self, error: Any) -> bool:
        """Focus the field a refusal names; whether it named one of these."""
        key = error.params.get("key") if hasattr(error, "params") else None
        if key in self.fields and getattr(error, "code", "") in (
                "required_field", "field_too_long"):
            self.fields[key].setFocus()
            return True
        return False

    def render_preview(self) -> None:
        self.preview_label.setText(self.tr("Next receipt ({mm} mm)").format(mm=self.paper_mm))
        if self.receipt is None:
            self.preview.clear()
            return
        text = render_text(self.receipt, self.paper_mm, current_language())
        self.preview.setPlainText(text.rstrip("\n"))
        columns = COLUMNS.get(self.paper_mm, 32)
        metrics = self.preview.fontMetrics()
        self.preview.setFixedWidth(metrics.horizontalAdvance("0" * (columns + 3)) + 24)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Shop name, address and phone (on receipts)"))
        self.labels["name"].setText(self.tr("Shop &name"))
        self.labels["address"].setText(self.tr("&Address"))
        self.labels["phone"].setText(self.tr("P&hone"))
        self.note.setText(self.tr(
            "Printed at the top of every receipt, centred; an empty address or phone is "
            "left out. Ctrl+S saves them with the settings."))
        self.render_preview()
