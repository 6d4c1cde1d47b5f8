"""Crash safety proven by killing a real writer (see crash_harness.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.safety.crash_harness import OPERATIONS, run
from wijkapp.backups import make_backup
from wijkapp.workspace import Workspace


def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    figures = run(kills=50, folder=tmp_path)["write"]
    assert (figures.kills, figures.not_started) == (50, 0), figures.problems[:3]
    assert figures.acknowledged > 100  # the writer really worked between kills
    assert (figures.corrupt, figures.lost, figures.half_applied) == (0, 0, 0), figures.problems[:5]
    # Not asserted yet: a few agenda orders after a kill differ from the harness's model
    # (4 in 1,000 kills, none without kills); under investigation, see the issue 11 report.


def test_kills_during_creation_backup_restore_import_and_erase_lose_nothing(
    tmp_path: Path,
) -> None:
    figures = run(kills=3 * len(OPERATIONS), folder=tmp_path, operations=OPERATIONS, seed=7)
    for op, fig in figures.items():
        assert (fig.kills, fig.not_started) == (3, 0), (op, fig.problems[:3])
        assert fig.bad == 0, (op, fig.problems[:5])
    assert figures["import"].acknowledged and figures["erase"].acknowledged


def test_negative_control_without_journal_is_caught(tmp_path: Path) -> None:
    figures = run(kills=60, journal_off=True, folder=tmp_path)["write"]
    # Without the journal a kill leaves damage; the run stops at the first it finds, which
    # may be a torn file or transaction, or an agenda order that is not the one asked for.
    assert figures.corrupt + figures.half_applied + figures.wrong_content + figures.lost > 0, \
        figures.line()


def test_negative_control_a_move_that_does_nothing_is_caught(tmp_path: Path) -> None:
    figures = run(kills=8, sabotage_move=True, folder=tmp_path, seed=3)["write"]
    assert figures.wrong_content > 0, figures.line()
    assert figures.corrupt + figures.lost + figures.half_applied == 0


def test_many_backups_in_one_second_never_thin_the_newest(tmp_path: Path) -> None:
    moment = dt.datetime(2026, 11, 30, 10, 0, 0)
    with Workspace(tmp_path / "b.sqlite") as ws:
        ws.boards.create("Wijkplatform Snel")
        made = [make_backup(ws, moment) for _ in range(9)]
        assert all(path.exists() for path in made[-5:]), [p.name for p in made]
