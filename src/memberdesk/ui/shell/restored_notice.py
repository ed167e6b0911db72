"""What the owner reads after a restore (the Backups page's message and the login
screen the app goes back to): which backup is live now, when it was made, and where
the data from before the restore was saved, with how to get it back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from memberdesk.ui.common import fmt


def restored_text(result: Any) -> str:
    """``result``: a ``services.backup.restore.RestoreResult``."""
    source = result.source.name if result.source is not None else ""
    if result.source_made_at is not None:
        live = QCoreApplication.translate(
            "RestoredNotice", "Restored from {file}, made {when} (shop time).").format(
            file=source, when=fmt.datetime_text(result.source_made_at))
    else:
        live = QCoreApplication.translate("RestoredNotice", "Restored from {file}.").format(
            file=source)
    kept = QCoreApplication.translate(
        "RestoredNotice", "The data from before the restore was saved as {backup}: to get it "
        "back, restore that file (back office, Backups).").format(
        backup=result.pre_restore_backup)
    return fmt.sentences(live, kept)
