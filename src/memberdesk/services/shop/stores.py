"""The stores of a chain (网络版): which store a till is in, the stores the owner keeps,
the store a staff member belongs to, and a staff member's reach over another store's
documents.

A shop file has one store, the default one the migration made (code MAIN); a till
that names none is in the first store. On a server each till names its store
(``paths.resolve_store``: ``--store``, ``$MEMBERDESK_STORE`` or the data directory's
``store`` file) and the store's code leads every document number it draws
(``MAIN-S20261203-0001``), so two stores never draw the same number nor wait for each
other's numbering lock. On SQLite the numbers keep their old form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Staff, Store
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.this_store import current_store, current_store_id, till_store
from memberdesk.services.staff.approvals import require_and_audit

CODE_PATTERN = re.compile(r"[A-Z0-9]{1,8}")
ALL_STORES = "ALL"  # a staff member of every store (an owner, head office)


@dataclass(frozen=True)
class StoreInfo:
    id: int
    code: str
    name: str
    address: str
    phone: str
    active: bool


def _info(store: Store) -> StoreInfo:
    return StoreInfo(store.id, store.code, store.name, store.address, store.phone, store.active)


def check_store_reach(session: Session, actor: Actor, store_id: int) -> None:
    """Refuse ``actor`` a document or till of ``store_id`` when they belong to another
    store (a manager of store A refunding a sale of store B, a cashier of A opening a
    shift at B's till); staff of every store pass."""
    own = session.scalar(select(Staff.store_id).where(Staff.id == actor.staff_id))
    refuse_other_store(session, own, store_id)


def refuse_other_store(session: Session, own: int | None, store_id: int) -> None:
    """:func:`check_store_reach` for a staff member's store the caller read itself."""
    if own is not None and own != store_id:
        code = session.scalar(select(Store.code).where(Store.id == store_id)) or ""
        raise PermissionDenied("store_not_yours", store=code)


@dataclass(frozen=True)
class ReportStore:
    """The store a report covers."""

    store_id: int | None  # None: every store (head office)
    code: str  # ALL for every store
    name: str

    def matches(self, column: Any) -> ColumnElement[bool]:
        """``column`` (a store id) is this report's store (always true for every store)."""
        return true() if self.store_id is None else column == self.store_id


def report_store(session: Session, actor: Actor, wanted: str | None) -> ReportStore:
    """Which store a report covers: ``None`` this till's store, a code that store,
    ``ALL`` every store. Staff of one store see only their own (:func:`refuse_other_store`);
    staff of every store (an owner, head office) see any store and all of them."""
    own = session.scalar(select(Staff.store_id).where(Staff.id == actor.staff_id))
    if wanted is not None and wanted.strip().upper() == ALL_STORES:
        if own is not None:
            raise PermissionDenied("store_all_head_office")
        return ReportStore(None, ALL_STORES, "")
    store = (_find(session, wanted) if wanted and wanted.strip()
             else session.get_one(Store, current_store_id(session)))
    refuse_other_store(session, own, store.id)
    return ReportStore(store.id, store.code, store.name)


def acting_store(session: Session, actor: Actor, wanted: str | None) -> tuple[int, str]:
    """``(id, code)`` of the store a change acts in (a stock count, goods received):
    ``None`` this till's store, a code that store; refused to staff of another store."""
    if wanted is None or not wanted.strip():
        store_id, code = current_store(session)
    else:
        store = _find(session, wanted)
        store_id, code = store.id, store.code
    own = session.scalar(select(Staff.store_id).where(Staff.id == actor.staff_id))
    refuse_other_store(session, own, store_id)
    return store_id, code


def find_store(session: Session, code: str) -> tuple[int, str]:
    """``(id, code)`` of the store with ``code`` (any case); NotFoundError when none."""
    store = _find(session, code)
    return store.id, store.code


def store_label(session: Session, store_id: int | None) -> str:
    """What a report says of the store it covers: "B2 人民路店", ALL for every store,
    "" in a shop of one store (nothing to say, as before stores)."""
    if int(session.scalar(select(func.count()).select_from(Store)) or 0) < 2:
        return ""
    if store_id is None:
        return ALL_STORES
    code, name = session.execute(select(Store.code, Store.name).where(Store.id == store_id)).one()
    return f"{code} {name}"


def parse_code(code: str) -> str:
    value = code.strip().upper()
    if not CODE_PATTERN.fullmatch(value):
        raise ValidationError("store_bad_code", store=code.strip())
    return value


def store_name(name: str) -> str:
    value = name.strip()
    if not value or len(value) > 40:
        raise ValidationError("store_name_needed")
    return value


def _find(session: Session, code: str) -> Store:
    store = session.scalar(select(Store).where(Store.code == parse_code(code)))
    if store is None:
        raise NotFoundError("store_unknown", store=code.strip().upper())
    return store


def name_first_store(session: Session, code: str, name: str) -> Store:
    """Give the first store (the migration's default) its code and name, in the
    caller's transaction: a new server's set-up (no number was drawn with it yet)."""
    value, title = parse_code(code), store_name(name)
    store = session.scalars(select(Store).order_by(Store.id).limit(1)).one()
    if session.scalar(select(Store.id).where(Store.code == value, Store.id != store.id)):
        raise ConflictError("store_exists", store=value)
    store.code, store.name = value, title
    till_store(session).store_id = None  # read again: the code changed
    session.flush()
    return store


@dataclass(frozen=True)
class StoreRow:
    """A store on the 门店 page: the store, its own staff (names; staff of every store
    are not listed), whether this till is in it."""

    store: StoreInfo
    staff: tuple[str, ...]
    this_till: bool


@dataclass(frozen=True)
class StoresOverview:
    rows: tuple[StoreRow, ...]
    network: bool  # a chain server (网络版); False: a single-machine shop file (单机版)


def stores_overview(db: Database, actor: Actor) -> StoresOverview:
    """The chain's stores for the owner's 门店 page, oldest first."""
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_SETTINGS)
        here = current_store_id(s)
        staff: dict[int, list[str]] = {}
        for store_id, name in s.execute(
                select(Staff.store_id, Staff.display_name)
                .where(Staff.store_id.is_not(None), Staff.active.is_(True))
                .order_by(Staff.display_name)):
            staff.setdefault(int(store_id or 0), []).append(str(name))
        rows = tuple(StoreRow(_info(st), tuple(staff.get(st.id, ())), st.id == here)
                     for st in s.scalars(select(Store).order_by(Store.id)))
        return StoresOverview(rows, s.get_bind().dialect.name == "postgresql")


