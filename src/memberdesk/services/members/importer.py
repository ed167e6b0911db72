"""Importing members from an Excel workbook, on the shared machinery of
:mod:`.sheet_import` (read and check everything first, then write in short
transactions; the file guarded, streamed, spilled; dry run, error report,
progress and cancel).

Read phase: each batch is checked against the shop in a short read-only
transaction: a row whose phone is registered is skipped, a card or member number
already taken fails the row. Write phase, :data:`.sheet_import.WRITE_ROWS` rows a
transaction: each batch is checked against the shop again (a member registered at
the counter meanwhile is skipped), then its members, cards and opening
``opening`` ledger entries are written with one ``member.import`` audit row
saying what that batch wrote.

Re-importing is safe: a row whose phone is already registered is skipped, so the
same file imported twice creates nothing twice.

**Cancel** (or a database busy for longer than its timeout): while reading, the
import stops and nothing is written (``import_cancelled``). While writing, the
batch in hand is finished and committed, and the import stops with
``import_stopped`` (or ``import_busy``), saying how many members were written and
up to which row; importing the same file again skips them and carries on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.points import expires_on
from memberdesk.models import Tier
from memberdesk.money import Money
from memberdesk.services.members.import_db import check_against_db, create_batch
from memberdesk.services.members.import_result import ImportProgress, ImportResult
from memberdesk.services.members.import_rows import ImportRow, RowContext, parse_row
from memberdesk.services.members.sheet import COLUMNS, MEMBERS_SHEET, map_header
from memberdesk.services.shared import audit, clock, ledger, settings
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import PermissionDenied
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.sheets.importer import ImportKind, StopCodes, run_import
from memberdesk.services.sheets.workbook_guard import LIMITS, WorkbookLimits

ProgressCallback = Callable[[ImportProgress], None]


@dataclass
class _Plan:
    """What the read phase learnt: the shop's settings for the rows to write."""

    ctx: RowContext
    refs: ledger.Refs
    expires: date | None
    needs_approval: bool


def _plan(db: Database, actor: Actor, approval_id: int | None, columns: dict[str, int],
          name: str) -> _Plan:  # fmt: skip
    """Permission first (an approval is checked here but used by the first write)."""
    needs_approval = False
    with db.reader() as uow:
        s = uow.session
        try:
            require(s, actor, Permission.IMPORT_MEMBERS)
        except PermissionDenied:
            if approval_id is None:
                raise
            needs_approval = True
        tiers: dict[str, int] = {}
        for tier_id, code, tier_name in s.execute(select(Tier.id, Tier.code, Tier.name)):
            for key in (code, tier_name):
                tiers.setdefault("".join(key.split()).casefold(), tier_id)
        cap = Money(settings.get_int(s, "stored_value.cap_fen"))
        days = settings.get_int(s, "points.validity_days")
        expiry_policy = settings.get_str(s, "points.expiry_policy")
        today = clock.business_date(s, clock.now())
    if needs_approval:
        with db.uow() as uow:  # checked, not used: rolled back
            require(uow.session, actor, Permission.IMPORT_MEMBERS, approval_id=approval_id)
    return _Plan(
        RowContext(columns, tiers, cap),
        ledger.Refs(staff_id=actor.staff_id, note=f"导入 {name}"[:150]),
        expires_on(today, days, expiry_policy),
        needs_approval,
    )


@dataclass
class _Members(ImportKind[ImportRow]):
    """Members as :mod:`.sheet_import` imports them."""

    actor: Actor
    approval_id: int | None
    cards: int = 0
    principal: Money = field(default_factory=Money.zero)
    bonus: Money = field(default_factory=Money.zero)
    points: int = 0
    sheet_names = MEMBERS_SHEET
    columns = COLUMNS
    stop_codes = StopCodes("import_stopped", "import_busy", "import_disk_full")

    def map_header(self, cells: Any) -> dict[str, int]:
        return map_header(cells)

    def plan(self, db: Database, columns: dict[str, int], header: tuple[Any, ...], name: str,
             sha256: str) -> None:  # fmt: skip
        self.p = _plan(db, self.actor, self.approval_id, columns, name)
        self.name, self.sha256 = name, sha256
        self.approval = self.approval_id if self.p.needs_approval else None

    def parse(self, number: int, values: tuple[Any, ...]) -> ImportRow:
        return parse_row(number, values, self.p.ctx)

    def check(self, session: Session, rows: list[ImportRow]) -> list[ImportRow]:
        return check_against_db(session, rows).create

    def counted(self, r: ImportRow) -> None:
        self.cards += len(r.cards)
        self.principal += r.principal
        self.bonus += r.bonus
        self.points += r.points

    def write(self, s: Session, rows: list[ImportRow]) -> bool:
        approver = None
        if self.approval is not None:
            approver = require(s, self.actor, Permission.IMPORT_MEMBERS,
                               approval_id=self.approval)  # fmt: skip
        batch = check_against_db(s, rows)
        if not batch.create:
            return False
        create_batch(s, batch, self.p.refs, self.p.expires)
        made = batch.create
        audit.record(
            s, action="member.import", staff_id=self.actor.staff_id,
            approver_id=approver, entity="file", entity_id=self.name[:40],
            detail={
                "sha256": self.sha256, "rows": f"{made[0].number}-{made[-1].number}",
                "created": len(made), "cards": sum(len(r.cards) for r in made),
                "opening_fen": sum(r.principal.fen + r.bonus.fen for r in made),
                "opening_points": sum(r.points for r in made),
            },
        )  # fmt: skip
        self.approval = None  # used by the batch now committed
        return True


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
    limits: WorkbookLimits = LIMITS,
) -> ImportResult:
    """Import the members in the .xlsx at ``path`` (see the module doc).

    ``error_report``: where to write the failed rows (default: ``NAME.errors.xlsx``
    beside the file), written only when a row fails. ``progress`` is called after
    every batch of rows read, every batch written, and at the end; ``cancel`` is
    polled between batches (see the module doc for what a cancel keeps). ``lang``
    is the language of the error column. A cashier needs a manager's
    ``approval_id``. ``limits``: what a workbook may hold (tests pass small ones)."""
    path = Path(path)
    kind = _Members(actor, approval_id)
    tally = run_import(db, kind, path, dry_run=dry_run, error_report=error_report,
                       progress=progress, cancel=cancel, lang=lang, limits=limits)
    return ImportResult(
        file=path,
        dry_run=dry_run,
        rows=tally.rows,
        created=tally.created,
        skipped=tally.skipped,
        failed=tally.failed,
        cards=kind.cards,
        opening_principal=kind.principal,
        opening_bonus=kind.bonus,
        opening_points=kind.points,
        problems=tuple(tally.problems),
        error_report=tally.error_report,
    )
