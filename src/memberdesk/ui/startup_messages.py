"""What the user reads when the shop cannot be opened, in their language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .i18n import QT_TRANSLATE_NOOP

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
}
UNKNOWN_DATABASE_ERROR = QT_TRANSLATE_NOOP("Startup", "{path} cannot be opened: {detail}")


def startup_title() -> str:
    return QCoreApplication.translate("Startup", "MemberDesk cannot start")


def database_error_text(exc: DatabaseError) -> str:
    template = DATABASE_ERRORS.get(exc.code, UNKNOWN_DATABASE_ERROR)
    return QCoreApplication.translate("Startup", template).format(path=exc.path, detail=exc.detail or exc.code)
