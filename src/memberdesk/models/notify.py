"""The notification outbox (短信通知): one row per message a business change decided
to send, written in the same transaction as the change.

Unlike the ledgers this table is not append-only: a message moves from ``pending``
to ``sent``, ``failed`` or ``unknown`` as the sender works, and an anonymised
member's waiting messages are ``dropped`` with their phone and text blanked. The
``dedupe_key`` is unique: the same event never writes two messages.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, utcnow
from .enums import enum_column


class NotifyStatus(StrEnum):
    PENDING = "pending"  # waiting to be sent (or to be retried, or for 08:00)
    SENT = "sent"  # the provider accepted it
    FAILED = "failed"  # refused for good (bad phone, provider error, retries used up)
    UNKNOWN = "unknown"  # the provider did not answer: maybe sent; never resent blindly
    DROPPED = "dropped"  # not to be sent: no consent, anonymised, expired


class Notification(IdMixin, Base):
    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_due", "status", "next_at"),
        Index("ix_notifications_created_at", "created_at"),
        Index("ix_notifications_member_id", "member_id"),
    )

    event: Mapped[str] = mapped_column(String(20))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    phone: Mapped[str] = mapped_column(String(20), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    params: Mapped[str] = mapped_column(Text, default="[]")  # JSON [[name, value], ...]
    promotional: Mapped[bool] = mapped_column(default=False)
    status: Mapped[NotifyStatus] = mapped_column(enum_column(NotifyStatus, "notify_status"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    dedupe_key: Mapped[str] = mapped_column(String(80), unique=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    provider: Mapped[str] = mapped_column(String(10), default="")
    provider_ref: Mapped[str] = mapped_column(String(80), default="")


class SmsUnsubscribe(Base):
    """A phone that asked for no more promotional messages (replied R, or marked by
    staff): promotional messages to it are dropped. Keyed by the phone, as a reply
    comes from a phone; removing the row (staff, audited) subscribes it again."""

    __tablename__ = "sms_unsubscribes"

    phone: Mapped[str] = mapped_column(String(20), primary_key=True)
    source: Mapped[str] = mapped_column(String(20))  # reply | staff | cli
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
