"""Append-only ledgers: stored value and points (database triggers forbid edits).

A ledger row records the change and the balance after it; the cached balances on
``members`` and ``points_lots`` are updated in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from memberdesk.money import Money

from .base import Base, IdMixin, utcnow
from .enums import PointsKind, StoredValueKind, enum_column


class StoredValueEntry(IdMixin, Base):
    """One movement of a member's stored value (储值), principal and bonus apart."""

    __tablename__ = "stored_value_entries"
    __table_args__ = (
        CheckConstraint("principal_after >= 0", name="principal_after_nonneg"),
        CheckConstraint("bonus_after >= 0", name="bonus_after_nonneg"),
        Index("ix_stored_value_entries_member_id", "member_id", "id"),
        Index("ix_stored_value_entries_created_at", "created_at"),
    )

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    kind: Mapped[StoredValueKind] = mapped_column(enum_column(StoredValueKind, "sv_kind"))
    principal_delta: Mapped[Money]
    bonus_delta: Mapped[Money]
    principal_after: Mapped[Money]
    bonus_after: Mapped[Money]
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    recharge_id: Mapped[int | None] = mapped_column(ForeignKey("recharges.id"))
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refunds.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PointsEntry(IdMixin, Base):
    """One movement of a member's points (积分)."""

    __tablename__ = "points_entries"
    __table_args__ = (
        CheckConstraint("balance_after >= 0", name="balance_after_nonneg"),
        Index("ix_points_entries_member_id", "member_id", "id"),
        Index("ix_points_entries_created_at", "created_at"),
    )

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    kind: Mapped[PointsKind] = mapped_column(enum_column(PointsKind, "points_kind"))
    delta: Mapped[int]
    balance_after: Mapped[int]
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    recharge_id: Mapped[int | None] = mapped_column(ForeignKey("recharges.id"))
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refunds.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PointsLot(IdMixin, Base):
    """Points earned together, expiring together. ``remaining`` is a cache of its moves."""

    __tablename__ = "points_lots"
    __table_args__ = (
        CheckConstraint("remaining >= 0 AND remaining <= points", name="remaining_range"),
        CheckConstraint("points > 0", name="points_pos"),
        Index("ix_points_lots_member_expiry", "member_id", "expires_on"),
        # The daily expiry job's scan: only lots with points left, by date.
        Index("ix_points_lots_due", "expires_on", "member_id",
              sqlite_where=text("remaining > 0"), postgresql_where=text("remaining > 0")),
    )

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("points_entries.id"), unique=True)
    points: Mapped[int]
    remaining: Mapped[int]
    expires_on: Mapped[date | None]


class PointsLotMove(IdMixin, Base):
    """Which lots a points entry drew from (negative) or gave back to (positive)."""

    __tablename__ = "points_lot_moves"
    __table_args__ = (
        Index("ix_points_lot_moves_lot_id", "lot_id"),
        Index("ix_points_lot_moves_entry_id", "entry_id"),
    )

    entry_id: Mapped[int] = mapped_column(ForeignKey("points_entries.id"))
    lot_id: Mapped[int] = mapped_column(ForeignKey("points_lots.id"))
    delta: Mapped[int]
