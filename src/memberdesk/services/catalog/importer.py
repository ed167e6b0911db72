"""Importing products from an Excel workbook (商品导入), on the shared machinery of
:mod:`.sheet_import` (the file guarded and streamed, every row checked first, a
dry run, an error workbook, progress and cancel, short write transactions).

Rows are matched by item code (货号): a new code creates a product, a known one
updates it, and a row that changes nothing is counted as unchanged, so importing
the same file twice creates nothing twice. A column the sheet does not have
leaves that field as it is; a blank barcode, category or member price cell
removes it; a blank yes/no cell leaves it as it is (new products: yes).

Each row is read and checked on its own in :mod:`.product_rows`; here a
barcode that belongs to another product of the shop fails the row.

**Categories**: a category the shop does not have (matched by name or code) is
created with the import — an owner moving from another system should not have to
type thirty categories first — and the dry run names each category it would
create, so a typo is seen before anything is written.

Managers and owners (``MANAGE_CATALOG``). Each write batch is one transaction with
one ``product.import`` audit row (the rows, how many created and updated, and the
old and new value of every field an update changed); each new category has its
``category.create`` row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Category, MemberPrice, Product, ProductSearchKey
from memberdesk.money import Money
from memberdesk.services.catalog.import_rows import NORMAL_POINTS, ProductRow, RowContext, parse_row
from memberdesk.services.catalog.products import initials, search_keys, write_search_keys
from memberdesk.services.catalog.sheet import (
    COLUMNS,
    PRODUCTS_SHEET,
    map_header,
    tier_key,
    tiers_of,
)
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.sheets.importer import (
    ImportKind,
    ImportProgress,
    RowProblem,
    StopCodes,
    run_import,
)
from memberdesk.services.sheets.workbook_guard import LIMITS, WorkbookLimits

# -- against the shop -------------------------------------------------------------------------


def _categories(s: Session) -> dict[str, int]:
    """Category name or code (folded) -> id."""
    found: dict[str, int] = {}
    for cid, code, name in s.execute(select(Category.id, Category.code, Category.name)):
        found.setdefault(tier_key(name), cid)
        found.setdefault(tier_key(code), cid)
    return found


def _final(r: ProductRow, p: Product | None, category_id: int | None) -> dict[str, Any]:
    """The product's columns as this row leaves them."""
    f = r.fields
    ratio = p.points_ratio_permille if p is not None else NORMAL_POINTS
    if f.get("earns_points") is not None:
        ratio = (ratio or NORMAL_POINTS) if f["earns_points"] else 0

    def kept(name: str, default: Any) -> Any:
        if f.get(name) is not None:
            return f[name]
        return getattr(p, name) if p is not None else default

    return {
        "code": r.code, "name": f["name"], "price": f["price"],
        "barcode": f.get("barcode", p.barcode if p is not None else None),
        "unit": f.get("unit", p.unit if p is not None else "件"),
        "cost": f.get("cost", p.cost if p is not None else None),  # a blank cell: None
        "category_id": category_id, "points_ratio_permille": ratio,
        "discountable": kept("discountable", True), "active": kept("active", True),
    }  # fmt: skip


def _snapshot(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.fen if isinstance(v, Money) else v for k, v in row.items()}


