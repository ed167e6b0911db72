"""Members, tiers and cards. Balances on a member are caches of the ledgers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from memberdesk.money import Money

from .base import Base, IdMixin, utcnow
from .enums import CardStatus, Gender, MemberStatus, enum_column


class Tier(IdMixin, Base):
    """A membership level (等级): what it takes to reach and what it gives."""

    __tablename__ = "tiers"
    __table_args__ = (
        CheckConstraint("discount_permille BETWEEN 1 AND 1000", name="discount_range"),
        CheckConstraint("points_multiplier_permille >= 0", name="multiplier_nonneg"),
    )

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(30))
    rank: Mapped[int] = mapped_column(unique=True)
    # Spend within the evaluation window that qualifies for this tier.
    upgrade_threshold: Mapped[Money] = mapped_column(default=Money(0))
    # 1000 = full price; 950 = 95折 applied when a product has no member price.
    discount_permille: Mapped[int] = mapped_column(default=1000)
    points_multiplier_permille: Mapped[int] = mapped_column(default=1000)
    active: Mapped[bool] = mapped_column(default=True)


class Member(IdMixin, Base):
    __tablename__ = "members"
    __table_args__ = (
        CheckConstraint("sv_principal >= 0", name="sv_principal_nonneg"),
        CheckConstraint("sv_bonus >= 0", name="sv_bonus_nonneg"),
        CheckConstraint("points_balance >= 0", name="points_nonneg"),
        Index("ix_members_phone_last4", "phone_last4"),
        Index("ix_members_name", "name"),
        Index("ix_members_name_pinyin", "name_pinyin"),
        Index("ix_members_name_initials", "name_initials"),
        # The back office's member list: keyset pages sorted by these (0006_members).
        Index("ix_members_last_visit_at", "last_visit_at"),
        Index("ix_members_points_balance", "points_balance"),
        Index("ix_members_stored_value", text("(sv_principal + sv_bonus)")),
        # The 分析 figures' growth, tier, gender and age band: read from this index
        # alone, not from the members' rows (0029_analytics_incremental).
        Index("ix_members_groups", "created_at", "tier_id", "gender", "birthday"),
    )

    member_no: Mapped[str] = mapped_column(String(20), unique=True)
    # NULL once anonymised; unique while set.
    phone: Mapped[str | None] = mapped_column(String(11), unique=True)
    phone_last4: Mapped[str | None] = mapped_column(String(4))
    name: Mapped[str] = mapped_column(String(40))
    name_pinyin: Mapped[str] = mapped_column(String(160), default="")
    name_initials: Mapped[str] = mapped_column(String(40), default="")
    gender: Mapped[Gender] = mapped_column(enum_column(Gender, "gender"), default=Gender.UNKNOWN)
    birthday: Mapped[date | None]
    email: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(200))
    tags: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    marketing_consent: Mapped[bool] = mapped_column(default=False)
    status: Mapped[MemberStatus] = mapped_column(
        enum_column(MemberStatus, "member_status"), default=MemberStatus.ACTIVE
    )
    tier_id: Mapped[int] = mapped_column(ForeignKey("tiers.id"))
    tier_evaluated_at: Mapped[datetime | None]
    tier_locked_until: Mapped[date | None]
    # Caches of the ledgers, changed only together with a ledger entry.
    sv_principal: Mapped[Money] = mapped_column(default=Money(0))
    sv_bonus: Mapped[Money] = mapped_column(default=Money(0))
    points_balance: Mapped[int] = mapped_column(default=0)
    # Statistics for tiers, RFM and churn.
    total_spent: Mapped[Money] = mapped_column(default=Money(0))
    visit_count: Mapped[int] = mapped_column(default=0)
    last_visit_at: Mapped[datetime | None]
    # 消费密码 (argon2id) for stored-value payments.
    payment_password_hash: Mapped[str | None] = mapped_column(String(255))
    payment_password_failures: Mapped[int] = mapped_column(default=0)
    payment_password_locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Card(IdMixin, Base):
    """A physical IC card. ``uid`` is canonical upper-case hex."""

    __tablename__ = "cards"
    __table_args__ = (Index("ix_cards_member_id", "member_id"),)

    uid: Mapped[str] = mapped_column(String(20), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    status: Mapped[CardStatus] = mapped_column(
        enum_column(CardStatus, "card_status"), default=CardStatus.ACTIVE
    )
    bound_at: Mapped[datetime] = mapped_column(default=utcnow)
    status_changed_at: Mapped[datetime | None]
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"))


class MemberSearchKey(Base):
    """Search keys for the middle of a member's name (name substrings, later pinyin
    syllables, later initials): a key is every suffix, so "contains" becomes a prefix
    range on this index. Prefixes of the whole name, pinyin and initials use the
    indexes on ``members``; this table holds only what starts after the first
    character/syllable. Maintained by ``services.members.search_keys``."""

    __tablename__ = "member_search_keys"
    __table_args__ = (
        Index("ix_member_search_keys_member_id", "member_id"),
        {"sqlite_with_rowid": False},
    )

    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
