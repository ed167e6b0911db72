"""The 分析 report as a Document (issue 13, section 2): every figure of
:class:`~memberdesk.services.analytics.report.AnalysisReport` as a table, most with a
chart. The window, the PDF and the workbook all show this one Document, so their
figures agree."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from fractions import Fraction

from memberdesk.domain import analysis
from memberdesk.domain.analytics import Grade, Lifecycle, Segment, churn_reason_text
from memberdesk.money import Money
from memberdesk.reports.document import (
    CellValue,
    Chart,
    ChartKind,
    Column,
    ColumnKind,
    Document,
    Table,
    static_rows,
)
from memberdesk.services.analytics.report import AnalysisReport, Group

from .words import ZH_CN, normalise, picker

M, N, D = ColumnKind.MONEY, ColumnKind.INT, ColumnKind.DATE
T = Callable[[str, str], str]


def percent(x: Fraction | None) -> str:
    """A share as said in a report: one decimal, "—" without a base."""
    if x is None:
        return "—"
    tenths = x * 1000
    whole = int(tenths + Fraction(1, 2))  # half up
    return f"{whole // 10}.{whole % 10}%"


def _counts(groups: tuple[Group, ...]) -> dict[str, Group]:
    return {g.key: g for g in groups}


def _segments(rep: AnalysisReport, t: T, lang: str) -> Table:
    by = _counts(rep.segments)
    rows: list[tuple[CellValue, ...]] = []
    for seg in Segment:
        g = by.get(seg.code, Group(seg.code, 0))
        rows.append((seg.label(lang), g.members, g.spend))
    g = by.get("", Group("", 0))
    rows.append((t("未评分（无消费）", "Not scored (no sale)"), g.members, g.spend))
    return Table(t("客户分群（RFM）：人数与消费", "Customer groups (RFM): members and spend"),
                 (Column(t("分群", "Segment"), width=20), Column(t("人数", "Members"), N),
                  Column(t("消费金额 M", "Spend (M)"), M)),
                 static_rows(rows), chart=Chart(ChartKind.BAR, (1,)))


def _grades(rep: AnalysisReport, t: T, lang: str) -> Table:
    by = _counts(rep.grades)
    rows: list[tuple[CellValue, ...]] = [
        (g.label(lang), by.get(g.code, Group(g.code, 0)).members,
         by.get(g.code, Group(g.code, 0)).spend) for g in Grade]
    return Table(t("客户价值等级金字塔（A/B/C/D）", "Value grade pyramid (A/B/C/D)"),
                 (Column(t("客户价值等级", "Value grade")), Column(t("人数", "Members"), N),
                  Column(t("消费金额 M", "Spend (M)"), M)),
                 static_rows(rows), chart=Chart(ChartKind.HBAR, (1,)))


def _stages(rep: AnalysisReport, t: T, lang: str) -> Table:
    by = _counts(rep.lifecycle)
    total = sum(g.members for g in rep.lifecycle)
    rows: list[tuple[CellValue, ...]] = []
    for stage in Lifecycle:
        n = by.get(stage.code, Group(stage.code, 0)).members
        rows.append((stage.label(lang), n, percent(Fraction(n, total) if total else None)))
    return Table(t("生命周期漏斗", "Lifecycle funnel"),
                 (Column(t("阶段", "Stage")), Column(t("人数", "Members"), N),
                  Column(t("占比", "Share"))),
                 static_rows(rows), chart=Chart(ChartKind.HBAR, (1,)))


def _churn(rep: AnalysisReport, t: T, lang: str) -> Table:
    rows: list[tuple[CellValue, ...]] = [
        (c.member_no, c.name, c.value_at_risk, churn_reason_text(c.warning, lang),
         c.last_visit, c.warning.usual_gap_days,
         "" if c.p_alive is None else f"{c.p_alive:.2f}")
        for c in rep.churn]
    return Table(
        t(f"流失预警名单（按流失风险金额，前 {analysis.CHURN_ROWS} 名）",
          f"Churn warnings (by value at risk, first {analysis.CHURN_ROWS})"),
        (Column(t("会员编号", "Member no."), width=12), Column(t("姓名", "Name"), width=10),
         Column(t("风险金额", "Value at risk"), M), Column(t("原因", "Reason"), width=30),
         Column(t("最后到店", "Last visit"), D), Column(t("平时间隔（天）", "Usual gap (days)"), N),
         Column(t("存活概率", "P(alive)"), width=9)),
        static_rows(rows))


def _growth(rep: AnalysisReport, t: T) -> Table:
    return Table(t("会员增长（按月）", "Member growth by month"),
                 (Column(t("月份", "Month"), width=10), Column(t("新增会员", "New members"), N),
                  Column(t("月末会员数", "Members at month end"), N)),
                 static_rows([(m.month, m.new_members, m.members) for m in rep.growth]),
                 chart=Chart(ChartKind.BAR, (1,)))


def _distribution(title: str, head: str, rows: list[tuple[CellValue, ...]], t: T) -> Table:
    return Table(title, (Column(head), Column(t("人数", "Members"), N)), static_rows(rows),
                 chart=Chart(ChartKind.BAR, (1,)))


def _genders(rep: AnalysisReport, t: T) -> list[tuple[CellValue, ...]]:
    by = _counts(rep.genders)
    words = (("male", t("男", "Male")), ("female", t("女", "Female")),
             ("unknown", t("未填", "Not given")))
    return [(w, by.get(k, Group(k, 0)).members) for k, w in words]


def _ages(rep: AnalysisReport, t: T) -> list[tuple[CellValue, ...]]:
    by = _counts(rep.ages)
    names = {"<20": t("20 岁以下", "Under 20"), "60+": t("60 岁及以上", "60 and over"),
             analysis.AGE_UNKNOWN: t("未填生日", "No birthday")}
    codes = [c for c, _lo, _hi in analysis.AGE_BANDS] + [analysis.AGE_UNKNOWN]
    return [(names.get(c, t(f"{c} 岁", c)), by.get(c, Group(c, 0)).members) for c in codes]


def _liabilities(rep: AnalysisReport, t: T) -> tuple[Table, Table]:
    sv = Table(t("储值负债（月末）", "Stored value owed (month end)"),
               (Column(t("月份", "Month"), width=10), Column(t("储值余额", "Stored value"), M)),
               static_rows([(x.month, x.stored_value) for x in rep.liabilities]),
               chart=Chart(ChartKind.LINE, (1,)))
    pts = Table(t("积分负债（月末）", "Points outstanding (month end)"),
                (Column(t("月份", "Month"), width=10), Column(t("积分余额", "Points"), N)),
                static_rows([(x.month, x.points) for x in rep.liabilities]),
                chart=Chart(ChartKind.LINE, (1,)))
    return sv, pts


def _top(rep: AnalysisReport, t: T, lang: str) -> Table:
    rows: list[tuple[CellValue, ...]] = [
        (m.member_no, m.name, m.m, m.f, m.grade,
         Segment.of(m.segment).label(lang) if m.segment else "") for m in rep.top]
    return Table(t(f"消费最多的会员（前 {analysis.TOP_MEMBERS} 名）",
                   f"Top members (first {analysis.TOP_MEMBERS})"),
                 (Column(t("会员编号", "Member no."), width=12), Column(t("姓名", "Name"), width=10),
                  Column(t("消费金额 M", "Spend (M)"), M), Column(t("消费次数 F", "Visits (F)"), N),
                  Column(t("客户价值等级", "Value grade"), width=12), Column(t("分群", "Segment"), width=18)),
                 static_rows(rows))


def _preferences(rep: AnalysisReport, t: T, lang: str) -> Table:
    """Segments down, the top categories across (the rest in "other")."""
    overall: dict[str, int] = {}
    for p in rep.preferences:
        overall[p.category] = overall.get(p.category, 0) + p.spend.fen
    top = sorted(overall, key=lambda c: (-overall[c], c))[:analysis.TOP_CATEGORIES]
    cells: dict[tuple[str, str], int] = {}
    for p in rep.preferences:
        col = p.category if p.category in top else "\0other"
        key = (p.segment or "", col)
        cells[key] = cells.get(key, 0) + p.spend.fen
    cols = [*top, "\0other"]
    names = [c or t("未分类", "No category") for c in top] + [t("其他", "Other")]
    segs = [(s.code, s.label(lang)) for s in Segment] + [("", t("未评分", "Not scored"))]
    rows: list[tuple[CellValue, ...]] = [
        (label, *(Money(cells.get((code, c), 0)) for c in cols))
            for code, label in segs if any(cells.get((code, c)) for c in cols)]
    return Table(
        t(f"各分群的品类偏好（近 {analysis.PREFERENCE_DAYS} 天商品金额，退款前）",
          f"Category preference by segment (last {analysis.PREFERENCE_DAYS} days, "
          "before refunds)"),
        (Column(t("分群", "Segment"), width=16), *(Column(n, M) for n in names)),
        static_rows(rows), chart=Chart(ChartKind.BAR, tuple(range(1, len(cols) + 1))))


def analysis_document(rep: AnalysisReport, shop_name: str, generated_at: datetime,
                      lang: str = ZH_CN) -> Document:
    lang = normalise(lang)
    t = picker(lang)
    scored = (rep.scores_as_of.isoformat() if rep.scores_as_of
              else t("尚未计算", "not computed yet"))
    summary: list[tuple[str, CellValue]] = [
        (t("会员数", "Members"), rep.members),
        (t("评分日期", "Scores as of"), scored),
        (t("有消费的会员（F ≥ 1）", "Buyers (F ≥ 1)"), rep.buyers),
        (t("复购会员（F ≥ 2）", "Repeat buyers (F ≥ 2)"), rep.repeaters),
        (t("复购率", "Repurchase rate"), percent(rep.repurchase_rate)),
        (t("客单价（M ÷ F）", "Average ticket (M ÷ F)"), rep.average_ticket),
        (t("流失预警人数", "Churn warnings"), rep.churn_count),
    ]
    sv, pts = _liabilities(rep, t)
    tables = (
        _segments(rep, t, lang), _grades(rep, t, lang), _stages(rep, t, lang),
        _churn(rep, t, lang), _growth(rep, t),
        _distribution(t("会员等级分布", "Members by tier"), t("会员等级", "Tier"),
                      [(g.key, g.members) for g in rep.tiers], t),
        _distribution(t("性别分布", "Members by gender"), t("性别", "Gender"),
                      _genders(rep, t), t),
        _distribution(t("年龄段分布", "Members by age"), t("年龄段", "Age"), _ages(rep, t), t),
        sv, pts, _top(rep, t, lang), _preferences(rep, t, lang),
    )
    note = t("R、F、M 及分群、等级、生命周期、流失预警的定义见 docs/ANALYTICS.md；"
             "分群、等级、生命周期、流失名单、复购率与客单价按评分日期计算，"
             "会员、等级、性别、年龄分布与负债按截至日期计算。",
             "R, F, M, segments, grades, lifecycle and the churn warning are defined in "
             "docs/ANALYTICS.md. Segments, grades, lifecycle, the churn list, repurchase "
             "rate and average ticket are as of the scores' date; members, tiers, gender, "
             "age and the liabilities as of the report's date.")
    return Document(t("会员分析报告", "Member analysis"), shop_name,
                    t(f"截至 {rep.as_of.isoformat()}", f"As of {rep.as_of.isoformat()}"),
                    generated_at, tuple(summary), tables, note, lang)
