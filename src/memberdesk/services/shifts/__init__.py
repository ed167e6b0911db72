"""Shifts (交班), their review and the day close (日结) that seals the day report."""
