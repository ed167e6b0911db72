"""商品 — products and categories for the owner and managers. The list is lazy
(:mod:`.product_model`: pages of 200 by code, fetched as it scrolls); the search
box finds by code, barcode, name or pinyin initials (the counter's search, stopped
products too). The form below follows the list's current row (after a search its
first match; nothing found: no product, "choose one"; a search cleared: the product
being edited, selected and in view); its fields hide so the list
has the page's height (a dozen rows at 1024x768) and show with F2, Enter or a double
click on a row, or New (Ctrl+N) for an empty form; the product count sits beside the
page's heading. Enter moves through the fields and saves in the last one. A
barcode of 8, 12 or 13 digits must have its right check digit. Stop / resume
selling the picked product. A category is added with its code and name ("+" beside
the category, or Alt+G, shows the row that adds one).

The form: :mod:`.products_form`; its place under the list (8 rows of the list at
1366x768 with it open, 5 at 1024x768): :mod:`.products_layout`; Excel (template,
import, export): :mod:`.products_excel`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from memberdesk.services.catalog import products as catalog
from memberdesk.services.catalog.admin import (
    ProductDetail,
    list_categories,
    product_detail,
)
from memberdesk.services.catalog.importer import ProductImportResult
from memberdesk.services.catalog.sheet import ProductExport
from memberdesk.services.loyalty.tiers import TierInfo, list_tiers
from memberdesk.ui.common.column_fit import TITLE_FLOOR, fit_columns
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, push_button
from .long_jobs import LongJobs
from .product_model import ProductModel
from .products_excel import ProductSheets
from .products_layout import CurrentInView, arrange, build_below
from .products_unsaved import UnsavedForm
from .sheet_jobs import SheetJobs


class ProductsPage(UnsavedForm, ProductSheets):
    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "productsPage", parent)
        self.long_jobs = long_jobs
        self.jobs = SheetJobs(self, long_jobs, "productJobProgress")
        self.jobs.changed.connect(self.update_state)
        self.checked: ProductImportResult | None = None  # the last dry run, ready to import
        self.imported: ProductImportResult | None = None
        self.exported: ProductExport | None = None
        self._focus_import = False
        self._back_to_form = False
        self.editing: ProductDetail | None = None
        self.creating = True  # until the list has loaded: a new shop's first product
        self.form_open = True
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
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the form (F2 edit)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # the name and the category give way (elided, whole in the tool tip), the name
        # takes the room left; a code, a barcode, a price are never cut (the samples keep
        # the widths as more rows load: a 13-digit barcode, a price to 999.99; a cost is
        # below its price: its title's width holds it, and gives the name 12 px at 1024)
        self.fit = fit_columns(self.table, elastic=(2, 6), spare=(2,), samples={
            0: "00000", 1: "6901234567892", 3: "件", 4: "999.00"})
        # Titles with 3 px of padding a side, not 6: at 1024x768 in English the 18 px
        # that Unit, Cost and Category give let "Category" and a name show whole.
        self.table.horizontalHeader().setStyleSheet("QHeaderView::section { padding: 6px 3px; }")
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._pick(cur.row()))
        self.in_view = CurrentInView(self.table)
        self.table.doubleClicked.connect(lambda _i: self.edit_picked())
        top = QHBoxLayout()
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        # the count beside the page's heading: the search box keeps its room at 1024
        self.count_label.setObjectName("productCount")
        self.heading_row.addWidget(self.count_label)
        # Excel
        self.template_button = push_button(self.choose_template_file)
        self.check_button = push_button(self.choose_import_file)
        self.export_button = push_button(self.choose_export_file)
        self.import_button = push_button(self.import_checked, primary=True)
        self.import_button.setObjectName("productImportButton")
        top.addSpacing(8)
        for button in (self.template_button, self.check_button, self.export_button):
            top.addWidget(button)
        buttons = self._build_form()
        # categories
        self.category_heading = QLabel()  # Alt+G (a shortcut: the row may be hidden)
        self.category_code = QLineEdit()
        self.category_code.setMaxLength(20)
        self.category_name = QLineEdit()
        self.category_name.setMaxLength(40)
        self.category_button = push_button(self.add_category)
        self.category_row = QWidget()
        cats = QHBoxLayout(self.category_row)
        cats.setContentsMargins(0, 0, 0, 0)
        cats.addWidget(self.category_heading)
        cats.addWidget(self.category_code)
        cats.addWidget(self.category_name, 1)
        cats.addWidget(self.category_button)
        self._busy_buttons += [self.save_button, self.active_button, self.category_button]
        # Below the list: the form, or (while an import is checked, run or reported)
        # the import's progress and refused rows in the form's place. The form's fields,
        # buttons and the category row hide (F2) and the list takes their room.
        self.back_button = push_button(self.show_form)
        self.below = build_below(self, buttons)
        self.body.addLayout(top)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.below)
        for key, slot in (("Ctrl+N", self.new_product), ("Ctrl+I", self.choose_import_file),
                          ("Ctrl+E", self.choose_export_file), ("F2", self.toggle_form),
                          ("Alt+G", self.open_category_row)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
        self._loaded_once = False
        self._loaded_rows = False  # the first list: the form hides when it has rows
        self.update_state()
        self.retranslate()

    def activated(self) -> None:
        if not self._loaded_once:
            self._loaded_once = True
            self.creating = False  # the list's first row, once it is there
            self.set_form_open(False)  # the list first; a new shop's empty list opens it
            self.fetch(list_tiers, on_done=self._show_tiers)
            self.fetch(list_categories, on_done=self._show_categories)
            self.model.reload()
        self.jobs.fetch_folder()
        self.search.setFocus()

    def _search(self) -> None:
        """The search run (Enter, or its timer after typing or clearing): an unsaved
        form asks first if the new list would not have the edited product (Cancel:
        the search box as it was, the list unchanged): products_unsaved."""
        text = self.search.text()
        if text.strip() == self.model.search:
            self.model.reload(text)  # the same list again: the edited product stays
            return
        self._search_for(text)

    def _loaded(self) -> None:
        """A page of the list came: after a new list (a search, a reload, a search
        cleared) the form follows it: the product being edited if it is there (the
        pages through its own fetched in one read, however far down the list it is;
        selected and scrolled into view), else
        the first row, else (nothing found) no product; a new product being typed stays."""
        first = not self._loaded_rows
        self._loaded_rows = True
        self._render_count()
        if first and not self.model.rows and not self.model.search:
            self.set_form_open(True)  # a new shop: the form is where products come from
        if self.table.currentIndex().isValid():
            return  # the next page of the same list
        saved, self._saved_code = self._saved_code, None
        if self._select_editing() or self.creating:
            return
        if saved is not None and saved == self._wanted() and self.model.search:
            self.search.blockSignals(True)  # saved out of the search: the whole list, to
            self.search.clear()  # show it (it vanished, the first match took the form)
            self.search.blockSignals(False)
            self.model.reload()
            return
        wanted = self._wanted()
        if wanted is not None and self.model.fetch_through(wanted):
            return  # the edited product further down: the pages through its own, at once
        if self.model.rows:
            self.table.selectRow(0)
        elif self.model.search:
            self.choose_nothing()
        else:
            self._new_form()  # a new shop: its first product

    def _wanted(self) -> str | None:
        """The product the list should show as its current row: one the owner went
        to (after the question's Save, the list reloaded) or the edited one."""
        if self._target is not None:
            return self._target
        return None if self.editing is None else self.editing.product.code

    def _select_editing(self) -> bool:
        """The edited product's row selected and in view, if the list has it."""
        wanted = self._wanted()
        if wanted is None:
            return False
        for i, row in enumerate(self.model.rows):
            if row.product.code == wanted:
                self.table.selectRow(i)
                self.table.scrollTo(self.model.index(i, 0),
                                    QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        return False

    def edit_picked(self) -> None:
        """Enter or a double click in the list: the picked product's form, open."""
        if self.model.row(self.table.currentIndex().row()) is not None and not self.running:
            self.set_form_open(True)
            if self.name.isEnabled():
                self.name.setFocus()

    def reload_tiers(self) -> None:
        """The tiers changed (the rules page): a member-price field per active tier."""
        if self._loaded_once:
            self.fetch(list_tiers, on_done=self._show_tiers)

    def _show_categories(self, categories: list[catalog.CategoryInfo],
                         select: int | None = None) -> None:
        keep = select if select is not None else self.category.currentData()
        self.category.clear()
        self.category.addItem("—", None)
        for c in categories:
            self.category.addItem(c.name, c.id)
        self.category.setCurrentIndex(max(0, self.category.findData(keep)))

    def _pick(self, row: int) -> None:
        """The list's current row changed (a click, the keys, a new list's first row):
        its product in the form; an unsaved form asks first (products_unsaved)."""
        found = self.model.row(row)
        if self._quiet or found is None or (self.editing is not None
                                            and self.editing.product.code == found.product.code):
            return
        if self.unsaved():
            if not self._row_question:
                self._row_question = True
                QTimer.singleShot(0, self._ask_for_row)
            return
        self.fetch(product_detail, found.product.code, on_done=self._picked)

    def _picked(self, detail: ProductDetail) -> None:
        """A picked row's product, in the form if its row is still the list's current
        one (a search cleared meanwhile may have picked another)."""
        current = self.model.row(self.table.currentIndex().row())
        if current is not None and current.product.code == detail.product.code:
            self._fill(detail)

    def enter_pressed(self) -> None:
        """Enter moves through the form and saves in its last field; in the search
        box it searches now; in the category fields it adds the category."""
        focus = self.focusWidget()
        if focus is self.table:
            self.edit_picked()
            return
        if focus is self.import_button:
            self.import_checked()
            return
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        arrange(self)
        super().resizeEvent(event)

    def toggle_category_row(self) -> None:
        """"+" beside the category: the row that adds one, shown or hidden."""
        if self.category_row.isVisible():
            self.category_row.hide()
            self.category.setFocus()
        else:
            self.open_category_row()

    def open_category_row(self) -> None:
        """Alt+G: the form and the row that adds a category, the cursor in its code."""
        if self.running:
            return
        self.set_form_open(True)
        self.category_row.show()
        self.category_code.setFocus()

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
        if self.category_row.isVisible():  # added: the row goes, the picker has it
            self.category_row.hide()
            self.category.setFocus()
        self.say(lambda: self.tr("Category {name} is added.").format(name=info.name), OK)
        # Chosen for a new product (added for it); a product being edited keeps its own.
        chosen = info.id if self.editing is None else self.category.currentData()
        self.fetch(list_categories, on_done=lambda cats: self._categories_after_add(cats, chosen))

    def _categories_after_add(self, categories: list[catalog.CategoryInfo],
                              chosen: int | None) -> None:
        """The picker with the new category; chosen for a new product, it is no typing
        of the owner's (New or another row does not ask about it)."""
        clean = not self.unsaved()
        self._show_categories(categories, chosen)
        if clean:
            self._mark_clean()

    def update_state(self) -> None:
        self.active_button.setEnabled(self.editing is not None and not self.busy)
        idle = not self.running
        for button in (self.template_button, self.check_button, self.export_button):
            button.setEnabled(idle)
        ready = idle and self.checked is not None and self.checked.written > 0
        self.import_button.setEnabled(ready)
        self.import_button.setVisible(ready)
        self.back_button.setEnabled(idle)
        if idle and self._back_to_form:
            self._back_to_form = False
            self.show_form()
        if ready and self._focus_import:
            self._focus_import = False
            self.import_button.setFocus()  # Enter imports what was checked
        self.jobs.update_state()
        self._render_form()

    def _render_count(self) -> None:
        shown = len(self.model.rows)
        if self.model.search:
            text = self.tr("{count} found").format(count=shown)
            if not shown:
                text = self.tr("Nothing found")
        elif self.model.more:
            text = self.tr("{count} shown, scroll for more").format(count=shown)
        elif not shown:  # a new shop: say where products come from
            text = self.tr("None yet: add below, or Import…")
        else:
            text = self.tr("%n product(s)", "", shown)
        self.count_label.setText(text)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Products"))
        self.search_label.setText(self.tr("&Find"))
        self.search.setPlaceholderText(self.tr("code, barcode, name…"))
        self.search.setToolTip(self.tr("Finds by code, barcode, name or pinyin initials (kkkl for "
                                       "康师傅矿泉水), stopped products too"))
        self._retranslate_form()
        self.category_heading.setText(self.tr("New category"))
        self.category_code.setPlaceholderText(self.tr("code, e.g. drinks"))
        self.category_name.setPlaceholderText(self.tr("name, e.g. 饮料"))
        self.category_button.setText(self.tr("Add category"))
        self._retranslate_excel()
        self.jobs.retranslate()
        self.model.retranslate()
        # The category's title whole ("Category" was "Cate…" at 1024): the titles and
        # the name give way down to it, no further.
        title = self.table.horizontalHeader().sectionSizeHint(6)
        self.fit.title_floor = self.fit.elastic_floor = max(TITLE_FLOOR, title)
        self.fit.schedule()
        arrange(self)  # the fields' widths in the language's font
        self._render_form()
        self._render_count()
        super().retranslate()
