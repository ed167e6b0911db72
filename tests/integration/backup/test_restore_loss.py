"""What a restore takes back (issue 11, finding 1): before the owner confirms, the live
database is compared with the backup — the sales (and their total), refunds, recharges,
shifts and sealed day closes recorded since the backup are counted exactly."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, timedelta

import pytest

from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.backup.create import create_backup
from memberdesk.services.backup.loss import restore_loss
from memberdesk.services.backup.restore import restore_backup
from memberdesk.services.closing.day_close import close_day
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import PermissionDenied, UserError
from memberdesk.services.shifts import shift as shifts
from tests.checkout_support.kit import World, build_world, yuan


@pytest.fixture
def world(db, staff) -> World:  # type: ignore[no-untyped-def]
    return build_world(db, staff)


def _close_all_shifts(w: World) -> None:
    for actor in (w.cashier, w.manager, w.owner):
        cur = shifts.current_shift(w.db, actor)
        if cur is not None:
            shifts.close_shift(w.db, actor, {a.kind: a.expected or Money(0) for a in cur.amounts})


def test_the_loss_counts_what_was_recorded_after_the_backup(world: World) -> None:
    w = world
    w.sell([("COLA", 1)], [(TenderKind.CASH, "3.50")])  # in the backup: not lost
    w.recharge("alice", "100")
    before = create_backup(w.db, w.owner)  # by hand: the day close's backup keeps it

    sold = [w.sell([("CHIPS", 2)], [(TenderKind.CASH, "20.00")]),
            w.sell([("BEER", 1), ("COLA", 1)], [(TenderKind.CASH, "10.00")], member="alice")]
    refund = w.refund(sold[0].sale_no, ((1, 1),))
    charged = w.recharge("bob", "200")
    _close_all_shifts(w)  # closing a shift that the backup holds open adds no shift
    today = w.today()
    closed = close_day(w.db, w.owner, today)
    shifts.open_shift(w.db, w.cashier, yuan("100"))  # a new shift after the close
    sold.append(w.sell([("COLA", 2)], [(TenderKind.CASH, "7.00")]))

    loss = restore_loss(w.db, w.owner, before.path)
    assert loss.sales == 3
    assert loss.sales_total == Money(sum(s.payable.fen for s in sold))
    assert (loss.refunds, loss.refunds_total) == (1, refund.amount)
    assert (loss.recharges, loss.recharges_total) == (1, charged.amount)
    assert loss.shifts == 1
    assert [(c.close_no, c.business_date) for c in loss.closes] == [
        (closed.report.close_no, today)]
    assert not loss.nothing_lost
    assert loss.made_at == before.created_at.astimezone(UTC) and loss.from_manifest
    assert loss.kind == "manual"
    assert timedelta(0) <= loss.age < timedelta(minutes=10)
    assert loss.keep_folder == w.db.paths.backups  # type: ignore[union-attr]
    with w.db.reader() as uow:
        assert loss.made_local == clock.local_time(uow.session, before.created_at)

    # a backup made after all of it takes nothing back
    after = create_backup(w.db, None, kind="scheduled")
    nothing = restore_loss(w.db, w.owner, after.path)
    assert nothing.nothing_lost and nothing.closes == () and nothing.sales_total == Money(0)


def test_a_backup_of_another_line_of_history_is_compared_row_by_row(world: World) -> None:
    """Restore an older backup, sell once: the sale gets an id the newer backup uses
    for another sale. Restoring that newer backup would lose it all the same."""
    w = world
    older = create_backup(w.db, w.owner)  # by hand: both kept (the same day)
    w.sell([("CHIPS", 1)], [(TenderKind.CASH, "8.80")])
    newer = create_backup(w.db, w.owner)
    result = restore_backup(w.db, w.owner, older.path)
    try:
        again = dataclasses.replace(w, db=result.database)
        sale = again.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")])
        loss = restore_loss(result.database, w.owner, newer.path)
        assert (loss.sales, loss.sales_total) == (1, sale.payable)
    finally:
        result.database.close()


def test_only_the_owner_sees_it_and_a_missing_file_is_said(world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    backup = create_backup(world.db, None)
    with pytest.raises(PermissionDenied):
        restore_loss(world.db, world.manager, backup.path)
    with pytest.raises(UserError) as err:
        restore_loss(world.db, world.owner, tmp_path / "gone.sqlite3")
    assert err.value.code == "restore_not_a_file"


def test_memberdesk_restore_prints_what_it_takes_back(world: World) -> None:
    """The command line says it too, after the password (piped here: that confirms, as
    before; a terminal would ask for 'yes' unless --yes)."""
    from tests.integration.cli.test_cli import run

    w = world
    before = create_backup(w.db, w.owner)
    sale = w.sell([("CHIPS", 1)], [(TenderKind.CASH, "8.80")])
    paths = w.db.paths
    assert paths is not None
    w.db.close()
    r = run("restore", str(before.path), "--data-dir", str(paths.root), "--yes",
            stdin="owner-pass\n", env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith(f"backup {before.path.name}: made ")
    assert re.search(r"\(shop time, \d+ min ago\)$", lines[0]), lines[0]
    assert lines[1] == "the restore takes back what was recorded since this backup:"
    assert lines[2] == f"  1 sale(s), ¥{sale.payable.fen / 100:,.2f}"
    assert str(paths.backups) in lines[3]
    assert lines[4].startswith("restored: ")
    assert "to get it back, restore that file" in lines[5]
