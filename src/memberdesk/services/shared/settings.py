"""Shop settings with lawful, customer-friendly defaults.

Each setting has a default, a kind and a range in :mod:`.setting_specs`; the
database stores only what the shop changed. Values are JSON. Changing settings is
the owner's (``MANAGE_SETTINGS``): they decide money (caps, limits, rounding) and
security (passwords, lock-outs); anyone logged in may read them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Setting
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.driver import run
from memberdesk.services.shared.errors import Localized, ValidationError
from memberdesk.services.shared.permissions import Permission, load_actor_staff, require, role_has
from memberdesk.services.shared.requests import strip_invisible
from memberdesk.services.shared.setting_specs import SECTIONS, SPECS, SettingSpec
from memberdesk.services.shared.tables import connection, table


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


_ONE = select(_SETTINGS.c.value).where(_SETTINGS.c.key == bindparam("key"))


def get_quick(session: Session, key: str) -> Any:
    """:func:`get` as one Core statement (no ORM identity lookup): for the reads of a
    member lookup at the counter."""
    spec = SPECS[key]
    value = connection(session).execute(_ONE, {"key": key}).scalar()
    return spec.default if value is None else json.loads(value)


def all_settings(session: Session) -> dict[str, Any]:
    values = {k: s.default for k, s in SPECS.items()}
    for key, value in run(connection(session), _STORED):
        if key in SPECS:
            values[key] = json.loads(value)
    return values


def validate(key: str, value: Any) -> None:
    spec = SPECS.get(key)
    if spec is None:
        raise ValidationError("unknown_setting", key=key)
    problem = spec.problem(value)
    if problem is not None:
        raise ValidationError("invalid_setting", key=key, label=Localized(*spec.label),
                              problem=problem)


def put(session: Session, key: str, value: Any) -> None:
    """Write one setting in the caller's transaction (no permission check)."""
    validate(key, value)
    row = session.get(Setting, key)
    text = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text


def change_settings_in(session: Session, actor: Actor, changes: Mapping[str, Any]) -> list[str]:
    """Change settings in the caller's transaction: owner only, every value checked
    before any is written, the audit log gets the old and new values of what really
    changed. Returns the keys that changed (a value equal to the current one is no
    change, and no audit row is written when nothing changed)."""
    require(session, actor, Permission.MANAGE_SETTINGS)
    # Text a person typed (the receipt footer) loses invisible characters here.
    changes = {k: strip_invisible(v) if isinstance(v, str) else v for k, v in changes.items()}
    for key, value in changes.items():
        validate(key, value)
    before = {k: get(session, k) for k in changes}
    changed = {k: v for k, v in changes.items() if before[k] != v or type(before[k]) is not type(v)}
    if not changed:
        return []
    for key, value in changed.items():
        put(session, key, value)
    audit.record(
        session,
        action="settings.change",
        staff_id=actor.staff_id,
        entity="settings",
        detail={"before": {k: _shown(k, before[k]) for k in changed},
                "after": {k: _shown(k, v) for k, v in changed.items()}},
    )
    return list(changed)


SECRET_SET = "********"  # what a set secret looks like outside the storage


def _shown(key: str, value: Any) -> Any:
    """A value as the audit log and the settings list may show it: a secret only as
    set or not (never the value)."""
    return (SECRET_SET if value else "") if SPECS[key].kind == "secret" else value


def read_settings(db: Database) -> dict[str, Any]:
    """Every setting with its current value (defaults filled in; a secret only as set
    or not: the services that need it read it themselves)."""
    with db.reader() as uow:
        return {k: _shown(k, v) for k, v in all_settings(uow.session).items()}


def change_settings(db: Database, actor: Actor, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Change shop settings (the owner), audited; returns all settings after."""
    with db.uow() as uow:
        change_settings_in(uow.session, actor, changes)
        result = {k: _shown(k, v) for k, v in all_settings(uow.session).items()}
        uow.commit()
    return result


@dataclass(frozen=True)
class SettingView:
    """One setting as the settings page and ``memberdesk settings list`` show it."""

    key: str
    value: Any
    spec: SettingSpec

    @property
    def default(self) -> Any:
        return self.spec.default

    @property
    def changed(self) -> bool:
        return bool(self.value != self.spec.default)


@dataclass(frozen=True)
class SettingsSheet:
    items: tuple[SettingView, ...]  # in the catalogue's order (grouped by section)
    may_change: bool  # whether the one who asked may change them (the owner)

    def item(self, key: str) -> SettingView:
        return next(i for i in self.items if i.key == key)


def list_settings(db: Database, actor: Actor | None) -> SettingsSheet:
    """Every setting with its current value, default, kind, range and texts, section
    by section; and whether ``actor`` may change them (None: nobody logged in, as
    ``memberdesk settings list``: settings are no secret to who holds the file)."""
    with db.reader() as uow:
        may_change = actor is not None and role_has(
            load_actor_staff(uow.session, actor).role, Permission.MANAGE_SETTINGS)
        values = all_settings(uow.session)
    order = {s: i for i, s in enumerate(SECTIONS)}
    keys = sorted(SPECS, key=lambda k: order[SPECS[k].section])  # stable: catalogue order
    items = tuple(SettingView(k, _shown(k, values[k]), SPECS[k]) for k in keys)
    return SettingsSheet(items, may_change)
