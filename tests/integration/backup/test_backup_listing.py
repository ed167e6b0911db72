"""The 备份与恢复 page's list: every backup in the shop's folder and the second
destination, newest first, with its size, whether it was verified and where it is."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from memberdesk.services.backup.create import clock_now, create_backup
from memberdesk.services.backup.listing import HERE, SECOND, list_backup_files
from memberdesk.services.shared.settings import change_settings


def test_every_backup_of_both_folders_newest_first(db, shop, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert list_backup_files(db) == []
    now = clock_now()
    made = [create_backup(db, shop, now=now - timedelta(days=d)).path for d in (2, 1)]
    usb = tmp_path / "usb"
    usb.mkdir()
    change_settings(db, shop, {"backup.second_destination": str(usb)})
    made.append(create_backup(db, shop, now=now).path)  # and its second copy
    found = list_backup_files(db)
    assert [(f.path, f.where) for f in found] == [
        (made[2], HERE), (usb / made[2].name, SECOND), (made[1], HERE), (made[0], HERE)]
    assert all(f.verified and f.kind == "manual" for f in found)
    assert [f.size for f in found] == [p.stat().st_size for p in (
        made[2], usb / made[2].name, made[1], made[0])]
    assert found[0].created_at == now


def test_a_file_without_its_manifest_or_changed_since_is_not_verified(db, shop) -> None:  # type: ignore[no-untyped-def]
    made = create_backup(db, shop).path
    by_hand = made.with_name("memberdesk-by-hand.sqlite3")
    shutil.copy(made, by_hand)  # a copy put there by hand: no manifest
    with made.open("ab") as fh:  # grown since it was verified
        fh.write(b"\0" * 10)
    found = {f.path: f for f in list_backup_files(db)}
    assert set(found) == {made, by_hand}
    assert not found[made].verified and not found[by_hand].verified
    assert found[by_hand].kind == ""


def test_a_missing_second_destination_lists_the_shops_own(db, shop, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    change_settings(db, shop, {"backup.second_destination": str(tmp_path / "unplugged")})
    made = create_backup(db, shop).path
    assert [f.path for f in list_backup_files(db)] == [made]
