"""The pure core stays pure: importing every module of memberdesk.domain loads
neither SQLAlchemy nor Qt nor any other MemberDesk layer, so the window and the
services can share it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[3] / "src" / "memberdesk" / "domain"


def test_the_domain_loads_no_database_no_qt_and_no_other_layer() -> None:
    modules = sorted(f"memberdesk.domain.{p.stem}" for p in DOMAIN.glob("*.py")
                     if p.stem != "__init__")
    assert {"memberdesk.domain.offers", "memberdesk.domain.points",
            "memberdesk.domain.tenders"} <= set(modules)
    code = (
        f"import sys, {', '.join(modules)};"
        "bad=sorted(m for m in sys.modules if m.startswith(('sqlalchemy','PySide6','shiboken6'))"
        " or (m.startswith('memberdesk.') and not m.startswith('memberdesk.domain')"
        " and m != 'memberdesk.money'));"
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
