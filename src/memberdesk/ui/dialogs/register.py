"""F6 登记会员: quick registration at the counter — phone, name, and the card on
the reader (swiped into the card field: a keyboard-wedge reader types the UID
and Enter; a typed UID in any form a reader prints works too).

Enter moves phone -> name -> card -> register; an empty card field registers
without a card. The new member becomes the counter's member.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from memberdesk.services.members.details import MemberSummary
from memberdesk.services.shared.errors import UserError
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.tasks import TaskRunner

from .base import OK, TaskDialog


def register(db: Any, actor: Any, phone: str, name: str, card_uid: str | None,
             referrer_no: str | None = None) -> tuple[MemberSummary, Any]:
    """Worker: register (binding the card, naming the referrer), then the member as a
    lookup finds them."""
    from memberdesk.services.loyalty.enrol import register_member
    from memberdesk.services.members.lookup import lookup

    summary = register_member(db, actor, phone=phone, name=name, card_uid=card_uid,
                              referrer_no=referrer_no)
    return summary, lookup(db, actor, summary.member_no).member


class RegisterDialog(TaskDialog):
    registered = Signal(object)  # the new member as services.members.lookup.MemberHit

    def __init__(self, runner: TaskRunner, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, parent, name="registerDialog")
        self.member: MemberSummary | None = None
        self.card_bound = ""
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.phone = QLineEdit()
        self.phone.setObjectName("registerPhone")
        self.phone.setMaxLength(20)
        self.name = QLineEdit()
        self.name.setObjectName("registerName")
        self.name.setMaxLength(40)
        self.card = QLineEdit()
        self.card.setObjectName("registerCard")
        self.card.setMaxLength(64)
        self.referrer = QLineEdit()
        self.referrer.setObjectName("registerReferrer")
        self.referrer.setMaxLength(32)
        self.phone_label, self.name_label, self.card_label = QLabel(), QLabel(), QLabel()
        self.referrer_label = QLabel()
        self.referrer_label.setBuddy(self.referrer)
        self.phone_label.setBuddy(self.phone)
        self.name_label.setBuddy(self.name)
        self.card_label.setBuddy(self.card)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.addRow(self.phone_label, self.phone)
        form.addRow(self.name_label, self.name)
        form.addRow(self.card_label, self.card)
        form.addRow(self.referrer_label, self.referrer)
        self.body.addWidget(self.intro)
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.register_button = self.add_button(self.submit, primary=True)
        self.setMinimumWidth(600)
        self.retranslate()
        self.phone.setFocus()

    def card_presented(self, uid: str) -> None:
        """A card on the PC/SC reader: it is the card to bind."""
        if self.member is None and self.isVisible():
            self.card.setText(uid)
            self.card.setFocus()

    def enter_pressed(self) -> None:
        if self.member is not None:
            self.accept()
            return
        focus = self.focusWidget()
        if focus is self.phone and self.phone.text().strip() and not self.name.text().strip():
            self.name.setFocus()
        elif focus is self.name and self.name.text().strip() and not self.card.text().strip():
            self.card.setFocus()
        else:
            self.submit()

    def submit(self) -> None:
        if self.member is not None:
            self.accept()
            return
        if self.busy:
            return
        phone = self.require_text(self.phone, lambda: self.tr("Type the mobile number."))
        if phone is None:
            return
        name = self.require_text(self.name, lambda: self.tr("Type the member's name."))
        if name is None:
            return
        card = self.card.text().strip() or None
        referrer = self.referrer.text().strip() or None
        self.call(register, self.actor, phone, name, card, referrer, on_done=self._done,
                  on_error=self._refused)

    def _refused(self, error: UserError) -> None:
        """Put the cursor where the problem is."""
        if error.code.startswith("card") or error.code == "invalid_card":
            target = self.card
        elif error.code == "referrer_not_found":
            target = self.referrer
        elif error.code.startswith("field") or error.code == "required_field":
            target = self.name
        else:
            target = self.phone
        target.setFocus()
        target.selectAll()

    def _done(self, result: tuple[MemberSummary, Any]) -> None:
        self.member, hit = result
        self.card_bound = self.card.text().strip()
        for field in (self.phone, self.name, self.card, self.referrer):
            field.setEnabled(False)
        self.work_done(own_done_button=True)
        self.say(self._done_text, OK)
        self.retranslate()
        if hit is not None:
            self.registered.emit(hit)

    def _done_text(self) -> str:
        m = self.member
        if m is None:
            return ""
        text = self.tr("Member {member_no} {name} registered ({phone}).").format(
            member_no=m.member_no, name=m.name, phone=m.phone_masked)
        if self.card_bound:
            text = fmt.sentences(text, self.tr("The card is bound."))
        return fmt.sentences(text, self.tr("They are now the member at the counter (F3 recharges)."))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New member"))
        self.heading.setText(self.tr("Register a member"))
        self.intro.setText(self.tr("Mobile number and name are enough. To give a card, put "
                                   "the cursor in the card field and swipe it."))
        self.phone_label.setText(self.tr("&Mobile"))
        self.phone.setPlaceholderText(self.tr("11-digit mainland mobile number"))
        self.name_label.setText(self.tr("&Name"))
        self.card_label.setText(self.tr("&Card"))
        self.card.setPlaceholderText(self.tr("Swipe the card now, or type its number (optional)"))
        self.referrer_label.setText(self.tr("Referred &by"))
        self.referrer.setPlaceholderText(self.tr("The referrer's member no. (optional)"))
        self.register_button.setText(
            self.tr("Done (Enter)") if self.member is not None else self.tr("Register (Enter)")
        )
        super().retranslate()