def list_stores(db: Database) -> list[StoreInfo]:
    """Every store, oldest first (no permission: a till shows where it is)."""
    with db.reader() as uow:
        return [_info(s) for s in uow.session.scalars(select(Store).order_by(Store.id))]


def add_store_in(session: Session, code: str, name: str, address: str = "",
                 phone: str = "") -> Store:
    """A new store in the caller's transaction (no permission check)."""
    value = parse_code(code)
    if session.scalar(select(Store.id).where(Store.code == value)) is not None:
        raise ConflictError("store_exists", store=value)
    store = Store(code=value, name=store_name(name), address=address.strip()[:100],
                  phone=phone.strip()[:20], active=True)
    session.add(store)
    session.flush()
    return store


def add_store(db: Database, actor: Actor, code: str, name: str, address: str = "",
              phone: str = "") -> StoreInfo:
    """The owner opens a store (audited)."""
    with db.uow() as uow:
        s = uow.session
        store = add_store_in(s, code, name, address, phone)
        require_and_audit(s, actor, Permission.MANAGE_SETTINGS, action="store.add",
                          entity="store", entity_id=store.code,
                          detail={"name": store.name})
        info = _info(store)
        uow.commit()
    return info


def set_store(db: Database, actor: Actor, code: str, *, name: str | None = None,
              address: str | None = None, phone: str | None = None,
              active: bool | None = None) -> StoreInfo:
    """The owner changes a store's name, address, phone or closes/reopens it (audited).
    Its code never changes: it is in every number the store drew."""
    with db.uow() as uow:
        s = uow.session
        store = _find(s, code)
        changes: dict[str, object] = {}
        if name is not None:
            store.name = changes["name"] = store_name(name)
        if address is not None:
            store.address = changes["address"] = address.strip()[:100]
        if phone is not None:
            store.phone = changes["phone"] = phone.strip()[:20]
        if active is not None:
            if not active and store.id == current_store_id(s):
                raise ConflictError("store_is_this_till", store=store.code)
            store.active = changes["active"] = active
        require_and_audit(s, actor, Permission.MANAGE_SETTINGS, action="store.set",
                          entity="store", entity_id=store.code, detail=changes)
        info = _info(store)
        uow.commit()
    return info


def assign_staff(db: Database, actor: Actor, username: str, code: str) -> None:
    """The owner puts a staff member in one store, or in every store (``ALL``)."""
    with db.uow() as uow:
        s = uow.session
        staff = s.scalar(select(Staff).where(Staff.username == username.strip()))
        if staff is None:
            raise NotFoundError("staff_not_found", key=username.strip())
        wanted = code.strip().upper()
        staff.store_id = None if wanted == ALL_STORES else _find(s, wanted).id
        require_and_audit(s, actor, Permission.MANAGE_SETTINGS, action="store.assign_staff",
                          entity="staff", entity_id=staff.username, detail={"store": wanted})
        uow.commit()
