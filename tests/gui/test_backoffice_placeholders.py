"""A new owner's first look (issue 11): the hint text in an empty field is whole, not
cut off, on every back-office page at 1024x768, in English (the longer language) and
Chinese."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

from .tasks_support import Counter

OFFICE = (984, 718)  # a 1024x768 screen's counter, less 40 x 50


def room(edit: QLineEdit) -> int:
    """The width the field draws its text in (frame, style sheet padding and the
    clear button taken off)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    width = rect.width() - margins.left() - margins.right() - 4  # QLineEdit's own 2 + 2
    if edit.isClearButtonEnabled():
        width -= edit.height() // 2  # the clear button's room (shown while typing)
    return width


def cut_hints(office) -> list[tuple[str, str, int, int]]:  # type: ignore[no-untyped-def]
    found = []
    for key in office.pages:
        page = office.show_page(key)
        for edit in page.findChildren(QLineEdit):
            hint = edit.placeholderText()
            if not hint or edit.text() or not edit.isVisibleTo(office):
                continue
            need = edit.fontMetrics().horizontalAdvance(hint)
            if need > room(edit):
                found.append((key, hint, need, room(edit)))
    return found


def test_no_hint_is_cut_off_at_1024(owner: Counter) -> None:
    c = owner
    office = c.open(Qt.Key.Key_F8)
    office.resize(*OFFICE)
    for key in office.pages:  # each page loads what it shows once
        office.show_page(key)
        c.settle()
    office.show_page("products").new_product()  # the form open, as on a new shop
    c.qtbot.wait(100)
    assert cut_hints(office) == []
    c.qtbot.keyClick(office, Qt.Key.Key_L,
                     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    c.qtbot.waitUntil(lambda: office.windowTitle() == "Back office", timeout=5_000)
    c.settle()
    c.qtbot.wait(100)
    assert cut_hints(office) == []
