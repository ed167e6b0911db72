"""The product spreadsheet (商品表): its columns, the import template and the
export, on :mod:`.sheet_cells`.

Import, export and the template share one column list, so an export can be
edited and imported again (it updates by item code). Every column but the item
code, name and price is optional: a template from before the cost column (进价)
imports as it did. The member price columns are
one per tier, headed ``会员价:金卡`` / ``Member price: Gold`` (the tier's name or
code after the colon). Text Excel could run as a formula (a name starting with
``=``) is written as quoted text (:func:`.sheet_cells.safe_value`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Category, MemberPrice, Product, Tier
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.sheets.cells import (
    Column,
    Template,
    export_rows,
    header_map,
    header_text,
    norm_header,
    write_template as write_sheet_template,
)

PRODUCTS_SHEET = ("商品", "Products")
PAGE = 2000

LABELS: dict[str, tuple[str, str]] = {
    "code": ("货号", "item code"),
    "barcode": ("条码", "barcode"),
    "name": ("商品名称", "product name"),
    "category": ("分类", "category"),
    "unit": ("单位", "unit"),
    "price": ("售价", "price"),
    "member_price": ("会员价", "member price"),
    "cost": ("进价", "cost"),
    "tier": ("会员价", "member price"),
    "earns_points": ("积分", "earns points"),
    "discountable": ("参与折扣", "tier discount"),
    "active": ("在售", "on sale"),
}

COLUMNS: tuple[Column, ...] = (
    Column("code", "货号", "Item code", required=True, aliases=("商品编号", "编号", "code"),
           as_text=True, note_zh="字母、数字和 - _ . /，最多 20 位；已有的货号会被更新",
           note_en="letters, digits, - _ . /, up to 20; an existing code is updated"),
    Column("barcode", "条码", "Barcode", aliases=("商品条码", "条形码"), width=16, as_text=True,
           note_zh="EAN-13/EAN-8/UPC-A 会核对校验位；留空为无条码",
           note_en="EAN-13/EAN-8/UPC-A check digit verified; blank: none"),
    Column("name", "商品名称", "Name", required=True, aliases=("名称", "品名", "product name"),
           width=24, note_zh="最多 60 个字", note_en="at most 60 characters"),
    Column("category", "分类", "Category", aliases=("商品分类", "类别"), width=12,
           note_zh="分类名称或编号；没有的分类会自动新建；留空为无分类",
           note_en="category name or code; a new one is created; blank: none"),
    Column("unit", "单位", "Unit", width=6, note_zh="如 瓶、包；留空为 件",
           note_en="e.g. bottle; blank: 件"),
    Column("price", "售价", "Price", required=True, aliases=("零售价", "价格", "单价"), width=10,
           note_zh="元，如 3.50；最多 1,000,000", note_en="yuan, e.g. 3.50; at most 1,000,000"),
    Column("cost", "进价", "Cost", aliases=("成本", "成本价", "进货价", "cost price"), width=10,
           note_zh="元，可不填（用于毛利）；可高于售价；留空为未知",
           note_en="yuan, optional (for the gross margin); may be above the price; blank: unknown"),
    Column("earns_points", "积分", "Earns points", aliases=("是否积分", "参与积分"), width=8,
           note_zh="是 / 否；留空不改", note_en="yes / no; blank: unchanged", choices="是,否"),
    Column("discountable", "参与折扣", "Tier discount", aliases=("会员折扣", "折扣"), width=8,
           note_zh="等级折扣是否适用：是 / 否；留空不改",
           note_en="does the tier discount apply: yes / no; blank: unchanged", choices="是,否"),
    Column("active", "在售", "On sale", aliases=("是否在售", "状态"), width=8,
           note_zh="是 / 否（停售）；留空不改", note_en="yes / no (stopped); blank: unchanged",
           choices="是,否"),
)  # fmt: skip

_HEADER_TO_FIELD = header_map(COLUMNS)
_TIER_HEADER_RE = re.compile(r"^(?:会员价|memberprice)[:：\-·(（](.+?)[)）]?$")


@dataclass(frozen=True)
class TierColumn:
    id: int
    code: str
    name: str


def tier_header(name: str, lang: str) -> str:
    return f"Member price: {name}" if lang.startswith("en") else f"会员价:{name}"


def tier_key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def tier_in_header(cell: object) -> str | None:
    """The tier named by a member price column's header (``会员价:金卡``), else None."""
    text = tier_key(str(cell or ""))
    m = _TIER_HEADER_RE.match(text)
    return m.group(1) if m else None


