"""The product catalogue: categories, products and member prices per tier (会员价)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from pypinyin import Style, lazy_pinyin
from sqlalchemy import Table, delete, insert, or_, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Category, MemberPrice, Product, ProductSearchKey, Tier
from memberdesk.money import Money
from memberdesk.services.catalog.rules import (
    CATEGORY_CODE,
    MEMBER_PRICE,
    ProductDraft as ProductDraft,
    ProductFields,
    check_category_name,
    check_code,
    check_fields,
    check_price,
)
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    code: str
    name: str
    parent_id: int | None


@dataclass(frozen=True)
class ProductInfo:
    id: int
    code: str
    barcode: str | None
    name: str
    category_id: int | None
    price: Money
    unit: str
    points_ratio_permille: int
    is_service: bool
    discountable: bool
    active: bool
    cost: Money | None = None  # 进价; None: not known


def initials(name: str) -> str:
    """Pinyin initials for search (可口可乐 -> kkkl); other characters kept as they are."""
    parts = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")
    return "".join(s[0].lower() for s in parts if s and s[0].isalnum())[:60]


SEARCH_KEY_MAX = 60


def search_keys(name: str, initials: str) -> set[str]:
    """The ``product_search_keys`` rows of a product (see :mod:`.product_search`):
    suffixes of the folded name from the second character, of the initials from
    the second letter (two letters or more)."""
    folded = name.casefold()
    keys = {folded[i:].strip()[:SEARCH_KEY_MAX] for i in range(1, len(folded))}
    keys |= {initials[i:][:SEARCH_KEY_MAX] for i in range(1, len(initials) - 1)}
    keys.discard("")
    return keys


def write_search_keys(session: Session, p: Product) -> None:
    """(Re)write a product's search keys in the caller's transaction."""
    session.execute(delete(ProductSearchKey).where(ProductSearchKey.product_id == p.id))
    keys = sorted(search_keys(p.name, p.name_initials))
    if keys:
        session.execute(
            insert(cast(Table, ProductSearchKey.__table__)),
            [{"key": k, "product_id": p.id} for k in keys],
        )


def product_info(p: Product) -> ProductInfo:
    return ProductInfo(
        p.id, p.code, p.barcode, p.name, p.category_id, p.price, p.unit,
        p.points_ratio_permille, p.is_service, p.discountable, p.active, p.cost,
    )


def create_category(
    db: Database, actor: Actor, *, code: str, name: str, parent_id: int | None = None
) -> CategoryInfo:
    code = check_code(code, CATEGORY_CODE)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        clean_name = check_category_name(s, name)
        other = s.scalar(select(Category).where(Category.code == code))
        if other is not None:
            raise ConflictError("category_code_taken", item=code, name=other.name)
        if parent_id is not None and s.get(Category, parent_id) is None:
            raise NotFoundError("category_not_found", key=parent_id)
        cat = Category(code=code, name=clean_name, parent_id=parent_id)
        s.add(cat)
        s.flush()
        audit.record(s, action="category.create", staff_id=actor.staff_id, entity="category",
                     entity_id=cat.code, detail={"name": cat.name})
        info = CategoryInfo(cat.id, cat.code, cat.name, cat.parent_id)
        uow.commit()
    return info


def write_member_prices(s: Session, product_id: int,
                        prices: tuple[tuple[int, Money], ...]) -> dict[int, int]:
    """Replace a product's member prices; returns the old ones (tier id -> fen)."""
    old = {mp.tier_id: mp.price.fen for mp in s.scalars(
        select(MemberPrice).where(MemberPrice.product_id == product_id))}
    s.execute(delete(MemberPrice).where(MemberPrice.product_id == product_id))
    s.add_all(MemberPrice(product_id=product_id, tier_id=t, price=p) for t, p in prices)
    return old


def create_product(db: Database, actor: Actor, draft: ProductDraft) -> ProductInfo:
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        info = product_info(add_product_in(s, actor, check_fields(s, draft)))
        uow.commit()
    return info


