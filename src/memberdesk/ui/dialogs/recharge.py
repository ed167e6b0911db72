"""F3 充值: add stored value to the member at the counter.

The bonus rule that will apply (充500送60) is shown while the amount is typed,
before anything is confirmed; the offers are buttons that fill the amount in.
One client id per recharge, kept across retries, so a retry never recharges
twice. Enter recharges; Esc closes.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from memberdesk.domain import shoptime
from memberdesk.domain.offers import offer_for, open_to
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.stored_value.recharge import (
    RechargeQuote,
    RechargeRequest,
    RechargeResult,
    RechargeRuleInfo,
)
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.tasks import TaskRunner

from .base import ERROR, OK, AmountEdit, TaskDialog, current_language, push_button
from .labels import RECHARGE_TENDERS, tender_name

OFFER_COLUMNS = 2  # offer buttons per row (rule names can be long: 充500送60再送500积分)
MAX_OFFERS = 8


def load_setup(db: Any, actor: Any, member_no: str) -> RechargeQuote:
    """Worker: the member, the offers for their tier and the balance cap, in one read."""
    from memberdesk.services.stored_value.recharge import quote_recharge

    return quote_recharge(db, actor, member_no)


def rule_for(setup: RechargeQuote, amount: Money) -> RechargeRuleInfo | None:
    """The offer the recharge will apply now: the service's own rule
    (:func:`memberdesk.domain.offers.offer_for`) at the shop clock's now."""
    return offer_for(setup.rules, amount, setup.member.tier_id, shoptime.utc_now())


def do_recharge(db: Any, actor: Any, request: RechargeRequest) -> RechargeResult:
    from memberdesk.services.stored_value.recharge import recharge

    return recharge(db, actor, request)


