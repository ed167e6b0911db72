"""The campaign report (活动效果): what a coupon campaign did, measured against its
hold-out (对照组).

Over the campaign's window (its first to last day, business dates, both included):
members reached (given a coupon) and held out, coupons issued and redeemed (used and
not restored by a refund), the redemption rate, the coupon discount given, and for
each group its buyers, its sales (payable of the group's sales in the window less
what was refunded from them) and the sales per member; the difference is the reached
members' sales per member less the hold-out's: what the campaign moved per member.

A member day or a special price (no coupons) counts its participants instead: the
members and sales that got its discount, and the discount given; a gift with a
purchase (满赠) the members and sales that got its gift line, the gifts given and
those given back by refunds. Its groups are the
active members of its tiers (as they are now; every member when it names none), split
by its hold-out draw (:func:`memberdesk.domain.campaigns.held_out`, the same the
counter applies); for one limited to a saved segment, the audience saved before its
start with the hold-out drawn then (``campaign_audience``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Integer, and_, func, select, type_coerce
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.campaigns import held_out, rate_permille
from memberdesk.models import (
    Campaign,
    CampaignAudience,
    CampaignMember,
    Coupon,
    CouponTemplate,
    Member,
    Refund,
    Sale,
    SaleDiscount,
    SaleLine,
    Segment,
)
from memberdesk.models.enums import CouponStatus, DiscountKind, MemberStatus
from memberdesk.money import Money
from memberdesk.reports.document import CellValue, Column, ColumnKind, Document, Table, static_rows
from memberdesk.services.campaigns.coupon_campaigns import find_campaign
from memberdesk.services.campaigns.gifts import gift_line_count
from memberdesk.services.shared import clock
from memberdesk.services.shared.clock import local_clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require

from .common import DateRange, as_money
from .words import ZH_CN, normalise, picker

I = ColumnKind.INT  # noqa: E741
M = ColumnKind.MONEY


@dataclass(frozen=True)
class GroupResult:
    members: int
    buyers: int  # members with a sale in the window
    sales: Money  # net of refunds

    @property
    def per_member(self) -> Money:
        if not self.members:
            return Money(0)
        return Money((self.sales.fen * 2 + self.members) // (2 * self.members))


@dataclass(frozen=True)
class CampaignReport:
    name: str
    segment: str
    template: str
    holdout_permille: int
    first_day: date
    last_day: date
    issued: int
    redeemed: int
    discount: Money
    reached: GroupResult
    held_out: GroupResult
    generated_at: datetime
    kind: str = "coupon"
    participants: int = 0  # member days and specials: members who got the discount
    participant_sales: int = 0  # and their sales that did
    gifts_given: int = 0  # gift (满赠): units given
    gifts_returned: int = 0  # and given back by refunds

    @property
    def is_coupon(self) -> bool:
        return self.kind == "coupon"

    @property
    def redemption_permille(self) -> int | None:
        return rate_permille(self.redeemed, self.issued)

    @property
    def difference(self) -> Money:
        return self.reached.per_member - self.held_out.per_member

    @property
    def period(self) -> DateRange:
        return DateRange(self.first_day, self.last_day)


def _groups(s: Session, campaign_id: int, first: date, last: date) -> dict[bool, GroupResult]:
    cm = CampaignMember
    joined = and_(cm.member_id == Sale.member_id, cm.campaign_id == campaign_id)
    window = Sale.business_date.between(first, last)
    members = {bool(h): int(n) for h, n in s.execute(
        select(cm.held_out, func.count()).where(cm.campaign_id == campaign_id)
        .group_by(cm.held_out))}
    sold = {bool(h): (int(b), int(v or 0)) for h, b, v in s.execute(
        select(cm.held_out, func.count(func.distinct(Sale.member_id)),
               func.sum(type_coerce(Sale.payable, Integer)))
        .join(cm, joined).where(window).group_by(cm.held_out))}
    refunded = {bool(h): int(v or 0) for h, v in s.execute(
        select(cm.held_out, func.sum(type_coerce(Refund.amount, Integer)))
        .join(Sale, Sale.id == Refund.sale_id).join(cm, joined).where(window)
        .group_by(cm.held_out))}
    return {h: GroupResult(int(members.get(h, 0)), sold.get(h, (0, 0))[0],
                           Money(sold.get(h, (0, 0))[1] - refunded.get(h, 0)))
            for h in (False, True)}


def _promo_groups(s: Session, c: Campaign) -> dict[bool, GroupResult]:
    """A member day's or special price's reached and held-out members (see the module
    text) with their sales in the campaign's days, net of refunds."""
    tiers = {int(t) for t in c.tier_ids.split(",") if t}
    group: dict[int, bool] = {}
    if c.segment_id is not None:  # the audience saved before the start, as drawn then
        group = {int(m): bool(h) for m, h in s.execute(
            select(CampaignAudience.member_id, CampaignAudience.held_out)
            .where(CampaignAudience.campaign_id == c.id))}
    else:
        for mid, tid in s.execute(select(Member.id, Member.tier_id).where(
                Member.status == MemberStatus.ACTIVE)):
            if not tiers or tid in tiers:
                group[int(mid)] = held_out(c.seed, int(mid), c.holdout_permille)
    window = Sale.business_date.between(c.first_day, c.last_day)
    sold = {int(m or 0): int(v or 0) for m, v in s.execute(
        select(Sale.member_id, func.sum(type_coerce(Sale.payable, Integer)))
        .where(window, Sale.member_id.is_not(None)).group_by(Sale.member_id))}
    for m, v in s.execute(
            select(Sale.member_id, func.sum(type_coerce(Refund.amount, Integer)))
            .join(Sale, Sale.id == Refund.sale_id)
            .where(window, Sale.member_id.is_not(None)).group_by(Sale.member_id)):
        sold[int(m or 0)] = sold.get(int(m or 0), 0) - int(v or 0)
    out = {}
    for h in (False, True):
        ids = [m for m, g in group.items() if g is h]
        out[h] = GroupResult(len(ids), sum(1 for m in ids if m in sold),
                             Money(sum(sold.get(m, 0) for m in ids)))
    return out


