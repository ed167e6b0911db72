"""English receipts say every fixed label in English (58 and 80 mm); only what the shop
typed (shop, product, tier, member and cashier names) stays as it was; the footer
follows the receipt's language (the shop's English footer setting).
A plain amount is called 直接收款 / Plain amount everywhere the services name it."""

from __future__ import annotations

import re

from memberdesk.domain.line_names import line_name
from memberdesk.models.enums import TenderKind
from memberdesk.services.checkout.cart import CartLine
from memberdesk.services.checkout.history import sale_for_refund
from memberdesk.services.receipts.data import ReceiptAmount, ReceiptData, ReceiptLine
from memberdesk.services.receipts.documents import load_receipt
from memberdesk.services.receipts.text import render_text, text_width
from memberdesk.services.shared import settings
from memberdesk.services.stored_value.recharge import (
    RechargeRefundRequest,
    RechargeRuleDraft,
    create_recharge_rule,
    refund_recharge,
)
from tests.checkout_support.kit import World, cid, yuan

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _chinese_left(text: str, *typed: str) -> list[str]:
    """Lines that still hold Chinese once the names the shop typed are taken out."""
    out = []
    for line in text.splitlines():
        for name in typed:
            line = line.replace(name, "")
        if CJK.search(line):
            out.append(line)
    return out


def _typed(world: World) -> tuple[str, ...]:
    bob = world.member("bob")
    return ("测试便利店", "可口可乐", "乐事薯片", "原味", "精洗一次", "金卡会员",
            "张收银", "李店长", bob.name, "顾客退货")


def _sale(world: World):  # type: ignore[no-untyped-def]
    create_recharge_rule(world.db, world.owner, RechargeRuleDraft("充50送10", yuan("50"), yuan("10")))
    world.recharge("bob", "50")  # principal 50 + bonus 10: a stored-value spend shows both
    world.give_points("bob", 1000)
    lines = [CartLine(product="COLA", qty=2), CartLine(product="CHIPS", qty=1),
             CartLine(product="WASH", qty=1), CartLine(amount=yuan("12.50"))]
    return world.sell(lines, [(TenderKind.POINTS, "5"), (TenderKind.STORED_VALUE, "40"),
                              (TenderKind.CASH, "20")], member="bob")


def test_english_receipts_have_no_chinese_labels(world: World) -> None:
    sale = _sale(world)
    receipt = sale.receipt
    # The stored receipt keeps the shop's (Chinese) wording: it is translated when printed.
    assert any(t.label == "储值" and t.note.startswith("本金 ") for t in receipt.tenders)
    assert any(d.label == "会员价" for d in receipt.discounts)
    refund = world.refund(sale.sale_no, reason="顾客退货")
    texts = {"sale": receipt, "refund": refund.receipt}
    for kind, data in texts.items():
        for mm, cols in ((58, 32), (80, 48)):
            text = render_text(data, mm, lang="en")
            assert all(text_width(ln) <= cols for ln in text.splitlines()), (kind, mm)
            assert _chinese_left(text, *_typed(world)) == [], (kind, mm, text)
            assert "精洗一次" in text  # product names stay
            assert "Plain amount" in text
    en = render_text(receipt, 80, lang="en")
    for must in ("SALES RECEIPT", "Member price", "金卡会员 discount", "Stored value",
                 "Points", "Cash", "principal ", "+ bonus ", "points used", "Change"):
        assert must in en, must
    principal_line = next(ln for ln in en.splitlines() if "principal" in ln)
    assert re.search(r"principal \d+\.\d\d \+ bonus \d+\.\d\d$", principal_line)
    refund_en = render_text(refund.receipt, 58, lang="en")
    assert f"Sale no. {sale.sale_no}" in refund_en and "Reason: 顾客退货" in refund_en
    # Chinese receipts are as they were.
    zh = render_text(receipt, 58)
    for must in ("会员价", "储值", "本金 ", "直接收款"):
        assert must in zh, must


def test_english_recharge_refund(world: World) -> None:
    create_recharge_rule(world.db, world.owner, RechargeRuleDraft(
        "充100送20", yuan("100"), yuan("20"), bonus_points=50))
    rc = world.recharge("alice", "100")
    back = refund_recharge(world.db, world.manager, RechargeRefundRequest(
        cid(), rc.recharge_no, "办错了"))
    for data in (rc.receipt, back.receipt):
        for mm in (58, 80):
            text = render_text(data, mm, lang="en")
            left = _chinese_left(text, *_typed(world), world.member("alice").name, "充100送20",
                                 "办错了")
            assert left == [], text
    text = render_text(back.receipt, 80, lang="en")
    assert "Bonus forfeited" in text and f"Recharge no. {rc.recharge_no}" in text
    assert "Offer: 充100送20" in render_text(rc.receipt, 80, lang="en")


