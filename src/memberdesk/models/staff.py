"""Staff accounts, one-time manager approvals and the hash-chained audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, utcnow
from .enums import Role, enum_column


class Staff(IdMixin, Base):
    __tablename__ = "staff"

    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    # The store this person works in (a chain); None: every store (an owner, head office).
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Approval(IdMixin, Base):
    """A manager's one-time approval of one sensitive action for a cashier."""

    __tablename__ = "approvals"

    approver_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    permission: Mapped[str] = mapped_column(String(48))
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class AuditEntry(IdMixin, Base):
    """Append-only; each row's hash covers its content and the previous hash."""

    __tablename__ = "audit_log"
    # Newest first by time, filtered by action, staff or dates: each filter has an index
    # that yields its rows in time order (the viewer's keyset pages, services/audit/view).
    __table_args__ = (
        Index("ix_audit_log_action_at", "action", "at"),
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_staff_id_at", "staff_id", "at"),
    )

    at: Mapped[datetime] = mapped_column(default=utcnow)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(48))
    entity: Mapped[str] = mapped_column(String(32), default="")
    # TEXT on PostgreSQL (0023): shop files hold longer ones (backup file names)
    entity_id: Mapped[str] = mapped_column(String(40).with_variant(Text(), "postgresql"),
                                           default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The key of the row's HMAC (services/audit_key.py); None: a row written before the
    # chain was keyed, whose hash is plain SHA-256.
    key_id: Mapped[str | None] = mapped_column(String(16), default=None)
