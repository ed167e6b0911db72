"""What else a restore takes back (issue 11): members registered and edited, products
added and changed, stock received or counted and settings changed since the backup
are counted exactly — by member number, product code, setting key and a movement's
product, kind, quantity and moment, not by ids — and a sale's own effects (balances,
stock) are not counted twice."""

from __future__ import annotations

import dataclasses

import pytest

from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.backup.create import create_backup
from memberdesk.services.backup.loss import restore_loss
from memberdesk.services.backup.loss_records import RecordLoss
from memberdesk.services.backup.restore import restore_backup
from memberdesk.services.catalog import products as catalog
from memberdesk.services.catalog.admin import edit_product
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.members.profiles import edit_member
from memberdesk.services.shared.settings import change_settings
from memberdesk.services.stock.ledger import count_stock, receive_stock
from tests.checkout_support.kit import World, build_world, yuan


@pytest.fixture
def world(db, staff) -> World:  # type: ignore[no-untyped-def]
    return build_world(db, staff)


def test_members_products_stock_and_settings_since_the_backup_are_counted(world: World) -> None:
    w = world
    receive_stock(w.db, w.owner, "COLA", 24)  # in the backup: not lost
    before = create_backup(w.db, w.owner)
    # a sale changes alice's balances and COLA's stock: the sale's loss, not an edit
    w.sell([("COLA", 2)], [(TenderKind.CASH, "7.00")], member="alice")

    register_member(w.db, w.owner, phone="13600000006", name="吴十")
    register_member(w.db, w.owner, phone="13600000007", name="郑十一")
    edit_member(w.db, w.owner, "M000002", phone="13900000002")  # bob's new phone
    edit_member(w.db, w.owner, "M000003", name="王五五")  # carol's name
    catalog.create_product(w.db, w.owner, catalog.ProductDraft(
        code="TEA", name="绿茶 500ml", price=yuan("4.00")))
    edit_product(w.db, w.owner, "CHIPS", price=Money(900))
    receive_stock(w.db, w.owner, "BEER", 12)
    count_stock(w.db, w.owner, "COLA", 20, "破损")
    change_settings(w.db, w.owner, {"backup.keep_daily": 9, "backup.keep_weekly": 5})

    loss = restore_loss(w.db, w.owner, before.path)
    assert loss.records == RecordLoss(members_new=2, members_changed=2, products_new=1,
                                      products_changed=1, stock_moves=2, settings_changed=2)
    assert loss.sales == 1 and not loss.nothing_lost

    after = create_backup(w.db, w.owner)
    again = restore_loss(w.db, w.owner, after.path)
    assert again.records == RecordLoss() and again.nothing_lost


def test_a_setting_set_back_since_the_backup_counts_too(world: World) -> None:
    w = world
    change_settings(w.db, w.owner, {"backup.keep_daily": 9})
    before = create_backup(w.db, w.owner)
    change_settings(w.db, w.owner, {"backup.keep_daily": 7})
    assert restore_loss(w.db, w.owner, before.path).records.settings_changed == 1


def test_another_line_of_history_is_compared_by_number_and_code(world: World) -> None:
    """After a restore of an older backup the ids of new rows repeat the newer backup's
    ids for other rows: the member number and the product code still tell them apart."""
    w = world
    older = create_backup(w.db, w.owner)
    register_member(w.db, w.owner, phone="13600000006", name="吴十")
    newer = create_backup(w.db, w.owner)
    result = restore_backup(w.db, w.owner, older.path)
    try:
        again = dataclasses.replace(w, db=result.database)
        register_member(again.db, w.owner, phone="13600000008", name="冯十二")
        loss = restore_loss(result.database, w.owner, newer.path)
        assert (loss.records.members_new, loss.records.members_changed) == (1, 0)
        assert loss.records.settings_changed == 0
    finally:
        result.database.close()
