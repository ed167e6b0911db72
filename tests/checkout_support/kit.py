"""A small shop with products, tiers, members and an open shift, built through the
real services, plus helpers to call the checkout engine tersely in tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select, update

from memberdesk.db import Database
from memberdesk.models import Member, Tier
from memberdesk.models.enums import PointsKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.catalog import products as catalog
from memberdesk.services.checkout.cart import CartLine, CartRequest
from memberdesk.services.checkout.sale import CheckoutRequest, CheckoutResult, checkout
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.refund_core.steps import RefundResult
from memberdesk.services.refunds.sales import RefundLineRequest, SaleRefundRequest, refund_sale
from memberdesk.services.shared import clock, settings
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.ledger import Refs, credit_points
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.stored_value.recharge import RechargeRequest, RechargeResult, recharge


def db_address(db: Database) -> str:
    """What a worker process opens: the SQLite file's path, or the PostgreSQL URL
    (the worker finds the audit key in $MEMBERDESK_HOME, the test's data dir)."""
    if db.engine.dialect.name == "postgresql":
        return db.engine.url.render_as_string(hide_password=False)
    return str(db.engine.url.database)


def yuan(text: str) -> Money:
    return Money.parse(text, allow_negative=True)


def cid() -> str:
    return uuid.uuid4().hex


@dataclass
class World:
    db: Database
    owner: Actor
    manager: Actor
    cashier: Actor
    tiers: dict[str, int] = field(default_factory=dict)
    products: dict[str, catalog.ProductInfo] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    members: dict[str, int] = field(default_factory=dict)

    # -- shortcuts -------------------------------------------------------------
    def member(self, key: str) -> Member:
        with self.db.reader() as uow:
            m = uow.session.get(Member, self.members[key])
            assert m is not None
            uow.session.expunge(m)
            return m

    def set_settings(self, **values: Any) -> None:
        with self.db.uow() as uow:
            for key, value in values.items():
                settings.put(uow.session, key.replace("__", "."), value)
            uow.commit()

    def set_tier(self, member_key: str, tier_code: str) -> None:
        with self.db.uow() as uow:
            uow.session.execute(update(Member).where(Member.id == self.members[member_key])
                                .values(tier_id=self.tiers[tier_code]))
            uow.commit()

    def today(self) -> date:
        """The shop's business date now (its time zone, not the computer's)."""
        with self.db.reader() as uow:
            return clock.today(uow.session)

    def give_points(self, member_key: str, points: int, days: int | None = 365) -> None:
        """Opening points in a lot (test set-up through the ledger)."""
        with self.db.uow() as uow:
            today = clock.today(uow.session)
            expires = today + timedelta(days=days) if days is not None else None
            credit_points(uow.session, self.members[member_key], PointsKind.OPENING, points,
                          expires, Refs(staff_id=self.owner.staff_id))
            uow.commit()

    def balances(self, member_key: str) -> tuple[Money, Money, int]:
        m = self.member(member_key)
        return m.sv_principal, m.sv_bonus, m.points_balance

    def recharge(self, member_key: str, amount: str, kind: TenderKind = TenderKind.CASH,
                 actor: Actor | None = None, **kw: Any) -> RechargeResult:
        return recharge(self.db, actor or self.cashier, RechargeRequest(
            cid(), self.members[member_key], yuan(amount), kind, **kw))

    def refund(self, sale_no: str, lines: tuple[tuple[int, int], ...] | None = None,
               actor: Actor | None = None, **kw: Any) -> RefundResult:
        wanted = None if lines is None else tuple(RefundLineRequest(n, q) for n, q in lines)
        kw.setdefault("reason", "顾客退货")
        return refund_sale(self.db, actor or self.manager, SaleRefundRequest(
            kw.pop("client_id", cid()), sale_no, lines=wanted, **kw))

    def sell(self, lines: list[tuple[str, int]] | list[CartLine], tenders: list[tuple[TenderKind, str]],
             member: str | None = None, coupons: tuple[str, ...] = (), actor: Actor | None = None,
             client_id: str | None = None, password: str | None = None) -> CheckoutResult:
        return checkout(self.db, actor or self.cashier, self.request(
            lines, tenders, member, coupons, client_id, password))

    def request(self, lines: list[tuple[str, int]] | list[CartLine],
                tenders: list[tuple[TenderKind, str]], member: str | None = None,
                coupons: tuple[str, ...] = (), client_id: str | None = None,
                password: str | None = None) -> CheckoutRequest:
        cart_lines = tuple(
            ln if isinstance(ln, CartLine) else CartLine(product=ln[0], qty=ln[1]) for ln in lines
        )
        cart = CartRequest(cart_lines, self.members[member] if member else None, coupons)
        ts = tuple(TenderRequest(k, yuan(a), "REF123" if k in (TenderKind.OTHER, TenderKind.COUPON) else "")
                   for k, a in tenders)
        return CheckoutRequest(client_id or cid(), cart, ts, password)


def add_member(db: Database, phone: str, name: str, tier_id: int) -> int:
    """A member row written directly (member registration is tested elsewhere)."""
    with db.uow() as uow:
        m = Member(member_no=f"M{phone[-6:]}", phone=phone, phone_last4=phone[-4:], name=name,
                   tier_id=tier_id)
        uow.session.add(m)
        uow.session.flush()
        member_id = m.id
        uow.commit()
    return member_id


PRODUCTS = (
    # code, barcode, name, price, category, ratio, discountable
    ("COLA", "6901234567892", "可口可乐 330ml", "3.50", "drinks", 1000, True),
    ("BEER", "6901234567885", "青岛啤酒 500ml", "6.00", "drinks", 1000, True),
    ("CHIPS", "6901234567878", "乐事薯片 原味 70g", "8.80", "snacks", 1000, True),
    ("CIG", "6901234567861", "中华香烟", "45.00", "tobacco", 0, False),
    ("WASH", None, "精洗一次", "30.00", "services", 2000, True),
)


def build_world(db: Database, staff: dict[str, Actor]) -> World:
    w = World(db, staff["owner"], staff["manager"], staff["cashier"])
    with db.reader() as uow:
        w.tiers = {t.code: t.id for t in uow.session.scalars(select(Tier))}
    for code, name in (("drinks", "饮料"), ("snacks", "零食"), ("tobacco", "烟"), ("services", "服务")):
        w.categories[code] = catalog.create_category(db, w.owner, code=code, name=name).id
    for code, barcode, name, price, cat, ratio, disc in PRODUCTS:
        w.products[code] = catalog.create_product(db, w.owner, catalog.ProductDraft(
            code=code, name=name, price=yuan(price), barcode=barcode,
            category_id=w.categories[cat], points_ratio_permille=ratio, discountable=disc))
    catalog.set_member_price(db, w.owner, w.products["COLA"].id, w.tiers["gold"], yuan("3.00"))
    for key, phone, name in (("alice", "13800000001", "张三"), ("bob", "13800000002", "李四"),
                             ("carol", "13800000003", "王五")):
        w.members[key] = add_member(db, phone, name, w.tiers["normal"])
    w.set_tier("bob", "gold")
    for actor in (w.cashier, w.manager, w.owner):
        shifts.open_shift(db, actor, yuan("200"))
    return w


def snapshot(db: Database) -> dict[str, object]:
    """Row counts of every table and every member's cached balances: a failed use
    case must leave this unchanged."""
    out: dict[str, object] = {}
    with db.reader() as uow:
        conn = uow.session.connection()
        catalogue = (
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            if conn.dialect.name == "postgresql" else
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
        names = [r[0] for r in conn.exec_driver_sql(catalogue)]
        for name in names:
            out[name] = conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar()
        out["balances"] = list(conn.exec_driver_sql(
            "SELECT id, sv_principal, sv_bonus, points_balance, total_spent FROM members ORDER BY id"))
        out["coupons"] = list(conn.exec_driver_sql("SELECT id, status FROM coupons ORDER BY id"))
        out["lines"] = list(conn.exec_driver_sql("SELECT id, refunded_qty FROM sale_lines"))
    return out
