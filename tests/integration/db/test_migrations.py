"""Alembic owns the schema: start-up backs up, upgrades, refuses newer files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from memberdesk.db.migrate import (
    DatabaseError,
    alembic_config,
    head_revision,
    inspect_file,
    open_database,
)
from memberdesk.models import APPEND_ONLY_TABLES, Base


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_at_head(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "shop.sqlite3", tmp_path / "backups")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            head_revision()
        )
    engine.dispose()
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_head_constant_matches_alembic() -> None:
    """db.migrate.HEAD_REVISION lets start-up skip loading alembic: keep it true."""
    from memberdesk.db.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_opening_an_up_to_date_shop_does_not_load_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    open_database(tmp_path / "shop.sqlite3", tmp_path / "b").dispose()
    code = (
        "import sys; from pathlib import Path; from memberdesk.db.migrate import open_database;"
        f"open_database(Path({str(tmp_path / 'shop.sqlite3')!r}), Path({str(tmp_path / 'b')!r}))"
        ".dispose(); print(any(m.startswith('alembic') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "shop.sqlite3", tmp_path / "backups")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == [], f"models and migrations disagree: {diff}"


def test_append_only_triggers_exist_for_every_ledger(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "shop.sqlite3", tmp_path / "backups")
    with engine.connect() as conn:
        names = {
            r[0]
            for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
    engine.dispose()
    for table in APPEND_ONLY_TABLES:
        assert f"trg_{table}_no_update" in names
        assert f"trg_{table}_no_delete" in names


def _make_at_revision(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def _revisions_oldest_first() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


@pytest.mark.parametrize("revision", _revisions_oldest_first())
def test_upgrade_from_every_revision_backs_up_first(tmp_path: Path, revision: str) -> None:
    """A database created at each past revision (with a shop in it) opens at head;
    a backup of the old file is taken first and keeps its data."""
    path = tmp_path / "shop.sqlite3"
    _make_at_revision(path, revision)
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO shop (id, name, db_uuid, created_at) VALUES (1, '老店', 'u-1', "
                "'2025-01-01 00:00:00')")
    raw.commit()
    raw.close()
    engine = open_database(path, tmp_path / "backups")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            head_revision()
        )
        assert conn.exec_driver_sql("SELECT name FROM shop").scalar() == "老店"
    engine.dispose()
    backups = list((tmp_path / "backups").glob("pre-upgrade-*.sqlite3"))
    if revision == head_revision():
        assert backups == []
    else:
        assert len(backups) == 1
        b = sqlite3.connect(backups[0])
        assert b.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert b.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision
        assert b.execute("SELECT name FROM shop").fetchone()[0] == "老店"
        b.close()


def test_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    engine = open_database(path, tmp_path / "backups")
    engine.dispose()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    raw.commit()
    raw.execute("PRAGMA journal_mode=DELETE")
    raw.close()
    before = _digest(path)
    with pytest.raises(DatabaseError) as err:
        open_database(path, tmp_path / "backups")
    assert err.value.code == "newer_version"
    assert _digest(path) == before
    assert not Path(str(path) + "-wal").exists()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"hello, this is not a database at all" * 10, "not_sqlite"),
        (None, "not_memberdesk"),
    ],
)
def test_foreign_files_are_refused(tmp_path: Path, content: bytes | None, code: str) -> None:
    path = tmp_path / "x.sqlite3"
    if content is None:
        raw = sqlite3.connect(path)
        raw.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        raw.commit()
        raw.close()
    else:
        path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(DatabaseError) as err:
        inspect_file(path)
    assert err.value.code == code
    assert _digest(path) == before


def test_template_copy_is_independent(tmp_path: Path) -> None:
    src = tmp_path / "a.sqlite3"
    open_database(src, tmp_path / "b").dispose()
    shutil.copyfile(src, tmp_path / "c.sqlite3")
    assert inspect_file(tmp_path / "c.sqlite3").revision == head_revision()
