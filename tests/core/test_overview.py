"""The overview across boards: three boards' files, one malformed, compared side by side."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from wijkapp.export.year_summary import write_year_summary
from wijkapp.overview import SummaryError, comparison, format_table, load_overview, load_summary
from wijkapp.overview_cli import main
from wijkapp.workspace import Workspace

D = dt.date


def board_file(folder: Path, name: str, answered_in_time: int, late: int) -> Path:
    """A board with ``answered_in_time`` + ``late`` answered requests, one meeting, one goal."""
    with Workspace(folder / f"{name}.sqlite") as ws:
        ws.boards.create(name, name.split()[-1], [])
        meeting = ws.meetings.create(dt.datetime(2026, 3, 10, 19, 30)).id
        assert meeting
        ws.meetings.mark_held(meeting)
        for number in range(answered_in_time + late):
            request = ws.requests.add(f"Verzoek {number}").id
            assert request
            ws.requests.mark_sent(request, on=D(2026, 2, 1))
            answered = D(2026, 2, 20) if number < answered_in_time else D(2026, 5, 1)
            ws.requests.record_answer(request, "Antwoord", on=answered)
        ws.goals.add(f"Doel van {name}", 2, status="achieved")
        return write_year_summary(ws, 2026, folder / f"{name}.json", on=D(2026, 12, 1))


@pytest.fixture
def three_files(tmp_path: Path) -> list[Path]:
    broken = tmp_path / "kapot.json"
    broken.write_text('{"format": "wijkapp-jaarsamenvatting", "version": 1, "year": 20', "utf-8")
    return [board_file(tmp_path, "Wijkplatform Noord", 3, 1), broken,
            board_file(tmp_path, "Wijkplatform Oost", 1, 0)]


def test_malformed_file_gives_a_clear_message_and_the_others_are_shown(
        three_files: list[Path]) -> None:
    overview = load_overview(three_files)
    assert [b.name for b in overview.boards] == ["Wijkplatform Noord", "Wijkplatform Oost"]
    assert overview.problems == [
        "'kapot.json' is beschadigd of geen jaarsamenvatting van Wijkapp; "
        "vraag het wijkplatform om een nieuw bestand."]
    rows = comparison(overview)
    assert rows[0][:3] == ["Wijkplatform", "Jaar", "Vergaderingen"]
    assert rows[1][0] == "Wijkplatform Noord" and rows[1][6] == "3 (75%)"
    assert rows[2][6] == "1 (100%)"


def test_cli_prints_the_table_and_the_problem(three_files: list[Path],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(three_files) == 1
    out, err = capsys.readouterr()
    assert "Wijkplatform Noord" in out and "Wijkplatform Oost" in out
    assert "3 (75%)" in out
    assert "Samen: 2 wijkplatforms, 2 vergaderingen, 5 verzoeken (4 op tijd beantwoord" in out
    assert err.strip() == ("wijkapp: 'kapot.json' is beschadigd of geen jaarsamenvatting van "
                           "Wijkapp; vraag het wijkplatform om een nieuw bestand.")
    assert "Traceback" not in out + err


def test_cli_exit_zero_when_every_file_is_good(three_files: list[Path],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main([three_files[0], three_files[2]]) == 0
    assert capsys.readouterr().err == ""


def _edit(path: Path, change: dict[str, Any]) -> Path:
    data = json.loads(path.read_text("utf-8"))
    data.update(change)
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.mark.parametrize(("change", "message"), [
    ({"format": "wijkapp"}, "het is geen jaarsamenvatting van Wijkapp"),
    ({"version": 3}, "nieuwere Wijkapp (versie 3)"),
    ({"version": "1"}, "versienummer"),
    ({"year": "2026"}, "het jaar"),
    ({"requests": {"sent": -1}}, "'requests.sent'"),
    ({"meetings": {"held": 1, "cancelled": 0, "attendance_rate": 7}}, "buiten de grenzen"),
    ({"board": {"name": ""}}, "naam van het wijkplatform"),
    ({"goals": []}, "'goals'"),
])
def test_each_kind_of_bad_content_is_named(three_files: list[Path], tmp_path: Path,
                                           change: dict[str, Any], message: str) -> None:
    path = _edit(three_files[0], change)
    with pytest.raises(SummaryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_summary(path)


def test_missing_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.json"
    empty.write_bytes(b"")
    binary = tmp_path / "foto.json"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00")
    overview = load_overview([tmp_path / "weg.json", empty, binary, tmp_path])
    assert overview.boards == []
    assert overview.problems[0] == "'weg.json' bestaat niet; controleer de naam en de map."
    assert all("'" in p and p.endswith(".") for p in overview.problems)
    assert len(overview.problems) == 4


def test_plain_text_table_without_boards() -> None:
    assert format_table(load_overview([])) == "Geen jaarsamenvattingen om te vergelijken."
