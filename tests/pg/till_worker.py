"""A till process for the kill -9 test (tests/pg/test_till_killed.py):

    python -m tests.pg.till_worker URL CASHIER_ID MEMBER_ID PREFIX

sells one cola paid from the member's stored value, over and over, each sale with the
client id PREFIX-N; prints "ready", then "? CID" before each checkout and "+ CID" after
its commit, until it is killed."""

from __future__ import annotations

import sys

from memberdesk.models.enums import Role, TenderKind
from memberdesk.money import Money
from memberdesk.services.checkout.cart import CartLine, CartRequest
from memberdesk.services.checkout.sale import CheckoutRequest, checkout
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.shared.context import Actor
from tests.checkout_support.worker import open_db

PRICE = Money(350)  # COLA, 3.50 yuan


def sale(client_id: str, member_id: int) -> CheckoutRequest:
    """The same request for the same client id, in the till and in the test's retry."""
    return CheckoutRequest(client_id, CartRequest((CartLine(product="COLA", qty=1),), member_id),
                           (TenderRequest(TenderKind.STORED_VALUE, PRICE),))


def cashier(staff_id: int) -> Actor:
    return Actor(staff_id, "cashier", "cashier", Role.CASHIER)


def main(url: str, cashier_id: int, member_id: int, prefix: str) -> None:
    db = open_db(url)
    actor = cashier(cashier_id)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        cid = f"{prefix}-{n}"
        print(f"? {cid}", flush=True)
        checkout(db, actor, sale(cid, member_id))
        print(f"+ {cid}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
