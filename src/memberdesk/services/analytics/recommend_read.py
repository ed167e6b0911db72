"""What the counter suggests (issue 13, item 3), read from the rows the daily job wrote
(:mod:`.recommend_refresh`); the rules are ``domain/recommend.py``.

* :func:`member_suggestions`: the member's due products, one statement on the primary
  key's prefix (inside the member view's read transaction, so the card and the
  suggestions come together). A product the member bought after the refresh (a sale
  newer than the row's ``after_sale_id``, found on ``ix_sales_member_id``) is not
  suggested again; nor is a product taken off sale.
* :func:`cart_suggestions`: products often bought with the cart's, not in it (one
  statement on the cart's products), asked for on the worker after the cart changes.
* :func:`counter_suggestions`: both, as ``memberdesk analytics recommendations
  MEMBER_NO`` prints them.

Nothing when the setting ``analytics.recommendations`` is off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import and_, bindparam, exists, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import recommend
from memberdesk.domain.recommend import DueProduct, Pair
from memberdesk.models import MemberRecommendation, Product, ProductPair, Sale, SaleLine
from memberdesk.money import Money
from memberdesk.services.analytics.recommend_refresh import SETTING
from memberdesk.services.members.details import member_detail_in
from memberdesk.services.shared import clock, settings
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.tables import connection, table

_RECS = table(MemberRecommendation)
_PAIRS = table(ProductPair)
_PRODUCTS = table(Product)
_SALES = table(Sale)
_LINES = table(SaleLine)

_BOUGHT_SINCE = exists().where(
    _SALES.c.member_id == _RECS.c.member_id, _SALES.c.id > _RECS.c.after_sale_id,
    _LINES.c.sale_id == _SALES.c.id, _LINES.c.product_id == _RECS.c.product_id)
_DUE = (
    select(_RECS.c.product_id, _RECS.c.days_bought, _RECS.c.gap_x2, _RECS.c.last_day,
           _PRODUCTS.c.code, _PRODUCTS.c.name, _PRODUCTS.c.price)
    .join(_PRODUCTS, and_(_PRODUCTS.c.id == _RECS.c.product_id, _PRODUCTS.c.active))
    .where(_RECS.c.member_id == bindparam("member_id"), ~_BOUGHT_SINCE)
    .order_by(_RECS.c.rank)
)
_WITH = (
    select(_PAIRS.c.product_id, _PAIRS.c.other_id, _PAIRS.c.together,
           _PAIRS.c.lift_permille, _PRODUCTS.c.code, _PRODUCTS.c.name, _PRODUCTS.c.price)
    .join(_PRODUCTS, and_(_PRODUCTS.c.id == _PAIRS.c.other_id, _PRODUCTS.c.active))
    .where(_PAIRS.c.product_id.in_(bindparam("ids", expanding=True)))
)


@dataclass(frozen=True)
class Suggestion:
    """A product to suggest: due for (``due``) or bought with the cart (``pair``)."""

    product_id: int
    code: str
    name: str
    price: Money
    due: DueProduct | None = None
    pair: Pair | None = None

    def text(self, on: date, lang: str = "zh_CN") -> str:
        """牛奶（约 7 天买一次，已 9 天）, or the name of a product bought with the cart."""
        if self.due is None:
            return self.name
        return recommend.due_text(self.name, self.due, on, lang)


def recommendations_on(session: Session) -> bool:
    return bool(settings.get_quick(session, SETTING))


def member_suggestions(session: Session, member_id: int) -> tuple[Suggestion, ...]:
    """The member's due products, most overdue first (at most ``KEPT``; the counter
    shows :data:`~memberdesk.domain.recommend.SHOWN` not in the cart)."""
    if not recommendations_on(session):
        return ()
    rows = connection(session).execute(_DUE, {"member_id": member_id})
    return tuple(
        Suggestion(pid, code, name, price,
                   due=DueProduct(pid, days, Fraction(gap_x2, 2), last_day))
        for pid, days, gap_x2, last_day, code, name, price in rows)


def cart_suggestions_in(session: Session, product_ids: Sequence[int]) -> tuple[Suggestion, ...]:
    """Up to :data:`~memberdesk.domain.recommend.SHOWN` products often bought with
    ``product_ids``, not among them."""
    ids = sorted(set(product_ids))
    if not ids or not recommendations_on(session):
        return ()
    pairs: dict[int, list[Pair]] = {}
    products: dict[int, tuple[str, str, Money]] = {}
    for pid, other, together, lift, code, name, price in connection(session).execute(
            _WITH, {"ids": ids}):
        pairs.setdefault(pid, []).append(Pair(other, together, lift))
        products[other] = (code, name, price)
    return tuple(Suggestion(p.other_id, *products[p.other_id], pair=p)
                 for p in recommend.cart_suggestions(pairs, ids))


def cart_suggestions(db: Database, product_ids: Sequence[int]) -> tuple[Suggestion, ...]:
    """:func:`cart_suggestions_in` in a read transaction of its own (the counter's
    worker, after the cart changed)."""
    with db.reader() as r:
        return cart_suggestions_in(r.session, product_ids)


@dataclass(frozen=True)
class CounterSuggestions:
    member_no: str
    name: str
    today: date
    on: bool
    due: tuple[Suggestion, ...]  # what the card shows: at most SHOWN, none in the cart
    together: tuple[Suggestion, ...]  # often bought with the cart's products


def counter_suggestions(db: Database, actor: Actor, member_no: str,
                        cart_codes: Sequence[str] = ()) -> CounterSuggestions:
    """What the counter would show for the member with the products of ``cart_codes``
    (codes or barcodes) in the cart (any active staff member, as the member card)."""
    from memberdesk.services.catalog.products import lookup_product

    with db.reader() as r:
        s = r.session
        member = member_detail_in(s, actor, member_no)
        cart = [lookup_product(s, code).id for code in cart_codes]
        on = recommendations_on(s)
        due = tuple(recommend.not_in_cart(member_suggestions(s, member.id), cart))
        return CounterSuggestions(member.member_no, member.name, clock.today(s), on, due,
                                  cart_suggestions_in(s, cart))
