"""The resident summary really is makkelijk: measured on the text pypdf reads from the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from wijkapp.demo import CONTACT
from wijkapp.export.summary_content import action_sentence, clock_in_words
from wijkapp.export.summary_pdf import write_summary_pdf
from wijkapp.plainlang import Level, analyse_text
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace

from .conftest import Board


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_every_demo_meeting_summary_is_makkelijk_from_its_pdf(demo: Board, tmp_path: Path) -> None:
    ws = demo.ws
    meetings = ws.meetings.all()
    assert len(meetings) >= 11
    for meeting in meetings:
        out = tmp_path / f"{meeting.id}.pdf"
        write_summary_pdf(ws, meeting, out, dt.date.today())
        text = _pdf_text(out)
        report = analyse_text(text)
        where = f"samenvatting van {meeting.start.date()}"
        assert report.flesch_douma is not None and report.flesch_douma >= 70, where
        assert report.average_sentence_length <= 12, where
        assert report.difficult_words_per_100 <= 6, where
        assert report.level is Level.MAKKELIJK, where
        flat = " ".join(text.split())
        assert f"Bel {CONTACT['contact_person']}: {CONTACT['contact_phone']}." in flat, where
        assert CONTACT["contact_email"] in flat.replace(" ", ""), where
        for board_word in ("Klaar voor", "Samenvatting", "Gemeenschapshuis", "Buurtagenda:"):
            assert board_word not in flat, (where, board_word)


def test_contact_details_print_on_the_summary_and_change_with_the_settings(
        tmp_path: Path) -> None:
    with Workspace(tmp_path / "wijk.sqlite") as ws:
        ws.boards.create("Wijkplatform Contact", "Oost", ["Dorp"])
        meeting = ws.meetings.get(ws.meetings.create(
            dt.datetime(2026, 4, 7, 20, tzinfo=TZ), place="Het Buurthuis").id)
        ws.agenda.add(meeting.id, "Bankjes", summary="Er komen drie bankjes.")
        ws.boards.set_contact(ws.board_id, contact_person="An de Wit",
                              contact_email="post@wijkoost.example.nl",
                              contact_website="www.wijkoost.example.nl")
        out = tmp_path / "s.pdf"
        write_summary_pdf(ws, meeting, out, dt.date(2026, 4, 8))
        text = " ".join(_pdf_text(out).split())
    assert "Vragen of ideeën? Vraag het aan An de Wit. Of mail naar post@wijkoost.example.nl." in text
    assert "Kijk ook op www.wijkoost.example.nl." in text


ACTIONS = [
    ("De gemeente", "De lantaarnpaal repareren", dt.date(2027, 1, 19), dt.date(2026, 11, 10),
     "De gemeente gaat de lantaarnpaal repareren. Dat gebeurt vóór 19 januari."),
    ("Twan", "Vragen of er een bank kan komen", None, dt.date(2026, 5, 1),
     "Twan gaat vragen of er een bank kan komen."),
    ("Ria", "Twee mensen zoeken voor de kerstmarkt.", dt.date(2026, 12, 1), dt.date(2026, 11, 10),
     "Ria gaat twee mensen zoeken voor de kerstmarkt. Dat gebeurt vóór 1 december."),
    ("Jo", "Stichting Welzijn Zuid bellen", None, dt.date(2026, 5, 1),
     "Jo gaat Stichting Welzijn Zuid bellen."),
    ("Gerda", "Instructieavond voor de bellers", None, dt.date(2026, 5, 1),
     "Gerda zorgt voor: instructieavond voor de bellers."),
    ("Harrie", "Het verslag doorsturen", dt.date(2028, 3, 1), dt.date(2026, 5, 1),
     "Harrie gaat het verslag doorsturen. Dat gebeurt vóór 1 maart 2028."),
    ("Jo", "   ", None, dt.date(2026, 5, 1), ""),
]


@pytest.mark.parametrize(("who", "what", "due", "reference", "expected"), ACTIONS)
def test_actions_read_as_what_is_going_to_happen(who: str, what: str, due: dt.date | None,
                                                 reference: dt.date, expected: str) -> None:
    assert action_sentence(who, what, due, reference) == expected


@pytest.mark.parametrize(("clock", "words"), [
    (dt.time(19, 30), "half acht 's avonds"),
    (dt.time(20, 0), "acht uur 's avonds"),
    (dt.time(10, 15), "kwart over tien 's ochtends"),
    (dt.time(13, 45), "kwart voor twee 's middags"),
    (dt.time(0, 30), "half een 's nachts"),
    (dt.time(12, 0), "twaalf uur 's middags"),
    (dt.time(19, 40), "19.40 uur"),
])
def test_the_time_of_the_next_meeting_is_said_in_words(clock: dt.time, words: str) -> None:
    assert clock_in_words(clock) == words


def test_a_meeting_still_to_come_is_told_in_the_present_tense(tmp_path: Path) -> None:
    with Workspace(tmp_path / "wijk.sqlite") as ws:
        ws.boards.create("Wijkplatform Later", "West", ["Dorp"])
        meeting = ws.meetings.get(ws.meetings.create(
            dt.datetime(2026, 12, 8, 19, 30, tzinfo=TZ), place="Het Buurthuis").id)
        ws.agenda.add(meeting.id, "Nieuwe bankjes bij de vijver")
        out = tmp_path / "s.pdf"
        write_summary_pdf(ws, meeting, out, dt.date(2026, 11, 30))
        text = " ".join(_pdf_text(out).split())
    assert "Op dinsdag 8 december komen we bij elkaar. Hier leest u waar we over praten." in text
    assert "Waar praten we over? We praten over: Nieuwe bankjes bij de vijver." in text
    assert "kwamen" not in text and "spraken" not in text
