"""Settings → Shop: the shop's name, address and phone on its receipts (issue 11)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from memberdesk.models import AuditEntry, Shop, Store
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from memberdesk.services.shop.details import change_shop_details, shop_details
from memberdesk.services.shop.setup import shop_info
from memberdesk.services.shop.stores import add_store


def _audits(db) -> list[tuple[int | None, str, str]]:  # type: ignore[no-untyped-def]
    """(staff, entity, detail) of each audit row of the change."""
    with db.reader() as uow:
        return [tuple(r) for r in uow.session.execute(
            select(AuditEntry.staff_id, AuditEntry.entity, AuditEntry.detail)
            .where(AuditEntry.action == "shop.details").order_by(AuditEntry.id))]


def test_the_owner_changes_name_address_and_phone_audited_old_and_new(db, staff) -> None:  # type: ignore[no-untyped-def]
    owner = staff["owner"]
    before = shop_details(db, owner)
    assert (before.name, before.address, before.phone, before.may_change) == (
        "测试便利店", "", "", True)
    after = change_shop_details(db, owner, "  好邻居便利店 ", "杭州市西湖区文三路 100 号",
                                "0571-88886666")
    assert (after.name, after.address, after.phone) == (
        "好邻居便利店", "杭州市西湖区文三路 100 号", "0571-88886666")
    assert shop_details(db, staff["cashier"]) == after.__class__(
        after.code, after.name, after.address, after.phone, False)
    assert shop_info(db).name == "好邻居便利店"  # one store: the login screen's name too
    with db.reader() as uow:
        store = uow.session.scalars(select(Store)).one()
        assert (store.name, store.address, store.phone) == (
            "好邻居便利店", "杭州市西湖区文三路 100 号", "0571-88886666")
    ((staff_id, entity, detail),) = _audits(db)
    assert staff_id == owner.staff_id and entity == "store"
    assert json.loads(detail) == {
        "before": {"name": "测试便利店", "address": "", "phone": ""},
        "after": {"name": "好邻居便利店", "address": "杭州市西湖区文三路 100 号",
                  "phone": "0571-88886666"}}

    change_shop_details(db, owner, "好邻居便利店", "", "0571-88886666")  # only the address
    assert json.loads(_audits(db)[-1][2]) == {
        "before": {"address": "杭州市西湖区文三路 100 号"}, "after": {"address": ""}}
    change_shop_details(db, owner, "好邻居便利店", "", "0571-88886666")  # nothing changed
    assert len(_audits(db)) == 2


@pytest.mark.parametrize("who", ["manager", "cashier"])
def test_only_who_may_change_settings_changes_them(db, staff, who: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        change_shop_details(db, staff[who], "别人的店", "", "")
    assert shop_details(db, staff["owner"]).name == "测试便利店"
    assert _audits(db) == []


@pytest.mark.parametrize(("name", "address", "phone", "code", "field", "zh", "en"), [
    ("  ", "", "", "required_field", "name", "请填写店名", "shop name is required"),
    ("店" * 41, "", "", "field_too_long", "name", "店名太长（最多 40 个字）",
     "shop name is too long (at most 40 characters)"),
    ("好邻居", "路" * 101, "", "field_too_long", "address", "地址太长（最多 100 个字）",
     "address is too long (at most 100 characters)"),
    ("好邻居", "", "1" * 21, "field_too_long", "phone", "电话太长（最多 20 个字）",
     "phone is too long (at most 20 characters)"),
])
def test_an_empty_name_or_a_value_too_long_is_refused_in_the_users_language(
        db, staff, name: str, address: str, phone: str, code: str, field: str,  # type: ignore[no-untyped-def]
        zh: str, en: str) -> None:
    with pytest.raises(ValidationError) as info:
        change_shop_details(db, staff["owner"], name, address, phone)
    assert info.value.code == code and info.value.params["key"] == field
    assert info.value.message("zh_CN") == zh
    assert info.value.message("en") == en
    assert shop_details(db, staff["owner"]).name == "测试便利店"
    assert _audits(db) == []


def test_in_a_chain_the_tills_store_is_changed_not_the_chains_name(db, staff) -> None:  # type: ignore[no-untyped-def]
    owner = staff["owner"]
    add_store(db, owner, "B2", "人民路店", "人民路 8 号", "0571-1")
    after = change_shop_details(db, owner, "好邻居 文三路店", "文三路 100 号", "0571-2")
    assert after.code == "MAIN" and after.name == "好邻居 文三路店"
    with db.reader() as uow:
        s = uow.session
        assert s.get_one(Shop, 1).name == "测试便利店"
        other = s.scalars(select(Store).where(Store.code == "B2")).one()
        assert (other.name, other.address, other.phone) == ("人民路店", "人民路 8 号", "0571-1")
