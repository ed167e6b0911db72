"""The copy made before a restore (issue 11, blind trial): its manifest records which
backup the restore brought back and when that one was made, so after a restore and
its undo the two "before a restore" copies of the same minute are told apart; and
what that copy's rotation removed is in the restore's result (the screens say it)."""

from __future__ import annotations

import json
from datetime import UTC, timedelta

from memberdesk.db import Database
from memberdesk.models.base import utcnow
from memberdesk.services.backup.create import create_backup
from memberdesk.services.backup.files import Manifest
from memberdesk.services.backup.listing import list_backup_files
from memberdesk.services.backup.restore import restore_backup
from memberdesk.services.shared.settings import change_settings_in


def test_a_restore_and_its_undo_leave_two_copies_that_say_what_they_preceded(  # type: ignore[no-untyped-def]
    db: Database, staff
) -> None:
    owner = staff["owner"]
    kept = create_backup(db, owner)
    first = restore_backup(db, owner, kept.path)
    try:
        undo = restore_backup(first.database, owner, first.pre_restore_backup)
    finally:
        first.database.close()
    try:
        files = {f.path.name: f for f in list_backup_files(undo.database)}
    finally:
        undo.database.close()
    one, two = files[first.pre_restore_backup.name], files[undo.pre_restore_backup.name]
    assert (one.kind, two.kind) == ("pre-restore", "pre-restore")
    assert one.restoring == kept.path.name
    assert one.restoring_made_at == kept.created_at.astimezone(UTC)
    assert two.restoring == first.pre_restore_backup.name
    assert two.restoring_made_at == one.created_at
    assert files[kept.path.name].restoring == "" and files[kept.path.name].restoring_made_at is None


def test_an_older_manifest_and_a_newer_ones_fields_still_load(db: Database, staff) -> None:  # type: ignore[no-untyped-def]
    made = create_backup(db, staff["owner"])
    manifest = made.path.with_suffix(".json")
    data = json.loads(manifest.read_text(encoding="utf-8"))
    for key in ("restoring", "restoring_made_at"):  # as written before this change
        data.pop(key)
    data["from_a_later_version"] = 1
    manifest.write_text(json.dumps(data), encoding="utf-8")
    loaded = Manifest.load(manifest)
    assert loaded is not None and loaded.restoring == "" and loaded.file == made.path.name
    listed = list_backup_files(db)
    assert listed[0].verified and listed[0].restoring_made_at is None


def test_what_the_copy_before_a_restore_removed_is_in_the_result(db: Database, staff) -> None:  # type: ignore[no-untyped-def]
    owner = staff["owner"]
    old = create_backup(db, None, kind="scheduled", now=utcnow() - timedelta(days=40))
    newer = create_backup(db, None, kind="scheduled", now=utcnow() - timedelta(minutes=5))
    assert old.path.exists()  # another month, the newest of it: kept so far
    with db.uow() as uow:  # the owner keeps less from now on
        change_settings_in(uow.session, owner, {
            "backup.keep_daily": 1, "backup.keep_weekly": 1, "backup.keep_monthly": 1})
        uow.commit()
    result = restore_backup(db, owner, newer.path)
    try:
        assert old.path.name in result.removed and not old.path.exists()
    finally:
        result.database.close()
