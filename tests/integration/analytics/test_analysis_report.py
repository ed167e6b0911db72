"""The 分析 report (issue 13, section 2): each figure pinned on the small hand-made
shop of ``conftest.history`` (alice every 7 days then away, a wash refunded whole;
bob once, gold, a beer refunded; carol never buys but recharges), the workbook's and
the PDF's figures agreeing with the Document the window shows, and
``memberdesk report analysis``."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import event, select, update

from memberdesk.domain.analysis import age_band, average_ticket_fen, months_back
from memberdesk.domain.analytics import churn_reason_text
from memberdesk.models import Member, Tier
from memberdesk.models.enums import Gender
from memberdesk.money import Money
from memberdesk.reports.document import ColumnKind, chart_number, format_cell
from memberdesk.services.analytics import snapshot
from memberdesk.services.analytics.refresh import refresh_scores
from memberdesk.services.analytics.report import AnalysisReport, analysis_report, build_report
from memberdesk.services.reporting.analysis_doc import analysis_document
from memberdesk.services.reporting.export import export_document
from memberdesk.services.shared.errors import UserError
from tests.checkout_support.kit import World

from .conftest import DAY, ShopClock, cli_env

AS_OF = DAY + timedelta(days=40)  # 2026-04-19


@pytest.fixture
def shop(history: World, shop_clock: ShopClock) -> World:
    w = history
    shop_clock.day = DAY + timedelta(days=35)
    w.recharge("carol", "100")  # stored value owed from April on
    shop_clock.day = AS_OF
    with w.db.uow() as uow:
        s = uow.session
        s.execute(update(Member).where(Member.id == w.members["alice"]).values(
            gender=Gender.FEMALE, birthday=date(1990, 4, 20)))  # 35 on D, 36 tomorrow
        s.execute(update(Member).where(Member.id == w.members["bob"]).values(
            gender=Gender.MALE, birthday=date(2006, 4, 19)))  # 20 exactly on D
        uow.commit()
    refresh_scores(w.db)
    return w


def _report(w: World) -> AnalysisReport:
    return analysis_report(w.db, w.owner, AS_OF)


def test_each_figure_on_a_hand_made_shop(shop: World) -> None:
    w = shop
    rep = _report(w)
    assert rep.as_of == AS_OF and rep.scores_as_of == AS_OF and rep.members == 3
    # alice R 26 F 3 M 52.80 (R score 3, F 5, M 5): 重要保持, A; bob R 10 F 1 M 11.40
    # (R 5, F 3, M 3): 一般发展, B; carol unscored: D. Means 4, 4, 4.
    assert {g.key: (g.members, g.spend) for g in rep.segments} == {
        "important_keep": (1, Money(5280)), "general_develop": (1, Money(1140)),
        "": (1, Money(0))}
    assert {g.key: (g.members, g.spend) for g in rep.grades} == {
        "A": (1, Money(5280)), "B": (1, Money(1140)), "D": (1, Money(0))}
    assert {g.key: g.members for g in rep.lifecycle} == {"active": 2, "dormant": 1}
    # the churn list: alice, 26 days away against a usual 7, her M at risk.
    assert rep.churn_count == 1 and len(rep.churn) == 1
    c = rep.churn[0]
    assert (c.member_no, c.name, c.value_at_risk, c.last_visit) == (
        "M000001", "张三", Money(5280), DAY + timedelta(days=14))
    assert c.warning.usual_gap_days == 7 and c.p_alive is None  # too few members to fit
    assert churn_reason_text(c.warning) == "平时约 7 天来一次，已 26 天未来"
    # repurchase: 1 of 2 buyers came twice or more; ticket 64.20 / 4 visits.
    assert (rep.buyers, rep.repeaters, rep.repurchase_rate) == (2, 1, Fraction(1, 2))
    assert rep.average_ticket == Money(1605)
    # growth: the three registered on DAY (March), none since.
    assert [m.month for m in rep.growth] == months_back(AS_OF)
    assert rep.growth[-2:][0].month == "2026-03"
    assert [(m.new_members, m.members) for m in rep.growth[-2:]] == [(3, 3), (0, 3)]
    assert all(m.members == 0 for m in rep.growth[:-2])
    with w.db.reader() as r:
        names = {t.id: t.name for t in r.session.scalars(select(Tier))}
        carol = r.session.get(Member, w.members["carol"])
        assert carol is not None
        owed, bonus = carol.sv_principal + carol.sv_bonus, carol.sv_bonus
        points = sum(r.session.scalars(select(Member.points_balance)))
    assert {g.key: g.members for g in rep.tiers if g.members} == {
        names[w.tiers["normal"]]: 2, names[w.tiers["gold"]]: 1}
    assert {g.key: g.members for g in rep.genders} == {"female": 1, "male": 1, "unknown": 1}
    assert {g.key: g.members for g in rep.ages} == {"30-39": 1, "20-29": 1, "unknown": 1}
    assert age_band(date(2006, 4, 20), AS_OF) == "<20"  # a day short of 20
    # liabilities at each month end: from the cached balances (db check proves them).
    assert rep.liabilities[-1].stored_value == owed == Money(10000) + bonus
    assert rep.liabilities[-1].points == points > 0
    assert rep.liabilities[-2].stored_value == Money(0)  # March: carol had not recharged
    # top members by M, the unscored left out.
    assert [(t.member_no, t.m, t.f, t.grade) for t in rep.top] == [
        ("M000001", Money(5280), 3, "A"), ("M000002", Money(1140), 1, "B")]
    # category preference, lines of (D-30, D] before refunds: alice's chips of day 14
    # and the wash of day 20 (refunded), bob's beers; alice's day 0 and 7 fall outside.
    assert {(p.segment, p.category): p.spend for p in rep.preferences} == {
        ("important_keep", "零食"): Money(1760), ("important_keep", "服务"): Money(3000),
        ("general_develop", "饮料"): Money(1710)}


def test_scores_of_another_day_are_said(shop: World) -> None:
    refresh_scores(shop.db, AS_OF - timedelta(days=20))
    rep = _report(shop)
    assert rep.scores_as_of == AS_OF - timedelta(days=20) and rep.as_of == AS_OF
    doc = analysis_document(rep, "测试店", rep.generated_at)
    assert ("评分日期", (AS_OF - timedelta(days=20)).isoformat()) in doc.summary


@pytest.mark.parametrize(("lang", "tier", "grade"), [
    ("zh_CN", "会员等级", "客户价值等级"), ("en", "Tier", "Value grade")])
def test_the_tier_and_the_grade_are_named_apart(shop: World, lang: str, tier: str,
                                                grade: str) -> None:
    """等级 was the A/B/C/D grade beside 会员等级 (issue 11): named as the members page does."""
    rep = _report(shop)
    doc = analysis_document(rep, "测试店", rep.generated_at, lang)
    titles = {c.title for table in doc.tables for c in table.columns}
    assert {tier, grade} <= titles and not titles & {"等级", "Grade"}


def test_the_page_reads_the_figures_the_refresh_kept(shop: World) -> None:
    """The refresh keeps the report of its date (analysis_snapshots); the page reads
    that one row, the same figures a fresh build gives, and never aggregates the
    members, the ledgers or the sale lines itself."""
    w = shop
    statements: list[str] = []

    def seen(conn, cursor, statement, params, context, many):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(w.db.engine, "before_cursor_execute", seen)
    try:
        rep = _report(w)
    finally:
        event.remove(w.db.engine, "before_cursor_execute", seen)
    with w.db.reader() as r:
        fresh = build_report(r.session, AS_OF)
    assert rep == fresh  # every figure, the churn warning's gap as a fraction included
    assert rep.churn and rep.churn[0].warning.usual_gap == Fraction(7)
    body = " ".join(statements).lower()
    assert "analysis_snapshots" in body
    for aggregated in ("sale_lines", "points_entries", "stored_value_entries",
                       "from members", "member_scores"):
        assert aggregated not in body, aggregated
    # a refresh as of another day drops the kept figures; the page builds them then
    refresh_scores(w.db, AS_OF - timedelta(days=1))
    with w.db.reader() as r:
        assert snapshot.load(r.session, AS_OF) is None
        assert snapshot.load(r.session, AS_OF - timedelta(days=1)) is not None


def test_a_future_date_and_a_cashier_are_refused(shop: World) -> None:
    with pytest.raises(UserError) as e:
        analysis_report(shop.db, shop.owner, AS_OF + timedelta(days=1))
    assert e.value.code == "analytics_future_date"
    with pytest.raises(UserError) as e:
        analysis_report(shop.db, shop.cashier, AS_OF)
    assert e.value.code == "permission_denied"


def test_the_rules_of_the_page() -> None:
    assert average_ticket_fen(1001, 2) == 501 and average_ticket_fen(1003, 2) == 502
    assert average_ticket_fen(5, 0) == 0
    assert months_back(date(2026, 2, 3), 3) == ["2025-12", "2026-01", "2026-02"]
    assert age_band(None, AS_OF) == "unknown" and age_band(date(1966, 4, 19), AS_OF) == "60+"


def _cell(v: object) -> object:
    """A Document cell as the workbook holds it (money in yuan, counts as numbers)."""
    if isinstance(v, Money):
        return float(v.to_decimal())
    if isinstance(v, int):
        return float(v)
    if isinstance(v, date):
        return v
    return "" if v is None else v


def test_the_workbook_and_the_pdf_agree_with_the_document(shop: World, tmp_path: Path
                                                           ) -> None:
    rep = _report(shop)
    for lang in ("zh_CN", "en"):
        doc = analysis_document(rep, "测试店", rep.generated_at, lang)
        xlsx, pdf = tmp_path / f"a_{lang}.xlsx", tmp_path / f"a_{lang}.pdf"
        export_document(doc, xlsx=xlsx, pdf=pdf)
        book = CalamineWorkbook.from_path(str(xlsx))
        sheets = book.sheet_names
        assert len(sheets) == 1 + len(doc.tables)
        for name, table in zip(sheets[1:], doc.tables, strict=True):
            rows = book.get_sheet_by_name(name).to_python()
            assert tuple(rows[0]) == tuple(c.title for c in table.columns)
            want = [[_cell(v) for v in row] for row in table.rows()]
            got = [[(v.date() if hasattr(v, "date") and k is ColumnKind.DATE else v)
                    for v, k in zip(r, (c.kind for c in table.columns), strict=True)]
                   for r in rows[1:1 + len(want)]]
            assert got == want, table.title
        # the workbook's native charts: one per charted table, over its own cells.
        import zipfile

        with zipfile.ZipFile(xlsx) as z:
            charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
            assert len(charts) == sum(1 for t in doc.tables if t.chart)
            for n in charts:
                xml = z.read(n)
                assert b'<min val="0"' in xml and b"<strRef>" in xml  # from 0; text labels
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        for table in doc.tables:
            assert table.title in text
            for row in table.rows():
                for v in row:
                    if isinstance(v, Money | int) and not isinstance(v, bool):
                        assert format_cell(v) in text, (table.title, v)
        assert doc.title in text
        # chart values are the table's values (the window draws the same numbers)
        seg = doc.tables[0]
        assert seg.chart is not None
        assert [chart_number(r[1]) for r in seg.rows()][:8] == [
            float(g) for g in (0, 0, 1, 0, 0, 1, 0, 0)]


def _cli(w: World, *args: str, password: str = "manager-pass",
         user: str = "manager") -> subprocess.CompletedProcess[str]:
    import sys

    assert w.db.paths is not None
    return subprocess.run(
        [sys.executable, "-m", "memberdesk.cli", "report", "analysis",
         "--data-dir", str(w.db.paths.root), "--user", user, *args],
        input=password + "\n", capture_output=True, text=True, timeout=120,
        env=cli_env(w, "en"))


def test_report_analysis_command(shop: World, tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "a.xlsx", tmp_path / "a.pdf"
    r = _cli(shop, "--date", AS_OF.isoformat(), "--xlsx", str(xlsx), "--pdf", str(pdf),
             "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[:5] == [
        f"member analysis as of {AS_OF} (scores as of {AS_OF})", "  members: 3",
        "  repurchase rate: 50.0%", "  average ticket: ¥16.05", "  churn warnings: 1"]
    assert xlsx.is_file() and pdf.read_bytes().startswith(b"%PDF")
    book = CalamineWorkbook.from_path(str(xlsx))
    assert book.sheet_names[1] == "Customer groups (RFM)_ membe"  # ":" is not allowed
    bad = _cli(shop, "--date", "2026-02-30")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    cashier = _cli(shop, "--date", AS_OF.isoformat(), user="cashier", password="cashier-pass")
    assert cashier.returncode == 1 and "Traceback" not in cashier.stderr


def test_the_pdf_charts_start_from_zero_and_draw_the_tables_figures(shop: World) -> None:
    from memberdesk.reports.fonts import cjk_font
    from memberdesk.reports.pdf_charts import chart_drawing

    rep = _report(shop)
    doc = analysis_document(rep, "测试店", rep.generated_at)
    font = cjk_font()
    drawn = 0
    for table in doc.tables:
        d = chart_drawing(table, font, 500)
        if table.chart is None:
            assert d is None
            continue
        chart = d.contents[0]
        assert chart.valueAxis.valueMin == 0
        rows = list(table.rows())
        assert chart.data == [tuple(chart_number(r[i]) for r in rows) for i in table.chart.values]
        assert list(chart.categoryAxis.categoryNames) == [format_cell(r[0]) for r in rows]
        drawn += 1
    assert drawn == 10
