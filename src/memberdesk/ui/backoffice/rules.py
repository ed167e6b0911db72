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
(the services check again)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut, QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from memberdesk.models.enums import CouponKind, Role
from memberdesk.money import Money
from memberdesk.services.coupons_admin import (
    CouponTemplateRequest,
    CouponTemplateRow,
    IssuedCoupons,
    add_coupon_template,
    issue_coupon,
    set_coupon_template_active,
)
from memberdesk.services.rules_admin import (
    LoyaltyRules,
    RechargeOfferRequest,
    RechargeOfferRow,
    add_recharge_offer,
    end_recharge_offer,
    loyalty_rules,
    set_category_points,
)
from memberdesk.services.setting_specs import SPECS
from memberdesk.services.setting_text import display
from memberdesk.services.tiers_admin import TierDraft, TierRow, add_tier, edit_tier, set_tier_active

from ..coupon_words import offer_text
from ..dialogs.base import ERROR, OK, current_language, push_button
from ..i18n import QT_TRANSLATE_NOOP
from ..money_input import MoneyEdit
from ..tasks import TaskRunner
from ..widgets import PickerBox
from .category_points import CategoryPoints
from .page import Page

ZERO = Money(0)
KIND_NAMES = {
    CouponKind.AMOUNT_OFF: QT_TRANSLATE_NOOP("RulesPage", "Amount off"),
    CouponKind.PERCENT_OFF: QT_TRANSLATE_NOOP("RulesPage", "Percent off"),
    CouponKind.FIXED_PRICE_ITEM: QT_TRANSLATE_NOOP("RulesPage", "Item at a fixed price"),
}
STATE_NAMES = {
    "running": QT_TRANSLATE_NOOP("RulesPage", "Running"),
    "scheduled": QT_TRANSLATE_NOOP("RulesPage", "Scheduled"),
    "ended": QT_TRANSLATE_NOOP("RulesPage", "Ended"),
}


def _table(columns: int, name: str) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))


