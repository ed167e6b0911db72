"""The SMS settings: a template with an unknown placeholder is refused with a clear
message; the access key secret is never shown again nor written to the audit log."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import AuditEntry
from memberdesk.services.shared import setting_text
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.setting_specs import SPECS
from memberdesk.services.shared.settings import change_settings, list_settings, read_settings

SECRET = "s3cret-value-xyz"


def test_an_unknown_placeholder_is_refused_when_saving(db: Database, staff) -> None:
    with pytest.raises(ValidationError) as refused:
        change_settings(db, staff["owner"], {"notify.balance.text": "{name} 余额 {money}"})
    assert "{money}" in refused.value.message("zh_CN")
    assert "unknown placeholder {money}" in refused.value.message("en")
    change_settings(db, staff["owner"], {"notify.balance.text": "{name} 余额 {balance}"})
    assert read_settings(db)["notify.balance.text"] == "{name} 余额 {balance}"


def test_the_secret_is_stored_but_never_shown_or_audited(db: Database, staff) -> None:
    after = change_settings(db, staff["owner"], {"sms.access_key_secret": SECRET})
    assert SECRET not in repr(after)
    with db.reader() as r:
        details = r.session.scalars(select(AuditEntry.detail)).all()
        assert not any(SECRET in d for d in details)
        from memberdesk.services.shared.settings import all_settings

        assert all_settings(r.session)["sms.access_key_secret"] == SECRET  # for the sender
    item = list_settings(db, staff["owner"]).item("sms.access_key_secret")
    assert SECRET not in repr(item.value)
    spec = SPECS["sms.access_key_secret"]
    assert setting_text.display(spec, item.value, "en") == "set"
    assert setting_text.display(spec, "", "zh_CN") == "未设置"
