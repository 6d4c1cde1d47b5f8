"""The board, its buurten, its agenda template and its settings."""

from __future__ import annotations

import pytest

from wijkapp.errors import NotFoundError, ValidationError
from wijkapp.workspace import Workspace


def test_first_board_becomes_current_and_survives_reopening(empty_ws: Workspace) -> None:
    assert not empty_ws.has_board
    with pytest.raises(NotFoundError, match="nog geen wijkplatform"):
        empty_ws.board  # noqa: B018 - the property raises
    empty_ws.boards.create("Wijkplatform Geleen-Zuid", "Geleen-Zuid", ["Lindenheuvel", " ", "Krawinkel"],
                           municipality="Sittard-Geleen")
    path = empty_ws.path
    empty_ws.close()
    with Workspace(path) as ws:
        assert ws.board.name == "Wijkplatform Geleen-Zuid"
        assert ws.board.municipality == "Sittard-Geleen"
        assert [a.name for a in ws.areas.all()] == ["Lindenheuvel", "Krawinkel"]


def test_buurten_are_added_renamed_and_deleted(ws: Workspace) -> None:
    ws.areas.add("Het Rode Dorp")
    assert [a.name for a in ws.areas.all()] == ["Lindenheuvel", "Krawinkel", "Het Rode Dorp"]
    krawinkel = ws.areas.all()[1].id
    ws.areas.rename(krawinkel, "Krawinkel-Noord")
    ws.areas.delete(ws.areas.all()[0].id)
    assert [a.name for a in ws.areas.all()] == ["Krawinkel-Noord", "Het Rode Dorp"]
    with pytest.raises(ValidationError):
        ws.areas.add("  ")


def test_board_update_and_template_validation(ws: Workspace) -> None:
    ws.boards.update(ws.board_id, name="Wijkplatform Nieuw", wijk="Noord")
    assert (ws.board.name, ws.board.wijk) == ("Wijkplatform Nieuw", "Noord")
    with pytest.raises(ValidationError):
        ws.boards.update(ws.board_id, name="")
    with pytest.raises(ValidationError):
        ws.boards.update(ws.board_id, wachtwoord="x")
    with pytest.raises(ValidationError):
        ws.boards.set_template(ws.board_id, [{"title": "Iets", "kind": "kletsen"}])
    with pytest.raises(ValidationError):
        ws.boards.set_template(ws.board_id, [{"title": ""}])


def test_settings_are_stored_per_board(ws: Workspace) -> None:
    ws.set_setting("tekstgrootte", 150)
    ws.set_setting("eigen woorden", [["inzake", "over"]])
    assert ws.settings() == {"tekstgrootte": 150, "eigen woorden": [["inzake", "over"]]}


def test_switching_boards_switches_every_manager(ws: Workspace) -> None:
    first = ws.board_id
    ws.contacts.add("Alleen in het eerste")
    ws.boards.create("Tweede wijkplatform")
    assert ws.contacts.all() == [] and ws.areas.all() == []
    ws.use_board(first)
    assert [p.name for p in ws.contacts.all()] == ["Alleen in het eerste"]
    assert [b.name for b in ws.boards.all()] == ["Tweede wijkplatform", "Wijkplatform Test"]
    with pytest.raises(NotFoundError):
        ws.use_board("bestaat-niet")
