"""The Actions tab of a member's page (会员详情 → 操作) and what its buttons do: adjust
stored value or points (ledger entries), set or remove the payment password (the
member types it), deactivate or reactivate, and, for the owner, anonymise. Every
action needs a reason, which goes into the audit log. The member's page
(``member_dialog.MemberDialog``) is this class with the other tabs."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from memberdesk.models.enums import MemberStatus
from memberdesk.money import Money
from memberdesk.services.members.admin import MemberFile, adjust_points, adjust_stored_value
from memberdesk.services.members.closing import anonymise_member, set_member_active
from memberdesk.services.stored_value.payment_password import set_payment_password
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import PickerBox

from ..dialogs.base import ERROR, OK, AmountEdit, TaskDialog, push_button


class MemberActions(TaskDialog):
    """A member's page's actions; the page supplies the tabs, ``file`` and ``reload``."""

    changed = Signal()  # something about the member was saved
    member_no: str
    file: MemberFile | None
    anonymise_armed = False

    def _tab(self) -> QVBoxLayout:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def _render_file(self) -> None:
        raise NotImplementedError

    def _build_actions(self) -> None:
        layout = self._tab()
        self.reason = QLineEdit()
        self.reason.setObjectName("actionReason")
        self.reason.setMaxLength(200)
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        self.sv_amount = AmountEdit()
        self.sv_amount.setObjectName("adjustAmount")
        self.sv_amount.setPlaceholderText("+50 / -20")
        self.sv_part = PickerBox()
        self.sv_part.addItem("", False)
        self.sv_part.addItem("", True)
        self.sv_button = push_button(self.adjust_stored_value)
        self.points_amount = QLineEdit()
        self.points_amount.setObjectName("adjustPoints")
        self.points_amount.setMaxLength(8)
        self.points_amount.setPlaceholderText("+100 / -50")
        self.points_button = push_button(self.adjust_points)
        self.password = QLineEdit()
        self.password.setObjectName("paymentPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(6)
        self.password_button = push_button(self.set_password)
        self.clear_password_button = push_button(self.clear_password)
        self.active_button = push_button(self.toggle_active)
        self.anonymise_button = push_button(self.anonymise)
        self.anonymise_button.setObjectName("anonymiseButton")
        self.anonymise_note = QLabel()
        self.anonymise_note.setWordWrap(True)
        self._busy_buttons += [self.sv_button, self.points_button, self.password_button,
                               self.clear_password_button, self.active_button,
                               self.anonymise_button]
        self.action_labels = [QLabel(), QLabel(), QLabel()]
        grid = QGridLayout()
        grid.setVerticalSpacing(8)
        grid.addWidget(self.reason_label, 0, 0)
        grid.addWidget(self.reason, 0, 1, 1, 3)
        grid.addWidget(self.action_labels[0], 1, 0)
        grid.addWidget(self.sv_amount, 1, 1)
        grid.addWidget(self.sv_part, 1, 2)
        grid.addWidget(self.sv_button, 1, 3)
        grid.addWidget(self.action_labels[1], 2, 0)
        grid.addWidget(self.points_amount, 2, 1)
        grid.addWidget(self.points_button, 2, 3)
        grid.addWidget(self.action_labels[2], 3, 0)
        grid.addWidget(self.password, 3, 1)
        grid.addWidget(self.clear_password_button, 3, 2)
        grid.addWidget(self.password_button, 3, 3)
        self.action_labels[0].setBuddy(self.sv_amount)
        self.action_labels[1].setBuddy(self.points_amount)
        self.action_labels[2].setBuddy(self.password)
        grid.setColumnStretch(1, 1)
        end = QHBoxLayout()
        end.addWidget(self.active_button)
        end.addStretch(1)
        end.addWidget(self.anonymise_button)
        layout.addLayout(grid)
        layout.addSpacing(10)
        layout.addLayout(end)
        layout.addWidget(self.anonymise_note)
        layout.addStretch(1)

    def _day(self, edit: QLineEdit) -> tuple[bool, date | None]:
        text = edit.text().strip()
        if not text:
            return True, None
        try:
            return True, date.fromisoformat(text)
        except ValueError:
            self.say(lambda: self.tr("Type a day as 2026-01-31, or leave it empty."), ERROR)
            edit.setFocus()
            return False, None

    def _done(self, text: Any) -> None:
        self.say(text, OK)
        self.changed.emit()
        self.file = None  # reload everything, the ledgers too
        self.reload()

    def _reason(self) -> str | None:
        return self.require_text(self.reason, lambda: self.tr(
            "Type the reason first: it goes into the audit log with the action."))

    def adjust_stored_value(self) -> None:
        reason = self._reason()
        if reason is None:
            return
        amount = self.read_signed_amount()
        if amount is None:
            return
        self.call(adjust_stored_value, self.actor, self.member_no, amount,
                  bonus=bool(self.sv_part.currentData()), reason=reason,
                  on_done=lambda r: self._adjusted(r.stored_value))

    def read_signed_amount(self) -> Money | None:
        text = self.sv_amount.text().strip().replace("＋", "+").replace("－", "-")
        sign = -1 if text.startswith("-") else 1
        self.sv_amount.setText(text.lstrip("+-").strip())
        amount = self.read_amount(self.sv_amount, lambda: self.tr(
            "Type the amount to add (or -amount to take away)."))
        self.sv_amount.setText(text)
        return None if amount is None else Money(sign * amount.fen)

    def _adjusted(self, balance: Money) -> None:
        self.sv_amount.clear()
        self.reason.clear()
        self._done(lambda: self.tr("Stored value adjusted: the balance is now {amount}.")
                   .format(amount=fmt.money(balance)))

    def adjust_points(self) -> None:
        reason = self._reason()
        if reason is None:
            return
        text = self.points_amount.text().strip().replace("＋", "+").replace("－", "-")
        try:
            points = int(text)
        except ValueError:
            self.say(lambda: self.tr("Type the points to give (or -points to take away)."),
                     ERROR)
            self.points_amount.setFocus()
            return
        self.call(adjust_points, self.actor, self.member_no, points, reason=reason,
                  on_done=self._points_adjusted)

    def _points_adjusted(self, result: Any) -> None:
        self.points_amount.clear()
        self.reason.clear()
        self._done(lambda: self.tr("Points adjusted: the balance is now {points}.")
                   .format(points=fmt.number(result.points)))

    def set_password(self) -> None:
        if not self.password.text():
            self.say(lambda: self.tr("Let the member type the new payment password (4 to 6 "
                                     "digits)."), ERROR)
            self.password.setFocus()
            return
        if self.file is None:
            return
        password = self.password.text()
        self.password.clear()
        self.call(set_payment_password, self.actor, self.file.detail.id, password,
                  on_done=lambda _r: self._done(lambda: self.tr(
                      "The payment password is set.")))

    def clear_password(self) -> None:
        if self.file is None:
            return
        self.call(set_payment_password, self.actor, self.file.detail.id, None,
                  on_done=lambda _r: self._done(lambda: self.tr(
                      "The payment password is removed.")))

    def toggle_active(self) -> None:
        if self.file is None:
            return
        active = self.file.detail.status is not MemberStatus.ACTIVE
        reason = self._reason()
        if reason is None:
            return
        self.call(set_member_active, self.actor, self.member_no, active=active, reason=reason,
                  on_done=lambda _r: self._done(
                      (lambda: self.tr("The member is active again.")) if active
                      else (lambda: self.tr("The member is deactivated."))))

    def anonymise(self) -> None:
        reason = self._reason()
        if reason is None:
            return
        if not self.anonymise_armed:
            self.anonymise_armed = True
            self._render_file()
            self.say(lambda: self.tr("Press \"Anonymise\" again to wipe this member's personal "
                                     "data for good."), ERROR)
            return
        self.anonymise_armed = False
        self.call(anonymise_member, self.actor, self.member_no, reason=reason,
                  on_done=lambda _r: self._done(lambda: self.tr(
                      "The member's personal data is wiped; the member number, ledgers and "
                      "sales stay.")))

    def render_actions(self, f: MemberFile) -> None:
        d = f.detail
        self.active_button.setText(self.tr("Reactivate") if d.status is MemberStatus.INACTIVE
                                   else self.tr("Deactivate"))
        self.anonymise_button.setText(self.tr("Anonymise — press again to confirm")
                                      if self.anonymise_armed else self.tr("Anonymise…"))
        password = self.tr("set") if f.has_payment_password else self.tr("not set")
        self.action_labels[2].setText(self.tr("Payment &password ({state})").format(
            state=password))

    def retranslate_actions(self) -> None:
        self.reason_label.setText(self.tr("&Reason"))
        self.reason.setPlaceholderText(self.tr("required for every action below; written to "
                                               "the audit log"))
        self.action_labels[0].setText(self.tr("&Stored value"))
        self.action_labels[1].setText(self.tr("P&oints"))
        self.sv_part.setItemText(0, self.tr("paid part (本金)"))
        self.sv_part.setItemText(1, self.tr("bonus part (赠送)"))
        self.sv_button.setText(self.tr("Adjust stored value"))
        self.points_button.setText(self.tr("Adjust points"))
        self.password.setPlaceholderText(self.tr("4–6 digits"))
        self.password.setToolTip(self.tr("The member types the password; nobody else sees it."))
        self.password_button.setText(self.tr("Set password"))
        self.clear_password_button.setText(self.tr("Remove password"))
        self.anonymise_note.setText(self.tr(
            "Anonymising (owner only) wipes the name, phone, birthday, email, address, tags, "
            "notes and payment password and voids the cards. Kept: the member number, tier, "
            "points, every stored-value and points entry and every sale. Stored value must be "
            "refunded first."))
