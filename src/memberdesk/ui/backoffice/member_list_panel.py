"""会员列表 — the members page's list: a search box (the counter's lookup: phone, last
4 digits, name, pinyin initials, card, member number), a sort, filters (tier, tag,
birthday month, last visit from / before a day, stored value above) and the lazy
table (:mod:`.member_model`). Enter in the search box or a filter applies it now;
Enter (or a double click) on a member opens the member's page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from memberdesk.models.enums import MemberStatus
from memberdesk.money import Money
from memberdesk.services.errors import UserError
from memberdesk.services.member_list import MemberFilter, MemberSort
from memberdesk.services.requests import parse_amount
from memberdesk.services.tiers import TierInfo

from ..dialogs.base import AmountEdit, current_language, push_button
from ..i18n import Retranslating
from ..tasks import TaskRunner
from ..widgets import PickerBox
from .member_model import MemberModel

SORTS = (MemberSort.MEMBER_NO, MemberSort.NAME, MemberSort.LAST_VISIT, MemberSort.STORED_VALUE,
         MemberSort.POINTS)


class MemberTable(QTableView):
    opened = Signal(int)  # the row

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().isValid():
                self.opened.emit(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)


class MemberListPanel(Retranslating, QWidget):
    def __init__(self, runner: TaskRunner, actor: Any, *, say_error: Callable[[str], None],
                 open_member: Callable[[str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberListPanel")
        self.say_error = say_error
        self.open_member = open_member
        self.search = QLineEdit()
        self.search.setObjectName("memberListSearch")
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(300)
        self.search_timer.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self.apply_now)
        self.sort = PickerBox()
        self.sort.setObjectName("memberListSort")
        for s in SORTS:
            self.sort.addItem("", s)
        self.sort.currentIndexChanged.connect(lambda _i: self.apply_now())
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
        self.visited_from = QLineEdit()
        self.visited_before = QLineEdit()
        for edit in (self.visited_from, self.visited_before):
            edit.setMaxLength(10)
            edit.setPlaceholderText("2026-01-31")
        self.balance = AmountEdit()
        self.balance.setObjectName("memberListBalance")
        self.balance.setPlaceholderText("")
        for combo in (self.tier, self.status, self.month):
            combo.activated.connect(lambda _i: self.apply_now())
        for edit in (self.tag, self.visited_from, self.visited_before, self.balance):
            edit.returnPressed.connect(self.apply_now)
        self.clear_button = push_button(self.clear_filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("memberListCount")
        self.model = MemberModel(runner, actor, on_loaded=self._loaded)
        self.table = MemberTable()
        self.table.setObjectName("memberTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._size_columns()
        self.table.opened.connect(self._open_row)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        # layout: search and sort; two rows of filters; the table
        self.labels = {k: QLabel() for k in (
            "search", "sort", "tier", "status", "tag", "month", "from", "before", "balance")}
        buddies = {"search": self.search, "sort": self.sort, "tier": self.tier,
                   "status": self.status, "tag": self.tag, "month": self.month,
                   "from": self.visited_from, "before": self.visited_before,
                   "balance": self.balance}
        for key, label in self.labels.items():
            label.setBuddy(buddies[key])
        top = QHBoxLayout()
        top.addWidget(self.labels["search"])
        top.addWidget(self.search, 1)
        top.addWidget(self.labels["sort"])
        top.addWidget(self.sort)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        cells = (("tier", self.tier), ("status", self.status), ("tag", self.tag),
                 ("month", self.month), ("from", self.visited_from),
                 ("before", self.visited_before), ("balance", self.balance))
        for i, (key, widget) in enumerate(cells):  # labels above, four to a row: fits 1024
            grid.addWidget(self.labels[key], (i // 4) * 2, i % 4)
            grid.addWidget(widget, (i // 4) * 2 + 1, i % 4)
        grid.addWidget(self.clear_button, 3, 3)
        for col in range(4):
            grid.setColumnStretch(col, 1)
        grid.setVerticalSpacing(2)
        for combo, chars in ((self.sort, 12), (self.tier, 6), (self.status, 6), (self.month, 4)):
            combo.setSizeAdjustPolicy(
                PickerBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.search, self.sort)
        self.retranslate()

    def _size_columns(self) -> None:
        """Columns as wide as their widest value or title (in this language)."""
        header = self.table.horizontalHeader()
        cells, titles = self.table.fontMetrics(), header.fontMetrics()
        for col, sample in enumerate(("M0000000", "欧阳小明", "13800000000", "普通会员",
                                      "¥99,999.00", "99,999", "2026/12/31", "已停用")):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, max(cells.horizontalAdvance(sample),
                                          int(titles.horizontalAdvance(title) * 1.1)) + 12)

    # -- loading -------------------------------------------------------------------------------
    def show_tiers(self, tiers: list[TierInfo]) -> None:
        keep = self.tier.currentData()
        self.tier.clear()
        self.tier.addItem(self.tr("any"), None)
        for t in tiers:
            self.tier.addItem(t.name, t.id)
        self.tier.setCurrentIndex(max(0, self.tier.findData(keep)))

    def _day(self, edit: QLineEdit) -> tuple[bool, date | None]:
        text = edit.text().strip()
        if not text:
            return True, None
        try:
            return True, date.fromisoformat(text)
        except ValueError:
            self.say_error(self.tr("Type a day as 2026-01-31, or leave it empty."))
            edit.setFocus()
            edit.selectAll()
            return False, None

    def filters(self) -> MemberFilter | None:
        """The filters typed, or None (a problem was shown)."""
        ok_from, visited_from = self._day(self.visited_from)
        ok_before, visited_before = self._day(self.visited_before)
        if not (ok_from and ok_before):
            return None
        above: Money | None = None
        if self.balance.text().strip():
            try:
                above = parse_amount(self.balance.text())
            except UserError as exc:
                self.say_error(exc.message(current_language()))
                self.balance.setFocus()
                return None
        return MemberFilter(tier_id=self.tier.currentData(), tag=self.tag.text(),
                            birthday_month=self.month.currentData(),
                            visited_from=visited_from, visited_before=visited_before,
                            stored_value_above=above, status=self.status.currentData())

    def apply_now(self) -> None:
        self.search_timer.stop()
        self.apply()

    def apply(self) -> None:
        filters = self.filters()
        if filters is not None:
            self.model.reload(sort=self.sort.currentData(), filters=filters,
                              search=self.search.text())

    def clear_filters(self) -> None:
        for edit in (self.tag, self.visited_from, self.visited_before, self.balance):
            edit.clear()
        for combo in (self.tier, self.status, self.month):
            combo.setCurrentIndex(0)
        self.apply_now()

    def _loaded(self) -> None:
        if self.model.failed is not None:
            self.say_error(self.model.failed.message(current_language()))
        self._render_count()

    def _open_row(self, row: int) -> None:
        found = self.model.row(row)
        if found is not None:
            self.open_member(found.member_no)

    # -- texts ---------------------------------------------------------------------------------
    def _render_count(self) -> None:
        shown = len(self.model.rows)
        if self.model.search:
            text = self.tr("{count} found").format(count=shown) if shown else self.tr(
                "Nothing found")
        elif self.model.more:
            text = self.tr("{count} shown, scroll for more").format(count=shown)
        elif shown:
            text = self.tr("{count} members").format(count=shown)
        else:
            text = self.tr("No member matches")
        self.count_label.setText(text + "  " + self.tr("Enter opens the member"))

    def retranslate(self) -> None:
        texts = {"search": self.tr("&Find"), "sort": self.tr("S&ort"), "tier": self.tr("&Tier"),
                 "status": self.tr("State"), "tag": self.tr("T&ag"),
                 "month": self.tr("Birthday &month"), "from": self.tr("Visited &from"),
                 "before": self.tr("Not visited &since"), "balance": self.tr("Stored value &above")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.search.setPlaceholderText(self.tr(
            "phone, last 4 digits, name, pinyin initials (zs), card or member no."))
        sorts = {MemberSort.MEMBER_NO: self.tr("Member no."), MemberSort.NAME: self.tr("Name"),
                 MemberSort.LAST_VISIT: self.tr("Last visit, newest first"),
                 MemberSort.STORED_VALUE: self.tr("Stored value, most first"),
                 MemberSort.POINTS: self.tr("Points, most first")}
        for i in range(self.sort.count()):
            self.sort.setItemText(i, sorts[self.sort.itemData(i)])
        if self.tier.count():
            self.tier.setItemText(0, self.tr("any"))
        self.month.setItemText(0, self.tr("any"))
        states = [self.tr("not anonymised"), self.tr("active"), self.tr("deactivated"),
                  self.tr("anonymised")]
        for i, text in enumerate(states):
            self.status.setItemText(i, text)
        self.tag.setPlaceholderText(self.tr("e.g. VIP"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.model.retranslate()
        self._size_columns()
        self._render_count()
