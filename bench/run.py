"""Run the registered benchmarks and print a table with budgets and raw-floor ratios.

``python -m bench.run [--db FILE] [--repeat N] [--only NAME] [--module MODULE]`` (or
``python bench/run.py ...``). Make the database first with ``python -m bench.generate``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import REGISTRY, Result  # noqa: E402
from bench.generate import DEFAULT_DB  # noqa: E402

#: Modules whose import registers benchmarks; add GUI or export benches here.
DEFAULT_MODULES: tuple[str, ...] = (
    "bench.core", "bench.exports", "bench.followup", "bench.plainlang", "bench.gui",
    "bench.voice", "bench.sync",
)


def load(modules: Iterable[str] = DEFAULT_MODULES) -> list[str]:
    """Import the benchmark modules; return the registered names in table order."""
    for module in modules:
        importlib.import_module(module)
    return list(REGISTRY)


def run(db: Path | str = DEFAULT_DB, repeat: int = 20, names: Sequence[str] | None = None,
        modules: Iterable[str] = DEFAULT_MODULES) -> list[Result]:
    """Run the chosen benchmarks (all by default) on ``db``; one :class:`Result` each."""
    db = Path(db)
    if not db.is_file():
        raise FileNotFoundError(f"{db} bestaat niet; maak hem met 'python -m bench.generate'.")
    available = load(modules)
    chosen = list(names) if names else available
    unknown = [n for n in chosen if n not in REGISTRY]
    if unknown:
        raise KeyError(f"Onbekende benchmark: {', '.join(unknown)}; kies uit {available}.")
    results = []
    for name in chosen:
        benchmark = REGISTRY[name]
        result = benchmark.function(db, repeat)
        results.append(result)
    return results


def machine() -> str:
    """A one-line description of this machine for the table's header."""
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def format_table(results: Sequence[Result], title: str = "") -> str:
    """The results as a fixed-width text table (medians in ms, ratio to the raw floor)."""
    header = f"{'benchmark':32} {'app ms':>9} {'raw ms':>9} {'ratio':>8} {'budget':>10}  verdict"
    lines = [title] if title else []
    lines += [header, "-" * len(header)]
    for r in results:
        raw = f"{r.raw_ms:9.2f}" if r.raw_ms is not None else f"{'—':>9}"
        ratio = f"{r.ratio:7.1f}×" if r.ratio is not None else f"{'—':>8}"
        budget = f"≤ {r.budget_ms:g} ms" if r.budget_ms is not None else "—"
        verdict = {True: "ok", False: "OVER BUDGET", None: ""}[r.within_budget]
        note = f"  ({r.note})" if r.note else ""
        lines.append(f"{r.name:32} {r.app_ms:9.2f} {raw} {ratio} {budget:>10}  {verdict}{note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; exit code 1 when the database is missing."""
    parser = argparse.ArgumentParser(description="Draai de benchmarks van Wijkapp.")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--only", action="append", default=None, metavar="NAME")
    parser.add_argument("--module", action="append", default=None, metavar="MODULE")
    args = parser.parse_args(argv)
    modules = tuple(args.module) if args.module else DEFAULT_MODULES
    try:
        results = run(args.db, args.repeat, args.only, modules)
    except (FileNotFoundError, KeyError) as error:
        print(str(error).strip("'\""), file=sys.stderr)
        return 1
    size = args.db.stat().st_size / 1e6
    print(format_table(results, f"{args.db.name} ({size:.0f} MB), repeat {args.repeat}, {machine()}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
