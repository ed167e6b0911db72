"""Shift+F2 积分兑换: the member at the counter takes a gift of the points mall.

The gifts on the shelf are listed with their points price and stock (up/down picks
one, the quantity beside it); Enter redeems. The service takes the points and the
stock in one transaction and refuses short points or stock with a clear message;
the slip (marked 兑) follows, as after a recharge. One client id per redemption,
kept across retries, so a retry never redeems twice.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from memberdesk.services.loyalty.mall import MAX_QTY, GiftInfo, RedeemRequest, RedeemResult
from memberdesk.services.members.lookup import MemberHit
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import NumberBox
from memberdesk.ui.shell.tasks import TaskRunner

from .base import ERROR, OK, TaskDialog


@dataclass(frozen=True)
class RedeemSetup:
    member: MemberHit
    gifts: tuple[GiftInfo, ...]


def load_setup(db: Any, actor: Any, member_no: str) -> RedeemSetup:
    """Worker: the member (fresh points) and the gifts on the shelf."""
    from memberdesk.services.loyalty.mall import list_gifts
    from memberdesk.services.members.lookup import lookup

    hit = lookup(db, actor, member_no).member
    assert hit is not None
    return RedeemSetup(hit, list_gifts(db, on_shelf_only=True))


def do_redeem(db: Any, actor: Any, request: RedeemRequest) -> RedeemResult:
    from memberdesk.services.loyalty.mall import redeem_gift

    return redeem_gift(db, actor, request)


class RedeemDialog(TaskDialog):
    redeemed = Signal(object)  # RedeemResult

    def __init__(self, runner: TaskRunner, actor: Any, member_no: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, parent, name="redeemDialog")
        self.member_no = member_no
        self.setup: RedeemSetup | None = None
        self.outcome: RedeemResult | None = None
        self.client_id = uuid.uuid4().hex

        self.member_label = QLabel()
        self.member_label.setObjectName("dialogInfo")
        self.member_label.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("giftTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._preview)
        self.qty = NumberBox()
        self.qty.setObjectName("giftQty")
        self.qty.setRange(1, MAX_QTY)
        self.qty.setMaximumWidth(120)
        self.qty.valueChanged.connect(self._preview)
        self.qty_label = QLabel()
        self.qty_label.setBuddy(self.qty)
        self.preview = QLabel()
        self.preview.setObjectName("redeemPreview")
        self.preview.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.qty_label, self.qty)
        self.body.addWidget(self.member_label)
        self.body.addWidget(self.table, 1)
        self.body.addLayout(form)
        self.body.addWidget(self.preview)
        self.confirm_button = self.add_button(self.submit, primary=True)
        self.setMinimumSize(640, 480)
        self.retranslate()
        self.confirm_button.setEnabled(False)
        self.call(load_setup, self.actor, member_no, on_done=self._loaded)

    # -- loading ----------------------------------------------------------------------------
    def _loaded(self, setup: RedeemSetup) -> None:
        self.setup = setup
        self.table.setRowCount(len(setup.gifts))
        for row, g in enumerate(setup.gifts):
            cells = (g.name, fmt.number(g.points_price),
                     f"{fmt.number(g.on_hand)} {g.unit}" if g.tracked else "—")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        if setup.gifts:
            self.table.selectRow(0)
        self.table.setFocus()
        self.retranslate()

    def gift(self) -> GiftInfo | None:
        row = self.table.currentRow()
        if self.setup is None or not 0 <= row < len(self.setup.gifts):
            return None
        return self.setup.gifts[row]

    def update_state(self) -> None:
        self.confirm_button.setEnabled(self.setup is not None and (
            self.outcome is not None or self.gift() is not None))

    def _preview(self) -> None:
        if self.outcome is None:
            self.clear_message()
        self.preview.setText(self.preview_text())
        self.update_state()

    def preview_text(self) -> str:
        if self.setup is None:
            return self.tr("Loading the member and the gifts…")
        if not self.setup.gifts:
            return self.tr("No gift is on the shelf: the back office's Points mall page "
                           "puts gifts on it.")
        gift = self.gift()
        if gift is None or self.outcome is not None:
            return ""
        needed = gift.points_price * self.qty.value()
        have = self.setup.member.points
        text = self.tr("{qty} x {gift} = {points} points; the member has {have}.").format(
            qty=self.qty.value(), gift=gift.name, points=fmt.number(needed),
            have=fmt.number(have))
        if needed > have:
            text = fmt.sentences(text, self.tr("{short} points short.").format(
                short=fmt.number(needed - have)))
        return text

    # -- redeeming ----------------------------------------------------------------------------
    def enter_pressed(self) -> None:
        self.submit()

    def submit(self) -> None:
        if self.outcome is not None:
            self.accept()
            return
        gift = self.gift()
        if self.setup is None or self.busy:
            return
        if gift is None:
            self.say(lambda: self.tr("Pick a gift first."), ERROR)
            return
        request = RedeemRequest(self.client_id, self.setup.member.id, gift.code,
                                self.qty.value())
        self.call(do_redeem, self.actor, request, on_done=self._done)

    def _done(self, result: RedeemResult) -> None:
        self.outcome = result
        self.work_done(own_done_button=True)
        self.table.setEnabled(False)
        self.qty.setEnabled(False)
        self.say(self._done_text, OK)
        self.retranslate()
        self.redeemed.emit(result)

    def _done_text(self) -> str:
        r = self.outcome
        if r is None:
            return ""
        return self.tr("Redeemed {qty} x {gift} for {points} points (No. {number}). "
                       "Points left: {left}.").format(
            qty=r.qty, gift=r.gift, points=fmt.number(r.points), number=r.redemption_no,
            left=fmt.number(r.points_balance))

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Points mall"))
        if self.setup is None:
            self.heading.setText(self.tr("Points mall"))
        else:
            m = self.setup.member
            self.heading.setText(self.tr("Gifts for {name} ({member_no})").format(
                name=m.name, member_no=m.member_no))
            self.member_label.setText(self.tr("Points: {points}").format(
                points=fmt.number(m.points)))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Gift"), self.tr("Points"), self.tr("In stock")])
        self.qty_label.setText(self.tr("&Quantity"))
        self.confirm_button.setText(
            self.tr("Done (Enter)") if self.outcome is not None else self.tr("Redeem (Enter)"))
        self.preview.setText(self.preview_text())
        super().retranslate()
