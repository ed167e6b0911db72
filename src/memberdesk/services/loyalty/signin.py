"""Sign-in (签到) at the counter: once per member per shop business day, points from
``signin.points`` and, on every ``signin.streak_days``-th consecutive day, the bonus
``signin.streak_bonus`` (rules in :mod:`memberdesk.domain.signin`).

One transaction: the ``sign_ins`` row (unique per member and business date: a second
sign-in the same day is refused, also when two tills race), a BONUS entry in the
points ledger noted ``签到`` (a lot expiring by the shop's points expiry policy, like
any points given) and the audit row. The business date is the shop's
(:func:`.clock.business_date`): a sign-in at 00:30 belongs to the day the shop's
day-start setting says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.signin import signin_points, streak_after
from memberdesk.models import SignIn
from memberdesk.models.enums import PointsKind
from memberdesk.services.members.rows import active_member
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.ledger import Refs, credit_points
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.tables import connection, table

NOTE = "签到"
_SIGN_INS = table(SignIn)
_LAST = (select(_SIGN_INS.c.business_date, _SIGN_INS.c.streak)
         .where(_SIGN_INS.c.member_id == bindparam("member_id"))
         .order_by(_SIGN_INS.c.business_date.desc()).limit(1))


@dataclass(frozen=True)
class SignInResult:
    member_no: str
    business_date: date
    streak: int  # consecutive business days, today included
    points: int
    bonus: int  # the streak bonus (0 on other days)
    points_balance: int


def signed_in_on(s: Session, member_id: int, day: date) -> bool:
    """Whether the member has signed in on business date ``day`` (the member card)."""
    last = connection(s).execute(_LAST, {"member_id": member_id}).first()
    return last is not None and last.business_date == day


def sign_in(db: Database, actor: Actor, member_id: int) -> SignInResult:
    """The member on screen signs in for today's business date."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        member = active_member(s, member_id)
        policy = Policy.load(s)
        base = policy.int("signin.points")
        if base <= 0:
            raise ValidationError("signin_off")
        at = clock.now()
        today = policy.business_date(at)
        last = connection(s).execute(_LAST, {"member_id": member.id}).first()
        if last is not None and last.business_date >= today:
            raise ValidationError("signin_twice", member_no=member.member_no)
        streak = streak_after(None if last is None else last.business_date,
                              0 if last is None else int(last.streak), today)
        points, bonus = signin_points(base, streak, policy.int("signin.streak_days"),
                                      policy.int("signin.streak_bonus"))
        entry = credit_points(s, member.id, PointsKind.BONUS, points + bonus,
                              policy.points_expire_on(today),
                              Refs(staff_id=actor.staff_id, note=f"{NOTE} {today.isoformat()}"))
        s.add(SignIn(member_id=member.id, business_date=today, streak=streak, points=points,
                     bonus=bonus, points_entry_id=entry.id, staff_id=actor.staff_id,
                     created_at=at))
        try:
            s.flush()
        except IntegrityError as exc:  # pragma: no cover - BEGIN IMMEDIATE serialises tills
            raise ValidationError("signin_twice", member_no=member.member_no) from exc
        audit.record(s, action="signin", staff_id=actor.staff_id, entity="member",
                     entity_id=member.member_no,
                     detail={"date": today.isoformat(), "streak": streak, "points": points,
                             "bonus": bonus})
        result = SignInResult(member.member_no, today, streak, points, bonus,
                              entry.balance_after)
        uow.commit()
    return result
