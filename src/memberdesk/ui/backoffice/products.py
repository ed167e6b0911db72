"""商品 — products and categories for the owner and managers. The list is lazy
(:mod:`.product_model`: pages of 200 by code, fetched as it scrolls); the search
box finds by code, barcode, name or pinyin initials (the counter's search, stopped
products too). Pick a product to edit it in the form below, or New (Ctrl+N) for
an empty form; Enter moves through the fields and saves in the last one. A
barcode of 8, 12 or 13 digits must have its right check digit. Stop / resume
selling the picked product. A category is added with its code and name.

Excel (the member page's machinery, :mod:`.sheet_jobs`): 模板 saves the import
template (a member price column per tier); 导入 (Ctrl+I) picks a file and checks
it first (a dry run: what would be created or updated, every bad row, the error
workbook beside the file), then Enter or 确认导入 imports it; 导出 (Ctrl+E) writes
every product to one workbook that imports again. Both run on the long-job worker
with a progress bar and Cancel."""

from __future__ import annotations

from pathlib import Path
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
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
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
from memberdesk.services.product_import import ProductImportResult, import_products
from memberdesk.services.product_sheet import ProductExport, export_products, write_template
from memberdesk.services.sheet_import import ImportProgress
from memberdesk.services.tiers import TierInfo, list_tiers

from .. import fmt
from ..dialogs.base import ERROR, OK, AmountEdit, current_language, push_button
from ..tasks import TaskRunner
from ..widgets import PickerBox
from .long_jobs import LongJobs, Progress
from .page import Page
from .product_model import ProductModel
from .sheet_jobs import SheetJobs


# -- worker side -------------------------------------------------------------------------
def run_import(db: Any, actor: Any, path: Path, dry_run: bool, lang: str,
               progress: Progress) -> ProductImportResult:  # fmt: skip
    def step(p: ImportProgress) -> None:
        progress.step(p.rows_done, p.rows_total or 0)

    return import_products(db, actor, path, dry_run=dry_run, lang=lang, progress=step,
                           cancel=lambda: progress.cancelled)


def run_export(db: Any, actor: Any, path: Path, lang: str, progress: Progress) -> ProductExport:
    return export_products(db, actor, path, lang=lang, progress=progress.step,
                           cancel=lambda: progress.cancelled)


