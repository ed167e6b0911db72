"""The member filter's fields (:class:`memberdesk.services.members.filter.MemberFilter`)
as the back office types them, shared by the member list (会员) and the segments of
the 营销 page: tier, state, tag, birthday month, last visit from / not since, stored
value above, and from the analytics grade, RFM segment, lifecycle and churn warning;
with ``segment_fields`` also registration from / before, visits and spend in the last
N days, stored value at most and points expiring within N days. The fields sit
beside their labels, three to a row and a line high (the member list keeps eight rows
under them at 1024x768; a segment's eighteen, unfolded, in a scroll, each label on one line).
Enter in a field, or picking in a list, asks for the filter to be applied
(:attr:`apply_requested`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from memberdesk.domain.analytics import Grade, Lifecycle, Segment
from memberdesk.domain.stock import parse_quantity
from memberdesk.models.enums import MemberStatus
from memberdesk.money import Money
from memberdesk.services.loyalty.tiers import TierInfo
from memberdesk.services.members.filter import MAX_WINDOW_DAYS, MemberFilter
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.requests import parse_amount
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.i18n import Retranslating

from ..dialogs.base import AmountEdit, current_language, push_button
from .member_model import grade_help, tier_help

# the member list's eleven fields and Clear, a label beside each field: three to a row
# (the longest English labels share no row: 1024 px holds them)
LIST_ROWS = (("tier", "status", "month"), ("from", "before", "tag"),
             ("balance", "grade", "lifecycle"), ("rfm", "churn", "clear"))
DENSE_FIELD = "QLineEdit, QComboBox { min-height: 0; padding-top: 2px; padding-bottom: 2px; }"
DENSE_STYLE = DENSE_FIELD + """
QLineEdit[amountField="true"] { font-size: 15pt; font-weight: normal; min-height: 0; }
QPushButton { min-height: 0; padding: 2px 14px; }
"""
# a segment's eighteen and Clear, the same way: no row wider than a 1024 screen's
# scroll area in English (the longest labels, "Points expire in (days)", apart)
SEGMENT_ROWS = (("tier", "status", "month"), ("from", "before", "tag"),
                ("rfm", "grade", "visits"), ("expiring", "lifecycle", "window"),
                ("balance", "churn"), ("reg_from", "reg_before"),
                ("spend", "balance_max", "clear"))
DEFAULT_WINDOW = MemberFilter().window_days
DAY_PADDING = 28  # a line edit's padding (style.qss: 10 px a side), borders, 2 px margins
AMOUNT_SAMPLE = "99999.00"  # an amount field shows a stored value this long whole


def amount_width(edit: QLineEdit) -> int:
    """The width an amount field needs to show :data:`AMOUNT_SAMPLE` whole."""
    return edit.fontMetrics().horizontalAdvance(AMOUNT_SAMPLE) + DAY_PADDING


class MemberFilterBox(Retranslating, QWidget):
    apply_requested = Signal()

    def __init__(self, *, say_error: Callable[[str], None], segment_fields: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.say_error = say_error
        self.segment_fields = segment_fields
        self.tier = PickerBox()
        self.tier.setObjectName("memberListTier")
        self.tier.addItem("", None)
        self.status = PickerBox()
        for st in (None, MemberStatus.ACTIVE, MemberStatus.INACTIVE, MemberStatus.ANONYMISED):
            self.status.addItem("", st)
        self.tag = QLineEdit()
        self.tag.setMaxLength(20)
        self.month = PickerBox()
        self.month.addItem("", None)
        for m in range(1, 13):
            self.month.addItem(str(m), m)
        self.visited_from, self.visited_before = QLineEdit(), QLineEdit()
        self.registered_from, self.registered_before = QLineEdit(), QLineEdit()
        for edit in (self.visited_from, self.visited_before, self.registered_from,
                     self.registered_before):
            edit.setMaxLength(10)
        self.balance = AmountEdit()
        self.balance.setObjectName("memberListBalance")
        self.balance.setPlaceholderText("")
        self.balance_max = AmountEdit()
        self.balance_max.setPlaceholderText("")
        self.spend_min = AmountEdit()
        self.spend_min.setPlaceholderText("")
        self.window_days = QLineEdit(str(DEFAULT_WINDOW))
        self.visits_min, self.expiring = QLineEdit(), QLineEdit()
        for edit in (self.window_days, self.visits_min, self.expiring):
            edit.setMaxLength(5)
        self.grade, self.rfm, self.lifecycle = PickerBox(), PickerBox(), PickerBox()
        self.grade.setObjectName("memberListGrade")
        for box, kind in ((self.grade, Grade), (self.rfm, Segment), (self.lifecycle, Lifecycle)):
            box.addItem("", "")
            for item in kind:
                box.addItem("", item.code)
        self.churn = PickerBox()
        self.churn.setObjectName("memberListChurn")
        for value in (None, True, False):
            self.churn.addItem("", value)
        self.clear_button = push_button(self.clear)
        cells: list[tuple[str, QWidget]] = [
            ("tier", self.tier), ("status", self.status), ("tag", self.tag),
            ("month", self.month), ("from", self.visited_from), ("before", self.visited_before),
            ("balance", self.balance), ("grade", self.grade), ("rfm", self.rfm),
            ("lifecycle", self.lifecycle), ("churn", self.churn)]
        if segment_fields:
            cells += [("reg_from", self.registered_from), ("reg_before", self.registered_before),
                      ("window", self.window_days), ("visits", self.visits_min),
                      ("spend", self.spend_min), ("balance_max", self.balance_max),
                      ("expiring", self.expiring)]
        self.labels = {key: QLabel() for key, _ in cells}
        for key, widget in cells:
            self.labels[key].setBuddy(widget)
            if isinstance(widget, QLineEdit):
                widget.setMinimumWidth(60)
        self._lay_out_beside(dict(cells), SEGMENT_ROWS if segment_fields else LIST_ROWS)
        self.combos = (self.tier, self.status, self.month, self.grade, self.rfm, self.lifecycle,
                       self.churn)
        for combo in self.combos:
            combo.setSizeAdjustPolicy(
                PickerBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
            combo.setProperty("compact", True)  # style.qss: a narrower arrow at 1024 px
            combo.activated.connect(lambda _i: self.apply_requested.emit())
        self.month.setMinimumContentsLength(3)  # any, 12
        # the state box shows its longest choice whole (正常和已停用) and a day is typed
        # whole (2026-01-31, see retranslate): the tag and the lists with "any" first give way
        self.status.setSizeAdjustPolicy(PickerBox.SizeAdjustPolicy.AdjustToContents)
        for edit in (self.balance, self.balance_max, self.spend_min):  # (their own big font)
            edit.ensurePolished()
            edit.setMinimumWidth(amount_width(edit))
        self.edits: tuple[QLineEdit, ...] = (
            self.tag, self.visited_from, self.visited_before, self.balance,
            self.registered_from, self.registered_before, self.window_days, self.visits_min,
            self.spend_min, self.balance_max, self.expiring)
        for edit in self.edits:  # Enter applies; so does leaving a field typed in (Tab, a
            # click elsewhere, 保存 on the segments tab): what is shown is what is typed
            edit.returnPressed.connect(lambda e=edit: self._typed(e, enter=True))
            edit.editingFinished.connect(lambda e=edit: self._typed(e))
        self.retranslate()

    def _typed(self, edit: QLineEdit, *, enter: bool = False) -> None:
        if enter or edit.isModified():
            edit.setModified(False)
            self.apply_requested.emit()

    def _lay_out_beside(self, cells: dict[str, QWidget],
                        rows_of: tuple[tuple[str, ...], ...]) -> None:
        """Dense rows of label + field pairs (:data:`LIST_ROWS`, :data:`SEGMENT_ROWS`),
        fields one line high (:data:`DENSE_STYLE`), so the list keeps eight rows and more
        under them at 1024x768; each row shares its own width."""
        self.setStyleSheet(DENSE_STYLE)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        for keys in rows_of:
            row = QHBoxLayout()
            row.setSpacing(12)
            for key in keys:
                pair = QHBoxLayout()
                pair.setSpacing(5)
                if key == "clear":
                    pair.addStretch(1)
                    pair.addWidget(self.clear_button)
                else:
                    pair.addWidget(self.labels[key])
                    pair.addWidget(cells[key], 1)
                row.addLayout(pair, 1)
            rows.addLayout(row)

    def first_button(self) -> QPushButton:
        return self.clear_button

    def in_use(self) -> int:
        """How many fields narrow the list (a choice other than the first, a field typed
        in, a segment's window other than the default): what the filters' button counts."""
        picked = sum(box.currentIndex() > 0 for box in self.combos)
        typed = sum(bool(e.text().strip()) for e in self.edits if e is not self.window_days)
        window = self.segment_fields and self.window_days.text().strip() not in (
            "", str(DEFAULT_WINDOW))
        return picked + typed + int(window)

    # -- reading and writing -----------------------------------------------------------
    def _refuse(self, edit: QLineEdit, text: str) -> None:
        self.say_error(text)
        edit.setFocus()
        edit.selectAll()

    def _day(self, edit: QLineEdit) -> tuple[bool, date | None]:
        text = edit.text().strip()
        if not text:
            return True, None
        try:
            return True, date.fromisoformat(text)
        except ValueError:
            self._refuse(edit, self.tr("Type a day as 2026-01-31, or leave it empty."))
            return False, None

    def _money(self, edit: QLineEdit) -> tuple[bool, Money | None]:
        if not edit.text().strip():
            return True, None
        try:
            return True, parse_amount(edit.text())
        except UserError as exc:
            self._refuse(edit, exc.message(current_language()))
            return False, None

    def _whole(self, edit: QLineEdit, high: int) -> tuple[bool, int | None]:
        if not edit.text().strip():
            return True, None
        n = parse_quantity(edit.text(), allow_zero=False)
        if n is None or n > high:
            self._refuse(edit, self.tr("Type a whole number from 1 to {high}, or leave it "
                                       "empty.").format(high=high))
            return False, None
        return True, n

    def filters(self) -> MemberFilter | None:
        """The filter typed, or None (a problem was shown)."""
        got = [self._day(e) for e in (self.visited_from, self.visited_before,
                                      self.registered_from, self.registered_before)]
        money = [self._money(e) for e in (self.balance, self.spend_min, self.balance_max)]
        whole = [self._whole(self.window_days, MAX_WINDOW_DAYS), self._whole(self.visits_min, 9999),
                 self._whole(self.expiring, 3650)]
        if not all(ok for ok, _ in (*got, *money, *whole)):
            return None
        (_, v_from), (_, v_before), (_, r_from), (_, r_before) = got
        (_, above), (_, spend), (_, at_most) = money
        (_, window), (_, visits), (_, expiring) = whole
        return MemberFilter(
            tier_id=self.tier.currentData(), tag=self.tag.text(),
            birthday_month=self.month.currentData(), registered_from=r_from,
            registered_before=r_before, visited_from=v_from, visited_before=v_before,
            window_days=window or DEFAULT_WINDOW, visits_min=visits, spend_min=spend,
            stored_value_above=above, stored_value_max=at_most,
            points_expiring_days=expiring, grade=self.grade.currentData(),
            rfm_segment=self.rfm.currentData(), lifecycle=self.lifecycle.currentData(),
            churn=self.churn.currentData(), status=self.status.currentData())

    def set_filters(self, f: MemberFilter) -> None:
        """Show a saved filter in the fields."""
        def pick(box: PickerBox, value: object) -> None:
            box.setCurrentIndex(max(0, box.findData(value)))

        pick(self.tier, f.tier_id)
        pick(self.status, f.status)
        pick(self.month, f.birthday_month)
        pick(self.grade, f.grade)
        pick(self.rfm, f.rfm_segment)
        pick(self.lifecycle, f.lifecycle)
        pick(self.churn, f.churn)
        self.tag.setText(f.tag)

        def day(d: date | None) -> str:
            return d.isoformat() if d else ""

        def money(m: Money | None) -> str:
            return m.yuan() if m is not None else ""

        self.visited_from.setText(day(f.visited_from))
        self.visited_before.setText(day(f.visited_before))
        self.registered_from.setText(day(f.registered_from))
        self.registered_before.setText(day(f.registered_before))
        self.balance.setText(money(f.stored_value_above))
        self.balance_max.setText(money(f.stored_value_max))
        self.spend_min.setText(money(f.spend_min))
        self.window_days.setText(str(f.window_days))
        self.visits_min.setText("" if f.visits_min is None else str(f.visits_min))
        self.expiring.setText("" if f.points_expiring_days is None
                              else str(f.points_expiring_days))

    def show_tiers(self, tiers: list[TierInfo]) -> None:
        keep = self.tier.currentData()
        self.tier.clear()
        self.tier.addItem(self.tr("any"), None)
        for t in tiers:
            self.tier.addItem(t.name, t.id)
        self.tier.setCurrentIndex(max(0, self.tier.findData(keep)))

    def clear(self) -> None:
        self.set_filters(MemberFilter())
        self.apply_requested.emit()

    # -- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {"tier": self.tr("&Tier"), "status": self.tr("Stat&us"), "tag": self.tr("T&ag"),
                 "month": self.tr("Birthday &month"), "from": self.tr("Visite&d from"),
                 "before": self.tr("Not visited &since"),
                 "balance": self.tr("Stored &value above"), "grade": self.tr("Value g&rade"),
                 "rfm": self.tr("&Customer group (RFM)"), "lifecycle": self.tr("Lifec&ycle"),
                 "churn": self.tr("C&hurn warning"), "reg_from": self.tr("Joined &from"),
                 "reg_before": self.tr("Joined &before"), "window": self.tr("&Window (days)"),
                 "visits": self.tr("V&isits at least"), "spend": self.tr("S&pent at least"),
                 "balance_max": self.tr("Stored va&lue up to"),
                 "expiring": self.tr("Points e&xpire in (days)")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        rfm_help = self.tr("Members grouped by how recently (R), how often (F) and how much (M) "
                           "they buy: loyal customers, new ones, ones to win back…")
        self.labels["rfm"].setToolTip(rfm_help)
        self.rfm.setToolTip(rfm_help)
        for key, box, text in (("tier", self.tier, tier_help()),
                               ("grade", self.grade, grade_help())):
            self.labels[key].setToolTip(text)
            box.setToolTip(text)
        lang = current_language()
        any_text = self.tr("any")
        for box in (self.tier, self.month, self.grade, self.rfm, self.lifecycle):
            if box.count():
                box.setItemText(0, any_text)
        for box, kind in ((self.grade, Grade), (self.rfm, Segment), (self.lifecycle, Lifecycle)):
            for i, item in enumerate(kind, start=1):
                box.setItemText(i, item.label(lang))
        for i, text in enumerate((any_text, self.tr("with a warning"), self.tr("without"))):
            self.churn.setItemText(i, text)
        # the first, the default, lists everyone but the anonymised (the states as the
        # member list's column names them)
        states = [self.tr("Active and deactivated"), self.tr("Active"), self.tr("Deactivated"),
                  self.tr("Anonymised")]
        for i, text in enumerate(states):
            self.status.setItemText(i, text)
        self.status.ensurePolished()  # (its compact style, not the default one)
        self.status.setMinimumWidth(self.status.sizeHint().width())  # its longest, whole
        hint = self.tr("YYYY-MM-DD")  # empty reads as empty, not as a day typed
        metrics = self.fontMetrics()
        day_width = max(metrics.horizontalAdvance(t) for t in ("2026-01-31", hint)) + DAY_PADDING
        for edit in (self.visited_from, self.visited_before, self.registered_from,
                     self.registered_before):
            edit.setPlaceholderText(hint)
            edit.setMinimumWidth(day_width)  # the day and the hint whole
        self.tag.setPlaceholderText("VIP")  # an example (the field is narrow at 1024)
        self.tag.setToolTip(self.tr("e.g. VIP"))
        self.clear_button.setText(self.tr("Clear filters"))
