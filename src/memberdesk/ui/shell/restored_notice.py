"""What the owner reads after a restore (the Backups page's message and the login
screen the app goes back to): which backup is live now, when it was made, where
the data from before the restore was saved, with how to get it back, and which older
backups the retention rule removed when that copy was written."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from memberdesk.ui.common import fmt

ZWSP = "\u200b"  # lets a long file name wrap after each "-" on a narrow screen


def breakable(name: str) -> str:
    return name.replace("-", "-" + ZWSP)


def restored_text(result: Any, *, narrow: bool = False) -> str:
    """``result``: a ``services.backup.restore.RestoreResult``. ``narrow`` (the login
    screen): the safety copy by its name in the backup folder, the names breakable;
    else by its whole path."""
    source = result.source.name if result.source is not None else ""
    if narrow:
        source = breakable(source)
    if result.source_made_at is not None:
        live = QCoreApplication.translate(
            "RestoredNotice", "Restored from {file}, made {when} (shop time).").format(
            file=source, when=fmt.datetime_text(result.source_made_at))
    else:
        live = QCoreApplication.translate("RestoredNotice", "Restored from {file}.").format(
            file=source)
    if narrow:
        kept = QCoreApplication.translate(
            "RestoredNotice", "The data from before the restore was saved in the backup folder "
            "as {backup}: restore that file to get it back.").format(
            backup=breakable(result.pre_restore_backup.name))
    else:
        kept = QCoreApplication.translate(
            "RestoredNotice", "The data from before the restore was saved as {backup}: to get "
            "it back, restore that file (back office, Backups).").format(
            backup=result.pre_restore_backup)
    from memberdesk.ui.backoffice.backup_list import removed_text

    removed = getattr(result, "removed", ())
    names = tuple(breakable(n) for n in removed) if narrow else tuple(removed)
    return fmt.sentences(live, kept, removed_text(names))
