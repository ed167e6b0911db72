"""Search keys of a member's name: full pinyin, initials and the keys for "contains".

At the counter people type a name (张三, or part of it: 三), its pinyin initials
(zs) or its pinyin (zhangsan, zhang). Everything is found through b-tree indexes:

* a *prefix* of the name, the full pinyin or the initials is a range on the indexed
  ``members.name`` / ``name_pinyin`` / ``name_initials`` columns;
* a match in the *middle* (三 in 张三, xiaoming in wangxiaoming, xm in wxm) is a
  prefix of one of the name's suffixes, kept in ``member_search_keys`` (every
  suffix of the name from the second character, of the pinyin from the second
  syllable, of the initials from the second letter), again a range on an index.

Polyphonic surnames are read as surnames (单 shan, 曾 zeng); the everyday reading is
kept as an extra key, so a cashier who types "dtf" for 单田芳 still finds her.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import cast

from pypinyin import Style, lazy_pinyin
from sqlalchemy import Table, delete, insert
from sqlalchemy.orm import Session

from memberdesk.models.members import MemberSearchKey

PINYIN_MAX = 160
INITIALS_MAX = 40
KEY_MAX = 160

# Surnames whose everyday pinyin (what pypinyin gives) is not the surname reading.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "万俟": ("mo", "qi"),
    "尉迟": ("yu", "chi"),
    "长孙": ("zhang", "sun"),
    "单": ("shan",),
    "曾": ("zeng",),
    "解": ("xie",),
    "区": ("ou",),
    "仇": ("qiu",),
    "朴": ("piao",),
    "查": ("zha",),
    "乐": ("yue",),
    "覃": ("qin",),
    "翟": ("zhai",),
    "盖": ("ge",),
    "缪": ("miao",),
    "员": ("yun",),
    "种": ("chong",),
    "黑": ("he",),
    "谌": ("chen",),
    "召": ("shao",),
    "折": ("she",),
    "尉": ("wei",),
    "秘": ("bi",),
    "繁": ("po",),
    "句": ("gou",),
    "莘": ("shen",),
    "隗": ("wei",),
    "逄": ("pang",),
    "柏": ("bai",),
    "眭": ("sui",),
    "阚": ("kan",),
    "过": ("guo",),
}

_WORD_RE = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class NameKeys:
    pinyin: str  # members.name_pinyin: "zhangsan"
    initials: str  # members.name_initials: "zs"
    extra: frozenset[str]  # rows of member_search_keys


def _words(token: str) -> list[str]:
    """ASCII words of one pypinyin token: a syllable, or a run of other text
    (Latin names split into words; emoji, punctuation and unknown characters drop)."""
    return _WORD_RE.findall(unicodedata.normalize("NFKC", token).lower())


def _syllables(name: str) -> tuple[list[str], list[str]]:
    """(surname-aware syllables, everyday syllables) of ``name``."""
    tokens = lazy_pinyin(name, style=Style.NORMAL, errors="default")
    everyday = [w for t in tokens for w in _words(t)]
    for surname, reading in SURNAME_READINGS.items():
        # A surname is Chinese characters: pypinyin gave one syllable for each.
        if name.startswith(surname) and len(name) > len(surname):
            return list(reading) + everyday[len(surname) :], everyday
    return everyday, everyday


def _suffixes(seq: str | list[str], start: int, min_len: int = 1) -> set[str]:
    out: set[str] = set()
    for i in range(start, len(seq)):
        part = seq[i:]
        key = (part if isinstance(part, str) else "".join(part)).strip()
        if len(key) >= min_len:
            out.add(key[:KEY_MAX])
    return out


def name_keys(name: str) -> NameKeys:
    """Every search key of ``name`` (already cleaned: trimmed, single spaces)."""
    sylls, everyday = _syllables(name)
    pinyin = "".join(sylls)[:PINYIN_MAX]
    initials = "".join(s[0] for s in sylls)[:INITIALS_MAX]
    extra = _suffixes(name.casefold(), 1)
    extra |= _suffixes(sylls, 1)
    extra |= _suffixes(initials, 1, min_len=2)
    if everyday != sylls:
        extra.add("".join(everyday)[:KEY_MAX])
        extra.add("".join(s[0] for s in everyday)[:KEY_MAX])
    extra.discard("")
    extra.discard(pinyin)
    extra.discard(initials)
    return NameKeys(pinyin, initials, frozenset(extra))


def write_keys(session: Session, member_id: int, keys: NameKeys) -> None:
    """Insert the ``member_search_keys`` rows of a new member."""
    if keys.extra:
        session.execute(
            insert(cast(Table, MemberSearchKey.__table__)),
            [{"key": k, "member_id": member_id} for k in sorted(keys.extra)],
        )


def write_keys_many(session: Session, rows: list[tuple[int, NameKeys]]) -> None:
    """Insert the rows of many new members in one executemany (imports)."""
    params = [{"key": k, "member_id": mid} for mid, keys in rows for k in sorted(keys.extra)]
    if params:
        session.execute(insert(cast(Table, MemberSearchKey.__table__)), params)


def delete_keys(session: Session, member_id: int) -> None:
    session.execute(delete(MemberSearchKey).where(MemberSearchKey.member_id == member_id))


def replace_keys(session: Session, member_id: int, keys: NameKeys) -> None:
    delete_keys(session, member_id)
    write_keys(session, member_id, keys)


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string that starts with ``prefix``
    (for ``col >= prefix AND col < bound``; SQLite compares UTF-8 bytes, which is
    code point order). Skips the surrogate range, which UTF-8 cannot encode."""
    chars = list(prefix)
    while chars:
        last = ord(chars.pop())
        if last < 0x10FFFF:
            nxt = last + 1
            if 0xD800 <= nxt <= 0xDFFF:
                nxt = 0xE000
            return "".join(chars) + chr(nxt)
    raise ValueError("no upper bound for an empty or all-maximal prefix")
