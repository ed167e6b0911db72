"""The 规则 page's coupons tab (a mixin of :class:`.rules.RulesPage`): the coupon
templates, the form of a new one (in the list's place), (de)activating one and
giving the one picked to a member."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from memberdesk.models.enums import CouponKind
from memberdesk.services.coupons.admin import (
    CouponTemplateRequest,
    CouponTemplateRow,
    IssuedCoupons,
    add_coupon_template,
    issue_coupon,
    set_coupon_template_active,
)
from memberdesk.ui.common.coupon_words import min_spend_text, offer_text
from memberdesk.ui.common.money_input import MoneyEdit

from ..dialogs.base import ERROR, OK, push_button
from .rules_widgets import (
    KIND_NAMES,
    ZERO,
    RulesBase,
    count_box,
    form_grid,
    heading_label,
    line_edit,
    make_table,
    picker_box,
    selected_row,
)


class Plurals(QObject):
    """A count's words for the mixin below: a mixin's ``self.tr`` looks a plural up
    in the page's context (Qt answers it there, untranslated)."""

    def days_from_issue(self, days: int) -> str:
        return self.tr("%n day(s) from issue", "", days)


class CouponsTab(RulesBase):
    def _build_coupons(self) -> None:
        self.coupon_tab = QWidget()
        self.template_table = make_table(8, "couponTable", elastic=(2, 4),
                                         numeric=(3, 6))
        self.template_table.itemSelectionChanged.connect(self.update_state)
        self.template_table.setMinimumHeight(150)
        self.issue_heading = heading_label()
        self.issue_member = line_edit(40)
        self.issue_count = count_box(1, 100)
        self.issue_button = push_button(self.issue)
        self.issue_labels = [QLabel(), QLabel()]
        issue = QHBoxLayout()
        for label, field in zip(self.issue_labels, (self.issue_member, self.issue_count),
                                strict=True):
            label.setBuddy(field)
            issue.addWidget(label)
            issue.addWidget(field, 1 if field is self.issue_member else 0)
        issue.addWidget(self.issue_button)
        self.template_heading = heading_label()
        self.t_code = line_edit(20)
        self.t_name = line_edit(40)
        self.t_kind = picker_box()
        for kind in KIND_NAMES:
            self.t_kind.addItem("", kind)
        self.t_kind.currentIndexChanged.connect(lambda _i: self.update_state())
        self.t_value = MoneyEdit()
        self.t_paid = count_box(1, 99)
        self.t_paid.setSuffix("%")
        self.t_paid.setValue(80)
        self.t_max_off = MoneyEdit()
        self.t_min_spend = MoneyEdit()
        self.t_for = line_edit(200)
        self.t_first = line_edit(10, "YYYY-MM-DD")
        self.t_last = line_edit(10, "YYYY-MM-DD")
        self.t_days = count_box(0, 3650)
        self.t_hours = line_edit(20, "14:00-17:00")
        self.t_per_member = count_box(0, 999)
        self.t_total = count_box(0, 99_999)
        self.t_stackable = QCheckBox()
        self.template_form: list[QWidget] = [
            self.t_code, self.t_name, self.t_kind, self.t_value, self.t_paid, self.t_max_off,
            self.t_min_spend, self.t_for, self.t_days, self.t_first, self.t_last, self.t_hours,
            self.t_per_member, self.t_total, self.t_stackable]
        self.template_labels = [QLabel() for _ in self.template_form]
        grid = form_grid(list(zip(self.template_labels, self.template_form, strict=True)), 5,
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

    def _template_cells(self, t: CouponTemplateRow) -> list[str]:
        valid = []
        if t.first_day or t.last_day:
            valid.append(self._dates(t.first_day, t.last_day))
        if t.valid_days:
            valid.append(Plurals().days_from_issue(t.valid_days))
        if t.hours:
            valid.append(t.hours)
        return [t.code, t.name, offer_text(t),
                min_spend_text(t),
                "、".join(t.targets) or self.tr("everything"),
                "; ".join(valid) or self.tr("no end"), f"{t.issued} / {t.used}",
                self.tr("Active") if t.active else self.tr("Deactivated")]

    def selected_template(self) -> CouponTemplateRow | None:
        row = selected_row(self.template_table)
        return self.rules.templates[row] if self.rules and row is not None and row < len(
            self.rules.templates) else None

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

    def _retranslate_coupons(self) -> None:
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
