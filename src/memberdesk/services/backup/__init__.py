"""Keeping the data safe: backups, restore, verification, ``db check`` and the server's
backups."""
