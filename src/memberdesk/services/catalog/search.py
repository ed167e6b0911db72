"""Finding a product at the counter: by code, barcode, name, or pinyin initials.

The cashier types into the scan field what they know: the code on the shelf
label (2003, COLA), the barcode, the start of the name (可口), a part of it (可乐,
薯片), its pinyin initials (kkkl) or a part of them (kl). Like the member lookup
every query is a b-tree range with a LIMIT (a test checks the query plans):

* the exact code or barcode, on their unique indexes;
* a prefix of the code, the name or the initials, on the indexes of ``products``;
* a match in the *middle* of the name or initials, a prefix of one of its
  suffixes kept in ``product_search_keys`` (written by the catalogue when a
  product is created or renamed: :func:`.catalog.write_search_keys`).

Results are ranked: exact code/barcode, then prefixes, then middle matches;
inactive products are left out. Rows are read as plain columns (no ORM objects: their
loading cost more than the index searches) and the exact match has no expanding
parameter, so its compiled statement is reused as it is (``search_product_p95_ms`` in
``tests/bench/bench_product_search.py``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Integer, bindparam, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from memberdesk.db import Database
from memberdesk.models import Product, ProductSearchKey
from memberdesk.services.catalog.products import ProductInfo
from memberdesk.services.members.search_keys import prefix_upper_bound

DEFAULT_LIMIT = 20
MAX_QUERY = 60


@dataclass(frozen=True)
class ProductSearch:
    query: str
    products: tuple[ProductInfo, ...]
    exact: bool = False  # the text is the one product's code or barcode
    more: bool = False  # the list was cut at the limit


# -- the statements --------------------------------------------------------------------------

_COLUMNS = (Product.id, Product.code, Product.barcode, Product.name, Product.category_id,
            Product.price, Product.unit, Product.points_ratio_permille, Product.is_service,
            Product.discountable, Product.active, Product.cost)  # ProductInfo's order


def _info(row: Any) -> ProductInfo:
    return ProductInfo(*row)


def _exact_statement(active_only: bool) -> Any:
    # codes are kept as typed (COLA): the text as typed and in capitals
    statement = select(*_COLUMNS).where(
        or_(Product.code == bindparam("text"), Product.code == bindparam("upper"),
            Product.barcode == bindparam("text")))
    return (statement.where(Product.active.is_(True)) if active_only else statement).limit(2)


_KEY_RANGE = (
    select(ProductSearchKey.product_id)
    .where(ProductSearchKey.key >= bindparam("lo"), ProductSearchKey.key < bindparam("hi"))
    .order_by(ProductSearchKey.key, ProductSearchKey.product_id)
    .limit(bindparam("cap", type_=Integer))
)


def _range_statement(column: InstrumentedAttribute[Any], active_only: bool) -> Any:
    statement = select(Product.id).where(column >= bindparam("lo"), column < bindparam("hi"))
    if active_only:
        statement = statement.where(Product.active.is_(True))
    return statement.order_by(column, Product.id).limit(bindparam("cap", type_=Integer))


@dataclass(frozen=True)
class _Statements:
    exact: Any
    code: Any
    name: Any
    initials: Any


# The counter's (active products only) and the back office's (inactive ones too).
_STATEMENTS = {
    active_only: _Statements(
        _exact_statement(active_only),
        _range_statement(Product.code, active_only),
        _range_statement(Product.name, active_only),
        _range_statement(Product.name_initials, active_only),
    )
    for active_only in (True, False)
}
_BY_IDS = select(*_COLUMNS).where(Product.id.in_(bindparam("ids", expanding=True)))


def _ids(conn: Connection, statement: Any, prefix: str, cap: int) -> list[int]:
    params = {"lo": prefix, "hi": prefix_upper_bound(prefix), "cap": cap}
    return [int(r[0]) for r in conn.execute(statement, params)]


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split())[:MAX_QUERY]


def search_in(session: Session, text: str, *, limit: int = DEFAULT_LIMIT,
              include_inactive: bool = False) -> ProductSearch:
    """The search in the caller's transaction (see :func:`search_products`);
    ``include_inactive`` for the back office, where a stopped product is found to
    be sold again."""
    st = _STATEMENTS[not include_inactive]
    query = _clean(text)
    if not query:
        return ProductSearch(query, ())
    conn = session.connection()
    exact = [_info(r) for r in conn.execute(st.exact, {"text": query, "upper": query.upper()})]
    if exact:
        product = next((p for p in exact if p.barcode == query), exact[0])
        return ProductSearch(query, (product,), exact=True)
    cap = max(1, limit) + 1
    folded = query.casefold()
    ranked: list[int] = []
    ascii_text = query.isascii()  # item codes are ASCII (catalog_rules.check_code)
    groups: Iterable[list[int]] = (
        _ids(conn, st.code, query, cap) if ascii_text else [],
        _ids(conn, st.code, query.upper(), cap) if ascii_text and query.upper() != query else [],
        _ids(conn, st.name, query, cap),
        _ids(conn, st.initials, folded.replace(" ", ""), cap) if ascii_text else [],
        _ids(conn, _KEY_RANGE, folded, 2 * cap),
    )
    more = False
    for group in groups:
        more = more or len(group) >= cap
        ranked += [i for i in group if i not in ranked]
    more = more or len(ranked) > limit
    chosen = ranked[: max(1, limit)]
    if not chosen:
        return ProductSearch(query, ())
    rows = {r[0]: _info(r) for r in conn.execute(_BY_IDS, {"ids": chosen})}
    found = tuple(rows[i] for i in chosen if i in rows and (include_inactive or rows[i].active))
    return ProductSearch(query, found, more=more)


def search_products(db: Database, text: str, *, limit: int = DEFAULT_LIMIT) -> ProductSearch:
    """Active products for what the cashier typed: the exact code or barcode alone
    (``exact``), else a ranked pick list by code, name, initials or a part of them."""
    with db.reader() as uow:
        return search_in(uow.session, text, limit=limit)


__all__ = ["DEFAULT_LIMIT", "ProductSearch", "search_in", "search_products"]
