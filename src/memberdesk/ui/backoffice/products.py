"""商品 — products and categories for the owner and managers. The list is lazy
(:mod:`.product_model`: pages of 200 by code, fetched as it scrolls); the search
box finds by code, barcode, name or pinyin initials (the counter's search, stopped
products too). Pick a product to edit it in the form below, or New (Ctrl+N) for
an empty form; Enter moves through the fields and saves in the last one. A
barcode of 8, 12 or 13 digits must have its right check digit. Stop / resume
selling the picked product. A category is added with its code and name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QWidget,
)

from memberdesk.services import catalog
from memberdesk.services.catalog_admin import (
    ProductDetail,
    edit_product,
    list_categories,
    product_detail,
    set_product_active,
)
from memberdesk.services.tiers import TierInfo, list_tiers

from ..dialogs.base import ERROR, OK, AmountEdit, push_button
from ..tasks import TaskRunner
from ..widgets import PickerBox
from .page import Page
from .product_model import ProductModel


class ProductsPage(Page):
    def __init__(self, runner: TaskRunner, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "productsPage", parent)
        self.editing: ProductDetail | None = None
        self.tiers: list[TierInfo] = []
        self.search = QLineEdit()
        self.search.setObjectName("productSearch")
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self._search)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.count_label = QLabel()
        self.model = ProductModel(runner, on_loaded=self._loaded)
        self.table = QTableView()
        self.table.setObjectName("productTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((90, 130, 260, 50, 80, 100, 70)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._pick(cur.row()))
        top = QHBoxLayout()
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        # the form
        self.form_heading = QLabel()
        self.form_heading.setObjectName("sectionHeading")
        self.code = QLineEdit()
        self.code.setMaxLength(20)
        self.barcode = QLineEdit()
        self.barcode.setMaxLength(40)
        self.name = QLineEdit()
        self.name.setMaxLength(80)
        self.unit = QLineEdit()
        self.unit.setMaxLength(8)
        self.price = AmountEdit()
        self.category = PickerBox()
        self.points = QSpinBox()
        self.points.setRange(0, 10000)
        self.points.setSuffix("%")
        self.points.setValue(100)
        self.discountable = QCheckBox()
        self.discountable.setChecked(True)
        self.member_prices: list[AmountEdit] = []
        self.member_labels: list[QLabel] = []
        self.labels = [QLabel() for _ in range(7)]
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        for i, (label, field) in enumerate(zip(self.labels, (
                self.code, self.barcode, self.name, self.unit, self.price, self.category,
                self.points), strict=True)):
            label.setBuddy(field)
            self.grid.addWidget(label, i // 4, (i % 4) * 2)
            self.grid.addWidget(field, i // 4, (i % 4) * 2 + 1)
        self.grid.addWidget(self.discountable, 1, 6, 1, 2)
        self.new_button = push_button(self.new_product)
        self.save_button = push_button(self.save, primary=True)
        self.active_button = push_button(self.toggle_active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.active_button)
        buttons.addWidget(self.save_button)
        # categories
        self.category_heading = QLabel()
        self.category_code = QLineEdit()
        self.category_code.setMaxLength(20)
        self.category_name = QLineEdit()
        self.category_name.setMaxLength(40)
        self.category_button = push_button(self.add_category)
        cats = QHBoxLayout()
        cats.addWidget(self.category_heading)
        cats.addWidget(self.category_code)
        cats.addWidget(self.category_name, 1)
        cats.addWidget(self.category_button)
        self._busy_buttons += [self.save_button, self.active_button, self.category_button]
        self.body.addLayout(top)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.form_heading)
        self.body.addLayout(self.grid)
        self.body.addLayout(buttons)
        self.body.addLayout(cats)
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        shortcut.activated.connect(self.new_product)
        self._loaded_once = False
        self.update_state()
        self.retranslate()

    # -- loading ---------------------------------------------------------------------------
    def activated(self) -> None:
        if not self._loaded_once:
            self._loaded_once = True
            self.fetch(list_tiers, on_done=self._show_tiers)
            self.fetch(list_categories, on_done=self._show_categories)
            self.model.reload()
        self.search.setFocus()

    def _search(self) -> None:
        self.model.reload(self.search.text())

    def _loaded(self) -> None:
        self._render_count()
        if self.editing is not None:
            for i, row in enumerate(self.model.rows):
                if row.product.code == self.editing.product.code:
                    self.table.selectRow(i)
                    break

    def reload_tiers(self) -> None:
        """The tiers changed (the rules page): a member-price field per active tier."""
        if self._loaded_once:
            self.fetch(list_tiers, on_done=self._show_tiers)

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
            label.setBuddy(edit)
            self.member_labels.append(label)
            self.member_prices.append(edit)
            self.grid.addWidget(label, 2 + i // 4, (i % 4) * 2)
            self.grid.addWidget(edit, 2 + i // 4, (i % 4) * 2 + 1)
            # Shown now, not by the layout's queued show: Enter may move the cursor
            # into them before the event loop gets round to it.
            label.show()
            edit.show()
        if self.editing is not None:
            self._fill(self.editing)
        self.retranslate()

    def _show_categories(self, categories: list[catalog.CategoryInfo],
                         select: int | None = None) -> None:
        keep = select if select is not None else self.category.currentData()
        self.category.clear()
        self.category.addItem("—", None)
        for c in categories:
            self.category.addItem(c.name, c.id)
        self.category.setCurrentIndex(max(0, self.category.findData(keep)))

    # -- picking and the form ---------------------------------------------------------------
    def _pick(self, row: int) -> None:
        found = self.model.row(row)
        if found is not None and (self.editing is None
                                  or self.editing.product.code != found.product.code):
            self.fetch(product_detail, found.product.code, on_done=self._fill)

    def _fill(self, detail: ProductDetail) -> None:
        self.editing = detail
        p = detail.product
        self.code.setText(p.code)
        self.barcode.setText(p.barcode or "")
        self.name.setText(p.name)
        self.unit.setText(p.unit)
        self.price.setText(p.price.yuan())
        self.category.setCurrentIndex(max(0, self.category.findData(p.category_id)))
        self.points.setValue(p.points_ratio_permille // 10)
        self.discountable.setChecked(p.discountable)
        prices = dict(detail.member_prices)
        for t, edit in zip(self.tiers, self.member_prices, strict=True):
            edit.setText(prices[t.id].yuan() if t.id in prices else "")
        self.update_state()

    def new_product(self) -> None:
        self.editing = None
        self.table.clearSelection()
        for edit in (self.code, self.barcode, self.name, self.unit, self.price,
                     *self.member_prices):
            edit.clear()
        self.category.setCurrentIndex(0)
        self.points.setValue(100)
        self.discountable.setChecked(True)
        self.code.setFocus()
        self.update_state()

    def _fields(self) -> list[QWidget]:
        return [self.code, self.barcode, self.name, self.unit, self.price, self.category,
                self.points, *self.member_prices]

    def enter_pressed(self) -> None:
        """Enter moves through the form and saves in its last field; in the search
        box it searches now; in the category fields it adds the category."""
        focus = self.focusWidget()
        if focus is self.search:
            self.search_timer.stop()
            self._search()
            return
        if focus in (self.category_code, self.category_name):
            if focus is self.category_code:
                self.category_name.setFocus()
            else:
                self.add_category()
            return
        fields = self._fields()
        if focus in fields:
            i = fields.index(focus)
            if i + 1 < len(fields):
                fields[i + 1].setFocus()
            else:
                self.save()

    def _draft(self) -> dict[str, Any] | None:
        price = self.read_amount(self.price, lambda: self.tr("Type the price."))
        if price is None:
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
                "member_prices": tuple(member_prices)}

    def save(self) -> None:
        fields = self._draft()
        if fields is None:
            return
        if self.editing is None:
            self.call(catalog.create_product, self.actor, catalog.ProductDraft(**fields),
                      on_done=lambda info: self._saved(info.code, info.name, True))
        else:
            self.call(edit_product, self.actor, self.editing.product.code, **fields,
                      on_done=lambda d: self._saved(d.product.code, d.product.name, False))

    def _saved(self, code: str, name: str, added: bool) -> None:
        if added:
            self.say(lambda: self.tr("{name} ({code}) is added; the counter finds it now.")
                     .format(name=name, code=code), OK)
        else:
            self.say(lambda: self.tr("{name} ({code}) is saved.").format(name=name, code=code), OK)
        self.fetch(product_detail, code, on_done=self._fill)
        self.model.reload(self.search.text())

    def toggle_active(self) -> None:
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

    def add_category(self) -> None:
        if not self.category_code.text().strip():
            self.category_code.setFocus()
            self.say(lambda: self.tr("Type a code for the category, e.g. drinks."), ERROR)
            return
        self.call(catalog.create_category, self.actor, code=self.category_code.text(),
                  name=self.category_name.text(), on_done=self._category_added)

    def _category_added(self, info: catalog.CategoryInfo) -> None:
        self.category_code.clear()
        self.category_name.clear()
        self.say(lambda: self.tr("Category {name} is added.").format(name=info.name), OK)
        self.fetch(list_categories, on_done=lambda cats: self._show_categories(cats, info.id))

    # -- state and texts ---------------------------------------------------------------------
    def update_state(self) -> None:
        self.active_button.setEnabled(self.editing is not None and not self.busy)
        self._render_form()

    def _render_form(self) -> None:
        if self.editing is None:
            self.form_heading.setText(self.tr("New product"))
            self.active_button.setText(self.tr("Stop selling"))
            return
        p = self.editing.product
        state = "" if p.active else self.tr(" (stopped)")
        self.form_heading.setText(self.tr("Edit {name} ({code})").format(name=p.name, code=p.code)
                                  + state)
        self.active_button.setText(self.tr("Sell again") if not p.active
                                   else self.tr("Stop selling"))

    def _render_count(self) -> None:
        shown = len(self.model.rows)
        if self.model.search:
            text = self.tr("{count} found").format(count=shown)
            if not shown:
                text = self.tr("Nothing found")
        elif self.model.more:
            text = self.tr("{count} shown, scroll for more").format(count=shown)
        else:
            text = self.tr("{count} products").format(count=shown)
        self.count_label.setText(text)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Products"))
        self.search_label.setText(self.tr("&Find"))
        self.search.setPlaceholderText(self.tr("code, barcode, name or pinyin initials (kkkl)"))
        for label, text in zip(self.labels, (
                self.tr("&Code"), self.tr("&Barcode"), self.tr("&Name"), self.tr("&Unit"),
                self.tr("&Price"), self.tr("Ca&tegory"), self.tr("P&oints")), strict=True):
            label.setText(text)
        self.points.setToolTip(self.tr("Points earned, in percent of normal: 0 earns none"))
        self.discountable.setText(self.tr("Tier discount applies"))
        self.barcode.setPlaceholderText(self.tr("scan or type"))
        self.unit.setPlaceholderText("件")
        for t, label in zip(self.tiers, self.member_labels, strict=True):
            label.setText(self.tr("{tier} price").format(tier=t.name))
        self.new_button.setText(self.tr("New (Ctrl+N)"))
        self.save_button.setText(self.tr("Save"))
        self.category_heading.setText(self.tr("New category"))
        self.category_code.setPlaceholderText(self.tr("code, e.g. drinks"))
        self.category_name.setPlaceholderText(self.tr("name, e.g. 饮料"))
        self.category_button.setText(self.tr("Add category"))
        self.model.retranslate()
        self._render_form()
        self._render_count()
        super().retranslate()
