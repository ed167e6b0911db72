"""The owner's side of the catalogue (商品管理): list products page by page (a
shop may have 100,000), find them (:mod:`.product_search`, inactive ones too),
read one with its member prices, edit it by code, stop and resume selling it;
list and rename categories. Writes need ``MANAGE_CATALOG`` (manager, owner) and
are audited; one function, one transaction."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Category, MemberPrice, Product
from memberdesk.money import Money
from memberdesk.services.catalog.products import (
    CategoryInfo,
    ProductInfo,
    apply_fields,
    product_info,
)
from memberdesk.services.catalog.rules import (
    CATEGORY_CODE,
    ProductDraft,
    check_category_name,
    check_code,
    check_fields,
)
from memberdesk.services.catalog.search import search_in
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require

PAGE_SIZE = 200


@dataclass(frozen=True)
class ProductRow:
    """A line of the product list: the product and its category's name."""

    product: ProductInfo
    category: str


@dataclass(frozen=True)
class ProductPage:
    rows: tuple[ProductRow, ...]
    more: bool  # another page follows (ask with ``after`` = the last row's code)


@dataclass(frozen=True)
class ProductDetail:
    product: ProductInfo
    member_prices: tuple[tuple[int, Money], ...]  # (tier id, price), by tier id

    def draft(self) -> ProductDraft:
        """The product as a draft to change (``dataclasses.replace``) and save."""
        p = self.product
        return ProductDraft(p.code, p.name, p.price, p.barcode, p.category_id, p.unit,
                            p.points_ratio_permille, p.is_service, p.discountable,
                            self.member_prices, p.cost)


def _category_names(s: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = s.execute(select(Category.id, Category.name).where(Category.id.in_(ids)))
    return {int(i): str(n) for i, n in rows}


def _rows(s: Session, products: list[ProductInfo]) -> tuple[ProductRow, ...]:
    names = _category_names(s, {p.category_id for p in products if p.category_id is not None})
    return tuple(ProductRow(p, names.get(p.category_id, "") if p.category_id else "")
                 for p in products)


def list_products(db: Database, *, after: str | None = None, limit: int = PAGE_SIZE,
                  search: str = "", through: str | None = None) -> ProductPage:
    """Products by code, inactive ones too: the page after code ``after``; or, with
    ``search``, the best matches of the counter's search (at most ``limit``).
    ``through`` (no search): the page runs on to product ``through`` however far
    down the list it is, then ``limit`` more — a product saved or wanted beyond the
    pages the window has, in one read."""
    limit = max(1, min(limit, 1000))
    with db.reader() as uow:
        s = uow.session
        if search.strip():
            found = search_in(s, search, limit=limit, include_inactive=True)
            return ProductPage(_rows(s, list(found.products)), found.more)
        statement = select(Product).order_by(Product.code)
        if after is not None:
            statement = statement.where(Product.code > after)
        if through is not None:  # the products up to it, counted on the code's index
            before = select(func.count(Product.id)).where(Product.code <= through)
            if after is not None:
                before = before.where(Product.code > after)
            limit += int(s.scalar(before) or 0)
        products = [product_info(p) for p in s.scalars(statement.limit(limit + 1))]
        return ProductPage(_rows(s, products[:limit]), len(products) > limit)


def count_products(db: Database) -> tuple[int, int]:
    """(all products, active ones)."""
    with db.reader() as uow:
        total, active = uow.session.execute(select(
            func.count(Product.id),
            func.coalesce(func.sum(case((Product.active.is_(True), 1), else_=0)), 0))).one()
        return int(total), int(active)


def _product(s: Session, code: str) -> Product:
    p = s.scalar(select(Product).where(Product.code == (code or "").strip()))
    if p is None:
        raise NotFoundError("product_not_found", key=code)
    return p


def _detail(s: Session, p: Product) -> ProductDetail:
    prices = tuple((mp.tier_id, mp.price) for mp in s.scalars(
        select(MemberPrice).where(MemberPrice.product_id == p.id).order_by(MemberPrice.tier_id)))
    return ProductDetail(product_info(p), prices)


def product_detail(db: Database, code: str) -> ProductDetail:
    with db.reader() as uow:
        return _detail(uow.session, _product(uow.session, code))


def edit_product(
    db: Database, actor: Actor, code: str, /, **changes: Any
) -> ProductDetail:
    """Change some fields of product ``code`` (names as in :class:`ProductDraft`,
    ``code`` among them: a product's code can change), the rest kept: read and
    written in one transaction. ``code`` is positional-only so that the window can
    pass the whole form's fields, the code included."""
    unknown = set(changes) - {f.name for f in dataclasses.fields(ProductDraft)}
    if unknown:
        raise TypeError(f"unknown product fields: {sorted(unknown)}")
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        p = _product(s, code)
        draft = dataclasses.replace(_detail(s, p).draft(), **changes)
        apply_fields(s, actor, p, check_fields(s, draft, p), p.active)
        s.flush()
        detail = _detail(s, p)
        uow.commit()
    return detail


def set_product_active(db: Database, actor: Actor, code: str, active: bool) -> ProductInfo:
    """Stop selling a product (停售: the counter no longer finds it; past sales keep
    it) or sell it again."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        p = _product(s, code)
        if p.active == active:
            raise ValidationError("product_already", item=p.code,
                                  state_zh="在售" if active else "停售",
                                  state_en="on sale" if active else "stopped")
        p.active = active
        audit.record(s, action="product.activate" if active else "product.deactivate",
                     staff_id=actor.staff_id, entity="product", entity_id=p.code,
                     detail={"active": [not active, active]})
        info = product_info(p)
        uow.commit()
    return info


def list_categories(db: Database) -> list[CategoryInfo]:
    with db.reader() as uow:
        return [CategoryInfo(c.id, c.code, c.name, c.parent_id)
                for c in uow.session.scalars(select(Category).order_by(Category.code))]


def rename_category(db: Database, actor: Actor, code: str, name: str) -> CategoryInfo:
    code = check_code(code, CATEGORY_CODE)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        cat = s.scalar(select(Category).where(Category.code == code))
        if cat is None:
            raise NotFoundError("category_not_found", key=code)
        new_name = check_category_name(s, name, cat.id)
        audit.record(s, action="category.rename", staff_id=actor.staff_id, entity="category",
                     entity_id=cat.code, detail={"name": [cat.name, new_name]})
        cat.name = new_name
        info = CategoryInfo(cat.id, cat.code, cat.name, cat.parent_id)
        uow.commit()
    return info
