"""Test helpers shared by several test packages (virtual cards, a private pcscd)."""
