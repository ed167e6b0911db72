"""The back office as a shop PC's common screen shows it: the counter window at
1024x768, the back office (F8) at the screen's top left, 984x718 (a task bar's room
taken), in ``lang``; one of its pages opened and loaded."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from .tasks_support import Counter


def office_page_at(c: Counter, lang: str, screen: tuple[int, int],
                   page: str) -> tuple[Any, Any]:
    """(the back office, its page ``page``) on a ``screen``-sized screen in ``lang``:
    the counter at the screen's size, the back office at its top left, 40 x 50 pixels
    smaller (as the screenshots open it)."""
    c.ui.i18n.set_language(lang)
    c.ui.main.resize(*screen)
    office = c.open(Qt.Key.Key_F8)
    office.move(0, 0)
    office.resize(screen[0] - 40, screen[1] - 50)
    shown = office.show_page(page)
    c.settle()
    return office, shown


def office_page_at_1024(c: Counter, lang: str, page: str) -> tuple[Any, Any]:
    """(the back office, its page ``page``) at 1024x768 in ``lang``."""
    return office_page_at(c, lang, (1024, 768), page)


def visible_rows(table: Any) -> float:
    """How many of ``table``'s rows its viewport shows (by its first row's height)."""
    return table.viewport().height() / max(1, table.rowHeight(0))
