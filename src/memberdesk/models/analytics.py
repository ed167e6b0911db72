"""Member analytics (issue 13): one row of scores per member, rewritten by the refresh
(``services/analytics/refresh.py``) so the counter reads one indexed row at lookup."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from memberdesk.money import Money

from .base import Base, utcnow


class MemberScore(Base):
    """A member's R, F, M, scores, segment, grade, lifecycle, churn warning and the
    BG/NBD figures, as of ``as_of`` (definitions: ``domain/analytics.py``).

    The churn reason is kept as its figures (``churn_kind``, days since the last visit,
    twice the median gap, visits in the last 30 days and in the 180 before) so it is
    said in the reader's language."""

    __tablename__ = "member_scores"
    __table_args__ = (
        # the 分析 page (0011_analysis): its counts read this index, never sort the
        # table; top members and the churn list walk M from the largest.
        Index("ix_member_scores_groups", "segment", "grade", "lifecycle", "m", "f",
              "churn_kind", "as_of"),
        Index("ix_member_scores_m", "m", "member_id"),
    )

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    as_of: Mapped[date]
    r_days: Mapped[int | None]
    f: Mapped[int] = mapped_column(default=0)
    m: Mapped[Money] = mapped_column(default=Money(0))
    r_score: Mapped[int | None]
    f_score: Mapped[int | None]
    m_score: Mapped[int | None]
    segment: Mapped[str | None] = mapped_column(String(20))
    grade: Mapped[str] = mapped_column(String(1))
    lifecycle: Mapped[str] = mapped_column(String(16))
    churn_kind: Mapped[str | None] = mapped_column(String(10))
    churn_days_since: Mapped[int | None]
    churn_gap_x2: Mapped[int | None]
    churn_recent: Mapped[int | None]
    churn_before: Mapped[int | None]
    p_alive: Mapped[float | None]  # a probability: a float is right here
    expected_30d: Mapped[float | None]
    refreshed_at: Mapped[datetime] = mapped_column(default=utcnow)


class AnalysisSnapshot(Base):
    """The 分析 figures as of ``as_of``, built by the analytics refresh right after it
    wrote ``member_scores`` (``services/analytics/snapshot.py``): the page and
    ``memberdesk report analysis`` read this one row instead of aggregating the members,
    the ledgers and the sale lines again. ``body`` is the report as JSON;
    ``generated_at`` is when it was built (UTC)."""

    __tablename__ = "analysis_snapshots"

    as_of: Mapped[date] = mapped_column(primary_key=True)
    generated_at: Mapped[datetime] = mapped_column(default=utcnow)
    body: Mapped[str] = mapped_column(Text)


class MemberRecommendation(Base):
    """A product the member buys regularly and was due for as of ``as_of``
    (``domain/recommend.py``), ranked from 1, written by the daily analytics job
    (``services/analytics/recommend_refresh.py``); the counter reads a member's rows by the
    primary key's prefix. ``gap_x2`` is twice the median gap (days); ``after_sale_id``
    the newest sale the refresh saw: a later sale of the product hides the row."""

    __tablename__ = "member_recommendations"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    rank: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    as_of: Mapped[date]
    days_bought: Mapped[int]
    gap_x2: Mapped[int]
    last_day: Mapped[date]
    after_sale_id: Mapped[int]


class ProductPair(Base):
    """Product ``other_id`` often bought with ``product_id`` (``domain/recommend.py``:
    by lift, support at least the minimum), ranked from 1, written by the daily
    analytics job; the counter reads the cart's products' rows."""

    __tablename__ = "product_pairs"

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    rank: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    other_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    as_of: Mapped[date]
    together: Mapped[int]
    lift_permille: Mapped[int]


class RecommendState(Base):
    """The one row (id 1) of the incremental recommendations refresh
    (``services/analytics/recommend_refresh.py``): the date and window the member rows
    are as of, the newest sale and refund id worked in."""

    __tablename__ = "recommend_state"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    as_of: Mapped[date | None]
    window_days: Mapped[int] = mapped_column(default=0)
    sale_mark: Mapped[int] = mapped_column(default=0)
    refund_mark: Mapped[int] = mapped_column(default=0)


