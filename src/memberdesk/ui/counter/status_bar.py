"""The counter's status bar: staff on duty, shift, shop, card reader, printer,
last good backup (in a warning colour when it is too old). (User errors go to the
banner just above it: :mod:`.banner`.)

When the window is too narrow for every field whole (English at 1024 px), the least
important field gives way first (:data:`GIVE_WAY`), ending in "…" with the whole text
in its tool tip; a field in its warning colour gives way last. A field is as wide as
its text and its padding, no wider (a blind trial: the shop's name and the shift's
number were cut at 1024 in English while the bar had room for them whole)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QToolTip, QWidget

from memberdesk.domain import shoptime
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP, Retranslating

if TYPE_CHECKING:
    from memberdesk.services.shared.context import Actor

LEAST_FIELD_PX = 48  # a field that gives way keeps its first word or so
# The fields in the order they give way, each down to a width: the shop's name to its
# first characters (the till is in it; the tool tip says it whole), the shift's number
# (a reference; "Shift:" and its first characters still say that one is open), the
# shop's name further, who is on duty, then the devices' states (read whole at 1024
# in both languages: "读卡器：…" told a cashier nothing, issue 11), the backup's age.
SHOP_SHORT_PX = 130
GIVE_WAY = (("shop", SHOP_SHORT_PX), ("shift", LEAST_FIELD_PX), ("shop", LEAST_FIELD_PX),
            ("staff", LEAST_FIELD_PX), ("printer", LEAST_FIELD_PX),
            ("reader", LEAST_FIELD_PX), ("backup", LEAST_FIELD_PX))
BAR_LEAD_PX = 10  # QStatusBar's own 2 px and the gap after its (empty) message area
FIELD_GAP_PX = 6  # between its fields

# Keys are the values of memberdesk.models.enums.Role (a StrEnum, so a Role
# looks itself up here); plain strings keep SQLAlchemy out of the start-up path.
ROLE_NAMES: dict[str, str] = {
    "owner": QT_TRANSLATE_NOOP("Roles", "Owner"),
    "manager": QT_TRANSLATE_NOOP("Roles", "Manager"),
    "cashier": QT_TRANSLATE_NOOP("Roles", "Cashier"),
}

# Keys are the values of memberdesk.hardware.reader_events.ReaderStatus.
READER_STATES: dict[str, str] = {
    "stopped": QT_TRANSLATE_NOOP("StatusFields", "Reader: not connected"),
    "no_service": QT_TRANSLATE_NOOP("StatusFields", "Reader: no service"),
    "no_reader": QT_TRANSLATE_NOOP("StatusFields", "Reader: not connected"),
    "ready": QT_TRANSLATE_NOOP("StatusFields", "Reader: ready"),
    "card_present": QT_TRANSLATE_NOOP("StatusFields", "Reader: card present"),
}

PRINTER_STATES: dict[str, str] = {
    "none": QT_TRANSLATE_NOOP("StatusFields", "Printer: none"),
    "ready": QT_TRANSLATE_NOOP("StatusFields", "Printer: ready"),
    "error": QT_TRANSLATE_NOOP("StatusFields", "Printer: not working"),
}


def role_name(role: str) -> str:
    return QCoreApplication.translate("Roles", ROLE_NAMES[role])


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when its text is wider than it may be (its
    tool tip, unless it has one of its own, then says it whole)."""

    def needed_width(self) -> int:
        """The width that shows the text whole: its advance and the padding (not
        QLabel's size hint, which adds an indent this label never draws)."""
        return (self.fontMetrics().horizontalAdvance(self.text())
                + self.width() - self.contentsRect().width())

    def elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent)
                and not self.toolTip() and self.elided()):
            QToolTip.showText(event.globalPos(), self.text(), self)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        metrics = self.fontMetrics()
        if metrics.horizontalAdvance(self.text()) <= rect.width():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        text = metrics.elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment()), text)


