"""会员列表 — the members page's list: a search box (the counter's lookup: phone, last
4 digits, name, pinyin initials, card, member number), a sort, filters
(:mod:`.member_filters`: tier, tag, birthday month, last visit from / before a day,
stored value above, grade, RFM segment, lifecycle, churn warning) and the lazy
table (:mod:`.member_model`). Enter in the search box or a filter applies it now;
Enter (or a double click) on a member opens the member's page.

The filters fold away behind their button (筛选; folded at first, how many are in
use on it; the members page puts it at its tabs' right and the count beside its
heading), so the list shows ten rows and more at 1024x768, eight and more with the
filters unfolded. A list that finds nobody says how many filters are in use."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from memberdesk.services.loyalty.tiers import TierInfo
from memberdesk.services.members.listing import MemberFilter, MemberSort
from memberdesk.ui.common.column_fit import fit_columns
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.i18n import Retranslating
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import current_language, push_button
from .member_filters import DENSE_FIELD, MemberFilterBox
from .member_model import MemberModel

NAME_FLOOR = 64  # a name keeps three characters (欧阳…) before a value or a title is cut
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
    applied = Signal(object)  # the MemberFilter now shown

    def __init__(self, runner: TaskRunner, actor: Any, *, say_error: Callable[[str], None],
                 open_member: Callable[[str], object], segment_fields: bool = False,
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
        self.filter_box = MemberFilterBox(say_error=say_error, segment_fields=segment_fields)
        self.filter_box.apply_requested.connect(self.apply_now)
        fb = self.filter_box  # the fields, also by their old names
        self.tier, self.status, self.tag, self.month = fb.tier, fb.status, fb.tag, fb.month
        self.balance, self.visited_from, self.visited_before = (
            fb.balance, fb.visited_from, fb.visited_before)
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
        # as wide as the widest value or title (a number, a phone, a day: as wide as any
        # to come, so the columns keep still as pages load); the name gives way first,
        # down to three characters (a tier is never cut)
        self.fit = fit_columns(self.table, elastic=(1,), elastic_floor=NAME_FLOOR, samples={
            0: "M000000", 2: "13800000000", 4: "¥9,999.00", 6: "2026-12-31", 7: "已停用"})
        # titles with 3 px of padding, not 6: every title whole at 1024 in English
        self.table.horizontalHeader().setStyleSheet(
            "QHeaderView::section { padding: 3px 3px; }")
        self.table.opened.connect(self._open_row)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        # layout: search and sort; the filters; the table
        self.labels = {"search": QLabel(), "sort": QLabel()}
        self.labels["search"].setBuddy(self.search)
        self.labels["sort"].setBuddy(self.sort)
        top = QHBoxLayout()
        top.addWidget(self.labels["search"])
        top.addWidget(self.search, 1)
        top.addWidget(self.labels["sort"])
        top.addWidget(self.sort)
        self.filters_button = push_button(lambda: self.show_filters(
            not self.filter_box.isVisibleTo(self)))
        self.filters_button.setObjectName("memberListFilters")
        self.opens = not segment_fields
        self.top_row = top
        if segment_fields:  # the segment is the filter alone: no search; the count up here
            self.labels["search"].hide()
            self.search.hide()
            top.insertWidget(0, self.count_label, 1)
            top.insertWidget(1, self.filters_button)  # beside the count: 1024 keeps 8 rows
        # else the members page puts the count beside its heading: the list keeps a row
        if not segment_fields:  # one line high, as the filters' fields under them
            self.search.setStyleSheet(DENSE_FIELD)
            self.sort.setStyleSheet(DENSE_FIELD)
        self.sort.setSizeAdjustPolicy(
            PickerBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sort.setMinimumContentsLength(12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        # the filters fold away behind their button (issue 11): the list's rows first
        self.filter_holder: QWidget = self.filter_box
        if segment_fields:  # eighteen fields: unfolded, they scroll
            area = QScrollArea()
            area.setObjectName("segmentFilters")
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            area.setWidget(self.filter_box)
            area.setMaximumHeight(self.fontMetrics().height() * 10)
            area.setMinimumHeight(self.fontMetrics().height() * 7)
            layout.addWidget(area)
            self.filter_holder = area
        else:
            layout.addWidget(self.filter_box)
        self.filter_holder.hide()
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.search, self.sort)
        self.retranslate()

    # -- loading -------------------------------------------------------------------------------
    def show_tiers(self, tiers: list[TierInfo]) -> None:
        self.filter_box.show_tiers(tiers)

    def filters(self) -> MemberFilter | None:
        """The filters typed, or None (a problem was shown)."""
        return self.filter_box.filters()

    def apply_now(self) -> None:
        self.search_timer.stop()
        self.apply()

    def apply(self) -> None:
        filters = self.filters()
        if filters is not None:
            self.model.reload(sort=self.sort.currentData(), filters=filters,
                              search=self.search.text())
            self.applied.emit(filters)

    def clear_filters(self) -> None:
        self.filter_box.clear()

    def show_filters(self, show: bool) -> None:
        """Unfold the filters (the first one has the focus) or fold them away."""
        self.filter_holder.setVisible(show)
        self._render_count()  # (an empty list's words name the filters while folded)
        if show:
            self.filter_box.tier.setFocus()
        else:
            self.filters_button.setFocus()

    def _render_filters_button(self) -> None:
        shown = self.filter_box.isVisibleTo(self)
        count = self.filter_box.in_use()
        text = self.tr("Filt&ers ({count})").format(count=count) if count else self.tr(
            "Filt&ers")
        self.filters_button.setText(("▴ " if shown else "▾ ") + text)
        self.filters_button.setToolTip(
            self.tr("Hide the filters") if shown else self.tr(
                "Show the filters (tier, state, tag, birthday month, visits, stored value, "
                "analysis)"))

    def _loaded(self) -> None:
        if self.model.failed is not None:
            self.say_error(self.model.failed.message(current_language()))
        self._render_count()

    def _open_row(self, row: int) -> None:
        if not self.opens:
            return
        found = self.model.row(row)
        if found is not None:
            self.open_member(found.member_no)

    # -- texts ---------------------------------------------------------------------------------
    def _render_count(self) -> None:
        self._render_filters_button()
        self.count_label.setText(self.count_text())

    def count_text(self) -> str:
        """What the list shows: how many, or that nobody matches and (the filters
        folded away) how many filters are in use; then, with members, that Enter opens
        one, as a sentence of its own."""
        shown = len(self.model.rows)
        filtered = self.filter_box.in_use() if self.opens else 0
        folded = not self.filter_box.isVisibleTo(self)
        if shown:
            if self.model.search:
                text = self.tr("{count} found").format(count=shown)
            elif self.model.more:
                text = self.tr("{count} shown, scroll for more").format(count=shown)
            else:
                text = self.tr("%n member(s)", "", shown)
            if self.opens:  # two sentences: "100 shown, scroll for more. Enter opens…"
                text = self.tr("{status}. Enter opens the member.").format(status=text)
            return text
        if not filtered:
            return self.tr("Nothing found") if self.model.search else self.tr(
                "No member matches")
        if folded:  # the filters' button's keys (Alt+E)
            keys = QKeySequence.mnemonic(self.filters_button.text()).toString(
                QKeySequence.SequenceFormat.NativeText)
            return (self.tr("Nothing found (%n filter(s) in use — {keys} to see them)", "",
                            filtered) if self.model.search else
                    self.tr("No members match (%n filter(s) in use — {keys} to see them)", "",
                            filtered)).format(keys=keys)
        return (self.tr("Nothing found (%n filter(s) in use)", "", filtered)
                if self.model.search else
                self.tr("No members match (%n filter(s) in use)", "", filtered))

    def retranslate(self) -> None:
        texts = {"search": self.tr("&Find"), "sort": self.tr("S&ort")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.search.setPlaceholderText(self.tr("phone, last 4, name, card or member no."))
        self.search.setToolTip(self.tr(
            "phone, last 4 digits, name, pinyin initials (zs), card or member no."))
        sorts = {MemberSort.MEMBER_NO: self.tr("Member no."), MemberSort.NAME: self.tr("Name"),
                 MemberSort.LAST_VISIT: self.tr("Last visit, newest first"),
                 MemberSort.STORED_VALUE: self.tr("Stored value, most first"),
                 MemberSort.POINTS: self.tr("Points, most first")}
        for i in range(self.sort.count()):
            self.sort.setItemText(i, sorts[self.sort.itemData(i)])
        self.model.retranslate()
        self.fit.schedule()  # the titles' widths in this language
        self._render_count()
