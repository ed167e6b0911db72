"""Shop settings with lawful, customer-friendly defaults.

Each setting has a default and a validator here; the database stores only what
the shop changed. Values are JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.points import reminder_setting_problem
from memberdesk.models import Setting

from . import audit
from .context import Actor
from .errors import ValidationError
from .permissions import Permission, require
from .requests import strip_invisible
from .tables import connection, table


@dataclass(frozen=True)
class SettingSpec:
    default: Any
    check: Callable[[Any], str | None]  # returns a problem, or None when valid


def _int_range(lo: int, hi: int) -> Callable[[Any], str | None]:
    def check(v: Any) -> str | None:
        if type(v) is not int or not lo <= v <= hi:
            return f"must be a whole number from {lo} to {hi}"
        return None

    return check


def _choice(*options: str) -> Callable[[Any], str | None]:
    def check(v: Any) -> str | None:
        return None if v in options else f"must be one of {', '.join(options)}"

    return check


def _bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "must be true or false"


def _text(max_len: int) -> Callable[[Any], str | None]:
    def check(v: Any) -> str | None:
        if not isinstance(v, str) or len(v) > max_len:
            return f"must be text of at most {max_len} characters"
        return None

    return check


SPECS: dict[str, SettingSpec] = {
    "shop.language": SettingSpec("zh_CN", _choice("zh_CN", "en")),
    "shop.receipt_footer": SettingSpec("谢谢惠顾，欢迎再来！", _text(100)),
    "shop.timezone_offset_minutes": SettingSpec(480, _int_range(-720, 840)),
    # Stored value (储值). Cap per registered card: 5,000 yuan (单用途预付卡 rules).
    "stored_value.cap_fen": SettingSpec(500_000, _int_range(0, 10_000_000)),
    "stored_value.spend_order": SettingSpec(
        "bonus_first", _choice("bonus_first", "principal_first", "proportional")
    ),
    "stored_value.require_password": SettingSpec(False, _bool),
    "stored_value.records_years": SettingSpec(5, _int_range(5, 30)),
    # Points (积分).
    "points.earn_per_yuan": SettingSpec(1, _int_range(0, 100)),
    "points.validity_days": SettingSpec(365, _int_range(0, 3650)),  # 0 = never expire
    "points.redeem_points_per_yuan": SettingSpec(100, _int_range(1, 100_000)),
    "points.redeem_min_points": SettingSpec(100, _int_range(0, 1_000_000)),
    "points.redeem_max_percent": SettingSpec(50, _int_range(0, 100)),
    "points.expiring_soon_days": SettingSpec(30, _int_range(1, 365)),
    # Days before a lot expires that the member is reminded (card, receipt, list).
    "points.reminder_days": SettingSpec("7,3", reminder_setting_problem),
    # Checkout.
    "checkout.rounding": SettingSpec("none", _choice("none", "drop_fen", "drop_jiao", "round_jiao")),
    "checkout.restore_coupons_on_refund": SettingSpec(True, _bool),
    # Largest single line (a typo guard) and largest change a cashier may give.
    "checkout.max_line_fen": SettingSpec(10_000_000, _int_range(100, 1_000_000_000)),
    "checkout.max_change_fen": SettingSpec(100_000, _int_range(100, 10_000_000)),
    # A plain amount (直接收款, no item) above this needs a confirming key at the counter.
    "checkout.plain_amount_confirm_fen": SettingSpec(50_000, _int_range(0, 1_000_000_000)),
    # What earns points: paid amount without the points-paid part ("paid_excl_points"),
    # also without stored value ("external_only": the shop gave points on recharge),
    # or the whole payable amount ("payable").
    "points.earn_base": SettingSpec(
        "paid_excl_points", _choice("paid_excl_points", "external_only", "payable")
    ),
    "stored_value.password_max_failures": SettingSpec(5, _int_range(1, 20)),
    "stored_value.password_lock_minutes": SettingSpec(30, _int_range(1, 1440)),
    "receipt.paper_mm": SettingSpec(58, _int_range(58, 80)),
    # Tiers.
    "tiers.window_days": SettingSpec(400, _int_range(30, 3650)),
    # Staff.
    "staff.max_failed_logins": SettingSpec(5, _int_range(3, 20)),
    "staff.lock_minutes": SettingSpec(15, _int_range(1, 1440)),
    "staff.approval_minutes": SettingSpec(5, _int_range(1, 60)),
    "shift.blind_close": SettingSpec(False, _bool),
    # Backups.
    "backup.keep_daily": SettingSpec(7, _int_range(1, 365)),
    "backup.keep_weekly": SettingSpec(4, _int_range(0, 104)),
    "backup.keep_monthly": SettingSpec(12, _int_range(0, 120)),
    "backup.second_destination": SettingSpec("", _text(500)),
    "backup.interval_hours": SettingSpec(24, _int_range(1, 168)),
    # Card readers.
    # A keyboard-wedge swipe: at least this many characters, each within this many ms
    # of the one before, then Enter. Slower or shorter typing is a person's.
    "reader.wedge_max_interval_ms": SettingSpec(30, _int_range(5, 500)),
    "reader.wedge_min_length": SettingSpec(8, _int_range(1, 64)),
}


def get(session: Session, key: str) -> Any:
    spec = SPECS.get(key)
    if spec is None:
        raise ValidationError("unknown_setting", key=key)
    row = session.get(Setting, key)
    return spec.default if row is None else json.loads(row.value)


def get_int(session: Session, key: str) -> int:
    v = get(session, key)
    if type(v) is not int:
        raise TypeError(f"setting {key} is not an int")
    return v


def get_str(session: Session, key: str) -> str:
    return str(get(session, key))


def get_bool(session: Session, key: str) -> bool:
    return bool(get(session, key))


_SETTINGS = table(Setting)
_STORED = select(_SETTINGS.c.key, _SETTINGS.c.value)  # only what the shop changed: a few rows


def all_settings(session: Session) -> dict[str, Any]:
    values = {k: s.default for k, s in SPECS.items()}
    for key, value in connection(session).execute(_STORED):
        if key in SPECS:
            values[key] = json.loads(value)
    return values


def validate(key: str, value: Any) -> None:
    spec = SPECS.get(key)
    if spec is None:
        raise ValidationError("unknown_setting", key=key)
    problem = spec.check(value)
    if problem:
        raise ValidationError("invalid_setting", key=key, problem=problem)


def put(session: Session, key: str, value: Any) -> None:
    """Write one setting in the caller's transaction (no permission check)."""
    validate(key, value)
    row = session.get(Setting, key)
    text = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text


def change_settings_in(session: Session, actor: Actor, changes: Mapping[str, Any]) -> None:
    require(session, actor, Permission.MANAGE_SETTINGS)
    # Text a person typed (the receipt footer) loses invisible characters here.
    changes = {k: strip_invisible(v) if isinstance(v, str) else v for k, v in changes.items()}
    for key, value in changes.items():
        validate(key, value)
    before = {k: get(session, k) for k in changes}
    for key, value in changes.items():
        put(session, key, value)
    audit.record(
        session,
        action="settings.change",
        staff_id=actor.staff_id,
        entity="settings",
        detail={"before": before, "after": dict(changes)},
    )


def read_settings(db: Database) -> dict[str, Any]:
    """Every setting with its current value (defaults filled in)."""
    with db.reader() as uow:
        return all_settings(uow.session)


def change_settings(db: Database, actor: Actor, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Change shop settings (manager/owner), audited; returns all settings after."""
    with db.uow() as uow:
        change_settings_in(uow.session, actor, changes)
        result = all_settings(uow.session)
        uow.commit()
    return result
