"""The ``wijkapp`` command: the core's command line, plus the desktop app when no command is given.

This module sits above both layers: :mod:`wijkapp.cli` never imports Qt or ``ui``, so the
desktop app is handed to it as ``open_app``. Qt is imported only when the app really opens,
so ``wijkapp export …`` and ``wijkapp --help`` start without it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from wijkapp.cli import main as cli_main


def open_app(db: Path | None) -> int:
    """Run the desktop app on ``db`` (``None``: the last or the standard database)."""
    from .app import main as app_main

    return int(app_main(db))


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wijkapp [--db PATH] [COMMAND …]``; return the exit code."""
    return cli_main(list(sys.argv[1:] if argv is None else argv), open_app=open_app)


if __name__ == "__main__":
    raise SystemExit(main())
