"""Screenshots of the cashier client for people to look at.

Builds a throw-away shop (the demo shop when ``memberdesk.services.demo`` is
available, else a bare shop with an owner and a cashier), drives the real UI
(login screen, wrong password, counter, a user-error banner) in Chinese and
English at 1366x768 and 1024x768, and writes PNGs to ``docs/screenshots/``.

Needs a real X server so fonts render as on a shop PC. Without ``DISPLAY`` the
script starts ``Xvfb`` itself (and stops it afterwards)::

    .venv/bin/python scripts/screenshots.py            # or: make screenshots
    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZES = ((1366, 768), (1024, 768))
LANGS = ("zh_CN", "en")
CASHIER = ("cashier", "张收银", "cashier-pass")


@contextmanager
def x_server() -> Iterator[None]:
    """Use $DISPLAY if set, else run a private Xvfb for the duration."""
    if os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        yield
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        sys.exit("screenshots: no DISPLAY and no Xvfb (apt-get install xvfb)")
    display = next(f":{n}" for n in range(99, 140) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    proc = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        deadline = time.monotonic() + 10
        while not socket.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit("screenshots: Xvfb did not start")
            time.sleep(0.05)
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def make_shop(data_dir: Path) -> str:
    """A shop to photograph; returns the password of the cashier account."""
    from memberdesk.db import Database
    from memberdesk.models.enums import Role
    from memberdesk.paths import DataPaths
    from memberdesk.services import staff
    from memberdesk.services.shop import init_shop

    db = Database.open(DataPaths(data_dir))
    try:
        try:
            from memberdesk.services.demo import DEMO_PASSWORDS, build_demo
        except ImportError:
            owner = init_shop(
                db,
                shop_name="好邻居便利店",
                owner_username="owner",
                owner_display_name="王老板",
                owner_password="owner-pass",
            )
            username, display, password = CASHIER
            staff.create_staff(
                db, owner, username=username, display_name=display, role=Role.CASHIER,
                password=password,
            )
            return password
        build_demo(db, members=50, days=3, seed=1)
        return str(DEMO_PASSWORDS["cashier"])
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with x_server(), tempfile.TemporaryDirectory(prefix="memberdesk-shots-") as tmp:
        return shoot(Path(tmp), args.out)


def shoot(data_dir: Path, out: Path) -> int:
    from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
    from PySide6.QtWidgets import QApplication, QWidget

    from memberdesk.logsetup import setup_logging
    from memberdesk.paths import DataPaths
    from memberdesk.services import staff
    from memberdesk.ui.app import create_application
    from memberdesk.ui.controller import AppController
    from memberdesk.ui.i18n import Translations
    from memberdesk.ui.tasks import TaskRunner
    from memberdesk.ui.theme import apply_theme

    paths = DataPaths(data_dir).ensure()
    setup_logging(paths.logs)
    password = make_shop(data_dir)
    app = create_application([])
    i18n = Translations(app)
    i18n.set_language("zh_CN")
    font = apply_theme(app)
    runner = TaskRunner()
    ui = AppController(i18n, runner)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait(signal: SignalInstance, action: Callable[[], object]) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        action()
        loop.exec()
        signal.disconnect(loop.quit)

    def grab(window: QWidget, name: str, size: tuple[int, int]) -> None:
        window.move(0, 0)
        window.resize(*size)
        settle()
        path = out / f"{name}_{i18n.language}_{size[0]}x{size[1]}.png"
        if not window.grab().save(str(path)):
            raise SystemExit(f"screenshots: could not write {path}")
        written.append(path)

    wait(ui.ready, lambda: ui.start(paths))
    for size in SIZES:
        for lang in LANGS:
            i18n.set_language(lang)
            ui.login.reset(CASHIER[0])
            grab(ui.login, "login", size)
            ui.login.password.setText("not-the-password")
            wait(runner.finished, ui.login.submit)
            grab(ui.login, "login_error", size)
            ui.login.password.setText(password)
            wait(ui.logged_in, ui.login.submit)
            grab(ui.main, "counter", size)
            # A real service refusal, shown the way every user error is shown.
            wait(runner.finished, lambda: runner.call(staff.login, CASHIER[0], "wrong"))
            grab(ui.main, "counter_banner", size)
            ui.main.banner.clear()
            ui.lock()
    written += shoot_counter_tasks(ui, runner, i18n, out, data_dir, password)
    runner.shutdown()
    QApplication.processEvents()
    print(f"font: {font}")
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


def shoot_counter_tasks(ui, runner, i18n, out, data_dir, password):  # type: ignore[no-untyped-def]
    """Recharge, shift close and the back office's day close (screenshots_tasks.py)."""
    from screenshots_tasks import Camera, owner_password, richest_member, shoot_tasks

    camera = Camera(ui, runner, i18n, out)
    shoot_tasks(camera, SIZES, LANGS, (CASHIER[0], password), ("owner", owner_password()),
                richest_member(data_dir))
    return camera.written


if __name__ == "__main__":
    sys.exit(main())
