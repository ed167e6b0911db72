"""A full disk, for real: a small tmpfs filled to the last byte.

A recharge and a checkout say "the disk is full, nothing was saved"; a CLI command
that logs in says it on one line with exit code 1 (never a traceback, never
"damaged"); once space is freed ``db check`` passes and nothing half-written is
found. Mounting a tmpfs needs root, which the CI container has (no skip).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from memberdesk.db import Database
from memberdesk.models import Member
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.paths import DataPaths
from memberdesk.services.shared.errors import StorageError
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.shop.setup import init_shop
from memberdesk.services.stored_value.recharge import RechargeRequest, recharge
from tests.checkout_support.kit import add_member


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    """An 8 MB tmpfs of our own, unmounted afterwards."""
    mnt = tmp_path / "fs"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt)], check=True)
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)

def fill(mnt: Path, keep: int = 0, name: str = "filler") -> Path:
    """Fill the file system up to ``keep`` bytes free."""
    filler = mnt / name
    chunk = b"\0" * 4096
    with filler.open("wb", buffering=0) as fh:
        try:
            while os.statvfs(mnt).f_bavail * os.statvfs(mnt).f_frsize > keep + 4096:
                fh.write(chunk)

            while keep == 0:
                fh.write(b"\0")

        except OSError:
            pass
    return filler


def cli(*args: str, stdin: str = "", lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MEMBERDESK_LANG": lang}
    return subprocess.run([sys.executable, "-m", "memberdesk.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, env=env)

@pytest.fixture
def shop_on_tiny_fs(tiny_fs: Path, data_paths: DataPaths) -> Iterator[tuple[Path, DataPaths, Database]]:
    paths = DataPaths(tiny_fs / "shop").ensure()
    shutil.copyfile(data_paths.database, paths.database)
    db = Database.open(paths)
    try:
        yield tiny_fs, paths, db
    finally:
        db.close()

@pytest.mark.parametrize("keep", [0, 8 * 1024, 40 * 1024])
def test_recharge_and_login_on_a_full_disk_say_so_and_db_check_passes_after(
    shop_on_tiny_fs: tuple[Path, DataPaths, Database], keep: int
) -> None:
    mnt, paths, db = shop_on_tiny_fs
    owner = init_shop(db, shop_name="小店", owner_username="owner", owner_display_name="老板",
                      owner_password="owner-pass")
    member_id = add_member(db, "13800000001", "张三", 1)
    shifts.open_shift(db, owner, Money(0))
    filler = fill(mnt, keep)

    # The counter, open while the disk fills: a user error, nothing saved.
    done = 0
    with pytest.raises(StorageError) as err:
        for _ in range(200):  # the first few may still fit in the last free pages
            recharge(db, owner, RechargeRequest(
                uuid.uuid4().hex, member_id, Money(10_000), TenderKind.CASH))
            done += 1
    assert err.value.code == "storage_full"
    assert err.value.message("en").startswith("The disk is full: nothing was saved")
    assert err.value.message().startswith("磁盘已满，本次操作没有保存任何内容")
    db.close()  # closing checkpoints the WAL and frees its pages: fill those too
    more = fill(mnt, keep, "filler2")

    r = cli("staff", "list", "--data-dir", str(paths.root), "--user", "owner", stdin="owner-pass\n")
    assert r.returncode == 1, r.stderr
    assert r.stderr.strip().splitlines() == [
        "memberdesk: The disk is full: nothing was saved. Free some space and try again"]
    r = cli("db", "check", "--data-dir", str(paths.root), lang="zh_CN")
    assert r.returncode != 2 and "损坏" not in r.stderr and "Traceback" not in r.stderr

    filler.unlink()
    more.unlink()
    r = cli("db", "check", "--data-dir", str(paths.root), lang="en")
    assert r.returncode == 0, r.stdout + r.stderr
    reopened = Database.open(paths)
    try:  # every recharge that said "saved" is there, the refused one is not
        with reopened.reader() as uow:
            balance = uow.session.get(Member, member_id)
            assert balance is not None and balance.sv_principal == Money(10_000 * done)
    finally:
        reopened.close()
    r = cli("staff", "list", "--data-dir", str(paths.root), "--user", "owner", stdin="owner-pass\n")
    assert r.returncode == 0 and "owner" in r.stdout
