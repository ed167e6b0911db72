"""The shop's time zone on the settings page: a short list of UTC offsets, each with
places that keep it all year ("UTC+8 北京时间（中国）"), instead of a number of minutes
(a blind trial: "时区（与 UTC 相差的分钟数）" told a new owner nothing).

What is stored is a fixed offset, ``shop.timezone_offset_minutes`` in minutes (not an
IANA zone): the shop's clock never moves for summer time. So the list names only
places without summer time (a second trial found New York, London and Sydney named
beside one fixed offset, and 尤克拉 right under Beijing), Beijing first, then the
offsets Chinese shops abroad use most, then the others west to east; the note says
why a place with summer time is missing. The settings service checks the value as
before (its range is in the settings catalogue). A value stored by other means that is
not in the list (``memberdesk settings``) is shown as its offset, among the others, and
kept."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.follow import TIME_ZONE_KEY as TIME_ZONE_KEY  # the settings page's
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP, Retranslating

CONTEXT = "TimeZones"

# (minutes from UTC, places keeping that offset all year: the source text, context
# TimeZones). Beijing first, then the common ones, then the others west to east.
COMMON: tuple[tuple[int, str], ...] = (
    (480, QT_TRANSLATE_NOOP("TimeZones", "Beijing time (China)")),
    (540, QT_TRANSLATE_NOOP("TimeZones", "Tokyo, Seoul")),
    (420, QT_TRANSLATE_NOOP("TimeZones", "Bangkok, Hanoi, Jakarta")),
    (330, QT_TRANSLATE_NOOP("TimeZones", "India, Sri Lanka")),
    (240, QT_TRANSLATE_NOOP("TimeZones", "Dubai")),
    (180, QT_TRANSLATE_NOOP("TimeZones", "Moscow, Istanbul, Riyadh")),
)
OTHERS: tuple[tuple[int, str], ...] = (
    (-660, QT_TRANSLATE_NOOP("TimeZones", "American Samoa")),
    (-600, QT_TRANSLATE_NOOP("TimeZones", "Hawaii")),
    (-420, QT_TRANSLATE_NOOP("TimeZones", "Arizona (Phoenix)")),
    (-360, QT_TRANSLATE_NOOP("TimeZones", "Mexico City, Costa Rica")),
    (-300, QT_TRANSLATE_NOOP("TimeZones", "Bogotá, Lima, Panama")),
    (-240, QT_TRANSLATE_NOOP("TimeZones", "Caracas, La Paz")),
    (-180, QT_TRANSLATE_NOOP("TimeZones", "São Paulo, Buenos Aires")),
    (-60, QT_TRANSLATE_NOOP("TimeZones", "Cape Verde")),
    (0, QT_TRANSLATE_NOOP("TimeZones", "Reykjavík, Accra")),
    (60, QT_TRANSLATE_NOOP("TimeZones", "Lagos, Algiers")),
    (120, QT_TRANSLATE_NOOP("TimeZones", "Johannesburg")),
    (210, QT_TRANSLATE_NOOP("TimeZones", "Tehran")),
    (270, QT_TRANSLATE_NOOP("TimeZones", "Kabul")),
    (300, QT_TRANSLATE_NOOP("TimeZones", "Karachi, Tashkent")),
    (345, QT_TRANSLATE_NOOP("TimeZones", "Nepal")),
    (360, QT_TRANSLATE_NOOP("TimeZones", "Dhaka, Bishkek")),
    (390, QT_TRANSLATE_NOOP("TimeZones", "Myanmar")),
    (570, QT_TRANSLATE_NOOP("TimeZones", "Darwin")),
    (600, QT_TRANSLATE_NOOP("TimeZones", "Brisbane, Guam, Vladivostok")),
    (660, QT_TRANSLATE_NOOP("TimeZones", "Solomon Islands")),
    (720, QT_TRANSLATE_NOOP("TimeZones", "Fiji, Kamchatka")),
    (780, QT_TRANSLATE_NOOP("TimeZones", "Tonga, Samoa")),
    (840, QT_TRANSLATE_NOOP("TimeZones", "Line Islands (Kiribati)")),
)
ZONES = COMMON + OTHERS
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
    """Beijing and the common offsets, a line, the others west to east; its value is
    the offset in minutes (``currentData``; the line has none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for minutes, _places in COMMON:
            self.addItem("", minutes)
        self.insertSeparator(self.count())
        self._others = self.count()  # where the others begin
        for minutes, _places in OTHERS:
            self.addItem("", minutes)
        self.retranslate()

    def set_minutes(self, minutes: int) -> None:
        index = self.findData(minutes)
        if index < 0:  # stored by other means: shown by its offset, among the others
            index = next((i for i in range(self._others, self.count())
                          if int(self.itemData(i)) > minutes), self.count())
            self.insertItem(index, offset_text(minutes), minutes)
        self.setCurrentIndex(index)

    def retranslate(self) -> None:
        for i in range(self.count()):
            if self.itemData(i) is not None:  # not the line
                self.setItemText(i, zone_text(int(self.itemData(i))))
        # the list as wide as its longest line (the field itself is narrower)
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)


def render_texts(label: QLabel, note: QLabel, default: int) -> None:
    """The field's label and its note: places, not minutes."""
    label.setText(QCoreApplication.translate("TimeZones", "Time zone"))
    note.setText(QCoreApplication.translate(
        "TimeZones", "Default: {zone}. The shop's “today” for the day close, reports and "
        "expiry is counted in it. The clock keeps this offset all year: places with summer "
        "time are not listed.").format(zone=zone_text(default)))
