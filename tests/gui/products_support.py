"""商品 opened as the window tests of the products page need it: the back office at
a screen's size (as the screenshots open it: 40 x 50 pixels less than the screen),
in a language, on the products page, the list's first product in the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from memberdesk.models import Product
from memberdesk.money import Money

from .tasks_support import Counter

SCREENS = ((1366, 768), (1024, 768))
LANGS = ("zh_CN", "en")


def open_products(c: Counter, lang: str, screen: tuple[int, int]) -> tuple[Any, Any]:
    """The back office (F8) on 商品 at ``screen``'s size in ``lang``; (office, page)
    once the list has loaded and its first row is in the form."""
    c.ui.i18n.set_language(lang)
    c.ui.main.resize(*screen)
    office = c.open(Qt.Key.Key_F8)
    office.move(0, 0)
    office.resize(screen[0] - 40, screen[1] - 50)  # as the screenshots open it
    page = office.show_page("products")
    c.settle()
    c.qtbot.waitUntil(lambda: page.editing is not None, timeout=5_000)
    return office, page


def add_products(c: Counter, n: int) -> None:
    """``n`` products Z0000, Z0001, … (商品0, 商品1, …) at ¥1.00, in one transaction."""
    with c.db.uow() as uow:
        uow.session.add_all(Product(code=f"Z{i:04d}", name=f"商品{i}", name_initials="sp",
                                    barcode=None, price=Money(100)) for i in range(n))
        uow.commit()
