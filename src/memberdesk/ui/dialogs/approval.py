"""A manager's one-time approval at the counter (授权).

A cashier lacks a permission (say, refunds): a manager or the owner types their
user name (or the display name the login list shows) and password here, with the reason, and the service grants a one-time
approval for this cashier (``services.staff.approvals.grant_approval``). A wrong password
counts towards the approver's lockout like a login. The owner confirming a
restore uses the same dialog with the user name fixed to their own.

The box says what is being approved in the cashier's words ("发放优惠券", "退款"), the
caller naming it (:data:`ACTIONS`); the permission's name ("管理营销活动") only when
none is named (a blind trial: a cashier giving a coupon did not know what 管理营销活动
had to do with it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from memberdesk.services.shared.permissions import Permission, permission_label
from memberdesk.services.staff.approvals import ApprovalGrant
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from memberdesk.ui.shell.tasks import TaskRunner

from .base import TaskDialog, current_language


def grant(db: Any, requester: Any, username: str, password: str, permission: Permission,
          reason: str) -> ApprovalGrant:
    from memberdesk.services.staff.approvals import grant_approval

    return grant_approval(db, requester, approver_username=username,
                          approver_password=password, permission=permission, reason=reason)


# What a manager approves, in the words of the cashier asking; each the subject of
# "{action} needs a manager or the owner…" (source texts of context ApprovalActions).
ACTIONS: dict[str, str] = {
    "give_coupon": QT_TRANSLATE_NOOP("ApprovalActions", "Giving a coupon"),
    "refund": QT_TRANSLATE_NOOP("ApprovalActions", "A refund"),
    "discount": QT_TRANSLATE_NOOP("ApprovalActions", "The discount on this sale"),
    "price_change": QT_TRANSLATE_NOOP("ApprovalActions", "The price change on this sale"),
    "undo_count_card_use": QT_TRANSLATE_NOOP("ApprovalActions", "Undoing a use of a count card"),
    "refund_count_card": QT_TRANSLATE_NOOP("ApprovalActions", "Refunding a count card"),
}
# The action asked for under a permission when the caller names none.
DEFAULT_ACTIONS: dict[Permission, str] = {Permission.REFUND: "refund"}


class ApprovalDialog(TaskDialog):
    approved = Signal(object)  # ApprovalGrant

    def __init__(
        self,
        runner: TaskRunner,
        actor: Any,
        permission: Permission,
        reason: str = "",
        parent: QWidget | None = None,
        *,
        approver: str | None = None,
        action: str | None = None,
    ) -> None:
        """``action``: a key of :data:`ACTIONS`, what the cashier is doing."""
        super().__init__(runner, actor, parent, name="approvalDialog")
        self.permission = permission
        self.fixed_approver = approver
        self.action = action or DEFAULT_ACTIONS.get(permission)
        if self.action is not None and self.action not in ACTIONS:
            raise ValueError(f"unknown approval action {self.action!r}")
        self.grant: ApprovalGrant | None = None
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("approverName")
        self.username.setMaxLength(32)
        self.password = QLineEdit()
        self.password.setObjectName("passwordField")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit(reason)
        self.reason.setObjectName("approvalReason")
        self.reason.setMaxLength(200)
        if approver is not None:
            self.username.setText(approver)
            self.username.setReadOnly(True)
        self.username_label, self.password_label, self.reason_label = QLabel(), QLabel(), QLabel()
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        self.reason_label.setBuddy(self.reason)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        form.addRow(self.reason_label, self.reason)
        self.body.addWidget(self.explanation)
        self.body.addLayout(form)
        self.approve_button = self.add_button(self.submit, primary=True)
        self.setMinimumWidth(560)
        self.retranslate()
        (self.password if approver is not None else self.username).setFocus()

    def enter_pressed(self) -> None:
        focus = self.focusWidget()
        if focus is self.username and self.username.text().strip():
            self.password.setFocus()
        elif focus is self.password and self.password.text() and not self.reason.text().strip():
            self.reason.setFocus()
        else:
            self.submit()

    def submit(self) -> None:
        if self.busy:
            return
        username = self.require_text(self.username, lambda: self.tr("Type the approver's user name."))
        if username is None:
            return
        if not self.password.text():
            self.say(lambda: self.tr("Type the approver's password."), "error")
            self.password.setFocus()
            return
        reason = self.require_text(self.reason, lambda: self.tr("Please give a reason."))
        if reason is None:
            return
        password = self.password.text()
        self.call(grant, self.actor, username, password, self.permission, reason,
                  on_done=self._granted, on_error=lambda _e: self._failed())

    def _failed(self) -> None:
        self.password.clear()
        self.password.setFocus()

    def _granted(self, grant: ApprovalGrant) -> None:
        self.grant = grant
        self.password.clear()
        self.approved.emit(grant)
        self.accept()

    def action_text(self) -> str:
        """What is approved: the cashier's words, else the permission's name."""
        if self.action is not None:
            return QCoreApplication.translate("ApprovalActions", ACTIONS[self.action])
        return permission_label(self.permission, current_language())

    def retranslate(self) -> None:
        action = self.action_text()
        if self.fixed_approver is not None:
            self.setWindowTitle(self.tr("Confirm with your password"))
            self.heading.setText(self.tr("Confirm with your password"))
            self.explanation.setText(
                self.tr("To {action}, type your password again.").format(action=action)
            )
        else:
            self.setWindowTitle(self.tr("Manager approval"))
            self.heading.setText(self.tr("Manager approval"))
            self.explanation.setText(
                self.tr("{action} needs a manager or the owner. They type their user name "
                        "and password here; the approval counts once.").format(
                    action=action[:1].upper() + action[1:])  # it starts the sentence
            )
        self.username_label.setText(self.tr("&User name"))
        self.username.setPlaceholderText(self.tr("User name or the name on the login list"))
        self.password_label.setText(self.tr("&Password"))
        self.reason_label.setText(self.tr("&Reason"))
        self.reason.setPlaceholderText(self.tr("Why (required)"))
        self.approve_button.setText(
            self.tr("Confirm (Enter)") if self.fixed_approver is not None
            else self.tr("Approve (Enter)")
        )
        super().retranslate()
