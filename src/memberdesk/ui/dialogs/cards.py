"""F7 挂失/补卡: report a card lost, take the report back, replace or void a card.

The card is swiped (or typed) into the card field, or picked from the cards of
the member at the counter. Enter in the card field shows whose card it is and
its state; Enter in the new-card field replaces. Voiding asks for a second press.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from memberdesk.services.members.cards import CardInfo
from memberdesk.services.members.details import MemberDetail
from memberdesk.services.members.lookup import LookupResult
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.tasks import TaskRunner

from .base import ERROR, OK, TaskDialog, current_language
from .labels import card_state


def member_cards(db: Any, actor: Any, member_no: str) -> MemberDetail:
    from memberdesk.services.members.details import get_member

    return get_member(db, actor, member_no)


def check(db: Any, uid: str) -> LookupResult:
    from memberdesk.services.members.lookup import identify_card

    return identify_card(db, uid)


def lost(db: Any, actor: Any, uid: str) -> CardInfo:
    from memberdesk.services.members.cards import report_card_lost

    return report_card_lost(db, actor, uid)


def found(db: Any, actor: Any, uid: str) -> CardInfo:
    from memberdesk.services.members.cards import cancel_card_lost

    return cancel_card_lost(db, actor, uid)


def replace(db: Any, actor: Any, old: str, new: str) -> CardInfo:
    from memberdesk.services.members.cards import replace_card

    return replace_card(db, actor, old, new)


def void(db: Any, actor: Any, uid: str) -> CardInfo:
    from memberdesk.services.members.cards import void_card

    return void_card(db, actor, uid)


class CardsDialog(TaskDialog):
    def __init__(
        self, runner: TaskRunner, actor: Any, member_no: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, actor, parent, name="cardsDialog")
        self.member: MemberDetail | None = None
        self.info: CardInfo | None = None
        self.checked: LookupResult | None = None
        self._void_armed = ""
        self.cards_label = QLabel()
        self.cards = QListWidget()
        self.cards.setObjectName("memberCards")
        self.cards.setMaximumHeight(140)
        self.cards.currentItemChanged.connect(self._picked)
        self.card = QLineEdit()
        self.card.setObjectName("cardsCard")
        self.card.setMaxLength(64)
        self.new_card = QLineEdit()
        self.new_card.setObjectName("cardsNewCard")
        self.new_card.setMaxLength(64)
        self.card_label, self.new_card_label = QLabel(), QLabel()
        self.card_label.setBuddy(self.card)
        self.new_card_label.setBuddy(self.new_card)
        self.state = QLabel()
        self.state.setObjectName("cardState")
        self.state.setWordWrap(True)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.addRow(self.cards_label, self.cards)
        form.addRow(self.card_label, self.card)
        form.addRow(self.new_card_label, self.new_card)
        self.body.addLayout(form)
        self.body.addWidget(self.state)
        self.body.addStretch(1)
        self.lost_button = self.add_button(lambda: self._act(lost), primary=True)
        self.found_button = self.add_button(lambda: self._act(found))
        self.replace_button = self.add_button(self.submit_replace)
        self.void_button = self.add_button(self.submit_void)
        self.setMinimumWidth(700)
        self.cards_label.hide()
        self.cards.hide()
        self.retranslate()
        self.card.setFocus()
        if member_no is not None:
            self.call(member_cards, self.actor, member_no, on_done=self._member_loaded)

    # -- choosing the card ------------------------------------------------------------------
    def _member_loaded(self, member: MemberDetail) -> None:
        self.member = member
        self._fill_cards()
        self.retranslate()

    def _fill_cards(self) -> None:
        self.cards.clear()
        if self.member is None:
            return
        for c in self.member.cards:
            item = QListWidgetItem(f"{c.uid}    {card_state(c.status)}    {fmt.date_text(fmt.shop_date(c.bound_at))}")
            item.setData(Qt.ItemDataRole.UserRole, c.uid)
            self.cards.addItem(item)
        self.cards_label.setVisible(bool(self.member.cards))
        self.cards.setVisible(bool(self.member.cards))
        in_use = [c for c in self.member.cards if str(c.status) == "active"]
        if len(in_use) == 1 and not self.card.text():
            self.card.setText(in_use[0].uid)  # the usual case: one card, the one to act on

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.card.setText(item.data(Qt.ItemDataRole.UserRole))

    def _uid(self, field: QLineEdit | None = None) -> str | None:
        return self.require_text(field or self.card, lambda: self.tr("Swipe the card or type its number."))

    def card_presented(self, uid: str) -> None:
        """A card on the PC/SC reader: the new card when the new-card field has
        the cursor, else the card to look at (and its state is shown)."""
        if not self.isVisible() or self.busy:
            return
        if self.focusWidget() is self.new_card:
            self.new_card.setText(uid)
        else:
            self.card.setText(uid)
            self.submit_check()

    # -- actions ----------------------------------------------------------------------------
    def enter_pressed(self) -> None:
        focus = self.focusWidget()
        if focus is self.new_card:
            self.submit_replace()
        elif focus is self.cards and self.cards.currentItem() is not None:
            self.card.setFocus()
        else:
            self.submit_check()

    def submit_check(self) -> None:
        uid = self._uid()
        if uid is not None and not self.busy:
            self.call(check, uid, on_done=self._checked)

    def _checked(self, result: LookupResult) -> None:
        self.info, self.checked = None, result
        self.clear_message()  # an earlier "swipe the card" no longer applies
        self.state.setText(self._lookup_text(result))

    def _lookup_text(self, r: LookupResult) -> str:
        text = r.message(current_language())
        hit = r.member
        if hit is not None:
            text = self.tr("Card {uid} is in use: member {member_no} {name}.").format(
                uid=r.card_uid or "", member_no=hit.member_no, name=hit.name)
        return text

    def _act(self, service: Callable[..., CardInfo], *extra: str) -> None:
        uid = self._uid()
        if uid is None or self.busy:
            return
        self._void_armed = ""
        self.call(service, self.actor, uid, *extra, on_done=self._acted)

    def submit_replace(self) -> None:
        if self._uid() is None:
            return
        new = self.require_text(self.new_card, lambda: self.tr("Swipe the new card into \"New card\"."))
        if new is not None:
            self._act(replace, new)

    def submit_void(self) -> None:
        uid = self._uid()
        if uid is None:
            return
        if self._void_armed != uid:
            self._void_armed = uid
            self.say(lambda: self.tr("Voiding unbinds card {uid} from its member. Press Void "
                                     "again to confirm.").format(uid=uid), ERROR)
            return
        self._act(void)

    def _acted(self, info: CardInfo) -> None:
        self.work_done()
        self.info, self.checked = info, None
        self.say(self._info_text, OK)
        self.state.setText(self._info_text())
        self.new_card.clear()
        if self.member is not None:
            self.call(member_cards, self.actor, self.member.member_no, on_done=self._member_loaded)

    def _info_text(self) -> str:
        i = self.info
        if i is None:
            return ""
        text = self.tr("Card {uid} of member {member_no}: {state}.").format(
            uid=i.uid, member_no=i.member_no, state=card_state(i.status))
        return text

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cards"))
        self.heading.setText(
            self.tr("Cards of {name} ({member_no})").format(
                name=self.member.name, member_no=self.member.member_no)
            if self.member is not None else self.tr("Lost, found, replaced and void cards")
        )
        self.cards_label.setText(self.tr("Member's cards"))
        self.card_label.setText(self.tr("&Card"))
        self.card.setPlaceholderText(self.tr("Swipe or type the card; Enter shows whose it is"))
        self.new_card_label.setText(self.tr("&New card"))
        self.new_card.setPlaceholderText(self.tr("For a replacement: swipe the new card here"))
        self.lost_button.setText(self.tr("Report &lost"))
        self.found_button.setText(self.tr("&Found again"))
        self.replace_button.setText(self.tr("&Replace"))
        self.void_button.setText(self.tr("&Void"))
        if self.info is not None:
            self.state.setText(self._info_text())
        elif self.checked is not None:
            self.state.setText(self._lookup_text(self.checked))
        super().retranslate()
