"""A realistic demo shop, built only through the real services.

好邻居便利店: three staff, a catalogue of everyday goods and a car-wash service,
four tiers with member prices, coupons, recharge bonus rules, members with Chinese
names, pinyin, phones, birthdays and IC cards, and a few weeks of trading — shifts,
recharges, sales paid every way, refunds and day closes — on a simulated clock.

The shop was set up months before the traded weeks: most members registered on
days spread over those months (in order, so member numbers follow), a few sign up
at the counter during the traded weeks; nobody buys or recharges before joining.

With three weeks or more of trading, a few regulars buy their cigarettes every other
day: some all along, and some only in the first week and then never again, so the
churn warning (流失预警) has members whose visits really stopped. Their visits come
from a random generator of their own and buy tobacco (no points, no discount) for
cash at opening time, so the rest of the simulation is the same as without them
(a stopped regular may still turn up among the random sales; most do not). Households
(a third generator) buy a pair every 4-7 days, half due today: the counter's 推荐, 常一起买.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.demo_households import household_visits
from memberdesk.domain import shoptime
from memberdesk.models import Tier
from memberdesk.models.enums import CouponKind, Gender, Role, TenderKind
from memberdesk.money import Money
from memberdesk.services.catalog import products as catalog
from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
from memberdesk.services.checkout.sale import CheckoutRequest, checkout
from memberdesk.services.closing.day_close import close_day
from memberdesk.services.coupons import core as coupons
from memberdesk.services.loyalty import enrol, tiers
from memberdesk.services.members import details as member_details
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.refunds.sales import SaleRefundRequest, refund_sale
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.permissions import Permission
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.shop.setup import init_shop
from memberdesk.services.staff import accounts as staff, approvals
from memberdesk.services.stored_value import recharge

DEMO_SHOP = "好邻居便利店"
DEMO_PASSWORDS = {"owner": "owner123", "manager": "manager123", "cashier": "cashier123"}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志强俊杰子涵梓萱浩然欣怡雨泽思远嘉怡宇轩诗涵"

# code, barcode, name, price, category, points ratio ‰, discountable, service
PRODUCTS: tuple[tuple[str, str | None, str, str, str, int, bool, bool], ...] = (
    ("1001", "6901939621608", "可口可乐 330ml", "3.50", "drinks", 1000, True, False),
    ("1002", "6902538004045", "农夫山泉 550ml", "2.00", "drinks", 1000, True, False),
    ("1003", "6920202888883", "红牛 250ml", "6.00", "drinks", 1000, True, False),
    ("1004", "6901035603645", "青岛啤酒 500ml", "6.50", "drinks", 1000, True, False),
    ("1005", "6925303730574", "统一冰红茶 500ml", "3.00", "drinks", 1000, True, False),
    ("1006", "6907992500010", "伊利纯牛奶 250ml", "3.20", "drinks", 1000, True, False),
    ("2001", "6924743915763", "乐事薯片 原味 70g", "8.80", "snacks", 1000, True, False),
    ("2002", "6920459989463", "奥利奥饼干 97g", "7.90", "snacks", 1000, True, False),
    ("2003", "6911988014320", "德芙巧克力 43g", "9.90", "snacks", 1000, True, False),
    ("2004", "6934024512345", "卫龙辣条 106g", "5.50", "snacks", 1000, True, False),
    ("2005", "6922456800017", "康师傅红烧牛肉面", "4.50", "snacks", 1000, True, False),
    ("3001", "6903148044971", "清风抽纸 3包", "12.90", "daily", 1000, True, False),
    ("3002", "6903148126981", "舒肤佳香皂 115g", "6.80", "daily", 1000, True, False),
    ("3003", "6921469850019", "中华牙膏 140g", "11.50", "daily", 1000, True, False),
    ("3004", "6902088707113", "立白洗衣液 2kg", "29.90", "daily", 1000, True, False),
    ("4001", "6926892510011", "金龙鱼大米 5kg", "39.90", "grocery", 500, True, False),
    ("4002", "6948195800019", "鲁花花生油 1.8L", "59.90", "grocery", 500, True, False),
    ("4003", "6902265360018", "海天酱油 500ml", "9.80", "grocery", 1000, True, False),
    ("5001", "6901028075763", "中华香烟（软）", "65.00", "tobacco", 0, False, False),
    ("5002", "6901028001526", "红塔山香烟", "10.00", "tobacco", 0, False, False),
    ("9001", None, "普通洗车", "30.00", "carwash", 2000, True, True),
    ("9002", None, "精洗打蜡", "88.00", "carwash", 2000, True, True),
)
CATEGORIES = (
    ("drinks", "饮料"), ("snacks", "零食"), ("daily", "日用品"), ("grocery", "粮油调味"),
    ("tobacco", "烟酒"), ("carwash", "洗车服务"),
)
REGULARS_MIN_DAYS = 18  # trading days needed for regulars who stop to be overdue
REGULAR_SHARE = 0.04  # of the members, regulars who stop; as many again keep coming
STOPPED_VISIT_DAYS = (0, 2, 4)  # the stopped regulars' visits (days into the trading)
DEMO_OFFSET_MINUTES = 480  # the demo shop keeps the default zone (Beijing)
SETUP_DAYS = 180  # the shop started using MemberDesk this long before the traded weeks
LATE_SHARE = 0.12  # members who sign up during the traded weeks
MEMBER_PRICES = (("1001", "gold", "3.20"), ("1001", "diamond", "3.00"), ("4001", "gold", "36.90"),
                 ("4002", "gold", "55.90"), ("9001", "silver", "28.00"), ("9001", "gold", "25.00"),
                 ("9002", "gold", "78.00"))


@dataclass(frozen=True)
class DemoStats:
    members: int
    cards: int
    sales: int
    recharges: int
    refunds: int
    days_closed: int

    def describe(self, lang: str = "zh_CN") -> str:
        if lang.startswith("en"):
            return (f"demo shop {DEMO_SHOP} created: {self.members} members ({self.cards} cards), "
                    f"{self.sales} sales, {self.recharges} recharges, {self.refunds} refunds, "
                    f"{self.days_closed} days closed. Logins:")
        return (f"演示店 {DEMO_SHOP} 已创建：会员 {self.members} 位（{self.cards} 张卡），"
                f"销售 {self.sales} 笔，充值 {self.recharges} 笔，退款 {self.refunds} 笔，"
                f"日结 {self.days_closed} 天。登录账号：")


class _Sim:
    """The simulated shop's day-by-day trading."""

    def __init__(self, db: Database, rng: random.Random, owner: Actor) -> None:
        self.db = db
        self.rng = rng
        self.owner = owner
        self.manager: Actor
        self.cashier: Actor
        self.member_ids: list[int] = []
        self.member_nos: dict[int, str] = {}
        self.codes = [p[0] for p in PRODUCTS]
        self.sales: list[str] = []
        self.n_sales = self.n_recharges = self.n_refunds = self.n_closed = self.n_cards = 0
        self.phones: set[str] = set()
        self.regular_visits: dict[int, list[int]] = {}  # trading day -> regulars coming
        self.household_visits: dict[int, list[tuple[int, tuple[str, ...]]]] = {}  # the same

    def uid(self) -> str:
        return f"{self.rng.getrandbits(32):08X}"

    def phone(self, used: set[str]) -> str:
        while True:
            p = self.rng.choice("3456789")
            number = f"1{p}{self.rng.randrange(10**9):09d}"
            if number not in used:
                used.add(number)
                return number

    def name(self) -> str:
        surname = self.rng.choice(["欧阳", "司马"]) if self.rng.random() < 0.02 else \
            self.rng.choice(SURNAMES[:-2])
        given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
        return surname + given

    def setup(self) -> None:
        db, owner = self.db, self.owner
        staff.create_staff(db, owner, username="manager", display_name="李店长",
                           role=Role.MANAGER, password=DEMO_PASSWORDS["manager"])
        staff.create_staff(db, owner, username="cashier", display_name="张晓燕",
                           role=Role.CASHIER, password=DEMO_PASSWORDS["cashier"])
        self.manager = staff.login(db, "manager", DEMO_PASSWORDS["manager"])
        self.cashier = staff.login(db, "cashier", DEMO_PASSWORDS["cashier"])
        cats = {code: catalog.create_category(db, owner, code=code, name=name).id
                for code, name in CATEGORIES}
        products = {}
        for code, barcode, name, price, cat, ratio, disc, service in PRODUCTS:
            products[code] = catalog.create_product(db, owner, catalog.ProductDraft(
                code=code, name=name, price=Money.parse(price), barcode=barcode,
                category_id=cats[cat], points_ratio_permille=ratio, discountable=disc,
                is_service=service, unit="次" if service else "件"))
        with db.reader() as uow:
            tiers = {t.code: t.id for t in uow.session.scalars(select(Tier))}
        for code, tier, price in MEMBER_PRICES:
            catalog.set_member_price(db, owner, products[code].id, tiers[tier], Money.parse(price))
        self.coupon_templates = [
            coupons.create_coupon_template(db, owner, coupons.CouponTemplateDraft(
                code="MJ50-5", name="满50减5元", kind=CouponKind.AMOUNT_OFF,
                value=Money.of_yuan(5), min_spend=Money.of_yuan(50), valid_days=30)),
            coupons.create_coupon_template(db, owner, coupons.CouponTemplateDraft(
                code="ZK90", name="全场9折券", kind=CouponKind.PERCENT_OFF,
                percent_permille=900, max_discount=Money.of_yuan(20), valid_days=30)),
        ]
        for name, threshold, bonus, pts in (("充200送20", 200, 20, 0),
                                             ("充500送60再送500积分", 500, 60, 500),
                                             ("充1000送150", 1000, 150, 0)):
            recharge.create_recharge_rule(db, owner, recharge.RechargeRuleDraft(
                name=name, threshold=Money.of_yuan(threshold), bonus=Money.of_yuan(bonus),
                bonus_points=pts))

    def register(self) -> None:
        """One member signs up at the counter (now, on the simulated clock)."""
        birthday = date(self.rng.randint(1955, 2006), self.rng.randint(1, 12),
                        self.rng.randint(1, 28))
        uid = self.uid() if self.rng.random() < 0.7 else None
        m = enrol.register_member(
            self.db, self.cashier, phone=self.phone(self.phones), name=self.name(),
            gender=self.rng.choice([Gender.MALE, Gender.FEMALE, Gender.UNKNOWN]),
            birthday=birthday, marketing_consent=self.rng.random() < 0.6,
            card_uid=uid)
        self.n_cards += uid is not None
        self.member_ids.append(m.id)
        self.member_nos[m.id] = m.member_no

    def add_members(self, count: int, first: date, last: date) -> None:
        """``count`` members registered on days spread from ``first`` to ``last``, in
        shop hours, in time order."""
        span = (last - first).days + 1
        times = sorted(
            datetime.combine(first + timedelta(days=self.rng.randrange(span)), time(0, 30),
                             tzinfo=UTC) + timedelta(minutes=self.rng.randrange(12 * 60))
            for _ in range(count)
        )
        for at in times:
            with clock.simulated(at):
                self.register()

    def grade_and_gift(self) -> None:
        """The members of the months before: tiers from their history, some coupons."""
        for member_id in self.member_ids:
            roll = self.rng.random()
            tier = "diamond" if roll < 0.03 else "gold" if roll < 0.13 else \
                "silver" if roll < 0.33 else None
            if tier:
                tiers.set_member_tier(self.db, self.manager, self.member_nos[member_id], tier,
                                      reason="老会员按消费记录定级")
        for member_id in self.rng.sample(self.member_ids, k=min(40, len(self.member_ids))):
            coupons.issue_coupons(self.db, self.owner, self.rng.choice(self.coupon_templates),
                                  member_id)

    def recharge(self) -> None:
        if not self.member_ids:
            return
        member_id = self.rng.choice(self.member_ids)
        amount = self.rng.choice((100, 200, 200, 300, 500, 500, 1000))
        kind = self.rng.choice((TenderKind.CASH, TenderKind.WECHAT, TenderKind.ALIPAY,
                                TenderKind.BANK_CARD))
        try:
            recharge.recharge(self.db, self.cashier, recharge.RechargeRequest(
                uuid.uuid4().hex, member_id, Money.of_yuan(amount), kind,
                reference=f"T{self.rng.randrange(10**12):012d}" if kind is not TenderKind.CASH
                else ""))
            self.n_recharges += 1
        except UserError:  # over the prepaid cap: a real cashier would stop here too
            pass

    def sale(self) -> None:
        member_id = (self.rng.choice(self.member_ids)
                     if self.rng.random() < 0.55 and self.member_ids else None)
        lines = tuple(CartLine(product=c, qty=self.rng.choice((1, 1, 1, 2, 3)))
                      for c in self.rng.sample(self.codes, k=self.rng.choice((1, 1, 2, 3, 4))))
        cart = CartRequest(lines, member_id)
        bd = quote(self.db, self.cashier, cart)
        payable = bd.payable
        tenders: list[TenderRequest] = []
        left = payable
        if member_id is not None:
            m = member_details.get_member(self.db, self.cashier, self.member_nos[member_id])
            balance = m.sv_principal + m.sv_bonus
            if bd.points and bd.points.max_value and self.rng.random() < 0.15:
                value = min(bd.points.max_value, left)
                if bd.points.points_for(value) >= bd.points.min_points and value:
                    tenders.append(TenderRequest(TenderKind.POINTS, value))
                    left = left - value
            if balance and left and self.rng.random() < 0.8:
                use = min(balance, left)
                tenders.append(TenderRequest(TenderKind.STORED_VALUE, use))
                left = left - use
        if left:
            kind = self.rng.choice((TenderKind.CASH, TenderKind.CASH, TenderKind.WECHAT,
                                    TenderKind.ALIPAY, TenderKind.BANK_CARD))
            if kind is TenderKind.CASH:
                handed = Money(-(-left.fen // 1000) * 1000) if self.rng.random() < 0.6 else left
                tenders.append(TenderRequest(kind, handed))
            else:
                tenders.append(TenderRequest(kind, left,
                                             f"T{self.rng.randrange(10**12):012d}"))
        if not tenders:
            tenders.append(TenderRequest(TenderKind.CASH, Money(0)))
        result = checkout(self.db, self.cashier, CheckoutRequest(
            uuid.uuid4().hex, cart, tuple(tenders)))
        self.sales.append(result.sale_no)
        self.n_sales += 1

    def refund(self) -> None:
        if not self.sales:
            return
        sale_no = self.sales.pop(self.rng.randrange(len(self.sales)))
        reason = self.rng.choice(("顾客退货", "商品质量问题", "收银员录错"))
        # The cashier refunds with the manager's one-time approval at the counter.
        grant = approvals.grant_approval(
            self.db, self.cashier, approver_username="manager",
            approver_password=DEMO_PASSWORDS["manager"], permission=Permission.REFUND,
            reason=reason)
        refund_sale(self.db, self.cashier, SaleRefundRequest(
            uuid.uuid4().hex, sale_no, reason, approval_id=grant.approval_id))
        self.n_refunds += 1

    def choose_regulars(self, rng: random.Random, days: int) -> None:
        """Regular smokers: per trading day, who comes at opening time."""
        count = max(1, round(len(self.member_ids) * REGULAR_SHARE))
        if days < REGULARS_MIN_DAYS or len(self.member_ids) < 2 * count:
            return
        chosen = rng.sample(self.member_ids, k=2 * count)
        for member_id in chosen[:count]:  # come every other day, then stop
            for day in STOPPED_VISIT_DAYS:
                self.regular_visits.setdefault(day, []).append(member_id)
        for member_id in chosen[count:]:  # keep coming every two or three days
            day = rng.randrange(3)
            while day < days:
                self.regular_visits.setdefault(day, []).append(member_id)
                day += rng.choice((2, 3))

    def regular_sale(self, member_id: int, *codes: str) -> None:
        cart = CartRequest(tuple(CartLine(product=code, qty=1) for code in codes), member_id)
        payable = quote(self.db, self.cashier, cart).payable
        checkout(self.db, self.cashier, CheckoutRequest(
            uuid.uuid4().hex, cart, (TenderRequest(TenderKind.CASH, payable),)))
        self.n_sales += 1

    def trade_day(self, day: date, signups: int = 0, index: int = 0) -> None:
        rng = self.rng
        opening = datetime.combine(day, time(0, 30), tzinfo=UTC)  # 08:30 Beijing time
        with clock.simulated(opening):
            shifts.open_shift(self.db, self.cashier, Money.of_yuan(200))
        for n, member_id in enumerate(self.regular_visits.get(index, ())):
            with clock.simulated(opening + timedelta(minutes=1, seconds=5 * n)):
                self.regular_sale(member_id, "5002" if member_id % 3 else "5001")
        for n, (member_id, basket) in enumerate(self.household_visits.get(index, ())):
            with clock.simulated(opening + timedelta(minutes=5, seconds=5 * n)):
                self.regular_sale(member_id, *basket)
        minutes = sorted(rng.sample(range(10, 12 * 60), k=rng.randint(14, 26) + 4 + signups))
        events = ["recharge"] * rng.randint(0, 3) + ["refund"] * (rng.random() < 0.3)
        events += ["register"] * signups
        events += ["sale"] * (len(minutes) - len(events))
        rng.shuffle(events)
        for minute, event in zip(minutes, events, strict=True):
            with clock.simulated(opening + timedelta(minutes=minute)):
                getattr(self, event)()
        with clock.simulated(opening + timedelta(hours=12, minutes=30)):
            cur = shifts.current_shift(self.db, self.cashier)
            if cur is not None:
                # Cash is counted (now and then a yuan out); the other methods count as
                # expected, even below zero when refunds outweigh that shift's takings.
                cash = next((a.expected or Money(0) for a in cur.amounts
                             if a.kind is TenderKind.CASH), Money(0))
                counted = max(cash + Money(rng.choice((0, 0, 0, -100, 50))), Money(0))
                shifts.close_shift(self.db, self.cashier, {TenderKind.CASH: counted})
            close_day(self.db, self.owner, day)
            self.n_closed += 1


def build_demo(db: Database, *, members: int = 200, days: int = 21, seed: int = 20261124,
               today: date | None = None) -> DemoStats:
    """Create the demo shop in an empty database. ``days`` of history end yesterday."""
    rng = random.Random(seed)
    end = today or shoptime.shop_today(DEMO_OFFSET_MINUTES)  # the demo shop's zone
    start = end - timedelta(days=days)
    set_up = start - timedelta(days=SETUP_DAYS)
    with clock.simulated(datetime.combine(set_up, time(0, 0), tzinfo=UTC)):
        owner = init_shop(db, shop_name=DEMO_SHOP, owner_username="owner",
                          owner_display_name="王老板", owner_password=DEMO_PASSWORDS["owner"])
        sim = _Sim(db, rng, owner)
        sim.setup()
    late = round(members * LATE_SHARE) if days else 0
    sim.add_members(members - late, set_up + timedelta(days=1), start - timedelta(days=1))
    with clock.simulated(datetime.combine(start, time(0, 0), tzinfo=UTC)):
        sim.grade_and_gift()
    signups = [0] * days
    for _ in range(late):
        signups[rng.randrange(days)] += 1
    sim.choose_regulars(random.Random(seed + 1), days)
    smokers = {m for ms in sim.regular_visits.values() for m in ms}
    sim.household_visits = household_visits(sim.member_ids, smokers, random.Random(seed + 2),
                                            days, REGULARS_MIN_DAYS)
    for i in range(days):
        sim.trade_day(start + timedelta(days=i), signups[i], i)
    from memberdesk.services.analytics.recommend_refresh import refresh_recommendations
    from memberdesk.services.analytics.refresh import (
        refresh_scores,  # the member card shows them at once
    )

    refresh_scores(db, end)
    refresh_recommendations(db, end)
    _demo_campaign(db, owner)
    return DemoStats(len(sim.member_ids), sim.n_cards, sim.n_sales, sim.n_recharges,
                     sim.n_refunds, sim.n_closed)


def _demo_campaign(db: Database, owner: Actor) -> None:
    """A segment (members who came in the last 30 days) and a campaign giving them
    满50减5 with a 10% hold-out, ready to run (营销 page or ``campaigns run``)."""
    from memberdesk.services.campaigns.coupon_campaigns import CampaignRequest, create_campaign
    from memberdesk.services.campaigns.segments import save_segment
    from memberdesk.services.members.filter import MemberFilter

    save_segment(db, owner, "近30天到店会员", MemberFilter(window_days=30, visits_min=1))
    create_campaign(db, owner, CampaignRequest("回店礼", "近30天到店会员", "MJ50-5"))
