"""What the user reads when the shop cannot be opened, in their language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from memberdesk.db.migrate import DatabaseError

# DatabaseError.code -> message; {path} and {detail} are filled in.
DATABASE_ERRORS: dict[str, str] = {
    "not_sqlite": QT_TRANSLATE_NOOP(
        "Startup", "{path} is not a MemberDesk database file. Nothing was changed."
    ),
    "not_memberdesk": QT_TRANSLATE_NOOP(
        "Startup",
        "{path} is an SQLite database but not a MemberDesk shop. Nothing was changed.",
    ),
    "newer_version": QT_TRANSLATE_NOOP(
        "Startup",
        "{path} was written by a newer version of MemberDesk (schema {detail}). "
        "Please install the newer MemberDesk to open it. The file was not changed.",
    ),
    "corrupt": QT_TRANSLATE_NOOP(
        "Startup",
        "{path} is damaged and cannot be opened ({detail}). "
        "Restore it from a backup with `memberdesk restore`.",
    ),
    "unreadable": QT_TRANSLATE_NOOP("Startup", "{path} cannot be read: {detail}"),
    # A full disk or a database held elsewhere is no fault of the file: never "damaged".
    "storage_full": QT_TRANSLATE_NOOP(
        "Startup",
        "The disk holding {path} is full: MemberDesk cannot open the shop. Nothing was "
        "changed. Free some space and start MemberDesk again.",
    ),
    "storage_busy": QT_TRANSLATE_NOOP(
        "Startup",
        "{path} is busy: another program is holding it. Nothing was changed. Close the "
        "other program (or wait a moment) and start MemberDesk again.",
    ),
}
UNKNOWN_DATABASE_ERROR = QT_TRANSLATE_NOOP("Startup", "{path} cannot be opened: {detail}")


def startup_title() -> str:
    return QCoreApplication.translate("Startup", "MemberDesk cannot start")


def database_error_text(exc: DatabaseError) -> str:
    template = DATABASE_ERRORS.get(exc.code, UNKNOWN_DATABASE_ERROR)
    return QCoreApplication.translate("Startup", template).format(path=exc.path, detail=exc.detail or exc.code)