class RechargeDialog(TaskDialog):
    recharged = Signal(object)  # RechargeResult

    def __init__(
        self, runner: TaskRunner, actor: Any, member_no: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, actor, parent, name="rechargeDialog")
        self.member_no = member_no
        self.setup: RechargeQuote | None = None
        self.outcome: RechargeResult | None = None
        self.client_id = uuid.uuid4().hex  # one recharge, however many tries

        self.member_label = QLabel()
        self.member_label.setObjectName("dialogInfo")
        self.member_label.setWordWrap(True)
        self.offers_label = QLabel()
        self.offers_row = QGridLayout()
        self.offers_row.setSpacing(8)
        self.offer_buttons: list[QPushButton] = []
        self.amount = AmountEdit()
        self.amount.setObjectName("rechargeAmount")
        self.amount.textChanged.connect(self._preview)
        self.tender = PickerBox()
        self.tender.setObjectName("rechargeTender")
        self.tender.currentIndexChanged.connect(self._preview)
        self.reference = QLineEdit()
        self.reference.setMaxLength(64)
        self.preview = QLabel()
        self.preview.setObjectName("rechargePreview")
        self.preview.setWordWrap(True)
        self.amount_label, self.tender_label, self.reference_label = QLabel(), QLabel(), QLabel()
        self.amount_label.setBuddy(self.amount)
        self.tender_label.setBuddy(self.tender)
        self.reference_label.setBuddy(self.reference)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.addRow(self.offers_label, self.offers_row)
        form.addRow(self.amount_label, self.amount)
        form.addRow(self.tender_label, self.tender)
        form.addRow(self.reference_label, self.reference)
        self.body.addWidget(self.member_label)
        self.body.addLayout(form)
        self.body.addWidget(self.preview)
        self.body.addStretch(1)
        self.confirm_button = self.add_button(self.submit, primary=True)
        for kind in RECHARGE_TENDERS:
            self.tender.addItem("", kind)
        self.setMinimumWidth(700)
        self.retranslate()
        self._set_enabled(False)
        self.call(load_setup, self.actor, member_no, on_done=self._loaded)

    # -- loading ------------------------------------------------------------------------
    def _loaded(self, setup: RechargeQuote) -> None:
        self.setup = setup
        for i, rule in enumerate(self._offers_now(setup)[:MAX_OFFERS]):
            button = push_button(partial(self._pick, rule))
            button.setProperty("offerButton", True)
            button.setText(rule.name)
            button.setToolTip(fmt.money(rule.threshold))
            self.offers_row.addWidget(button, *divmod(i, OFFER_COLUMNS))
            self.offer_buttons.append(button)
        self._set_enabled(True)
        self.amount.setFocus()
        self.retranslate()

    @staticmethod
    def _offers_now(setup: RechargeQuote) -> list[RechargeRuleInfo]:
        """The offers in effect now (an expired or future offer gets no button)."""
        now = shoptime.utc_now()
        return [r for r in setup.rules if open_to(r, setup.member.tier_id, now)]

    def update_state(self) -> None:
        self.confirm_button.setEnabled(self.setup is not None)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.amount, self.tender, self.reference, self.confirm_button):
            w.setEnabled(on)

    def _pick(self, rule: RechargeRuleInfo) -> None:
        self.amount.setText(rule.threshold.yuan())
        self.amount.setFocus()

    # -- the preview ----------------------------------------------------------------------
    def _kind(self) -> TenderKind:
        return TenderKind(self.tender.currentData())

    def _preview(self) -> None:
        if self.outcome is None:
            self.clear_message()
        self.preview.setText(self.preview_text())
        # After the recharge the message says what happened; an offer computed on the
        # new balance would read as a second recharge.
        self.preview.setVisible(self.outcome is None)

    def preview_text(self) -> str:
        setup = self.setup
        amount = self.amount.amount_or_none()
        if setup is None:
            return self.tr("Loading the member and the offers…")
        if amount is None or not amount:
            return self.tr("Type the amount the customer pays, or pick an offer.")
        rule = rule_for(setup, amount)
        bonus = rule.bonus if rule else Money(0)
        after = setup.member.stored_value + amount + bonus
        parts = []
        if rule is None:
            parts.append(self.tr("No offer applies to this amount."))
        else:
            parts.append(
                self.tr("Offer {name}: bonus {bonus}").format(
                    name=rule.name, bonus=fmt.money(rule.bonus)
                )
            )
            if rule.bonus_points:
                parts.append(self.tr("plus {points} points").format(points=rule.bonus_points))
            if rule.coupon is not None:
                parts.append(self.tr("plus the coupon {coupon}").format(
                    coupon=rule.coupon.words(current_language().startswith("en"))))
        parts.append(
            self.tr("The card gets {credit}; balance after: {after}.").format(
                credit=fmt.money(amount + bonus), after=fmt.money(after)
            )
        )
        if after > setup.cap:
            parts.append(self.tr("That is over the limit of {cap}.").format(cap=fmt.money(setup.cap)))
        return "\n".join(parts)

    # -- recharging -------------------------------------------------------------------------
    def enter_pressed(self) -> None:
        if self.outcome is not None:
            self.accept()
        elif self.setup is not None:
            self.submit()

    def submit(self) -> None:
        if self.outcome is not None:
            self.accept()
            return
        if self.setup is None or self.busy:
            return
        amount = self.read_amount(self.amount, lambda: self.tr("Type the amount to recharge."))
        if amount is None:
            return
        kind = self._kind()
        reference = self.reference.text().strip()
        if kind is TenderKind.OTHER and not reference:
            self.say(lambda: self.tr("Payment by \"Other\" needs a reference."), ERROR)
            self.reference.setFocus()
            return
        request = RechargeRequest(self.client_id, self.setup.member.id, amount, kind, reference)
        self.call(do_recharge, self.actor, request, on_done=self._done)

    def _done(self, result: RechargeResult) -> None:
        self.outcome = result
        self.work_done(own_done_button=True)
        self._set_enabled(False)
        self.confirm_button.setEnabled(True)
        for button in self.offer_buttons:
            button.setEnabled(False)
        self.say(self._done_text, OK)
        self.retranslate()
        self.recharged.emit(result)
        # The balances shown above are the new ones, not those before the recharge.
        self.fetch(load_setup, self.actor, self.member_no, on_done=self._member_reloaded)

    def _member_reloaded(self, setup: RechargeQuote) -> None:
        if self.setup is not None:
            self.setup = replace(self.setup, member=setup.member)
            self.retranslate()

    def _done_text(self) -> str:
        r = self.outcome
        if r is None:
            return ""
        text = self.tr("Recharged {amount} (No. {number}).").format(
            amount=fmt.money(r.amount), number=r.recharge_no
        )
        if r.bonus:
            text = fmt.sentences(text, self.tr("Bonus: {bonus}.").format(bonus=fmt.money(r.bonus)))
        if r.bonus_points:
            text = fmt.sentences(text, self.tr("Bonus points: {points}.").format(points=r.bonus_points))
        return fmt.sentences(text, self.tr("New balance: {balance}.").format(
            balance=fmt.money(r.sv_balance)
        ))

    # -- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Recharge"))
        setup = self.setup
        if setup is None:
            self.heading.setText(self.tr("Recharge"))
        else:
            m = setup.member
            self.heading.setText(
                self.tr("Recharge for {name} ({member_no})").format(
                    name=m.name, member_no=m.member_no
                )
            )
            self.member_label.setText(
                self.tr("Tier: {tier}\nBalance: {balance} (paid {principal}, bonus {bonus})").format(
                    tier=m.tier_name,
                    balance=fmt.money(m.stored_value),
                    principal=fmt.money(m.sv_principal),
                    bonus=fmt.money(m.sv_bonus),
                )
            )
        self.offers_label.setText(self.tr("Offers"))
        if setup is not None and not self.offer_buttons:
            self.offers_label.setText(self.tr("Offers: none"))
        self.amount_label.setText(self.tr("&Amount paid"))
        self.tender_label.setText(self.tr("&Paid by"))
        self.reference_label.setText(self.tr("&Reference"))
        self.reference.setPlaceholderText(self.tr("Transaction no. (needed for \"Other\")"))
        for i, kind in enumerate(RECHARGE_TENDERS):
            self.tender.setItemText(i, tender_name(kind))
        self.confirm_button.setText(
            self.tr("Done (Enter)") if self.outcome is not None else self.tr("Recharge (Enter)")
        )
        self.preview.setText(self.preview_text())
        self.preview.setVisible(self.outcome is None)
        super().retranslate()
