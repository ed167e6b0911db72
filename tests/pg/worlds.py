"""A test shop on a database of the cluster: owner, manager, cashier, the checkout kit's
products and members (tests/checkout_support/kit.py)."""

from __future__ import annotations

from memberdesk.db import Database
from memberdesk.models.enums import Role
from memberdesk.services.shop.setup import init_shop
from memberdesk.services.staff import accounts as staff_svc
from tests.checkout_support.kit import World, build_world


def staffed_world(db: Database) -> World:
    owner = init_shop(db, shop_name="网络店", owner_username="owner",
                      owner_display_name="王老板", owner_password="owner-pass")
    for name, role in (("manager", Role.MANAGER), ("cashier", Role.CASHIER)):
        staff_svc.create_staff(db, owner, username=name, display_name=name, role=role,
                               password=f"{name}-pass")
    return build_world(db, {
        "owner": owner,
        "manager": staff_svc.login(db, "manager", "manager-pass"),
        "cashier": staff_svc.login(db, "cashier", "cashier-pass"),
    })
