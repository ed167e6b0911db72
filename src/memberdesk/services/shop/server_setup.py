"""Setting up a chain server (网络版): an empty PostgreSQL database gets the schema,
its first store and the owner (``memberdesk server init``).

A database that holds anything (a MemberDesk schema or other tables) is refused
before anything is written: set-up never runs over someone's data.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

from memberdesk.db.postgres import display_url, is_postgres_url, make_pg_engine
from memberdesk.services.shared.errors import ConflictError, ValidationError

_TABLES = text("SELECT table_name FROM information_schema.tables "
               "WHERE table_schema = current_schema() ORDER BY table_name")


def existing_tables(engine: Engine) -> list[str]:
    """The tables in the database's schema (none for an empty database)."""
    with engine.connect() as conn:
        return [str(r[0]) for r in conn.execute(_TABLES)]


def check_empty_server(url: str | None) -> str:
    """``url`` if it names an empty PostgreSQL database; refuses anything else with
    one line (``server_url_needed``, ``server_not_empty``). A server that cannot be
    reached raises the driver's error (the caller words it)."""
    if not url or not is_postgres_url(url):
        raise ValidationError("server_url_needed")
    engine = make_pg_engine(url)
    try:
        tables = existing_tables(engine)
    finally:
        engine.dispose()
    if tables:
        what = ", ".join(tables[:3]) + ("…" if len(tables) > 3 else "")
        raise ConflictError("server_not_empty", where=display_url(url), what=what)
    return url
