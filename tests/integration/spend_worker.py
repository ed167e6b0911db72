"""Run in a child process: spend from one member's stored value many times.

Deliberately written as "read the balance, decide, write" — the pattern that loses
updates unless every write transaction takes the write lock at BEGIN.
"""

from __future__ import annotations

import sys
from pathlib import Path

from memberdesk.db import Database
from memberdesk.models import Member, StoredValueEntry
from memberdesk.models.enums import StoredValueKind
from memberdesk.money import Money


def spend_many(db_path: str, member_id: int, times: int, amount_fen: int) -> tuple[int, int]:
    db = Database.of_file(Path(db_path))
    ok = refused = 0
    for _ in range(times):
        with db.uow() as uow:
            s = uow.session
            member = s.get(Member, member_id)
            assert member is not None
            balance = member.sv_principal
            if balance.fen < amount_fen:
                refused += 1
                continue
            new = balance - Money(amount_fen)
            member.sv_principal = new  # absolute write: only safe under BEGIN IMMEDIATE
            s.add(
                StoredValueEntry(
                    member_id=member_id,
                    kind=StoredValueKind.SPEND,
                    principal_delta=Money(-amount_fen),
                    bonus_delta=Money(0),
                    principal_after=new,
                    bonus_after=member.sv_bonus,
                )
            )
            uow.commit()
            ok += 1
    db.close()
    return ok, refused


if __name__ == "__main__":
    path, mid, n, amt = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    ok, refused = spend_many(path, mid, n, amt)
    print(f"{ok} {refused}")
