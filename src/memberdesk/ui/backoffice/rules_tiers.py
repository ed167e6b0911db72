"""The 规则 page's tiers and recharge offers tabs (a mixin of :class:`.rules.RulesPage`):
the lists, the forms, saving a tier, (de)activating it, adding and ending an offer."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from memberdesk.services.loyalty.tiers_admin import (
    TierDraft,
    TierRow,
    add_tier,
    edit_tier,
    set_tier_active,
)
from memberdesk.services.stored_value.offers_admin import (
    RechargeOfferRequest,
    RechargeOfferRow,
    add_recharge_offer,
    end_recharge_offer,
)
from memberdesk.ui.common.money_input import MoneyEdit

from ..dialogs.base import ERROR, OK, push_button
from .rules_widgets import (
    STATE_NAMES,
    ZERO,
    RulesBase,
    ScaledSpinBox,
    count_box,
    form_grid,
    heading_label,
    line_edit,
    make_table,
    picker_box,
    selected_row,
)


class TiersTab(RulesBase):
    def _build_tiers(self) -> None:
        self.tier_tab = QWidget()
        self.tier_table = make_table(8, "tierTable", elastic=(1,), numeric=(2, 3, 4, 5, 6))
        self.tier_table.itemSelectionChanged.connect(self._pick_tier)
        self.tier_table.setMinimumHeight(150)
        self.tier_heading = heading_label()
        self.tier_code = line_edit(16)
        self.tier_name = line_edit(30)
        self.tier_rank = count_box(1, 99)
        self.tier_discount = ScaledSpinBox(10, 1, 1000, "%")  # the share paid, in ‰
        self.tier_discount.setValue(1000)
        self.tier_multiplier = ScaledSpinBox(1000, 0, 10_000, "×")  # in ‰
        self.tier_multiplier.setValue(1000)
        self.tier_threshold = MoneyEdit()
        self.tier_form: list[QWidget] = [self.tier_code, self.tier_name, self.tier_rank,
                                         self.tier_discount, self.tier_multiplier,
                                         self.tier_threshold]
        self.tier_labels = [QLabel() for _ in self.tier_form]
        grid = form_grid(list(zip(self.tier_labels, self.tier_form, strict=True)), 2)
        self.tier_new = push_button(self.new_tier)
        self.tier_active = push_button(self.toggle_tier)
        self.tier_save = push_button(self.save_tier, primary=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.tier_new)
        buttons.addStretch(1)
        buttons.addWidget(self.tier_active)
        buttons.addWidget(self.tier_save)
        layout = QVBoxLayout(self.tier_tab)
        layout.addWidget(self.tier_table, 1)
        layout.addWidget(self.tier_heading)
        layout.addLayout(grid)
        layout.addLayout(buttons)

    def _build_offers(self) -> None:
        self.offer_tab = QWidget()
        self.offer_table = make_table(8, "offerTable", elastic=(0, 4, 5, 6),
                                      numeric=(1, 2, 3))
        self.offer_table.itemSelectionChanged.connect(self.update_state)
        self.offer_table.setMinimumHeight(150)
        self.offer_heading = heading_label()
        self.offer_name = line_edit(40)
        self.offer_threshold = MoneyEdit()
        self.offer_bonus = MoneyEdit()
        self.offer_points = count_box(0, 99_999)
        self.offer_coupon = picker_box()
        self.offer_tier = picker_box()
        self.offer_first = line_edit(10, "YYYY-MM-DD")
        self.offer_last = line_edit(10, "YYYY-MM-DD")
        self.offer_form: list[QWidget] = [
            self.offer_threshold, self.offer_bonus, self.offer_points, self.offer_coupon,
            self.offer_tier, self.offer_first, self.offer_last, self.offer_name]
        self.offer_labels = [QLabel() for _ in self.offer_form]
        grid = form_grid(list(zip(self.offer_labels, self.offer_form, strict=True)), 2)
        self.offer_end = push_button(self.end_offer)
        self.offer_add = push_button(self.add_offer, primary=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.offer_end)
        buttons.addStretch(1)
        buttons.addWidget(self.offer_add)
        layout = QVBoxLayout(self.offer_tab)
        layout.addWidget(self.offer_table, 1)
        layout.addWidget(self.offer_heading)
        layout.addLayout(grid)
        layout.addLayout(buttons)

    def _tier_cells(self, t: TierRow) -> list[str]:
        return [t.code, t.name, str(t.rank), f"{t.discount_permille / 10:g}%",
                f"{t.points_multiplier_permille / 1000:g}×", t.upgrade_threshold.display(),
                str(t.members), self.tr("Active") if t.active else self.tr("Deactivated")]

    def _offer_cells(self, r: RechargeOfferRow) -> list[str]:
        return [r.name, r.threshold.display(), r.bonus.display(), str(r.bonus_points),
                r.coupon_name, r.tier_name or self.tr("every tier"),
                self._dates(r.first_day, r.last_day), self.tr(STATE_NAMES[r.state])]

    def selected_offer(self) -> RechargeOfferRow | None:
        row = selected_row(self.offer_table)
        return self.rules.offers[row] if self.rules and row is not None and row < len(
            self.rules.offers) else None

    def _pick_tier(self) -> None:
        row = selected_row(self.tier_table)
        if self.rules is None or row is None or row >= len(self.rules.tiers):
            return
        t = self.rules.tiers[row]
        self.editing_tier = t
        self.tier_code.setText(t.code)
        self.tier_name.setText(t.name)
        self.tier_rank.setValue(t.rank)
        self.tier_discount.setValue(t.discount_permille)
        self.tier_multiplier.setValue(t.points_multiplier_permille)
        self.tier_threshold.set_amount(t.upgrade_threshold)
        self.update_state()

    def new_tier(self) -> None:
        if not self.may_edit:
            return
        self.tabs.setCurrentIndex(0)
        self.editing_tier = None
        self.tier_table.clearSelection()
        self.tier_code.clear()
        self.tier_name.clear()
        ranks = [t.rank for t in self.rules.tiers] if self.rules else []
        self.tier_rank.setValue(min(max(ranks, default=0) + 1, 99))
        self.tier_discount.setValue(1000)
        self.tier_multiplier.setValue(1000)
        self.tier_threshold.clear()
        self.tier_code.setFocus()
        self.update_state()

    def _tier_fields(self) -> dict[str, Any]:
        return {"code": self.tier_code.text(), "name": self.tier_name.text(),
                "rank": self.tier_rank.value(),
                "discount_permille": self.tier_discount.value(),
                "points_multiplier_permille": self.tier_multiplier.value(),
                "upgrade_threshold": self.tier_threshold.amount() or ZERO}

    def save_tier(self) -> None:
        fields = self._tier_fields()
        if self.editing_tier is None:
            self.call(add_tier, self.actor, TierDraft(**fields),
                      on_done=lambda row: self._tier_saved(row, True))
        else:
            self.call(edit_tier, self.actor, self.editing_tier.code, **fields,
                      on_done=lambda row: self._tier_saved(row, False))

    def _tier_saved(self, row: TierRow, added: bool) -> None:
        if added:
            self.say(lambda: self.tr("Tier {name} is added; products have a price field for "
                                     "it now.").format(name=row.name), OK)
        else:
            self.say(lambda: self.tr("Tier {name} is saved.").format(name=row.name), OK)
        self.editing_tier = row
        self.tiers_changed.emit()
        self.refresh()

    def toggle_tier(self) -> None:
        t = self.editing_tier
        if t is not None:
            self.call(set_tier_active, self.actor, t.code, not t.active,
                      on_done=self._tier_toggled)

    def _tier_toggled(self, row: TierRow) -> None:
        if row.active:
            self.say(lambda: self.tr("Tier {name} is active again.").format(name=row.name), OK)
        else:
            self.say(lambda: self.tr("Tier {name} is deactivated.").format(name=row.name), OK)
        self.editing_tier = row
        self.tiers_changed.emit()
        self.refresh()

    def add_offer(self) -> None:
        threshold = self.offer_threshold.amount()
        if threshold is None:
            self.offer_threshold.setFocus()
            self.say(lambda: self.tr("Type the least recharge the offer is for."), ERROR)
            return
        ok_first, first = self._read_date(self.offer_first)
        ok_last, last = self._read_date(self.offer_last) if ok_first else (False, None)
        if not ok_last:
            return
        bonus = self.offer_bonus.amount() or ZERO
        name = self.offer_name.text().strip() or self.tr("Recharge {threshold} get {bonus}") \
            .format(threshold=threshold.yuan().removesuffix(".00"),
                    bonus=bonus.yuan().removesuffix(".00"))
        request = RechargeOfferRequest(
            name=name, threshold=threshold, bonus=bonus, bonus_points=self.offer_points.value(),
            coupon=self.offer_coupon.currentData() or "", tier=self.offer_tier.currentData() or "",
            first_day=first, last_day=last)
        self.call(add_recharge_offer, self.actor, request, on_done=self._offer_added)

    def _offer_added(self, row: RechargeOfferRow) -> None:
        for edit in (self.offer_name, self.offer_threshold, self.offer_bonus, self.offer_first,
                     self.offer_last):
            edit.clear()
        self.offer_points.setValue(0)
        self.offer_threshold.setFocus()
        self.say(lambda: self.tr("The offer {name} is added; recharges at the counter get it "
                                 "now.").format(name=row.name), OK)
        self.refresh()

    def end_offer(self) -> None:
        offer = self.selected_offer()
        if offer is not None:
            self.call(end_recharge_offer, self.actor, offer.id, on_done=self._offer_ended)

    def _offer_ended(self, row: RechargeOfferRow) -> None:
        self.say(lambda: self.tr("The offer {name} has ended.").format(name=row.name), OK)
        self.refresh()

    def _retranslate_tiers(self) -> None:
        self.tier_table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name"), self.tr("Order"), self.tr("Share paid"),
            self.tr("Points"), self.tr("Upgrade at"), self.tr("Members"), self.tr("State")])
        for label, text in zip(self.tier_labels, (
                self.tr("&Code"), self.tr("&Name"), self.tr("&Order"), self.tr("Share &paid"),
                self.tr("Poin&ts ×"), self.tr("&Upgrade at")), strict=True):
            label.setText(text)
        self.tier_discount.setToolTip(self.tr("What a member of this tier pays when a product "
                                              "has no member price: 95% = 5% off (九五折)"))
        self.tier_threshold.setPlaceholderText(self.tr("spend to reach it"))
        self.tier_code.setPlaceholderText(self.tr("e.g. gold"))
        self.tier_new.setText(self.tr("New (Ctrl+N)"))
        self.tier_save.setText(self.tr("Save"))
        self.offer_table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Recharge"), self.tr("Bonus"), self.tr("Points"),
            self.tr("Coupon"), self.tr("Tier"), self.tr("Dates"), self.tr("State")])
        self.offer_heading.setText(self.tr("New offer: a recharge of at least the amount gets "
                                           "the bonus"))
        for label, text in zip(self.offer_labels, (
                self.tr("&Recharge"), self.tr("&Bonus"), self.tr("Bonus p&oints"),
                self.tr("Co&upon"), self.tr("&Tier"), self.tr("&From"), self.tr("U&ntil"),
                self.tr("N&ame")), strict=True):
            label.setText(text)
        self.offer_name.setPlaceholderText(self.tr("e.g. 充100送20 (made up if empty)"))
        self.offer_first.setToolTip(self.tr("First day; empty: from today"))
        self.offer_last.setToolTip(self.tr("Last day, included; empty: until ended"))
        self.offer_end.setText(self.tr("End the offer"))
        self.offer_add.setText(self.tr("Add the offer"))
