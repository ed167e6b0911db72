"""User-facing errors raised by services, with their text in Chinese and English.

A :class:`UserError` is something the person at the counter can act on (wrong
password, not enough balance, bad phone number). Anything else is a bug and goes
to the crash dialog and the log. Their texts live in the message catalogue
(:mod:`memberdesk.services.shared.messages`, a section per domain) so the CLI and the
UI show the same words; ``{name}`` placeholders come from ``params``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, runtime_checkable

from memberdesk.services.shared.messages import (
    MESSAGES as MESSAGES,
    MONEY_PROBLEMS as MONEY_PROBLEMS,
)


@runtime_checkable
class Localizable(Protocol):
    """A message parameter that can say itself in either language."""

    def message(self, lang: str = "zh_CN") -> str: ...


@dataclass(frozen=True)
class Localized:
    """A word or phrase in both languages, e.g. a permission's or a field's name, given
    as a parameter of a :class:`UserError` so each language gets its own word."""

    zh: str
    en: str

    def message(self, lang: str = "zh_CN") -> str:
        return self.en if lang.startswith("en") else self.zh

    def __str__(self) -> str:
        return self.zh


class UserError(Exception):
    """An error the user can understand and act on. Nothing was written."""

    kind: ClassVar[str] = "user"

    def __init__(self, code: str, **params: Any) -> None:
        if code not in MESSAGES:
            raise KeyError(f"no message for error code {code!r}")
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def __reduce__(self) -> tuple[Any, ...]:
        # (pickled as its class, code and parameters: a child process's error,
        # services/jobs/child.py, is raised again in the parent)
        return _rebuilt, (type(self), self.code, self.params)

    def message(self, lang: str = "zh_CN") -> str:
        zh, en = MESSAGES[self.code]
        template = en if lang.startswith("en") else zh
        # A parameter may be another user error (the cause) or a Localized name: each is
        # told in the message's own language.
        params = {
            k: v.message(lang) if isinstance(v, Localizable) else v for k, v in self.params.items()
        }
        try:
            return template.format(**params)
        except (KeyError, IndexError):
            return template


def _rebuilt(cls: type[UserError], code: str, params: dict[str, Any]) -> UserError:
    return cls(code, **params)


class ValidationError(UserError):
    kind = "validation"


class NotFoundError(UserError):
    kind = "not_found"


class ConflictError(UserError):
    kind = "conflict"


class PermissionDenied(UserError):
    kind = "permission"


class AuthError(UserError):
    kind = "auth"










class StorageError(UserError):
    """The disk is full (``storage_full``), the database is held by another program
    (``storage_busy``): nothing was written; or the connection to the database server
    was lost (``server_lost``): the transaction either committed or not at all. Raised by the unit of work (see
    :mod:`memberdesk.db.errors`), never called damage."""

    kind = "storage"























