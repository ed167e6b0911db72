"""The service packages import one way (issue 10): a package may import the packages
below it; an import upwards is a mistake, except the few listed in BACK_EDGES (known
debts, each to be removed, never added to). And no module of src/ imports itself back
through a chain of module-level imports (an import cycle).

The layers, lowest first (docs/ARCHITECTURE.md explains each):
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "memberdesk"

LAYERS: list[set[str]] = [
    {"shared"},  # context, clock, errors and messages, settings, audit chain, ledgers, batches,
    # the till's store and the cashier's open shift, phones
    {"pricing", "staff", "sheets"},  # prices and tenders (near-pure rules), staff, workbooks
    {"shop", "audit", "notifications"},  # shop set-up, stores, system log; the audit page; the outbox
    {"members"},  # profiles, phones, cards, lookup, the member sheet
    {"catalog", "receipts"},  # products; receipt data and text
    {"points", "coupons", "stock", "refund_core"},  # refund_core: what every refund does
    {"loyalty", "count_cards", "campaigns"},  # loyalty: tiers, enrolment, referrals, the mall
    {"stored_value"},  # recharge offers may name tiers
    {"checkout"},  # cart, sale, till, history
    {"refunds", "shifts"},
    {"analytics", "backup", "offline"},  # offline: cash sales while the server is gone
    {"reporting"},  # read-only report builders
    {"closing", "jobs"},  # the day close seals a day report; the daily jobs run analytics
]
RANK = {pkg: i for i, layer in enumerate(LAYERS) for pkg in layer}

# Imports upwards that exist today: (importer, imported) -> the module that does it.
BACK_EDGES: dict[tuple[str, str], str] = {}


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.add(name)
            found.update(f"{name}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def _package_edges() -> dict[tuple[str, str], list[str]]:
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted((SRC / "services").rglob("*.py")):
        module = _module(path)
        parts = module.split(".")
        if len(parts) < 4:
            continue  # services/__init__.py
        for name in _imports(path, module, top_level_only=False):
            other = name.split(".")
            if other[:2] == ["memberdesk", "services"] and len(other) > 2 and other[2] != parts[2]:
                edges[(parts[2], other[2])].append(str(path.relative_to(SRC / "services")))
    return edges


def test_every_service_module_is_in_a_package_of_a_layer() -> None:
    flat = [p.name for p in (SRC / "services").glob("*.py") if p.name != "__init__.py"]
    packages = {p.name for p in (SRC / "services").iterdir() if (p / "__init__.py").exists()}
    assert flat == []
    assert packages == set(RANK)


def test_service_packages_import_downwards() -> None:
    upwards = {
        edge: sorted(set(files))
        for edge, files in _package_edges().items()
        if RANK[edge[1]] >= RANK[edge[0]] and edge not in BACK_EDGES
    }
    assert upwards == {}


def test_the_known_back_edges_still_exist() -> None:
    """Once a debt is paid, strike it from BACK_EDGES so it cannot come back."""
    edges = _package_edges()
    assert sorted(e for e in BACK_EDGES if e not in edges) == []


def test_nothing_imports_reporting_or_analytics_but_the_listed() -> None:
    readers = {a for (a, b) in _package_edges() if b in ("reporting", "analytics")}
    assert readers <= {"closing", "jobs", "reporting"}


def test_no_import_cycle_in_src() -> None:
    """Module-level imports only (an import inside a function runs later, and one under
    ``if TYPE_CHECKING`` never runs)."""
    modules = {_module(p): p for p in SRC.rglob("*.py")}
    graph = {
        m: {n for n in _imports(p, m, top_level_only=True) if n in modules and n != m}
        for m, p in modules.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    assert cycles == []


# The unit tests mirror the tree (issue 10): a folder of tests/unit is named after a
# service package or a package of src/memberdesk; the files left at the top check the
# whole of src/ (these layer tests, file sizes, the message catalogue, the one clock)
# or a top-level module of src/memberdesk (money, paths).
TESTS_UNIT = Path(__file__).resolve().parent
TEST_FOLDERS_ELSEWHERE = {"member_admin": "services/members/admin.py: the member page's reads and corrections"}
WHOLE_TREE_TESTS = {"test_file_sizes.py", "test_layers.py", "test_messages_catalogue.py",
                    "test_one_clock.py", "test_package_layers.py"}


def test_the_unit_tests_mirror_the_tree() -> None:
    packages = {p.name for p in (SRC / "services").iterdir() if (p / "__init__.py").exists()}
    packages |= {p.name for p in SRC.iterdir() if (p / "__init__.py").exists()}
    modules = {p.stem for p in SRC.glob("*.py")}
    folders = {p.name for p in TESTS_UNIT.iterdir() if (p / "__init__.py").exists()}
    assert folders - packages - set(TEST_FOLDERS_ELSEWHERE) == set()
    loose = {p.name for p in TESTS_UNIT.glob("test_*.py")} - WHOLE_TREE_TESTS
    assert {name for name in loose
            if not set(name.removeprefix("test_").removesuffix(".py").split("_")) & modules
            } == set()