def add_product_in(s: Session, actor: Actor, d: ProductFields) -> Product:
    """A checked product, its search keys and member prices, audited: the caller's
    transaction."""
    p = Product(
        code=d.code, barcode=d.barcode, name=d.name, name_initials=initials(d.name),
        category_id=d.category_id, price=d.price, unit=d.unit,
        points_ratio_permille=d.points_ratio_permille, is_service=d.is_service,
        discountable=d.discountable, cost=d.cost,
    )
    s.add(p)
    s.flush()
    write_search_keys(s, p)
    if d.member_prices:
        write_member_prices(s, p.id, d.member_prices)
    audit.record(s, action="product.create", staff_id=actor.staff_id, entity="product",
                 entity_id=p.code, detail=_snapshot(d))
    return p


def _snapshot(d: ProductFields) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": d.code, "name": d.name, "price": d.price.fen, "barcode": d.barcode,
        "category_id": d.category_id, "unit": d.unit,
        "points_ratio_permille": d.points_ratio_permille, "is_service": d.is_service,
        "discountable": d.discountable, "cost": None if d.cost is None else d.cost.fen,
    }
    if d.member_prices is not None:
        out["member_prices"] = {str(t): p.fen for t, p in d.member_prices}
    return out


def apply_fields(s: Session, actor: Actor, p: Product, d: ProductFields,
                 active: bool) -> ProductInfo:
    """Write checked fields over ``p`` (search keys, member prices too) and audit
    what changed, old and new: the caller's transaction."""
    before = _snapshot(ProductFields(
        p.code, p.name, p.price, p.barcode, p.category_id, p.unit, p.points_ratio_permille,
        p.is_service, p.discountable, None, p.cost))
    before["active"] = p.active
    p.code, p.barcode = d.code, d.barcode
    if p.name != d.name or not p.name_initials:
        p.name, p.name_initials = d.name, initials(d.name)
        write_search_keys(s, p)
    p.category_id, p.price, p.unit = d.category_id, d.price, d.unit
    p.points_ratio_permille, p.is_service = d.points_ratio_permille, d.is_service
    p.discountable, p.active, p.cost = d.discountable, active, d.cost
    after = _snapshot(d)
    after["active"] = active
    if d.member_prices is not None:
        before["member_prices"] = {str(t): f for t, f in
                                   write_member_prices(s, p.id, d.member_prices).items()}
    changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    audit.record(s, action="product.update", staff_id=actor.staff_id, entity="product",
                 entity_id=p.code, detail=changes)
    return product_info(p)


def update_product(
    db: Database, actor: Actor, product_id: int, draft: ProductDraft, *, active: bool = True
) -> ProductInfo:
    """Replace a product's fields with ``draft``; what changed is audited."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        p = s.get(Product, product_id)
        if p is None:
            raise NotFoundError("product_not_found", key=product_id)
        info = apply_fields(s, actor, p, check_fields(s, draft, p), active)
        uow.commit()
    return info


def set_member_price(
    db: Database, actor: Actor, product_id: int, tier_id: int, price: Money | None
) -> None:
    """Set (or with ``None`` remove) the price of a product for one tier."""
    if price is not None:
        check_price(price, MEMBER_PRICE)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        product = s.get(Product, product_id)
        if product is None:
            raise NotFoundError("product_not_found", key=product_id)
        tier = s.get(Tier, tier_id)
        if tier is None:
            raise NotFoundError("tier_not_found", key=tier_id)
        if price is not None and product.price < price:
            raise ValidationError("member_price_above_price", tier=tier.name,
                                  member_price=price.display(), price=product.price.display())
        s.execute(
            delete(MemberPrice).where(
                MemberPrice.product_id == product_id, MemberPrice.tier_id == tier_id
            )
        )
        if price is not None:
            s.add(MemberPrice(product_id=product_id, tier_id=tier_id, price=price))
        audit.record(s, action="product.member_price", staff_id=actor.staff_id,
                     entity="product", entity_id=product_id,
                     detail={"tier_id": tier_id, "price": None if price is None else price.fen})
        uow.commit()


def lookup_product(session: Session, key: str) -> Product:
    """A product by barcode or code (the scanner gives barcodes, people type codes)."""
    key = key.strip()
    if not key:
        raise NotFoundError("product_not_found", key=key)
    found = list(session.scalars(
        select(Product).where(or_(Product.barcode == key, Product.code == key)).limit(2)))
    if not found:
        raise NotFoundError("product_not_found", key=key)
    return next((p for p in found if p.barcode == key), found[0])


def find_product(db: Database, key: str) -> ProductInfo:
    with db.reader() as uow:
        return product_info(lookup_product(uow.session, key))
