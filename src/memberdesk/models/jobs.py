"""The daily jobs' record: one row per job and business date it has run for."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, utcnow


class JobRun(IdMixin, Base):
    """A daily job finished for ``business_date`` (append-only: a job runs once a day).
    ``counts`` is a small JSON object of what it did ({"lots": 3, "points": 900})."""

    __tablename__ = "job_runs"
    __table_args__ = (UniqueConstraint("job", "business_date"),)

    job: Mapped[str] = mapped_column(String(40))
    business_date: Mapped[date]
    finished_at: Mapped[datetime] = mapped_column(default=utcnow)
    counts: Mapped[str] = mapped_column(Text, default="{}")
