"""Fuzzing the command line: any argument gets a Dutch sentence, never "er ging iets
onverwachts mis" (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkapp.cli import EXPORT_FORMATS, main
from wijkapp.workspace import Workspace

WORDS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "latest", "../../etc/passwd", "/", "\x00", "'", '"', "*", "NEAR(a b)",
                     "AND", "^x", "a" * 5000, "💥", "-1", "--db"]),
)


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("clifuzz") / "w.sqlite"
    with Workspace(db) as ws:
        ws.boards.create("Wijkplatform Fuzz")
        meeting = ws.meetings.create("2026-10-01 19:30").id
        ws.agenda.add(meeting, "Speeltuin", notes="Notities")
        ws.actions.add(meeting, "Bellen")
    return db


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as stop:  # usage errors exit 2 through argparse
        code = int(stop.code or 0)
    return code, capsys.readouterr().err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=WORDS)
def test_search_never_fails_unexpectedly(board: Path, query: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(["search", query, "--json", "--db", str(board)], capsys)
    assert code in (0, 1, 2) and "onverwachts" not in err, err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fmt=st.sampled_from(EXPORT_FORMATS), meeting=WORDS,
       year=st.one_of(st.none(), st.integers(-10**20, 10**20), st.sampled_from([0, 1, 2026, 9999])),
       name=WORDS)
def test_export_never_fails_unexpectedly(board: Path, tmp_path_factory: pytest.TempPathFactory,
                                         fmt: str, meeting: str, year: int | None, name: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path_factory.mktemp("uit") / (name.replace("/", "_").replace("\x00", "") or "x")
    argv = ["export", fmt, "--meeting", meeting, "--out", str(out), "--db", str(board)]
    if year is not None:
        argv += ["--year", str(year)]
    code, err = _run(argv, capsys)
    assert code in (0, 1, 2) and "onverwachts" not in err, (argv, err)
    if code == 1:
        assert err.startswith("wijkapp: ") and err.strip().endswith("."), err


@pytest.mark.parametrize("argv", [
    ["export", "json", "--out", "{tmp}/a\x00b.json"],
    ["import", "{tmp}/a\x00b.json"],
    ["restore", "{tmp}/a\x00b.sqlite"],
    ["--db", "{tmp}/a\x00b.sqlite", "check"],
    ["export", "json", "--out", "{tmp}/" + "x" * 300 + ".json"],
    ["import", "{tmp}/" + "x" * 300 + ".json"],
])
def test_odd_paths_get_a_dutch_sentence(board: Path, tmp_path: Path, argv: list[str],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    if "--db" not in argv:
        argv += ["--db", str(board)]
    code, err = _run(argv, capsys)
    assert code in (1, 2) and "onverwachts" not in err, err