def test_a_plain_amount_is_called_直接收款(world: World) -> None:
    sale = world.sell([CartLine(amount=yuan("25.50"))], [(TenderKind.CASH, "25.50")])
    assert [ln.description for ln in sale.receipt.lines] == ["直接收款"]
    assert load_receipt(world.db, world.cashier, sale.sale_no).lines[0].description == "直接收款"
    assert [ln.description for ln in sale_for_refund(world.db, world.cashier, sale.sale_no).lines] \
        == ["直接收款"]
    assert "直接收款" in render_text(sale.receipt, 58)
    assert "Plain amount" in render_text(sale.receipt, 58, lang="en")


def test_a_receipt_stored_with_the_old_name_prints_plain_amount_in_english() -> None:
    data = ReceiptData("sale", "店", "S1", "2026-11-24 16:11:00", "收银",
                       lines=(ReceiptLine("金额", 1, yuan("3"), yuan("3"), yuan("0"), yuan("3")),),
                       total=yuan("3"), tenders=(ReceiptAmount("现金", yuan("3")),))
    en = render_text(data, 58, lang="en")
    assert "Plain amount" in en and "Cash" in en and "金额" not in en


def test_lines_stored_under_the_old_name_are_shown_as_直接收款() -> None:
    assert line_name(None, "金额") == "直接收款"
    assert line_name(7, "金额") == "金额"  # a product that happens to be called so
    assert line_name(None, "洗车押金") == "洗车押金"


def test_recharge_and_refund_slips_have_the_same_figures_in_both_languages(world: World) -> None:
    """Issue 9: a recharge slip and a refund slip in zh_CN and English: labels in the
    language, every figure (amounts, balances, numbers, times) the same."""
    figures = re.compile(r"\d[\d,.:\-]*")
    rc = world.recharge("alice", "100")
    sale = world.sell([("CHIPS", 2)], [(TenderKind.CASH, "17.60")], member="alice")
    back = world.refund(sale.sale_no, reason="顾客退货")
    for data, zh_title, en_title in ((rc.receipt, "充值凭证", "RECHARGE RECEIPT"),
                                     (back.receipt, "退款凭证", "REFUND RECEIPT")):
        for mm in (58, 80):
            zh, en = render_text(data, mm), render_text(data, mm, lang="en")
            assert zh_title in zh and en_title in en and zh_title not in en
            assert figures.findall(zh) == figures.findall(en), (zh, en)
            assert _chinese_left(en, *_typed(world), world.member("alice").name) == []
    assert "100.00" in render_text(rc.receipt, 58, lang="en")
    assert "17.60" in render_text(back.receipt, 58, lang="en")


def test_the_member_label_is_never_cut_on_58_mm() -> None:
    """A member number, a three-character name and a masked phone leave "Member" five
    columns at 58 mm: it printed "Membe". The value goes to the next line instead."""
    data = ReceiptData("sale", "店", "S1", "2026-11-24 16:11:00", "收银",
                       member_no="M000021", member_name="孙丽泽", member_phone="136****0577",
                       lines=(ReceiptLine("金额", 1, yuan("3"), yuan("3"), yuan("0"), yuan("3")),),
                       total=yuan("3"), tenders=(ReceiptAmount("现金", yuan("3")),))
    for lang, label in (("en", "Member"), ("zh_CN", "会员")):
        for paper in (58, 80):
            lines = render_text(data, paper, lang=lang).splitlines()
            [at] = [i for i, line in enumerate(lines) if "M000021" in line]
            assert lines[at].startswith(label) or lines[at - 1] == label, (lang, paper)
            assert lines[at].rstrip().endswith("136****0577")
            assert all(text_width(line) <= (32 if paper == 58 else 48) for line in lines)
    assert any(line.startswith("Member ") and "M000021" in line
               for line in render_text(data, 80, lang="en").splitlines())  # room: one line


def test_the_footer_follows_the_receipts_language(world: World) -> None:
    receipt = world.sell([CartLine(product="COLA", qty=1)], [(TenderKind.CASH, "10")]).receipt
    for mm in (58, 80):
        english, chinese = render_text(receipt, mm, "en"), render_text(receipt, mm, "zh_CN")
        assert "Thank you, please come again!" in english
        assert "谢谢惠顾" not in english
        assert "谢谢惠顾，欢迎再来！" in chinese
        assert "Thank you" not in chinese
    settings.change_settings(world.db, world.owner, {"shop.receipt_footer": "多谢光临",
                                                     "shop.receipt_footer_en": "Thanks, see you!"})
    receipt = world.sell([CartLine(product="COLA", qty=1)], [(TenderKind.CASH, "10")]).receipt
    assert "Thanks, see you!" in render_text(receipt, 58, "en")
    assert "多谢光临" in render_text(receipt, 58, "zh_CN")
    assert "多谢光临" not in render_text(receipt, 58, "en")


def test_a_receipt_stored_before_the_english_footer_prints_the_default_in_english() -> None:
    old = ReceiptData(kind="sale", shop_name="测试便利店", shop_address="", shop_phone="",
                      number="S1", issued_at="", cashier="", member_no="", member_name="",
                      member_phone="", footer="谢谢惠顾，欢迎再来！")
    assert "Thank you, please come again!" in render_text(old, 58, "en")
    assert "谢谢惠顾" not in render_text(old, 58, "en")
