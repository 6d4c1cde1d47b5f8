"""Contacts, requests to the municipality, buurtagenda goals, documents and attachments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wijkapp.errors import NotFoundError, ValidationError
from wijkapp.goals import BUILDING_BLOCKS
from wijkapp.workspace import Workspace


def test_contacts_are_found_by_name_organisation_and_topic(ws: Workspace) -> None:
    gemeente = ws.organisations.add("Gemeente Sittard-Geleen", kind="municipality").id
    ws.contacts.add("Karin Janssen", role="wijkregisseur", organisation_id=gemeente,
                    topics="groen, verkeer", email="k.janssen@example.nl")
    ws.contacts.add("Jo Coördinator", topics="ouderen")
    assert [p.name for p in ws.contacts.find("sittard")] == ["Karin Janssen"]
    assert [p.name for p in ws.contacts.find("VERKEER")] == ["Karin Janssen"]
    assert [p.name for p in ws.contacts.find("coordinator")] == ["Jo Coördinator"]
    assert len(ws.contacts.find("")) == 2


def test_last_contact_and_bad_email(ws: Workspace) -> None:
    person = ws.contacts.add("Ria").id
    ws.contacts.record_contact(person, dt.date(2026, 11, 2))
    assert ws.contacts.get(person).last_contact == "2026-11-02"
    with pytest.raises(ValidationError, match="e-mailadres"):
        ws.contacts.update(person, email="ria at example")
    with pytest.raises(ValidationError):
        ws.contacts.add("   ")


def test_request_flow_with_six_week_default(ws: Workspace) -> None:
    buurt = ws.areas.all()[0].id
    request = ws.requests.add("Losliggende stoeptegels Kerkstraat", "Graag herstel.", area_id=buurt).id
    assert ws.requests.get(request).status == "draft"
    ws.requests.mark_sent(request, dt.date(2026, 9, 1), sent_to_name="Wijkregisseur")
    sent = ws.requests.get(request)
    assert (sent.status, sent.answer_due) == ("sent", "2026-10-13")
    assert sent.is_overdue(dt.date(2026, 10, 14))
    assert not sent.is_overdue(dt.date(2026, 10, 13))
    assert [r.id for r in ws.requests.overdue(dt.date(2026, 11, 1))] == [request]
    ws.requests.record_answer(request, "Wordt in week 45 hersteld.", dt.date(2026, 10, 20))
    answered = ws.requests.get(request)
    assert answered.status == "answered" and answered.answered_in_time() is False
    ws.requests.close(request)
    assert ws.requests.get(request).status == "closed"


def test_request_dates_must_make_sense(ws: Workspace) -> None:
    request = ws.requests.add("Bankje").id
    with pytest.raises(ValidationError):
        ws.requests.mark_sent(request, "2026-09-01", answer_due="2026-08-01")
    ws.requests.mark_sent(request, "2026-09-01", answer_due="2026-09-15")
    with pytest.raises(ValidationError):
        ws.requests.record_answer(request, "Te vroeg", "2026-08-01")
    ws.requests.record_answer(request, "Op tijd", "2026-09-15")
    assert ws.requests.get(request).answered_in_time() is True
    with pytest.raises(ValidationError):
        ws.requests.add("")


def test_goals_grouped_by_the_seven_building_blocks(ws: Workspace) -> None:
    buurt = ws.areas.all()[1].id
    goal = ws.goals.add("Veilige oversteek bij de school", 6, area_id=buurt,
                        how="Samen met ouders tellen", who="Werkgroep verkeer", due="voor de zomer").id
    ws.goals.add("Buurtscan afronden", 2)
    grouped = ws.goals.by_block()
    assert list(grouped) == list(BUILDING_BLOCKS) == [1, 2, 3, 4, 5, 6, 7]
    assert [g.title for g in grouped[6]] == ["Veilige oversteek bij de school"]
    assert [g.id for g in ws.goals.for_area(buurt)] == [goal]
    ws.goals.set_status(goal, "achieved", evaluation="Zebrapad ligt er sinds oktober.")
    assert ws.goals.get(goal).status == "achieved"
    with pytest.raises(ValidationError):
        ws.goals.add("Bouwsteen acht", 8)
    with pytest.raises(ValidationError):
        ws.goals.set_status(goal, "half")


def test_goal_evidence_links(ws: Workspace) -> None:
    goal = ws.goals.add("Meer groen", 3).id
    meeting = ws.meetings.create("2026-10-01 19:30").id
    decision = ws.decisions.add(meeting, "We planten tien bomen.").id
    request = ws.requests.add("Bomen planten").id
    ws.goals.link(goal, "decisions", decision)
    ws.goals.link(goal, "requests", request)
    ws.goals.link(goal, "requests", request)  # twice is once
    links = ws.goals.links(goal)
    assert [(link.target_kind, link.target_id) for link in links] == [("decisions", decision), ("requests", request)]
    ws.goals.unlink(links[0].id)
    assert len(ws.goals.links(goal)) == 1
    with pytest.raises(ValidationError):
        ws.goals.link(goal, "decisions", "00000000-0000-4000-8000-000000000000")


def test_documents_and_attachments_by_hash(ws: Workspace, tmp_path: Path) -> None:
    letter = tmp_path / "brief gemeente.pdf"
    letter.write_bytes(b"%PDF-1.4 brief over het speelveld")
    copy = tmp_path / "kopie.pdf"
    copy.write_bytes(letter.read_bytes())
    first = ws.attachments.add(letter).id
    second = ws.attachments.add(copy).id
    a, b = ws.attachments.get(first), ws.attachments.get(second)
    assert a.sha256 == b.sha256 and a.filename == "brief gemeente.pdf"
    assert ws.attachments.path_of(a).read_bytes() == letter.read_bytes()
    assert ws.attachments.verify(a)
    meeting = ws.meetings.create("2026-10-01 19:30").id
    doc = ws.documents.add("Brief over het speelveld", sender="Gemeente", received_on="2026-09-20",
                           meeting_id=meeting, attachment_id=first).id
    assert [d.id for d in ws.documents.for_meeting(meeting)] == [doc]
    with pytest.raises(NotFoundError):
        ws.attachments.add(tmp_path / "bestaat-niet.pdf")


def test_required_names_need_a_letter_or_digit(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="letter of cijfer"):
        ws.contacts.add("🎉🎉")
    assert ws.contacts.get(ws.contacts.add("Anna 🎉").id).name == "Anna 🎉"
