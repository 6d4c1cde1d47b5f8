"""Run the randomised sync harness many times: ``python -m tests.sync.run_matrix --runs 120``.

Prints one JSON line per run and a closing table: runs converged, edits lost, races reported,
erasure leaks (they must be 100 % / 0 / all / 0).
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from pathlib import Path

from tests.sync.harness import run_once


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    combos = list(itertools.product((3, 6, 9), ("usb", "cloud", "email", "mixed")))
    totals = {"runs": 0, "converged": 0, "edits": 0, "lost": 0, "races": 0, "races_reported": 0,
              "words_typed": 0, "words_lost": 0, "erasure_leaks": 0, "healthy": 0, "ok": 0}
    started = time.time()
    lines = []
    for n in range(args.runs):
        laptops, transport = combos[n % len(combos)]
        with tempfile.TemporaryDirectory() as tmp:
            result = run_once(Path(tmp), laptops, transport, args.seed + n, args.rounds)
        summary = result.summary()
        lines.append(summary)
        print(json.dumps(summary), flush=True)
        totals["runs"] += 1
        for key in ("converged", "healthy", "ok"):
            totals[key] += bool(summary[key])
        for key in ("edits", "lost", "races", "races_reported", "words_typed", "words_lost", "erasure_leaks"):
            totals[key] += int(summary[key])
    if args.out:
        args.out.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    print(f"\nruns converged {totals['converged']}/{totals['runs']} · edits {totals['edits']} · "
          f"edits lost {totals['lost']} · races reported {totals['races_reported']}/{totals['races']} · "
          f"typed words lost {totals['words_lost']}/{totals['words_typed']} · erasure leaks {totals['erasure_leaks']} · "
          f"healthy {totals['healthy']}/{totals['runs']} · {time.time() - started:.0f} s")
    return 0 if totals["ok"] == totals["runs"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
