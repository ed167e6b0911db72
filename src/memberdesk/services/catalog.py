"""The product catalogue: categories, products and member prices per tier (会员价)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from pypinyin import Style, lazy_pinyin
from sqlalchemy import Table, delete, insert, or_, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Category, MemberPrice, Product, ProductSearchKey, Tier
from memberdesk.money import Money

from . import audit
from .context import Actor
from .errors import ConflictError, Localized, NotFoundError, ValidationError
from .permissions import Permission, require
from .requests import check_amount, clean_text


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    code: str
    name: str
    parent_id: int | None


@dataclass(frozen=True)
class ProductDraft:
    code: str
    name: str
    price: Money
    barcode: str | None = None
    category_id: int | None = None
    unit: str = "件"
    points_ratio_permille: int = 1000
    is_service: bool = False
    discountable: bool = True


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
        p.points_ratio_permille, p.is_service, p.discountable, p.active,
    )


def _code(value: str, field: str) -> str:
    code = clean_text(value, 40).replace(" ", "")
    if not code:
        raise ValidationError("required_field", field=field)
    if len(code) > 20:
        raise ValidationError("field_too_long", field=field, max=20)
    return code


def create_category(
    db: Database, actor: Actor, *, code: str, name: str, parent_id: int | None = None
) -> CategoryInfo:
    code = _code(code, "分类编号")
    name = clean_text(name, 40)
    if not name:
        raise ValidationError("required_field", field=Localized("分类名称", "category name"))
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        if s.scalar(select(Category.id).where(Category.code == code)) is not None:
            raise ConflictError("code_taken", value=code)
        if parent_id is not None and s.get(Category, parent_id) is None:
            raise NotFoundError("category_not_found", key=parent_id)
        cat = Category(code=code, name=name, parent_id=parent_id)
        s.add(cat)
        s.flush()
        info = CategoryInfo(cat.id, cat.code, cat.name, cat.parent_id)
        uow.commit()
    return info


def _check_draft(s: Session, d: ProductDraft, product_id: int | None = None) -> ProductDraft:
    code = _code(d.code, "商品编号")
    name = clean_text(d.name, 60)
    if not name:
        raise ValidationError("required_field", field=Localized("商品名称", "product name"))
    check_amount(d.price, allow_zero=True)
    barcode = clean_text(d.barcode or "", 32).replace(" ", "") or None
    if type(d.points_ratio_permille) is not int or not 0 <= d.points_ratio_permille <= 100_000:
        raise ValidationError("invalid_field", field=Localized("积分比例", "points ratio"), problem="0–100000‰")
    other = s.scalar(select(Product.id).where(Product.code == code))
    if other is not None and other != product_id:
        raise ConflictError("code_taken", value=code)
    if barcode is not None:
        owner = s.scalar(select(Product).where(Product.barcode == barcode))
        if owner is not None and owner.id != product_id:
            raise ConflictError("barcode_taken", barcode=barcode, product=owner.code)
    if d.category_id is not None and s.get(Category, d.category_id) is None:
        raise NotFoundError("category_not_found", key=d.category_id)
    return ProductDraft(
        code, name, d.price, barcode, d.category_id, clean_text(d.unit, 8) or "件",
        d.points_ratio_permille, bool(d.is_service), bool(d.discountable),
    )


def create_product(db: Database, actor: Actor, draft: ProductDraft) -> ProductInfo:
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        d = _check_draft(s, draft)
        p = Product(
            code=d.code, barcode=d.barcode, name=d.name, name_initials=initials(d.name),
            category_id=d.category_id, price=d.price, unit=d.unit,
            points_ratio_permille=d.points_ratio_permille, is_service=d.is_service,
            discountable=d.discountable,
        )
        s.add(p)
        s.flush()
        write_search_keys(s, p)
        audit.record(s, action="product.create", staff_id=actor.staff_id, entity="product",
                     entity_id=p.code, detail={"price": d.price.fen})
        info = product_info(p)
        uow.commit()
    return info


def update_product(
    db: Database, actor: Actor, product_id: int, draft: ProductDraft, *, active: bool = True
) -> ProductInfo:
    """Replace a product's fields with ``draft`` (a price change is audited)."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        p = s.get(Product, product_id)
        if p is None:
            raise NotFoundError("product_not_found", key=product_id)
        d = _check_draft(s, draft, product_id)
        before = p.price
        p.code, p.barcode = d.code, d.barcode
        if p.name != d.name or not p.name_initials:
            p.name, p.name_initials = d.name, initials(d.name)
            write_search_keys(s, p)
        p.category_id, p.price, p.unit = d.category_id, d.price, d.unit
        p.points_ratio_permille, p.is_service = d.points_ratio_permille, d.is_service
        p.discountable, p.active = d.discountable, active
        audit.record(s, action="product.update", staff_id=actor.staff_id, entity="product",
                     entity_id=p.code, detail={"price_before": before.fen, "price": d.price.fen,
                                               "active": active})
        info = product_info(p)
        uow.commit()
    return info


def set_member_price(
    db: Database, actor: Actor, product_id: int, tier_id: int, price: Money | None
) -> None:
    """Set (or with ``None`` remove) the price of a product for one tier."""
    if price is not None:
        check_amount(price, allow_zero=True)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        if s.get(Product, product_id) is None:
            raise NotFoundError("product_not_found", key=product_id)
        if s.get(Tier, tier_id) is None:
            raise NotFoundError("tier_not_found", key=tier_id)
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