def _promo_report(s: Session, c: Campaign) -> CampaignReport:
    if c.kind == "gift":  # its sales are those with its gift line
        members, sales = s.execute(select(
            func.count(func.distinct(Sale.member_id)), func.count(func.distinct(Sale.id)))
            .where(SaleLine.gift_campaign_id == c.id, Sale.id == SaleLine.sale_id)).one()
        given, returned = gift_line_count(s, c.id)
        discount = 0
    else:
        mine = and_(SaleDiscount.campaign_id == c.id, Sale.id == SaleDiscount.sale_id)
        members, sales, discount = s.execute(
            select(func.count(func.distinct(Sale.member_id)), func.count(func.distinct(Sale.id)),
                   func.sum(type_coerce(SaleDiscount.amount, Integer))).where(mine)).one()
        given = returned = 0
    groups = _promo_groups(s, c)
    return CampaignReport(
        c.name, "", "", c.holdout_permille, c.first_day, c.last_day, 0, 0,
        Money(int(discount or 0)), groups[False], groups[True], local_clock(s)(clock.now()),
        c.kind, int(members or 0), int(sales or 0), given, returned)


def campaign_report(db: Database, actor: Actor, name: str) -> CampaignReport:
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VIEW_REPORTS)
        c = find_campaign(s, name)
        if c.kind != "coupon":
            return _promo_report(s, c)
        coupon_ids = select(CampaignMember.coupon_id).where(
            CampaignMember.campaign_id == c.id, CampaignMember.coupon_id.is_not(None))
        issued = int(s.scalar(select(func.count()).select_from(coupon_ids.subquery())) or 0)
        redeemed = int(s.scalar(select(func.count()).select_from(Coupon).where(
            Coupon.id.in_(coupon_ids), Coupon.status == CouponStatus.USED)) or 0)
        discount = as_money(s.scalar(select(func.sum(SaleDiscount.amount)).where(
            SaleDiscount.kind == DiscountKind.COUPON, SaleDiscount.coupon_id.in_(coupon_ids))))
        groups = _groups(s, c.id, c.first_day, c.last_day)
        return CampaignReport(
            c.name, s.get_one(Segment, c.segment_id).name if c.segment_id else "",
            s.get_one(CouponTemplate, c.template_id).name if c.template_id else "",
            c.holdout_permille, c.first_day,
            c.last_day, issued, redeemed, discount, groups[False], groups[True],
            local_clock(s)(clock.now()))


def percent_text(permille: int | None) -> str:
    return "—" if permille is None else f"{permille // 10}.{permille % 10}%"


