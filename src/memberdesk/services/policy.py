"""The shop's settings read once per use case (one query instead of one per value)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from . import settings


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

    def local_time(self, at: datetime) -> datetime:
        """``at`` as the shop's wall-clock time (naive)."""
        offset = timedelta(minutes=self.int("shop.timezone_offset_minutes"))
        return (at.astimezone(UTC) + offset).replace(tzinfo=None)

    def business_date(self, at: datetime) -> date:
        return self.local_time(at).date()
