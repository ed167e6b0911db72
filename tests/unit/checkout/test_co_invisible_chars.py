"""Invisible characters that make a receipt or a list lie (issue 17, "Also"): a
right-to-left override, zero-width spaces, bidi isolates, a byte-order mark... are
stripped from every person-typed field, by one function at the service's door."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import example, given, strategies as st
from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import CouponTemplate, Member
from memberdesk.models.enums import CouponKind, Role, TenderKind
from memberdesk.money import Money
from memberdesk.services.catalog import products as catalog
from memberdesk.services.coupons import core as coupons
from memberdesk.services.loyalty import enrol, tiers
from memberdesk.services.members import details as member_details, lookup, profiles as members
from memberdesk.services.shared import settings
from memberdesk.services.shared.requests import clean_text, strip_invisible
from memberdesk.services.shop.setup import init_shop, shop_info
from memberdesk.services.staff import accounts as staff
from memberdesk.services.stored_value.recharge import RechargeRuleDraft, create_recharge_rule
from tests.checkout_support.kit import World

RLO, ZWSP, BOM = "\u202e", "\u200b", "\ufeff"
HIDDEN = [RLO, ZWSP, BOM, "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
          "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u2060", "\u00ad", "\u061c",
          "\U000e0041"]


@pytest.mark.parametrize("ch", HIDDEN)
def test_each_invisible_character_goes(ch: str) -> None:
    assert strip_invisible(f"张{ch}三") == "张三"
    assert clean_text(f" 可乐{ch} 330ml ", 40) == "可乐 330ml"


def test_an_emoji_sequence_keeps_its_joiner() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert strip_invisible(f"王{family}") == f"王{family}"
    heart = "\u2764\ufe0f\u200d\U0001f525"  # ❤️‍🔥: a variation selector before the joiner
    assert strip_invisible(heart) == heart
    assert strip_invisible("\u200d王\u200d") == "王"


def test_control_characters_in_generic_text_go_too() -> None:
    assert clean_text("可乐\x1b@\x1dV\x00", 40) == "可乐@ V"  # no ESC/POS commands on a receipt


@example("0 \x1b")  # a control character after a space: the space went only on a second pass
@given(st.text(max_size=40))
def test_nothing_invisible_is_left_and_cleaning_twice_changes_nothing(text: str) -> None:
    out = strip_invisible(text)
    assert all(unicodedata.category(ch) != "Cf" or ch == "\u200d" for ch in out)
    assert strip_invisible(out) == out
    assert clean_text(clean_text(text, 40), 40) == clean_text(text, 40)


def test_member_fields_from_registration_and_the_f10_edit(db: Database, staff: dict[str, Any]) -> None:
    owner = staff["owner"]
    m = enrol.register_member(db, owner, phone="13800138000", name=f"张{RLO}三",
                                notes=f"备注{ZWSP}\n第二行{BOM}", tags=f"VIP{ZWSP},常客{RLO}",
                                address=f"北京{RLO}路")
    with db.reader() as uow:
        row = uow.session.scalar(select(Member).where(Member.member_no == m.member_no))
        assert row is not None
        assert (row.name, row.notes, row.tags, row.address) == ("张三", "备注\n第二行", "VIP,常客", "北京路")
    members.edit_member(db, owner, m.member_no, name=f"李{ZWSP}四", notes=f"{RLO}abc")
    detail = member_details.get_member(db, owner, m.member_no)
    assert detail.name == "李四"
    found = lookup.lookup(db, owner, f"李{ZWSP}四")  # a pasted query finds the member too
    assert found.member is not None or [h.member_no for h in found.members] == [m.member_no]


def test_staff_shop_catalog_coupon_rule_and_setting_names(world: World) -> None:
    w = world
    info = staff.create_staff(w.db, w.owner, username="clerk", display_name=f"小{RLO}王",
                              role=Role.CASHIER, password="clerk-pass-1")
    assert info.display_name == "小王"
    cat = catalog.create_category(w.db, w.owner, code="fruit", name=f"水{ZWSP}果")
    assert cat.name == "水果"
    p = catalog.create_product(w.db, w.owner, catalog.ProductDraft(
        code="APPLE", name=f"苹果{RLO}1kg", price=Money(1000), unit=f"斤{BOM}"))
    assert (p.name, p.unit) == ("苹果1kg", "斤")
    tid = coupons.create_coupon_template(w.db, w.owner, coupons.CouponTemplateDraft(
        code="C10", name=f"满减{RLO}券", kind=CouponKind.AMOUNT_OFF, value=Money(500)))
    with w.db.reader() as uow:
        t = uow.session.get(CouponTemplate, tid)
        assert t is not None and t.name == "满减券"
    rule = create_recharge_rule(w.db, w.owner, RechargeRuleDraft(f"充{ZWSP}100", Money(10000)))
    assert rule.name == "充100"
    after = settings.change_settings(w.db, w.owner, {"shop.receipt_footer": f"谢谢{RLO}惠顾"})
    assert after["shop.receipt_footer"] == "谢谢惠顾"
    sale = w.sell([("COLA", 1)], [(TenderKind.CASH, "5")])
    r = w.refund(sale.sale_no, reason=f"顾客{RLO}退货")
    assert r.receipt is not None


def test_the_shop_name_and_tier_reason(db: Database) -> None:
    owner = init_shop(db, shop_name=f"好邻居{RLO}便利店", owner_username="owner",
                      owner_display_name=f"王{ZWSP}老板", owner_password="owner-pass")
    assert shop_info(db).name == "好邻居便利店"
    m = enrol.register_member(db, owner, phone="13800138001", name="张三")
    with pytest.raises(Exception) as err:  # a reason of nothing but invisible characters is none
        tiers.set_member_tier(db, owner, m.member_no, "gold", reason=f"{RLO}{ZWSP}")
    assert getattr(err.value, "code", "") == "reason_required"
