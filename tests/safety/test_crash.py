"""Crash safety proven by killing a real writer (see crash_harness.py)."""

from __future__ import annotations

from pathlib import Path

from tests.safety.crash_harness import run


def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    figures = run(kills=50, folder=tmp_path)
    assert (figures.kills, figures.not_started) == (50, 0), figures.problems[:3]
    assert figures.acknowledged > 100  # the writer really worked between kills
    assert (figures.corrupt, figures.lost, figures.half_applied) == (0, 0, 0), figures.problems[:5]


def test_negative_control_without_journal_is_caught(tmp_path: Path) -> None:
    figures = run(kills=60, journal_off=True, folder=tmp_path)
    assert figures.corrupt + figures.half_applied > 0, figures.line()
