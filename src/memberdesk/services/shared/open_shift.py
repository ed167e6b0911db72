"""The cashier's open shift at this till's store: where the money of a sale, a
recharge or a refund is counted (opening and closing shifts: :mod:`memberdesk.services.shifts`)."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from memberdesk.models import Shift
from memberdesk.models.enums import ShiftStatus
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.tables import connection
from memberdesk.services.shared.this_store import current_store_id

_OPEN_SHIFT = select(Shift.id).where(
    Shift.staff_id == bindparam("staff_id"), Shift.status == ShiftStatus.OPEN,
    Shift.store_id == bindparam("store_id"))


def open_shift_id(s: Session, staff_id: int) -> int:
    """The id of the staff member's open shift at this till's store (:func:`open_shift_in`
    without loading it): money taken in one store goes in that store's shift."""
    shift_id = connection(s).scalar(_OPEN_SHIFT, {"staff_id": staff_id,
                                                  "store_id": current_store_id(s)})
    if shift_id is None:
        raise ValidationError("no_open_shift")
    return shift_id
