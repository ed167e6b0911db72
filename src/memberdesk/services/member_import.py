"""Importing members from an Excel workbook, streamed row by row.

``import_members`` reads the sheet with openpyxl in read-only mode (rows are parsed
as they are needed, never the whole sheet at once), validates every row, and in
one transaction creates the good rows' members, binds their cards and posts their
opening stored value and points as ``opening`` ledger entries. Rows with problems
are left out and copied, with an error column, into an error report workbook
(written in write-only mode as the import goes), which can be corrected and
imported again.

Re-importing is safe: a row whose phone is already registered is skipped, so the
same file imported twice creates nothing twice. A dry run does all the checks in
a read-only transaction and writes nothing but the error report.

The write transaction holds the database's write lock until the import ends, so
the counter waits meanwhile: importing is a set-up task, not a counter task.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Card, Member, Tier
from memberdesk.models.base import utcnow
from memberdesk.models.enums import CardStatus, PointsKind, StoredValueKind
from memberdesk.money import Money

from . import audit, ledger, settings
from .cards import card_candidates
from .context import Actor
from .errors import UserError, ValidationError
from .member_fields import (
    ADDRESS_MAX,
    MemberInput,
    check_birthday,
    clean_email,
    clean_member_no,
    clean_name,
    clean_notes,
    clean_optional,
    clean_tags,
    field_error,
    mask_phone,
    normalise_phone,
)
from .member_import_file import (
    ErrorReport,
    Formula,
    count_rows,
    default_error_report,
    file_sha256,
    is_blank,
    open_sheet,
    read_header,
    sheet_rows,
)
from .member_import_result import ImportProgress, ImportResult, RowProblem
from .member_rows import insert_members_in
from .member_sheet import (
    cell_text,
    read_bool,
    read_count,
    read_date,
    read_gender,
    read_money,
)
from .permissions import Permission, require

BATCH_ROWS = 500
PROBLEMS_KEPT = 200
_CARD_SPLIT_RE = re.compile(r"[;；,，\s]+")


ProgressCallback = Callable[[ImportProgress], None]


@dataclass
class _Row:
    number: int
    values: tuple[Any, ...]
    member: MemberInput | None = None
    cards: list[list[str]] = field(default_factory=list)
    principal: Money = field(default_factory=Money.zero)
    bonus: Money = field(default_factory=Money.zero)
    points: int = 0
    problems: list[tuple[str | None, UserError]] = field(default_factory=list)
    skipped_as: str | None = None  # the member number of the registered phone

    def fail(self, fld: str | None, error: UserError) -> None:
        self.problems.append((fld, error))


@dataclass
class _Context:
    columns: dict[str, int]
    tiers: dict[str, int]
    cap: Money
    seen_phones: dict[str, int] = field(default_factory=dict)
    seen_cards: dict[str, int] = field(default_factory=dict)
    seen_member_nos: dict[str, int] = field(default_factory=dict)


# -- reading the file ------------------------------------------------------------------


# -- one row --------------------------------------------------------------------------


def _parse(number: int, values: tuple[Any, ...], ctx: _Context) -> _Row:
    """Validate one row; every problem of the row is collected, not just the first."""
    row = _Row(number, values)

    def cell(fld: str) -> Any:
        i = ctx.columns.get(fld)
        value = values[i] if i is not None and i < len(values) else None
        if isinstance(value, Formula):
            raise field_error("import_formula_cell", fld)
        return value

    def text(fld: str) -> str:
        return cell_text(cell(fld))

    parsers: dict[str, Callable[[], Any]] = {
        "phone": lambda: normalise_phone(text("phone")),
        "name": lambda: clean_name(text("name")),
        "gender": lambda: read_gender(cell("gender")),
        "birthday": lambda: check_birthday(read_date(cell("birthday"), "birthday")),
        "email": lambda: clean_email(text("email")),
        "address": lambda: clean_optional(text("address"), "address", ADDRESS_MAX),
        "tags": lambda: clean_tags(text("tags")),
        "notes": lambda: clean_notes(text("notes")),
        "marketing_consent": lambda: read_bool(cell("marketing_consent"), "marketing_consent"),
        "member_no": lambda: clean_member_no(text("member_no")),
        "tier_id": lambda: _tier(ctx, text("tier")),
    }
    fields: dict[str, Any] = {}
    for fld, parse in parsers.items():
        try:
            fields[fld] = parse()
        except ValidationError as exc:
            row.fail(fld, exc)
    card_texts: list[str] = []
    try:
        card_texts = [u for u in _CARD_SPLIT_RE.split(text("card_uid")) if u]
    except ValidationError as exc:
        row.fail("card_uid", exc)
    for uid in card_texts:
        try:
            row.cards.append(card_candidates(uid))
        except ValidationError as exc:
            row.fail("card_uid", exc)
    for fld in ("opening_principal", "opening_bonus", "opening_points"):
        try:
            if fld == "opening_points":
                row.points = read_count(cell(fld), fld)
            else:
                setattr(row, fld.removeprefix("opening_"), read_money(cell(fld), fld))
        except ValidationError as exc:
            row.fail(fld, exc)
    if row.principal + row.bonus > ctx.cap:
        opening = (row.principal + row.bonus).display()
        row.fail(
            "opening_principal",
            ValidationError("opening_over_cap", amount=opening, cap=ctx.cap.display()),
        )
    if not row.problems:
        row.member = MemberInput(**fields)
        _check_repeats(row, ctx)
    return row


def _tier(ctx: _Context, text: str) -> int | None:
    key = "".join(text.split()).casefold()
    if not key:
        return None
    if key not in ctx.tiers:
        raise field_error("unknown_tier", "tier", text=text.strip()[:30])
    return ctx.tiers[key]


def _check_repeats(row: _Row, ctx: _Context) -> None:
    """The first row with a phone, card or member number keeps it; later ones fail."""
    member = row.member
    if member is None:
        return
    checks: list[tuple[str, dict[str, int], str, str]] = [
        ("phone", ctx.seen_phones, member.phone, mask_phone(member.phone))
    ]
    if member.member_no:
        checks.append(("member_no", ctx.seen_member_nos, member.member_no, member.member_no))
    for cands in row.cards:
        checks += [("card_uid", ctx.seen_cards, uid, cands[0]) for uid in cands]
    clashes = [(fld, seen[key], shown) for fld, seen, key, shown in checks if key in seen]
    for fld, first, shown in dict.fromkeys(clashes):
        row.fail(fld, field_error("duplicate_in_file", fld, value=shown, row=first))
    if clashes:
        row.member = None
        return
    for _fld, seen, key, _shown in checks:
        seen[key] = row.number


# -- a batch against the database ---------------------------------------------------------


@dataclass
class _Tally:
    rows: int = 0
    created: int = 0
    skipped: int = 0
    failed: int = 0
    cards: int = 0
    principal: Money = field(default_factory=Money.zero)
    bonus: Money = field(default_factory=Money.zero)
    points: int = 0
    problems: list[RowProblem] = field(default_factory=list)


@dataclass
class _Batch:
    create: list[_Row]
    void_cards: dict[str, int]  # uid -> id of a void card row that may be bound again


def _check_against_db(session: Session, rows: list[_Row]) -> _Batch:
    """Rows whose phone is registered are skipped; a card or member number that is
    already taken fails the row. Returns the rows to create."""
    good = [r for r in rows if r.member is not None]
    phones = [r.member.phone for r in good if r.member is not None]
    registered: dict[str, str] = {}
    if phones:
        q = select(Member.phone, Member.member_no).where(Member.phone.in_(phones))
        registered = {p: no for p, no in session.execute(q) if p is not None}
    uids = sorted({u for r in good for cands in r.cards for u in cands})
    cards: dict[str, tuple[int, str, CardStatus]] = {}
    if uids:
        q2 = (
            select(Card.uid, Card.id, Member.member_no, Card.status)
            .join(Member, Member.id == Card.member_id)
            .where(Card.uid.in_(uids))
        )
        cards = {uid: (cid, no, st) for uid, cid, no, st in session.execute(q2)}
    nos = [r.member.member_no for r in good if r.member is not None and r.member.member_no]
    taken_nos = (
        set(session.scalars(select(Member.member_no).where(Member.member_no.in_(nos))))
        if nos
        else set()
    )
    batch = _Batch([], {})
    for r in good:
        member = r.member
        assert member is not None
        if member.phone in registered:
            r.member, r.skipped_as = None, registered[member.phone]
            continue
        if member.member_no in taken_nos:
            r.fail(
                "member_no", field_error("member_no_taken", "member_no", member_no=member.member_no)
            )
        for cands in r.cards:
            hit = next(((u, cards[u]) for u in cands if u in cards), None)
            if hit is None:
                continue
            uid, (card_id, owner, status) = hit
            if status is CardStatus.VOID:
                batch.void_cards[cands[0]] = card_id
            else:
                r.fail("card_uid", UserError("card_taken", uid=uid, member_no=owner))
        if r.problems:
            r.member = None
        else:
            batch.create.append(r)
    return batch


def _create(session: Session, batch: _Batch, refs: ledger.Refs, expires: date | None) -> int:
    """Insert the batch's members, bind their cards, post their opening balances.
    Returns the number of cards bound."""
    inputs = [r.member for r in batch.create if r.member is not None]
    member_ids = insert_members_in(session, inputs)
    now = utcnow()
    new_cards: list[dict[str, Any]] = []
    bound = 0
    for r, member_id in zip(batch.create, member_ids, strict=True):
        for cands in r.cards:
            bound += 1
            void_id = batch.void_cards.get(cands[0])
            if void_id is None:
                new_cards.append({"uid": cands[0], "member_id": member_id, "bound_at": now})
                continue
            card = session.get(Card, void_id)
            assert card is not None
            card.member_id, card.status, card.replaced_by_id = member_id, CardStatus.ACTIVE, None
            card.bound_at = card.status_changed_at = now
        row_refs = ledger.Refs(staff_id=refs.staff_id, note=f"{refs.note} #{r.number}")
        if r.principal or r.bonus:
            ledger.post_stored_value(
                session, member_id, StoredValueKind.OPENING, r.principal, r.bonus, row_refs
            )
        if r.points:
            ledger.credit_points(
                session, member_id, PointsKind.OPENING, r.points, expires, row_refs
            )
    if new_cards:
        session.execute(insert(cast(Table, Card.__table__)), new_cards)
    session.flush()
    return bound


# -- the error report ------------------------------------------------------------------------


# -- the use case ---------------------------------------------------------------------------


def _tiers(session: Session) -> dict[str, int]:
    found: dict[str, int] = {}
    for tier_id, code, name in session.execute(select(Tier.id, Tier.code, Tier.name)):
        for key in (code, name):
            found.setdefault("".join(key.split()).casefold(), tier_id)
    return found


def _batches(rows: Iterator[tuple[Any, ...]], ctx: _Context) -> Iterator[list[_Row]]:
    batch: list[_Row] = []
    for number, values in enumerate(rows, start=2):
        if is_blank(values):
            continue
        batch.append(_parse(number, tuple(values), ctx))
        if len(batch) >= BATCH_ROWS:
            yield batch
            batch = []
    if batch:
        yield batch


def _tally_batch(tally: _Tally, rows: list[_Row], report: ErrorReport, lang: str) -> None:
    for r in rows:
        tally.rows += 1
        if r.skipped_as is not None:
            tally.skipped += 1
        elif r.problems:
            tally.failed += 1
            texts = []
            for fld, err in r.problems:
                problem = RowProblem(r.number, fld, err.message("zh_CN"), err.message("en"))
                texts.append(problem.text(lang))
                if len(tally.problems) < PROBLEMS_KEPT:
                    tally.problems.append(problem)
            report.add(r.number, r.values, texts)
        else:
            tally.created += 1
            tally.cards += len(r.cards)
            tally.principal += r.principal
            tally.bonus += r.bonus
            tally.points += r.points


def import_members(
    db: Database,
    actor: Actor,
    path: Path | str,
    *,
    dry_run: bool = False,
    error_report: Path | str | None = None,
    progress: ProgressCallback | None = None,
    cancel: Callable[[], bool] | None = None,
    lang: str = "zh_CN",
    approval_id: int | None = None,
) -> ImportResult:
    """Import the members in the .xlsx at ``path`` (see the module doc).

    ``error_report``: where to write the failed rows (default: ``NAME.errors.xlsx``
    beside the file), written only when a row fails. ``progress`` is called after
    every batch of rows and at the end; ``cancel`` is polled between batches and,
    when it returns True, the import stops and writes nothing. ``lang`` is the
    language of the error column. A cashier needs a manager's ``approval_id``."""
    path = Path(path)
    workbook, sheet = open_sheet(path)
    report: ErrorReport | None = None
    try:
        rows = sheet_rows(sheet, path)
        header, columns = read_header(rows)
        report = ErrorReport(
            Path(error_report) if error_report else default_error_report(path), header, lang
        )
        counted = count_rows(path, sheet)
        total = counted - 1 if counted else None
        tally = _Tally()
        with db.reader() if dry_run else db.uow() as uow:
            s = uow.session
            approver = require(s, actor, Permission.IMPORT_MEMBERS, approval_id=approval_id)
            ctx = _Context(columns, _tiers(s), Money(settings.get_int(s, "stored_value.cap_fen")))
            days = settings.get_int(s, "points.validity_days")
            offset = timedelta(minutes=settings.get_int(s, "shop.timezone_offset_minutes"))
            today = (utcnow() + offset).date()
            expires = today + timedelta(days=days) if days else None
            refs = ledger.Refs(staff_id=actor.staff_id, note=f"导入 {path.name}"[:150])
            for batch_rows in _batches(rows, ctx):
                if cancel is not None and cancel():
                    raise UserError("import_cancelled")
                batch = _check_against_db(s, batch_rows)
                if not dry_run and batch.create:
                    _create(s, batch, refs, expires)
                    s.expunge_all()
                _tally_batch(tally, batch_rows, report, lang)
                if progress is not None:
                    progress(
                        ImportProgress(
                            tally.rows, total, tally.created, tally.skipped, tally.failed
                        )
                    )
            if not dry_run:
                audit.record(
                    s,
                    action="member.import",
                    staff_id=actor.staff_id,
                    approver_id=approver,
                    entity="file",
                    entity_id=path.name[:40],
                    detail={
                        "sha256": file_sha256(path),
                        "rows": tally.rows,
                        "created": tally.created,
                        "skipped": tally.skipped,
                        "failed": tally.failed,
                        "opening_fen": (tally.principal + tally.bonus).fen,
                        "opening_points": tally.points,
                    },
                )
            report_path = report.close()
            if not dry_run:
                uow.commit()
    except BaseException:
        if report is not None:
            report.discard()
        raise
    finally:
        workbook.close()
    if progress is not None:
        progress(ImportProgress(tally.rows, tally.rows, tally.created, tally.skipped, tally.failed))
    return ImportResult(
        file=path,
        dry_run=dry_run,
        rows=tally.rows,
        created=tally.created,
        skipped=tally.skipped,
        failed=tally.failed,
        cards=tally.cards,
        opening_principal=tally.principal,
        opening_bonus=tally.bonus,
        opening_points=tally.points,
        problems=tuple(tally.problems),
        error_report=report_path,
    )
