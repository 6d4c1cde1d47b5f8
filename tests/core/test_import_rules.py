"""An exchange file gets the same limits as typing in the app; bad values are refused at
import with a Dutch sentence and nothing is imported (issue 11)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wijkapp.cli import main
from wijkapp.errors import ImportFormatError, ValidationError
from wijkapp.exchange import export_data, import_data
from wijkapp.workspace import Workspace

LATER = "2099-01-01T00:00:00+01:00"


def _first(data: dict[str, Any], table: str) -> dict[str, Any]:
    row: dict[str, Any] = data["tables"][table][0]
    row["updated_at"] = LATER
    return row


BAD: dict[str, Callable[[dict[str, Any]], None]] = {
    "position 2^63-1": lambda d: _first(d, "agenda_items").update(position=2**63 - 1),
    "negative position": lambda d: _first(d, "agenda_items").update(position=-1),
    "lone surrogate in notes": lambda d: _first(d, "agenda_items").update(notes="ab\ud800cd"),
    "lone surrogate in a name": lambda d: _first(d, "people").update(name="Jan\udc80"),
    "control chars in a name": lambda d: _first(d, "people").update(name="Jan\x1b[31m"),
    "newline in a title": lambda d: _first(d, "meetings").update(title="Eerste\nregel"),
    "title longer than the app allows": lambda d: _first(d, "agenda_items").update(title="x" * 501),
    "notes longer than the app allows": lambda d: _first(d, "agenda_items").update(
        notes="x" * 1_000_001),
    "empty required name": lambda d: _first(d, "people").update(name="   "),
    "minutes of a day and more": lambda d: _first(d, "agenda_items").update(minutes=10**9),
    "decision year 99999": lambda d: _first(d, "decisions").update(year=99999),
}


@pytest.fixture
def filled(ws: Workspace) -> Workspace:
    meeting = ws.meetings.create("2026-10-01 19:30").id
    item = ws.agenda.add(meeting, "Speeltuin", notes="Notities").id
    ws.contacts.add("Anna de Vries")
    ws.decisions.add(meeting, "Bankjes kopen", agenda_item_id=item)
    return ws


@pytest.mark.parametrize("case", list(BAD))
def test_bad_values_are_refused_at_import_and_nothing_changes(
    filled: Workspace, case: str
) -> None:
    data = json.loads(json.dumps(export_data(filled), ensure_ascii=False))
    BAD[case](data)
    before = export_data(filled)["tables"]
    with pytest.raises(ImportFormatError) as caught:
        import_data(filled, data)
    message = str(caught.value)
    assert message[0].isupper() and "niets ingelezen" in message, message
    assert export_data(filled)["tables"] == before


def test_the_boards_own_file_still_imports(filled: Workspace, tmp_path: Path) -> None:
    data = export_data(filled)
    with Workspace(tmp_path / "kopie.sqlite") as other:
        result = import_data(other, data)
        assert result.inserted == sum(len(rows) for rows in data["tables"].values())


def test_the_app_refuses_the_same_values(filled: Workspace) -> None:
    person = filled.contacts.all()[0].id
    with pytest.raises(ValidationError, match="onzichtbaar teken"):
        filled.contacts.update(person, name="Jan\x07")
    with pytest.raises(ValidationError, match="kapot teken"):
        filled.contacts.update(person, notes="half \ud800")
    assert filled.contacts.get(person).name == "Anna de Vries"


def test_the_cli_says_why_in_dutch(filled: Workspace, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(json.dumps(export_data(filled), ensure_ascii=False))
    BAD["lone surrogate in notes"](data)
    bad = tmp_path / "kapot.json"
    bad.write_text(json.dumps(data), encoding="utf-8")  # ensure_ascii keeps "\ud800" escaped
    filled.close()
    assert main(["import", str(bad), "--db", str(filled.path)]) == 1
    err = capsys.readouterr().err
    assert "kapot teken" in err and "onverwachts" not in err
