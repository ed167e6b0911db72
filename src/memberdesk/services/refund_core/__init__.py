"""What every refund does, whatever is refunded (a sale, a recharge, a count card):
the reason, the permission and the replay of a repeated request, the refund's row
and its audit entry, earned points taken back, and what was refunded so far."""
