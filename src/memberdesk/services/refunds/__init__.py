"""Refunds and reversals (退款/反结账) of sales."""
