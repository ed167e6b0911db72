"""The receipt's header: the shop's name, address and phone, centred and cut to the
paper (58 mm: 32 columns, 80 mm: 48), on every kind of receipt and on a reprint."""

from __future__ import annotations

from memberdesk.models.enums import TenderKind
from memberdesk.services.receipts.data import ReceiptData
from memberdesk.services.receipts.documents import load_receipt
from memberdesk.services.receipts.text import COLUMNS, header_lines, render_text, text_width
from memberdesk.services.shop.details import change_shop_details
from memberdesk.services.shop.stores import add_store
from tests.checkout_support.kit import World

ADDRESS = "杭州市西湖区文三路 100 号"
LONG_ADDRESS = "浙江省杭州市西湖区文三路 100 号东方通信大厦一楼 108 室（地铁 2 号线古翠路站 B 口）"


def _head(text: str) -> list[str]:
    """The lines above the receipt's title (销售小票 …)."""
    lines = text.splitlines()
    return lines[:next(i for i, ln in enumerate(lines) if "凭证" in ln or "小票" in ln)]


def test_address_and_phone_print_centred_under_the_name_cut_to_the_paper() -> None:
    data = ReceiptData("sale", "好邻居便利店", "S1", "2026-01-01 10:00:00", "张收银",
                       shop_address=LONG_ADDRESS, shop_phone="0571-88886666")
    for mm in (58, 80):
        width = COLUMNS[mm]
        name, address, phone = header_lines(data, width)
        assert name.strip() == "好邻居便利店" and phone.strip() == "电话 0571-88886666"
        # long: cut at the edge (a double-width character may leave one column), one line
        assert width - 1 <= text_width(address) <= width
        assert LONG_ADDRESS.startswith(address)
        for line in (name, phone):  # centred: the left margin is half what is left
            text = line.lstrip()
            assert len(line) - len(text) == (width - text_width(text)) // 2 > 0
    assert header_lines(data, 48, "en")[2].strip() == "Tel. 0571-88886666"
    assert len(render_text(data, 58).splitlines()) > len(
        render_text(ReceiptData("sale", "好邻居便利店", "S1", "", ""), 58).splitlines())


def test_no_address_or_phone_no_lines() -> None:
    data = ReceiptData("sale", "好邻居便利店", "S1", "2026-01-01 10:00:00", "张收银")
    assert [ln.strip() for ln in header_lines(data, 32)] == ["好邻居便利店"]
    only_phone = ReceiptData("sale", "好邻居便利店", "S1", "", "", shop_phone="123")
    assert [ln.strip() for ln in header_lines(only_phone, 32)] == ["好邻居便利店", "电话 123"]


def test_sale_refund_recharge_and_reprints_carry_the_new_details(world: World) -> None:
    change_shop_details(world.db, world.owner, "好邻居便利店", ADDRESS, "0571-88886666")
    sale = world.sell([("COLA", 2)], [(TenderKind.CASH, "20")], member="bob")
    refund = world.refund(sale.sale_no, lines=((1, 1),))
    recharge = world.recharge("alice", "10")
    for receipt in (sale.receipt, refund.receipt, recharge.receipt):
        assert (receipt.shop_name, receipt.shop_address, receipt.shop_phone) == (
            "好邻居便利店", ADDRESS, "0571-88886666")
    for number in (sale.sale_no, refund.refund_no, recharge.recharge_no):
        again = load_receipt(world.db, world.cashier, number)  # the reprint
        for mm in (58, 80):
            head = [ln.strip() for ln in _head(render_text(again, mm))]
            assert head == ["好邻居便利店", ADDRESS, "电话 0571-88886666"], (number, mm)
            assert all(text_width(ln) <= COLUMNS[mm] for ln in render_text(again, mm).splitlines())
    change_shop_details(world.db, world.owner, "好邻居便利店", "", "")
    after = world.sell([("COLA", 1)], [(TenderKind.CASH, "10")])
    assert [ln.strip() for ln in _head(render_text(after.receipt, 58))] == ["好邻居便利店"]
    # a receipt keeps what it printed: the reprint of the first sale still has them
    assert load_receipt(world.db, world.cashier, sale.sale_no).shop_address == ADDRESS


def test_in_a_chain_the_receipt_names_the_tills_store(world: World) -> None:
    add_store(world.db, world.owner, "B2", "人民路店")
    change_shop_details(world.db, world.owner, "测试便利店 文三路店", ADDRESS, "")
    sale = world.sell([("COLA", 1)], [(TenderKind.CASH, "10")])
    assert [ln.strip() for ln in _head(render_text(sale.receipt, 80))] == [
        "测试便利店 文三路店", ADDRESS]
