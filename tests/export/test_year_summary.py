"""The year-summary file: versioned JSON with counts and goal titles, never personal data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from wijkapp.demo import PEOPLE, create_demo
from wijkapp.errors import ValidationError
from wijkapp.export.year_summary import write_year_summary, year_summary
from wijkapp.overview import load_summary
from wijkapp.workspace import Workspace

TODAY = dt.date(2026, 11, 28)


def test_demo_summary_has_the_counts_and_is_read_back(tmp_path: Path) -> None:
    with Workspace(tmp_path / "demo.sqlite") as ws:
        create_demo(ws, TODAY)
        out = write_year_summary(ws, 2026, tmp_path / "samenvatting.json", on=TODAY)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "wijkapp-jaarsamenvatting" and data["version"] == 2
    assert data["year"] == 2026 and data["made_on"] == "2026-11-28"
    assert data["board"] == {"name": "Wijkplatform Geleen-Zuid", "wijk": "Geleen-Zuid",
                             "municipality": "Sittard-Geleen"}
    assert data["meetings"]["held"] == 10 and data["decisions"] == 20
    assert data["requests"] == {"sent": 8, "answered_in_time": 2, "answered_late": 2,
                                "not_answered": 4, "overdue": 3, "median_days_to_answer": 45.5}
    assert data["goals"]["by_status"]["achieved"] == 4
    assert {"title": "Schoon Zuiderpark: minder hondenpoep", "building_block": 5,
            "status": "achieved"} in data["goals"]["items"]
    board = load_summary(out)
    assert board.name == "Wijkplatform Geleen-Zuid" and board.requests["sent"] == 8


def test_no_personal_data_in_the_summary(tmp_path: Path) -> None:
    with Workspace(tmp_path / "demo.sqlite") as ws:
        create_demo(ws, TODAY)
        text = json.dumps(year_summary(ws, 2026, TODAY), ensure_ascii=False)
        request_texts = [r.text for r in ws.requests.all()] + [r.answer_text for r in
                                                               ws.requests.all()]
        notes = [c.notes for c in ws.contacts.all() if c.notes]
    for name, *_rest in PEOPLE.values():
        assert name not in text
    assert "@" not in text and "06 " not in text
    for private in request_texts + notes:
        assert not private or private not in text


def test_written_atomically_to_a_folder_with_a_safe_name(ws: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    out = write_year_summary(ws, 2026, folder)
    assert out.name == "Wijkplatform Test 2026.jaarsamenvatting.json"
    assert [p.name for p in folder.iterdir()] == [out.name]
    assert json.loads(out.read_text(encoding="utf-8"))["requests"]["median_days_to_answer"] is None


def test_board_name_with_markup_and_emoji_survives(empty_ws: Workspace, tmp_path: Path) -> None:
    empty_ws.boards.create('Wijk <b>&"ĳs"</b> 🎉', "Zuid", [])
    out = write_year_summary(empty_ws, 2026, tmp_path / "s.json")
    assert load_summary(out).name == 'Wijk <b>&"ĳs"</b> 🎉'


def test_refuses_a_nonsense_year(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="geen geldig jaar"):
        write_year_summary(ws, 99999, tmp_path / "s.json")
