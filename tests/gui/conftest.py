"""Fixtures for the pytest-qt tests of the cashier client.

Translations are compiled from the committed ``.ts`` sources into a temporary
directory for the session, so the tests never depend on a stale ``.qm``.
"""

from __future__ import annotations

import gc
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QApplication

from memberdesk.ui.shell import i18n as i18n_module
from memberdesk.ui.shell.i18n import Translations
from memberdesk.ui.shell.session import AppController
from memberdesk.ui.shell.tasks import TaskRunner
from memberdesk.ui.shell.theme import apply_theme

ROOT = Path(__file__).resolve().parents[2]
I18N_DIR = ROOT / "resources" / "i18n"


def qt_tool(name: str) -> Path:
    """A PySide6 command-line tool from the virtualenv running the tests."""
    tool = Path(sys.executable).parent / f"pyside6-{name}"
    if not tool.exists():
        pytest.fail(f"{tool} is missing: install PySide6 in this virtualenv")
    return tool


FULL_EVERY = 50
_teardowns = [0]


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item: pytest.Item):  # type: ignore[no-untyped-def]
    """No automatic garbage collection while a window test runs: the collector runs at
    its teardown instead (below), when no worker thread runs. Twice a window test died
    in a collection the GUI thread started by itself, the worker in the back office's
    day report (the clean-clone CI of a3ba4b9, in test_backoffice_store_stock; a
    helper's run, in test_backoffice_products_unsaved): "Fatal Python error:
    Segmentation fault ... Garbage-collecting". Not reproduced here in hours of
    trying (the window suite with thresholds 100/2/2; the back-office files with
    10/2/2 and PYTHONMALLOC=debug; 40 back offices opened and closed beside a
    collection every 2 ms). A test makes hundreds of windows a till never makes; what
    a test leaves is freed between tests."""
    if not gc.get_freeze_count():
        gc.collect()
        gc.freeze()  # what the imports made is never garbage: each teardown skips it
    gc.disable()
    return (yield)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item):  # type: ignore[no-untyped-def]
    """After a test's windows are closed (pytest-qt) and its worker stopped (the
    fixtures): the windows deleted and the garbage collected, while no worker runs."""
    try:
        return (yield)
    finally:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        # What the test made is young (nothing collected while it ran): the two young
        # generations hold its windows. A full collection (over a heap of about
        # 1.5 GB by the end: seconds each) every FULL_EVERY tests frees the rest.
        _teardowns[0] += 1
        gc.collect(2 if _teardowns[0] % FULL_EVERY == 0 else 1)
        gc.enable()


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("qm")
    for ts in sorted(I18N_DIR.glob("*.ts")):
        subprocess.run(
            [str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(out / f"{ts.stem}.qm")],
            check=True,
        )
    return out


@pytest.fixture(scope="session", autouse=True)
def _themed_app(qapp: QApplication) -> None:
    apply_theme(qapp)


@pytest.fixture(autouse=True)
def _translations_from_sources(
    compiled_translations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n_module, "translations_dir", lambda: compiled_translations)


@pytest.fixture
def i18n(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations(qapp)
    translations.set_language("zh_CN")
    yield translations
    translations.uninstall()
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def runner(db) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    task_runner = TaskRunner(db)
    yield task_runner
    task_runner.shutdown(close_database=False)  # the db fixture closes it


@pytest.fixture
def ui(qtbot, i18n: Translations, runner: TaskRunner, staff) -> Iterator[AppController]:  # type: ignore[no-untyped-def]
    """The application on the login screen of the test shop (owner, manager, cashier).
    Afterwards its timers and long jobs stop, as at shutdown, before its windows go."""
    controller = AppController(i18n, runner)
    qtbot.addWidget(controller.login)
    qtbot.addWidget(controller.main)
    with qtbot.waitSignal(controller.ready, timeout=10_000):
        controller.start()
    assert controller.backups is not None and controller.backups.timer.isActive()  # started
    controller.backups.stop()  # tests of the schedulers drive them themselves
    assert controller.daily_jobs is not None and controller.daily_jobs.timer.isActive()
    controller.daily_jobs.stop()
    yield controller
    controller.stop_background_work(timeout_ms=30_000)
    from memberdesk.ui.shell.printer_setup import set_shop_printer

    set_shop_printer("", False)  # the next test's shop starts without this one's printer


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The rotating MemberDesk log in a temporary directory, removed afterwards."""
    from memberdesk.logsetup import setup_logging

    path = setup_logging(tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_memberdesk", False):
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def owner(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    """The counter with the owner logged in (tests/gui/tasks_support.py)."""
    from .tasks_support import counter_for

    yield from counter_for(qtbot, ui, db, staff, "owner")


@pytest.fixture
def manager(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    """The counter with the manager logged in."""
    from .tasks_support import counter_for

    yield from counter_for(qtbot, ui, db, staff, "manager")
