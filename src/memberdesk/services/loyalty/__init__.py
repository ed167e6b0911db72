"""The loyalty engine: tiers and their moves, birthday gifts, sign-in, referrals and the
points mall."""