def map_header(cells: Sequence[object]) -> dict[str, int]:
    """field -> column index; a member price column is ``tier:NAME`` (as written)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        tier = tier_in_header(cell)
        field = f"tier:{tier}" if tier else _HEADER_TO_FIELD.get(norm_header(cell))
        if field is not None and field not in found:
            found[field] = i
    return found


def tiers_of(s: Session) -> list[TierColumn]:
    return [TierColumn(i, c, n) for i, c, n in s.execute(
        select(Tier.id, Tier.code, Tier.name).where(Tier.active.is_(True)).order_by(Tier.rank))]


def _headers(tiers: Sequence[TierColumn], lang: str) -> list[str]:
    base = [header_text(c, lang) for c in COLUMNS]
    price_at = [c.field for c in COLUMNS].index("price") + 1
    return [*base[:price_at], *(tier_header(t.name, lang) for t in tiers), *base[price_at:]]


def write_template(db: Database, path: Path, lang: str = "zh_CN") -> Path:
    """The product import template, with one member price column per tier."""
    en = lang.startswith("en")
    with db.reader() as uow:
        tiers = tiers_of(uow.session)
    price_at = [c.field for c in COLUMNS].index("price") + 1
    tier_columns = [Column(f"tier:{t.code}", tier_header(t.name, "zh_CN"),
                           tier_header(t.name, "en"), width=12) for t in tiers]
    columns = [*COLUMNS[:price_at], *tier_columns, *COLUMNS[price_at:]]
    notes = [(c.en if en else c.zh, ("yes" if en else "是") if c.required else "",
              c.note_en if en else c.note_zh) for c in COLUMNS]
    notes.insert(price_at, (tier_header("…", lang), "",
                            "this tier's price, not above the price; blank: none (the tier "
                            "discount applies)" if en else
                            "该等级的会员价，不能高于售价；留空为无会员价（按等级折扣）"))
    footer = ("Rows are matched by item code: importing the same file again creates nothing "
              "twice, it updates." if en else
              "按货号匹配：同一文件重复导入不会产生重复商品，只会更新已有商品。")
    sheet = PRODUCTS_SHEET[1] if en else PRODUCTS_SHEET[0]
    return write_sheet_template(path, Template(sheet, columns, notes, footer, lang))


@dataclass(frozen=True)
class ProductExport:
    path: Path
    rows: int


def _yes(flag: bool, en: bool) -> str:
    return ("yes" if flag else "no") if en else ("是" if flag else "否")


def _product_rows(s: Session, tiers: Sequence[TierColumn], en: bool,
                  ) -> Generator[list[object]]:  # fmt: skip
    categories = {i: n for i, n in s.execute(select(Category.id, Category.name))}
    after = 0
    while page := list(s.scalars(select(Product).where(Product.id > after)
                                 .order_by(Product.id).limit(PAGE))):
        prices: dict[tuple[int, int], object] = {
            (mp.product_id, mp.tier_id): mp.price for mp in s.scalars(
                select(MemberPrice).where(MemberPrice.product_id.in_([p.id for p in page])))}
        for p in page:
            yield [p.code, p.barcode, p.name, categories.get(p.category_id or 0, ""), p.unit,
                   p.price, *(prices.get((p.id, t.id)) for t in tiers), p.cost,
                   _yes(p.points_ratio_permille > 0, en), _yes(p.discountable, en),
                   _yes(p.active, en)]
        after = page[-1].id
        s.expunge_all()


def export_products(db: Database, actor: Actor, path: Path | str, *,
                    progress: Callable[[int, int], object] | None = None,
                    cancel: Callable[[], bool] | None = None,
                    lang: str = "zh_CN") -> ProductExport:  # fmt: skip
    """Every product (stopped ones too) to the .xlsx at ``path``, streamed; its
    columns are the template's, so the file imports again. Managers and owners;
    audited (``product.export``) once the file is written."""
    path = Path(path)
    en = lang.startswith("en")
    with db.reader() as uow:
        require(uow.session, actor, Permission.MANAGE_CATALOG)
        tiers = tiers_of(uow.session)

    def total() -> int:
        with db.reader() as uow:
            return uow.session.scalar(select(func.count(Product.id))) or 0

    def rows() -> Generator[list[object]]:
        with db.reader() as uow:
            yield from _product_rows(uow.session, tiers, en)

    def record() -> None:
        with db.uow() as uow:
            require(uow.session, actor, Permission.MANAGE_CATALOG)
            audit.record(uow.session, action="product.export", staff_id=actor.staff_id,
                         entity="file", entity_id=path.name[:40], detail={})
            uow.commit()

    written = export_rows(path, PRODUCTS_SHEET[1] if en else PRODUCTS_SHEET[0],
                          _headers(tiers, lang), rows, page=PAGE, total=total,
                          progress=progress, cancel=cancel, cancelled="export_cancelled",
                          before_rename=record)  # fmt: skip
    return ProductExport(path, written)
