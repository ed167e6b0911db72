"""设置 — the shop settings, section by section (门店, 收银, 储值, 积分, 员工, 读卡器,
备份, 打印机), each with its label, an editor fitting its kind (yuan for amounts, a
number box with the allowed range, a tick box, a pick list, a text field), its
default and its help. Labels, help, ranges and choices come from the one catalogue
(:mod:`memberdesk.services.shared.setting_specs`), as ``memberdesk settings`` shows them.

The 门店 section starts with the shop's name, address and phone as the receipts print
them, beside a preview of the next receipt (:mod:`.shop_details`).

Save (Ctrl+S or Enter) sends only the values that differ from what was loaded, in
one service call (one transaction, one audit row; the shop's details, when changed,
in one before). Only the owner changes settings;
a manager sees them read-only (the service checks again)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from memberdesk.services.shared.setting_specs import SECTIONS
from memberdesk.services.shared.setting_text import display
from memberdesk.services.shared.settings import SettingsSheet, change_settings, list_settings
from memberdesk.services.shop.details import change_shop_details
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, current_language, push_button
from .page import Page
from .settings_editors import Editor, _editor_for, _read, _write
from .shop_details import ShopDetailsBox
from .time_zones import TIME_ZONE_KEY, render_texts

NOTES_BESIDE_FROM = 900  # the form's width from which help sits beside its field
TEXT_WIDTH = 360  # a text field's ("Thank you, please come again!" whole)
CHOICE_WIDTH = 420  # a choice's at most: its longest whole ("UTC+8 北京时间（中国）", en too)


class SettingsPage(Page):
    saved = Signal(object)  # the settings after the change (dict)

    def __init__(self, runner: TaskRunner, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "settingsPage", parent)
        self.sheet: SettingsSheet | None = None
        self.editors: dict[str, Editor] = {}
        self.labels: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        self.section_heads: dict[str, QLabel] = {}
        self.note_rows: dict[str, int] = {}  # the grid row of each setting
        self.notes_beside: bool | None = None
        self.grid: QGridLayout | None = None
        self.read_only_note = QLabel()
        self.read_only_note.setWordWrap(True)
        self.read_only_note.hide()
        self.form = QWidget()
        self.form.setObjectName("settingsForm")
        self.form_layout = QVBoxLayout(self.form)
        self.form_layout.setContentsMargins(4, 0, 16, 8)
        self.form_layout.setSpacing(6)
        self.shop_box = ShopDetailsBox()  # under the 门店 heading (_build)
        self.scroller = QScrollArea()
        self.scroller.setObjectName("settingsScroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.form)
        self.save_button = push_button(self.save, primary=True)
        self.save_button.setEnabled(False)
        save_action = QAction(self)
        save_action.setShortcut(QKeySequence("Ctrl+S"))
        save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_action.triggered.connect(self.save)
        self.addAction(save_action)
        # Test print (Ctrl+T): the printer as typed here, before saving (ui/printer_jobs).
        self.test_print_button = push_button(self.test_print)
        self.test_print_button.setObjectName("testPrintButton")
        test_action = QAction(self)
        test_action.setShortcut(QKeySequence("Ctrl+T"))
        test_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        test_action.triggered.connect(self.test_print)
        self.addAction(test_action)
        self.find_printers_button = push_button(self.find_printers)
        self.find_printers_button.setObjectName("findPrintersButton")
        find_action = QAction(self)
        find_action.setShortcut(QKeySequence("Ctrl+L"))  # not Ctrl+D: a text field deletes with it
        find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find_action.triggered.connect(self.find_printers)
        self.addAction(find_action)
        self.printer_pick: QWidget | None = None
        self._busy_buttons += [self.test_print_button, self.find_printers_button]
        # the buttons beside the heading: the form has the page's height (issue 11)
        self.heading_row.addWidget(self.read_only_note, 1)
        for button in (self.find_printers_button, self.test_print_button, self.save_button):
            self.heading_row.addWidget(button)
        self._busy_buttons.append(self.save_button)
        self.body.addWidget(self.scroller, 1)
        self.retranslate()

    # -- loading -------------------------------------------------------------------------
    def activated(self) -> None:
        if not self.busy:
            self.refresh()

    def refresh(self) -> None:
        self.call(list_settings, self.actor, on_done=self._show)

    def _show(self, sheet: SettingsSheet) -> None:
        if not self.editors:
            self._build(sheet)
        self.sheet = sheet
        for item in sheet.items:
            editor = self.editors[item.key]
            _write(editor, item.value)
            editor.setEnabled(sheet.may_change)
        self.save_button.setVisible(sheet.may_change)
        self.read_only_note.setVisible(not sheet.may_change)
        self.update_state()
        self._render_texts()
        self.shop_box.set_paper(sheet.item("receipt.paper_mm").value)
        self.call(ShopDetailsBox.load, self.actor, on_done=self.shop_box.show_details)

    def _build(self, sheet: SettingsSheet) -> None:
        """One grid for every section, so labels and editors line up down the page."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(2, 1)
        row = 0  # two rows a setting: its help beside its field, or under it
        for item in sheet.items:
            section = item.spec.section
            if section not in self.section_heads:
                head = QLabel()
                head.setObjectName("sectionHeading")
                head.setProperty("panelTitle", True)
                self.section_heads[section] = head
                grid.addWidget(head, row, 0, 1, 3)
                row += 1
                if section == "shop":
                    grid.addWidget(self.shop_box, row, 0, 1, 3)
                    row += 1
            label, editor, note = QLabel(), _editor_for(item.key, item.spec), QLabel()
            editor.setObjectName(f"setting:{item.key}")
            text = type(editor) is QLineEdit  # a footer, a printer's address: whole
            editor.setMinimumWidth(TEXT_WIDTH if text else 150)
            if isinstance(editor, PickerBox):  # its longest choice whole (实付（不含积分抵扣）)
                editor.setSizeAdjustPolicy(PickerBox.SizeAdjustPolicy.AdjustToContents)
            editor.setMaximumWidth(TEXT_WIDTH if text else CHOICE_WIDTH if isinstance(
                editor, PickerBox) else 240)
            label.setBuddy(editor)
            # Labels and help wrap, so the three columns fit the page's width (the
            # scroller never scrolls sideways: at 1024 the English help was cut off).
            label.setWordWrap(True)
            label.setMaximumWidth(240)
            label.setMinimumWidth(170)
            note.setWordWrap(True)
            note.setMinimumWidth(180)
            note.setProperty("figureDetail", True)
            grid.addWidget(label, row, 0)
            grid.addWidget(editor, row, 1)
            grid.addWidget(note, row, 2)  # or under the editor (_place_notes): row + 1
            self.note_rows[item.key] = row
            row += 2
            self.labels[item.key], self.editors[item.key], self.notes[item.key] = (
                label, editor, note)
        self.grid = grid
        self.form_layout.addLayout(grid)
        self.form_layout.addStretch(1)
        self._place_notes(self.scroller.viewport().width())

    def _place_notes(self, width: int) -> None:
        """Each help text beside its field where the form is wide (1366), else under it,
        as wide as the field's and the help's columns (at 1024 a column beside it was
        215 px: five lines a help, the form ten thousand pixels long)."""
        beside = width >= NOTES_BESIDE_FROM
        if beside == self.notes_beside or self.grid is None:
            return
        self.notes_beside = beside
        top = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        middle = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        for key, note in self.notes.items():
            row, label = self.note_rows[key], self.labels[key]
            self.grid.removeWidget(note)
            self.grid.removeWidget(label)
            if beside:
                self.grid.addWidget(label, row, 0)
                self.grid.addWidget(note, row, 2)
            else:  # the label beside the field and its help (it wraps at 1024)
                self.grid.addWidget(label, row, 0, 2, 1)
                self.grid.addWidget(note, row + 1, 1, 1, 2)
            label.setAlignment(middle if beside else top)
            label.setContentsMargins(0, 0 if beside else 10, 0, 0)  # (the field's line)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_notes(self.scroller.viewport().width())

    # -- saving ---------------------------------------------------------------------------
    def changes(self) -> dict[str, Any]:
        """The values that differ from those loaded (an amount not yet typed: None)."""
        if self.sheet is None:
            return {}
        found: dict[str, Any] = {}
        for item in self.sheet.items:
            value = _read(self.editors[item.key], item.spec)
            if item.spec.kind == "secret" and not value:
                continue  # nothing typed: the stored secret stays
            if value != item.value or type(value) is not type(item.value):
                found[item.key] = value
        return found

    def enter_pressed(self) -> None:
        self.save()

    def save(self) -> None:
        if self.sheet is None or not self.sheet.may_change or self.busy:
            return
        changes = self.changes()
        details = self.shop_box.changes()
        missing = [k for k, v in changes.items() if v is None]
        if missing:
            editor = self.editors[missing[0]]
            editor.setFocus()
            self.say(lambda: self.tr("Type an amount in yuan for “{label}”.").format(
                label=self.sheet.item(missing[0]).spec.label_in(current_language())
                if self.sheet else ""), ERROR)
            return
        if details is not None:  # the shop's details first, then any settings
            self.call(change_shop_details, self.actor, *details,
                      on_done=lambda _d: self._details_saved(changes),
                      on_error=self._refused)
            return
        if not changes:
            self.say(lambda: self.tr("Nothing was changed."))
            return
        self._save_settings(changes)

    def _details_saved(self, changes: dict[str, Any]) -> None:
        if changes:
            self._save_settings(changes)
            return
        self.say(lambda: self.tr("Saved: the shop's name, address and phone."), OK)
        if self.sheet is not None:  # the window's title follows the name (no setting changed)
            self.saved.emit({item.key: item.value for item in self.sheet.items})
        self.refresh()

    def _save_settings(self, changes: dict[str, Any]) -> None:
        self.call(change_settings, self.actor, changes, on_done=lambda after: self._saved(
            after, len(changes)), on_error=self._refused)

    def test_print(self) -> None:
        """A test page (and the drawer kick, when ticked) on the printer as typed."""
        if self.sheet is None or self.busy:
            return
        from memberdesk.ui.shell.printer_jobs import test_print

        connection = _read(self.editors["printer.connection"], self.sheet.item(
            "printer.connection").spec)
        drawer = bool(_read(self.editors["printer.open_drawer"], self.sheet.item(
            "printer.open_drawer").spec))
        paper = _read(self.editors["receipt.paper_mm"], self.sheet.item("receipt.paper_mm").spec)
        if not connection:  # a new shop: the printer field is far down the page
            field = self.editors["printer.connection"]
            self.scroller.ensureWidgetVisible(field)
            field.setFocus()
        self.say(lambda: self.tr("Printing a test page…"))
        self.call(test_print, str(connection or ""), drawer, int(paper or 58),
                  with_database=False, on_done=lambda confirmed: self.say(
                      lambda: self._printed(drawer, bool(confirmed)), OK))

    def find_printers(self) -> None:
        """The printers this computer sees (USB, serial, Windows): Enter picks one."""
        if self.sheet is None or self.busy:
            return
        from .printer_pick import find

        self.say(lambda: self.tr("Looking for printers…"))
        self.call(find, with_database=False, on_done=self._found_printers)

    def _found_printers(self, printers: list[Any]) -> None:
        from .printer_pick import PrinterPickDialog

        if not printers:
            self.say(lambda: self.tr("No printer found: plug it in and switch it on, or type "
                                     "its address (network:192.168.1.87:9100)."), ERROR)
            return
        self.clear_message()
        dialog = PrinterPickDialog(printers, self)
        dialog.picked.connect(self._printer_picked)
        self.printer_pick = dialog
        dialog.open()

    def _printer_picked(self, address: str) -> None:
        editor = self.editors["printer.connection"]
        assert isinstance(editor, QLineEdit)
        editor.setText(address)
        editor.setFocus()
        self.scroller.ensureWidgetVisible(editor)
        self.say(lambda: self.tr("Printer {address}: Ctrl+T prints a test page, Ctrl+S saves.")
                 .format(address=address))

    def _printed(self, drawer: bool, confirmed: bool) -> str:
        """``confirmed``: the printer answered; else the page was only sent (a device
        node, a network or Windows printer, a serial port cannot say) and only the
        person at the printer knows whether paper came out."""
        space = " " if current_language().startswith("en") else ""  # no space between 句子
        if not confirmed:
            return self.tr("Sent: check that the printer fed paper.") + (
                space + self.tr("Check that the cash drawer opened.") if drawer else "")
        return self.tr("The test page was printed.") + (
            space + self.tr("The cash drawer was opened.") if drawer else "")

    def _saved(self, after: dict[str, Any], count: int) -> None:
        self.say(lambda: self.tr("Saved. Settings changed: {count}.").format(count=count), OK)
        self.saved.emit(after)
        self.refresh()

    def _refused(self, error: Any) -> None:
        if self.shop_box.refused(error):
            self.scroller.ensureWidgetVisible(self.shop_box)
            return
        key = error.params.get("key") if hasattr(error, "params") else None
        if key in self.editors:
            self.editors[key].setFocus()
            self.scroller.ensureWidgetVisible(self.editors[key])

    # -- texts ----------------------------------------------------------------------------
    def _render_texts(self) -> None:
        lang = current_language()
        for section, head in self.section_heads.items():
            zh, en = SECTIONS[section]
            head.setText(en if lang.startswith("en") else zh)
        if self.sheet is None:
            return
        for item in self.sheet.items:
            spec = item.spec
            self.labels[item.key].setText(spec.label_in(lang))
            editor = self.editors[item.key]
            editor.setToolTip(f"{item.key}\n{spec.help_in(lang)}".strip())
            if isinstance(editor, QSpinBox):
                unit = spec.unit_in(lang)
                editor.setSuffix("" if not unit else unit if unit == "%" else f" {unit}")
            elif isinstance(editor, PickerBox):
                for i, (_value, zh, en) in enumerate(spec.options):
                    editor.setItemText(i, en if lang.startswith("en") else zh)
            value, help_text = display(spec, spec.default, lang), spec.help_in(lang)
            self.notes[item.key].setText(
                self.tr("Default: {value}. {help}").format(value=value, help=help_text)
                if help_text else self.tr("Default: {value}").format(value=value))
        render_texts(self.labels[TIME_ZONE_KEY], self.notes[TIME_ZONE_KEY],
                     self.sheet.item(TIME_ZONE_KEY).spec.default)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Settings"))
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.test_print_button.setText(self.tr("Test print (Ctrl+T)"))
        self.find_printers_button.setText(self.tr("Find printers (Ctrl+L)"))
        self.read_only_note.setText(self.tr("Only the owner can change the settings."))
        self._render_texts()
        super().retranslate()