def _grid(pairs: list[tuple[QLabel, QWidget]], per_row: int, *,
          above: bool = False) -> QGridLayout:
    """A form of ``per_row`` fields a row, each label beside its field (or above it:
    narrower, for a form of many fields)."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(10)
    grid.setVerticalSpacing(2 if above else 6)
    for i, (label, field) in enumerate(pairs):
        label.setBuddy(field)
        row, col = divmod(i, per_row)
        if above:
            grid.addWidget(label, row * 2, col)
            grid.addWidget(field, row * 2 + 1, col)
        else:
            grid.addWidget(label, row, col * 2)
            grid.addWidget(field, row, col * 2 + 1)
    for col in range(per_row):
        grid.setColumnStretch(col if above else col * 2 + 1, 1)
    return grid


def _heading() -> QLabel:
    label = QLabel()
    label.setObjectName("sectionHeading")
    label.setWordWrap(True)  # never what sets the page's width
    return label


def _picker() -> PickerBox:
    picker = PickerBox()  # as wide as the form gives, not as its longest item
    picker.setSizeAdjustPolicy(PickerBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    picker.setMinimumContentsLength(3)
    return picker


def _line(max_len: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_len)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def _count(lo: int, hi: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(lo, hi)
    return box


class ScaledSpinBox(QSpinBox):
    """A whole number in thousandths (or tenths) shown as a decimal: 950‰ as "95%",
    1500‰ as "1.5×". A spin box of whole numbers, so it looks like the others and no
    float is ever stored."""

    def __init__(self, scale: int, lo: int, hi: int, suffix: str) -> None:
        super().__init__()
        self.scale = scale
        self.setRange(lo, hi)
        self.setSuffix(suffix)
        self.setSingleStep(max(1, scale // 10))

    def textFromValue(self, value: int) -> str:
        whole, part = divmod(value, self.scale)
        digits = len(str(self.scale)) - 1
        return f"{whole}.{part:0{digits}d}".rstrip("0").rstrip(".") if part else str(whole)

    def valueFromText(self, text: str) -> int:
        from decimal import Decimal, InvalidOperation

        try:
            number = Decimal(text.removesuffix(self.suffix()).strip() or "0")
        except InvalidOperation:
            return self.value()
        return int((number * self.scale).to_integral_value())

    def validate(self, text: str, pos: int) -> QValidator.State:  # type: ignore[override]
        body = text.removesuffix(self.suffix()).strip()
        whole, _, part = body.partition(".")
        digits = len(str(self.scale)) - 1
        if not all(p.isdigit() or p == "" for p in (whole, part)) or len(part) > digits:
            return QValidator.State.Invalid
        if not whole and not part:
            return QValidator.State.Intermediate
        return QValidator.State.Acceptable


def _selected(table: QTableWidget) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


class RulesPage(Page):
    tiers_changed = Signal()  # the products page's member-price fields follow
    open_settings = Signal()  # the points rules live on the settings page

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

    # -- building ------------------------------------------------------------------------
    def _build_tiers(self) -> None:
        self.tier_tab = QWidget()
        self.tier_table = _table(8, "tierTable")
        self.tier_table.itemSelectionChanged.connect(self._pick_tier)
        self.tier_table.setMinimumHeight(150)
        self.tier_heading = _heading()
        self.tier_code = _line(16)
        self.tier_name = _line(30)
        self.tier_rank = _count(1, 99)
        self.tier_discount = ScaledSpinBox(10, 1, 1000, "%")  # the share paid, in ‰
        self.tier_discount.setValue(1000)
        self.tier_multiplier = ScaledSpinBox(1000, 0, 10_000, "×")  # in ‰
        self.tier_multiplier.setValue(1000)
        self.tier_threshold = MoneyEdit()
        self.tier_form: list[QWidget] = [self.tier_code, self.tier_name, self.tier_rank,
                                         self.tier_discount, self.tier_multiplier,
                                         self.tier_threshold]
        self.tier_labels = [QLabel() for _ in self.tier_form]
        grid = _grid(list(zip(self.tier_labels, self.tier_form, strict=True)), 2)
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
        self.offer_table = _table(8, "offerTable")
        self.offer_table.itemSelectionChanged.connect(self.update_state)
        self.offer_table.setMinimumHeight(150)
        self.offer_heading = _heading()
        self.offer_name = _line(40)
        self.offer_threshold = MoneyEdit()
        self.offer_bonus = MoneyEdit()
        self.offer_points = _count(0, 99_999)
        self.offer_coupon = _picker()
        self.offer_tier = _picker()
        self.offer_first = _line(10, "YYYY-MM-DD")
        self.offer_last = _line(10, "YYYY-MM-DD")
        self.offer_form: list[QWidget] = [
            self.offer_threshold, self.offer_bonus, self.offer_points, self.offer_coupon,
            self.offer_tier, self.offer_first, self.offer_last, self.offer_name]
        self.offer_labels = [QLabel() for _ in self.offer_form]
        grid = _grid(list(zip(self.offer_labels, self.offer_form, strict=True)), 2)
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

    def _build_coupons(self) -> None:
        self.coupon_tab = QWidget()
        self.template_table = _table(8, "couponTable")
        self.template_table.itemSelectionChanged.connect(self.update_state)
        self.template_table.setMinimumHeight(150)
        self.issue_heading = _heading()
        self.issue_member = _line(40)
        self.issue_count = _count(1, 100)
        self.issue_button = push_button(self.issue)
        self.issue_labels = [QLabel(), QLabel()]
        issue = QHBoxLayout()
        for label, field in zip(self.issue_labels, (self.issue_member, self.issue_count),
                                strict=True):
            label.setBuddy(field)
            issue.addWidget(label)
            issue.addWidget(field, 1 if field is self.issue_member else 0)
        issue.addWidget(self.issue_button)
        self.template_heading = _heading()
        self.t_code = _line(20)
        self.t_name = _line(40)
        self.t_kind = _picker()
        for kind in KIND_NAMES:
            self.t_kind.addItem("", kind)
        self.t_kind.currentIndexChanged.connect(lambda _i: self.update_state())
        self.t_value = MoneyEdit()
        self.t_paid = _count(1, 99)
        self.t_paid.setSuffix("%")
        self.t_paid.setValue(80)
        self.t_max_off = MoneyEdit()
        self.t_min_spend = MoneyEdit()
        self.t_for = _line(200)
        self.t_first = _line(10, "YYYY-MM-DD")
        self.t_last = _line(10, "YYYY-MM-DD")
        self.t_days = _count(0, 3650)
        self.t_hours = _line(20, "14:00-17:00")
        self.t_per_member = _count(0, 999)
        self.t_total = _count(0, 99_999)
        self.t_stackable = QCheckBox()
        self.template_form: list[QWidget] = [
            self.t_code, self.t_name, self.t_kind, self.t_value, self.t_paid, self.t_max_off,
            self.t_min_spend, self.t_for, self.t_days, self.t_first, self.t_last, self.t_hours,
            self.t_per_member, self.t_total, self.t_stackable]
        self.template_labels = [QLabel() for _ in self.template_form]
        grid = _grid(list(zip(self.template_labels, self.template_form, strict=True)), 5,
                     above=True)
        self.template_active = push_button(self.toggle_template)
        self.template_new = push_button(self.new_template)
        self.template_cancel = push_button(self.close_template_form)
        self.template_add = push_button(self.add_template, primary=True)
        # The list (and giving a coupon) or the form for a new one: a form of fifteen
        # fields under the list would leave the list no room at 768 pixels high.
        self.coupon_list_box = QWidget()
        listing = QVBoxLayout(self.coupon_list_box)
        listing.setContentsMargins(0, 0, 0, 0)
        listing.addWidget(self.template_table, 1)
        listing.addWidget(self.issue_heading)
        listing.addLayout(issue)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_active)
        buttons.addStretch(1)
        buttons.addWidget(self.template_new)
        listing.addLayout(buttons)
        self.template_box = QWidget()
        form = QVBoxLayout(self.template_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.template_heading)
        form.addLayout(grid)
        form.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.template_add)
        form.addLayout(buttons)
        self.template_box.hide()
        layout = QVBoxLayout(self.coupon_tab)
        layout.addWidget(self.coupon_list_box, 1)
        layout.addWidget(self.template_box, 1)

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

    # -- loading ---------------------------------------------------------------------------
    def activated(self) -> None:
        if not self.busy:
            self.refresh()
        self._tab_changed(self.tabs.currentIndex())

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        def shown(rules: LoyaltyRules) -> None:
            self._show(rules)
            if then is not None:
                then()

        self.call(loyalty_rules, on_done=shown)

    def _show(self, rules: LoyaltyRules) -> None:
        self.rules = rules
        keep_tier = self.editing_tier.code if self.editing_tier else None
        self.editing_tier = None
        _fill(self.tier_table, [self._tier_cells(t) for t in rules.tiers])
        for i, t in enumerate(rules.tiers):
            if t.code == keep_tier:
                self.tier_table.selectRow(i)
        if self.editing_tier is None and not self.tier_code.text():
            self.tier_rank.setValue(min(max((t.rank for t in rules.tiers), default=0) + 1, 99))
        _fill(self.offer_table, [self._offer_cells(r) for r in rules.offers])
        _fill(self.template_table, [self._template_cells(t) for t in rules.templates])
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

    # -- cells ---------------------------------------------------------------------------------
    def _tier_cells(self, t: TierRow) -> list[str]:
        return [t.code, t.name, str(t.rank), f"{t.discount_permille / 10:g}%",
                f"{t.points_multiplier_permille / 1000:g}×", t.upgrade_threshold.display(),
                str(t.members), self.tr("Active") if t.active else self.tr("Deactivated")]

    def _dates(self, first: date | None, last: date | None) -> str:
        if first is None and last is None:
            return self.tr("no end")
        return f"{first.isoformat() if first else '…'} – {last.isoformat() if last else '…'}"

    def _offer_cells(self, r: RechargeOfferRow) -> list[str]:
        return [r.name, r.threshold.display(), r.bonus.display(), str(r.bonus_points),
                r.coupon_name, r.tier_name or self.tr("every tier"),
                self._dates(r.first_day, r.last_day), self.tr(STATE_NAMES[r.state])]

    def _template_cells(self, t: CouponTemplateRow) -> list[str]:
        valid = []
        if t.first_day or t.last_day:
            valid.append(self._dates(t.first_day, t.last_day))
        if t.valid_days:
            valid.append(self.tr("{days} days from issue").format(days=t.valid_days))
        if t.hours:
            valid.append(t.hours)
        return [t.code, t.name, offer_text(t),
                t.min_spend.display() if t.min_spend else "",
                "、".join(t.targets) or self.tr("everything"),
                "; ".join(valid) or self.tr("no end"), f"{t.issued} / {t.used}",
                self.tr("Active") if t.active else self.tr("Deactivated")]

    # -- state -------------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        first = {0: self.tier_code, 1: self.offer_threshold,
                 2: self.t_code if self.template_box.isVisible() else self.issue_member
                 }.get(index)
        if first is not None and first.isEnabled():
            first.setFocus()
        elif index == 3:
            self.points_button.setFocus()

    def selected_offer(self) -> RechargeOfferRow | None:
        row = _selected(self.offer_table)
        return self.rules.offers[row] if self.rules and row is not None and row < len(
            self.rules.offers) else None

    def selected_template(self) -> CouponTemplateRow | None:
        row = _selected(self.template_table)
        return self.rules.templates[row] if self.rules and row is not None and row < len(
            self.rules.templates) else None

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

    # -- keys ----------------------------------------------------------------------------------
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

    # -- tiers ---------------------------------------------------------------------------------
    def _pick_tier(self) -> None:
        row = _selected(self.tier_table)
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

    def new_thing(self) -> None:
        """Ctrl+N: a new coupon on the coupons tab, else a new tier."""
        if self.tabs.currentIndex() == 2:
            self.new_template()
        else:
            self.new_tier()

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

    # -- recharge offers ---------------------------------------------------------------------
    def _read_date(self, edit: QLineEdit) -> tuple[bool, date | None]:
        text = edit.text().strip()
        if not text:
            return True, None
        try:
            return True, date.fromisoformat(text)
        except ValueError:
            self.say(lambda: self.tr("{text} is not a date: write it as 2026-12-31.")
                     .format(text=text), ERROR)
            edit.setFocus()
            edit.selectAll()
            return False, None

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

    # -- coupons ------------------------------------------------------------------------------
    def new_template(self) -> None:
        if not self.may_edit:
            return
        self.tabs.setCurrentIndex(2)
        self.coupon_list_box.hide()
        self.template_box.show()
        self.t_code.setFocus()

    def close_template_form(self) -> None:
        self.template_box.hide()
        self.coupon_list_box.show()
        self.issue_member.setFocus()

    def add_template(self) -> None:
        ok_first, first = self._read_date(self.t_first)
        ok_last, last = self._read_date(self.t_last) if ok_first else (False, None)
        if not ok_last:
            return
        kind = CouponKind(self.t_kind.currentData())
        targets = tuple(p.strip() for p in self.t_for.text().replace("，", ",").split(",")
                        if p.strip())
        known = {c for pair in (self.rules.categories if self.rules else ()) for c in pair}
        categories = tuple(t for t in targets if t in known)
        products = tuple(t for t in targets if t not in known)
        request = CouponTemplateRequest(
            code=self.t_code.text(), name=self.t_name.text(), kind=kind,
            value=self.t_value.amount() or ZERO,
            percent_paid=self.t_paid.value() * 10 if kind is CouponKind.PERCENT_OFF else 0,
            max_discount=self.t_max_off.amount() if kind is CouponKind.PERCENT_OFF else None,
            min_spend=self.t_min_spend.amount() or ZERO, categories=categories,
            products=products, first_day=first, last_day=last,
            valid_days=self.t_days.value() or None, hours=self.t_hours.text(),
            stackable=self.t_stackable.isChecked(),
            per_member_limit=self.t_per_member.value() or None,
            total_limit=self.t_total.value() or None)
        self.call(add_coupon_template, self.actor, request, on_done=self._template_added)

    def _template_added(self, row: CouponTemplateRow) -> None:
        for edit in (self.t_code, self.t_name, self.t_value, self.t_max_off, self.t_min_spend,
                     self.t_for, self.t_first, self.t_last, self.t_hours):
            edit.clear()
        for box in (self.t_days, self.t_per_member, self.t_total):
            box.setValue(0)
        self.t_stackable.setChecked(False)
        self.say(lambda: self.tr("Coupon {name} ({code}) is added: pick it in the list to give "
                                 "it to a member.").format(name=row.name, code=row.code), OK)

        self.close_template_form()

        def select_it() -> None:
            if self.rules is not None:
                for i, t in enumerate(self.rules.templates):
                    if t.code == row.code:
                        self.template_table.selectRow(i)
                self.issue_member.setFocus()

        self.refresh(select_it)

    def toggle_template(self) -> None:
        t = self.selected_template()
        if t is not None:
            self.call(set_coupon_template_active, self.actor, t.code, not t.active,
                      on_done=self._template_toggled)

    def _template_toggled(self, row: CouponTemplateRow) -> None:
        if row.active:
            self.say(lambda: self.tr("Coupon {name} can be given again.").format(name=row.name),
                     OK)
        else:
            self.say(lambda: self.tr("Coupon {name} is deactivated: coupons already given can "
                                     "no longer be used.").format(name=row.name), OK)
        self.refresh()

    def issue(self) -> None:
        t = self.selected_template()
        if t is None:
            self.say(lambda: self.tr("Pick a coupon in the list first."), ERROR)
            return
        member = self.issue_member.text().strip()
        if not member:
            self.issue_member.setFocus()
            self.say(lambda: self.tr("Type the member's phone, card or member number."), ERROR)
            return
        self.call(issue_coupon, self.actor, t.code, member, self.issue_count.value(),
                  on_done=self._issued)

    def _issued(self, issued: IssuedCoupons) -> None:
        self.issue_member.clear()
        self.issue_count.setValue(1)
        self.say(lambda: self.tr("{count} × {coupon} given to {name} ({member_no}).").format(
            count=len(issued.codes), coupon=issued.template_name, name=issued.member_name,
            member_no=issued.member_no), OK)
        self.refresh()

    # -- texts ---------------------------------------------------------------------------------
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
        self.template_table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name"), self.tr("Offer"), self.tr("Min. spend"),
            self.tr("For"), self.tr("Valid"), self.tr("Given / used"), self.tr("State")])
        self.template_heading.setText(self.tr("New coupon"))
        for label, text in zip(self.issue_labels, (self.tr("&Member"), self.tr("Cou&nt")),
                               strict=True):
            label.setText(text)
        self.issue_member.setPlaceholderText(self.tr("whole phone number, card or member number"))
        self.issue_button.setText(self.tr("Give"))
        for label, text in zip(self.template_labels, (
                self.tr("&Code"), self.tr("&Name"), self.tr("&Kind"), self.tr("&Amount"),
                self.tr("Share &paid"), self.tr("At most &off"), self.tr("Min. &spend"),
                self.tr("&For"), self.tr("&Days valid"), self.tr("F&rom"), self.tr("U&ntil"),
                self.tr("&Hours"), self.tr("Per &member"), self.tr("In a&ll"),
                self.tr("With other coupons")), strict=True):
            label.setText(text)
        for i in range(self.t_kind.count()):
            self.t_kind.setItemText(i, self.tr(KIND_NAMES[CouponKind(self.t_kind.itemData(i))]))
        self.t_code.setPlaceholderText(self.tr("e.g. OFF5"))
        self.t_value.setToolTip(self.tr("The amount off, or the item's fixed price"))
        self.t_for.setPlaceholderText(self.tr("empty: everything; or category / product codes"))
        self.t_days.setSpecialValueText(self.tr("no limit"))
        self.t_per_member.setSpecialValueText(self.tr("no limit"))
        self.t_total.setSpecialValueText(self.tr("no limit"))
        self.template_add.setText(self.tr("Add the coupon"))
        self.template_new.setText(self.tr("New coupon (Ctrl+N)"))
        self.template_cancel.setText(self.tr("Back to the list"))
        self.points_note.setText(self.tr("The points rules are shop settings: they are changed on "
                                         "the settings page, and a change applies to points "
                                         "earned from then on (points already earned keep their "
                                         "dates)."))
        self.points_button.setText(self.tr("Change them in Settings (Ctrl+8)"))
        if self.rules is not None:
            _fill(self.tier_table, [self._tier_cells(t) for t in self.rules.tiers])
            _fill(self.offer_table, [self._offer_cells(r) for r in self.rules.offers])
            _fill(self.template_table, [self._template_cells(t) for t in self.rules.templates])
            self._fill_pickers()
            self._show_points()
        self._render_forms()
        super().retranslate()
