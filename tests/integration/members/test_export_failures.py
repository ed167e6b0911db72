"""A member export that cannot be written leaves no file, no audit row and an unused
approval; on a really full drive the CLI says so on one line, with no "Exception
ignored" tracebacks from half-closed zip files."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl.writer.excel import ExcelWriter
from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import AuditEntry
from memberdesk.services.members.export import export_members
from memberdesk.services.members.profiles import add_member_in
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.permissions import Permission
from memberdesk.services.staff.approvals import grant_approval
from tests.integration.storage.test_disk_full import fill, tiny_fs  # noqa: F401

Staff = dict[str, Any]


def exports(db: Database) -> int:
    with db.reader() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "member.export")) or 0)


@pytest.fixture
def some_members(db: Database, staff: Staff) -> None:
    with db.uow() as uow:
        for i in range(30):
            add_member_in(uow.session, phone=f"139001390{i:02d}", name=f"会员{i}")
        uow.commit()


@pytest.mark.usefixtures("some_members")
def test_a_failed_write_records_nothing_and_keeps_the_approval(
    db: Database, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grant = grant_approval(db, staff["cashier"], approver_username="manager",
                           approver_password="manager-pass", permission=Permission.EXPORT_MEMBERS,
                           reason="月底对账")  # fmt: skip

    def full(self: object, *args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ExcelWriter, "save", full)
    target = tmp_path / "out.xlsx"
    with pytest.raises(UserError) as err:
        export_members(db, staff["cashier"], target, approval_id=grant.approval_id)
    assert err.value.code == "disk_full"
    assert "The disk is full" in err.value.message("en")
    assert exports(db) == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("out")) == []
    monkeypatch.undo()
    # the approval was not used up by the failure: the retry works and is audited once
    export_members(db, staff["cashier"], target, approval_id=grant.approval_id)
    assert target.exists() and exports(db) == 1


@pytest.mark.usefixtures("some_members")
def test_a_failed_audit_leaves_no_file(
    db: Database, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from memberdesk.services.shared import audit

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(UserError):
        export_members(db, staff["owner"], tmp_path / "out.xlsx")
    assert list(tmp_path.glob("out*")) == []


def test_export_to_a_full_drive_from_the_cli(
    db: Database, staff: Staff, tiny_fs: Path  # noqa: F811
) -> None:
    with db.uow() as uow:  # enough rows for a workbook bigger than what is left
        for i in range(3000):
            add_member_in(uow.session, phone=f"13{i:09d}", name=f"会员{i}", notes="备注" * 40)
        uow.commit()
    db.close()
    fill(tiny_fs, 16 * 1024)
    assert db.paths is not None
    env = {**os.environ, "MEMBERDESK_LANG": "en"}
    r = subprocess.run(
        [sys.executable, "-m", "memberdesk.cli", "members", "export", "--data-dir",
         str(db.paths.root), "--user", "owner", str(tiny_fs / "members.xlsx")],
        input="owner-pass\n", capture_output=True, text=True, timeout=300, env=env)
    assert r.returncode == 1
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "The disk is full" in r.stderr and "Exception ignored" not in r.stderr
    assert sorted(p.name for p in tiny_fs.iterdir()) == ["filler"]
    reopened = Database.open(db.paths)
    try:
        assert exports(reopened) == 0
    finally:
        reopened.close()


def test_the_import_template_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from memberdesk.services.members.sheet import write_template

    def full(self: object, *args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ExcelWriter, "save", full)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError) as err:
        write_template(out / "模板.xlsx")
    assert err.value.code == "disk_full"
    assert list(out.iterdir()) == []  # no half-written template, no .tmp left behind
