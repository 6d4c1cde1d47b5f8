"""The randomised harness as CI's gate: a small matrix of boards, transports and seeds.

``python -m tests.sync.run_matrix --runs 120`` runs the large matrix on demand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync.harness import run_once


@pytest.mark.parametrize(("laptops", "transport", "seed"), [
    (3, "usb", 11), (3, "cloud", 12), (6, "email", 13), (6, "mixed", 14), (9, "mixed", 15),
])
def test_randomised_board_converges_without_losing_anything(tmp_path: Path, laptops: int,
                                                             transport: str, seed: int) -> None:
    result = run_once(tmp_path, laptops, transport, seed, rounds=8)
    assert result.converged, result.differences
    assert result.lost == []
    assert result.races == result.races_reported, result.unreported
    assert result.words_lost == [] and result.words_back == []
    assert result.erasure_leaks == []
    assert result.healthy
    assert result.edits > 20 * laptops // 3
