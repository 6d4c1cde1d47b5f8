"""The presentielijst: a tagged one-page sign-in sheet with empty lines and no names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from wijkapp.cli import main as cli_main
from wijkapp.errors import ValidationError
from wijkapp.export import export, suggested_filename
from wijkapp.export.presentielijst import ROWS, presentielijst_data
from wijkapp.workspace import Workspace

from .pdf_structure import document_facts, outside_tree, structure, tagged_text

HOSTILE_TITLE = 'Openbare vergadering <b>&amp;</b> #let x = "Ĳ" *vet* 😀'


@pytest.fixture
def meeting(ws: Workspace) -> str:
    ws.contacts.add("Annie Jansen", board_member=True)
    return ws.meetings.create(
        "2026-12-03 19:30", title=HOSTILE_TITLE, place="Buurthuis De Ĳzerhoek, Kerkstraat 1"
    ).id or ""


def test_presentielijst_is_a_tagged_dutch_pdf_with_a_table(
    ws: Workspace, meeting: str, tmp_path: Path
) -> None:
    out = export(ws, "presentielijst", tmp_path / "lijst.pdf", meeting_id=meeting)
    facts = document_facts(out)
    assert facts["lang"] == "nl-NL" and facts["pdfua"] == "1" and facts["marked"]
    assert facts["fonts_embedded"] and facts["display_title"]
    assert "Presentielijst donderdag 3 december 2026" in facts["title"]
    tags = [tag for _depth, tag in structure(out)]
    assert tags.count("H1") == 1
    assert "Table" in tags and tags.count("TH") == 4  # the header row, once
    assert outside_tree(out) == []
    assert len(PdfReader(out).pages) == 1  # one sheet; print more copies for a busy evening


def test_presentielijst_says_when_and_where_and_asks_only_what_it_should(
    ws: Workspace, meeting: str, tmp_path: Path
) -> None:
    out = export(ws, "presentielijst", tmp_path / "lijst.pdf", meeting_id=meeting)
    text = " ".join(tagged_text(out).split())
    assert "Presentielijst" in text
    assert "donderdag 3 december 2026" in text and "19:30 uur" in text
    assert "Buurthuis De Ĳzerhoek, Kerkstraat 1" in text
    assert 'Openbare vergadering <b>&amp;</b> #let x = "Ĳ" *vet*' in text  # as typed
    for column in ("Naam", "Straat of organisatie", "Handtekening"):
        assert column in text
    assert f"{ROWS}." in text
    assert "niet bewaard" in text
    # No personal data: not even the invited board members' names are printed.
    assert "Annie" not in text


def test_presentielijst_refuses_a_cancelled_meeting(ws: Workspace, meeting: str,
                                                     tmp_path: Path) -> None:
    ws.meetings.cancel(meeting)
    with pytest.raises(ValidationError, match="afgelast"):
        export(ws, "presentielijst", tmp_path / "lijst.pdf", meeting_id=meeting)
    assert not (tmp_path / "lijst.pdf").exists()
    with pytest.raises(ValidationError):
        presentielijst_data(ws, ws.meetings.get(meeting), rows=0)


def test_presentielijst_needs_a_meeting_and_has_a_dutch_file_name(
    ws: Workspace, meeting: str, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="Kies een vergadering"):
        export(ws, "presentielijst", tmp_path / "lijst.pdf")
    name = suggested_filename(ws, "presentielijst", meeting)
    assert name == "Presentielijst 2026-12-03 Wijkplatform Test.pdf"
    out = export(ws, "presentielijst", tmp_path, meeting_id=meeting)  # a folder: named file
    assert out.name == name


def test_cli_exports_the_presentielijst_of_the_latest_meeting(
    ws: Workspace, meeting: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ws.path
    ws.close()
    out = tmp_path / "lijst.pdf"
    code = cli_main(["export", "presentielijst", "--meeting", "latest", "--out", str(out),
                     "--db", str(db)])
    assert code == 0, capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF")
    code = cli_main(["export", "presentielijst", "--meeting", "bestaat-niet",
                     "--out", str(tmp_path / "x.pdf"), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and "bestaat niet" in err


def test_cli_help_names_presentielijst() -> None:
    result = subprocess.run([sys.executable, "-m", "wijkapp.cli", "export", "--help"],
                            capture_output=True, text=True, check=False)
    assert "presentielijst" in result.stdout


def test_page_renders_look_like_a_sheet(ws: Workspace, meeting: str, tmp_path: Path) -> None:
    """Render the page to PNG (pdftoppm) and check the grid is there: dark rules, mostly paper."""
    import shutil

    if shutil.which("pdftoppm") is None:  # dev.py installs poppler-utils; CI has it
        pytest.fail("pdftoppm is missing: install poppler-utils")
    out = export(ws, "presentielijst", tmp_path / "lijst.pdf", meeting_id=meeting)
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(out), str(tmp_path / "blad")], check=True)
    from PIL import Image

    page = Image.open(next(tmp_path.glob("blad*.png"))).convert("L")
    width, height = page.size
    assert height > width  # portrait A4
    # Row rules: count rows of pixels in the table area that are mostly grey lines.
    lines = 0
    for y in range(int(height * 0.3), int(height * 0.92)):
        row = [page.getpixel((x, y)) for x in range(int(width * 0.2), int(width * 0.8))]
        if sum(1 for v in row if v < 200) > len(row) * 0.8:
            lines += 1
    assert lines >= ROWS  # one rule under every empty line, at least
