"""Report DTOs -> exportable Documents (zh_CN or English), every time in shop time."""

from __future__ import annotations

from datetime import datetime, timedelta

from memberdesk.domain import margin
from memberdesk.domain.shoptime import shop_time
from memberdesk.money import Money
from memberdesk.reports.document import (
    CellValue,
    Column,
    ColumnKind,
    Document,
    Table,
    static_rows,
)

from .common import time_text
from .count_card_report import kind_word as card_kind_word
from .day_report import DayReport, ProductRow, in_shop_time
from .labels import label
from .loyalty_moves import loyalty_table
from .top_sellers import UNCATEGORISED
from .words import ZH_CN, line_name, normalise, pick, picker, store_text

M = ColumnKind.MONEY
I = ColumnKind.INT  # noqa: E741


def _kv_table(title: str, head: tuple[str, str], rows: list[tuple[CellValue, ...]],
              kind: ColumnKind = M) -> Table:
    return Table(title, (Column(head[0]), Column(head[1], kind)), static_rows(rows))


def day_document(rep: DayReport, shop_name: str, generated_at: datetime,
                 lang: str = ZH_CN) -> Document:
    """``generated_at`` may be the shop's local time or an aware instant (``clock.now()``).

    Sales, refunds of sales and net sales (sales less those refunds) are separate
    lines, so nobody reads sales before refunds as the day's takings."""
    offset = timedelta(minutes=rep.utc_offset_minutes or 0)
    rep = in_shop_time(rep, offset)  # a no-op on the report the services hand out
    generated_at = shop_time(generated_at, offset)
    t = picker(lang)
    title = (t(f"日结报表 第 {rep.close_no} 号", f"Day close report No. {rep.close_no}")
             if rep.close_no else t("日结报表（预览，未日结）", "Day report (preview, not closed)"))
    since = time_text(rep.since) if rep.since else t("开业", "opening")
    period = t(f"营业日 {rep.business_date.isoformat()}",
               f"Business day {rep.business_date.isoformat()}") + store_text(rep.store, lang)
    summary: list[tuple[str, CellValue]] = [
        (t("销售笔数", "Sales count"), rep.sales_count),
        (t("销售原价合计", "Sales at list prices"), rep.gross),
        (t("优惠合计", "Discounts"), rep.discount_total),
        (t("销售额（退款前）", "Sales (before refunds)"), rep.sales_total),
        (t("销售退款笔数", "Sale refunds count"), rep.sale_refunds_count),
        (t("销售退款", "Sale refunds"), rep.sale_refunds_total),
        (t("净销售额（销售额 - 退款）", "Net sales (sales - refunds)"), rep.net_sales),
        (t("充值笔数", "Recharges count"), rep.recharges_count),
        (t("充值本金", "Recharged (paid)"), rep.recharges_principal),
        (t("充值赠送", "Recharge bonus"), rep.recharges_bonus),
        (t("退充值", "Recharge refunds"), rep.recharge_refunds_total),
        (t("储值余额（期初）本金", "Stored value at start, paid"), rep.sv_open_principal),
        (t("储值余额（期初）赠送", "Stored value at start, bonus"), rep.sv_open_bonus),
        (t("储值余额（期末）本金", "Stored value at end, paid"), rep.sv_close_principal),
        (t("储值余额（期末）赠送", "Stored value at end, bonus"), rep.sv_close_bonus),
        (t("积分余额（期初）", "Points at start"), rep.points_open),
        (t("积分余额（期末）", "Points at end"), rep.points_close),
        (t("计次卡未使用次数（期末）", "Count card uses outstanding at end"),
         rep.count_cards_outstanding),
        (t("计次卡递延收入（期末）", "Count card deferred value at end"), rep.count_cards_deferred),
        (t("新增会员", "New members"), rep.new_members),
    ]
    if rep.late_sales:
        summary.append((t("其中补录的早前销售笔数", "Of which late sales of earlier days"),
                        rep.late_sales))
    if rep.top_after_refunds:
        tops = (t("畅销商品（扣除退款）", "Top products after refunds"),
                t("品类销售（扣除退款）", "Categories after refunds"), t("净销售额", "Net sales"))
    else:  # sealed before top sellers were net of refunds: say what they are
        tops = (t("畅销商品（退款前）", "Top products before refunds"),
                t("品类销售（退款前）", "Categories before refunds"),
                t("销售额", "Sales"))
    money_head = (t("方式", "Method"), t("金额", "Amount"))
    tables = [
        _kv_table(t("优惠明细", "Discounts"), (t("优惠类型", "Discount"), money_head[1]),
                  [(label(k, lang), v) for k, v in rep.discounts]),
        Table(t("收款方式", "Takings by method"),
              (Column(money_head[0]), Column(t("销售", "Sales"), M),
               Column(t("充值", "Recharges"), M), Column(t("退款", "Refunds"), M),
               Column(t("合计", "Total"), M)),
              static_rows(_takings_rows(rep, lang)),
              totals=(t("合计", "Total"), rep.net, rep.recharges_principal, rep.refunds_total,
                      Money(sum(v.fen for _, v in rep.takings_by_tender)))),
        Table(t("退款与反结账", "Refunds"),
              (Column(t("退款单号", "Refund No.")), Column(t("类型", "Kind")),
               Column(t("原单号", "Original No.")), Column(money_head[1], M),
               Column(t("原因", "Reason"), width=24), Column(t("操作员", "Staff")),
               Column(t("授权人", "Approved by")), Column(t("时间", "Time"), ColumnKind.DATETIME)),
              static_rows([(r.refund_no, label(r.kind, lang), r.original_no, r.amount, r.reason,
                            r.staff, r.approver, r.at) for r in rep.refunds])),
        Table(t("交班现金核对", "Shift counts"),
              (Column(t("班次", "Shift")), Column(t("收银员", "Cashier")), Column(money_head[0]),
               Column(t("应有", "Expected"), M), Column(t("实点", "Counted"), M),
               Column(t("差额", "Difference"), M)),
              static_rows([(s.shift_no, s.staff, label(s.kind, lang), s.expected, s.counted,
                            s.variance) for s in rep.shifts])),
        Table(t("储值变动", "Stored value movements"),
              (Column(t("类型", "Kind")), Column(t("本金", "Paid"), M),
               Column(t("赠送", "Bonus"), M)),
              static_rows([(label(k, lang), p, b) for k, p, b in rep.sv_movements])),
        _kv_table(t("积分变动", "Points movements"), (t("类型", "Kind"), t("积分", "Points")),
                  [(label(k, lang), v) for k, v in rep.points_movements], I),
        _kv_table(t("优惠券", "Coupons"), (t("事件", "Event"), t("张数", "Coupons")),
                  [(label(k, lang), n) for k, n in rep.coupons], I),
        _kv_table(t("计次卡变动", "Count card movements"), (t("类型", "Kind"), t("次数", "Uses")),
                  [(card_kind_word(k, lang), n) for k, n in rep.count_card_moves], I),
        loyalty_table(rep.loyalty, lang),
        Table(t("收银员业绩", "Cashiers"),
              (Column(t("收银员", "Cashier")), Column(t("销售笔数", "Sales count"), I),
               Column(t("销售额（退款前）", "Sales before refunds"), M),
               Column(t("退款", "Refunds"), M), Column(t("充值", "Recharges"), M)),
              static_rows([(c.staff, c.sales_count, c.sales_net, c.refunds, c.recharges)
                           for c in rep.cashiers])),
        Table(tops[0], (Column(t("编码", "Code")), Column(t("商品", "Product"), width=24),
                        Column(t("数量", "Qty"), I), Column(tops[2], M),
                        Column(t("毛利", "Gross profit"), M),
                        Column(t("毛利率", "Gross margin"), width=10)),
              static_rows([(p.code, line_name(p.name, lang), p.qty, p.net, *_margin(p))
                           for p in rep.top_products])),
        Table(tops[1], (Column(t("编码", "Code")), Column(t("品类", "Category")),
                        Column(t("数量", "Qty"), I), Column(tops[2], M)),
              static_rows([(p.code, _category(p.code, p.name, lang), p.qty, p.net)
                           for p in rep.top_categories])),
    ]
    note = t(f"统计范围：上次日结（{since}）之后至 {time_text(rep.until)} 的全部业务。"
             "净销售额 = 销售额 - 销售退款（退款按退款时间计入，无论原销售在哪一天）。"
             "日结后的更正计入下一次日结。储值余额为预付卡负债。",
             f"Covers everything after the last close ({since}) up to {time_text(rep.until)}. "
             "Net sales = sales - sale refunds (a refund counts when it is made, whatever day "
             "the sale was). Corrections after the close go into the next close. "
             "Stored value is owed to members (prepaid cards).")
    return Document(title, shop_name, period, generated_at, tuple(summary), tuple(tables), note,
                    normalise(lang))


def _category(code: str, name: str, lang: str) -> str:
    return pick(lang, name, "Uncategorised") if not code and name == UNCATEGORISED else name


def _takings_rows(rep: DayReport, lang: str) -> list[tuple[CellValue, ...]]:
    sales = dict(rep.sales_by_tender)
    recharges = dict(rep.recharges_by_tender)
    refunds = dict(rep.refunds_by_tender)
    kinds = [k for k, _ in rep.takings_by_tender]
    for k in list(sales) + list(recharges) + list(refunds):
        if k not in kinds:
            kinds.append(k)
    zero = Money(0)
    return [
        (label(k, lang), sales.get(k, zero), recharges.get(k, zero), refunds.get(k, zero),
         sales.get(k, zero) + recharges.get(k, zero) - refunds.get(k, zero))
        for k in kinds
    ]


def _margin(p: ProductRow) -> tuple[Money | None, str]:
    """A product row's gross profit and margin; blank where its cost is not known."""
    if p.cost is None:
        return None, ""
    return (Money(p.net.fen - p.cost.fen),
            margin.margin_text(margin.gross_margin_permille(p.net.fen, p.cost.fen)))
