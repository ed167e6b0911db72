"""Count-card templates (计次卡模板) the owner edits: one or several services with a
number of uses each, a validity in days or an end date, a price and optional prices
per tier, active or not. A template sells as a product of its own (same code and
name; its member prices are the per-tier prices), so the counter finds it like any
product and the normal checkout sells it. Editing a template changes what is sold
from then on: cards already sold keep their uses and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import (
    MemberCountCard,
    MemberPrice,
    Product,
    ServicePackage,
    ServicePackageItem,
    Tier,
)
from memberdesk.money import Money
from memberdesk.services.catalog.products import ProductDraft, add_product_in, apply_fields
from memberdesk.services.catalog.rules import check_fields
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require

MAX_USES = 999
MAX_DAYS = 3660


@dataclass(frozen=True)
class TemplateDraft:
    code: str
    name: str
    price: Money
    items: tuple[tuple[str, int], ...]  # (service product code, uses)
    validity_days: int | None = None
    valid_until: date | None = None
    tier_prices: tuple[tuple[str, Money], ...] = ()  # (tier code, price)


@dataclass(frozen=True)
class TemplateItem:
    product_code: str
    product_name: str
    uses: int


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    code: str
    name: str
    price: Money
    validity_days: int | None
    valid_until: date | None
    active: bool
    items: tuple[TemplateItem, ...]
    tier_prices: tuple[tuple[str, str, Money], ...]  # (tier code, tier name, price)
    sold: int  # cards sold so far


def _items(s: Session, items: object, own_product_id: int | None) -> list[tuple[Product, int]]:
    if not isinstance(items, tuple | list) or not items:
        raise ValidationError("count_card_template_items", max=MAX_USES)
    out: list[tuple[Product, int]] = []
    for code, uses in items:
        if type(uses) is not int or not 1 <= uses <= MAX_USES:
            raise ValidationError("count_card_template_items", max=MAX_USES)
        p = s.scalar(select(Product).where(Product.code == str(code or "").strip()))
        if p is None or p.id == own_product_id or s.scalar(
                select(ServicePackage.id).where(ServicePackage.product_id == p.id)):
            raise NotFoundError("count_card_service_not_found", key=code)
        if any(q.id == p.id for q, _ in out):
            raise ValidationError("count_card_template_items", max=MAX_USES)
        out.append((p, uses))
    return out


def _validity(d: TemplateDraft) -> None:
    days = d.validity_days
    if days is not None and (type(days) is not int or not 1 <= days <= MAX_DAYS):
        raise ValidationError("count_card_template_validity", max=MAX_DAYS)
    if d.valid_until is not None and not isinstance(d.valid_until, date):
        raise ValidationError("count_card_template_validity", max=MAX_DAYS)


def _tier_ids(s: Session, tier_prices: tuple[tuple[str, Money], ...]) -> tuple[tuple[int, Money], ...]:
    out = []
    for code, price in tier_prices:
        tier_id = s.scalar(select(Tier.id).where(Tier.code == str(code).strip()))
        if tier_id is None:
            raise NotFoundError("count_card_tier_not_found", key=code)
        out.append((tier_id, price))
    return tuple(out)


def _product_draft(s: Session, d: TemplateDraft) -> ProductDraft:
    return ProductDraft(code=d.code, name=d.name, price=d.price, unit="张", discountable=False,
                        is_service=True, member_prices=_tier_ids(s, d.tier_prices))


def _write(s: Session, pkg: ServicePackage, product: Product, d: TemplateDraft,
           items: list[tuple[Product, int]]) -> None:
    pkg.code, pkg.name, pkg.price = product.code, product.name, product.price
    pkg.validity_days, pkg.valid_until = d.validity_days, d.valid_until
    s.execute(delete(ServicePackageItem).where(ServicePackageItem.package_id == pkg.id))
    s.add_all(ServicePackageItem(package_id=pkg.id, product_id=p.id, uses=n) for p, n in items)
    s.flush()


def _audit(s: Session, actor: Actor, action: str, pkg: ServicePackage,
           items: list[tuple[Product, int]]) -> None:
    audit.record(s, action=action, staff_id=actor.staff_id, entity="count_card_template",
                 entity_id=pkg.code, detail={
                     "name": pkg.name, "price": pkg.price.fen, "validity_days": pkg.validity_days,
                     "valid_until": pkg.valid_until.isoformat() if pkg.valid_until else None,
                     "items": {p.code: n for p, n in items}, "active": pkg.active})


def add_template(db: Database, actor: Actor, draft: TemplateDraft) -> TemplateInfo:
    """A new template and the product it sells as; owner only (loyalty rules)."""
    _validity(draft)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_LOYALTY_RULES)
        fields = check_fields(s, _product_draft(s, draft))
        items = _items(s, draft.items, None)
        product = add_product_in(s, actor, fields)
        pkg = ServicePackage(code=product.code, name=product.name, price=product.price,
                             product_id=product.id, active=True)
        s.add(pkg)
        s.flush()
        _write(s, pkg, product, draft, items)
        _audit(s, actor, "count_card_template.add", pkg, items)
        info = _info(s, pkg)
        uow.commit()
    return info


def _package(s: Session, code: str) -> tuple[ServicePackage, Product]:
    pkg = s.scalar(select(ServicePackage).where(ServicePackage.code == str(code or "").strip()))
    product = s.get(Product, pkg.product_id) if pkg and pkg.product_id else None
    if pkg is None or product is None:
        raise NotFoundError("count_card_template_not_found", key=code)
    return pkg, product


def edit_template(db: Database, actor: Actor, code: str, draft: TemplateDraft) -> TemplateInfo:
    """Replace a template's fields (cards already sold keep theirs)."""
    _validity(draft)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_LOYALTY_RULES)
        pkg, product = _package(s, code)
        fields = check_fields(s, _product_draft(s, draft), product)
        items = _items(s, draft.items, product.id)
        apply_fields(s, actor, product, fields, pkg.active)
        _write(s, pkg, product, draft, items)
        _audit(s, actor, "count_card_template.edit", pkg, items)
        info = _info(s, pkg)
        uow.commit()
    return info


