from __future__ import annotations

import pytest

from tests.checkout_support.kit import World, build_world


@pytest.fixture
def world(db, staff) -> World:  # type: ignore[no-untyped-def]
    return build_world(db, staff)
