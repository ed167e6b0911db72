"""Shop settings: the one catalogue (labels, kinds, ranges), values typed in yuan,
owner-only changes audited with old and new values, clear messages in both languages."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import AuditEntry
from memberdesk.services.shared import setting_text
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from memberdesk.services.shared.setting_specs import KINDS, SECTIONS, SPECS
from memberdesk.services.shared.settings import change_settings, list_settings, read_settings

PLAIN = "checkout.plain_amount_confirm_fen"


def _audit(db: Database) -> list[dict[str, object]]:
    with db.reader() as r:
        rows = r.session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "settings.change")
            .order_by(AuditEntry.id)).all()
    return [json.loads(d) for d in rows]


def test_every_setting_is_in_the_catalogue_with_both_languages_and_a_valid_default() -> None:
    for key, spec in SPECS.items():
        assert spec.kind in KINDS and spec.section in SECTIONS, key
        assert spec.label[0] and spec.label[1] and spec.label[0] != spec.label[1], key
        assert spec.problem(spec.default) is None, key
        if spec.kind == "choice":
            assert spec.options and all(zh and en for _, zh, en in spec.options), key
    assert {s.section for s in SPECS.values()} == set(SECTIONS)


def test_list_settings_values_defaults_and_who_may_change(db: Database, staff) -> None:
    sheet = list_settings(db, staff["manager"])
    assert not sheet.may_change
    assert list_settings(db, staff["owner"]).may_change
    assert [i.key for i in sheet.items] == sorted(
        SPECS, key=lambda k: list(SECTIONS).index(SPECS[k].section))
    plain = sheet.item(PLAIN)
    assert plain.value == plain.default == 50_000 and not plain.changed
    assert setting_text.display(plain.spec, plain.value, "en") == "¥500.00"
    assert setting_text.display(SPECS["points.validity_days"], 365, "zh_CN") == "365 天"
    assert setting_text.display(SPECS["checkout.rounding"], "drop_jiao", "zh_CN") == "抹角"
    assert setting_text.display(SPECS["shift.blind_close"], True, "en") == "yes"


def test_owner_changes_only_what_changed_in_one_audited_step(db: Database, staff) -> None:
    after = change_settings(db, staff["owner"], {
        PLAIN: setting_text.parse(PLAIN, "300"),
        "points.validity_days": 365,  # unchanged: not written, not audited
        "checkout.rounding": setting_text.parse("checkout.rounding", "抹角"),
    })
    assert after[PLAIN] == 30_000 and after["checkout.rounding"] == "drop_jiao"
    assert _audit(db) == [{"before": {PLAIN: 50_000, "checkout.rounding": "none"},
                           "after": {PLAIN: 30_000, "checkout.rounding": "drop_jiao"}}]
    change_settings(db, staff["owner"], {PLAIN: 30_000})  # nothing changed: no audit row
    assert len(_audit(db)) == 1
    assert list_settings(db, staff["owner"]).item(PLAIN).changed


@pytest.mark.parametrize("who", ["manager", "cashier"])
def test_only_the_owner_changes_settings(db: Database, staff, who: str) -> None:
    with pytest.raises(PermissionDenied) as err:
        change_settings(db, staff[who], {PLAIN: 30_000})
    assert err.value.message("en") == "Only the owner may change settings"
    assert err.value.message("zh_CN") == "仅老板可以修改设置"
    assert read_settings(db)[PLAIN] == 50_000 and _audit(db) == []


def test_a_bad_value_is_refused_with_its_label_and_nothing_is_saved(db: Database, staff) -> None:
    with pytest.raises(ValidationError) as err:
        change_settings(db, staff["owner"], {"points.validity_days": 30, PLAIN: -100})
    assert err.value.message("en") == (
        "Plain amount confirmation above (checkout.plain_amount_confirm_fen): "
        "must be from ¥0.00 to ¥10,000,000.00")
    assert err.value.message("zh_CN") == (
        "“直接收款确认金额”（checkout.plain_amount_confirm_fen）：应在 ¥0.00 到 ¥10,000,000.00 之间")
    assert read_settings(db)["points.validity_days"] == 365 and _audit(db) == []
    with pytest.raises(ValidationError) as err:
        change_settings(db, staff["owner"], {"points.validity_days": "30"})  # wrong type
    assert "must be a whole number from 0 to 3650" in err.value.message("en")


@pytest.mark.parametrize(("key", "text", "en"), [
    (PLAIN, "abc", "“abc”: not a number (type yuan, e.g. 300 or 300.00)"),
    (PLAIN, "3.001", "“3.001”: at most two decimals (type yuan, e.g. 300 or 300.00)"),
    ("points.validity_days", "a year", "“a year” is not a whole number"),
    ("points.validity_days", "4000", "must be a whole number from 0 to 3650"),
    ("shift.blind_close", "maybe", "“maybe” must be yes or no"),
    ("checkout.rounding", "up", "“up” must be one of: none (none), drop_fen (drop the fen), "
                                "drop_jiao (drop the jiao), round_jiao (round to jiao)"),
    ("printer.connection", "lpt1", "is not a printer address"),
    ("receipt.paper_mm", "70", "“70” must be one of: 58 (58 mm), 80 (80 mm)"),
])
def test_typed_values_are_checked(key: str, text: str, en: str) -> None:
    with pytest.raises(ValidationError) as err:
        setting_text.parse(key, text)
    assert en in err.value.message("en")
    assert err.value.message("zh_CN").startswith(f"“{SPECS[key].label[0]}”（{key}）：")


def test_typed_values_are_read_as_stored() -> None:
    assert setting_text.parse(PLAIN, "¥1,234.5") == 123_450
    assert setting_text.parse("points.validity_days", "30 天") == 30
    assert setting_text.parse("shift.blind_close", "是") is True
    assert setting_text.parse("receipt.paper_mm", "80") == 80
    assert setting_text.parse("printer.connection", " network:10.0.0.9:9100 ") == (
        "network:10.0.0.9:9100")
    with pytest.raises(ValidationError) as err:
        setting_text.parse("no.such", "1")
    assert err.value.message("en") == "Unknown setting no.such"


def test_the_reminder_days_are_checked_in_both_languages() -> None:
    from memberdesk.services.shared.setting_specs import SPECS as specs

    spec = specs["points.reminder_days"]
    assert spec.problem("7,3") is None and spec.problem("14") is None
    problem = spec.problem("7,x")
    assert problem is not None and "7,3" in problem.zh and "7,3" in problem.en