def check_against_shop(s: Session, rows: list[ProductRow]) -> list[ProductRow]:
    """Settle each good row against the shop: a barcode of another product fails
    it, a row that changes nothing is skipped (unchanged); returns the rows to write."""
    good = [r for r in rows if not r.problems]
    existing = {p.code: p for p in s.scalars(
        select(Product).where(Product.code.in_([r.code for r in good])))}
    barcodes = [r.fields["barcode"] for r in good if r.fields.get("barcode")]
    owners = {b: (c, n) for b, c, n in s.execute(
        select(Product.barcode, Product.code, Product.name).where(Product.barcode.in_(barcodes)))
    } if barcodes else {}  # fmt: skip
    kept_prices: dict[int, dict[int, Money]] = {}
    for mp in s.scalars(select(MemberPrice).where(
            MemberPrice.product_id.in_([p.id for p in existing.values()]))):
        kept_prices.setdefault(mp.product_id, {})[mp.tier_id] = mp.price
    tier_names = {t.id: t.name for t in tiers_of(s)}
    categories = _categories(s)
    out: list[ProductRow] = []
    for r in good:
        p = existing.get(r.code)
        barcode = r.fields.get("barcode")
        owner = owners.get(barcode) if barcode else None
        if owner is not None and owner[0] != r.code:
            r.fail("barcode", ConflictError("barcode_taken", barcode=barcode,
                                            product=f"{owner[0]} {owner[1]}"))
            continue
        category_id = p.category_id if p is not None else None
        r.new_category = None
        if "category" in r.fields:
            name = r.fields["category"]
            category_id = categories.get(tier_key(name)) if name else None
            if name and category_id is None:
                r.new_category = name
        r.row = _final(r, p, category_id)
        old_prices = kept_prices.get(p.id, {}) if p is not None else {}
        merged = {**old_prices, **r.prices}
        r.member_prices = {t: mp for t, mp in sorted(merged.items()) if mp is not None}
        for tier_id, kept in r.member_prices.items():
            if tier_id not in r.prices and r.row["price"] < kept:
                r.fail("member_price", ValidationError(
                    "kept_member_price_above_price", tier=tier_names.get(tier_id, tier_id),
                    member_price=kept.display(), price=r.row["price"].display()))
        if r.problems:
            continue
        if p is None:
            r.product_id = None
            out.append(r)
            continue
        before = _snapshot(_final(ProductRow(0, (), fields={"name": p.name, "price": p.price}),
                                  p, p.category_id)) | {"code": p.code}
        after = _snapshot(r.row)
        r.changes = {k: [before[k], v] for k, v in after.items() if before[k] != v}
        if r.new_category is not None:
            r.changes["category"] = [None, r.new_category]
        if r.member_prices != old_prices:
            r.changes["member_prices"] = [{str(t): m.fen for t, m in old_prices.items()},
                                          {str(t): m.fen for t, m in r.member_prices.items()}]
        if not r.changes:
            r.skipped_as = p.code
            continue
        r.product_id = p.id
        out.append(r)
    return out


def _category_code(s: Session, count: int) -> list[str]:
    taken = set(s.scalars(select(Category.code).where(Category.code.like("C%"))))
    codes: list[str] = []
    n = len(taken)
    while len(codes) < count:
        n += 1
        if f"C{n:03d}" not in taken:
            codes.append(f"C{n:03d}")
    return codes


def _create_categories(s: Session, actor: Actor, rows: list[ProductRow]) -> None:
    names = list(dict.fromkeys(r.new_category for r in rows if r.new_category))
    ids: dict[str, int] = {}
    for code, name in zip(_category_code(s, len(names)), names, strict=True):
        cat = Category(code=code, name=name)
        s.add(cat)
        s.flush()
        audit.record(s, action="category.create", staff_id=actor.staff_id, entity="category",
                     entity_id=code, detail={"name": name, "by": "import"})
        ids[name] = cat.id
    for r in rows:
        if r.new_category:
            r.row["category_id"] = ids[r.new_category]


def _insert(s: Session, rows: list[ProductRow]) -> None:
    values = [{**r.row, "name_initials": initials(r.row["name"])} for r in rows]
    ids = s.scalars(insert(Product).returning(Product.id, sort_by_parameter_order=True),
                    values).all()  # fmt: skip
    keys = [{"key": k, "product_id": pid} for pid, v in zip(ids, values, strict=True)
            for k in sorted(search_keys(v["name"], v["name_initials"]))]
    if keys:
        s.execute(insert(cast(Table, ProductSearchKey.__table__)), keys)
    prices = [{"product_id": pid, "tier_id": t, "price": mp}
              for pid, r in zip(ids, rows, strict=True) for t, mp in r.member_prices.items()]
    if prices:
        s.execute(insert(MemberPrice), prices)


def _update(s: Session, rows: list[ProductRow]) -> None:
    for r in rows:
        p = s.get(Product, r.product_id)
        assert p is not None  # checked in this transaction
        renamed = p.name != r.row["name"]
        for name, value in r.row.items():
            setattr(p, name, value)
        if renamed:
            p.name_initials = initials(p.name)
            s.flush()
            write_search_keys(s, p)
        if "member_prices" in r.changes:
            s.execute(delete(MemberPrice).where(MemberPrice.product_id == p.id))
            s.add_all(MemberPrice(product_id=p.id, tier_id=t, price=mp)
                      for t, mp in r.member_prices.items())
    s.flush()


