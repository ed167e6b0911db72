"""The one home of a receipt's header: the name, address and phone of the till's store
as every receipt prints them (sale, refund, recharge, count card, redemption, reprint).

The name is the shop's on a shop of one store (the login screen's, kept equal to the
store's by :func:`memberdesk.services.shop.details.change_shop_details`), the till's
store's in a chain of several; address and phone are always the till's store's. The
three are scalar subqueries folded into the caller's one statement (the checkout's
till read, :func:`.documents.receipt_head`): no statement is added to a sale.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, Label, case, func, select

from memberdesk.models import Shop, Store
from memberdesk.services.shared.tables import table

_SHOP, _STORES = table(Shop), table(Store)


@dataclass(frozen=True)
class ShopHeader:
    name: str
    address: str = ""
    phone: str = ""


def header_columns(store_id: BindParameter[Any]) -> tuple[Label[Any], Label[Any], Label[Any]]:
    """``shop_name``, ``shop_address``, ``shop_phone`` of the store ``store_id``."""

    def of_store(column: Any) -> Any:
        return select(column).where(_STORES.c.id == store_id).scalar_subquery()

    several = select(func.count()).select_from(_STORES).scalar_subquery() > 1
    shop_name = select(_SHOP.c.name).where(_SHOP.c.id == 1).scalar_subquery()
    return (case((several, of_store(_STORES.c.name)), else_=shop_name).label("shop_name"),
            of_store(_STORES.c.address).label("shop_address"),
            of_store(_STORES.c.phone).label("shop_phone"))


def header_of(row: Any) -> ShopHeader:
    """The header in a row that selected :func:`header_columns` (missing: "")."""
    return ShopHeader(row.shop_name or "", row.shop_address or "", row.shop_phone or "")