class ProductPairCount(Base):
    """The baskets of the analytics window holding both products (``product_a <
    product_b``), or holding the product (``product_a = product_b``), kept up to date
    by the daily refresh (``services/analytics/recommend_pairs.py``)."""

    __tablename__ = "product_pair_counts"
    __table_args__ = ({"sqlite_with_rowid": False},)  # the key is the table: one b-tree

    product_a: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    product_b: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    together: Mapped[int]


class RecommendPairState(Base):
    """The one row (id 1) of the pair counts: the date and window they are as of
    (``as_of`` None: counted in full next time), the sale and refund watermarks, the
    ids below them not committed when counted (``missing``: JSON ``{"sales": [...],
    "refunds": [...]}``) and the window's baskets."""

    __tablename__ = "recommend_pair_state"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    as_of: Mapped[date | None]
    window_days: Mapped[int] = mapped_column(default=0)
    sale_mark: Mapped[int] = mapped_column(default=0)
    refund_mark: Mapped[int] = mapped_column(default=0)
    baskets: Mapped[int] = mapped_column(default=0)
    missing: Mapped[str | None] = mapped_column(Text)


class MemberRecommendNext(Base):
    """A member with a regular product: ``next_on`` is the first date the member's
    ``member_recommendations`` rows can change without a new sale or refund (a product
    becomes due, two due products change places, a day bought leaves the window;
    ``domain/recommend.next_change``). The daily refresh works out again the members
    whose date has come, and those with a sale or refund since the watermark."""

    __tablename__ = "member_recommend_next"
    __table_args__ = (Index("ix_member_recommend_next_next_on", "next_on"),)

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    next_on: Mapped[date]


class MemberAggregate(Base):
    """A member's purchase figures as the analytics refresh needs them, kept up to date
    from the sales and refunds folded in since the watermark in ``analytics_state``
    (``services/analytics/aggregates.py``): the window's net spend ``m``, the sales with
    a net spend > 0 ``f``, the last such sale's date ``last_day`` (all as of
    ``analytics_state.agg_as_of``) and every visit day of the history (``visit_days``,
    "YYYY-MM-DD,..." ascending, NULL with none). A member without a sale has no row."""

    __tablename__ = "member_aggregates"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    m: Mapped[int] = mapped_column(default=0)  # fen: read and written as the driver's
    f: Mapped[int] = mapped_column(default=0)
    last_day: Mapped[date | None]
    visit_days: Mapped[str | None] = mapped_column(Text)


class AnalyticsState(Base):
    """The one row (id 1) of the incremental analytics refresh: the date of the scores
    in ``member_scores`` (``scores_as_of``; a row's own ``as_of`` is when its figures
    last changed), the date and window the aggregates are as of, and the watermarks:
    the newest sale and refund id folded into ``member_aggregates``."""

    __tablename__ = "analytics_state"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    scores_as_of: Mapped[date | None]
    agg_as_of: Mapped[date | None]
    window_days: Mapped[int] = mapped_column(default=0)
    sale_mark: Mapped[int] = mapped_column(default=0)
    refund_mark: Mapped[int] = mapped_column(default=0)
    # the BG/NBD parameters (alpha in days) fitted as of model_on: the refreshes until
    # MODEL_DAYS later work out P(alive) and the expectation with them
    model_r: Mapped[float | None]
    model_alpha: Mapped[float | None]
    model_a: Mapped[float | None]
    model_b: Mapped[float | None]
    model_on: Mapped[date | None]


class AnalyticsGap(Base):
    """An id below a watermark that was not there when the mark moved past it (a
    transaction still open on PostgreSQL, or rolled back): looked for again by the next
    folds, dropped a few days after ``noted_on``."""

    __tablename__ = "analytics_gaps"

    kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # "sale" / "refund"
    row_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    noted_on: Mapped[date]


class LiabilityMonth(Base):
    """A closed month's sum of ledger entries (``kind`` "p" points, "s" stored value),
    by the shop's local month of ``created_at``: the 分析 figures' liabilities add the
    closed months kept here to the open month's entries (``services/analytics/months.py``)."""

    __tablename__ = "liability_months"

    kind: Mapped[str] = mapped_column(String(1), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    shift_minutes: Mapped[int]  # the shop's UTC offset the months were cut with
    amount: Mapped[int]
