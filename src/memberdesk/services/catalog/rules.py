"""The catalogue's door: a product or category request checked once, with a clear
message (zh_CN, en) for each thing wrong. Used by :mod:`.catalog` and
:mod:`.catalog_admin` inside their transactions (the uniqueness checks read)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.domain.barcode import barcode_problem, normalise_barcode
from memberdesk.models import Category, MemberPrice, Product, Tier
from memberdesk.money import Money
from memberdesk.services.shared.errors import (
    ConflictError,
    Localized,
    NotFoundError,
    ValidationError,
)
from memberdesk.services.shared.requests import check_amount, clean_text

CODE_MAX, NAME_MAX, CATEGORY_NAME_MAX, UNIT_MAX = 20, 60, 40, 8
PRICE_MAX = Money(100_000_000)  # 1,000,000.00 yuan: above it a price is a typo
POINTS_RATIO_MAX = 100_000  # ‰: 100 times the normal points
_CODE_EXTRA = frozenset("-_./")

PRODUCT_CODE = Localized("商品编号", "item code")
PRODUCT_NAME = Localized("商品名称", "product name")
CATEGORY_CODE = Localized("分类编号", "category code")
CATEGORY_NAME = Localized("分类名称", "category name")
UNIT = Localized("单位", "unit")
PRICE = Localized("售价", "price")
MEMBER_PRICE = Localized("会员价", "member price")
COST = Localized("进价", "cost")


def check_code(value: object, field: Localized) -> str:
    """An item or category code: 1–20 letters, digits or - _ . / (full-width read
    as ASCII), no spaces."""
    text = unicodedata.normalize("NFKC", value if isinstance(value, str) else "").strip()
    if not text:
        raise ValidationError("required_field", field=field)
    if len(text) > CODE_MAX:
        raise ValidationError("field_too_long", field=field, max=CODE_MAX)
    if not all(c.isascii() and (c.isalnum() or c in _CODE_EXTRA) for c in text):
        raise ValidationError("code_bad_chars", field=field)
    return text


def check_name(value: object, field: Localized, max_len: int) -> str:
    """A required one-line name, refused (never cut) when longer than ``max_len``."""
    text = clean_text(value, 10 * max_len + 10)
    if not text:
        raise ValidationError("required_field", field=field)
    if len(text) > max_len:
        raise ValidationError("field_too_long", field=field, max=max_len)
    return text


def check_barcode(value: str | None) -> str | None:
    """None for no barcode; else the normalised barcode, its check digit verified
    (see :mod:`memberdesk.domain.barcode`)."""
    code = normalise_barcode(value or "")
    if not code:
        return None
    problem = barcode_problem(code)
    if problem is None:
        return code
    if problem.kind == "check_digit":
        raise ValidationError("barcode_check_digit", barcode=code, symbology=problem.symbology,
                              expected=problem.expected)
    if problem.kind == "too_long":
        raise ValidationError("field_too_long", field=Localized("条码", "barcode"), max=32)
    raise ValidationError("barcode_bad_chars", barcode=code[:40])


def check_price(value: object, field: Localized) -> Money:
    price = check_amount(value, allow_zero=True)
    if price > PRICE_MAX:
        raise ValidationError("price_too_high", field=field, amount=price.display(),
                              max=PRICE_MAX.display())
    return price


@dataclass(frozen=True)
class ProductFields:
    """A product request after its checks: every field as it will be stored."""

    code: str
    name: str
    price: Money
    barcode: str | None
    category_id: int | None
    unit: str
    points_ratio_permille: int
    is_service: bool
    discountable: bool
    member_prices: tuple[tuple[int, Money], ...] | None
    cost: Money | None = None


@dataclass(frozen=True)
class ProductDraft:
    """A product as the owner typed it. ``member_prices``: None leaves a product's
    member prices as they are; a tuple of (tier id, price) replaces them all (an
    empty tuple removes them: the tier discount applies)."""

    code: str
    name: str
    price: Money
    barcode: str | None = None
    category_id: int | None = None
    unit: str = "件"
    points_ratio_permille: int = 1000
    is_service: bool = False
    discountable: bool = True
    member_prices: tuple[tuple[int, Money], ...] | None = None
    cost: Money | None = None  # what the shop pays for one (进价); None: not known


def check_cost(value: object) -> Money | None:
    """An optional cost: None, or 0 to 1,000,000 (never negative). A cost above the
    price is allowed (a loss leader); the form warns."""
    return None if value is None else check_price(value, COST)


def check_fields(s: Session, d: ProductDraft, product: Product | None = None) -> ProductFields:
    """``d`` checked against the catalogue;
    ``product`` is the one being edited. An unchanged barcode of an existing product
    is kept even if it fails today's check (it may have been imported long ago)."""
    code = check_code(d.code, PRODUCT_CODE)
    name = check_name(d.name, PRODUCT_NAME, NAME_MAX)
    price = check_price(d.price, PRICE)
    if product is not None and normalise_barcode(d.barcode or "") == (product.barcode or ""):
        barcode = product.barcode
    else:
        barcode = check_barcode(d.barcode)
    unit = clean_text(d.unit, 40) or "件"
    if len(unit) > UNIT_MAX:
        raise ValidationError("field_too_long", field=UNIT, max=UNIT_MAX)
    ratio = d.points_ratio_permille
    if type(ratio) is not int or not 0 <= ratio <= POINTS_RATIO_MAX:
        raise ValidationError("points_ratio_range", max=POINTS_RATIO_MAX // 10)
    own_id = product.id if product is not None else None
    other = s.scalar(select(Product).where(Product.code == code))
    if other is not None and other.id != own_id:
        raise ConflictError("product_code_taken", item=code, name=other.name)
    if barcode is not None:
        owner = s.scalar(select(Product).where(Product.barcode == barcode))
        if owner is not None and owner.id != own_id:
            raise ConflictError("barcode_taken", barcode=barcode, product=f"{owner.code} {owner.name}")
    if d.category_id is not None and s.get(Category, d.category_id) is None:
        raise NotFoundError("category_not_found", key=d.category_id)
    member_prices = None
    if d.member_prices is None and product is not None:  # kept: still under the price?
        for mp in s.scalars(select(MemberPrice).where(MemberPrice.product_id == product.id)):
            _member_price(s, mp.tier_id, mp.price, price)
    if d.member_prices is not None:
        member_prices = tuple(sorted(
            (tier_id, _member_price(s, tier_id, mp, price)) for tier_id, mp in d.member_prices))
    return ProductFields(code, name, price, barcode, d.category_id, unit, ratio,
                         bool(d.is_service), bool(d.discountable), member_prices,
                         check_cost(d.cost))


def _member_price(s: Session, tier_id: int, value: object, price: Money) -> Money:
    tier = s.get(Tier, tier_id)
    if tier is None:
        raise NotFoundError("tier_not_found", key=tier_id)
    member_price = check_price(value, MEMBER_PRICE)
    if price < member_price:
        raise ValidationError("member_price_above_price", tier=tier.name,
                              member_price=member_price.display(), price=price.display())
    return member_price


def check_category_name(s: Session, value: object, category_id: int | None = None) -> str:
    name = check_name(value, CATEGORY_NAME, CATEGORY_NAME_MAX)
    other = s.scalar(select(Category.id).where(Category.name == name))
    if other is not None and other != category_id:
        raise ConflictError("category_name_taken", name=name)
    return name
