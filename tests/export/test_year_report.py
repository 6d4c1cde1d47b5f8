"""The jaarverslag PDF: key sentences read back with pypdf, escaping, progress, atomic writes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from wijkapp.demo import create_demo
from wijkapp.errors import ValidationError
from wijkapp.export.year_charts import nice_step
from wijkapp.export.year_report import summary_sentences, write_year_report
from wijkapp.followup import year_figures
from wijkapp.workspace import Workspace

from .pdf_structure import figure_alts, outside_tree

TODAY = dt.date(2026, 11, 28)


def pdf_pages(path: Path) -> list[str]:
    """Each page's text with runs of white space folded to one space."""
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    with Workspace(tmp_path_factory.mktemp("demo") / "demo.sqlite") as ws:
        create_demo(ws, TODAY)
        yield ws


@pytest.fixture(scope="module")
def demo_report(demo_ws: Workspace, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("out") / "jaarverslag.pdf"
    write_year_report(demo_ws, 2026, out, on=TODAY)
    return pdf_pages(out)


def test_first_page_is_the_plain_language_summary(demo_report: list[str]) -> None:
    first = demo_report[0]
    for sentence in [
        "Jaarverslag 2026",
        "Stand op 28 november 2026",
        "In 2026 vergaderde het wijkplatform 10 keer.",
        "Gemiddeld was 79% van de bestuursleden erbij.",
        "Het platform nam 20 besluiten.",
        "Er zijn 27 actiepunten afgesproken: 16 klaar, 11 nog open.",
        "Het platform stuurde 8 verzoeken naar de gemeente.",
        "Op tijd beantwoord: 2. Te laat beantwoord: 2. Nog geen antwoord: 4.",
        "Bij 3 van de verzoeken zonder antwoord is de beloofde datum al voorbij.",
        "De buurtagenda heeft 11 doelen. Bereikt: 4. Niet bereikt: 1. Loopt nog: 4.",
        "Bij 3 doelen is nog geen bewijs gekoppeld.",
        "Hoe antwoordde de gemeente?",
    ]:
        assert sentence in first, sentence
    assert "Pagina 1 van" in first
    assert "Vergaderingen en aanwezigheid" not in first  # the summary has its own page


def test_sections_in_order_with_the_municipalitys_answers(demo_report: list[str]) -> None:
    text = " ".join(demo_report[1:])
    order = ["Vergaderingen en aanwezigheid", "Besluiten (20)", "Actiepunten (27)",
             "Verzoeken aan de gemeente (8)", "Doelen van de buurtagenda (11)", "Zo tellen we"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "2026-001" in text and "2026-020" in text
    assert "Antwoord: De doeltjes zijn vervangen." in text
    assert "geen antwoord, te laat" in text and "op tijd, na 28 dagen" in text
    assert "Gehaald: de bakken blijven staan." in text  # the board's evaluation
    assert "Niet gehaald: het wijkprogramma is uitgesteld." in text
    assert "Zonder gekoppeld bewijs (3)" in text
    assert "Nog open" in text


def test_each_chart_appears_once_as_a_figure_that_says_what_it_shows(
        demo_ws: Workspace, tmp_path: Path) -> None:
    out = write_year_report(demo_ws, 2026, tmp_path / "j.pdf", on=TODAY)
    alts = figure_alts(out)
    assert len(alts) == len(set(alts)) == 4  # answers, actions, attendance, goals: once each
    answers = next(alt for alt in alts if alt and "Hoe antwoordde de gemeente?" in alt)
    assert "aantal verzoeken" in answers
    assert "Op tijd beantwoord: 2; Te laat beantwoord: 2; Geen antwoord, te laat: 3" in answers
    assert outside_tree(out) == []


def test_previous_year_counts_a_request_by_the_year_it_was_sent(
        demo_ws: Workspace, tmp_path: Path) -> None:
    out = write_year_report(demo_ws, 2025, tmp_path / "2025.pdf", on=TODAY)
    first = pdf_pages(out)[0]
    figures = year_figures(demo_ws, 2025, TODAY)
    assert f"Het platform stuurde {figures.requests.sent} verzoeken" in first


def test_empty_year_reads_as_sentences_not_zeros(ws: Workspace, tmp_path: Path) -> None:
    pages = pdf_pages(write_year_report(ws, 2026, tmp_path / "leeg.pdf"))
    text = " ".join(pages)
    assert "Het wijkplatform heeft in 2026 (nog) niet vergaderd." in text
    assert "Het platform stuurde in 2026 geen verzoeken naar de gemeente." in text
    assert "De buurtagenda heeft nog geen doelen." in text


def test_user_text_is_printed_as_typed(ws: Workspace, tmp_path: Path) -> None:
    nasty = 'a < b & "c" <b>vet</b> &amp; IJsselstraat ĳs 🎉'
    meeting = ws.meetings.create(dt.datetime(2026, 3, 10, 19, 30)).id
    assert meeting
    ws.meetings.mark_held(meeting)
    ws.decisions.add(meeting, nasty)
    request = ws.requests.add(nasty).id
    assert request
    ws.requests.mark_sent(request, on=dt.date(2026, 3, 11))
    ws.requests.record_answer(request, "<i>nee</i> & " + "lang " * 2000, on=dt.date(2026, 3, 20))
    ws.goals.add(nasty, 1, status="achieved", evaluation=nasty)
    ws.actions.add(meeting, nasty, owner_name="Jo <script>")
    text = " ".join(pdf_pages(write_year_report(ws, 2026, tmp_path / "vies.pdf")))
    assert 'a < b & "c" <b>vet</b> &amp; IJsselstraat ĳs' in text
    assert "<i>nee</i> &" in text and "Jo <script>" in text
    assert "🎉" not in text


def test_progress_counts_up_to_the_total(ws: Workspace, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_year_report(ws, 2026, tmp_path / "p.pdf", progress=lambda d, t: seen.append((d, t)))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1] == (8, 8) and seen[0][0] == 1


def test_folder_gets_a_dutch_name_and_no_temp_file_remains(ws: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    out = write_year_report(ws, 2026, folder)
    assert out.name == "Jaarverslag 2026 Wijkplatform Test.pdf"
    assert [p.name for p in folder.iterdir()] == [out.name]


def test_bad_year_and_missing_folder_are_dutch_errors(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="geen geldig jaar"):
        write_year_report(ws, 26, tmp_path / "x.pdf")
    with pytest.raises(ValidationError, match="bestaat niet"):
        write_year_report(ws, 2026, tmp_path / "nergens" / "x.pdf")


def test_summary_sentences_use_singular_for_one(ws: Workspace) -> None:
    meeting = ws.meetings.create(dt.datetime(2026, 3, 10, 19, 30)).id
    assert meeting
    ws.meetings.mark_held(meeting)
    ws.decisions.add(meeting, "Eén besluit")
    ws.goals.add("Doel", 1)
    lines = summary_sentences(year_figures(ws, 2026, TODAY))
    assert "In 2026 vergaderde het wijkplatform 1 keer." in lines
    assert "Het platform nam 1 besluit." in lines
    assert "Bij 1 doel is nog geen bewijs gekoppeld." in lines


@pytest.mark.parametrize(("top", "step"), [(0, 1), (7, 1), (16, 5), (20, 5), (27, 10), (480, 100)])
def test_chart_scale_steps_are_round(top: float, step: float) -> None:
    assert nice_step(top) == step
