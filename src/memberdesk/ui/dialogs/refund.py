"""F4 退款: refund a sale (whole or some lines) or a recharge, found by its
receipt number or picked from the recent sales and recharges (the member's, or
without a member the shop's; ↓ in the number field goes into the list, ↑ on its
first row back): one click shows the document, and how the money would go back
(the refund's own rules: the split per tender, a coupon kept spent, the value of
points already spent, a recharge's bonus forfeited) before Enter refunds it. The
result is one page: the cash to hand back in large type, where the rest went.

A reason is required. A cashier without the refund permission gets the
manager-approval dialog (the service refuses first, nothing written); with the
approval the same refund is submitted again, under the same client id.
"""

from __future__ import annotations

import uuid
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from memberdesk.services.refund_core.steps import RefundResult
from memberdesk.services.refunds.sales import SaleRefundRequest
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.permissions import Permission
from memberdesk.services.stored_value.recharge import RechargeRefundRequest
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.tasks import TaskRunner

from .approval import ApprovalDialog
from .base import ERROR, OK, TaskDialog, push_button, size_to_room
from .refund_find import Found, do_refund, fetch_receipt, preview_refund, refund_history
from .refund_history import RefundHistory
from .refund_result import RefundHeadline
from .refund_view import RefundView, tender_text


