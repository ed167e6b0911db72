"""Count cards (计次卡): templates, selling, use at the counter, expiry and refunds."""
