"""After a restore the app logs out and opens on the restored data (issue 11): the
back office the restore ran in goes away, so without a window manager it is not left
standing behind the login screen or behind the next back office."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from memberdesk.services.backup.create import create_backup
from memberdesk.ui.backoffice.window import BackOffice

from .helpers import log_in
from .tasks_support import Counter


def visible_back_offices() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, BackOffice) and w.isVisible()]


def test_after_a_restore_only_one_back_office_is_on_screen(owner: Counter) -> None:
    c = owner
    backup = create_backup(c.db, c.world.owner).path
    office = c.open(Qt.Key.Key_F8)
    page = office.show_page("backup")
    c.settle()
    page.restore_from(backup)
    c.settle()
    c.type(page.confirm.password, "owner-pass")
    with c.qtbot.waitSignal(c.tasks.database_restored, timeout=20_000) as restored:
        c.enter(page.confirm.password)
    result = restored.args[0]
    try:
        c.qtbot.waitUntil(lambda: c.ui.login.isVisible(), timeout=5_000)  # logged out
        c.qtbot.waitUntil(lambda: visible_back_offices() == [], timeout=5_000)
        assert not c.ui.main.isVisible()
        assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [c.ui.login]

        log_in(c.qtbot, c.ui, "owner", "owner-pass")  # on the restored data
        again = c.open(Qt.Key.Key_F8)
        c.qtbot.wait(50)
        assert visible_back_offices() == [again]
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not isValid(office)  # the old one deleted once the next one opened
    finally:
        c.ui.runner.wait()
        result.database.close()
