"""Light inventory (库存): the stock ledger, counts, receipts of goods and the stock list."""
