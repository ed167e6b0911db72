"""The next step ``network migrate`` prints: the till's database.url and store files,
then db check; a password in the URL is never printed."""

from __future__ import annotations

from pathlib import Path

from memberdesk.cli.network_cmds import next_commands


def test_the_next_commands_point_the_till_at_the_server() -> None:
    lines = next_commands(Path("/srv/shop data"), "postgresql://md@10.0.0.5/chain", "A01")
    assert lines == [
        "printf '%s\\n' postgresql://md@10.0.0.5/chain > '/srv/shop data/database.url'",
        "printf '%s\\n' A01 > '/srv/shop data/store'",
        "memberdesk --data-dir '/srv/shop data' db check",
    ]


def test_a_password_in_the_url_is_never_printed() -> None:
    lines = next_commands(Path("/srv/shop"), "postgresql://md:s3cr%40t@10.0.0.5/chain", "A01")
    assert "s3cr" not in " ".join(lines) and "md:***@10.0.0.5/chain" in lines[0]
