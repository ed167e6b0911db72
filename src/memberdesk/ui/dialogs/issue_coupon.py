"""Give a coupon to the member at the counter (发券, Shift+F1).

Lists the active coupon templates (what each gives, its minimum spend); Up/Down
pick one, Enter gives it to the member on screen
(``services.coupons.admin.issue_coupon``: permission-checked, audited). A cashier
without the permission gets the manager-approval dialog, and with the approval
the same coupon is given (the approver is in the audit row; one approval, one coupon).

Giving several coupons is normal (issue 11: the Give button stayed grey after the
first until the dialog was opened again): once one is given, Enter gives the next
one picked, and the message counts those given since the dialog opened. One Enter
gives one coupon: an Enter while the service is still giving the last does nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from memberdesk.services.coupons.admin import (
    CouponTemplateRow,
    IssuedCoupons,
    issue_coupon,
    list_coupon_templates,
)
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.permissions import Permission
from memberdesk.ui.common import fmt
from memberdesk.ui.common.coupon_words import min_spend_text, offer_text
from memberdesk.ui.shell.tasks import TaskRunner

from .approval import ApprovalDialog
from .base import ERROR, OK, TaskDialog


def _active(db: Any) -> list[CouponTemplateRow]:
    return [t for t in list_coupon_templates(db) if t.active]


def _issue(db: Any, actor: Any, code: str, member_no: str, approval_id: int | None
           ) -> IssuedCoupons:  # fmt: skip
    return issue_coupon(db, actor, code, member_no, approval_id=approval_id)


class IssueCouponDialog(TaskDialog):
    issued = Signal(object)  # IssuedCoupons

    def __init__(self, runner: TaskRunner, actor: Any, member_no: str, member_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, parent, name="issueCouponDialog")
        self.member_no, self.member_name = member_no, member_name
        self.templates: list[CouponTemplateRow] = []
        self.issued_coupons: IssuedCoupons | None = None  # the last one given
        self.given = 0  # coupons given since the dialog opened
        self.approval_id: int | None = None
        self.approval: ApprovalDialog | None = None
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("couponTemplates")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(220)
        self.body.addWidget(self.table)
        self.give_button = self.add_button(self.submit, primary=True)
        self.setMinimumWidth(620)
        self.retranslate()
        self.table.setFocus()
        self.call(_active, on_done=self._listed)

    def _listed(self, templates: list[CouponTemplateRow]) -> None:
        self.templates = templates
        self.table.setRowCount(len(templates))
        for row, t in enumerate(templates):
            cells = (t.name, offer_text(t), min_spend_text(t))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:  # an amount
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if templates:
            self.table.selectRow(0)
        else:
            self.say(lambda: self.tr("There are no active coupons. The owner adds them on the "
                                     "rules page of the back office."), ERROR)
        self.update_state()

    def update_state(self) -> None:
        self.give_button.setEnabled(bool(self.templates))

    def enter_pressed(self) -> None:
        self.submit()

    def submit(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if self.busy or not rows:
            return
        t = self.templates[rows[0].row()]
        self.call(_issue, self.actor, t.code, self.member_no, self.approval_id,
                  on_done=self._done, on_error=lambda e: self._refused(e, t), approval=True)

    def _refused(self, error: UserError, t: CouponTemplateRow) -> None:
        self.approval_id = None
        if error.code in ("permission_denied", "approval_invalid"):
            reason = self.tr("Coupon {name} for {member}").format(name=t.name,
                                                                  member=self.member_name)
            self.approval = ApprovalDialog(self.runner, self.actor, Permission.MANAGE_PROMOTIONS,
                                           reason, self, action="give_coupon")
            self.approval.approved.connect(self._approved)
            self.approval.open()

    def _approved(self, grant: Any) -> None:
        self.approval_id = grant.approval_id
        self.submit()

    def _done(self, result: IssuedCoupons) -> None:
        self.issued_coupons = result
        self.given += len(result.codes)
        given = self.given
        self.approval_id = None
        self.say(lambda: self.tr("{coupon} given to {member} (code {code}), valid until {day}.")
                 .format(coupon=result.template_name, member=result.member_name,
                         code=", ".join(result.codes), day=fmt.datetime_text(result.valid_to))
                 + "\n" + self.tr("Coupons given so far: {count}. Enter gives another one; "
                                   "Esc when done.").format(count=given), OK)
        self.issued.emit(result)
        self.work_done()
        self.update_state()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Give a coupon"))
        self.heading.setText(self.tr("Give a coupon to {name} ({member_no})").format(
            name=self.member_name, member_no=self.member_no))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Coupon"), self.tr("Gives"), self.tr("Min. spend")])
        self.give_button.setText(self.tr("Give (Enter)"))
        super().retranslate()