def campaign_document(rep: CampaignReport, shop_name: str, generated_at: datetime,
                      lang: str = ZH_CN) -> Document:
    t = picker(lang)
    if not rep.is_coupon:
        return _promo_document(rep, shop_name, generated_at, lang)
    summary: tuple[tuple[str, CellValue], ...] = (
        (t("活动", "Campaign"), rep.name),
        (t("会员分群", "Segment"), rep.segment),
        (t("优惠券", "Coupon"), rep.template),
        (t("对照组比例", "Hold-out share"), percent_text(rep.holdout_permille)),
        (t("触达会员", "Members reached"), rep.reached.members),
        (t("对照组会员", "Members held out"), rep.held_out.members),
        (t("发券张数", "Coupons issued"), rep.issued),
        (t("核销张数", "Coupons redeemed"), rep.redeemed),
        (t("核销率", "Redemption rate"), percent_text(rep.redemption_permille)),
        (t("优惠券抵扣金额", "Coupon discounts"), rep.discount),
        (t("触达会员人均消费", "Sales per member reached"), rep.reached.per_member),
        (t("对照组人均消费", "Sales per member held out"), rep.held_out.per_member),
        (t("人均差异", "Difference per member"), rep.difference),
    )
    table = _groups_table(rep, lang, t("活动组（已发券）", "Reached (coupon)"),
                          t("对照组（未发券）", "Held out (nothing)"))
    note = t("消费金额为活动期间（按营业日）该组会员的应付金额减去其退款；核销为已使用且未因退款恢复的券；"
             "对照组按活动的随机种子抽取，不发券。",
             "Sales are the group's payable amounts in the campaign's days (business dates) "
             "less their refunds; redeemed coupons are used and not restored by a refund; "
             "the hold-out is drawn from the campaign's random seed and gets nothing.")
    return Document(t("营销活动报表", "Campaign report"), shop_name, rep.period.text(lang),
                    generated_at, summary, (table,), note, normalise(lang))


def _groups_table(rep: CampaignReport, lang: str, reached: str, held_out: str) -> Table:
    """The reached and the held-out group side by side, and their difference."""
    t = picker(lang)

    def group(label: str, g: GroupResult) -> tuple[CellValue, ...]:
        return (label, g.members, g.buyers, percent_text(rate_permille(g.buyers, g.members)),
                g.sales, g.per_member)

    return Table(
        t("活动组与对照组", "Reached and held out"),
        (Column(t("组", "Group"), width=14), Column(t("会员数", "Members"), I),
         Column(t("消费会员", "Buyers"), I), Column(t("消费率", "Buying rate"), width=10),
         Column(t("消费金额", "Sales"), M), Column(t("人均消费", "Per member"), M)),
        static_rows([group(reached, rep.reached), group(held_out, rep.held_out)]),
        totals=(t("人均差异", "Difference"), "", "", "", "", rep.difference),
    )


KIND_WORDS = {"member_day": ("会员日", "Member day"), "special": ("限时特价", "Special price"),
              "gift": ("满赠", "Gift with purchase")}


def _promo_document(rep: CampaignReport, shop_name: str, generated_at: datetime,
                    lang: str) -> Document:
    t = picker(lang)
    summary: tuple[tuple[str, CellValue], ...] = (
        (t("活动", "Campaign"), rep.name),
        (t("活动类型", "Kind"), t(*KIND_WORDS.get(rep.kind, (rep.kind, rep.kind)))),
        (t("对照组比例", "Hold-out share"), percent_text(rep.holdout_permille)),
        (t("参与会员", "Members taking part"), rep.participants),
        (t("参与笔数", "Sales taking part"), rep.participant_sales),
        *(((t("赠品数量", "Gifts given"), rep.gifts_given),
           (t("退回赠品", "Gifts given back"), rep.gifts_returned)) if rep.kind == "gift"
          else ((t("优惠金额", "Discounts given"), rep.discount),)),
        (t("活动组会员", "Members reached"), rep.reached.members),
        (t("对照组会员", "Members held out"), rep.held_out.members),
        (t("活动组人均消费", "Sales per member reached"), rep.reached.per_member),
        (t("对照组人均消费", "Sales per member held out"), rep.held_out.per_member),
        (t("人均差异", "Difference per member"), rep.difference),
    )
    table = _groups_table(rep, lang, t("活动组", "Reached"),
                          t("对照组（不享受）", "Held out (nothing)"))
    note = t("活动组为活动适用等级中、未被抽入对照组的现有会员；对照组按活动的随机种子抽取，不享受优惠。"
             "消费金额为活动期间（按营业日）该组会员的应付金额减去其退款；参与为得到本活动优惠（满赠：赠品）的会员与销售。",
             "Reached: the active members of the campaign's tiers not drawn into the "
             "hold-out, which the campaign's random seed draws and which gets nothing. "
             "Sales are the group's payable amounts in the campaign's days (business dates) "
             "less their refunds; taking part: members and sales that got its discount (a "
             "gift with purchase: its gift).")
    return Document(t("营销活动报表", "Campaign report"), shop_name, rep.period.text(lang),
                    generated_at, summary, (table,), note, normalise(lang))
