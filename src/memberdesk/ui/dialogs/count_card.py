"""Shift+F3 计次卡: use the count card of the member at the counter (核销).

The member's usable cards are listed one line per card and service, with the uses
left and the last day. Up/Down picks a line, the uses field takes 1 or n, Enter
uses them; the message line then reads like the receipt line ("洗车10次卡 精洗一次
×1，剩余 7 次"). A manager (or anyone with a manager's login) can undo the last use
made in this dialog, and refund the unused uses of the picked card by the shop's rule
(``count_cards.refund_rule``; a second press confirms). A cashier gets a manager's
one-time approval for either (the approval dialog), as for a sale refund.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from memberdesk.services.count_cards.use import CardView, ServiceLeft, UseResult
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.permissions import Permission
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import NumberBox
from memberdesk.ui.shell.tasks import TaskRunner

from .approval import ApprovalDialog
from .base import ERROR, OK, TaskDialog

MAX_USES = 999


def load_cards(db: Any, actor: Any, member_no: str) -> list[CardView]:
    from memberdesk.services.count_cards.use import cards_by_member_no

    return cards_by_member_no(db, actor, member_no)[1]


def use(db: Any, actor: Any, card_id: int, balance_id: int, uses: int) -> UseResult:
    from memberdesk.services.count_cards.use import UseRequest, use_card

    return use_card(db, actor, UseRequest(card_id, balance_id, uses))


def undo(db: Any, actor: Any, entry_id: int, reason: str, approval_id: int | None) -> UseResult:
    from memberdesk.services.count_cards.use import ReverseRequest, reverse_use

    return reverse_use(db, actor, ReverseRequest(entry_id, reason, approval_id))


def refund(db: Any, actor: Any, client_id: str, card_id: int, reason: str,
           approval_id: int | None) -> Any:
    from memberdesk.services.count_cards.refund import UnusedRefundRequest, refund_unused

    return refund_unused(db, actor, UnusedRefundRequest(client_id, card_id, reason, approval_id))


class CountCardDialog(TaskDialog):
    used = Signal(object)  # UseResult (the counter shows its slip)
    use_undone = Signal(object)  # UseResult of the reversal (its slip too)
    refunded = Signal(object)  # RefundResult of the unused part (the counter shows its slip)

    def __init__(self, runner: TaskRunner, actor: Any, member_no: str, member_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, parent, name="countCardDialog")
        self.member_no, self.member_name = member_no, member_name
        self.cards: list[CardView] = []
        self.last: UseResult | None = None
        self.undone: UseResult | None = None
        self.approval: ApprovalDialog | None = None
        self._refund_armed: tuple[int, str] | None = None  # (card, client id) after one press
        self.list_label = QLabel()
        self.services = QListWidget()
        self.services.setObjectName("countCardServices")
        self.services.setMinimumHeight(180)
        self.services.setWordWrap(True)
        self.services.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.uses_label = QLabel()
        self.uses = NumberBox()
        self.uses.setObjectName("countCardUses")
        self.uses.setRange(1, MAX_USES)
        self.uses.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.uses.setMinimumWidth(120)
        self.uses_label.setBuddy(self.uses)
        self.empty = QLabel()
        self.empty.setObjectName("countCardEmpty")
        self.empty.setWordWrap(True)
        self.empty.hide()
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.addRow(self.list_label, self.services)
        form.addRow(self.uses_label, self.uses)
        self.body.addLayout(form)
        self.body.addWidget(self.empty)
        self.use_button = self.add_button(self.submit_use, primary=True)
        self.undo_button = self.add_button(lambda: self.submit_undo())  # not clicked(bool)
        self.refund_button = self.add_button(lambda: self.submit_refund())
        self.setMinimumWidth(720)
        self.retranslate()
        self.services.setFocus()
        self.call(load_cards, self.actor, member_no, on_done=self._loaded)

    # -- the member's cards -----------------------------------------------------------------
    def _loaded(self, cards: list[CardView]) -> None:
        keep = self.services.currentRow()
        self.cards = cards
        self._fill()
        if self.services.count():
            self.services.setCurrentRow(min(max(keep, 0), self.services.count() - 1))
        self.update_state()

    def _line(self, card: CardView, sv: ServiceLeft) -> str:
        ends = (self.tr("valid to {date}").format(date=fmt.date_text(card.expires_on))
                if card.expires_on else self.tr("no expiry"))
        return self.tr("{card} · {service}\n{left}/{total} left    {ends}").format(
            card=card.name, service=sv.product_name, left=sv.remaining, total=sv.total, ends=ends)

    def _fill(self) -> None:
        self.services.clear()
        for card in self.cards:
            for sv in card.services:
                item = QListWidgetItem(self._line(card, sv))
                item.setData(Qt.ItemDataRole.UserRole, (card.card_id, sv.balance_id))
                if not sv.remaining:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                self.services.addItem(item)
        self.empty.setVisible(not self.cards)

    def update_state(self) -> None:
        item = self.services.currentItem()
        self.use_button.setEnabled(not self.busy and item is not None
                                   and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled))
        self.undo_button.setEnabled(not self.busy and self.last is not None)
        self.refund_button.setEnabled(not self.busy and item is not None)

    # -- actions ----------------------------------------------------------------------------
    def enter_pressed(self) -> None:
        self.submit_use()

    def submit_use(self) -> None:
        item = self.services.currentItem()
        if item is None or self.busy:
            return
        self.uses.interpretText()
        card_id, balance_id = item.data(Qt.ItemDataRole.UserRole)
        self.call(use, self.actor, card_id, balance_id, self.uses.value(), on_done=self._used)

    def _used(self, result: UseResult) -> None:
        self.last, self.undone = result, None
        self.say(self._used_text, OK)
        self.uses.setValue(1)
        self.used.emit(result)
        self.work_done()
        self.call(load_cards, self.actor, self.member_no, on_done=self._loaded)

    def _used_text(self) -> str:
        r = self.last
        if r is None:
            return ""
        return self.tr("{card} {service} ×{uses}, {left} left").format(
            card=r.card_name, service=r.service, uses=r.uses, left=r.remaining)

    def submit_undo(self, approval_id: int | None = None) -> None:
        if self.last is None or self.busy:
            return
        reason = self.tr("Used by mistake")
        self.call(undo, self.actor, self.last.entry_id, reason, approval_id,
                  on_done=self._undone, on_error=lambda e: self._ask_manager(
                      e, Permission.ADJUST_BALANCE, "undo_count_card_use", reason,
                      self.submit_undo), approval=True)

    def _ask_manager(self, error: UserError, permission: Permission, action: str, reason: str,
                     again: Callable[[int | None], None]) -> None:
        """A cashier lacks the permission: a manager approves once (``action``: what,
        in the approval box's words), then the same request goes again."""
        if error.code not in ("permission_denied", "approval_invalid"):
            return
        self.approval = ApprovalDialog(self.runner, self.actor, permission, reason, self,
                                       action=action)
        self.approval.approved.connect(lambda grant: again(grant.approval_id))
        self.approval.open()

    def submit_refund(self, approval_id: int | None = None) -> None:
        item = self.services.currentItem()
        if item is None or self.busy:
            return
        card_id = item.data(Qt.ItemDataRole.UserRole)[0]
        card = next(c for c in self.cards if c.card_id == card_id)
        if self._refund_armed is None or self._refund_armed[0] != card_id:
            self._refund_armed = (card_id, uuid.uuid4().hex)
            self.say(lambda: self.tr("Refund the {left} unused uses of {card} by the shop's "
                                     "rule? Press “Refund unused” again to confirm.").format(
                left=card.remaining, card=card.name), ERROR)
            return
        reason = self.tr("Customer returns the card")
        self.call(refund, self.actor, self._refund_armed[1], card_id, reason, approval_id,
                  on_done=self._refunded, on_error=lambda e: self._ask_manager(
                      e, Permission.REFUND, "refund_count_card", reason, self.submit_refund),
                  approval=True)

    def _refunded(self, result: Any) -> None:
        self._refund_armed = None
        self.last = None
        self.say(lambda: self.tr("Refunded {amount} for the unused uses ({refund_no}).").format(
            amount=result.amount.display(), refund_no=result.refund_no), OK)
        self.refunded.emit(result)
        self.call(load_cards, self.actor, self.member_no, on_done=self._loaded)

    def _undone(self, result: UseResult) -> None:
        self.last, self.undone = None, result
        self.say(lambda: self.tr("Use undone: {card} {service}, {left} left").format(
            card=result.card_name, service=result.service, left=result.remaining), OK)
        self.use_undone.emit(result)
        self.call(load_cards, self.actor, self.member_no, on_done=self._loaded)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Count cards"))
        self.heading.setText(self.tr("Count cards of {name} ({member_no})").format(
            name=self.member_name, member_no=self.member_no))
        self.list_label.setText(self.tr("Card and service"))
        self.uses_label.setText(self.tr("&Uses"))
        self.empty.setText(self.tr("This member has no usable count card. Sell one like any "
                                   "product: ring up the card's code and take payment."))
        self.use_button.setText(self.tr("Use (Enter)"))
        self.undo_button.setText(self.tr("Undo last use"))
        self.refund_button.setText(self.tr("Refund unused"))
        if self.cards:
            row = self.services.currentRow()
            self._fill()
            self.services.setCurrentRow(row)
        super().retranslate()
