"""The letter that goes with a request to the municipality, as a screen reader reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkapp.errors import ValidationError
from wijkapp.export.letter_pdf import write_request_letter

from .boards import TODAY
from .conftest import Board
from .golden import pdf_reading


def test_the_request_letter_reads_in_dutch_letter_order(fresh: Board, tmp_path: Path) -> None:
    ws = fresh.ws
    request = next(r for r in ws.requests.all() if r.subject == "Zebrapad bij de Kiosk")
    out = tmp_path / "brief.pdf"
    write_request_letter(ws, request.id, out, TODAY)
    lines = pdf_reading(out).splitlines()
    order = ["Ellen Smeets", "Gemeente Sittard-Geleen", "Betreft: Zebrapad bij de Kiosk", "Geachte heer, mevrouw,",
             "Graag een zebrapad bij De Kiosk.", "Met vriendelijke groet,",
             "Namens Wijkplatform Geleen-Zuid"]
    positions = [next(i for i, line in enumerate(lines) if text in line) for text in order]
    assert positions == sorted(positions), lines
    assert lines[positions[2]].startswith("[H1]")


def test_a_request_without_text_gives_no_empty_letter(fresh: Board, tmp_path: Path) -> None:
    empty = fresh.ws.requests.add("Bankje", "").id
    assert empty
    with pytest.raises(ValidationError, match="nog leeg"):
        write_request_letter(fresh.ws, empty, tmp_path / "b.pdf", TODAY)
    assert not (tmp_path / "b.pdf").exists()
