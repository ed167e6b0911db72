"""The stores of a chain (网络版). A shop file has one, the default store (code MAIN)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, utcnow


class Store(IdMixin, Base):
    """One shop of the chain: its sales, shifts and document numbers are its own;
    members, cards, tiers, balances, points, coupons and campaigns are the chain's."""

    __tablename__ = "stores"

    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    address: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
