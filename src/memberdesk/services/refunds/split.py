"""How a sale refund's money goes back: the one rule :func:`.sales.refund_sale` applies
and :func:`.preview.preview_sale_refund` shows before the cashier confirms.

Each line refunded is worth its share of the line's net amount (cumulative, so a line
refunded in parts returns exactly what it took, to the fen); the refund's value goes
back through the sale's tenders in proportion to what each has not returned yet
(:func:`memberdesk.money.allocate`); the points tender gives back its share of the
points it used. Plain values, no session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from memberdesk.models.enums import TenderKind
from memberdesk.money import Money, allocate


@dataclass(frozen=True)
class LineTaken:
    """One line refunded now: ``qty`` of it, after ``done`` units refunded before."""

    net: int  # the line's net amount (fen)
    qty: int  # the line's quantity sold
    done: int
    more: int
    points_earned: int = 0  # what the line earned when sold


@dataclass(frozen=True)
class TenderLeft:
    """A tender of the sale and what it has not given back yet."""

    kind: TenderKind
    amount: int  # fen not refunded yet
    points: int = 0  # POINTS: points not given back yet


@dataclass(frozen=True)
class RefundSplit:
    value: int  # what the lines refunded are worth (fen)
    earned_back: int  # the points those lines earned, to take back
    parts: tuple[tuple[TenderKind, int], ...]  # per tender, in the sale's order
    points_returned: int  # points given back through the points tender

    def by_kind(self) -> dict[TenderKind, int]:
        return dict(self.parts)


def cumulative(total: int, done: int, more: int, of: int) -> int:
    """The share of ``total`` for ``more`` of ``of`` units after ``done`` were taken."""
    return total * (done + more) // of - total * done // of


def line_amount(line: LineTaken) -> int:
    return cumulative(line.net, line.done, line.more, line.qty)


def split_refund(lines: Sequence[LineTaken], tenders: Sequence[TenderLeft]) -> RefundSplit:
    """What ``lines`` are worth and how it goes back through ``tenders``."""
    value = sum(line_amount(ln) for ln in lines)
    earned_back = sum(cumulative(ln.points_earned, ln.done, ln.more, ln.qty) for ln in lines)
    parts: tuple[tuple[TenderKind, int], ...] = ()
    if value and tenders:
        shares = allocate(Money(value), [t.amount for t in tenders])
        parts = tuple((t.kind, sh.fen) for t, sh in zip(tenders, shares, strict=True))
    points_returned = 0
    back = dict(parts)
    for t in tenders:
        v = back.get(t.kind, 0)
        if t.kind is TenderKind.POINTS and v:
            points_returned = t.points if v == t.amount else t.points * v // t.amount
    return RefundSplit(value, earned_back, parts, points_returned)


# Where a deduction for already-spent earned points comes from, first to last.
DEDUCT_ORDER = (TenderKind.CASH, TenderKind.WECHAT, TenderKind.ALIPAY, TenderKind.BANK_CARD,
                TenderKind.OTHER, TenderKind.COUPON, TenderKind.STORED_VALUE)


def deduct_spent(parts: dict[TenderKind, int], amount: int) -> int:
    """Take ``amount`` (the value of earned points already spent) off the money parts
    in :data:`DEDUCT_ORDER`; returns what was taken (``parts`` changes in place)."""
    taken = 0
    for kind in DEDUCT_ORDER:
        if taken == amount:
            break
        cut = min(parts.get(kind, 0), amount - taken)
        if cut:
            parts[kind] -= cut
            taken += cut
    return taken
