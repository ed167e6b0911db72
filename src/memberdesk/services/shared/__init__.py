"""What every service package shares: the actor, the shop clock, request checks, errors
and the message catalogue, permissions, settings, the audit chain, the ledgers, core
tables, locks, the policy and short write batches."""
