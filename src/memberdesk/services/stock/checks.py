"""What ``db check`` proves about stock, store by store: every product's cached
on-hand in a store equals the sum of its stock ledger there, every entry's
on-hand-after is the running sum of the product's entries in its store up to it,
and the two halves of a transfer between stores (调拨) add up to nothing.
(name, SQL, message) as in :data:`.integrity.CHECKS`. The running sum is a window
function: one pass, however many sales a product has. A shop of one store reads the
messages it read before stores (``_IN_STORE`` is empty there)."""

from __future__ import annotations

_IN_STORE = ("CASE WHEN (SELECT COUNT(*) FROM stores) > 1 THEN ' in store ' || s.code "
             "ELSE '' END")

STOCK_CHECKS: tuple[tuple[str, str, str], ...] = (
    (
        "stock",
        """
        SELECT p.code, p.name, """ + _IN_STORE + """, l.on_hand, COALESCE(SUM(e.delta), 0)
        FROM stock_levels l JOIN products p ON p.id = l.product_id
        JOIN stores s ON s.id = l.store_id
        LEFT JOIN stock_entries e ON e.product_id = l.product_id AND e.store_id = l.store_id
        GROUP BY l.product_id, l.store_id, p.id, s.id
        HAVING l.on_hand <> COALESCE(SUM(e.delta), 0)
        """,
        "product {0} ({1}){2}: {3} on hand but its stock ledger sums to {4}",
    ),
    (
        "stock_running",
        """
        SELECT p.code, r.id FROM (
            SELECT e.id, e.product_id, e.on_hand_after,
                   SUM(e.delta) OVER (PARTITION BY e.product_id, e.store_id ORDER BY e.id)
                       AS running
            FROM stock_entries e) r
        JOIN products p ON p.id = r.product_id
        WHERE r.on_hand_after <> r.running
        """,
        "product {0}: stock entry {1} has a wrong on-hand-after",
    ),
    (
        "stock_orphans",
        """
        SELECT p.code, """ + _IN_STORE + """, COUNT(e.id) FROM stock_entries e
        JOIN products p ON p.id = e.product_id JOIN stores s ON s.id = e.store_id
        LEFT JOIN stock_levels l ON l.product_id = e.product_id AND l.store_id = e.store_id
        WHERE l.product_id IS NULL GROUP BY p.id, s.id
        """,
        "product {0}: {2} stock entries{1} but no stock level",
    ),
    (
        "stock_transfers",
        """
        SELECT p.code, SUM(e.delta) FROM stock_entries e JOIN products p ON p.id = e.product_id
        WHERE e.kind IN ('transfer_out', 'transfer_in')
        GROUP BY p.id HAVING SUM(e.delta) <> 0
        """,
        "product {0}: its transfers between stores do not add up ({1} left over)",
    ),
)
