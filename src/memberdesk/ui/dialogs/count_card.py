"""F11 计次卡: use the count card of the member at the counter (核销).

The member's usable cards are listed one line per card and service, with the uses
left and the last day. Up/Down picks a line, the uses field takes 1 or n, Enter
uses them; the message line then reads like the receipt line ("洗车10次卡 精洗一次
×1，剩余 7 次"). A manager (or anyone with a manager's login) can undo the last use
made in this dialog.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QListWidget, QListWidgetItem, QSpinBox, QWidget

from memberdesk.services.count_card_use import CardView, ServiceLeft, UseResult

from .. import fmt
from ..tasks import TaskRunner
from .base import OK, TaskDialog

MAX_USES = 999


def load_cards(db: Any, actor: Any, member_no: str) -> list[CardView]:
    from memberdesk.services.count_card_use import cards_by_member_no

    return cards_by_member_no(db, actor, member_no)[1]


def use(db: Any, actor: Any, card_id: int, balance_id: int, uses: int) -> UseResult:
    from memberdesk.services.count_card_use import UseRequest, use_card

    return use_card(db, actor, UseRequest(card_id, balance_id, uses))


def undo(db: Any, actor: Any, entry_id: int, reason: str) -> UseResult:
    from memberdesk.services.count_card_use import ReverseRequest, reverse_use

    return reverse_use(db, actor, ReverseRequest(entry_id, reason))


class CountCardDialog(TaskDialog):
    used = Signal(object)  # UseResult

    def __init__(self, runner: TaskRunner, actor: Any, member_no: str, member_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, parent, name="countCardDialog")
        self.member_no, self.member_name = member_no, member_name
        self.cards: list[CardView] = []
        self.last: UseResult | None = None
        self.undone: UseResult | None = None
        self.list_label = QLabel()
        self.services = QListWidget()
        self.services.setObjectName("countCardServices")
        self.services.setMinimumHeight(180)
        self.services.setWordWrap(True)
        self.services.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.uses_label = QLabel()
        self.uses = QSpinBox()
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
        self.undo_button = self.add_button(self.submit_undo)
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
        self.call(load_cards, self.actor, self.member_no, on_done=self._loaded)

    def _used_text(self) -> str:
        r = self.last
        if r is None:
            return ""
        return self.tr("{card} {service} ×{uses}, {left} left").format(
            card=r.card_name, service=r.service, uses=r.uses, left=r.remaining)

    def submit_undo(self) -> None:
        if self.last is None or self.busy:
            return
        self.call(undo, self.actor, self.last.entry_id, self.tr("Used by mistake"),
                  on_done=self._undone)

    def _undone(self, result: UseResult) -> None:
        self.last, self.undone = None, result
        self.say(lambda: self.tr("Use undone: {card} {service}, {left} left").format(
            card=result.card_name, service=result.service, left=result.remaining), OK)
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
        self.undo_button.setText(self.tr("Undo last use (manager)"))
        if self.cards:
            row = self.services.currentRow()
            self._fill()
            self.services.setCurrentRow(row)
        super().retranslate()
