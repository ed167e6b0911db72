"""Stored value (储值): recharge and its refund, recharge offers, the payment password and
the prepaid position."""