def set_template_active(db: Database, actor: Actor, code: str, active: bool) -> TemplateInfo:
    """Stop (or resume) selling a template; cards sold stay usable."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_LOYALTY_RULES)
        pkg, product = _package(s, code)
        pkg.active = product.active = bool(active)
        s.flush()
        audit.record(s, action="count_card_template.active", staff_id=actor.staff_id,
                     entity="count_card_template", entity_id=pkg.code,
                     detail={"active": pkg.active})
        info = _info(s, pkg)
        uow.commit()
    return info


def _info(s: Session, pkg: ServicePackage) -> TemplateInfo:
    items = tuple(TemplateItem(code, name, uses) for code, name, uses in s.execute(
        select(Product.code, Product.name, ServicePackageItem.uses)
        .join(Product, Product.id == ServicePackageItem.product_id)
        .where(ServicePackageItem.package_id == pkg.id).order_by(ServicePackageItem.id)))
    tiers = tuple((code, name, price) for code, name, price in s.execute(
        select(Tier.code, Tier.name, MemberPrice.price).join(Tier, Tier.id == MemberPrice.tier_id)
        .where(MemberPrice.product_id == pkg.product_id).order_by(Tier.rank)))
    sold = len(list(s.scalars(select(MemberCountCard.id).where(
        MemberCountCard.package_id == pkg.id))))
    product = s.get(Product, pkg.product_id) if pkg.product_id else None
    price = product.price if product is not None else pkg.price  # the price the counter charges
    return TemplateInfo(pkg.id, pkg.code, pkg.name, price, pkg.validity_days,
                        pkg.valid_until, pkg.active, items, tiers, sold)


def list_templates(db: Database, actor: Actor) -> list[TemplateInfo]:
    """Every template, active first, then by code. Anyone at the till may read them."""
    with db.reader() as r:
        s = r.session
        require(s, actor, Permission.SELL)
        pkgs = s.scalars(select(ServicePackage).where(ServicePackage.product_id.is_not(None))
                         .order_by(ServicePackage.active.desc(), ServicePackage.code))
        return [_info(s, p) for p in pkgs]
