"""What a checkout needs to know about the till before it writes, in one read.

The cashier's role (the permission check), their name and the shop's name, address
and phone (the receipt header, :mod:`~memberdesk.services.receipts.header`), their
open shift, how many sales the business day already has (the next sale number) and whether the client id was used before (a replay): five
small reads folded into one statement. Each statement a checkout sends costs about
50 µs of execution overhead on top of SQLite's own work (``tests/bench``), more
than most of these reads cost SQLite.

Each scalar subquery is an ordinary indexed lookup; the statement is portable SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from memberdesk.models import Sale, Shift, Staff
from memberdesk.models.enums import ShiftStatus
from memberdesk.services.receipts.header import ShopHeader, header_columns, header_of
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.driver import run
from memberdesk.services.shared.errors import AuthError, ValidationError
from memberdesk.services.shared.permissions import Permission, check_role
from memberdesk.services.shared.tables import connection, table
from memberdesk.services.shared.this_store import current_store_id
from memberdesk.services.shop.stores import refuse_other_store

_STAFF, _SHIFTS, _SALES = table(Staff), table(Shift), table(Sale)
_TILL = select(
    _STAFF.c.role,
    _STAFF.c.active,
    _STAFF.c.display_name,
    _STAFF.c.store_id,
    *header_columns(bindparam("store_id")),
    select(_SHIFTS.c.id)
    .where(_SHIFTS.c.staff_id == _STAFF.c.id, _SHIFTS.c.status == ShiftStatus.OPEN,
           _SHIFTS.c.store_id == bindparam("store_id"))
    .limit(1).scalar_subquery().label("shift_id"),
    select(func.count()).select_from(_SALES)
    .where(_SALES.c.sale_no >= bindparam("lo"), _SALES.c.sale_no < bindparam("hi"))
    .scalar_subquery().label("sales_today"),
    select(_SALES.c.id).where(_SALES.c.client_id == bindparam("client_id"))
    .scalar_subquery().label("prior_id"),
).where(_STAFF.c.id == bindparam("staff_id"))


@dataclass(frozen=True)
class Till:
    cashier: str  # the staff member's display name ("" if none)
    header: ShopHeader  # the receipt's: shop name, address, phone
    shift_id: int | None  # the cashier's open shift at this store's tills
    sale_no: str  # the number the next sale of the day takes
    prior_sale_id: int | None  # the sale already made with this client id

    def open_shift_id(self) -> int:
        """As :func:`~.shifts.open_shift_id`: a cashier cannot take payments without one."""
        if self.shift_id is None:
            raise ValidationError("no_open_shift")
        return self.shift_id


def read_till(
    s: Session, actor: Actor, permission: Permission, client_id: str, today: date,
    prefix: str = "S",
) -> Till:
    """The till as the sale sees it; refuses an actor without ``permission`` (as
    :func:`~.permissions.require` does, without approvals). ``prefix``: the sale
    number's (:func:`~.this_store.number_prefix`)."""
    lo, hi = clock.number_range(prefix, today)
    store_id = current_store_id(s)
    row = run(connection(s), _TILL, {
        "staff_id": actor.staff_id, "lo": lo, "hi": hi, "client_id": client_id,
        "store_id": store_id}).first()
    if row is None:
        raise AuthError("account_inactive")
    check_role(row.role, row.active, permission)
    refuse_other_store(s, row.store_id, store_id)  # staff of one store: its tills only
    return Till(row.display_name or "", header_of(row), row.shift_id,
                clock.number_after(lo, row.sales_today or 0), row.prior_id)
