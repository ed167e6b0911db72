"""``memberdesk`` with no subcommand: the cashier application.

:func:`run` builds the QApplication, language, font and stylesheet, installs the
crash hook, opens the shop database on the task runner's worker and shows the
login screen, then the counter; the card reader service watches the PC/SC
readers from the start.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from memberdesk import __version__
from memberdesk.logsetup import enable_fault_log, setup_logging
from memberdesk.paths import APP_NAME, DataPaths
from memberdesk.ui.shell.crash import CrashHandler
from memberdesk.ui.shell.i18n import Translations, initial_language, remember_language
from memberdesk.ui.shell.quit_guard import guard_closes
from memberdesk.ui.shell.session import AppController
from memberdesk.ui.shell.tasks import TaskRunner
from memberdesk.ui.shell.theme import apply_theme

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run(paths: DataPaths) -> int:
    """Run the cashier window until it closes; return the process exit code."""
    log_file = setup_logging(paths.ensure().logs)
    log.info("a hard crash leaves its traceback in %s", enable_fault_log(paths.logs))
    app = create_application()
    crash = CrashHandler(log_file)
    crash.install()
    i18n = Translations(app)
    i18n.set_language(initial_language(paths.root))  # this till's last choice
    i18n.language_changed.connect(lambda lang: remember_language(paths.root, lang))
    apply_theme(app)
    runner = TaskRunner()
    controller = AppController(i18n, runner)
    controller.exit_requested.connect(QCoreApplication.exit)
    log.info("MemberDesk %s starting on %s", __version__, paths.root)
    guard_closes(controller.main, controller.login)  # the title bar's X asks like Ctrl+Q
    try:
        controller.start(paths, maximized=True)
        controller.reader.start()  # PC/SC card readers, on a thread of their own
        code = app.exec()
    finally:
        guard_closes(controller.main, controller.login, on=False)
        controller.reader.stop()
        controller.stop_background_work()
        runner.shutdown()
        crash.uninstall()
        i18n.uninstall()
    log.info("MemberDesk exiting with %d", code)
    return int(code)
