"""The shop's time zone on the settings page: a list of the UTC offsets, whole and half
hours, each with places that keep it ("UTC+8 北京时间（中国）"), instead of a number of
minutes (a blind trial: "时区（与 UTC 相差的分钟数）" told a new owner nothing).

What is stored is the same setting, ``shop.timezone_offset_minutes`` in minutes; the
settings service checks it as before (its range is in the settings catalogue). A value
stored by other means that is not in the list (``memberdesk settings``) is shown as
its offset and kept."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.follow import TIME_ZONE_KEY as TIME_ZONE_KEY  # the settings page's
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP, Retranslating

CONTEXT = "TimeZones"

# (minutes from UTC, places keeping that offset: the source text, context TimeZones)
ZONES: tuple[tuple[int, str], ...] = (
    (-720, QT_TRANSLATE_NOOP("TimeZones", "Baker Island")),
    (-660, QT_TRANSLATE_NOOP("TimeZones", "American Samoa")),
    (-600, QT_TRANSLATE_NOOP("TimeZones", "Hawaii")),
    (-570, QT_TRANSLATE_NOOP("TimeZones", "Marquesas Islands")),
    (-540, QT_TRANSLATE_NOOP("TimeZones", "Alaska")),
    (-480, QT_TRANSLATE_NOOP("TimeZones", "Los Angeles, Vancouver")),
    (-420, QT_TRANSLATE_NOOP("TimeZones", "Denver, Phoenix")),
    (-360, QT_TRANSLATE_NOOP("TimeZones", "Mexico City, Chicago")),
    (-300, QT_TRANSLATE_NOOP("TimeZones", "New York, Toronto")),
    (-240, QT_TRANSLATE_NOOP("TimeZones", "Santiago, Caracas")),
    (-210, QT_TRANSLATE_NOOP("TimeZones", "Newfoundland")),
    (-180, QT_TRANSLATE_NOOP("TimeZones", "São Paulo, Buenos Aires")),
    (-120, QT_TRANSLATE_NOOP("TimeZones", "South Georgia")),
    (-60, QT_TRANSLATE_NOOP("TimeZones", "Azores, Cape Verde")),
    (0, QT_TRANSLATE_NOOP("TimeZones", "London, Lisbon")),
    (60, QT_TRANSLATE_NOOP("TimeZones", "Paris, Berlin, Lagos")),
    (120, QT_TRANSLATE_NOOP("TimeZones", "Cairo, Athens")),
    (180, QT_TRANSLATE_NOOP("TimeZones", "Moscow, Istanbul, Riyadh")),
    (210, QT_TRANSLATE_NOOP("TimeZones", "Tehran")),
    (240, QT_TRANSLATE_NOOP("TimeZones", "Dubai")),
    (270, QT_TRANSLATE_NOOP("TimeZones", "Kabul")),
    (300, QT_TRANSLATE_NOOP("TimeZones", "Karachi, Tashkent")),
    (330, QT_TRANSLATE_NOOP("TimeZones", "India, Sri Lanka")),
    (345, QT_TRANSLATE_NOOP("TimeZones", "Nepal")),
    (360, QT_TRANSLATE_NOOP("TimeZones", "Dhaka, Almaty")),
    (390, QT_TRANSLATE_NOOP("TimeZones", "Myanmar")),
    (420, QT_TRANSLATE_NOOP("TimeZones", "Bangkok, Hanoi, Jakarta")),
    (480, QT_TRANSLATE_NOOP("TimeZones", "Beijing time (China)")),
    (525, QT_TRANSLATE_NOOP("TimeZones", "Eucla (Australia)")),
    (540, QT_TRANSLATE_NOOP("TimeZones", "Tokyo, Seoul")),
    (570, QT_TRANSLATE_NOOP("TimeZones", "Darwin, Adelaide")),
    (600, QT_TRANSLATE_NOOP("TimeZones", "Sydney, Vladivostok")),
    (630, QT_TRANSLATE_NOOP("TimeZones", "Lord Howe Island")),
    (660, QT_TRANSLATE_NOOP("TimeZones", "Solomon Islands")),
    (720, QT_TRANSLATE_NOOP("TimeZones", "Auckland, Fiji")),
    (765, QT_TRANSLATE_NOOP("TimeZones", "Chatham Islands")),
    (780, QT_TRANSLATE_NOOP("TimeZones", "Tonga, Samoa")),
    (840, QT_TRANSLATE_NOOP("TimeZones", "Line Islands (Kiribati)")),
)
PLACES = dict(ZONES)


def offset_text(minutes: int) -> str:
    """``UTC+8``, ``UTC+5:30``, ``UTC-3:30``, ``UTC+0``."""
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'-' if minutes < 0 else '+'}{hours}" + (f":{rest:02d}" if rest else "")


def zone_text(minutes: int) -> str:
    """The offset and its places, in the window's language."""
    places = PLACES.get(minutes)
    if places is None:
        return offset_text(minutes)
    return f"{offset_text(minutes)} {QCoreApplication.translate(CONTEXT, places)}"


class TimeZonePicker(Retranslating, PickerBox):
    """The offsets west to east; its value is the offset in minutes (``currentData``)."""

    WIDTH = 312  # "UTC+8 北京时间（中国）" and its English whole (other fields: 240 px)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for minutes, _places in ZONES:
            self.addItem("", minutes)
        self.retranslate()

    def set_minutes(self, minutes: int) -> None:
        index = self.findData(minutes)
        if index < 0:  # stored by other means: shown by its offset, in its place
            index = sum(1 for i in range(self.count()) if int(self.itemData(i)) < minutes)
            self.insertItem(index, offset_text(minutes), minutes)
        self.setCurrentIndex(index)

    def retranslate(self) -> None:
        for i in range(self.count()):
            self.setItemText(i, zone_text(int(self.itemData(i))))
        # the list as wide as its longest line (the field itself is narrower)
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)


def render_texts(label: QLabel, note: QLabel, default: int) -> None:
    """The field's label and its note: places, not minutes."""
    label.setText(QCoreApplication.translate("TimeZones", "Time zone"))
    note.setText(QCoreApplication.translate(
        "TimeZones", "Default: {zone}. The shop's “today” for the day close, reports and "
        "expiry is counted in it.").format(zone=zone_text(default)))
