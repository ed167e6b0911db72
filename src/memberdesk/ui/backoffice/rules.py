"""规则 — the loyalty rules: tiers, recharge offers (充值活动), coupons and points, a
tab each (Ctrl+Tab moves between them). Each tab lists what there is and has a form
below it: Enter moves through the fields and, in the last one, saves.

* Tiers: pick one in the list to change it, or New for an empty form; deactivate
  (refused while members hold it).
* Recharge offers: add one; end the one picked (ended ones stay listed).
* Coupons: give the one picked to a member by their whole phone, card or member
  number; deactivate it; New coupon (Ctrl+N) swaps the list for the form of a new
  template (fifteen fields would leave the list no room beside them).
* Points: the points rules are settings (their one home); the tab shows them and
  opens the settings page to change them.

Only the owner changes rules; a manager sees them read-only and may give coupons
(the services check again).

The tabs are mixins put together here: :mod:`.rules_tiers` (tiers, recharge offers),
:mod:`.rules_coupons`; what they share and the small widget makers:
:mod:`.rules_widgets`."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from memberdesk.models.enums import CouponKind, Role
from memberdesk.services.loyalty.tiers_admin import TierRow
from memberdesk.services.shared.setting_specs import SPECS
from memberdesk.services.shared.setting_text import display
from memberdesk.services.stored_value.offers_admin import (
    LoyaltyRules,
    set_category_points,
)
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, current_language, push_button
from .category_points import CategoryPoints
from .rules_coupons import CouponsTab
from .rules_tiers import TiersTab
from .rules_widgets import (
    fill_table,
)


class RulesPage(TiersTab, CouponsTab):
    def __init__(self, runner: TaskRunner, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "rulesPage", parent)
        self.may_edit = Role(str(actor.role)) is Role.OWNER
        self.rules: LoyaltyRules | None = None
        self.editing_tier: TierRow | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rulesTabs")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.note = QLabel()
        self.note.setObjectName("pageNote")
        self.note.setWordWrap(True)
        self.note.setVisible(not self.may_edit)
        self._build_tiers()
        self._build_offers()
        self._build_coupons()
        self._build_points()
        for tab in (self.tier_tab, self.offer_tab, self.coupon_tab, self.points_tab):
            self.tabs.addTab(tab, "")
        for form in (self.tier_form, self.offer_form, self.template_form,
                     [self.issue_member, self.issue_count]):
            for a, b in pairwise(form):
                QWidget.setTabOrder(a, b)  # a pick list's Enter follows the tab order
        for form in (self.tier_form, self.offer_form, self.template_form):
            for w in form:
                w.setEnabled(self.may_edit)
        self._busy_buttons += [self.tier_save, self.offer_add, self.template_add,
                               self.issue_button]
        self.body.addWidget(self.note)
        self.body.addWidget(self.tabs, 1)
        # The products page has a Ctrl+N too: a page hidden in the stack takes no keys.
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.new_thing)
        self.update_state()
        self.retranslate()

    def _build_points(self) -> None:
        # Scrolls on a short screen: the settings and the category table both keep their
        # height (at 1024x768 they did not fit and the table shrank to one row).
        self.points_tab = QScrollArea()
        self.points_tab.setWidgetResizable(True)
        self.points_tab.setFrameShape(QFrame.Shape.NoFrame)
        points_body = QWidget()
        self.points_tab.setWidget(points_body)
        self.points_note = QLabel()
        self.points_note.setWordWrap(True)
        self.points_grid = QGridLayout()
        self.points_grid.setHorizontalSpacing(16)
        self.points_grid.setVerticalSpacing(6)
        self.points_grid.setColumnStretch(1, 1)
        self.points_labels: dict[str, tuple[QLabel, QLabel]] = {}
        self.points_button = push_button(self.open_settings.emit)
        layout = QVBoxLayout(points_body)
        layout.addWidget(self.points_note)
        layout.addLayout(self.points_grid)
        row = QHBoxLayout()
        row.addWidget(self.points_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.category_points = CategoryPoints(self._save_rate, self._rate_problem,
                                              reveal=self.points_tab.ensureWidgetVisible)
        self.category_points.setEnabled(self.may_edit)
        layout.addWidget(self.category_points)
        layout.addStretch(1)

    def _save_rate(self, code: str, rate: int | None) -> None:
        self.call(set_category_points, self.actor, code, rate,
                  on_done=lambda saved: self.refresh(lambda: self._rate_saved(saved)))

    def _rate_saved(self, saved: tuple[str, int | None]) -> None:
        code, rate = saved
        self.say(lambda: (self.tr("Category {code} earns the shop's rate again.") if rate is None
                          else self.tr("Category {code} now earns {rate} points per yuan."))
                 .format(code=code, rate=rate), OK)

    def _rate_problem(self) -> None:
        self.say(lambda: self.tr("Type whole points per yuan, 0 to 100, or leave it empty."),
                 ERROR)

    def activated(self) -> None:
        if not self.busy:
            self.refresh()
        self._tab_changed(self.tabs.currentIndex())

    def _show(self, rules: LoyaltyRules) -> None:
        self.rules = rules
        keep_tier = self.editing_tier.code if self.editing_tier else None
        # The tier in the form stays there, as reloaded (a row already selected emits no
        # selection change: the form kept 新等级 after a new tier was saved and reloaded).
        self.editing_tier = next((t for t in rules.tiers if t.code == keep_tier), None)
        fill_table(self.tier_table, [self._tier_cells(t) for t in rules.tiers])
        for i, t in enumerate(rules.tiers):
            if t.code == keep_tier:
                self.tier_table.selectRow(i)
        if self.editing_tier is None and not self.tier_code.text():
            self.tier_rank.setValue(min(max((t.rank for t in rules.tiers), default=0) + 1, 99))
        fill_table(self.offer_table, [self._offer_cells(r) for r in rules.offers])
        fill_table(self.template_table, [self._template_cells(t) for t in rules.templates])
        self._fill_pickers()
        self._show_points()
        self.category_points.show_rates(rules.category_rates,
                                        dict(rules.points).get("points.earn_per_yuan", ""))
        self.update_state()

    def _fill_pickers(self) -> None:
        rules = self.rules
        if rules is None:
            return
        keep_coupon, keep_tier = self.offer_coupon.currentData(), self.offer_tier.currentData()
        self.offer_coupon.clear()
        self.offer_coupon.addItem(self.tr("none"), "")
        for t in rules.templates:
            if t.active:
                self.offer_coupon.addItem(f"{t.name} ({t.code})", t.code)
        self.offer_tier.clear()
        self.offer_tier.addItem(self.tr("every tier"), "")
        for tier in rules.tiers:
            if tier.active:
                self.offer_tier.addItem(tier.name, tier.code)
        self.offer_coupon.setCurrentIndex(max(0, self.offer_coupon.findData(keep_coupon)))
        self.offer_tier.setCurrentIndex(max(0, self.offer_tier.findData(keep_tier)))

    def _show_points(self) -> None:
        if self.rules is None:
            return
        lang = current_language()
        for i, (key, value) in enumerate(self.rules.points):
            spec = SPECS[key]
            if key not in self.points_labels:
                pair = (QLabel(), QLabel())
                pair[1].setObjectName(f"points_{key.split('.')[1]}")
                pair[1].setWordWrap(True)
                self.points_grid.addWidget(pair[0], i, 0)
                self.points_grid.addWidget(pair[1], i, 1)
                self.points_labels[key] = pair
            label, shown = self.points_labels[key]
            label.setText(spec.label_in(lang))
            shown.setText(display(spec, value, lang))
            shown.setToolTip(spec.help_in(lang))

    def _tab_changed(self, index: int) -> None:
        first = {0: self.tier_code, 1: self.offer_threshold,
                 2: self.t_code if self.template_box.isVisible() else self.issue_member
                 }.get(index)
        if first is not None and first.isEnabled():
            first.setFocus()
        elif index == 3:
            self.points_button.setFocus()

    def update_state(self) -> None:
        idle = not self.busy
        self.tier_save.setEnabled(self.may_edit and idle)
        self.tier_new.setEnabled(self.may_edit and idle)
        self.tier_active.setEnabled(self.may_edit and idle and self.editing_tier is not None)
        offer = self.selected_offer()
        self.offer_add.setEnabled(self.may_edit and idle)
        self.offer_end.setEnabled(self.may_edit and idle and offer is not None
                                  and offer.state != "ended")
        template = self.selected_template()
        self.template_add.setEnabled(self.may_edit and idle)
        self.template_new.setEnabled(self.may_edit and idle)
        self.template_active.setEnabled(self.may_edit and idle and template is not None)
        self.issue_button.setEnabled(idle and template is not None and template.active)
        kind = self.t_kind.currentData()
        if self.may_edit:
            self.t_value.setEnabled(kind is not CouponKind.PERCENT_OFF)
            self.t_paid.setEnabled(kind is CouponKind.PERCENT_OFF)
            self.t_max_off.setEnabled(kind is CouponKind.PERCENT_OFF)
        self._render_forms()

    def _forms(self) -> list[tuple[list[QWidget], Callable[[], None]]]:
        issue: list[QWidget] = [self.issue_member, self.issue_count]
        return [(self.tier_form, self.save_tier), (self.offer_form, self.add_offer),
                (self.template_form, self.add_template), (issue, self.issue)]

    def enter_pressed(self) -> None:
        """Enter moves to the next field of a form (skipping what is switched off) and,
        in its last one, does what the form is for."""
        focus = self.focusWidget()
        if self.category_points.enter_pressed(focus):
            return
        for fields, submit in self._forms():
            if focus in fields:
                after = [w for w in fields[fields.index(focus) + 1:] if w.isEnabled()]
                if after:
                    after[0].setFocus()
                else:
                    submit()
                return

    def new_thing(self) -> None:
        """Ctrl+N: a new coupon on the coupons tab, else a new tier."""
        if self.tabs.currentIndex() == 2:
            self.new_template()
        else:
            self.new_tier()

    def _render_forms(self) -> None:
        t = self.editing_tier
        if t is None:
            self.tier_heading.setText(self.tr("New tier"))
            self.tier_active.setText(self.tr("Deactivate"))
        else:
            self.tier_heading.setText(self.tr("Change {name}").format(name=t.name))
            self.tier_active.setText(self.tr("Activate") if not t.active
                                     else self.tr("Deactivate"))
        template = self.selected_template()
        self.template_active.setText(self.tr("Activate") if template is not None
                                     and not template.active else self.tr("Deactivate"))
        if template is None:
            self.issue_heading.setText(self.tr("Give a coupon: pick it in the list"))
        else:
            self.issue_heading.setText(self.tr("Give {name} to a member").format(
                name=template.name))

    def retranslate(self) -> None:
        self.category_points.retranslate()
        self.heading.setText(self.tr("Loyalty rules"))
        self.note.setText(self.tr("Only the owner changes the rules; you can see them and give "
                                  "coupons to members."))
        for i, text in enumerate((self.tr("Tiers"), self.tr("Recharge offers"),
                                  self.tr("Coupons"), self.tr("Points"))):
            self.tabs.setTabText(i, text)
        self._retranslate_tiers()
        self._retranslate_coupons()
        self.points_note.setText(self.tr("The points rules are shop settings: they are changed on "
                                         "the settings page, and a change applies to points "
                                         "earned from then on (points already earned keep their "
                                         "dates)."))
        self.points_button.setText(self.tr("Change them in Settings (Ctrl+8)"))
        if self.rules is not None:
            fill_table(self.tier_table, [self._tier_cells(t) for t in self.rules.tiers])
            fill_table(self.offer_table, [self._offer_cells(r) for r in self.rules.offers])
            fill_table(self.template_table, [self._template_cells(t) for t in self.rules.templates])
            self._fill_pickers()
            self._show_points()
        self._render_forms()
        super().retranslate()