@dataclass
class _Products(ImportKind[ProductRow]):
    actor: Actor
    created: int = 0
    updated: int = 0
    new_categories: dict[str, None] = field(default_factory=dict)
    sheet_names = PRODUCTS_SHEET
    columns = COLUMNS
    stop_codes = StopCodes("product_import_stopped", "product_import_busy",
                           "product_import_disk_full")

    def map_header(self, cells: Any) -> dict[str, int]:
        return map_header(cells)

    def plan(self, db: Database, columns: dict[str, int], header: tuple[Any, ...], name: str,
             sha256: str) -> None:  # fmt: skip
        with db.reader() as uow:
            require(uow.session, self.actor, Permission.MANAGE_CATALOG)
            tiers = tiers_of(uow.session)
        by_key = {tier_key(k): t for t in tiers for k in (t.code, t.name)}
        known = {f: by_key[f[5:]] for f in columns if f.startswith("tier:") and f[5:] in by_key}
        unknown = {f: str(header[i]) for f, i in columns.items()
                   if f.startswith("tier:") and f not in known}
        self.ctx = RowContext(columns, known, unknown, "、".join(t.name for t in tiers) or "—")
        self.name, self.sha256 = name, sha256

    def parse(self, number: int, values: tuple[Any, ...]) -> ProductRow:
        return parse_row(number, values, self.ctx)

    def check(self, session: Session, rows: list[ProductRow]) -> list[ProductRow]:
        return check_against_shop(session, rows)

    def counted(self, r: ProductRow) -> None:
        if r.product_id is None:
            self.created += 1
        else:
            self.updated += 1
        if r.new_category:
            self.new_categories[r.new_category] = None

    def write(self, s: Session, rows: list[ProductRow]) -> bool:
        to_write = check_against_shop(s, rows)
        if not to_write:
            return False
        _create_categories(s, self.actor, to_write)
        new = [r for r in to_write if r.product_id is None]
        if new:
            _insert(s, new)
        _update(s, [r for r in to_write if r.product_id is not None])
        audit.record(s, action="product.import", staff_id=self.actor.staff_id, entity="file",
                     entity_id=self.name[:40], detail={
                         "sha256": self.sha256,
                         "rows": f"{to_write[0].number}-{to_write[-1].number}",
                         "created": len(new), "updated": len(to_write) - len(new),
                         "changes": {r.code: r.changes for r in to_write if r.product_id},
                     })  # fmt: skip
        return True


@dataclass(frozen=True)
class ProductImportResult:
    file: Path
    dry_run: bool
    rows: int  # data rows read (blank rows are not counted)
    created: int  # products created (a dry run: that would be)
    updated: int
    unchanged: int
    failed: int
    new_categories: tuple[str, ...]
    problems: tuple[RowProblem, ...]  # the first few hundred
    error_report: Path | None

    @property
    def written(self) -> int:
        return self.created + self.updated

    def summary(self, lang: str = "zh_CN") -> str:
        more = "…" if len(self.new_categories) > 10 else ""
        if lang.startswith("en"):
            verb = "would create" if self.dry_run else "created"
            text = (f"{self.rows} rows: {verb} {self.created} products, "
                    f"{'would update' if self.dry_run else 'updated'} {self.updated}, "
                    f"{self.unchanged} unchanged, {self.failed} with errors")
            if self.new_categories:
                text += f"; new categories: {', '.join(self.new_categories[:10])}{more}"
            return text
        verb = "将新建" if self.dry_run else "新建"
        text = (f"共 {self.rows} 行：{verb} {self.created} 个商品，{'将更新' if self.dry_run else '更新'} "
                f"{self.updated} 个，无变化 {self.unchanged} 个，有错误 {self.failed} 行")
        if self.new_categories:
            cats = "、".join(self.new_categories[:10]) + more
            text += f"；{'将' if self.dry_run else ''}新建分类：{cats}"
        return text


def import_products(
    db: Database,
    actor: Actor,
    path: Path | str,
    *,
    dry_run: bool = False,
    error_report: Path | str | None = None,
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    lang: str = "zh_CN",
    limits: WorkbookLimits = LIMITS,
) -> ProductImportResult:
    """Import the products in the .xlsx at ``path`` (see the module doc and
    :func:`.sheet_import.run_import` for the error report, progress and cancel)."""
    path = Path(path)
    kind = _Products(actor)
    tally = run_import(db, kind, path, dry_run=dry_run, error_report=error_report,
                       progress=progress, cancel=cancel, lang=lang, limits=limits)
    return ProductImportResult(path, dry_run, tally.rows, kind.created, kind.updated,
                               tally.skipped, tally.failed, tuple(kind.new_categories),
                               tuple(tally.problems), tally.error_report)

