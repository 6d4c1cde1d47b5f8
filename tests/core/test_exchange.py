"""The JSON exchange format: validated first, merged by id, round trip without loss."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkapp.errors import ImportFormatError
from wijkapp.exchange import FORMAT_VERSION, export_data, export_json, import_json
from wijkapp.workspace import Workspace


def _fill(ws: Workspace) -> None:
    anna = ws.contacts.add("Anna de Vries", board_member=True, email="anna@example.nl").id
    gemeente = ws.organisations.add("Gemeente", kind="municipality").id
    ws.contacts.add("Karin", organisation_id=gemeente)
    first = ws.meetings.create("2026-10-01 19:30", place="Buurthuis").id
    second = ws.meetings.create("2026-11-05 19:30").id
    ws.meetings.set_attendance(first, anna, "present")
    ws.meetings.approve_previous_minutes(second)
    item = ws.agenda.add(first, "Speeltuin <b>&amp;</b> 🙂 ĳ", notes="a < b & \"c\"").id
    goal = ws.goals.add("Meer groen", 3, area_id=ws.areas.all()[0].id).id
    decision = ws.decisions.add(first, "Bankjes kopen", agenda_item_id=item, goal_id=goal).id
    action = ws.actions.add(first, "Offerte", anna, "2026-10-20", goal_id=goal).id
    ws.actions.postpone(action, in_meeting=second)
    ws.goals.link(goal, "decisions", decision)
    request = ws.requests.add("Stoeptegels", "Graag herstel", meeting_id=first).id
    ws.requests.mark_sent(request, "2026-10-02")
    ws.documents.add("Brief", meeting_id=first)
    ws.agenda.delete(ws.agenda.add(first, "Weggehaald").id)  # a tombstone travels too


def _content(data: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(data["tables"]))


def test_export_import_export_gives_the_same_content(ws: Workspace, tmp_path: Path) -> None:
    _fill(ws)
    out = export_json(ws, tmp_path / "bord.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("wijkapp", FORMAT_VERSION)
    with Workspace(tmp_path / "leeg.sqlite") as empty:
        result = import_json(empty, out)
        assert result.inserted == sum(len(rows) for rows in data["tables"].values())
        assert _content(export_data(empty)) == data["tables"]
        assert empty.board.name == "Wijkplatform Test"
        assert empty.check()["healthy"]
        assert empty.search.query("speeltuin")


def test_importing_twice_changes_nothing_the_second_time(ws: Workspace, tmp_path: Path) -> None:
    _fill(ws)
    out = export_json(ws, tmp_path / "bord.json")
    with Workspace(tmp_path / "b.sqlite") as other:
        import_json(other, out)
        before = _content(export_data(other))
        again = import_json(other, out)
        assert (again.inserted, again.updated) == (0, 0)
        assert _content(export_data(other)) == before


def test_newer_rows_win_and_older_rows_are_left(ws: Workspace, tmp_path: Path) -> None:
    _fill(ws)
    old = export_json(ws, tmp_path / "oud.json")
    person = ws.contacts.find("Anna")[0]
    ws.contacts.update(person.id, role="voorzitter")
    new = export_json(ws, tmp_path / "nieuw.json")
    with Workspace(tmp_path / "b.sqlite") as other:
        import_json(other, new)
        result = import_json(other, old)
        assert result.updated == 0
        assert other.contacts.get(person.id).role == "voorzitter"


def _broken(ws: Workspace, tmp_path: Path, change: Any) -> Path:
    data = export_data(ws)
    change(data)
    path = tmp_path / "kapot.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


CORRUPTIONS = {
    "wrong format": lambda d: d.update(format="iets anders"),
    "newer version": lambda d: d.update(version=FORMAT_VERSION + 1),
    "unknown table": lambda d: d["tables"].update(geheim=[]),
    "two boards": lambda d: d["tables"]["boards"].append(dict(d["tables"]["boards"][0], id="11111111-1111-4111-8111-111111111111")),
    "missing field": lambda d: d["tables"]["meetings"][0].pop("title"),
    "wrong type": lambda d: d["tables"]["decisions"][0].update(seq="drie"),
    "bad status": lambda d: d["tables"]["actions"][0].update(status="half"),
    "bad date": lambda d: d["tables"]["actions"][0].update(due_date="31-02-2026"),
    "naive time": lambda d: d["tables"]["meetings"][0].update(starts_at="2026-10-01T19:30:00"),
    "dangling ref": lambda d: d["tables"]["actions"][0].update(owner_id="22222222-2222-4222-8222-222222222222"),
    "bad id": lambda d: d["tables"]["people"][0].update(id="robert'); DROP TABLE people;--"),
    "extra field": lambda d: d["tables"]["people"][0].update(wachtwoord="geheim"),
    "null required": lambda d: d["tables"]["agenda_items"][0].update(title=None),
    "duplicate id": lambda d: d["tables"]["people"].append(dict(d["tables"]["people"][0])),
    "other board": lambda d: d["tables"]["people"][0].update(board_id="33333333-3333-4333-8333-333333333333"),
    "rows not a list": lambda d: d["tables"].update(goals={"a": 1}),
}


@pytest.mark.parametrize("name", list(CORRUPTIONS))
def test_invalid_file_changes_nothing(ws: Workspace, tmp_path: Path, name: str) -> None:
    _fill(ws)
    path = _broken(ws, tmp_path, CORRUPTIONS[name])
    with Workspace(tmp_path / "doel.sqlite") as target:
        target.boards.create("Bestaand wijkplatform")
        before = _content(export_data(target))
        counts = target.check()["counts"]
        with pytest.raises(ImportFormatError) as caught:
            import_json(target, path)
        assert str(caught.value).endswith(".")
        assert _content(export_data(target)) == before
        assert target.check()["counts"] == counts


@pytest.mark.parametrize("raw", [b"", b"{", b"[1, 2]", b"\xff\xfe\x00garbage", b'{"format": "wijkapp"}'])
def test_unreadable_files_get_a_dutch_message(empty_ws: Workspace, tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(raw)
    with pytest.raises(ImportFormatError):
        import_json(empty_ws, path)
    assert not empty_ws.has_board


def test_missing_file(empty_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="bestaat niet"):
        import_json(empty_ws, tmp_path / "nergens.json")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=st.sampled_from(["people", "meetings", "actions", "agenda_items", "decisions"]),
    column=st.sampled_from(["id", "title", "name", "status", "board_id", "created_at", "what", "position"]),
    value=st.one_of(st.none(), st.integers(), st.text(max_size=20), st.booleans(), st.lists(st.integers(), max_size=2)),
)
def test_any_single_field_corruption_is_all_or_nothing(
    ws: Workspace, tmp_path: Path, table: str, column: str, value: Any
) -> None:
    if not ws.meetings.all():
        _fill(ws)
    data = export_data(ws)
    data["tables"][table][0][column] = value
    path = tmp_path / "h.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with Workspace(tmp_path / f"h-{abs(hash((table, column, repr(value))))}.sqlite") as target:
        try:
            import_json(target, path)
        except ImportFormatError:
            assert not target.has_board
            assert sum(target.check()["counts"].values()) == 0
        else:
            assert target.check()["healthy"]
