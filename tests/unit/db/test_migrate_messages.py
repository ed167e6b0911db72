"""Every ``network migrate`` message exists in both languages with its placeholders
filled, and no other module's catalogue replaced it (MESSAGES is shared)."""

from __future__ import annotations

import pytest

from memberdesk.services.shared.errors import MESSAGES, Localized, UserError
from memberdesk.services.shared.messages.migrate import MIGRATE_MESSAGES

PARAMS: dict[str, dict[str, object]] = {
    "migrate_source_bad": {"path": "/x/memberdesk.sqlite3", "problem": "not an SQLite file"},
    "migrate_chain_not_empty": {"what": "members, sales"},
    "migrate_store_has_data": {"store": "A01", "what": "sales 3"},
    "migrate_member_conflicts": {"count": 2, "conflicts": Localized("手机号 1", "phone 1")},
    "migrate_store_taken": {"store": "A01"},
    "migrate_server_version": {"revision": "0010_stock", "head": "0023_x"},
    "migrate_too_long": {"what": "members.name (45/40)"},
    "migrate_mismatch": {"detail": "rows.members: 40 != 39"},
}


@pytest.mark.parametrize("code", sorted(MIGRATE_MESSAGES))
def test_each_message_in_both_languages(code: str) -> None:
    assert MESSAGES[code] == MIGRATE_MESSAGES[code]
    err = UserError(code, **PARAMS[code])
    zh, en = err.message("zh_CN"), err.message("en")
    assert zh and en and zh != en and "{" not in zh + en, (code, zh, en)


def test_the_conflicts_are_listed_in_each_language() -> None:
    err = UserError("migrate_member_conflicts", **PARAMS["migrate_member_conflicts"])
    assert "手机号 1" in err.message("zh_CN") and "phone 1" in err.message("en")
