"""商品 opened as the window tests of the products page need it: the back office at
a screen's size (as the screenshots open it: 40 x 50 pixels less than the screen),
in a language, on the products page, the list's first product in the form."""

from __future__ import annotations

from typing import Any

from memberdesk.models import Product
from memberdesk.money import Money

from .office_1024 import office_page_at
from .tasks_support import Counter

SCREENS = ((1366, 768), (1024, 768))
LANGS = ("zh_CN", "en")


def open_products(c: Counter, lang: str, screen: tuple[int, int]) -> tuple[Any, Any]:
    """The back office (F8) on 商品 at ``screen``'s size in ``lang``; (office, page)
    once the list has loaded and its first row is in the form."""
    office, page = office_page_at(c, lang, screen, "products")
    c.qtbot.waitUntil(lambda: page.editing is not None, timeout=5_000)
    return office, page


def add_products(c: Counter, n: int, code: str = "Z{:04d}") -> None:
    """``n`` products Z0000, Z0001, … (or ``code`` formatted with 0, 1, …; 商品0,
    商品1, …) at ¥1.00, in one transaction."""
    with c.db.uow() as uow:
        uow.session.add_all(Product(code=code.format(i), name=f"商品{i}", name_initials="sp",
                                    barcode=None, price=Money(100)) for i in range(n))
        uow.commit()
