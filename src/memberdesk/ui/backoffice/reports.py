"""报表 — the other reports: shift, stored-value liability, points, coupons, sales
detail, member statement. Pick one, fill in what it needs, Enter shows it;
export and print below. A cashier gets this page with only their own shift
report (the service refuses anybody else's)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QGridLayout, QLabel, QLineEdit, QWidget

from memberdesk.services.shop.stores import ALL_STORES, StoreInfo, list_stores
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import current_language, push_button
from . import jobs
from .export_panel import ExportPanel
from .long_jobs import LongJobs
from .page import Page
from .preview import ReportPreview

# key, name, the inputs it needs
REPORTS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("shift", QT_TRANSLATE_NOOP("ReportsPage", "Shift report"), frozenset({"shift"})),
    ("sales", QT_TRANSLATE_NOOP("ReportsPage", "Sales detail"),
     frozenset({"start", "end", "store"})),
    ("liability", QT_TRANSLATE_NOOP("ReportsPage", "Stored-value liability"), frozenset()),
    ("points", QT_TRANSLATE_NOOP("ReportsPage", "Points"), frozenset({"start", "end"})),
    ("coupons", QT_TRANSLATE_NOOP("ReportsPage", "Coupons"), frozenset({"start", "end"})),
    ("count_cards", QT_TRANSLATE_NOOP("ReportsPage", "Count cards"), frozenset({"start", "end"})),
    ("statement", QT_TRANSLATE_NOOP("ReportsPage", "Member statement"),
     frozenset({"member", "start", "end"})),
)


def _date_edit(name: str, day: QDate) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setObjectName(name)
    edit.setDisplayFormat(fmt.DATE_FORMAT)
    return edit


class ReportsPage(Page):
    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any, *,
                 only_own_shift: bool = False, shift_no: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "reportsPage", parent)
        self.only_own_shift = only_own_shift
        self.loaded_shift = False
        self.shown: jobs.Shown | None = None
        keys = ("shift",) if only_own_shift else tuple(k for k, _n, _i in REPORTS)
        self.picker = PickerBox()
        self.picker.setObjectName("reportPicker")
        for key in keys:
            self.picker.addItem("", key)
        self.picker.currentIndexChanged.connect(lambda _i: self._picked())
        today = fmt.shop_qdate()
        self.start = _date_edit("reportStart", today.addDays(-today.day() + 1))
        self.end = _date_edit("reportEnd", today)
        self.shift_no = QLineEdit()
        self.shift_no.setObjectName("reportShiftNo")
        self.shift_no.setText(shift_no or "")
        self.member_no = QLineEdit()
        self.member_no.setObjectName("reportMemberNo")
        # which store (a chain only): this till's, another, every store (head office)
        self.store = PickerBox()
        self.store.setObjectName("reportStore")
        self.stores: list[StoreInfo] = []
        self.labels = {k: QLabel() for k in ("report", "shift", "member", "start", "end",
                                             "store")}
        self.inputs: dict[str, QWidget] = {"report": self.picker, "shift": self.shift_no,
                                           "member": self.member_no, "start": self.start,
                                           "end": self.end, "store": self.store}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        for i, key in enumerate(("report", "shift", "member", "start", "end", "store")):
            self.labels[key].setBuddy(self.inputs[key])
            row, col = (0, 0) if key == "report" else divmod(i - 1, 2)
            if key != "report":
                row += 1
            grid.addWidget(self.labels[key], row, col * 2)
            grid.addWidget(self.inputs[key], row, col * 2 + 1)
        self.show_button = push_button(self.show_report, primary=True)
        self._busy_buttons.append(self.show_button)
        grid.addWidget(self.show_button, 0, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.preview = ReportPreview()
        self.export_panel = ExportPanel(long_jobs, actor, self.preview)
        self.body.addLayout(grid)
        self.body.addWidget(self.preview, 1)
        self.body.addWidget(self.export_panel)
        self.export_panel.keep_shortcuts_in(self)
        self._picked()
        self.retranslate()

    @property
    def key(self) -> str:
        return str(self.picker.currentData())

    def select(self, key: str) -> None:
        self.picker.setCurrentIndex(self.picker.findData(key))

    def _picked(self) -> None:
        self._show_inputs()
        self.shown = None
        self.preview.show_document(None)
        self.export_panel.set_spec(None)
        self.clear_message()

    def _show_inputs(self) -> None:
        """The inputs the picked report needs (a store only on a chain)."""
        needs = dict((k, i) for k, _n, i in REPORTS)[self.key]
        if len(self.stores) < 2:  # one store: nothing to pick
            needs = needs - {"store"}
        for name in ("shift", "member", "start", "end", "store"):
            self.labels[name].setVisible(name in needs)
            self.inputs[name].setVisible(name in needs)

    def activated(self) -> None:
        if not self.loaded_shift and not self.busy:
            self.loaded_shift = True
            self.fetch(jobs.my_shift_no, self.actor, on_done=self._my_shift)
            if not self.only_own_shift:
                self.fetch(list_stores, on_done=self._show_stores)

    def _show_stores(self, stores: list[StoreInfo]) -> None:
        self.stores = stores
        self.store.clear()
        self.store.addItem("", None)  # this till's store
        for info in stores:
            self.store.addItem(f"{info.code} {info.name}", info.code)
        self.store.addItem("", ALL_STORES)
        self._store_texts()
        self._show_inputs()  # what was shown and said stays

    def _store_texts(self) -> None:
        for i in range(self.store.count()):
            if self.store.itemData(i) is None:
                self.store.setItemText(i, self.tr("This store"))
            elif self.store.itemData(i) == ALL_STORES:
                self.store.setItemText(i, self.tr("All stores"))

    def _my_shift(self, shift_no: str | None) -> None:
        if shift_no:  # the open shift, else the one last seen at this counter
            self.shift_no.setText(shift_no)

    def enter_pressed(self) -> None:
        self.show_report()

    # -- showing ---------------------------------------------------------------------------
    def _spec(self) -> jobs.ReportSpec | None:
        start = cast(date, self.start.date().toPython())
        end = cast(date, self.end.date().toPython())
        key = self.key
        lang = current_language()  # the files follow the screen's language
        if key == "shift":
            no = self.require_text(self.shift_no, lambda: self.tr("Type the shift number."))
            return jobs.shift_spec(no, lang) if no else None
        if key == "statement":
            member = self.require_text(self.member_no, lambda: self.tr("Type the member number."))
            return jobs.statement_spec(member, start, end, lang) if member else None
        makers: dict[str, Callable[[], jobs.ReportSpec]] = {
            "sales": lambda: jobs.sales_spec(start, end, lang, self.store.currentData()),
            "liability": lambda: jobs.liability_spec(None, lang),
            "points": lambda: jobs.points_spec(start, end, lang),
            "coupons": lambda: jobs.coupons_spec(start, end, lang),
            "count_cards": lambda: jobs.count_cards_spec(start, end, lang),
        }
        return makers[key]()

    def show_report(self) -> None:
        if self.busy:
            return
        spec = self._spec()
        if spec is None:
            return
        self.clear_message()
        self.export_panel.set_spec(None)
        self.call(jobs.show, self.actor, spec, on_done=lambda shown: self._shown(shown, spec))

    def _shown(self, shown: jobs.Shown, spec: jobs.ReportSpec) -> None:
        self.shown = shown
        self.preview.show_document(shown.screen, shown.pdf)
        self.export_panel.set_spec(spec)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("My shift report") if self.only_own_shift else self.tr("Reports"))
        names = dict((k, n) for k, n, _i in REPORTS)
        for i in range(self.picker.count()):
            self.picker.setItemText(i, self.tr(names[str(self.picker.itemData(i))]))
        for key, text in (("report", self.tr("&Report")), ("shift", self.tr("&Shift no.")),
                          ("member", self.tr("&Member no.")), ("start", self.tr("&From")),
                          ("end", self.tr("&To")), ("store", self.tr("St&ore"))):
            self.labels[key].setText(text)
        self.shift_no.setPlaceholderText(self.tr("e.g. B20260301-001"))
        self._store_texts()
        self.show_button.setText(self.tr("Show (Enter)"))
        super().retranslate()
