"""Staff accounts: log-in with lockout, creating and changing accounts, passwords."""
