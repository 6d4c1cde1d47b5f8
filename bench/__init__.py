"""Benchmarks on a generated municipality-scale database (DESIGN.md §10).

Not timed unit tests: run on demand (``python -m bench.run``) and read the table. Each
benchmark reports the median time of the app's own code *and* of the same work done in
plain ``sqlite3`` on the same file (the "raw floor"), so the ratio survives noisy machines.

New benchmarks (GUI, exports, ...) live in their own module and register themselves::

    from bench import Result, register

    @register("pdf van een verslag", budget_ms=500)
    def pdf_minutes(db: Path, repeat: int) -> Result: ...

and are listed in :data:`bench.run.DEFAULT_MODULES` (or passed with ``--module``).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["REGISTRY", "Benchmark", "Result", "median_ms", "register"]


@dataclass(frozen=True)
class Result:
    """One benchmark's figures: medians in milliseconds, the raw floor and the budget."""

    name: str
    app_ms: float
    raw_ms: float | None = None
    budget_ms: float | None = None
    note: str = ""
    #: The slowest run and its budget, for rows where the worst case matters (GUI freezes).
    max_ms: float | None = None
    max_budget_ms: float | None = None

    @property
    def ratio(self) -> float | None:
        """App time divided by the raw floor (``None`` without a floor)."""
        if self.raw_ms is None or self.raw_ms <= 0:
            return None
        return self.app_ms / self.raw_ms

    @property
    def within_budget(self) -> bool | None:
        """True/False against the budget; ``None`` when the benchmark has none."""
        if self.budget_ms is None:
            return None
        worst_ok = (self.max_ms is None or self.max_budget_ms is None
                    or self.max_ms <= self.max_budget_ms)
        return self.app_ms <= self.budget_ms and worst_ok


BenchFunction = Callable[[Path, int], Result]


@dataclass(frozen=True)
class Benchmark:
    """A registered benchmark: ``function(db_path, repeat) -> Result``."""

    name: str
    function: BenchFunction
    budget_ms: float | None


#: Every registered benchmark by name, in registration order (= table order).
REGISTRY: dict[str, Benchmark] = {}


def register(name: str, budget_ms: float | None = None) -> Callable[[BenchFunction], BenchFunction]:
    """Decorator: add ``function`` to :data:`REGISTRY` under ``name`` with its budget."""

    def decorate(function: BenchFunction) -> BenchFunction:
        REGISTRY[name] = Benchmark(name, function, budget_ms)
        return function

    return decorate


def median_ms(work: Callable[[], object], repeat: int, warmup: int = 1) -> float:
    """Median wall time of ``work()`` over ``repeat`` runs, in ms, after ``warmup`` runs."""
    for _ in range(warmup):
        work()
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
