"""The audit key: a secret kept outside the shop file, so the audit chain cannot be
rewritten by someone who can only change the database (triggers dropped, rows
deleted, the chain recomputed). See docs/AUDIT_KEY.md for the trade-offs.

The key lives in ``<data dir>/audit.key`` (permissions 0600), next to — never inside
— ``memberdesk.sqlite3``; it is not copied into backups. The file is a small JSON
keyring: every key this data directory has used (a shop moved from another computer
can have the old computer's key added) and, per shop (``db_uuid``), the first audit
row written with a key, so a chain recomputed without the key shows.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

KEY_FILENAME = "audit.key"


def key_id_of(key: bytes) -> str:
    return hashlib.sha256(b"memberdesk-audit-key-id|" + key).hexdigest()[:16]


def mac(key: bytes, text: str) -> str:
    # hmac.digest: the one-shot C path (the same HMAC-SHA256 as hmac.new(...).hexdigest())
    return hmac.digest(key, text.encode("utf-8"), "sha256").hex()


@dataclass
class Keyring:
    path: Path
    current: str = ""
    keys: dict[str, bytes] = field(default_factory=dict)
    shops: dict[str, int] = field(default_factory=dict)  # db_uuid -> first keyed row

    @property
    def key(self) -> bytes:
        return self.keys[self.current]

    def save(self) -> None:
        data = {
            "current": self.current,
            "keys": {k: v.hex() for k, v in self.keys.items()},
            "shops": self.shops,
        }
        tmp = self.path.with_name(self.path.name + ".partial")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o600)
        tmp.replace(self.path)

    def note_switch_over(self, db_uuid: str, row_id: int) -> None:
        if db_uuid and db_uuid not in self.shops:
            self.shops[db_uuid] = row_id
            self.save()


def load_keyring(root: Path) -> Keyring | None:
    """The keyring of the data directory ``root``, or None when it has none."""
    path = root / KEY_FILENAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        keys = {str(k): bytes.fromhex(str(v)) for k, v in dict(data["keys"]).items()}
        ring = Keyring(path, str(data["current"]), keys,
                       {str(k): int(v) for k, v in dict(data.get("shops", {})).items()})
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RuntimeError(f"the audit key file {path} cannot be read: {exc}") from exc
    if ring.current not in ring.keys:
        raise RuntimeError(f"the audit key file {path} has no current key")
    return ring


def open_keyring(root: Path) -> Keyring:
    """The data directory's keyring; a new key is made (0600) on first use."""
    ring = load_keyring(root)
    if ring is not None:
        return ring
    key = secrets.token_bytes(32)
    kid = key_id_of(key)
    ring = Keyring(root / KEY_FILENAME, kid, {kid: key})
    ring.save()
    return ring
