"""Issue 13's definitions, pinned on small hand-made histories (memberdesk.domain.analytics):
R, F, M net of refunds, quintile scores with ties, the eight segments, the grades, the
lifecycle boundaries and the churn warning with its reason in both languages."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from memberdesk.domain.analytics import (
    AnalyticsSettings,
    ChurnWarning,
    Grade,
    Lifecycle,
    MemberFacts,
    Rfm,
    SaleFact,
    ScoreMeans,
    Scores,
    Segment,
    churn_reason_text,
    churn_warning,
    grade,
    lifecycle,
    median_gap,
    quintile_scores,
    rfm_of,
    rfm_scores,
    score_members,
    segment,
)

D = date(2026, 12, 3)


def ago(n: int) -> date:
    return D - timedelta(days=n)


def test_m_nets_refunds_f_counts_sales_with_net_spend_and_r_is_from_the_last_of_them() -> None:
    sales = [
        SaleFact(1, ago(10), 10_000),
        SaleFact(1, ago(3), 5_000, refunded_fen=5_000),  # refunded whole: not a sale for F or R
        SaleFact(1, ago(20), 8_000, refunded_fen=3_000),  # part refunded: 50.00 counts
        SaleFact(2, ago(0), 100),  # on D itself: R = 0
        SaleFact(3, ago(4), 2_000, refunded_fen=2_000),  # only a refunded sale: no scores
    ]
    got = rfm_of(sales, D)
    assert got == {1: Rfm(1, 10, 2, 15_000), 2: Rfm(2, 0, 1, 100)}


def test_the_window_is_d_minus_w_exclusive_to_d_inclusive() -> None:
    sales = [SaleFact(1, ago(365), 1_000),  # D - W: outside
             SaleFact(1, ago(364), 2_000),  # the first day inside
             SaleFact(1, D + timedelta(days=1), 4_000)]  # after D: outside
    assert rfm_of(sales, D, window_days=365) == {1: Rfm(1, 364, 1, 2_000)}
    assert rfm_of(sales, D, window_days=366) == {1: Rfm(1, 364, 2, 3_000)}


def test_quintile_score_is_ceil_5_rank_over_n_rank_1_the_worst() -> None:
    assert quintile_scores({i: i * 10 for i in range(1, 11)}) == {
        1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 3, 7: 4, 8: 4, 9: 5, 10: 5}
    # n = 3: ranks 1, 2, 3 -> ceil(5/3)=2, ceil(10/3)=4, 5
    assert quintile_scores({7: 1, 8: 2, 9: 3}) == {7: 2, 8: 4, 9: 5}
    assert quintile_scores({42: 0}) == {42: 5}


def test_ties_are_broken_by_member_id_the_lower_id_ranking_lower() -> None:
    # Five members with the same value: ranks follow the id.
    assert quintile_scores({50: 7, 10: 7, 30: 7, 20: 7, 40: 7}) == {
        10: 1, 20: 2, 30: 3, 40: 4, 50: 5}
    # The order the members come in changes nothing.
    a = quintile_scores({3: 5, 1: 5, 2: 1})
    b = quintile_scores({2: 1, 1: 5, 3: 5})
    assert a == b == {2: 2, 1: 4, 3: 5}


def test_lower_r_scores_higher() -> None:
    s = rfm_scores([Rfm(1, 100, 1, 100), Rfm(2, 0, 1, 100), Rfm(3, 50, 1, 100),
                    Rfm(4, 10, 1, 100), Rfm(5, 20, 1, 100)])
    assert [s[i].r for i in (1, 3, 5, 4, 2)] == [1, 2, 3, 4, 5]
    # All F and M tied: the scores follow the member id.
    assert [s[i].f for i in range(1, 6)] == [1, 2, 3, 4, 5]


def test_the_eight_segments_high_means_at_least_the_mean() -> None:
    means = ScoreMeans(Fraction(3), Fraction(3), Fraction(3))
    cases = {
        (3, 3, 3): Segment.IMPORTANT_VALUE,  # exactly the mean is high
        (5, 2, 4): Segment.IMPORTANT_DEVELOP,
        (2, 5, 5): Segment.IMPORTANT_KEEP,
        (1, 1, 3): Segment.IMPORTANT_RETAIN,
        (4, 4, 2): Segment.GENERAL_VALUE,
        (4, 1, 1): Segment.GENERAL_DEVELOP,
        (2, 4, 2): Segment.GENERAL_KEEP,
        (2, 2, 2): Segment.GENERAL_RETAIN,
    }
    for (r, f, m), want in cases.items():
        assert segment(Scores(r, f, m), means) is want, (r, f, m)
    assert len({s.label("zh_CN") for s in Segment}) == 8
    assert Segment.IMPORTANT_VALUE.label() == "重要价值"
    assert Segment.GENERAL_RETAIN.label("en") == "General to win back"
    # The mean is exact: 3.2 makes 3 low.
    assert segment(Scores(3, 3, 3), ScoreMeans(Fraction(16, 5), Fraction(3),
                                               Fraction(3))) is Segment.IMPORTANT_KEEP


def test_grades_at_their_boundaries() -> None:
    assert grade(Scores(1, 4, 4)) is Grade.A
    assert grade(Scores(1, 5, 3)) is Grade.B  # M 3: not A
    assert grade(Scores(1, 3, 3)) is Grade.B
    assert grade(Scores(5, 3, 5)) is Grade.B
    assert grade(Scores(5, 2, 3)) is Grade.C
    assert grade(Scores(5, 1, 5)) is Grade.C
    assert grade(Scores(5, 5, 2)) is Grade.D  # frequent but small
    assert grade(Scores(5, 3, 2)) is Grade.D
    assert grade(None) is Grade.D  # unscored


def test_lifecycle_boundaries() -> None:
    old = ago(400)
    assert lifecycle(old, 3, 30, D) is Lifecycle.ACTIVE
    assert lifecycle(old, 3, 31, D) is Lifecycle.LAPSED_RECENT
    assert lifecycle(old, 3, 60, D) is Lifecycle.LAPSED_RECENT
    assert lifecycle(old, 3, 61, D) is Lifecycle.LAPSED_MID
    assert lifecycle(old, 3, 90, D) is Lifecycle.LAPSED_MID
    assert lifecycle(old, 3, 91, D) is Lifecycle.DORMANT
    assert lifecycle(old, 0, None, D) is Lifecycle.DORMANT  # no sale at all
    # New: registered within 30 days, no more than one sale.
    assert lifecycle(ago(30), 1, 2, D) is Lifecycle.NEW
    assert lifecycle(ago(30), 0, None, D) is Lifecycle.NEW
    assert lifecycle(ago(31), 0, None, D) is Lifecycle.DORMANT
    assert lifecycle(ago(5), 2, 1, D) is Lifecycle.ACTIVE
    # The settings move the boundaries.
    cfg = AnalyticsSettings(active_days=7, lapsed_recent_days=14, lapsed_mid_days=21,
                            new_days=3)
    assert lifecycle(old, 3, 8, D, cfg) is Lifecycle.LAPSED_RECENT
    assert lifecycle(old, 3, 22, D, cfg) is Lifecycle.DORMANT
    assert lifecycle(ago(4), 1, 0, D, cfg) is Lifecycle.ACTIVE


def weekly(last: int, count: int, every: int = 7) -> list[date]:
    return [ago(last + every * i) for i in range(count)]


def test_churn_gap_rule_fires_past_k_times_the_usual_gap_and_says_why() -> None:
    visits = weekly(25, 10)  # every 7 days, the last 25 days ago: 25 > 2.5 x 7 = 17.5
    w = churn_warning(visits, D)
    assert w is not None and w.kind == "gap" and w.days_since == 25 and w.usual_gap == 7
    assert churn_reason_text(w) == "平时约 7 天来一次，已 25 天未来"
    assert churn_reason_text(w, "en") == "Usually every 7 days; not seen for 25 days"
    # Exactly k x gap is not past it: every 8 days, 20 days ago (2.5 x 8 = 20).
    assert churn_warning(weekly(20, 10, every=8), D) is None
    assert churn_warning(weekly(21, 10, every=8), D) is not None


def test_churn_gap_rule_never_fires_within_14_days() -> None:
    # Every 2 days (2.5 x 2 = 5), away 14 days: max(5, 14) = 14 is not exceeded.
    assert churn_warning(weekly(14, 10, every=2), D) is None
    w = churn_warning(weekly(15, 10, every=2), D)
    assert w is not None and w.kind == "gap"


def test_churn_needs_three_visit_days_and_counts_days_not_sales() -> None:
    assert churn_warning([ago(100), ago(200)], D) is None
    assert churn_warning([ago(100), ago(100), ago(200)], D) is None  # two distinct days
    assert churn_warning([ago(100), ago(120), ago(140)], D) is not None
    # Days after D are not history yet.
    assert churn_warning([ago(10), ago(11), D + timedelta(days=5)], D) is None


def test_median_gap_of_an_even_number_of_gaps_is_the_middle_mean() -> None:
    assert median_gap([ago(0), ago(2), ago(6), ago(12), ago(20)]) == Fraction(5)  # 2,4,6,8
    assert median_gap([ago(0), ago(1), ago(4)]) == 2  # gaps 1, 3
    w = ChurnWarning("gap", 30, Fraction(5, 2))
    assert w.usual_gap_days == 3  # half rounds up


def test_churn_frequency_rule_falling_visits_below_half_the_monthly_average() -> None:
    # 12 visits in the 180 days before the last 30 (2 a month), then 0 in the last 30;
    # the gap rule is kept out of it by visiting every 15 days (2.5 x 15 > 31 days away).
    before = [ago(31 + 15 * i) for i in range(12)]  # 31 .. 196 days ago
    w = churn_warning(before, D)
    assert w is not None and w.kind == "frequency"
    assert (w.recent_visits, w.before_visits) == (0, 12)
    assert churn_reason_text(w) == "近 30 天来了 0 次，此前平均每月约 2 次"
    assert churn_reason_text(w, "en") == "0 visits in 30 days; before, about 2 a month"
    # Exactly half is not below half: 1 visit against 2 a month.
    assert churn_warning([*before, ago(1)], D) is None


def test_churn_frequency_rule_needs_six_visits_in_the_180_days() -> None:
    # 5 visit days in (D-210, D-30], none since: 5/6 a month, but too few to judge;
    # every 30 days keeps the gap rule quiet at 31 days away (2.5 x 30 = 75).
    five = [ago(31 + 30 * i) for i in range(5)]
    assert churn_warning(five, D) is None
    six = [ago(31 + 29 * i) for i in range(6)]
    w = churn_warning(six, D)
    assert w is not None and w.kind == "frequency"
    assert churn_reason_text(w) == "近 30 天来了 0 次，此前平均每月约 1 次"
    seven = [ago(31 + 25 * i) for i in range(7)]
    w = churn_warning(seven, D)
    assert w is not None and churn_reason_text(w, "en").endswith("about 1.2 a month")


def test_score_members_puts_it_together() -> None:
    facts = [
        MemberFacts(1, ago(400), Rfm(1, 2, 30, 900_000), tuple(weekly(2, 30))),
        MemberFacts(2, ago(400), Rfm(2, 100, 1, 500), (ago(100),)),
        MemberFacts(3, ago(400), Rfm(3, 40, 10, 90_000), tuple(weekly(40, 10))),
        MemberFacts(4, ago(400), None),
        MemberFacts(5, ago(3), None),
    ]
    got = {s.member_id: s for s in score_members(facts, D)}
    assert got[1].scores == Scores(5, 5, 5) and got[1].grade is Grade.A
    assert got[1].segment is Segment.IMPORTANT_VALUE and got[1].lifecycle is Lifecycle.ACTIVE
    assert got[1].churn is None
    assert got[2].scores == Scores(2, 2, 2) and got[2].segment is Segment.GENERAL_RETAIN
    assert got[2].grade is Grade.D and got[2].lifecycle is Lifecycle.DORMANT
    assert got[3].lifecycle is Lifecycle.LAPSED_RECENT
    assert got[3].churn is not None and got[3].churn.kind == "gap"
    assert got[4].scores is None and got[4].segment is None and got[4].grade is Grade.D
    assert got[4].lifecycle is Lifecycle.DORMANT
    assert got[5].lifecycle is Lifecycle.NEW
