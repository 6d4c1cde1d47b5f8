"""``wijkapp overview FILE…``: compare boards' year summaries in the terminal."""

from __future__ import annotations

import sys
from pathlib import Path

from .overview import format_table, load_overview


def main(files: list[Path]) -> int:
    """Print the side-by-side table of the readable files; one Dutch line per bad file.

    The table goes to stdout, problems to stderr. Exit code 0 when every file was read,
    1 when one or more could not be used (the others are still shown).
    """
    overview = load_overview(files)
    if overview.boards:
        print(format_table(overview))
    for problem in overview.problems:
        print(f"wijkapp: {problem}", file=sys.stderr)
    if not overview.boards and not overview.problems:
        print("wijkapp: geef één of meer jaarsamenvattingen op.", file=sys.stderr)
        return 1
    return 1 if overview.problems else 0
