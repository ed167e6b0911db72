"""Who is acting. Services re-check the staff row: the DTO is only an identity."""

from __future__ import annotations

from dataclasses import dataclass

from memberdesk.models.enums import Role


@dataclass(frozen=True)
class Actor:
    staff_id: int
    username: str
    display_name: str
    role: Role
