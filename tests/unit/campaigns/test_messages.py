"""Every segment and campaign message exists in both languages with its placeholders
filled, and no other module's catalogue replaced it (MESSAGES is shared)."""

from __future__ import annotations

import pytest

from memberdesk.services.shared.errors import MESSAGES, UserError
from memberdesk.services.shared.messages.campaigns import CAMPAIGN_MESSAGES

PARAMS: dict[str, dict[str, object]] = {
    "segment_bad_choice": {"value": "Z"},
    "segment_bad_window": {"max": 3660},
    "segment_not_found": {"name": "常客"},
    "segment_in_use": {"name": "常客"},
    "campaign_exists": {"name": "回店礼"},
    "campaign_not_found": {"name": "回店礼"},
    "campaign_bad_holdout": {"max": 90},
    "campaign_bad_days": {"max": 366},
    "campaign_started": {"name": "回店礼"},
    "campaign_over": {"name": "回店礼"},
    "campaign_edit_kind": {"name": "回店礼"},
}


@pytest.mark.parametrize("code", sorted(CAMPAIGN_MESSAGES))
def test_each_message_in_both_languages(code: str) -> None:
    assert MESSAGES[code] == CAMPAIGN_MESSAGES[code]
    err = UserError(code, **PARAMS.get(code, {}))
    zh, en = err.message("zh_CN"), err.message("en")
    assert zh and en and zh != en and "{" not in zh + en, (code, zh, en)
