"""Password hashing with argon2id at OWASP's recommended parameters."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1.
OWASP_HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)

_hasher = OWASP_HASHER


def hasher() -> PasswordHasher:
    return _hasher


def set_hasher(h: PasswordHasher) -> PasswordHasher:
    """Swap the parameters (tests use this to prove rehash-on-login). Returns the old."""
    global _hasher
    old, _hasher = _hasher, h
    return old


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True
