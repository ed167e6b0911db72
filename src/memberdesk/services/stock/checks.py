"""What ``db check`` proves about stock: every product's cached on-hand equals the sum
of its stock ledger, and every entry's on-hand-after is the running sum of the
product's entries up to it. (name, SQL, message) as in :data:`.integrity.CHECKS`.
The running sum is a window function: one pass, however many sales a product has."""

from __future__ import annotations

STOCK_CHECKS: tuple[tuple[str, str, str], ...] = (
    (
        "stock",
        """
        SELECT p.code, p.name, l.on_hand, COALESCE(SUM(e.delta), 0)
        FROM stock_levels l JOIN products p ON p.id = l.product_id
        LEFT JOIN stock_entries e ON e.product_id = l.product_id
        GROUP BY l.product_id, p.id HAVING l.on_hand <> COALESCE(SUM(e.delta), 0)
        """,
        "product {0} ({1}): {2} on hand but its stock ledger sums to {3}",
    ),
    (
        "stock_running",
        """
        SELECT p.code, r.id FROM (
            SELECT e.id, e.product_id, e.on_hand_after,
                   SUM(e.delta) OVER (PARTITION BY e.product_id ORDER BY e.id) AS running
            FROM stock_entries e) r
        JOIN products p ON p.id = r.product_id
        WHERE r.on_hand_after <> r.running
        """,
        "product {0}: stock entry {1} has a wrong on-hand-after",
    ),
    (
        "stock_orphans",
        """
        SELECT p.code, COUNT(e.id) FROM stock_entries e JOIN products p ON p.id = e.product_id
        LEFT JOIN stock_levels l ON l.product_id = e.product_id
        WHERE l.product_id IS NULL GROUP BY p.id
        """,
        "product {0}: {1} stock entries but no stock level",
    ),
)
