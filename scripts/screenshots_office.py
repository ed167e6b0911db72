"""Screenshots of the back-office pages not photographed in ``screenshots_tasks.py``:
报表 (each report shown), 备份与恢复, 计次卡 (a template picked) and 商品 (the
first product's form open under the list)."""

from __future__ import annotations

from typing import Any

REPORTS = ("sales", "liability", "points", "coupons", "count_cards", "statement")


def shoot_office_pages(cam: Any, office: Any, member_no: str | None) -> None:
    if "reports" in office.pages:
        page = office.show_page("reports")
        cam.idle()
        for key in REPORTS:
            page.select(key)
            cam.settle()
            if key == "statement":
                if not member_no:
                    continue
                page.member_no.setText(member_no)
            page.show_report()
            cam.idle()
            cam.idle()
            cam.grab(office, f"backoffice_reports_{key}")
    if "backup" in office.pages:
        office.show_page("backup")
        cam.idle()
        cam.grab(office, "backoffice_backup")
    if "count_cards" in office.pages:
        page = office.show_page("count_cards")
        cam.idle()
        if page.table.rowCount():
            page.table.selectRow(0)
            cam.idle()
        cam.grab(office, "backoffice_count_cards")


def shoot_products(cam: Any, office: Any) -> None:
    """商品 with the picked product's form open (F2): the list and the form both."""
    if "products" not in office.pages:
        return
    page = office.show_page("products")
    cam.idle()
    page.set_form_open(True)
    cam.idle()
    cam.grab(office, "backoffice_products")
    page.set_form_open(False)  # as the owner finds it next time
