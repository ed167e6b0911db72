"""Receipts: the data stored with each sale, recharge and refund, its text for 58/80 mm
paper, reprints."""
