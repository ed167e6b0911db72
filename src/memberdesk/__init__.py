"""MemberDesk: a member point-of-sale client for small shops."""

__version__ = "0.1.0"
