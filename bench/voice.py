"""Benchmarks of the voice of the wijk: the tellen-en-vertellen view and the signalen PDF.

Run with ``python -m bench.run --module bench.voice``. Budget (issue 17): the
tellen-en-vertellen view of the busiest generated board ≤ 100 ms — its recount for the
year with the most signals, on the GUI thread until the event loop is idle again
(tables, quotes, layout). Raw floor: the same counts (per theme and per group per
quarter, follow-up figures) in plain sqlite3 on the same file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import Result, median_ms, register  # noqa: E402
from bench.core import raw_connection  # noqa: E402
from bench.gui import private_copy, result, timings  # noqa: E402

BUDGET_MS = 100


def busiest_signals(db: Path) -> tuple[str, int, int]:
    """The board and year with the most signals, and how many."""
    with raw_connection(db) as conn:
        row = conn.execute(
            "SELECT board_id, substr(heard_on, 1, 4) AS y, COUNT(*) AS n FROM signals "
            "WHERE deleted_at IS NULL GROUP BY board_id, y ORDER BY n DESC LIMIT 1").fetchone()
    if row is None:
        raise SystemExit("De benchmarkdatabase heeft geen signalen; maak haar opnieuw "
                         "met python -m bench.generate.")
    return str(row[0]), int(row[1]), int(row[2])


def _raw_counts(db: Path, board: str, year: int) -> None:
    bounds = (board, f"{year}-01-01", f"{year + 1}-01-01")
    with raw_connection(db) as conn:
        for column in ("themes", "groups"):
            conn.execute(
                f"SELECT j.value, (CAST(substr(s.heard_on, 6, 2) AS INTEGER) + 2) / 3 AS q, COUNT(*) "
                f"FROM signals s, json_each(s.[{column}]) j WHERE s.board_id = ? "
                "AND s.deleted_at IS NULL AND s.heard_on >= ? AND s.heard_on < ? "
                "GROUP BY j.value, q", bounds).fetchall()
        conn.execute(
            "SELECT COUNT(*), SUM(EXISTS (SELECT 1 FROM signal_followups f WHERE f.signal_id = s.id)) "
            "FROM signals s WHERE s.board_id = ? AND s.deleted_at IS NULL AND s.heard_on >= ? "
            "AND s.heard_on < ?", bounds).fetchall()
        conn.execute("SELECT * FROM signals WHERE board_id = ? AND deleted_at IS NULL "
                     "AND heard_on >= ? AND heard_on < ?", bounds).fetchall()


@register("tellen en vertellen: weergave (drukste bestuur)", budget_ms=BUDGET_MS)
def voice_view(db: Path, repeat: int) -> Result:
    """Recount and redraw the tellen-en-vertellen tab for the busiest board's busiest year."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from ui.style import apply_style
    from ui.views.voice_overview import VoiceOverview
    from wijkapp.workspace import Workspace

    board, year, count = busiest_signals(db)
    app = QApplication.instance() or QApplication([])
    apply_style(app, 100)  # type: ignore[arg-type]
    with Workspace(private_copy(db, "voice")) as ws:
        ws.use_board(board)
        view = VoiceOverview(ws)
        view.resize(1140, 680)
        view.show()
        view.year.blockSignals(True)
        view.year.addItem(str(year), year)
        view.year.setCurrentIndex(view.year.count() - 1)
        view.year.blockSignals(False)

        def settle() -> None:
            for _ in range(3):
                QCoreApplication.sendPostedEvents()
                app.processEvents()

        times = timings(view.refresh, repeat, settle)
        raw = median_ms(lambda: _raw_counts(db, board, year), repeat)
        view.close()
    return result("tellen en vertellen: weergave (drukste bestuur)", times, raw,
                  note=f"{year}, {count} signalen")


@register("tellen en vertellen: pdf (drukste bestuur)", budget_ms=2000)
def voice_pdf(db: Path, repeat: int) -> Result:
    """``write_signalen_pdf`` for the busiest board's busiest year (Typst, tagged)."""
    from wijkapp.export.signalen import write_signalen_pdf
    from wijkapp.workspace import Workspace

    board, year, count = busiest_signals(db)
    with tempfile.TemporaryDirectory() as folder, Workspace(private_copy(db, "voice-pdf")) as ws:
        ws.use_board(board)
        out = Path(folder) / "signalen.pdf"
        app_ms = median_ms(lambda: write_signalen_pdf(ws, year, out), max(1, repeat // 4))
    return Result("tellen en vertellen: pdf (drukste bestuur)", app_ms, None, 2000,
                  note=f"{year}, {count} signalen")
