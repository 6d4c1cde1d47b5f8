"""The erase dialog shows where the name still stands in free text and replaces it (AVG)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.conftest import wait_for_worker
from ui.views.person_data import PersonDataDialog, places_text
from wijkapp.privacy import NamePlace, find_name, register_path
from wijkapp.workspace import Workspace


def _board(ws: Workspace) -> tuple[str, str, str]:
    person = ws.contacts.add("Jan de Vries", phone="06-12345678").id
    meeting = ws.meetings.create("2026-10-01 19:30").id
    item = ws.agenda.add(meeting, "Speeltuin", notes="Jan de Vries vraagt om een hek.").id
    decision = ws.decisions.add(meeting, "Het hek komt er (voorstel van jan de vries)").id
    return person, item, decision


def test_places_are_listed_and_replaced_when_erasing(
    qtbot: Any, ws: Workspace, app_ctx: Any, shoot: Any
) -> None:
    person, item, decision = _board(ws)
    confirms: list[str] = []
    dialog = PersonDataDialog(None, ws, person,
                              confirm=lambda _p, _t, text, _y: confirms.append(text) or True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.places_label.isVisible() and dialog.replace_in_text.isChecked()
    text = dialog.places_label.text()
    assert "getypt in 2 teksten" in text and "Agendapunt" in text and "vraagt om een hek" in text
    shoot(dialog, "gui-person-data-places")
    dialog.erase_button.click()
    wait_for_worker(qtbot)
    assert "In 2 teksten" in confirms[0]
    assert ws.agenda.get(item).notes == "verwijderd vraagt om een hek."
    assert ws.decisions.get(decision).text == "Het hek komt er (voorstel van verwijderd)"
    assert find_name(ws, "Jan de Vries") == []
    assert person in register_path(ws.path).read_text(encoding="utf-8")
    assert not dialog.places_label.isVisible()


def test_the_user_can_keep_the_free_text(qtbot: Any, ws: Workspace, app_ctx: Any) -> None:
    person, item, _decision = _board(ws)
    dialog = PersonDataDialog(None, ws, person, confirm=lambda *_a: True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.replace_in_text.setChecked(False)
    dialog.erase_button.click()
    wait_for_worker(qtbot)
    assert ws.contacts.get(person).name == "verwijderd"
    assert ws.agenda.get(item).notes == "Jan de Vries vraagt om een hek."


def test_places_text_counts_the_rest() -> None:
    places = [NamePlace("agenda_items", str(n), "notes", f"…Jan {n}…", "Agendapunt, de aantekeningen")
              for n in range(9)]
    text = places_text(places)
    assert text.count("•") == 6 and "en nog 3 andere teksten" in text
    assert places_text([]) == ""


def test_nothing_to_list_hides_the_option(qtbot: Any, ws: Workspace, app_ctx: Any,
                                          tmp_path: Path) -> None:
    person = ws.contacts.add("Uniek Persoon").id
    dialog = PersonDataDialog(None, ws, person)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.places_label.isVisible() and not dialog.replace_in_text.isVisible()
