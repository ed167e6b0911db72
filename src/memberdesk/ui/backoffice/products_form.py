"""商品's product form (a mixin of :class:`.products.ProductsPage`): the fields of
the picked product or a new one, a member price per tier, Enter through the fields,
save, stop / resume selling."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QWidget,
)

from memberdesk.domain import margin
from memberdesk.services.catalog import products as catalog
from memberdesk.services.catalog.admin import (
    ProductDetail,
    edit_product,
    product_detail,
    set_product_active,
)
from memberdesk.services.loyalty.tiers import TierInfo
from memberdesk.ui.common.widgets import NumberBox, PickerBox, key_action

from ..dialogs.base import OK, AmountEdit, push_button
from .page import Page
from .product_model import ProductModel
from .products_hints import member_price_hints
from .products_layout import CurrentInView, field_rows, points_in_second_row, tab_order

MEMBER_PRICE_ROW = 0  # the grid holds the member prices alone (products_layout)


class ProductForm(Page):
    """The form below the list; the page puts it together."""

    editing: ProductDetail | None
    creating: bool  # a new product's form (editing is None), not "choose a product"
    form_open: bool
    form_fields: QWidget  # the page's: the fields and buttons F2 shows or hides
    running: bool
    tiers: list[TierInfo]
    model: ProductModel
    search: QLineEdit
    table: QTableView
    category: PickerBox
    in_view: CurrentInView  # the list's current row kept in view (products_layout)

    show_form: Callable[[], None]  # the Excel part's: the form back in place
    toggle_category_row: Callable[[], None]  # the page's: the new category's row
    # the unsaved part's (products_unsaved): the form's values as loaded, the question
    _mark_clean: Callable[[], None]
    leave_form: Callable[[Callable[[], None], Callable[[], None]], None]
    _save_failed: Callable[[], None]
    _go_on_after_save: Callable[[], None]
    _fill_saved: Callable[[ProductDetail], None]
    _saved_code: str | None = None  # the list reloads after a save: to show this product
    _after_save: tuple[Callable[[], None], Callable[[], None]] | None  # products_unsaved

    def _build_form(self) -> QHBoxLayout:
        """The product's fields in a grid (member prices follow in
        :meth:`_show_tiers`) and the form's buttons, returned as a row."""
        self.form_heading = QLabel()
        self.form_heading.setObjectName("sectionHeading")
        self.form_heading.setWordWrap(True)  # a long name: two lines, not a wider window
        self.code = QLineEdit()
        self.code.setMaxLength(20)
        self.barcode = QLineEdit()
        self.barcode.setMaxLength(40)
        self.name = QLineEdit()
        self.name.setMaxLength(80)
        self.unit = QLineEdit()
        self.unit.setMaxLength(8)
        self.price = AmountEdit()
        self.cost = AmountEdit()
        self.cost.setObjectName("productCost")
        self.cost_warning = QLabel()  # a cost above the price: allowed, but said
        self.cost_warning.setObjectName("costWarning")
        self.cost_warning.setWordWrap(True)
        self.cost_warning.hide()
        self.price.textChanged.connect(self._check_cost)
        self.cost.textChanged.connect(self._check_cost)
        self.category = PickerBox()
        self.category.setMinimumWidth(75)  # the other fields' widths: products_layout
        self.points = NumberBox()
        self.points.setRange(0, 10000)
        self.points.setSuffix("%")
        self.points.setValue(100)
        self.points.setMinimumWidth(80)
        self.discountable = QCheckBox()
        self.discountable.setChecked(True)
        self.member_prices: list[AmountEdit] = []
        self.member_labels: list[QLabel] = []
        self.labels = [QLabel() for _ in range(8)]
        self.grid = QGridLayout()  # the member prices, under the fields' two rows
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.field_rows = field_rows(self, self._category_cell())
        self.discountable.toggled.connect(lambda _on: self._member_price_hints())
        self.price.textChanged.connect(lambda _t: self._member_price_hints())
        # The form's heading shares its row with New and the button that shows or hides
        # the fields (F2): while they are hidden the list above has the page's height (a
        # dozen rows at 768 pixels high).
        self.new_button = push_button(self.new_product)
        self.form_toggle = push_button(self.toggle_form)
        self.form_toggle.setObjectName("productFormToggle")
        self.heading_row = QHBoxLayout()
        self.heading_row.addWidget(self.form_heading)
        self.heading_row.addStretch(1)
        self.heading_row.addWidget(self.new_button)
        self.heading_row.addWidget(self.form_toggle)
        # The form's actions: in a row below the fields, or (a wide page: 1366 pixels)
        # in the heading's row, so the list above keeps 8 rows (products_layout).
        self.save_button = push_button(self.save, primary=True)
        key_action(self, "Ctrl+S", self.save, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.active_button = push_button(self.toggle_active)
        self.form_actions = QWidget()
        actions = QHBoxLayout(self.form_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.discountable)
        actions.addStretch(1)
        actions.addWidget(self.active_button)
        actions.addWidget(self.save_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.form_actions)
        return buttons

    def _category_cell(self) -> QWidget:
        """The category picker and "+" beside it: the row that adds a category
        (Alt+G) shows only when asked for, so the list keeps its rows."""
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.category, 1)
        self.category_more = QToolButton()
        self.category_more.setObjectName("newCategoryButton")
        self.category_more.setText("+")
        self.category_more.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter, Tab: the fields; keys: Alt+G
        self.category_more.clicked.connect(self.toggle_category_row)
        row.addWidget(self.category_more)
        return cell

    def _show_tiers(self, tiers: list[TierInfo]) -> None:
        for label, edit in zip(self.member_labels, self.member_prices, strict=True):
            self.grid.removeWidget(label)
            self.grid.removeWidget(edit)
            label.deleteLater()
            edit.deleteLater()
        self.member_labels, self.member_prices = [], []
        self.tiers = tiers
        for i, t in enumerate(tiers):
            label, edit = QLabel(), AmountEdit()
            edit.setObjectName(f"memberPrice_{t.code}")
            edit.setMinimumWidth(80)
            label.setBuddy(edit)
            self.member_labels.append(label)
            self.member_prices.append(edit)
            self.grid.addWidget(label, MEMBER_PRICE_ROW + i // 4, (i % 4) * 2)
            self.grid.addWidget(edit, MEMBER_PRICE_ROW + i // 4, (i % 4) * 2 + 1)
            # Shown now, not by the layout's queued show: Enter may move the cursor
            # into them before the event loop gets round to it.
            label.show()
            edit.show()
        tab_order(self)
        if self.editing is not None:
            self._fill(self.editing)
        self.retranslate()

    def _fill(self, detail: ProductDetail) -> None:
        self.editing = detail
        self.creating = False
        self.show_form()
        self._enable_fields(True)
        p = detail.product
        self.code.setText(p.code)
        self.barcode.setText(p.barcode or "")
        self.name.setText(p.name)
        self.unit.setText(p.unit)
        self.price.setText(p.price.yuan())
        self.cost.setText(p.cost.yuan() if p.cost is not None else "")
        self.category.setCurrentIndex(max(0, self.category.findData(p.category_id)))
        self.points.setValue(p.points_ratio_permille // 10)
        self.discountable.setChecked(p.discountable)
        for edit in (self.code, self.barcode, self.name):
            edit.setCursorPosition(0)  # a long name shows its start
        prices = dict(detail.member_prices)
        for t, edit in zip(self.tiers, self.member_prices, strict=True):
            edit.setText(prices[t.id].yuan() if t.id in prices else "")
        self._mark_clean()
        self.update_state()
        self.in_view.show()  # its row, if it is the list's current one

    def new_product(self) -> None:
        """New (Ctrl+N): an empty form, open, the cursor in the code."""
        self.leave_form(self._new_product, lambda: None)

    def _new_product(self) -> None:
        self._new_form()
        self.set_form_open(True)
        self.code.setFocus()

    def _new_form(self) -> None:
        self.editing = None
        self.creating = True
        self.show_form()
        self.table.clearSelection()
        self._clear_fields()
        self._enable_fields(True)
        self._mark_clean()
        self.update_state()

    def choose_nothing(self) -> None:
        """No product picked (a search that found none): the fields empty and off,
        the heading says to choose one, so no other product's fields are left on show."""
        self.editing = None
        self.creating = False
        self._clear_fields()
        self._enable_fields(False)
        self._mark_clean()
        self.update_state()

    def _clear_fields(self) -> None:
        for edit in (self.code, self.barcode, self.name, self.unit, self.price, self.cost,
                     *self.member_prices):
            edit.clear()
        self.category.setCurrentIndex(0)
        self.points.setValue(100)
        self.discountable.setChecked(True)

    def _enable_fields(self, on: bool) -> None:
        for field in (*self._fields(), self.discountable):
            field.setEnabled(on)

    def set_form_open(self, on: bool) -> None:
        """Show the form's fields below the list, or hide them (the list gets the room)."""
        self.form_open = on
        self.form_fields.setVisible(on)
        self.form_actions.setVisible(on)  # in the heading's row on a wide page
        self._render_toggle()

    def toggle_form(self) -> None:
        """F2 or the button: the fields shown (the cursor in the first, the code: Tab
        goes on as they show; it started in the name, and Tab never came back to the
        code and the barcode) or hidden."""
        if not self.running:
            self.set_form_open(not self.form_open)
            if self.form_open and self.code.isEnabled():
                self.code.setFocus()
            elif not self.form_open:
                self.table.setFocus()

    def _fields(self) -> list[QWidget]:
        """The fields as they show, left to right, top to bottom: the points end the
        second row on a wide page, the form's last row on a narrow one (products_layout)."""
        rows = [self.code, self.barcode, self.name, self.unit, self.price, self.cost,
                self.category]
        if points_in_second_row(self):
            return [*rows, self.points, *self.member_prices]
        return [*rows, *self.member_prices, self.points]

    def _draft(self) -> dict[str, Any] | None:
        price = self.read_amount(self.price, lambda: self.tr("Type the price."))
        if price is None:
            return None
        cost = None
        if self.cost.text().strip():  # optional: blank is "not known"
            cost = self.read_amount(self.cost, lambda: "")
            if cost is None:
                return None
        member_prices = []
        for t, edit in zip(self.tiers, self.member_prices, strict=True):
            if edit.text().strip():
                amount = self.read_amount(edit, lambda: "")
                if amount is None:
                    return None
                member_prices.append((t.id, amount))
        return {"code": self.code.text(), "name": self.name.text(), "price": price,
                "barcode": self.barcode.text() or None, "unit": self.unit.text() or "件",
                "category_id": self.category.currentData(),
                "points_ratio_permille": self.points.value() * 10,
                "discountable": self.discountable.isChecked(),
                "member_prices": tuple(member_prices), "cost": cost}

    def _check_cost(self) -> None:
        """A cost above the price is allowed (a loss leader) but said at once."""
        price, cost = self.price.amount_or_none(), self.cost.amount_or_none()
        above = price is not None and margin.cost_above_price(
            None if cost is None else cost.fen, price.fen)
        self.cost_warning.setVisible(above)
        if above:
            self.cost_warning.setText(self.tr("The cost is above the price: each one sold "
                                              "loses money."))

    def save(self) -> None:  # a failure tells the question's route to stay (products_unsaved)
        fields = self._draft()
        if fields is None or (self.editing is None and not self.creating):
            self._save_failed()
            return
        # after a user error or a bug (a save that worked has gone on already)
        failed = self._save_failed
        if self.editing is None:
            self.call(catalog.create_product, self.actor, catalog.ProductDraft(**fields),
                      on_done=lambda info: self._saved(info.code, info.name, True),
                      on_finally=failed)
        else:
            self.call(edit_product, self.actor, self.editing.product.code, **fields,
                      on_done=lambda d: self._saved(d.product.code, d.product.name, False),
                      on_finally=failed)

    def _saved(self, code: str, name: str, added: bool) -> None:
        if added:
            self.say(lambda: self.tr("{name} ({code}) is added; the counter finds it now.")
                     .format(name=name, code=code), OK)
        else:
            self.say(lambda: self.tr("{name} ({code}) is saved.").format(name=name, code=code), OK)
        self._mark_clean()  # what it shows is saved
        self.fetch(product_detail, code, on_done=self._fill_saved)
        self._saved_code = None if self._after_save else code  # not when going on elsewhere
        self.model.reload(self.search.text())
        self._go_on_after_save()  # where the question was asked from (products_unsaved)

    def toggle_active(self) -> None:
        self.leave_form(self._toggle_active, lambda: None)

    def _toggle_active(self) -> None:
        if self.editing is not None:
            p = self.editing.product
            self.call(set_product_active, self.actor, p.code, not p.active,
                      on_done=self._toggled)

    def _toggled(self, info: catalog.ProductInfo) -> None:
        if info.active:
            self.say(lambda: self.tr("{name} is on sale again.").format(name=info.name), OK)
        else:
            self.say(lambda: self.tr("{name} is no longer sold; the counter will not find "
                                     "it.").format(name=info.name), OK)
        self.fetch(product_detail, info.code, on_done=self._fill)
        self.model.reload(self.search.text())

    def _render_toggle(self) -> None:
        self.form_toggle.setText(self.tr("Hide the form (F2)") if self.form_open
                                 else self.tr("Show the form (F2)"))

    def _render_form(self) -> None:
        self.save_button.setEnabled(not self.busy and (self.editing is not None or self.creating))
        if self.editing is None:
            self.form_heading.setText(self.tr("New product") if self.creating else
                                      self.tr("Choose a product in the list, or New."))
            self.active_button.setText(self.tr("Stop selling"))
            return
        p = self.editing.product
        state = "" if p.active else self.tr(" (stopped)")
        self.form_heading.setText(self.tr("Edit {name} ({code})").format(name=p.name, code=p.code)
                                  + state)
        self.active_button.setText(self.tr("Sell again") if not p.active
                                   else self.tr("Stop selling"))

    def _retranslate_form(self) -> None:
        for label, text in zip(self.labels, (
                self.tr("&Code"), self.tr("&Barcode"), self.tr("&Name"), self.tr("&Unit"),
                self.tr("&Price"), self.tr("Co&st"), self.tr("Ca&tegory"), self.tr("P&oints")),
                strict=True):
            label.setText(text)
        self.cost.setPlaceholderText(self.tr("—", "cost: optional"))
        self.cost.setToolTip(self.tr("What the shop pays for one (进价), for the gross margin in "
                                     "the reports; empty: not known"))
        self._check_cost()
        self.points.setToolTip(self.tr("Points earned, in percent of normal: 0 earns none"))
        self.discountable.setText(self.tr("Tier discount"))
        self.discountable.setToolTip(self.tr("Tier discount applies"))
        self.barcode.setPlaceholderText(self.tr("scan"))
        self.barcode.setToolTip(self.tr("Scan the barcode or type it"))
        self.unit.setPlaceholderText("件")
        for t, label in zip(self.tiers, self.member_labels, strict=True):
            label.setText(t.name)  # in the row of member prices; 1024 pixels are few
            label.setToolTip(self.tr("{tier} price").format(tier=t.name))
        self._member_price_hints()
        self.category_more.setToolTip(self.tr("New category (Alt+G)"))
        self.new_button.setText(self.tr("New (Ctrl+N)"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip("Ctrl+S")
        self._render_toggle()

    def _member_price_hints(self) -> None:
        member_price_hints(self)  # what an empty member price means (products_hints)
