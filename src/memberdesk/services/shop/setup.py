"""Setting up a shop: the shop row, default tiers and settings, the owner account."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import Shop, Tier
from memberdesk.models.enums import Role
from memberdesk.money import Money
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import (
    ConflictError,
    Localized,
    NotFoundError,
    ValidationError,
)
from memberdesk.services.shared.requests import clean_text
from memberdesk.services.shop.stores import name_first_store
from memberdesk.services.staff.accounts import add_staff_in

# (code, name, rank, spend in the window to qualify, discount ‰, points multiplier ‰)
DEFAULT_TIERS: tuple[tuple[str, str, int, int, int, int], ...] = (
    ("normal", "普通会员", 1, 0, 1000, 1000),
    ("silver", "银卡会员", 2, 100_000, 980, 1200),
    ("gold", "金卡会员", 3, 500_000, 950, 1500),
    ("diamond", "钻石会员", 4, 2_000_000, 900, 2000),
)


@dataclass(frozen=True)
class ShopInfo:
    name: str
    db_uuid: str


def init_shop(
    db: Database,
    *,
    shop_name: str,
    owner_username: str,
    owner_display_name: str,
    owner_password: str,
    first_store: tuple[str, str] | None = None,
) -> Actor:
    """First-run set-up. Refuses a shop that is already set up. ``first_store``
    (code, name): what the migration's default store is called (a new chain server)."""
    shop_name = clean_text(shop_name, 10_000)
    if not shop_name:
        raise ValidationError("required_field", field=Localized("店名", "shop name"))
    if len(shop_name) > 100:
        raise ValidationError("field_too_long", field=Localized("店名", "shop name"), max=100)
    with db.uow() as uow:
        s = uow.session
        if s.scalar(select(Shop.id)) is not None:
            raise ConflictError("already_initialised")
        s.add(Shop(id=1, name=shop_name, db_uuid=str(uuid.uuid4())))
        if first_store is not None:
            name_first_store(s, *first_store)
        for code, name, rank, threshold, discount, multiplier in DEFAULT_TIERS:
            s.add(
                Tier(
                    code=code,
                    name=name,
                    rank=rank,
                    upgrade_threshold=Money(threshold),
                    discount_permille=discount,
                    points_multiplier_permille=multiplier,
                )
            )
        owner = add_staff_in(
            s,
            username=owner_username,
            display_name=owner_display_name,
            role=Role.OWNER,
            password=owner_password,
        )
        audit.record(
            s,
            action="shop.init",
            staff_id=owner.id,
            entity="shop",
            entity_id=1,
            detail={"name": shop_name, "owner": owner.username},
        )
        actor = Actor(owner.id, owner.username, owner.display_name, owner.role)
        uow.commit()
    return actor


def shop_info(db: Database) -> ShopInfo:
    with db.reader() as uow:
        shop = uow.session.get(Shop, 1)
        if shop is None:
            raise NotFoundError("not_initialised")
        return ShopInfo(shop.name, shop.db_uuid)


def is_initialised(db: Database) -> bool:
    with db.reader() as uow:
        return uow.session.get(Shop, 1) is not None
