"""The payment dialog's coupon list: the member's coupons for this cart, best first
(:func:`memberdesk.services.checkout.coupon_choices.coupon_choices`, priced by the pricing's
own rule), each with what it saves; one that cannot apply is shown greyed with the
pricing's reason. F7 goes to the list (Space ticks one); Shift+F7 ticks the best
one straight away (:func:`~memberdesk.services.checkout.coupon_choices.best_choice`).

:class:`CouponNotice` says, above the amounts, that the member has a coupon for this
sale and none is ticked: the cashier read "Paid in full" and never saw the list
(issue 11)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from memberdesk.money import Money
from memberdesk.ui.common import fmt
from memberdesk.ui.counter import keys
from memberdesk.ui.shell.i18n import Retranslating, normalise

if TYPE_CHECKING:
    from memberdesk.services.checkout.coupon_choices import CouponChoice

CODE = Qt.ItemDataRole.UserRole


class CouponList(Retranslating, QListWidget):
    def __init__(self, choices: Sequence[CouponChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("couponList")
        self.setMaximumHeight(84)
        # A long reason why a coupon cannot apply ends in "…" (its tool tip says it
        # whole) rather than a sideways scroll bar taking a row of the list's room.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformItemSizes(True)
        self.choices = tuple(choices)
        for choice in self.choices:
            item = QListWidgetItem()
            item.setData(CODE, choice.code)
            if choice.saving is None:  # cannot apply: shown with why, not tickable
                item.setFlags(item.flags() & ~(Qt.ItemFlag.ItemIsUserCheckable
                                               | Qt.ItemFlag.ItemIsEnabled))
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.retranslate()

    @property
    def best(self) -> QListWidgetItem | None:
        """The coupon that saves most, when any applies."""
        from memberdesk.services.checkout.coupon_choices import best_choice  # (not at start-up)

        best = best_choice(self.choices)
        return None if best is None else self.item(self.choices.index(best))

    def go_to(self) -> None:
        """F7: the focus in the list, on the best coupon unless one is current."""
        if self.count():
            self.setFocus()
            if self.currentRow() < 0:
                self.setCurrentRow(0)

    def tick_best(self) -> None:
        """Shift+F7: the coupon that saves most on this cart, ticked (once); the
        tick re-prices the sale (``itemChanged``)."""
        best = self.best
        if best is not None and best.checkState() != Qt.CheckState.Checked:
            self.setCurrentItem(best)
            best.setCheckState(Qt.CheckState.Checked)

    def codes(self) -> tuple[str, ...]:
        """The ticked coupons' codes."""
        return tuple(str(self.item(i).data(CODE)) for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)

    def untick(self, code: str | None) -> None:
        """Untick ``code`` (all, when None) without a re-price."""
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            tickable = item.flags() & Qt.ItemFlag.ItemIsUserCheckable
            if tickable and (code is None or item.data(CODE) == code):
                item.setCheckState(Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def retranslate(self) -> None:
        lang = normalise(QLocale().name())
        self.blockSignals(True)  # a text change is no tick
        for i, choice in enumerate(self.choices):
            if choice.saving is None:
                why = choice.problem.message(lang) if choice.problem is not None else ""
                text = self.tr("{name}: not for this sale ({why})").format(
                    name=choice.name, why=why)
            else:
                text = self.tr("{name}: saves {saving}").format(
                    name=choice.name, saving=fmt.money(choice.saving))
            self.item(i).setText(text)
            self.item(i).setToolTip(text)
        self.blockSignals(False)


class CouponNotice(Retranslating, QLabel):
    """"2 coupons not used; best: 满50减10 saves ¥10.00 — Shift+F7" while the member
    has a coupon for this sale and none is ticked; hidden once one is (or none applies)."""

    def __init__(self, coupons: CouponList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentCouponNotice")
        self.setWordWrap(True)
        self.coupons = coupons
        self.retranslate()

    def retranslate(self) -> None:
        from memberdesk.services.checkout.coupon_choices import applicable, best_choice

        usable, best = applicable(self.coupons.choices), best_choice(self.coupons.choices)
        shown = best is not None and not self.coupons.codes()
        self.setVisible(shown)
        if best is not None:
            text = self.tr(  # one line: the dialog fits a 768-high screen
                "Coupon not used: {name} saves {saving} — {key}") if len(usable) == 1 else self.tr(
                "{count} coupons not used; best: {name} saves {saving} — {key}")
            self.setText(text.format(count=len(usable), name=best.name,
                                     saving=fmt.money(best.saving or Money(0)),
                                     key=keys.BEST_COUPON))
