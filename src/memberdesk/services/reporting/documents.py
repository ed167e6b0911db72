"""Report DTOs -> exportable Documents (Chinese headers), every time in shop time."""

from __future__ import annotations

from datetime import datetime, timedelta

from memberdesk.money import Money
from memberdesk.reports.document import (
    CellValue,
    Column,
    ColumnKind,
    Document,
    Table,
    static_rows,
)

from .common import shop_time, time_text
from .day_report import DayReport, in_shop_time
from .labels import label

M = ColumnKind.MONEY
I = ColumnKind.INT  # noqa: E741


def _kv_table(title: str, head: tuple[str, str], rows: list[tuple[CellValue, ...]],
              kind: ColumnKind = M) -> Table:
    return Table(title, (Column(head[0]), Column(head[1], kind)), static_rows(rows))


def day_document(rep: DayReport, shop_name: str, generated_at: datetime) -> Document:
    """``generated_at`` may be the shop's local time or an aware instant (``clock.now()``)."""
    offset = timedelta(minutes=rep.utc_offset_minutes or 0)
    rep = in_shop_time(rep, offset)  # a no-op on the report the services hand out
    generated_at = shop_time(generated_at, offset)
    title = f"日结报表 第 {rep.close_no} 号" if rep.close_no else "日结报表（预览，未日结）"
    since = time_text(rep.since) if rep.since else "开业"
    period = f"营业日 {rep.business_date.isoformat()}"
    summary: list[tuple[str, CellValue]] = [
        ("销售笔数", rep.sales_count),
        ("销售原价合计", rep.gross),
        ("优惠合计", rep.discount_total),
        ("实收（净销售额）", rep.net),
        ("退款笔数", rep.refunds_count),
        ("退款金额", rep.refunds_total),
        ("充值笔数", rep.recharges_count),
        ("充值本金", rep.recharges_principal),
        ("充值赠送", rep.recharges_bonus),
        ("储值余额（期初）本金", rep.sv_open_principal),
        ("储值余额（期初）赠送", rep.sv_open_bonus),
        ("储值余额（期末）本金", rep.sv_close_principal),
        ("储值余额（期末）赠送", rep.sv_close_bonus),
        ("积分余额（期初）", rep.points_open),
        ("积分余额（期末）", rep.points_close),
        ("新增会员", rep.new_members),
    ]
    if rep.late_sales:
        summary.append(("其中补录的早前销售笔数", rep.late_sales))
    tables = [
        _kv_table("优惠明细", ("优惠类型", "金额"),
                  [(label(k), v) for k, v in rep.discounts]),
        Table("收款方式", (Column("方式"), Column("销售", M), Column("充值", M),
                          Column("退款", M), Column("合计", M)),
              static_rows(_takings_rows(rep)),
              totals=("合计", rep.net, rep.recharges_principal, rep.refunds_total,
                      Money(sum(v.fen for _, v in rep.takings_by_tender)))),
        Table("退款与反结账", (Column("退款单号"), Column("类型"), Column("原单号"),
                             Column("金额", M), Column("原因", width=24), Column("操作员"),
                             Column("授权人"), Column("时间", ColumnKind.DATETIME)),
              static_rows([(r.refund_no, label(r.kind), r.original_no, r.amount, r.reason,
                            r.staff, r.approver, r.at) for r in rep.refunds])),
        Table("交班现金核对", (Column("班次"), Column("收银员"), Column("方式"),
                            Column("应有", M), Column("实点", M), Column("差额", M)),
              static_rows([(s.shift_no, s.staff, label(s.kind), s.expected, s.counted,
                            s.variance) for s in rep.shifts])),
        Table("储值变动", (Column("类型"), Column("本金", M), Column("赠送", M)),
              static_rows([(label(k), p, b) for k, p, b in rep.sv_movements])),
        _kv_table("积分变动", ("类型", "积分"),
                  [(label(k), v) for k, v in rep.points_movements], I),
        _kv_table("优惠券", ("事件", "张数"), [(label(k), n) for k, n in rep.coupons], I),
        Table("收银员业绩", (Column("收银员"), Column("销售笔数", I), Column("销售额", M),
                           Column("退款", M), Column("充值", M)),
              static_rows([(c.staff, c.sales_count, c.sales_net, c.refunds, c.recharges)
                           for c in rep.cashiers])),
        Table("畅销商品", (Column("编码"), Column("商品", width=24), Column("数量", I),
                          Column("销售额", M)),
              static_rows([(p.code, p.name, p.qty, p.net) for p in rep.top_products])),
        Table("品类销售", (Column("编码"), Column("品类"), Column("数量", I),
                          Column("销售额", M)),
              static_rows([(p.code, p.name, p.qty, p.net) for p in rep.top_categories])),
    ]
    note = (f"统计范围：上次日结（{since}）之后至 {time_text(rep.until)} 的全部业务。"
            "日结后的更正计入下一次日结。储值余额为预付卡负债。")
    return Document(title, shop_name, period, generated_at, tuple(summary), tuple(tables), note)


def _takings_rows(rep: DayReport) -> list[tuple[CellValue, ...]]:
    sales = dict(rep.sales_by_tender)
    recharges = dict(rep.recharges_by_tender)
    refunds = dict(rep.refunds_by_tender)
    kinds = [k for k, _ in rep.takings_by_tender]
    for k in list(sales) + list(recharges) + list(refunds):
        if k not in kinds:
            kinds.append(k)
    zero = Money(0)
    return [
        (label(k), sales.get(k, zero), recharges.get(k, zero), refunds.get(k, zero),
         sales.get(k, zero) + recharges.get(k, zero) - refunds.get(k, zero))
        for k in kinds
    ]
