"""商品's unsaved changes (a mixin of :class:`.products.ProductsPage`): the form
knows the values it was loaded with (a product's, or a new product's blank form)
and is *unsaved* while what it shows differs from them (a change typed back to the
original is not one). Whatever would replace the form — another row of the list, a
search that would take the edited product out of the list (one that keeps it, or
the search cleared, does not ask: the product stays selected, its typing kept), New,
stop / resume selling, another back-office page, the back office closed — goes
through :meth:`UnsavedForm.leave_form`, the one place that asks "保存更改 / 不保存 /
取消" and names the product:

* Save (Enter) is the form's own save (its checks too): once saved the owner goes
  on; if the save fails the error shows and the form stays, typing kept.
* Discard drops the typing (the form as loaded) and goes on.
* Cancel (Esc) stays: the form as typed, the list's current row (or the search
  box) put back as it was."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from memberdesk.services.catalog.admin import (
    ProductDetail,
    ProductPage,
    list_products,
    product_detail,
)
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP

from .products_form import ProductForm

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
# The question's words in a context of their own: tr() looks a text up along the
# page's classes, and a "Save" here would have renamed the form's own Save button.
CONTEXT = "UnsavedProduct"
TITLE = QT_TRANSLATE_NOOP("UnsavedProduct", "Unsaved changes")
TEXT = QT_TRANSLATE_NOOP("UnsavedProduct", "Product “{name}” has unsaved changes.")
MORE = QT_TRANSLATE_NOOP("UnsavedProduct",
                         "Save them before going on? Cancel goes back to the form, as typed.")
SAVE_BUTTON = QT_TRANSLATE_NOOP("UnsavedProduct", "Save")
DISCARD_BUTTON = QT_TRANSLATE_NOOP("UnsavedProduct", "Discard")
CANCEL_BUTTON = QT_TRANSLATE_NOOP("UnsavedProduct", "Cancel")
NEW_PRODUCT = QT_TRANSLATE_NOOP("UnsavedProduct", "new product")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _amount(edit: Any) -> object:
    """An amount field's value: its fen when it reads as an amount ("3.5" is "3.50"),
    else its text."""
    amount = edit.amount_or_none()
    return amount.fen if amount is not None else edit.text().strip()


class Question(QMessageBox):
    """The question, placed by :attr:`place` once shown at its size, and again whenever
    one of :attr:`follows` (the list's viewport, the window) is resized or moved while
    it is up: a message line under the list that comes or goes moves the rows after the
    box was placed."""

    place: Callable[[QMessageBox], None] | None = None
    follows: tuple[QWidget, ...] = ()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # sizes the box to its texts
        if self.place is not None:
            self.place(self)
            for widget in self.follows:
                widget.installEventFilter(self)

    def hideEvent(self, event: QHideEvent) -> None:
        for widget in self.follows:
            widget.removeEventFilter(self)
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched in self.follows and self.place is not None
                and event.type() in (QEvent.Type.Resize, QEvent.Type.Move)):
            self.place(self)
        return super().eventFilter(watched, event)


class UnsavedForm(ProductForm):
    _clean: dict[str, object] | None = None  # the values the form was loaded with
    _after_save: tuple[Callable[[], None], Callable[[], None]] | None = None
    _target: str | None = None  # a product the list goes to once it has loaded
    _quiet = False  # the list's row put back: not a pick
    _asking = False
    _row_question = False  # a row change's question is on its way
    _probe = 0  # the last search run: an earlier one's matches are not acted on

    # -- what the form shows -----------------------------------------------------------------
    def _values(self) -> dict[str, object]:
        values: dict[str, object] = {
            "code": self.code.text().strip(), "barcode": self.barcode.text().strip(),
            "name": self.name.text().strip(), "unit": self.unit.text().strip(),
            "price": _amount(self.price), "cost": _amount(self.cost),
            "category": self.category.currentData(), "points": self.points.value(),
            "discountable": self.discountable.isChecked()}
        for t, edit in zip(self.tiers, self.member_prices, strict=True):
            if edit.text().strip():  # a tier's field added later, empty, changes nothing
                values[f"tier {t.id}"] = _amount(edit)
        return values

    def _mark_clean(self) -> None:
        """The form as loaded (or saved): no other product wanted from now on."""
        self._clean = self._values()
        self._target = None

    def unsaved(self) -> bool:
        """Typing in the form that saving would keep and leaving would lose."""
        if self._clean is None or (self.editing is None and not self.creating):
            return False
        return self._values() != self._clean

    def _first_changed(self) -> QWidget:
        now, clean = self._values(), self._clean or {}
        fields: dict[str, QWidget] = {
            "code": self.code, "barcode": self.barcode, "name": self.name, "unit": self.unit,
            "price": self.price, "cost": self.cost, "category": self.category,
            "points": self.points, "discountable": self.discountable}
        for t, edit in zip(self.tiers, self.member_prices, strict=True):
            fields[f"tier {t.id}"] = edit
        changed = [k for k in fields if now.get(k) != clean.get(k)]
        return fields[changed[0]] if changed else self.name

    # -- the question ----------------------------------------------------------------------
    def _product_name(self) -> str:
        if self.editing is not None:
            return self.editing.product.name
        return self.name.text().strip() or self.code.text().strip() or _t(NEW_PRODUCT)

    def _ask(self) -> str:
        """Save / Discard / Cancel: Enter saves, Esc cancels."""
        box = Question(QMessageBox.Icon.Question, _t(TITLE),
                       _t(TEXT).format(name=self._product_name()),
                       QMessageBox.StandardButton.NoButton, self)
        box.place = self._place_question  # once it has its size: when shown
        box.follows = (self.table.viewport(), self.window())
        box.setObjectName("unsavedProduct")
        box.setInformativeText(_t(MORE))
        role = QMessageBox.ButtonRole
        save = box.addButton(_t(SAVE_BUTTON), role.AcceptRole)
        save.setObjectName("unsavedSave")
        discard = box.addButton(_t(DISCARD_BUTTON), role.DestructiveRole)
        discard.setObjectName("unsavedDiscard")
        cancel = box.addButton(_t(CANCEL_BUTTON), role.RejectRole)
        cancel.setObjectName("unsavedCancel")
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL

    def _place_question(self, box: QMessageBox) -> None:
        """The question below the list, over the form: the product's row stays in sight
        (a blind trial at 1024x768: centred on the window, it hid the list's rows). If
        the window is too short below the list, just below (or above) the row."""
        size, window = box.frameGeometry().size(), self.window().geometry()
        view = self.table.viewport()
        bottom = view.mapToGlobal(view.rect().bottomLeft()).y()
        row = self.table.visualRect(self.table.currentIndex())
        row_top = view.mapToGlobal(row.topLeft()).y()
        y = bottom + 8
        if y + size.height() > window.bottom() and row.isValid():
            y = row_top + row.height() + 4  # the row in sight just above it
            if y + size.height() > window.bottom():
                y = row_top - size.height() - 4
        x = window.x() + (window.width() - size.width()) // 2
        box.move(max(window.x(), x), max(window.y(), y))

    def leave_form(self, go: Callable[[], None], stay: Callable[[], None]) -> None:
        """``go`` at once if the form has nothing unsaved; else ask once: Save, then
        ``go`` once saved (``stay`` if the save fails); Discard, then ``go``; Cancel:
        ``stay``, the cursor back in the form."""
        if not self.unsaved():
            go()
            return
        if self._asking or self._after_save is not None:
            stay()  # a question open, or a save on its way: one at a time
            return
        self._asking = True
        try:
            answer = self._ask()
        finally:
            self._asking = False
        if answer == SAVE:
            self._after_save = (go, stay)
            self.save()
        elif answer == DISCARD:
            self._discard()
            go()
        else:
            stay()
            self._focus_form()

    def leave(self, go: Callable[[], None]) -> None:
        """Another page or the window closed (:class:`.window.BackOffice`)."""
        self.leave_form(go, self._focus_form)

    def _focus_form(self) -> None:
        if not self.form_open:
            self.set_form_open(True)
        self.window().activateWindow()  # the question had it: the keys work at once
        self._first_changed().setFocus()

    def _discard(self) -> None:
        if self.editing is not None:
            self._fill(self.editing)
        else:
            self._clear_fields()
            self._mark_clean()

    # -- after a save ------------------------------------------------------------------------
    def _save_failed(self) -> None:
        pending, self._after_save = self._after_save, None
        if pending is not None:
            pending[1]()

    def _go_on_after_save(self) -> None:
        pending, self._after_save = self._after_save, None
        if pending is not None:
            pending[0]()

    def _fill_saved(self, detail: ProductDetail) -> None:
        """The saved product back in the form, unless the owner went to another."""
        if self._target is None:
            self._fill(detail)

    # -- the list's routes -------------------------------------------------------------------
    def _ask_for_row(self) -> None:
        """Another row became the list's current one while the form was unsaved
        (asked on the next turn of the event loop, not inside the click)."""
        self._row_question = False
        found = self.model.row(self.table.currentIndex().row())
        if found is None or (self.editing is not None
                             and self.editing.product.code == found.product.code):
            return  # back on the edited product meanwhile
        code = found.product.code
        # While the question is up the list shows the product being edited (the one
        # the question names); the row clicked becomes current once the form lets go.
        self._stay_on_row()
        self.leave_form(lambda: self._go_to(code), self._stay_on_row)

    def _go_to(self, code: str) -> None:
        """The list's current row and the form on ``code``'s product: now, or (a list
        on its way after a save) once the list has it selected."""
        self._target = code
        if not self.model.loading and not self._select_editing():
            self.fetch(product_detail, code, on_done=self._picked)

    def _stay_on_row(self) -> None:
        """The list's current row back to the edited product (none for a new one)."""
        self._target = None
        self._quiet = True
        try:
            if not self._select_editing():
                self.table.clearSelection()
                self.table.selectionModel().clearCurrentIndex()
        finally:
            self._quiet = False

    def _search_for(self, text: str) -> None:
        """A new search. It asks only if it would take the edited product out of the
        list: not for the whole list (the search cleared: the product is in it, found
        and selected), nor for a new product's typing (no list has it; its form stays),
        nor when the search's matches (found first, on the worker) hold the product."""
        editing = self.editing
        self._probe += 1
        if not self.unsaved() or editing is None or not text.strip():
            self.model.reload(text)
            return
        probe, code = self._probe, editing.product.code
        self.fetch(partial(list_products, search=text),
                   on_done=lambda found: self._probed(probe, code, found))

    def _probed(self, probe: int, code: str, found: ProductPage) -> None:
        """The matches of the search asked for (if it is still the last one)."""
        if probe != self._probe:
            return  # a newer search (or the same one run again) decides
        stays = any(r.product.code == code for r in found.rows)
        if stays and self.editing is not None and self.editing.product.code == code:
            self.model.reload(self.search.text())  # the product and its typing stay
        else:
            self.leave_form(lambda: self.model.reload(self.search.text()),
                            self._stay_in_search)

    def _stay_in_search(self) -> None:
        """The search box back to the list's search (the list did not change)."""
        self.search_timer.stop()
        self.search.blockSignals(True)
        self.search.setText(self.model.search)
        self.search.blockSignals(False)

    # the page's
    search_timer: QTimer
    _picked: Callable[[ProductDetail], None]
    _select_editing: Callable[[], bool]
