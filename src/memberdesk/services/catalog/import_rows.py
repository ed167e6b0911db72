"""One row of a product workbook read (商品导入): its cells parsed and checked as
the 商品 page checks a product — item code, name, barcode (EAN-13/EAN-8/UPC-A check
digit), unit, a price from 0 to 1,000,000, member prices not above the price; a
code or barcode repeated in the file fails the later row; a member price column
whose tier the shop does not have fails the rows that fill it in; a formula cell
fails its row. No database here: :mod:`.product_import` settles the rows against
the shop and writes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from memberdesk.money import Money
from memberdesk.services.catalog.rules import (
    CATEGORY_NAME,
    CATEGORY_NAME_MAX,
    MEMBER_PRICE,
    NAME_MAX,
    PRICE,
    PRODUCT_CODE,
    PRODUCT_NAME,
    UNIT,
    UNIT_MAX,
    check_barcode,
    check_code,
    check_cost,
    check_name,
    check_price,
)
from memberdesk.services.catalog.sheet import LABELS, TierColumn
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.requests import clean_text
from memberdesk.services.sheets.cells import cell_text, is_blank, read_bool, read_money
from memberdesk.services.sheets.importer import SheetRow, cell_reader, parse_cells, repeats

NORMAL_POINTS = 1000  # ‰: a product that earns points earns the normal rate


@dataclass
class ProductRow(SheetRow):
    """``fields``: the cells the sheet has, parsed; ``prices``: tier id -> member
    price (None removes it). :func:`.product_import.check_against_shop` sets what is written."""

    code: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    prices: dict[int, Money | None] = field(default_factory=dict)
    product_id: int | None = None  # the product updated; None: a new one
    new_category: str | None = None
    row: dict[str, Any] = field(default_factory=dict)  # the product's columns as written
    member_prices: dict[int, Money] = field(default_factory=dict)  # as written
    changes: dict[str, list[Any]] = field(default_factory=dict)


@dataclass
class RowContext:
    columns: dict[str, int]
    tiers: dict[str, TierColumn]  # a member price column's field -> its tier
    unknown_tiers: dict[str, str]  # a member price column's field -> its header
    tier_names: str
    seen_codes: dict[str, int] = field(default_factory=dict)
    seen_barcodes: dict[str, int] = field(default_factory=dict)


def _yes_no(cell: Callable[[str], Any], fld: str) -> bool | None:
    value = cell(fld)
    return None if is_blank(value) else read_bool(value, fld, LABELS)


def _price(value: object) -> Money:
    if is_blank(value):
        raise ValidationError("required_field", field=PRICE)
    return check_price(read_money(value, "price", LABELS), PRICE)


def _cost(value: object) -> Money | None:
    """A cost cell: blank removes the cost (unknown)."""
    return None if is_blank(value) else check_cost(read_money(value, "cost", LABELS))


def _unit(text: str) -> str:
    unit = clean_text(text, 40) or "件"
    if len(unit) > UNIT_MAX:
        raise ValidationError("field_too_long", field=UNIT, max=UNIT_MAX)
    return unit


def _category(text: str) -> str:
    name = clean_text(text, 10 * CATEGORY_NAME_MAX)
    if len(name) > CATEGORY_NAME_MAX:
        raise ValidationError("field_too_long", field=CATEGORY_NAME, max=CATEGORY_NAME_MAX)
    return name


def parse_row(number: int, values: tuple[Any, ...], ctx: RowContext) -> ProductRow:
    """One row, every problem of it collected; no database here."""
    row = ProductRow(number, values)
    cell = cell_reader(values, ctx.columns, LABELS)

    def text(fld: str) -> str:
        return cell_text(cell(fld))

    parsers: dict[str, Callable[[], Any]] = {
        "code": lambda: check_code(text("code"), PRODUCT_CODE),
        "name": lambda: check_name(text("name"), PRODUCT_NAME, NAME_MAX),
        "price": lambda: _price(cell("price")),
    }
    optional: dict[str, Callable[[], Any]] = {
        "barcode": lambda: check_barcode(text("barcode")),
        "unit": lambda: _unit(text("unit")),
        "cost": lambda: _cost(cell("cost")),
        "category": lambda: _category(text("category")),
        "earns_points": lambda: _yes_no(cell, "earns_points"),
        "discountable": lambda: _yes_no(cell, "discountable"),
        "active": lambda: _yes_no(cell, "active"),
    }
    parsers.update({k: v for k, v in optional.items() if k in ctx.columns})
    row.fields = parse_cells(row, parsers)
    row.code = row.fields.pop("code", "")
    price = row.fields.get("price")
    for fld, tier in ctx.tiers.items():
        try:
            value = cell(fld)
            mp = None if is_blank(value) else check_price(read_money(value, "member_price",
                                                                     LABELS), MEMBER_PRICE)
            if mp is not None and price is not None and price < mp:
                raise ValidationError("member_price_above_price", tier=tier.name,
                                      member_price=mp.display(), price=price.display())
            row.prices[tier.id] = mp
        except ValidationError as exc:
            row.fail("member_price", exc)
    for fld, header in ctx.unknown_tiers.items():
        if not is_blank(values[ctx.columns[fld]] if ctx.columns[fld] < len(values) else None):
            row.fail("member_price", ValidationError(
                "unknown_tier_column", column=header, tier=fld.removeprefix("tier:"),
                tiers=ctx.tier_names))
    if not row.problems:
        checks = [("code", ctx.seen_codes, row.code, row.code)]
        if row.fields.get("barcode"):
            barcode = row.fields["barcode"]
            checks.append(("barcode", ctx.seen_barcodes, barcode, barcode))
        repeats(row, checks, LABELS)
    return row
