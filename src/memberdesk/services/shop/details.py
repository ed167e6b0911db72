"""The shop's name, address and phone as its receipts print them (Settings → Shop):
the till's store, and on a shop of one store the shop's own name too (the login
screen and the window's title say it), so the two never disagree.

Only who may change settings changes them (the owner); the audit row keeps the
values before and after. What the receipts read is :mod:`memberdesk.services.receipts.header`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Shop, Store
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import Localized, NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, load_actor_staff, require, role_has
from memberdesk.services.shared.requests import clean_text
from memberdesk.services.shared.this_store import current_store_id
from memberdesk.services.staff.approvals import require_and_audit

NAME_MAX, ADDRESS_MAX, PHONE_MAX = 40, 100, 20  # the stores table's columns
_FIELDS = {
    "name": (Localized("店名", "shop name"), NAME_MAX),
    "address": (Localized("地址", "address"), ADDRESS_MAX),
    "phone": (Localized("电话", "phone"), PHONE_MAX),
}


@dataclass(frozen=True)
class ShopDetails:
    code: str  # the till's store
    name: str
    address: str
    phone: str
    may_change: bool  # whether the one who asked may change them


def _read(s: Session) -> tuple[Store, Shop | None, bool]:
    """The till's store, the shop row, and whether the shop has one store only."""
    store = s.get_one(Store, current_store_id(s))
    alone = int(s.scalar(select(func.count()).select_from(Store)) or 0) < 2
    return store, s.get(Shop, 1), alone


def _details(store: Store, shop: Shop | None, alone: bool, may_change: bool) -> ShopDetails:
    name = shop.name if alone and shop is not None else store.name
    return ShopDetails(store.code, name, store.address, store.phone, may_change)


def shop_details(db: Database, actor: Actor) -> ShopDetails:
    """The name, address and phone the till's receipts print."""
    with db.reader() as uow:
        s = uow.session
        may_change = role_has(load_actor_staff(s, actor).role, Permission.MANAGE_SETTINGS)
        store, shop, alone = _read(s)
        return _details(store, shop, alone, may_change)


def checked(name: str, address: str, phone: str) -> dict[str, str]:
    """The three as stored (invisible characters and doubled spaces gone), or a
    ValidationError naming the first wrong one: an empty name, a value too long."""
    values = {"name": clean_text(name, 10_000), "address": clean_text(address, 10_000),
              "phone": clean_text(phone, 10_000)}
    if not values["name"]:
        raise ValidationError("required_field", field=_FIELDS["name"][0], key="name")
    for key, value in values.items():
        field, most = _FIELDS[key]
        if len(value) > most:
            raise ValidationError("field_too_long", field=field, max=most, key=key)
    return values


def change_shop_details(db: Database, actor: Actor, name: str, address: str,
                        phone: str) -> ShopDetails:
    """Change the name, address and phone on the till's receipts (who may change
    settings only); audited with the old and new values of what changed."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_SETTINGS)
        values = checked(name, address, phone)
        store, shop, alone = _read(s)
        if alone and shop is None:
            raise NotFoundError("not_initialised")
        before = _details(store, shop, alone, True)
        old = {"name": before.name, "address": before.address, "phone": before.phone}
        changed = [key for key, value in values.items() if old[key] != value]
        if changed:
            store.name, store.address, store.phone = (
                values["name"], values["address"], values["phone"])
            if alone and shop is not None:
                shop.name = values["name"]
            require_and_audit(s, actor, Permission.MANAGE_SETTINGS, action="shop.details",
                              entity="store", entity_id=store.code,
                              detail={"before": {k: old[k] for k in changed},
                                      "after": {k: values[k] for k in changed}})
            s.flush()
        after = _details(store, shop, alone, True)
        uow.commit()
    return after