class RefundDialog(TaskDialog):
    refunded = Signal(object)  # RefundResult

    def __init__(
        self,
        runner: TaskRunner,
        actor: Any,
        member: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, actor, parent, name="refundDialog")
        self.member_no: str | None = getattr(member, "member_no", None)
        self.member_name: str = getattr(member, "name", "")
        self.client_id = ""
        self.approval_id: int | None = None
        self.outcome: RefundResult | None = None
        self.approval: ApprovalDialog | None = None

        self.number = QLineEdit()
        self.number.setObjectName("refundNumber")
        self.number.setMaxLength(40)
        self.find_button = push_button(self.find_sale)
        self.number_label = QLabel()
        self.number_label.setBuddy(self.number)
        row = QHBoxLayout()
        row.addWidget(self.number, 1)
        row.addWidget(self.find_button)
        self.history_label = QLabel()
        self.history = RefundHistory()
        # five rows, then it scrolls (it goes once a document is picked: the lines need the room)
        self.history.setMaximumHeight(184)
        self.number.installEventFilter(self)  # ↓ into the list
        self.history.installEventFilter(self)  # ↑ on its first row back to the field
        for signal in (self.history.itemClicked, self.history.itemActivated):  # one click
            signal.connect(lambda item: self._load(self.history.number(item.row())))
        self.view = RefundView()
        self.view.wanted_changed.connect(self._preview)
        self._previews = 0  # the latest preview asked for (older answers are dropped)
        self.reason = QLineEdit()
        self.reason.setObjectName("refundReason")
        self.reason.setMaxLength(200)
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        self.deduct = QCheckBox()
        self.deduct.setObjectName("refundDeductPoints")
        self.deduct.toggled.connect(lambda _on: self._preview())  # the money back changes
        self.deduct.hide()  # only for points already spent (see _show_deduct)
        # The form, one page; once refunded the result takes its place.
        self.form = QWidget()
        page = QVBoxLayout(self.form)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(10)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.addRow(self.number_label, row)
        form.addRow(self.history_label)  # over the list: the rows get the dialog's width
        form.addRow(self.history)
        page.addLayout(form)
        page.addWidget(self.view, 1)
        reason_form = QFormLayout()
        reason_form.addRow(self.reason_label, self.reason)
        reason_form.addRow(self.deduct)  # the whole row: hidden, it takes no room
        page.addLayout(reason_form)
        self.body.addWidget(self.form, 1)
        self.headline = RefundHeadline()
        self.body.addWidget(self.headline, 0, Qt.AlignmentFlag.AlignTop)  # its lines together
        self.refund_button = self.add_button(self.submit, primary=True)
        self._message_beside_buttons()
        # As wide as the screen allows (it was 760 at 1366 too, the recharges cut short);
        # the height follows the content (the lines table grows); 640: a sale picked and
        # its preview fit without the dialog growing (the message's room kept below)
        size_to_room(self, parent, least=760, most=1240, height=640)
        self._order_tabs()

        self._fill_history([])
        self.retranslate()
        self.number.setFocus()
        self.call(refund_history, self.actor, getattr(member, "id", None),
                  on_done=self._fill_history)

    def _message_beside_buttons(self) -> None:
        """The message line goes left of the buttons, in room kept for two lines whether
        it shows or not. Under the reason it pushed the lines table up when it appeared
        (the manager-approval message, the second blind trial at 1024x768); there it
        takes no more than the buttons' row already has, give or take."""
        layout = self.layout()
        assert layout is not None
        layout.removeWidget(self.message)
        self.message_room = QWidget()
        self.message_room.setObjectName("refundMessageRoom")
        room = QVBoxLayout(self.message_room)
        room.setContentsMargins(0, 0, 0, 0)
        room.addWidget(self.message, 0, Qt.AlignmentFlag.AlignVCenter)
        self.buttons.takeAt(0)  # the stretch left of the buttons: the message's room now
        self.buttons.insertWidget(0, self.message_room, 1)
        self.message.ensurePolished()  # the theme's padding and font
        shown = self.message.text()
        self.message.setText("\n")  # two lines
        self.message_room.setMinimumHeight(self.message.sizeHint().height())
        self.message.setText(shown)

    # -- finding the sale or recharge ---------------------------------------------------------
    def _fill_history(self, docs: list[Any]) -> None:
        """``docs``: SaleSummary and RechargeSummary, newest first (drawn again when
        the language changes: dates and "refunded" read differently)."""
        self._sales = list(docs)
        row = self.history.currentRow()
        rows = []
        for doc in docs:
            when = fmt.datetime_text(doc.created_at)
            if hasattr(doc, "recharge_no"):
                paid = fmt.money(doc.amount)
                if doc.bonus:
                    paid = self.tr("{paid} + bonus {bonus}").format(
                        paid=paid, bonus=fmt.money(doc.bonus))
                rows.append((doc.recharge_no, when, self.tr("Recharge {paid}").format(paid=paid),
                             "" if self.member_no else doc.member_name,  # the shop's list
                             self.tr("(refunded)") if doc.refunded else ""))
            else:
                state = {"refunded": self.tr("(refunded)"),
                         "partially_refunded": self.tr("(partly refunded)")}.get(str(doc.status), "")
                whose = doc.member_name or self.tr("Walk-in")  # the shop's list: whose sale
                rows.append((doc.sale_no, when, fmt.money(doc.payable),
                             "" if self.member_no else whose, state))
        self.history.set_rows(rows)
        self.history.setCurrentRow(row)
        shown = bool(docs) and self.view.receipt is None
        self.history_label.setVisible(shown)
        self.history.setVisible(shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ in the number field: into the list, its first row picked (not loaded:
        Enter or a click loads it); ↑ on the first row: back to the field."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if watched is self.number and event.key() == Qt.Key.Key_Down \
                    and self.history.isVisible() and self.history.count():
                self.history.setFocus(Qt.FocusReason.TabFocusReason)
                self.history.setCurrentRow(0)
                return True
            if watched is self.history and event.key() == Qt.Key.Key_Up \
                    and self.history.currentRow() <= 0:
                self.number.setFocus(Qt.FocusReason.BacktabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def find_sale(self) -> None:
        number = self.require_text(self.number, lambda: self.tr("Type the receipt number."))
        if number is not None:
            self._load(number)

    def _load(self, number: str) -> None:
        if self.busy or self.outcome is not None:
            return
        self.number.setText(number)
        self.clear_message()
        self.call(fetch_receipt, self.actor, number, on_done=self._loaded)

    def _loaded(self, found: Found) -> None:
        receipt = found.receipt
        if receipt.kind not in ("sale", "recharge"):
            self.say(lambda: self.tr("{number} is itself a refund.").format(number=receipt.number), ERROR)
            self.view.show_receipt(None)
            return
        self.client_id = uuid.uuid4().hex  # one refund of this document, however many tries
        self.approval_id = None
        self._show_deduct(False)  # until its preview says points were spent
        # The sale is picked: its lines need the room (another number can still be typed).
        self.history_label.hide()
        self.history.hide()
        self.view.show_receipt(receipt, found.left, found.refunded,
                               made_at=found.made_at, printed_elsewhen=found.printed_elsewhen)
        self._order_tabs()
        self._preview()
        first = self.view.first_to_pick()  # a sale refunded in part: its quantities
        (first or self.reason).setFocus()

    def _order_tabs(self) -> None:
        """Tab as the screen reads: the number, the list, "whole sale", each quantity,
        the reason, the deduction, the buttons. The quantity boxes are made when a
        sale is picked, so they came last in the focus chain and Tab from the last one
        left the reason out (the second blind trial)."""
        chain: list[QWidget] = [self.number, self.find_button, self.history, self.view.whole,
                                *self.view.spins, self.reason, self.deduct,
                                self.refund_button, self.close_button]
        for first, then in pairwise(chain):
            QWidget.setTabOrder(first, then)

    def _preview(self) -> None:
        receipt, wanted = self.view.receipt, self.view.wanted()
        self.view.show_preview(None)
        if receipt is None or wanted == () or self.outcome is not None:
            return
        self._previews += 1
        mine = self._previews

        def shown(preview: Any) -> None:
            if isValid(self) and mine == self._previews:
                self.view.show_preview(preview)
                self._show_deduct(preview.points_spent > 0)
                self.grow_to_fit()  # the preview's lines never squeeze the table

        self.runner.call(preview_refund, self.actor, receipt, wanted, self.deduct.isChecked(),
                         on_done=shown, on_user_error=lambda _e: None)  # the refund says it

    def _show_deduct(self, shown: bool) -> None:
        """"Deduct the points already spent" only when the preview found some: the
        points a sale earned, or a recharge's bonus points, the member has spent. A
        recharge without bonus points, or points still there, has nothing to deduct
        (issue 11: it was offered for every recharge). Hidden, it is unticked, so the
        refund asks what the preview showed."""
        if not shown and self.deduct.isChecked():
            self.deduct.blockSignals(True)  # the preview shown was asked for unticked
            self.deduct.setChecked(False)
            self.deduct.blockSignals(False)
        self.deduct.setVisible(shown)

    # -- refunding ----------------------------------------------------------------------------
    def enter_pressed(self) -> None:
        focus = self.focusWidget()
        if self.outcome is not None:
            self.accept()
        elif focus is self.number:
            self.find_sale()
        elif focus is self.history and self.history.currentItem() is not None:
            self._load(self.history.number(self.history.currentRow()))
        else:
            self.submit()

    def _request(self, reason: str) -> Any:
        receipt = self.view.receipt
        assert receipt is not None
        deduct = self.deduct.isChecked()
        if receipt.kind == "recharge":
            return RechargeRefundRequest(self.client_id, receipt.number, reason,
                                         self.approval_id, deduct)
        return SaleRefundRequest(self.client_id, receipt.number, reason, self.view.wanted(),
                                 self.approval_id, deduct)

    def submit(self) -> None:
        if self.outcome is not None:
            self.accept()
            return
        if self.busy:
            return
        if self.view.receipt is None:
            self.find_sale()
            return
        reason = self.require_text(self.reason, lambda: self.tr("Please give the reason for the refund."))
        if reason is None:
            return
        wanted = self.view.wanted()
        if wanted is not None and not wanted:
            self.say(lambda: self.tr("Set how many of which items to refund."), ERROR)
            return
        self.call(do_refund, self.actor, self._request(reason), on_done=self._done,
                  on_error=lambda e: self._refused(e, reason), approval=True)

    def _refused(self, error: UserError, reason: str) -> None:
        if error.code == "points_already_spent":  # spent since the preview: offer the box
            self._preview()
        if error.code in ("permission_denied", "approval_invalid"):
            self.approval_id = None
            self.approval = ApprovalDialog(self.runner, self.actor, Permission.REFUND, reason, self,
                                           action="refund")
            self.approval.approved.connect(self._approved)
            self.approval.open()

    def _approved(self, grant: Any) -> None:
        self.approval_id = grant.approval_id
        self.say(lambda: self.tr("Approved by {name}.").format(name=grant.approver), OK)
        self.submit()

    def _done(self, result: RefundResult) -> None:
        self.outcome = result
        self.work_done(own_done_button=True)
        # One page: the form goes, the cash to hand back on top in large type, and
        # one Done button (the slip shown over the dialog covers it: see actions).
        self.form.hide()
        self.headline.show_result(result)
        self.say(self._done_text, OK)
        self.retranslate()
        self.refunded.emit(result)

    def _done_text(self) -> str:
        r = self.outcome
        if r is None:
            return ""
        paid = "  ".join(f"{tender_text(t.label)} {fmt.money(t.amount)}" for t in r.tenders)
        text = self.tr("Refunded {amount} (No. {number}).").format(
            amount=fmt.money(r.amount), number=r.refund_no)
        if paid:
            text = fmt.sentences(text, self.tr("Pay back: {paid}.").format(paid=paid))
        if r.points_taken_back:
            text = fmt.sentences(text, self.tr("Points taken back: {points}.").format(points=r.points_taken_back))
        if r.points_returned:
            text = fmt.sentences(text, self.tr("Points given back: {points}.").format(points=r.points_returned))
        return text

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Refund"))
        self.heading.setText(self.tr("Refund a sale or recharge") if self.outcome is None
                             else self.tr("Refunded"))
        self.number_label.setText(self.tr("Receipt &no."))
        self.number.setPlaceholderText(
            self.tr("Scan or type the number on the receipt (a sale's or a recharge's)"))
        self.find_button.setText(self.tr("Find"))
        self.history_label.setText(
            self.tr("Sales and recharges of {name}").format(name=self.member_name)
            if self.member_no else self.tr("Recent sales and recharges")
        )
        if getattr(self, "_sales", None):
            self._fill_history(self._sales)
        self.reason_label.setText(self.tr("&Reason"))
        self.reason.setPlaceholderText(self.tr("Why the customer gets the money back (required)"))
        self.deduct.setText(self.tr("Deduct the value of points already spent from the refund"))
        self.refund_button.setText(
            self.tr("Done (Enter)") if self.outcome is not None else self.tr("Refund (Enter)")
        )
        super().retranslate()
