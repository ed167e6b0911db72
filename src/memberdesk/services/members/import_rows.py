"""One row of a member import: validating its cells into a member, its cards and
its opening balances, and the repeats within the file (the first row with a phone,
card or member number keeps it). No database here: :mod:`member_import_db`
checks the rows against the shop."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from memberdesk.money import Money
from memberdesk.services.members.cards import card_candidates
from memberdesk.services.members.fields import (
    ADDRESS_MAX,
    FIELD_LABELS,
    MemberInput,
    check_birthday,
    clean_email,
    clean_member_no,
    clean_name,
    clean_notes,
    clean_optional,
    clean_tags,
    field_error,
)
from memberdesk.services.members.sheet import (
    cell_text,
    read_bool,
    read_count,
    read_date,
    read_gender,
    read_money,
)
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.phones import mask_phone, normalise_phone
from memberdesk.services.sheets.importer import Repeat, SheetRow, cell_reader, parse_cells, repeats

_CARD_SPLIT_RE = re.compile(r"[;；,，\s]+")


@dataclass
class ImportRow(SheetRow):
    """``skipped_as``: the member number of the registered phone."""

    member: MemberInput | None = None
    cards: list[list[str]] = field(default_factory=list)
    principal: Money = field(default_factory=Money.zero)
    bonus: Money = field(default_factory=Money.zero)
    points: int = 0


@dataclass
class RowContext:
    columns: dict[str, int]
    tiers: dict[str, int]
    cap: Money
    seen_phones: dict[str, int] = field(default_factory=dict)
    seen_cards: dict[str, int] = field(default_factory=dict)
    seen_member_nos: dict[str, int] = field(default_factory=dict)


def parse_row(number: int, values: tuple[Any, ...], ctx: RowContext) -> ImportRow:
    """Validate one row; every problem of the row is collected, not just the first."""
    row = ImportRow(number, values)

    cell = cell_reader(values, ctx.columns, FIELD_LABELS)

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
    fields = parse_cells(row, parsers)
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
        check_repeats(row, ctx)
    return row


def _tier(ctx: RowContext, text: str) -> int | None:
    key = "".join(text.split()).casefold()
    if not key:
        return None
    if key not in ctx.tiers:
        raise field_error("unknown_tier", "tier", text=text.strip()[:30])
    return ctx.tiers[key]


def check_repeats(row: ImportRow, ctx: RowContext) -> None:
    """The first row with a phone, card or member number keeps it; later ones fail."""
    member = row.member
    if member is None:
        return
    checks: list[Repeat] = [
        ("phone", ctx.seen_phones, member.phone, mask_phone(member.phone))
    ]
    if member.member_no:
        checks.append(("member_no", ctx.seen_member_nos, member.member_no, member.member_no))
    for cands in row.cards:
        checks += [("card_uid", ctx.seen_cards, uid, cands[0]) for uid in cands]
    if repeats(row, checks, FIELD_LABELS):
        row.member = None

