"""The shop's settings read once per use case (one query instead of one per value)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from memberdesk.domain import points, shoptime
from memberdesk.services.shared import settings


@dataclass(frozen=True)
class Policy:
    values: dict[str, Any]

    @classmethod
    def load(cls, session: Session) -> Policy:
        return cls(settings.all_settings(session))

    def int(self, key: str) -> int:
        v = self.values[key]
        if type(v) is not int:
            raise TypeError(f"setting {key} is not an int")
        return v

    def text(self, key: str) -> str:
        return str(self.values[key])

    def bool(self, key: str) -> bool:
        return bool(self.values[key])

    def points_expire_on(self, earned_on: date) -> date | None:
        """The expiry date of points earned or given on ``earned_on``, by the shop's
        ``points.expiry_policy`` and ``points.validity_days`` (the one place that
        reads them: checkout, recharge bonus, adjustments, birthday gifts)."""
        return points.expires_on(earned_on, self.int("points.validity_days"),
                                 self.text("points.expiry_policy"))

    def local_time(self, at: datetime) -> datetime:
        """``at`` as the shop's wall-clock time (naive)."""
        return shoptime.local_time(at, self.int("shop.timezone_offset_minutes"))

    def business_date(self, at: datetime) -> date:
        return self.local_time(at).date()