class StatusFields(Retranslating, QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterStatus")
        self.setSizeGripEnabled(False)
        self._actor: Actor | None = None
        self._shop = ""
        self._reader = "stopped"
        self._printer = "none"
        self._last_backup: datetime | None = None
        self._backup_known = False
        self._backup_age: float | None = None
        self._shift: str | None = None
        self._shift_known = False

        self.staff_label = self._field("statusStaff")
        self.shift_label = self._field("statusShift")
        self.shop_label = self._field("statusShop")
        self.reader_label = self._field("statusReader")
        self.printer_label = self._field("statusPrinter")
        self.backup_label = self._field("statusBackup")
        self.fields = {"staff": self.staff_label, "shift": self.shift_label,
                       "shop": self.shop_label, "reader": self.reader_label,
                       "printer": self.printer_label, "backup": self.backup_label}
        for label in self.fields.values():
            label.setMinimumWidth(LEAST_FIELD_PX)  # the bar never grows past the window
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()

    def _share_width(self) -> None:
        """Each field whole if they all fit; else the least important give way first."""
        natural = {key: label.needed_width() for key, label in self.fields.items()}
        room = self.width() - BAR_LEAD_PX - FIELD_GAP_PX * (len(self.fields) - 1)
        over = sum(natural.values()) - room
        warned = {key for key, _least in GIVE_WAY if self.fields[key].property("warning")}
        width = dict(natural)
        for key, least in ([s for s in GIVE_WAY if s[0] not in warned]
                           + [s for s in GIVE_WAY if s[0] in warned]):
            cut = max(0, min(over, width[key] - least))
            over -= cut
            width[key] -= cut
        for key, label in self.fields.items():  # (the size hint may be a pixel wider)
            label.setMaximumWidth(width[key])

    def _field(self, name: str) -> ElidedLabel:
        label = ElidedLabel()
        label.setObjectName(name)
        label.setProperty("statusField", True)
        label.setIndent(0)  # the text starts where needed_width() counts it from
        self.addPermanentWidget(label)
        return label

    # -- setters (issue 5 and the controller) ------------------------------------------
    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        self.retranslate()

    def set_shop(self, name: str) -> None:
        self._shop = name
        self.retranslate()

    def set_reader_state(self, state: str) -> None:
        """One of :data:`READER_STATES` (the hardware ``ReaderStatus`` values)."""
        if state not in READER_STATES:
            raise ValueError(f"unknown reader state {state!r}")
        self._reader = state
        self.retranslate()

    @property
    def reader_state(self) -> str:
        return self._reader

    def set_printer_state(self, state: str) -> None:
        if state not in PRINTER_STATES:
            raise ValueError(f"unknown printer state {state!r}")
        self._printer = state
        self.retranslate()

    def set_last_backup(self, when: datetime | None) -> None:
        """A backup just made (or none): fresh, so no warning."""
        age = None
        if when is not None:
            age = shoptime.age_seconds(when)
        self.set_backup(when, age, when is None)

    def set_backup(self, when: datetime | None, age_seconds: float | None, stale: bool) -> None:
        """The last good backup (None: there is none) and whether it is too old."""
        self._last_backup, self._backup_age, self._backup_known = when, age_seconds, True
        self._set_warning(self.backup_label, stale)
        self.retranslate()

    def set_shift(self, shift_no: str | None) -> None:
        """The open shift of the staff member on duty (None: no shift open)."""
        self._shift, self._shift_known = shift_no, True
        self._set_warning(self.shift_label, shift_no is None)
        self.retranslate()

    def clear_session(self) -> None:
        self._shift, self._shift_known = None, False
        self._set_warning(self.shift_label, False)
        self.retranslate()

    @staticmethod
    def _set_warning(label: QLabel, warning: bool) -> None:
        if bool(label.property("warning")) != warning:
            label.setProperty("warning", warning)
            label.style().unpolish(label)
            label.style().polish(label)

    @property
    def backup_is_stale(self) -> bool:
        return bool(self.backup_label.property("warning"))

    # -- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        if self._actor is None:
            self.staff_label.setText(self.tr("On duty: —"))
        else:
            self.staff_label.setText(
                self.tr("On duty: {name} ({role})").format(
                    name=self._actor.display_name, role=role_name(self._actor.role)
                )
            )
        shop = self.tr("Shop: {name}").format(name=self._shop or "—")
        self.shop_label.setText(shop)
        self.shop_label.setToolTip(shop)
        self.reader_label.setText(self.tr(READER_STATES[self._reader]))
        self.printer_label.setText(self.tr(PRINTER_STATES[self._printer]))
        if not self._shift_known:
            self.shift_label.setText(self.tr("Shift: —"))
        elif self._shift is None:
            self.shift_label.setText(self.tr("Shift: none open"))
        else:
            self.shift_label.setText(self.tr("Shift: {shift_no}").format(shift_no=self._shift))
        self._render_backup()

    def _render_backup(self) -> None:
        self._render_backup_text()
        if hasattr(self, "fields"):
            self._share_width()

    def _render_backup_text(self) -> None:
        when = fmt.datetime_text(self._last_backup) if self._last_backup else "—"
        self.backup_label.setToolTip(when)
        if self._backup_known and self._last_backup is None:
            self.backup_label.setText(self.tr("Backup: never"))
        elif self._backup_age is not None and self._backup_age < 60:
            self.backup_label.setText(self.tr("Backup: just now"))
        elif self._backup_age is not None:
            self.backup_label.setText(
                self.tr("Backup: {age} ago").format(age=self._age_text(self._backup_age))
            )
        else:
            self.backup_label.setText(self.tr("Backup: {when}").format(when=when))

    def _age_text(self, seconds: float) -> str:
        minutes = max(0, int(seconds // 60))
        if minutes < 60:
            return self.tr("{count} min").format(count=minutes)
        if minutes < 48 * 60:
            return self.tr("{count} h").format(count=minutes // 60)
        return self.tr("{count} days").format(count=minutes // (24 * 60))
