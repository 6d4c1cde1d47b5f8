"""Samenvatting voor bewoners: read back with pypdf — headings, sentences, level, escaping."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from wijkapp.cli import main
from wijkapp.export import FORMATS, export, suggested_filename
from wijkapp.export.summary_pdf import (
    BOARD_TERMS_SETTING,
    TITLE,
    board_terms,
    resident_summary,
    write_summary_pdf,
)
from wijkapp.plainlang import Level, analyse_text
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace

from .conftest import Board

TODAY = dt.date(2026, 6, 1)
HOSTILE = 'a < b & "c" <b>vet</b> &amp; 🎉 ĳsbaan'


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _pdf(path: Path) -> tuple[str, int]:
    reader = PdfReader(str(path))
    return _flat(" ".join(page.extract_text() for page in reader.pages)), len(reader.pages)


def _font_sizes(path: Path) -> Counter[float]:
    """Characters printed per font size (the body size is the most common one)."""
    sizes: Counter[float] = Counter()

    def visit(text: str, _cm: object, tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            sizes[round(size * (tm[0] or 1), 1)] += len(text.strip())

    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.fixture
def small(tmp_path: Path) -> Workspace:
    """A board with one held meeting, a guest, a board member and a meeting after it."""
    ws = Workspace(tmp_path / "wijk.sqlite")
    ws.boards.create("Wijkplatform Test", "Zuid", ["Lindenheuvel"])
    member = ws.contacts.add("Gerda IJzerman", role="Lid", board_member=True,
                             phone="06 11 22 33 44", email="gerda@example.nl").id
    guest = ws.contacts.add("Ilse Brouwers", role="Wijkregisseur", phone="14 046",
                            email="ilse@gemeente.example.nl").id
    start = dt.datetime(2026, 5, 12, 19, 30, tzinfo=TZ)
    meeting = ws.meetings.create(start, place="De Schakel").id
    ws.meetings.create(start + dt.timedelta(days=28), place="De Schakel")
    item = ws.agenda.add(meeting, "Speeltuin", summary="De speeltuin is kapot. We vragen "
                         "de gemeente om nieuwe schommels.").id
    ws.decisions.add(meeting, "We vragen de gemeente om nieuwe schommels", agenda_item_id=item)
    ws.actions.add(meeting, "Brief aan de gemeente sturen", owner_id=member,
                   due_date=dt.date(2026, 5, 26))
    ws.actions.add(meeting, "Offerte opvragen", owner_id=guest, due_date=dt.date(2026, 6, 9))
    linked = ws.requests.add("Nieuwe schommels", "Graag nieuwe schommels.", meeting_id=meeting).id
    ws.requests.mark_sent(linked, on=dt.date(2026, 5, 14))
    around = ws.requests.add("Losse stoeptegels Kerkstraat").id
    ws.requests.mark_sent(around, on=dt.date(2026, 5, 20))
    ws.requests.add("Concept over bankjes", meeting_id=meeting)  # a draft: not asked yet
    far = ws.requests.add("Verzoek van vorig jaar").id
    ws.requests.mark_sent(far, on=dt.date(2025, 5, 20))
    ws.meetings.mark_held(meeting)
    ws.ids = {"meeting": meeting, "item": item}  # type: ignore[attr-defined]
    return ws


def test_summary_is_a_registered_export_format(small: Workspace, tmp_path: Path) -> None:
    assert "summary" in FORMATS
    meeting = small.ids["meeting"]  # type: ignore[attr-defined]
    name = suggested_filename(small, "summary", meeting)
    assert name == "Samenvatting voor bewoners 2026-05-12 Wijkplatform Test.pdf"
    out = export(small, "summary", tmp_path, meeting_id=meeting)
    assert out.name == name and out.read_bytes().startswith(b"%PDF")


def test_demo_summary_of_latest_meeting_is_easy_and_short(demo: Board, tmp_path: Path) -> None:
    out = export(demo.ws, "summary", tmp_path / "samenvatting.pdf", meeting_id="latest")
    text, pages = _pdf(out)
    assert pages <= 2
    latest = demo.ws.meetings.latest()
    assert latest is not None
    summary = resident_summary(demo.ws, latest, dt.date.today())
    for heading in (TITLE, *(section.heading for section in summary.sections)):
        assert heading in text
    assert summary.report.level is Level.MAKKELIJK
    assert f"Deze tekst is {summary.report.level.value} te lezen." in text
    # Every printed paragraph is in the PDF, whole: nothing cut off.
    for paragraph in summary.text.split("\n\n"):
        assert _flat(paragraph) in text


def test_level_is_measured_on_exactly_the_printed_text(small: Workspace) -> None:
    meeting = small.meetings.get(small.ids["meeting"])  # type: ignore[attr-defined]
    summary = resident_summary(small, meeting, TODAY)
    assert summary.report == analyse_text(summary.text)
    assert summary.text.startswith(f"{TITLE}\n\nOp dinsdag 12 mei kwamen we bij elkaar.")


def test_body_type_is_large(small: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    write_summary_pdf(small, small.meetings.get(small.ids["meeting"]), out, TODAY)  # type: ignore[attr-defined]
    sizes = _font_sizes(out)
    body_size, _count = sizes.most_common(1)[0]
    assert body_size >= 13
    page_furniture = sum(count for size, count in sizes.items() if size < 13)
    assert page_furniture < sum(sizes.values()) / 4


def test_sections_read_as_a_resident_would(small: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    write_summary_pdf(small, small.meetings.get(small.ids["meeting"]), out, TODAY)  # type: ignore[attr-defined]
    text, pages = _pdf(out)
    assert pages == 1
    assert "De speeltuin is kapot. We vragen de gemeente om nieuwe schommels." in text
    assert "Speeltuin" not in text  # the agenda title is a board word; the summary says it
    assert "Gerda gaat brief aan de gemeente sturen. Dat gebeurt vóór 26 mei." in text
    # "Wijkregisseur" is an official word and she has no organisation: her first name.
    assert "Ilse gaat offerte opvragen. Dat gebeurt vóór 9 juni." in text
    assert ("Nieuwe schommels. We vroegen dit op 14 mei. We krijgen antwoord vóór 25 juni."
            in text)
    assert "Losse stoeptegels Kerkstraat. We vroegen dit op 20 mei." in text
    assert "Concept over bankjes" not in text and "vorig jaar" not in text
    assert ("We praten weer op dinsdag 9 juni, om half acht 's avonds. Dat is in De Schakel. "
            "U bent welkom.") in text
    assert "Klaar voor" not in text and "Samenvatting" not in text


def test_no_surnames_phones_or_email_addresses(small: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    write_summary_pdf(small, small.meetings.get(small.ids["meeting"]), out, TODAY)  # type: ignore[attr-defined]
    text, _ = _pdf(out)
    for private in ("IJzerman", "Brouwers", "06 11 22 33 44", "14 046", "@"):
        assert private not in text


def test_late_answer_is_said_plainly(small: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    write_summary_pdf(small, small.meetings.get(small.ids["meeting"]),  # type: ignore[attr-defined]
                      out, dt.date(2026, 7, 1))
    text, _ = _pdf(out)
    assert "Nieuwe schommels. We vroegen dit op 14 mei. Het antwoord is te laat." in text


def test_markup_emoji_and_ij_print_as_typed(small: Workspace, tmp_path: Path) -> None:
    meeting = small.ids["meeting"]  # type: ignore[attr-defined]
    small.agenda.update(small.ids["item"], title=HOSTILE, summary=f"Samen: {HOSTILE}.")  # type: ignore[attr-defined]
    small.decisions.add(meeting, HOSTILE)  # not covered by a topic summary: printed
    small.actions.add(meeting, HOSTILE)
    out = tmp_path / "s.pdf"
    write_summary_pdf(small, small.meetings.get(meeting), out, TODAY)
    text, _ = _pdf(out)
    typed = 'a < b & "c" <b>vet</b> &amp; ĳsbaan'
    assert text.count(typed) == 3  # summary, decision and action
    assert "🎉" not in text and "■" not in text and "\ufffd" not in text


def test_empty_meeting_says_so_in_every_section(tmp_path: Path) -> None:
    with Workspace(tmp_path / "leeg.sqlite") as ws:
        ws.boards.create("Wijkplatform Leeg", "Noord", ["Centrum"])
        meeting = ws.meetings.get(ws.meetings.create(dt.datetime(2026, 3, 3, 20, tzinfo=TZ)).id)
        out = tmp_path / "s.pdf"
        write_summary_pdf(ws, meeting, out, TODAY)
        text, pages = _pdf(out)
    assert pages == 1
    assert "Deze keer stonden er geen eigen onderwerpen op de agenda." in text
    assert "Er zijn deze keer geen nieuwe taken afgesproken." in text
    assert "Kom gerust naar ons volgende overleg." in text  # no contact details yet
    assert "We weten nog niet wanneer we weer bij elkaar komen." in text
    assert "Opening" not in text  # the standard items are no news for residents


def test_board_words_count_as_jargon(small: Workspace) -> None:
    meeting = small.meetings.get(small.ids["meeting"])  # type: ignore[attr-defined]
    before = resident_summary(small, meeting, TODAY).report
    small.set_setting(BOARD_TERMS_SETTING, [["schommels", "bewegende zitjes"]])
    assert board_terms(small) == [("schommels", "bewegende zitjes")]
    after = resident_summary(small, meeting, TODAY).report
    assert len(after.jargon) > len(before.jargon)
    assert any(hit.term == "schommels" for hit in after.jargon)


def test_cli_exports_the_summary_of_the_latest_meeting(tmp_path: Path) -> None:
    db = tmp_path / "wijk.sqlite"
    with Workspace(db) as ws:
        ws.boards.create("Wijkplatform Cli", "West", ["Oud-West"])
        meeting = ws.meetings.create(dt.datetime(2026, 2, 10, 19, 30, tzinfo=TZ)).id
        ws.agenda.add(meeting, "Bankjes", summary="Er komen drie nieuwe bankjes.")
    out = tmp_path / "samenvatting.pdf"
    assert main(["export", "summary", "--meeting", "latest", "--out", str(out),
                 "--db", str(db)]) == 0
    text, _ = _pdf(out)
    assert "Wat hebben we besproken? Er komen drie nieuwe bankjes." in text
