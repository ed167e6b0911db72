"""The columns the report data generator (``report_data``) fills, by table."""

COLUMNS = {
    "sales": "id, sale_no, client_id, payload_hash, member_id, staff_id, shift_id, tier_id, "
             "status, business_date, gross, discount_total, payable, change_given, "
             "points_earned, points_redeemed, receipt_json, created_at, store_id",
    "sale_lines": "id, sale_id, line_no, product_id, description, qty, unit_price, gross, "
                  "discount, net_amount, points_earned, refunded_qty",
    "sale_discounts": "id, sale_id, kind, amount, coupon_id, description",
    "tenders": "id, sale_id, kind, amount, received, reference, sv_principal, sv_bonus, "
               "points_used, coupon_id",
    "stored_value_entries": "id, member_id, kind, principal_delta, bonus_delta, "
                            "principal_after, bonus_after, sale_id, recharge_id, refund_id, "
                            "staff_id, note, created_at",
    "points_entries": "id, member_id, kind, delta, balance_after, sale_id, recharge_id, "
                      "refund_id, staff_id, note, created_at",
    "points_lots": "id, member_id, entry_id, points, remaining, expires_on",
    "recharges": "id, recharge_no, client_id, payload_hash, member_id, staff_id, shift_id, "
                 "amount, bonus, bonus_points, tender_kind, reference, rule_id, status, "
                 "business_date, receipt_json, created_at",
    "refunds": "id, refund_no, client_id, kind, sale_id, recharge_id, member_id, staff_id, "
               "approver_id, shift_id, reason, amount, business_date, created_at",
    "refund_lines": "refund_id, sale_line_id, qty, amount",
    "refund_tenders": "id, refund_id, kind, amount, sv_principal, sv_bonus, points_returned, "
                      "reference",
    "shifts": "id, shift_no, staff_id, status, opening_float, blind, opened_at, closed_at, "
              "closed_by_id, verified_by_id, note, store_id",
    "shift_counts": "id, shift_id, tender_kind, expected, counted, variance",
    "day_closes": "id, close_no, business_date, staff_id, closed_at, last_sale_id, "
                  "last_refund_id, last_recharge_id, report_json, report_hash, store_id",
}
