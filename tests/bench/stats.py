"""Small helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def time_ms(fn: Callable[[], object], repeat: int, warmup: int = 20) -> list[float]:
    for _ in range(warmup):
        fn()
    out: list[float] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def report(name: str, samples_ms: list[float]) -> tuple[float, float]:
    p50 = statistics.median(samples_ms)
    p95 = percentile(samples_ms, 95)
    print(f"{name}_p50_ms: {p50:.3f} ms")
    print(f"{name}_p95_ms: {p95:.3f} ms")
    return p50, p95
