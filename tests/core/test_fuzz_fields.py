"""Every editable text field: any input is either stored exactly or refused in Dutch.

"Exactly" minus NUL and the invisible bidirectional controls (U+202A–U+202E,
U+2066–U+2069), which are never stored (issue 14), and minus surrounding spaces on names.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkapp.base import BIDI_CONTROLS
from wijkapp.errors import ImportFormatError, ValidationError
from wijkapp.exchange import export_data, import_data
from wijkapp.workspace import Workspace

NASTY = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["", " ", "<b>&amp;</b>", "a < b & \"c\"", "🙂🏳️‍🌈", "ĳsbaan Ĳmuiden", "\x00nul",
                     "'); DROP TABLE meetings;--", "x" * 10_000, "\u202eomgekeerd", "\r\n\t"]),
)

# (table, column, how to write it) for every text field a person can type.
FIELDS: list[tuple[str, str, Callable[[Workspace, dict[str, str], str], Any]]] = [
    ("boards", "name", lambda ws, ids, v: ws.boards.update(ws.board_id, name=v)),
    ("areas", "name", lambda ws, ids, v: ws.areas.rename(ids["area"], v)),
    ("people", "name", lambda ws, ids, v: ws.contacts.update(ids["person"], name=v)),
    ("people", "role", lambda ws, ids, v: ws.contacts.update(ids["person"], role=v)),
    ("people", "topics", lambda ws, ids, v: ws.contacts.update(ids["person"], topics=v)),
    ("people", "notes", lambda ws, ids, v: ws.contacts.update(ids["person"], notes=v)),
    ("people", "phone", lambda ws, ids, v: ws.contacts.update(ids["person"], phone=v)),
    ("organisations", "name", lambda ws, ids, v: ws.organisations.update(ids["org"], name=v)),
    ("meetings", "title", lambda ws, ids, v: ws.meetings.update(ids["meeting"], title=v)),
    ("meetings", "place", lambda ws, ids, v: ws.meetings.update(ids["meeting"], place=v)),
    ("agenda_items", "title", lambda ws, ids, v: ws.agenda.update(ids["item"], title=v)),
    ("agenda_items", "notes", lambda ws, ids, v: ws.agenda.set_notes(ids["item"], v)),
    ("agenda_items", "summary", lambda ws, ids, v: ws.agenda.update(ids["item"], summary=v)),
    ("agenda_items", "presenter", lambda ws, ids, v: ws.agenda.update(ids["item"], presenter=v)),
    ("decisions", "text", lambda ws, ids, v: ws.decisions.update(ids["decision"], text=v)),
    ("actions", "what", lambda ws, ids, v: ws.actions.update(ids["action"], what=v)),
    ("actions", "notes", lambda ws, ids, v: ws.actions.update(ids["action"], notes=v)),
    ("requests", "subject", lambda ws, ids, v: ws.requests.update(ids["request"], subject=v)),
    ("requests", "text", lambda ws, ids, v: ws.requests.update(ids["request"], text=v)),
    ("requests", "answer_text", lambda ws, ids, v: ws.requests.update(ids["request"], answer_text=v)),
    ("goals", "title", lambda ws, ids, v: ws.goals.update(ids["goal"], title=v)),
    ("goals", "evaluation", lambda ws, ids, v: ws.goals.update(ids["goal"], evaluation=v)),
    ("documents", "subject", lambda ws, ids, v: ws.documents.update(ids["document"], subject=v)),
]


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> Any:
    ws = Workspace(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite")
    ws.boards.create("Fuzz", "Wijk", ["Buurt"])
    meeting = ws.meetings.create("2026-10-01 19:30").id
    item = ws.agenda.add(meeting, "Punt").id
    ids = {
        "area": ws.areas.all()[0].id,
        "person": ws.contacts.add("Persoon").id,
        "org": ws.organisations.add("Organisatie").id,
        "meeting": meeting,
        "item": item,
        "decision": ws.decisions.add(meeting, "Besluit").id,
        "action": ws.actions.add(meeting, "Actie").id,
        "request": ws.requests.add("Verzoek").id,
        "goal": ws.goals.add("Doel", 1).id,
        "document": ws.documents.add("Stuk").id,
    }
    yield ws, ids
    ws.close()


@pytest.mark.parametrize(("table", "column", "write"), FIELDS, ids=[f"{t}.{c}" for t, c, _ in FIELDS])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=NASTY)
def test_field_keeps_input_or_refuses_in_dutch(board: Any, table: str, column: str, write: Any, value: str) -> None:
    ws, ids = board
    key = {"boards": None}.get(table, "")
    row_id = ws.board_id if key is None else _row_id(ids, table)
    before = ws.store.row(table, row_id)[column]
    try:
        write(ws, ids, value)
    except ValidationError as error:
        assert str(error).endswith(".") and str(error)[0].isupper()
        assert ws.store.row(table, row_id)[column] == before
        return
    stored = ws.store.row(table, row_id)[column]
    kept = BIDI_CONTROLS.sub("", value.replace("\x00", ""))
    assert stored in (kept, kept.strip())
    ws.search.query(value)


def _row_id(ids: dict[str, str], table: str) -> str:
    return {
        "areas": ids["area"], "people": ids["person"], "organisations": ids["org"],
        "meetings": ids["meeting"], "agenda_items": ids["item"], "decisions": ids["decision"],
        "actions": ids["action"], "requests": ids["request"], "goals": ids["goal"],
        "documents": ids["document"],
    }[table]


JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30)),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=30,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(garbage=JSONISH, where=st.sampled_from(["root", "tables", "row", "version", "boards"]))
def test_any_exchange_shape_is_refused_whole_or_accepted(board: Any, garbage: Any, where: str) -> None:
    ws, _ = board
    data = export_data(ws)
    if where == "root":
        data = garbage
    elif where == "tables":
        data["tables"] = garbage
    elif where == "row":
        data["tables"]["meetings"][0] = garbage
    elif where == "version":
        data["version"] = garbage
    else:
        data["tables"]["boards"] = garbage
    before = json.dumps(export_data(ws)["tables"], sort_keys=True)
    try:
        import_data(ws, data if isinstance(data, dict) else {"x": data})
    except ImportFormatError:
        assert json.dumps(export_data(ws)["tables"], sort_keys=True) == before
    else:
        assert ws.check()["healthy"]


def test_deeply_nested_and_huge_files_are_refused(tmp_path: Path, empty_ws: Workspace) -> None:
    deep = tmp_path / "diep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    huge = tmp_path / "groot.json"
    huge.write_text(json.dumps({"format": "wijkapp", "version": 1, "tables": {"boards": ["x" * 5_000_000]}}), encoding="utf-8")
    from wijkapp.exchange import import_json

    for path in (deep, huge):
        with pytest.raises(ImportFormatError):
            import_json(empty_ws, path)
    assert not empty_ws.has_board
