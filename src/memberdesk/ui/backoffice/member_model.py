"""The member list as a lazy Qt model: it holds the pages fetched so far (100
members each, cut by keyset in the chosen sort, :mod:`memberdesk.services.members.listing`)
and asks for the next one when the view scrolls near the end (``canFetchMore`` /
``fetchMore``), so a million members never load at once. A search replaces the
rows with its matches. The reads run on the worker; a page for an older sort,
filter or search is dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from memberdesk.models.enums import MemberStatus
from memberdesk.services.members.listing import (
    MemberFilter,
    MemberListPage,
    MemberListRow,
    MemberSort,
    list_members,
)
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from memberdesk.ui.shell.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("MemberModel", "No."), QT_TRANSLATE_NOOP("MemberModel", "Name"),
    QT_TRANSLATE_NOOP("MemberModel", "Phone"), QT_TRANSLATE_NOOP("MemberModel", "Tier"),
    QT_TRANSLATE_NOOP("MemberModel", "Balance"), QT_TRANSLATE_NOOP("MemberModel", "Points"),
    QT_TRANSLATE_NOOP("MemberModel", "Last visit"), QT_TRANSLATE_NOOP("MemberModel", "State"),
)  # fmt: skip
STATES = {
    MemberStatus.ACTIVE: QT_TRANSLATE_NOOP("MemberModel", "Active"),
    MemberStatus.INACTIVE: QT_TRANSLATE_NOOP("MemberModel", "Deactivated"),
    MemberStatus.ANONYMISED: QT_TRANSLATE_NOOP("MemberModel", "Anonymised"),
}
NEVER = QT_TRANSLATE_NOOP("MemberModel", "never")
RIGHT = (4, 5)
TIER = 3
# The member tier and the analytics' A/B/C/D grade, told apart wherever both show (the
# list's column, the filters of the members page and the segments): a newcomer read
# 等级 beside 客户等级 as one thing (issue 11).
TIER_HELP = QT_TRANSLATE_NOOP(
    "MemberModel", "The member tier (e.g. 普通会员, 金卡会员): it sets member prices, "
    "discounts and points. The loyalty rules move it; a manager can change it.")
GRADE_HELP = QT_TRANSLATE_NOOP(
    "MemberModel", "The value grade A/B/C/D from the member analytics: how often and how "
    "much the member buys (A the most). It changes no price and is not the member tier.")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MemberModel", text)


def tier_help() -> str:
    return _tr(TIER_HELP)


def grade_help() -> str:
    return _tr(GRADE_HELP)


class MemberModel(QAbstractTableModel):
    def __init__(self, runner: TaskRunner, actor: Any,
                 on_loaded: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.runner = runner
        self.actor = actor
        self.rows: list[MemberListRow] = []
        self.after: Any = None  # the cursor of the next page
        self.sort_by = MemberSort.MEMBER_NO
        self.filters = MemberFilter()
        self.search = ""
        self.loading = False
        self.failed: Any = None  # the user error of the last read, if any
        self._generation = 0
        self._on_loaded = on_loaded

    # -- loading ----------------------------------------------------------------------------
    def reload(self, *, sort: MemberSort | None = None, filters: MemberFilter | None = None,
               search: str | None = None) -> None:
        """The first page of the list in the new sort / filters / search."""
        self._generation += 1
        if sort is not None:
            self.sort_by = sort
        if filters is not None:
            self.filters = filters
        if search is not None:
            self.search = search.strip()
        self.loading = True
        self._ask(self._generation, after=None)

    def _ask(self, generation: int, after: Any) -> None:
        def done(page: MemberListPage) -> None:
            self._arrived(generation, page, after is None)

        def failed(error: Any) -> None:
            if generation == self._generation:
                self.loading = False
                self.failed = error
                if self._on_loaded is not None:
                    self._on_loaded()

        self.runner.call(list_members, self.actor, sort=self.sort_by, filters=self.filters,
                         after=after, search=self.search, on_done=done, on_user_error=failed)

    def _arrived(self, generation: int, page: MemberListPage, first: bool) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.failed = None
        if first:
            self.beginResetModel()
            self.rows = list(page.rows)
            self.endResetModel()
        elif page.rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self.rows += page.rows
            self.endInsertRows()
        self.after = page.after
        if self._on_loaded is not None:
            self._on_loaded()

    @property
    def more(self) -> bool:
        return self.after is not None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.loading = True
            self._ask(self._generation, after=self.after)

    # -- the table ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section])
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole
                and section == TIER):
            return tier_help()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            visit = (fmt.date_text(fmt.shop_date(r.last_visit_at)) if r.last_visit_at
                     else _tr(NEVER))
            return (r.member_no, r.name, r.phone, r.tier_name, fmt.money(r.stored_value),
                    fmt.number(r.points), visit, _tr(STATES[r.status]))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and r.status is not MemberStatus.ACTIVE:
            return QColor("#8a8f98")
        return None

    def row(self, i: int) -> MemberListRow | None:
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(COLUMNS) - 1))
