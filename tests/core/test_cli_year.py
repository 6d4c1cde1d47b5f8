"""``wijkapp export --year`` outside 1-9999 is a clear Dutch refusal, never a crash
(found by the CLI fuzz test: 2**63 overflowed SQLite's integer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkapp.cli import main
from wijkapp.demo import create_demo
from wijkapp.workspace import Workspace


@pytest.mark.parametrize("year", ["9223372036854775808", "-5", "10000"])
def test_year_out_of_range_is_refused_in_dutch(tmp_path: Path, year: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "w.sqlite"
    with Workspace(db) as ws:
        create_demo(ws)
    out = tmp_path / "uit.xlsx"
    code = main(["export", "xlsx", "--year", year, "--out", str(out), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1
    assert "geen jaar" in err and "onverwachts" not in err
    assert not out.exists()
