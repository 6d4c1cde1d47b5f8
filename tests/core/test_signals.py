"""Stem van de wijk: the register of signals, follow-up, consent and erasure."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from wijkapp.errors import ValidationError
from wijkapp.exchange import export_data, export_json, import_data, import_json
from wijkapp.privacy import erase_person, erase_signal_resident, person_data
from wijkapp.signals import DEFAULT_GROUPS, DEFAULT_THEMES
from wijkapp.workspace import Workspace

COFFEE = "Sinds mijn man dood is, praat ik soms een hele week met niemand."


def _member(ws: Workspace, name: str = "Anneke Smeets") -> str:
    person = ws.contacts.add(name, board_member=True).id
    assert person
    return person


def test_signal_is_recorded_in_the_residents_words(ws: Workspace) -> None:
    anneke = _member(ws)
    changes = ws.signals.add(COFFEE, "2026-03-05", place="Koffieochtend Trefpunt",
                             heard_by_id=anneke, themes=["eenzaamheid"], groups=["ouderen"])
    signal = ws.signals.get(changes.id or "")
    assert signal.words == COFFEE
    assert signal.heard_by_name == "Anneke Smeets"
    assert signal.theme_list == ["eenzaamheid"] and signal.group_list == ["ouderen"]
    assert signal.consent == 0 and signal.resident_name == ""
    assert changes.step == "Signaal vastgelegd" and changes.touches("signals")


def test_signal_needs_words_and_refuses_a_name_without_consent(ws: Workspace) -> None:
    with pytest.raises(ValidationError):
        ws.signals.add("   ")
    with pytest.raises(ValidationError, match="toestemming"):
        ws.signals.add(COFFEE, resident_name="Mevrouw Janssen")
    signal_id = ws.signals.add(COFFEE).id or ""
    with pytest.raises(ValidationError, match="toestemming"):
        ws.signals.update(signal_id, resident_contact="06-12345678")
    ws.signals.update(signal_id, consent=True, resident_name="Mevrouw Janssen")
    signal = ws.signals.get(signal_id)
    assert signal.consent == 1 and signal.consent_on is not None
    with pytest.raises(ValidationError, match="toestemming"):
        ws.signals.update(signal_id, consent=False)


def test_bad_input_is_kept_as_typed(ws: Workspace) -> None:
    words = "<b>&amp; ĳs 🙂 " + "x" * 10_000
    signal_id = ws.signals.add(words, themes=["  groen  ", "Groen", "ĳs<b>"]).id or ""
    signal = ws.signals.get(signal_id)
    assert signal.words == words
    assert signal.theme_list == ["groen", "ĳs<b>"]
    with pytest.raises(ValidationError):
        ws.signals.add("ok", heard_on="31-02-2026")
    with pytest.raises(ValidationError):
        ws.signals.add("ok", themes=["x" * 101])


def test_undo_and_soft_delete(ws: Workspace) -> None:
    signal_id = ws.signals.add(COFFEE).id or ""
    ws.signals.update(signal_id, subject="Eenzaam na overlijden")
    ws.undo()
    assert ws.signals.get(signal_id).subject == ""
    ws.signals.delete(signal_id)
    assert ws.signals.all() == []
    assert ws.store.row("signals", signal_id)["deleted_at"]
    ws.undo()
    assert ws.signals.get(signal_id).words == COFFEE


def test_pass_on_to_the_municipality_and_a_partner_then_answers(ws: Workspace) -> None:
    signal_id = ws.signals.add(COFFEE, "2026-03-05", consent=True,
                               resident_name="Mevrouw Janssen", resident_contact="06-1").id or ""
    knooppunt = ws.organisations.add("Knooppunt Informele Zorg", themes=["eenzaamheid"]).id or ""
    to_city = ws.signals.pass_on(signal_id, "request", on="2026-03-09", to_name="Wijkregisseur")
    assert to_city.step == "Signaal doorgegeven" and to_city.touches("requests", "signal_followups")
    request = next(r for r in ws.requests.all())
    assert request.kind == "signal" and request.status == "sent" and request.answer_due == "2026-04-20"
    assert "Janssen" not in request.text and "06-1" not in request.text  # never the name
    ws.signals.pass_on(signal_id, "referral", to_id=knooppunt, on="2026-03-09")
    assert ws.signals.statuses()[signal_id] == "passed_on"
    views = ws.signals.followups(signal_id)
    assert [v.to for v in views] == ["Wijkregisseur", "Knooppunt Informele Zorg"]
    ws.requests.record_answer(request.id, "De buurtverbinder belt mevrouw.", on="2026-03-30")
    ws.signals.record_answer(views[1].followup.id, "Maatje gekoppeld.", on="2026-04-02")
    views = ws.signals.followups(signal_id)
    assert [v.answer for v in views] == ["De buurtverbinder belt mevrouw.", "Maatje gekoppeld."]
    assert ws.signals.statuses()[signal_id] == "answered"
    ws.signals.set_outcome(signal_id, "Mevrouw gaat nu elke week naar de koffieochtend.", on="2026-04-10")
    assert ws.signals.statuses()[signal_id] == "done"


def test_pass_on_is_one_undo_step(ws: Workspace) -> None:
    signal_id = ws.signals.add(COFFEE).id or ""
    ws.signals.pass_on(signal_id, "request")
    assert len(ws.requests.all()) == 1
    assert ws.undo_name == "Signaal doorgegeven"
    ws.undo()
    assert ws.requests.all() == [] and ws.signals.followups(signal_id) == []
    ws.redo()
    assert len(ws.requests.all()) == 1 and len(ws.signals.followups(signal_id)) == 1


def test_pass_on_to_the_agenda_and_a_goal(ws: Workspace) -> None:
    meeting = ws.meetings.create(dt.datetime(2030, 1, 10, 19, 30)).id or ""
    signal_id = ws.signals.add(COFFEE, subject="Eenzaamheid").id or ""
    ws.signals.pass_on(signal_id, "agenda_item")
    assert any(i.title == "Eenzaamheid" for i in ws.agenda.for_meeting(meeting))
    ws.signals.pass_on(signal_id, "goal")
    goal = next(g for g in ws.goals.all() if g.title == "Eenzaamheid")
    assert goal.building_block == 4
    with pytest.raises(ValidationError):
        ws.signals.pass_on(signal_id, "referral")  # to whom?
    with pytest.raises(ValidationError):
        ws.signals.pass_on(signal_id, "fax")


def test_forgotten_signals_show_after_the_board_set_weeks(ws: Workspace) -> None:
    old = ws.signals.add("Oud signaal", "2026-01-01").id or ""
    ws.signals.add("Nieuw signaal", "2026-03-01")
    handled = ws.signals.add("Opgepakt", "2026-01-01").id or ""
    ws.signals.pass_on(handled, "referral", to_name="Sociaal werk")
    on = dt.date(2026, 3, 10)
    assert [s.id for s in ws.signals.forgotten(on)] == [old]
    ws.set_setting("signal_followup_weeks", 12)
    assert ws.signals.forgotten(on) == []


def test_board_lists_start_with_defaults_and_are_editable(ws: Workspace) -> None:
    assert ws.signals.themes() == list(DEFAULT_THEMES)
    assert ws.signals.groups() == list(DEFAULT_GROUPS)
    ws.signals.set_groups(["ouderen", "statushouders"])
    assert ws.signals.groups() == ["ouderen", "statushouders"]


def test_signals_are_found_by_search(ws: Workspace) -> None:
    ws.signals.add(COFFEE, subject="Alleen thuis")
    hits = ws.search.grouped("niemand")
    assert [h.title for h in hits["signals"]] == ["Alleen thuis"]


def test_who_helps_from_the_search_and_the_sociale_kaart(ws: Workspace) -> None:
    from wijkapp.social_map import helpers_for_signal, themes_without_partner, who_helps

    ws.organisations.add("Knooppunt Informele Zorg", offer="Maatjes en mantelzorgsteun",
                         themes=["eenzaamheid", "zorg en ondersteuning"], groups=["mantelzorgers"],
                         reach="046 123 45 67", cost="gratis")
    ws.organisations.add("Voedselbank", themes=["bestaanszekerheid en armoede"])
    assert [o.name for o in who_helps(ws, "Wie helpt bij eenzaamheid?")] == ["Knooppunt Informele Zorg"]
    assert "organisations" in ws.search.grouped("wie helpt bij eenzaamheid?")
    assert [o.name for o in helpers_for_signal(ws, ["eenzaamheid"], [])] == ["Knooppunt Informele Zorg"]
    missing = themes_without_partner(ws)
    assert "eenzaamheid" not in missing and "wonen" in missing


def test_erasure_covers_the_resident_and_the_board_member(ws: Workspace, db_path: Path) -> None:
    anneke = _member(ws)
    signal_id = ws.signals.add(COFFEE, heard_by_id=anneke, consent=True,
                               resident_name="Mevrouw Zuurbier", resident_contact="zuur@example.nl").id or ""
    assert person_data(ws, anneke)["signals"][0]["id"] == signal_id
    erase_signal_resident(ws, signal_id)
    signal = ws.signals.get(signal_id)
    assert (signal.resident_name, signal.resident_contact, signal.consent) == ("", "", 0)
    assert ws.undo_name is None
    erase_person(ws, anneke)
    assert ws.signals.get(signal_id).heard_by_name == "verwijderd"
    ws.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT COUNT(*) FROM signals_fts WHERE signals_fts MATCH 'Anneke'").fetchone()[0] == 0
    conn.close()


def test_exchange_carries_signals_and_old_files_still_import(ws: Workspace, tmp_path: Path) -> None:
    org = ws.organisations.add("Knooppunt", themes=["eenzaamheid"], offer="Maatjes").id or ""
    signal_id = ws.signals.add(COFFEE, themes=["eenzaamheid"]).id or ""
    ws.signals.pass_on(signal_id, "referral", to_id=org)
    ws.goals.add("Minder eenzaamheid", 4, preventive=True)
    data = export_data(ws)
    assert data["version"] == 2
    assert len(data["tables"]["signals"]) == 1 and len(data["tables"]["signal_followups"]) == 1
    out = export_json(ws, tmp_path / "wijk.json")
    with Workspace(tmp_path / "other.sqlite") as other:
        import_json(other, out)
        assert other.signals.get(signal_id).theme_list == ["eenzaamheid"]
        assert other.organisations.get(org).offer == "Maatjes"
        assert other.goals.all()[0].preventive == 1
    # a version-1 file: no signal tables, no sociale-kaart or preventive columns
    old = json.loads(out.read_text(encoding="utf-8"))
    old["version"] = 1
    for table in ("signals", "signal_followups"):
        del old["tables"][table]
    for row in old["tables"]["organisations"]:
        for column in ("offer", "themes", "groups", "reach", "cost"):
            del row[column]
    for table in ("goals", "actions"):
        for row in old["tables"][table]:
            del row["preventive"]
    with Workspace(tmp_path / "third.sqlite") as third:
        result = import_data(third, old)
        assert result.inserted > 0
        assert third.organisations.get(org).offer == ""
        assert third.signals.all() == []


def test_import_refuses_a_follow_up_of_an_unknown_kind(ws: Workspace) -> None:
    from wijkapp.errors import ImportFormatError

    signal_id = ws.signals.add(COFFEE).id or ""
    ws.signals.pass_on(signal_id, "referral", to_name="Sociaal werk")
    data = export_data(ws)
    data["tables"]["signal_followups"][0]["kind"] = "fax"
    with Workspace(ws.path.with_name("b.sqlite")) as other, pytest.raises(ImportFormatError):
        import_data(other, data)


def test_import_refuses_a_resident_name_without_consent(ws: Workspace) -> None:
    from wijkapp.errors import ImportFormatError

    ws.signals.add(COFFEE, consent=True, resident_name="Mevrouw Janssen")
    data = export_data(ws)
    data["tables"]["signals"][0]["consent"] = 0
    with Workspace(ws.path.with_name("c.sqlite")) as other:
        with pytest.raises(ImportFormatError, match="zonder toestemming"):
            import_data(other, data)
        assert not other.has_board  # nothing half-imported
