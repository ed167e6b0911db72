"""What ``db check`` proves about the points mall, sign-ins and referrals: each record
matches the points entry that carries it (member and points), so a redemption, its
reversal, a sign-in or a referral reward is never without its ledger entry. (name,
SQL, message) as in :data:`.integrity.CHECKS`."""

from __future__ import annotations

LOYALTY_CHECKS: tuple[tuple[str, str, str], ...] = (
    (
        "mall",
        """
        SELECT r.redemption_no FROM mall_redemptions r
        LEFT JOIN points_entries e ON e.id = r.points_entry_id
        WHERE e.id IS NULL OR e.member_id <> r.member_id OR e.delta <> -r.points
        """,
        "redemption {0} does not match its points entry",
    ),
    (
        "mall_reversal",
        """
        SELECT r.redemption_no FROM mall_redemptions r
        LEFT JOIN points_entries e ON e.id = r.reversal_entry_id
        WHERE r.reversed_at IS NOT NULL
          AND (e.id IS NULL OR e.member_id <> r.member_id OR e.delta <> r.points)
        """,
        "the reversal of redemption {0} does not match its points entry",
    ),
    (
        "sign_in",
        """
        SELECT s.member_id, s.business_date FROM sign_ins s
        LEFT JOIN points_entries e ON e.id = s.points_entry_id
        WHERE e.id IS NULL OR e.member_id <> s.member_id OR e.delta <> s.points + s.bonus
        """,
        "the sign-in of member id {0} on {1} does not match its points entry",
    ),
    (
        "referral",
        """
        SELECT r.member_id FROM referrals r
        LEFT JOIN points_entries m ON m.id = r.member_entry_id
        LEFT JOIN points_entries f ON f.id = r.referrer_entry_id
        WHERE (r.member_entry_id IS NOT NULL AND m.member_id <> r.member_id)
           OR (r.referrer_entry_id IS NOT NULL AND f.member_id <> r.referrer_id)
        """,
        "the referral reward of member id {0} went to the wrong member",
    ),
)
