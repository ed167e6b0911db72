"""What ``db check`` proves about count cards beyond each balance equalling the sum of
its entries (``count_cards`` in :data:`.integrity.CHECKS`): every entry's
remaining-after is the running sum of its balance's entries, and a card's status
agrees with its uses left (active: some left; used up, expired or refunded: none).
(name, SQL, message) as in :data:`.integrity.CHECKS`."""

from __future__ import annotations

COUNT_CARD_CHECKS: tuple[tuple[str, str, str], ...] = (
    (
        "count_card_running",
        """
        SELECT r.balance_id, r.id FROM (
            SELECT e.id, e.balance_id, e.remaining_after,
                   SUM(e.delta) OVER (PARTITION BY e.balance_id ORDER BY e.id) AS running
            FROM count_card_entries e) r
        WHERE r.remaining_after <> r.running
        """,
        "count card balance {0}: entry {1} has a wrong remaining-after",
    ),
    (
        "count_card_status",
        """
        SELECT c.id, c.status, COALESCE(SUM(b.uses_remaining), 0)
        FROM member_count_cards c LEFT JOIN count_card_balances b ON b.count_card_id = c.id
        GROUP BY c.id
        HAVING (c.status = 'active') <> (COALESCE(SUM(b.uses_remaining), 0) > 0)
        """,
        "count card {0} is {1} with {2} uses left",
    ),
)
