"""User-facing texts of backup, restore and the keyed audit chain (zh_CN, English).

Kept apart from ``errors.py`` (which merges them into its catalogue) so that file
stays readable; no imports here.
"""

from __future__ import annotations

BACKUP_MESSAGES: dict[str, tuple[str, str]] = {
    "restore_rolled_back": (
        "恢复后的数据核对未通过（{problem}），已自动还原为恢复前的数据",
        "The restored data failed its check ({problem}); the data from before the restore "
        "was put back",
    ),
}
