"""member search keys: indexed "contains" search on names and pinyin

Adds ``member_search_keys`` (every suffix of a member's name from its second
character, of its pinyin from the second syllable, of its initials from the second
letter), so a name substring is a prefix range on a b-tree. Fills it for the
members already in the file. Frozen: never import application code here.

Revision ID: 0002_member_search
Revises: 0001_baseline
Create Date: 2026-11-24 06:00:00
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from pypinyin import Style, lazy_pinyin

revision: str = "0002_member_search"
down_revision: str | None = "0001_baseline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WORD_RE = re.compile(r"[a-z0-9]+")


def _keys(name: str, initials: str) -> set[str]:
    """The keys as revision 0002 defines them (the application may add more later,
    e.g. alternative surname readings, when a member's name is next written)."""
    folded = name.casefold()
    words = [
        w
        for token in lazy_pinyin(name, style=Style.NORMAL, errors="default")
        for w in _WORD_RE.findall(unicodedata.normalize("NFKC", token).lower())
    ]
    keys = {folded[i:].strip()[:160] for i in range(1, len(folded))}
    keys |= {"".join(words[i:])[:160] for i in range(1, len(words))}
    keys |= {initials[i:] for i in range(1, len(initials) - 1)}
    keys.discard("")
    return keys


def upgrade() -> None:
    op.create_table(
        "member_search_keys",
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_member_search_keys_member_id_members")
        ),
        sa.PrimaryKeyConstraint("key", "member_id", name=op.f("pk_member_search_keys")),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_member_search_keys_member_id", "member_search_keys", ["member_id"], unique=False
    )
    conn = op.get_bind()
    members = conn.execute(
        sa.text(
            "SELECT id, name, name_initials FROM members WHERE status <> 'anonymised' ORDER BY id"
        )
    )
    batch: list[dict[str, object]] = []
    insert = sa.text("INSERT INTO member_search_keys (key, member_id) VALUES (:key, :member_id)")
    for member_id, name, initials in members.fetchall():
        batch += [{"key": k, "member_id": member_id} for k in sorted(_keys(name, initials))]
        if len(batch) >= 5000:
            conn.execute(insert, batch)
            batch = []
    if batch:
        conn.execute(insert, batch)


def downgrade() -> None:
    op.drop_index("ix_member_search_keys_member_id", table_name="member_search_keys")
    op.drop_table("member_search_keys")