class ProductsPage(Page):
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
        # Excel
        self.template_button = push_button(self.choose_template_file)
        self.check_button = push_button(self.choose_import_file)
        self.export_button = push_button(self.choose_export_file)
        self.import_button = push_button(self.import_checked, primary=True)
        self.import_button.setObjectName("productImportButton")
        top.addSpacing(8)
        for button in (self.template_button, self.check_button, self.export_button):
            top.addWidget(button)
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
        # The form fits 1024 pixels with four tiers and the wide English labels.
        self.category.setMinimumWidth(85)
        for edit in (self.code, self.barcode, self.name, self.unit):
            edit.setMinimumWidth(70)
        self.price.setMinimumWidth(80)
        self.points = QSpinBox()
        self.points.setRange(0, 10000)
        self.points.setSuffix("%")
        self.points.setValue(100)
        self.points.setMinimumWidth(80)
        self.discountable = QCheckBox()
        self.discountable.setChecked(True)
        self.member_prices: list[AmountEdit] = []
        self.member_labels: list[QLabel] = []
        self.labels = [QLabel() for _ in range(7)]
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
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
        self.category_heading = QLabel()  # Alt+G: the keys' way to the category fields
        self.category_code = QLineEdit()
        self.category_code.setMaxLength(20)
        self.category_name = QLineEdit()
        self.category_name.setMaxLength(40)
        self.category_heading.setBuddy(self.category_code)
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
        # the import's progress and refused rows in the form's place.
        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.form_heading)
        form_layout.addLayout(self.grid)
        form_layout.addStretch(1)
        self.import_heading = QLabel()
        self.import_heading.setObjectName("sectionHeading")
        self.back_button = push_button(self.show_form)
        running = QHBoxLayout()
        running.addWidget(self.jobs.bar, 1)
        running.addWidget(self.jobs.cancel_button)
        running.addWidget(self.import_button)
        report = QWidget()
        report_layout = QVBoxLayout(report)
        report_layout.setContentsMargins(0, 0, 0, 0)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.import_heading, 1)
        heading_row.addWidget(self.back_button)
        report_layout.addLayout(heading_row)
        report_layout.addWidget(self.jobs.problems, 1)
        report_layout.addLayout(running)
        # as tall as the form: the list above keeps its room while rows are reported
        report.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.below = QStackedWidget()
        self.below.addWidget(form)
        self.below.addWidget(report)
        self.body.addLayout(top)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.below)
        self.body.addLayout(buttons)
        self.body.addWidget(self.category_row)
        for key, slot in (("Ctrl+N", self.new_product), ("Ctrl+I", self.choose_import_file),
                          ("Ctrl+E", self.choose_export_file)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
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
        self.jobs.fetch_folder()
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
            edit.setMinimumWidth(80)
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
        self.show_form()
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
        self.show_form()
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

    # -- Excel: template, import (a check first), export -------------------------------------
    @property
    def running(self) -> bool:
        return self.jobs.running

    def show_form(self) -> None:
        if not self.running:
            self.below.setCurrentIndex(0)
            self.category_row.show()

    def show_report(self) -> None:
        """The import's rows in the form's place; the category row makes room too."""
        self.below.setCurrentIndex(1)
        self.category_row.hide()

    def choose_template_file(self) -> None:
        name = self.tr("product import template") + ".xlsx"
        path = self.jobs.save_name(self.tr("Save the import template as"), name)
        if path is not None:
            self.save_template_to(path)

    def save_template_to(self, path: Path) -> None:
        self.call(write_template, path, current_language(),
                  on_done=lambda written: self.say(lambda: self.tr(
                      "Template saved: {path}\nFill in one product per row, then import it "
                      "(it is checked first).").format(path=written), OK))

    def choose_import_file(self) -> None:
        if self.running:
            return
        path = self.jobs.open_name(self.tr("Import which product list?"))
        if path is not None:
            self.check_file(path)

    def check_file(self, path: Path) -> None:
        """The dry run: nothing is written except the error workbook."""
        if self.running:
            return
        self.checked = None
        self.show_report()
        self.jobs.check(run_import, self.actor, path, self._checked)

    def _checked(self, result: ProductImportResult) -> None:
        self.checked = result
        self.jobs.show_problems(result)
        if result.written:
            self.say(lambda: self.jobs.summary(result) + "\n" + self.tr(
                "Nothing is written yet: press Enter or \"Import\" to import."), OK)
        else:
            self.say(lambda: self.jobs.summary(result) + "\n" + self.tr(
                "There is nothing to import."), ERROR if result.failed else OK)
        self._focus_import = bool(result.written)  # once the job has ended

    def import_checked(self) -> None:
        result = self.checked
        if result is None or self.running or not result.written:
            return
        self.imported = None
        self.show_report()
        self.jobs.start(run_import, self.actor, result.file, False, current_language(),
                        on_done=self._imported,
                        text=lambda: self.tr("Importing {file}… the counter may wait a moment "
                                             "between batches.").format(file=result.file.name))

    def _imported(self, result: ProductImportResult) -> None:
        self.imported = result
        self.checked = None
        self.jobs.show_problems(result)
        self.say(lambda: self.jobs.summary(result), OK)
        self.model.reload(self.search.text())
        self.fetch(list_categories, on_done=self._show_categories)
        self.search.setFocus()
        self._back_to_form = not result.failed

    def choose_export_file(self) -> None:
        if self.running:
            return
        name = self.tr("products {day}").format(day=fmt.shop_today().isoformat()) + ".xlsx"
        path = self.jobs.save_name(self.tr("Export the products to"), name)
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        if self.running:
            return
        self.exported = None
        self.show_report()
        self.jobs.start(run_export, self.actor, path, current_language(),
                        on_done=self._exported,
                        text=lambda: self.tr("Exporting the products to {file}…").format(
                            file=path.name))

    def _exported(self, result: ProductExport) -> None:
        self.exported = result
        self._back_to_form = True
        self.say(lambda: self.tr("Exported {count} products to {path}.").format(
            count=result.rows, path=result.path), OK)

    # -- state and texts ---------------------------------------------------------------------
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
        self.discountable.setText(self.tr("Tier discount"))
        self.discountable.setToolTip(self.tr("Tier discount applies"))
        self.barcode.setPlaceholderText(self.tr("scan or type"))
        self.unit.setPlaceholderText("件")
        for t, label in zip(self.tiers, self.member_labels, strict=True):
            label.setText(t.name)  # in the row of member prices; 1024 pixels are few
            label.setToolTip(self.tr("{tier} price").format(tier=t.name))
        self.new_button.setText(self.tr("New (Ctrl+N)"))
        self.save_button.setText(self.tr("Save"))
        self.category_heading.setText(self.tr("New cate&gory"))
        self.category_code.setPlaceholderText(self.tr("code, e.g. drinks"))
        self.category_name.setPlaceholderText(self.tr("name, e.g. 饮料"))
        self.category_button.setText(self.tr("Add category"))
        self.template_button.setText(self.tr("Template…"))
        self.template_button.setToolTip(self.tr("Save the Excel import template"))
        self.check_button.setText(self.tr("Import…"))
        self.check_button.setToolTip(self.tr("Import products from Excel (Ctrl+I): the file is "
                                             "checked first"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export every product to Excel (Ctrl+E)"))
        self.import_button.setText(self.tr("Import"))
        self.import_heading.setText(self.tr("Import from Excel"))
        self.back_button.setText(self.tr("Back to the form"))
        self.jobs.retranslate()
        self.model.retranslate()
        self._render_form()
        self._render_count()
        super().retranslate()
