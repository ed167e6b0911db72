"""The write units of work of a long job (``db.batch_writer``): SQLite's WAL
checkpointed between them, not inside their commits (the analytics refresh's batches
counted the copy as lock held and paused as long again), their commits not waiting for
the disk (derived rows, worked out again if a power cut takes them back)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from memberdesk.db import Database
from memberdesk.db.batch_writer import BatchWriter
from memberdesk.models import Member, MemberScore
from memberdesk.services.analytics.refresh import refresh_scores
from memberdesk.services.members.profiles import add_member_in


def _members(db: Database) -> int:
    with db.reader() as r:
        return int(r.session.scalar(select(func.count()).select_from(Member)) or 0)


def test_the_writers_commits_leave_the_checkpoint_to_it(db: Database, shop) -> None:
    before = _members(db)
    with db.batch_writer() as w:
        with w.uow() as uow:
            conn = uow.session.connection()
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            raw = conn.connection.driver_connection
            add_member_in(uow.session, phone="13800138001", name="张一")
            uow.commit()
        frames = w.checkpoint()
        assert frames is not None and frames[0] > 0 and frames[0] == frames[1]  # all copied
        with w.uow() as uow:  # the same connection, a new transaction
            assert uow.session.connection().connection.driver_connection is raw
            add_member_in(uow.session, phone="13800138002", name="张二")
            uow.commit()
    assert _members(db) == before + 2
    # the connection goes back to the pool checkpointing and syncing as every other one
    assert raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert raw.execute("PRAGMA cache_size").fetchone()[0] == -2000


def test_a_unit_of_work_on_the_writer_rolls_back_unless_committed(db: Database, shop) -> None:
    before = _members(db)
    with db.batch_writer() as w:
        with w.uow() as uow:
            add_member_in(uow.session, phone="13800138003", name="张三")
        assert _members(db) == before
        with w.uow() as uow:
            add_member_in(uow.session, phone="13800138003", name="张三")
            uow.commit()
    assert _members(db) == before + 1


def test_the_analytics_refresh_checkpoints_between_its_batches(db: Database, shop,
                                                                monkeypatch) -> None:
    with db.uow() as uow:
        for i in range(30):
            add_member_in(uow.session, phone=f"1390000{i:04d}", name=f"会员{i}")
        uow.commit()
    seen: list[tuple[int, int] | None] = []
    real = BatchWriter.checkpoint

    def counted(self: BatchWriter) -> tuple[int, int] | None:
        seen.append(real(self))
        return seen[-1]

    monkeypatch.setattr(BatchWriter, "checkpoint", counted)
    refresh_scores(db, batch=10)
    assert len(seen) >= 3 and all(s is not None and s[0] > 0 for s in seen)
    with db.reader() as r:
        assert r.session.scalar(select(func.count()).select_from(MemberScore)) == _members(db)


def test_a_commit_that_fails_leaves_no_transaction_open_on_the_held_connection(
        db: Database, shop) -> None:
    """The pool resets a connection given back; the writer's is held, so a COMMIT that
    failed (here a deferred foreign key; a full disk alike) left SQLite's transaction
    and the write lock open, and the next unit of work could not begin."""
    before = _members(db)
    with db.batch_writer() as w:
        with pytest.raises(Exception, match="FOREIGN KEY"), w.uow() as uow:
            conn = uow.session.connection()
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            conn.execute(text("INSERT INTO member_scores (member_id, as_of, f, m, grade, "
                              "lifecycle, refreshed_at) VALUES (999999, '2026-12-05', 0, 0, "
                              "'D', 'dormant', '2026-12-05 00:00:00')"))
            uow.commit()
        with w.uow() as uow:
            add_member_in(uow.session, phone="13800138004", name="张四")
            uow.commit()
    assert _members(db) == before + 1
