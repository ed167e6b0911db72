"""Count cards (计次卡): service packages, members' remaining uses, a use ledger."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from memberdesk.money import Money

from .base import Base, IdMixin, utcnow
from .enums import CountCardStatus, CountUseKind, enum_column


class ServicePackage(IdMixin, Base):
    """What a count card sells, e.g. 洗车10次卡 for ¥300, valid 365 days."""

    __tablename__ = "service_packages"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    price: Mapped[Money]
    validity_days: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True)
    # The product the counter sells the card as (its price and per-tier member prices).
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), unique=True)
    valid_until: Mapped[date | None]  # a fixed last day of use instead of validity_days


class ServicePackageItem(IdMixin, Base):
    __tablename__ = "service_package_items"
    __table_args__ = (CheckConstraint("uses > 0", name="uses_pos"),)

    package_id: Mapped[int] = mapped_column(ForeignKey("service_packages.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    uses: Mapped[int]


class MemberCountCard(IdMixin, Base):
    """One package a member bought."""

    __tablename__ = "member_count_cards"
    __table_args__ = (
        Index("ix_member_count_cards_due", "expires_on",
              sqlite_where=text("status = 'active'"), postgresql_where=text("status = 'active'")),
    )

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("service_packages.id"))
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    status: Mapped[CountCardStatus] = mapped_column(
        enum_column(CountCardStatus, "count_card_status"), default=CountCardStatus.ACTIVE
    )
    expires_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    price_paid: Mapped[Money] = mapped_column(default=Money(0), server_default="0")
    sale_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"), index=True)


class CountCardBalance(IdMixin, Base):
    """Remaining uses of one service on one member's count card (a ledger cache)."""

    __tablename__ = "count_card_balances"
    __table_args__ = (
        CheckConstraint("uses_remaining >= 0", name="remaining_nonneg"),
        CheckConstraint("uses_total >= 0", name="total_nonneg"),
    )

    count_card_id: Mapped[int] = mapped_column(ForeignKey("member_count_cards.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    uses_total: Mapped[int]
    uses_remaining: Mapped[int]


class CountCardEntry(IdMixin, Base):
    __tablename__ = "count_card_entries"
    __table_args__ = (
        CheckConstraint("remaining_after >= 0", name="remaining_after_nonneg"),
        Index("ix_count_card_entries_balance_id", "balance_id", "id"),
        Index("ix_count_card_entries_reverses_id", "reverses_id", unique=True,
              sqlite_where=text("reverses_id IS NOT NULL"),
              postgresql_where=text("reverses_id IS NOT NULL")),
    )

    balance_id: Mapped[int] = mapped_column(ForeignKey("count_card_balances.id"))
    kind: Mapped[CountUseKind] = mapped_column(enum_column(CountUseKind, "count_use_kind"))
    delta: Mapped[int]
    remaining_after: Mapped[int]
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refunds.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("count_card_entries.id"))
