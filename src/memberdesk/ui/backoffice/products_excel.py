"""商品's Excel part (a mixin of :class:`.products.ProductsPage`), on the member
page's machinery (:mod:`.sheet_jobs`): 模板 saves the import template (a member price
column per tier); 导入 (Ctrl+I) picks a file and checks it first (a dry run: what
would be created or updated, every bad row, the error workbook beside the file), then
Enter or 确认导入 imports it; 导出 (Ctrl+E) writes every product to one workbook that
imports again. Both run on the long-job worker with a progress bar and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
)

from memberdesk.services.catalog.admin import (
    list_categories,
)
from memberdesk.services.catalog.importer import ProductImportResult, import_products
from memberdesk.services.catalog.sheet import ProductExport, export_products, write_template
from memberdesk.services.sheets.importer import ImportProgress
from memberdesk.ui.common import fmt

from ..dialogs.base import ERROR, OK, current_language
from .long_jobs import Progress
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


class Plurals(QObject):
    """A count's words for the mixin below: a mixin's ``self.tr`` looks a plural up
    in the page's context (Qt answers it there, untranslated)."""

    def exported(self, rows: int) -> str:
        return self.tr("Exported %n product(s) to {path}.", "", rows)


class ProductSheets(Page):
    """The page's Excel buttons and the import's report in the form's place."""

    jobs: SheetJobs
    model: ProductModel
    search: QLineEdit
    below: QStackedWidget
    checked: ProductImportResult | None
    imported: ProductImportResult | None
    exported: ProductExport | None
    template_button: QPushButton
    check_button: QPushButton
    export_button: QPushButton
    import_button: QPushButton
    back_button: QPushButton
    import_heading: QLabel
    _focus_import: bool
    _back_to_form: bool
    _show_categories: Callable[..., None]  # the page's: the category picker
    set_form_open: Callable[[bool], None]  # the form's: its fields shown or hidden

    @property
    def running(self) -> bool:
        return self.jobs.running

    def show_form(self) -> None:
        if not self.running:
            self.below.setCurrentIndex(0)

    def show_report(self) -> None:
        """The import's rows in the form's place (as tall as the open form)."""
        self.set_form_open(True)
        self.below.setCurrentIndex(1)

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
        self.say(lambda: Plurals().exported(result.rows).format(path=result.path), OK)

    def _retranslate_excel(self) -> None:
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
