"""Receipt text for 58 and 80 mm paper, and printing it (ESC/POS dummy and file
printers from python-escpos, and PDF read back with pdftotext)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from memberdesk.hardware.printer import PrinterTarget, print_pdf, print_text, receipt_bytes
from memberdesk.models.enums import TenderKind
from memberdesk.services.receipts.documents import load_receipt
from memberdesk.services.receipts.text import render_text, text_width
from tests.checkout_support.kit import World


def _sale_receipt(world: World):  # type: ignore[no-untyped-def]
    world.recharge("bob", "50")
    world.give_points("bob", 1000)
    return world.sell([("COLA", 2), ("CHIPS", 1), ("WASH", 1)],
                      [(TenderKind.POINTS, "5"), (TenderKind.STORED_VALUE, "20"),
                       (TenderKind.CASH, "20")], member="bob")


def test_layout_fits_58_and_80_mm_with_double_width_chinese(world: World) -> None:
    sale = _sale_receipt(world)
    for mm, cols in ((58, 32), (80, 48)):
        text = render_text(sale.receipt, mm)
        lines = text.splitlines()
        assert all(text_width(ln) <= cols for ln in lines), mm
        assert any(text_width(ln) == cols for ln in lines)  # right-aligned amounts reach the edge
        for must in ("测试便利店", "销售小票", sale.sale_no, "乐事薯片", "会员价", "金卡会员折扣",
                     "积分抵现", "储值", "现金", "找零", "本次积分", "储值余额", "积分余额",
                     "138****0002", "谢谢惠顾"):
            assert must in text, (mm, must)
    line = next(ln for ln in render_text(sale.receipt, 58).splitlines() if ln.startswith("应付"))
    assert line.endswith(sale.payable.yuan())
    en = render_text(sale.receipt, 80, lang="en")
    assert "SALES RECEIPT" in en and "Change" in en


def test_receipt_is_stored_and_reprinted_as_it_was(world: World) -> None:
    sale = _sale_receipt(world)
    world.sell([("BEER", 1)], [(TenderKind.CASH, "6")], member="bob")  # balances move on
    assert load_receipt(world.db, world.cashier, sale.sale_no) == sale.receipt
    r = world.refund(sale.sale_no, lines=((1, 1),))
    again = load_receipt(world.db, world.cashier, r.refund_no)
    assert again == r.receipt and "退款凭证" in render_text(again)
    rc = world.recharge("alice", "10")
    assert load_receipt(world.db, world.cashier, rc.recharge_no) == rc.receipt
    assert "充值凭证" in render_text(rc.receipt)


def test_escpos_dummy_and_file_printers_get_gb18030_in_chinese_mode(world: World, tmp_path: Path) -> None:
    text = render_text(_sale_receipt(world).receipt, 58)
    sent = print_text(text, PrinterTarget("dummy"))
    assert sent.startswith(b"\x1b\x40\x1c\x26")
    assert "测试便利店".encode("gb18030") in sent
    assert b"\x1dV" in sent  # the cut
    out = tmp_path / "lp0"
    print_text(text, PrinterTarget("file", device=str(out), open_drawer=True))
    data = out.read_bytes()
    assert data.startswith(receipt_bytes(text)) and b"\x1bp" in data  # drawer kick
    assert data[len(receipt_bytes(text)):].count(b"\x1dV") == 1


def test_pdf_receipt_reads_back(world: World, tmp_path: Path) -> None:
    sale = _sale_receipt(world)
    pdf = print_pdf(render_text(sale.receipt, 80), tmp_path / "r.pdf", paper_mm=80)
    got = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    for must in ("测试便利店", sale.sale_no, "找零", sale.payable.yuan()):
        assert must.replace(" ", "") in got.replace(" ", ""), must
