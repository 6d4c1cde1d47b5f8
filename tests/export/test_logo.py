"""A board with its own logo gets it at the top of every PDF (and the PDF is still made)."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from wijkapp.export import export
from wijkapp.export.year_report import write_year_report
from wijkapp.workspace import Workspace


@pytest.mark.parametrize("fmt", ["agenda", "minutes", "summary", "decisions", "actions",
                                 "year-report"])
def test_every_pdf_carries_the_boards_logo(fmt: str, ws: Workspace, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (240, 120), (20, 90, 160)).save(buffer, "PNG")  # a real, busy PNG
    logo.write_bytes(buffer.getvalue())
    ws.attachments.add(logo, "boards", ws.board_id)
    ws.boards.update(ws.board_id, logo_attachment_id=ws.attachments.all()[0].id)
    meeting = ws.meetings.create("2026-10-01 19:30").id
    ws.agenda.add(meeting or "", "Speeltuin")
    if fmt == "year-report":
        pdf = write_year_report(ws, 2026, tmp_path / "jaarverslag.pdf")
    else:
        pdf = export(ws, fmt, tmp_path / f"{fmt}.pdf",
                     meeting_id=meeting if fmt in ("agenda", "minutes", "summary") else None)
    with pikepdf.open(pdf) as doc:
        images = [o for o in doc.objects
                  if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
    assert images, f"no logo in the {fmt} PDF"
