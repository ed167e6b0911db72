"""积分商城 — the points mall: the gifts (products of the catalogue with a points
price), on or off the shelf, and a manager's reversal of a redemption.

A gift is a product: its stock is received and counted on the stock page like any
other product's. Save offers the product typed (its code) at the points price, or
changes the price of a gift; the shelf button puts the gift picked in the list on or
off the shelf. Reverse gives a redemption's points and gift back (a reason is
required). The services check the roles and audit; this page only calls them."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from memberdesk.money import ascii_digits
from memberdesk.services.loyalty.mall import (
    GiftInfo,
    list_gifts,
    reverse_redemption,
    save_gift,
    set_gift_shelf,
)
from memberdesk.services.reporting.common import PDF_MAX_ROWS
from memberdesk.services.reporting.mall_report import mall_document, mall_report
from memberdesk.services.reporting.words import pick
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, current_language, push_button
from . import jobs
from .long_jobs import LongJobs, Progress
from .page import Page


def _load(db: Any) -> tuple[GiftInfo, ...]:
    return list_gifts(db)


def export_redemptions(db: Any, actor: Any, lang: str, progress: Progress) -> list[Path]:
    """Worker side: the redemption report, all dates, to the shop's exports folder
    (Excel always, the PDF too unless it would be too long to be of use)."""
    rep = mall_report(db, actor)
    rows = len(rep.lines) + len(rep.gifts)
    spec = jobs.ReportSpec(
        open=lambda _db, _actor: nullcontext(rep),
        document=lambda r, shop: mall_document(r, shop, r.generated_at, lang),
        stem=lambda r: pick(lang, "积分兑换报表", "redemptions") + "_" + fmt.date_text(r.generated_at),
        rows=lambda _r: rows,
    )
    return jobs.export(db, actor, spec, None, True, rows <= PDF_MAX_ROWS, progress)


class MallPage(Page):
    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "mallPage", parent)
        self.long_jobs = long_jobs
        self.exporting = False
        self.gifts: tuple[GiftInfo, ...] = ()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("mallGifts")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._picked)
        self.code = QLineEdit()
        self.code.setObjectName("mallCode")
        self.code.setMaxLength(32)
        self.points = QLineEdit()
        self.points.setObjectName("mallPoints")
        self.points.setMaxLength(9)
        self.code_label, self.points_label = QLabel(), QLabel()
        self.code_label.setBuddy(self.code)
        self.points_label.setBuddy(self.points)
        self.save_button = push_button(self.save, primary=True)
        self.shelf_button = push_button(self.toggle_shelf)
        self.number = QLineEdit()
        self.number.setObjectName("mallNumber")
        self.number.setMaxLength(32)
        self.reason = QLineEdit()
        self.reason.setObjectName("mallReason")
        self.reason.setMaxLength(200)
        self.number_label, self.reason_label = QLabel(), QLabel()
        self.number_label.setBuddy(self.number)
        self.reason_label.setBuddy(self.reason)
        self.reverse_button = push_button(self.reverse)
        self.export_button = push_button(self.export)
        self.reverse_heading = QLabel()
        self.reverse_heading.setObjectName("sectionHeading")
        self._busy_buttons = [self.save_button, self.shelf_button, self.reverse_button]
        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.addWidget(self.code_label, 0, 0)
        form.addWidget(self.code, 0, 1)
        form.addWidget(self.points_label, 0, 2)
        form.addWidget(self.points, 0, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.shelf_button)
        form.addLayout(buttons, 1, 0, 1, 4)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        undo = QGridLayout()
        undo.setHorizontalSpacing(10)
        undo.addWidget(self.number_label, 0, 0)
        undo.addWidget(self.number, 0, 1)
        undo.addWidget(self.reason_label, 0, 2)
        undo.addWidget(self.reason, 0, 3)
        undo.addWidget(self.reverse_button, 0, 4)
        for edit in (self.code, self.points, self.number, self.reason):
            edit.setMinimumWidth(80)
        undo.setColumnStretch(1, 1)
        undo.setColumnStretch(3, 2)
        self.body.addWidget(self.intro)
        self.body.addWidget(self.table, 1)
        self.body.addLayout(form)
        self.body.addWidget(self.reverse_heading)
        self.body.addLayout(undo)
        self.retranslate()

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.fetch(_load, on_done=self._loaded)

    def _loaded(self, gifts: tuple[GiftInfo, ...]) -> None:
        keep = self.code.text().strip()
        self.gifts = gifts
        self.table.setRowCount(len(gifts))
        for row, g in enumerate(gifts):
            self._fill(row, g)
            if g.code == keep:
                self.table.selectRow(row)
        self.update_state()

    def _fill(self, row: int, g: GiftInfo) -> None:
        stock = f"{fmt.number(g.on_hand)} {g.unit}" if g.tracked else self.tr("not tracked")
        cells = (g.code, g.name, fmt.number(g.points_price),
                 self.tr("On the shelf") if g.on_shelf else self.tr("Off the shelf"), stock)
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col in (2, 4):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, col, item)

    def picked(self) -> GiftInfo | None:
        row = self.table.currentRow()
        return self.gifts[row] if 0 <= row < len(self.gifts) else None

    def _picked(self) -> None:
        g = self.picked()
        if g is not None:
            self.code.setText(g.code)
            self.points.setText(str(g.points_price))
        self.update_state()

    def update_state(self) -> None:
        g = self.picked()
        self.shelf_button.setEnabled(g is not None and not self.busy)
        self.shelf_button.setText(self.tr("Take off the shelf") if g is not None and g.on_shelf
                                  else self.tr("Put on the shelf"))

    # -- actions --------------------------------------------------------------------------
    def save(self) -> None:
        code = self.require_text(self.code, lambda: self.tr("Type the product's code."))
        if code is None:
            return
        digits = ascii_digits(self.points.text().strip()) or ""
        if not digits.isdigit() or int(digits) <= 0:
            self.say(lambda: self.tr("Type the points price: a whole number above 0."), ERROR)
            self.points.setFocus()
            return
        shelf = next((g.on_shelf for g in self.gifts if g.code == code), True)
        self.call(save_gift, self.actor, code, int(digits), shelf, on_done=self._saved)

    def _saved(self, g: GiftInfo) -> None:
        self.say(lambda: self.tr("Saved: {gift} for %Ln point(s).", "", g.points_price).format(
            gift=g.name), OK)
        self.refresh()

    def toggle_shelf(self) -> None:
        g = self.picked()
        if g is None:
            return
        self.call(set_gift_shelf, self.actor, g.code, not g.on_shelf, on_done=self._shelved)

    def _shelved(self, g: GiftInfo) -> None:
        self.say((lambda: self.tr("{gift} is on the shelf.").format(gift=g.name)) if g.on_shelf
                 else (lambda: self.tr("{gift} is off the shelf.").format(gift=g.name)), OK)
        self.refresh()

    def reverse(self) -> None:
        number = self.require_text(self.number, lambda: self.tr("Type the redemption's number."))
        if number is None:
            return
        reason = self.require_text(self.reason, lambda: self.tr("Give the reason."))
        if reason is None:
            return
        self.call(reverse_redemption, self.actor, number, reason, on_done=self._reversed)

    def _reversed(self, r: Any) -> None:
        self.number.clear()
        self.reason.clear()
        self.say(lambda: self.tr("Reversed {number}: {points} points back to {member}, "
                                 "{gift} back in stock.").format(
            number=r.redemption_no, points=fmt.number(r.points), member=r.member_no,
            gift=r.gift), OK)
        self.refresh()

    def export(self) -> None:
        if self.exporting:
            return
        self.exporting = True
        self.export_button.setEnabled(False)
        self.say(lambda: self.tr("Exporting the redemption report…"))
        self.long_jobs.call_with_progress(
            export_redemptions, self.actor, current_language(), on_done=self._exported,
            on_user_error=self.show_error, on_finally=self._export_over)

    def _exported(self, written: list[Path]) -> None:
        self.say(lambda: self.tr("Written: {files}").format(
            files="\n".join(str(p) for p in written)), OK)

    def _export_over(self) -> None:
        self.exporting = False
        self.export_button.setEnabled(True)

    # -- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Points mall"))
        self.intro.setText(self.tr(
            "A gift is a product with a points price. Receive and count gifts on the Stock "
            "page; the counter redeems them with Shift+F2."))
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Gift"),
                                              self.tr("Points"), self.tr("Shelf"),
                                              self.tr("In stock")])
        for row, g in enumerate(self.gifts):
            self._fill(row, g)
        self.code_label.setText(self.tr("Product &code"))
        self.points_label.setText(self.tr("&Points price"))
        self.save_button.setText(self.tr("Save gift"))
        self.export_button.setText(self.tr("Export redemptions"))
        self.reverse_heading.setText(self.tr("Reverse a redemption (manager)"))
        self.number_label.setText(self.tr("Redemption &No."))
        self.reason_label.setText(self.tr("&Reason"))
        self.reverse_button.setText(self.tr("Reverse"))
        self.update_state()
        super().retranslate()
