"""``make bench``: run every ``tests/bench/bench_*.py`` module's ``main()``.

Each prints ``name: value unit`` lines. Benchmarks are never part of ``make test``.
Pass module names to run only some: ``python -m tests.bench lookup checkout``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import tests.bench as pkg


def main(argv: list[str]) -> int:
    names = sorted(
        m.name for m in pkgutil.iter_modules(pkg.__path__) if m.name.startswith("bench_")
    )
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    failed = 0
    for name in names:
        print(f"# {name}", flush=True)
        started = time.perf_counter()
        try:
            importlib.import_module(f"tests.bench.{name}").main()
        except Exception as exc:  # keep going: one broken benchmark must not hide others
            failed += 1
            print(f"# {name} FAILED: {exc!r}", flush=True)
        print(f"# {name} took {time.perf_counter() - started:.1f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
