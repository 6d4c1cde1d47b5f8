"""An id belongs to one board: an exchange file can neither take over nor reparent our rows,
and ``check`` finds rows whose board differs from their parent's (issue 11, point 8)."""

from __future__ import annotations

import copy
import hashlib
import uuid
from pathlib import Path
from typing import Any

import pytest

from wijkapp.errors import ImportFormatError
from wijkapp.exchange import export_data, import_data
from wijkapp.workspace import Workspace

LATER = "2099-01-01T00:00:00+01:00"


def _other_board_file(ws: Workspace) -> dict[str, Any]:
    """An exchange file of another board (fresh ids), made from our own export."""
    data = copy.deepcopy(export_data(ws))
    other = str(uuid.uuid4())
    data["board_id"] = other
    tables = data["tables"]
    tables["boards"] = [dict(tables["boards"][0], id=other, name="Ander platform")]
    for table in list(tables):
        if table != "boards":
            tables[table] = []
    return data


def _fingerprint(ws: Workspace) -> str:
    return hashlib.sha256(repr(export_data(ws)["tables"]).encode()).hexdigest()


@pytest.fixture
def filled(ws: Workspace) -> Workspace:
    meeting = ws.meetings.create("2026-10-01 19:30").id
    ws.agenda.add(meeting, "Speeltuin", notes="Ons verslag")
    return ws


def test_a_file_that_reuses_our_id_for_another_board_is_refused(filled: Workspace) -> None:
    ws = filled
    ours = export_data(ws)["tables"]["agenda_items"][0]
    data = _other_board_file(ws)
    meeting = dict(export_data(ws)["tables"]["meetings"][0], board_id=data["board_id"],
                   updated_at=LATER)
    stolen = dict(ours, board_id=data["board_id"], title="Van ons afgepakt", updated_at=LATER)
    data["tables"]["meetings"] = [meeting]
    data["tables"]["agenda_items"] = [stolen]
    before = _fingerprint(ws)
    with pytest.raises(ImportFormatError) as caught:
        import_data(ws, data)
    assert "ander wijkplatform" in str(caught.value) and "niets ingelezen" in str(caught.value)
    assert _fingerprint(ws) == before
    assert ws.agenda.get(ours["id"]).title == ours["title"]
    assert ws.check()["healthy"]


def test_a_file_that_hangs_its_rows_under_our_meeting_is_refused(filled: Workspace) -> None:
    ws = filled
    data = _other_board_file(ws)
    our_meeting = export_data(ws)["tables"]["meetings"][0]["id"]
    item = dict(export_data(ws)["tables"]["agenda_items"][0], id=str(uuid.uuid4()),
                board_id=data["board_id"], meeting_id=our_meeting)
    data["tables"]["agenda_items"] = [item]
    before = _fingerprint(ws)
    with pytest.raises(ImportFormatError, match="ander wijkplatform"):
        import_data(ws, data)
    assert _fingerprint(ws) == before
    assert ws.store.scalar("SELECT COUNT(*) FROM boards") == 1


def test_our_own_board_file_still_merges(filled: Workspace, tmp_path: Path) -> None:
    data = export_data(filled)
    data["tables"]["agenda_items"][0]["title"] = "Speeltuin (bijgewerkt)"
    data["tables"]["agenda_items"][0]["updated_at"] = LATER
    result = import_data(filled, data)
    assert result.updated == 1


def test_check_finds_rows_whose_board_differs_from_their_parent(filled: Workspace) -> None:
    ws = filled
    assert ws.check()["healthy"]
    other = ws.boards.create("Tweede platform").id
    ws.use_board(other)
    with ws.store.lock:
        ws.store.conn.execute("UPDATE agenda_items SET board_id = ?", [other])
    report = ws.check()
    assert not report["healthy"]
    assert any("agenda_items" in p and "meeting_id" in p for p in report["problems"])
