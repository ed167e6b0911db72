"""计次卡 — count-card templates: what a card gives (services and uses), how long it
lasts (days from the sale, or an end date), its price and optional per-tier prices.
The list shows every template with what has been sold; picking one fills the form,
which adds a new template or saves the picked one (cards already sold keep theirs);
a template can be stopped and resumed. The counter sells a template by its code like
any product and uses the cards with Shift+F3. The owner's rules: others see the list."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from memberdesk.domain.count_cards import parse_pairs
from memberdesk.money import ascii_digits
from memberdesk.services.count_cards.templates import (
    TemplateDraft,
    TemplateInfo,
    add_template,
    edit_template,
    list_templates,
    set_template_active,
)
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.requests import parse_amount
from memberdesk.ui.common import fmt
from memberdesk.ui.common.column_fit import fit_columns
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, current_language, push_button
from .page import Page

COLUMNS = 7
NUMERIC = (2, 5)  # price, sold


class CountCardsPage(Page):
    def __init__(self, runner: TaskRunner, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "countCardsPage", parent)
        self.templates: list[TemplateInfo] = []
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("countCardTemplates")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(220)
        self.table.itemSelectionChanged.connect(self._picked)
        fit_columns(self.table, elastic=(1, 3))  # the name and the services give way
        self.form_heading = QLabel()
        self.form_heading.setObjectName("sectionHeading")
        self.code, self.name, self.price = QLineEdit(), QLineEdit(), QLineEdit()
        self.items, self.days, self.until, self.tiers = (QLineEdit(), QLineEdit(), QLineEdit(),
                                                         QLineEdit())
        self.code.setMaxLength(20)
        self.name.setMaxLength(40)
        self.fields = (self.code, self.name, self.price, self.items, self.days, self.until,
                       self.tiers)
        for f, name in zip(self.fields, ("Code", "Name", "Price", "Items", "Days", "Until",
                                         "Tiers"), strict=True):
            f.setObjectName(f"countCard{name}")
        self.labels = [QLabel() for _ in self.fields]
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        places = ((0, 0), (0, 2), (1, 0), (1, 2), (2, 0), (2, 2), (3, 0))
        for label, field, (row, col) in zip(self.labels, self.fields, places, strict=True):
            label.setBuddy(field)
            grid.addWidget(label, row, col)
            grid.addWidget(field, row, col + 1, 1, 3 if field is self.tiers else 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.add_button = push_button(self.add, primary=True)
        self.save_button = push_button(self.save)
        self.active_button = push_button(self.toggle_active)
        self.clear_button = push_button(self.clear_form)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("pageHint")
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.hint, 1)
        for b in (self.clear_button, self.active_button, self.save_button, self.add_button):
            buttons.addWidget(b)
        self._busy_buttons += [self.add_button, self.save_button, self.active_button]
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.form_heading)
        self.body.addLayout(grid)
        self.body.addLayout(buttons)
        self.retranslate()
        self.update_state()

    # -- loading ---------------------------------------------------------------------------
    def activated(self) -> None:
        if not self.busy:
            self.refresh()

    def refresh(self, select: str | None = None) -> None:
        self.call(list_templates, self.actor, on_done=lambda rows: self._show(rows, select))

    def _show(self, rows: list[TemplateInfo], select: str | None) -> None:
        keep = select or (self.selected.code if self.selected else None)
        self.templates = rows
        self.table.setRowCount(len(rows))
        for r, t in enumerate(rows):
            for c, text in enumerate(self._cells(t)):
                item = QTableWidgetItem(text)
                if c in NUMERIC:  # the price and the number sold, as amounts are
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            if t.code == keep:
                self.table.selectRow(r)
        self.table.resizeRowsToContents()
        self.update_state()

    def _cells(self, t: TemplateInfo) -> tuple[str, ...]:
        items = "\n".join(self.tr("{service} ×{uses}").format(service=i.product_name, uses=i.uses)
                         for i in t.items)
        validity = []
        if t.validity_days:
            validity.append(self.tr("%n day(s)", "", t.validity_days))
        if t.valid_until:
            validity.append(self.tr("to {date}").format(date=fmt.date_text(t.valid_until)))
        tiers = "  ".join(f"{name} {price.display()}" for _, name, price in t.tier_prices)
        price = t.price.display() + (f"\n{tiers}" if tiers else "")
        return (t.code, t.name, price, items, "\n".join(validity) or self.tr("No expiry"),
                fmt.number(t.sold), self.tr("On sale") if t.active else self.tr("Stopped"))

    @property
    def selected(self) -> TemplateInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.templates):
            return None
        return self.templates[rows[0].row()]

    def _picked(self) -> None:
        t = self.selected
        if t is not None:
            self.code.setText(t.code)
            self.name.setText(t.name)
            self.price.setText(t.price.yuan())
            self.items.setText(", ".join(f"{i.product_code}×{i.uses}" for i in t.items))
            self.days.setText(str(t.validity_days or ""))
            self.until.setText(t.valid_until.isoformat() if t.valid_until else "")
            self.tiers.setText(", ".join(f"{code}={p.yuan()}" for code, _, p in t.tier_prices))
        self.update_state()

    def update_state(self) -> None:
        t = self.selected
        self.save_button.setEnabled(t is not None and not self.busy)
        self.active_button.setEnabled(t is not None and not self.busy)
        self.active_button.setText(self.tr("Resume selling") if t is not None and not t.active
                                   else self.tr("Stop selling"))
        self.add_button.setEnabled(not self.busy)

    # -- the form ----------------------------------------------------------------------------
    def _problem(self, field: QLineEdit, text: str) -> None:
        field.setFocus()
        field.selectAll()
        self.say(lambda: text, ERROR)

    def _draft(self) -> TemplateDraft | None:
        try:
            price = parse_amount(self.price.text(), self.tr("Price"))
        except UserError as exc:
            error = exc
            self._problem(self.price, error.message(current_language()))
            return None
        items = parse_pairs(self.items.text())
        if not items or any(not (ascii_digits(n) or "").isdigit() for _, n in items):
            self._problem(self.items, self.tr("Services: item code × uses, e.g. WASH×10, "
                                              "WAX×2"))
            return None
        days_text = (ascii_digits(self.days.text().strip()) or "?") if self.days.text().strip() \
            else ""
        if days_text and not days_text.isdigit():
            self._problem(self.days, self.tr("Days: a whole number, or leave it empty"))
            return None
        until = None
        if self.until.text().strip():
            try:
                until = date.fromisoformat(ascii_digits(self.until.text().strip()) or "?")
            except ValueError:
                self._problem(self.until, self.tr("End date: YYYY-MM-DD, or leave it empty"))
                return None
        tiers = parse_pairs(self.tiers.text())
        try:
            tier_prices = tuple((code, parse_amount(p, self.tr("Tier price")))
                                for code, p in (tiers or []))
        except UserError as exc:
            error = exc
            self._problem(self.tiers, error.message(current_language()))
            return None
        if tiers is None:
            self._problem(self.tiers, self.tr("Tier prices: tier code = price, e.g. gold=230"))
            return None
        return TemplateDraft(
            code=self.code.text().strip(), name=self.name.text().strip(), price=price,
            items=tuple((code, int(ascii_digits(n) or 0)) for code, n in items),
            validity_days=int(days_text) if days_text else None, valid_until=until,
            tier_prices=tier_prices)

    def enter_pressed(self) -> None:
        focus = self.focusWidget()
        if focus in self.fields:
            i = self.fields.index(focus)
            if i + 1 < len(self.fields):
                self.fields[i + 1].setFocus()
            elif self.selected is not None and self.selected.code == self.code.text().strip():
                self.save()
            else:
                self.add()

    def add(self) -> None:
        draft = self._draft()
        if draft is not None:
            self.call(add_template, self.actor, draft, on_done=lambda t: self._done(
                t, self.tr("{name} is on sale: ring up {code} at the counter.")))

    def save(self) -> None:
        t = self.selected
        draft = self._draft()
        if t is not None and draft is not None:
            self.call(edit_template, self.actor, t.code, draft, on_done=lambda r: self._done(
                r, self.tr("{name} saved; cards already sold keep their uses and dates.")))

    def toggle_active(self) -> None:
        t = self.selected
        if t is not None:
            self.call(set_template_active, self.actor, t.code, not t.active,
                      on_done=lambda r: self._done(r, self.tr("{name} is on sale again.")
                                                   if r.active else
                                                   self.tr("{name} is no longer sold.")))

    def _done(self, t: TemplateInfo, text: str) -> None:
        self.say(lambda: text.format(name=t.name, code=t.code), OK)
        self.refresh(select=t.code)

    def clear_form(self) -> None:
        self.table.clearSelection()
        for f in self.fields:
            f.clear()
        self.code.setFocus()
        self.update_state()

    # -- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Count card templates"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name"), self.tr("Price"), self.tr("Services"),
            self.tr("Valid"), self.tr("Sold"), self.tr("State")])
        for r, t in enumerate(self.templates):
            for c, text in enumerate(self._cells(t)):
                item = self.table.item(r, c)
                if item is not None:
                    item.setText(text)
        self.form_heading.setText(self.tr("Add a template, or pick one to change it"))
        for label, text in zip(self.labels, (
                self.tr("&Code"), self.tr("&Name"), self.tr("&Price ¥"), self.tr("Ser&vices"),
                self.tr("&Days valid"), self.tr("&End date"), self.tr("&Tier prices")),
                strict=True):
            label.setText(text)
        self.code.setPlaceholderText(self.tr("e.g. WASH10"))
        self.name.setPlaceholderText(self.tr("e.g. 洗车10次卡"))
        self.items.setPlaceholderText(self.tr("e.g. WASH×10, WAX×2"))
        self.items.setToolTip(self.tr("item code × uses, e.g. WASH×10, WAX×2"))
        self.days.setPlaceholderText(self.tr("e.g. 365; empty: no limit"))
        self.until.setPlaceholderText(self.tr("YYYY-MM-DD; optional"))
        self.tiers.setPlaceholderText(self.tr("optional, e.g. gold=230, silver=240"))
        self.add_button.setText(self.tr("Add"))
        self.save_button.setText(self.tr("Save changes"))
        self.clear_button.setText(self.tr("New"))
        self.hint.setText(self.tr("Sold by its code at the counter, to a member; Shift+F3 uses it."))
        self.hint.setToolTip(self.tr("Refunds of the unused part follow the setting “Count card "
                                     "refund rule”."))
        self.update_state()
        super().retranslate()
