"""Tellen en vertellen: the tagged PDF on the demo board, and the year summary's voice
counts without any personal data (scanned for every name and contact detail in the board)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from wijkapp.cli import main as cli
from wijkapp.demo import create_demo
from wijkapp.export.signalen import signalen_data, write_signalen_pdf
from wijkapp.export.year_summary import year_summary
from wijkapp.overview import format_table, load_overview
from wijkapp.workspace import Workspace

from .pdf_structure import document_facts, figure_alts, headings, outside_tree, tagged_text

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("voice") / "demo.sqlite"
    with Workspace(path) as ws:
        create_demo(ws, TODAY)
    return path


def _personal_data(ws: Workspace) -> list[str]:
    """Every name and contact detail the board keeps: people, organisations' contacts,
    residents (with consent), and the words residents said."""
    found: list[str] = []
    for person in ws.contacts.all():
        found += [person.name, person.phone, person.email]
        found += person.name.split()  # first and last names on their own
    for organisation in ws.organisations.all():
        found += [organisation.phone, organisation.email, organisation.reach]
    for signal in ws.signals.all():
        found += [signal.resident_name, signal.resident_contact, signal.heard_by_name,
                  signal.words, signal.place]
        found += [f.answer for f in ws.signals.followups(signal.id)]
    short = {"Jo", "de", "el", "van", "Van"}
    return sorted({x.strip() for x in found if x and x.strip() and x.strip() not in short})


def test_export_signalen_on_the_demo_is_a_tagged_pdf(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "signalen.pdf"
    assert cli(["export", "signalen", "--year", "2026", "--db", str(demo), "--out", str(out)]) == 0
    facts = document_facts(out)
    assert facts["lang"] == "nl-NL" and facts["pdfua"] == "1" and facts["marked"]
    assert facts["fonts_embedded"] and "Tellen en vertellen 2026" in facts["title"]
    assert outside_tree(out) == []
    assert headings(out)[:3] == [1, 2, 3]
    alts = figure_alts(out)
    assert alts and all(alt and alt.startswith("Signalen per thema in 2026") for alt in alts)
    text = " ".join(tagged_text(out).split())
    assert "geen signalen van mensen met een verstandelijke beperking en nieuwkomers." in text
    for words in ("eenzaamheid", "Kw. 1", "Totaal", "U zei", "Wij deden", "Zo tellen we",
                  "nieuwkomers (niet gehoord)"):
        assert words in text


def test_quotes_carry_no_names_unless_consent(demo: Path) -> None:
    with Workspace(demo) as ws:
        data = signalen_data(ws, 2026, TODAY)
        consented = {s.resident_name for s in ws.signals.all() if s.consent}
        members = [p.name for p in ws.contacts.all()]
        residents = {s.words.split(".")[0]: s for s in ws.signals.all()}
    assert len(data["quotes"]) >= 4
    printed = json.dumps(data, ensure_ascii=False)
    for name in members:
        assert name not in printed
    for quote in data["quotes"]:
        signal = next(s for key, s in residents.items() if quote["words"].startswith(key))
        if signal.consent:
            assert signal.resident_name in quote["by"]
        else:
            assert not any(name and name in quote["by"] for name in consented)
    assert data["groups"]["highlight"]  # the groups not heard are marked


def test_a_quote_shows_the_name_only_with_consent(ws: Workspace) -> None:
    ws.signals.add("Ik wil graag meedoen.", "2026-03-01", consent=True, resident_name="Mevr. Ĳsselmuiden")
    ws.signals.add("Niemand luistert.", "2026-03-02", resident_name="", consent=False)
    data = signalen_data(ws, 2026, TODAY)
    by = {q["words"]: q["by"] for q in data["quotes"]}
    assert "Mevr. Ĳsselmuiden" in by["Ik wil graag meedoen."]
    assert by["Niemand luistert."] == "maart 2026"


def test_year_summary_has_the_voice_counts_and_no_personal_data(demo: Path, tmp_path: Path) -> None:
    with Workspace(demo) as ws:
        data = year_summary(ws, 2026, TODAY)
        private = _personal_data(ws)
    signals = data["signals"]
    assert signals["heard"] >= 15
    assert signals["by_theme"]["eenzaamheid"] >= 3
    assert signals["by_group"]["nieuwkomers"] == 0
    assert signals["groups_not_heard"] == ["mensen met een verstandelijke beperking", "nieuwkomers"]
    assert 0 < signals["followup_rate"] <= 1
    assert data["prevention"]["goals"] == 2
    text = json.dumps(data, ensure_ascii=False)
    assert len(private) > 60
    leaks = [item for item in private if item in text]
    assert leaks == []
    # and the overview of several boards names the missing voices
    out = tmp_path / "zuid.jaarsamenvatting.json"
    out.write_text(text, encoding="utf-8")
    old = dict(data, version=1)
    del old["signals"], old["prevention"]
    older = tmp_path / "noord.jaarsamenvatting.json"
    older.write_text(json.dumps(old), encoding="utf-8")
    table = format_table(load_overview([out, older]))
    assert "Niet gehoord: mensen met een verstandelijke beperking, nieuwkomers." in table
    assert "(geen gegevens)" in table and "- nieuwkomers: Wijkplatform Geleen-Zuid 0" in table


def test_bad_year_and_empty_board(ws: Workspace, tmp_path: Path) -> None:
    from wijkapp.errors import ValidationError

    with pytest.raises(ValidationError):
        write_signalen_pdf(ws, 1800, tmp_path / "x.pdf")
    out = write_signalen_pdf(ws, 2026, tmp_path, on=TODAY)
    text = tagged_text(out)
    assert "In 2026 zijn geen signalen van bewoners vastgelegd." in " ".join(text.split())
    assert out.name == "Tellen en vertellen 2026 Wijkplatform Test.pdf"
