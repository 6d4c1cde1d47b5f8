"""The Typst renderer on its own: tagged PDF/UA-1, user text as data, fonts, errors."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Drawing, Rect, String

from wijkapp.export.typst_render import (
    DocumentError,
    logo_svg,
    page_data,
    printable,
    render_pdf,
    svg_data,
    template_path,
)

from .pdf_structure import document_facts, figure_alts, outside_tree, structure, tagged_text

HOSTILE = '#let x = 1 *vet* _schuin_ $x^2$ <b>&amp;</b> ] ) } // \\ "quote" @ref = kop'


def _data(**extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "page": page_data("Wijkplatform Ĳsselmonde", draft=True),
        "title": "Proef",
        "text": "Eerste alinea.\nTweede regel.\n\nTweede alinea.",
        "items": ["een", "twee"],
        "rows": [["Zebrapad", "Mieke"], [HOSTILE, "Ĳsbrand"]],
    }
    data.update(extra)
    return data


def _write(tmp_path: Path, pdf: bytes, name: str = "proef.pdf") -> Path:
    out = tmp_path / name
    out.write_bytes(pdf)
    return out


def test_a_rendered_document_is_tagged_pdf_ua_in_dutch(tmp_path: Path) -> None:
    out = _write(tmp_path, render_pdf("selftest", _data(), title="Proef ĳs"))
    facts = document_facts(out)
    assert facts["lang"] == "nl-NL"
    assert facts["pdfua"] == "1"
    assert facts["display_title"] and facts["marked"]
    assert "Proef ĳs" in facts["title"]
    assert facts["fonts_embedded"]
    tags = [tag for _depth, tag in structure(out)]
    for expected in ("H1", "H2", "P", "L", "LI", "Table", "TH", "TD"):
        assert expected in tags
    assert outside_tree(out) == []


def test_user_text_is_printed_exactly_as_typed(tmp_path: Path) -> None:
    out = _write(tmp_path, render_pdf("selftest", _data(text=HOSTILE), title="Proef"))
    text = " ".join(tagged_text(out).split())
    assert HOSTILE.replace("\\\\", "\\") in text or HOSTILE in text
    assert "Ĳsbrand" in text


def test_header_footer_and_watermark_are_artifacts(tmp_path: Path) -> None:
    out = _write(tmp_path, render_pdf("selftest", _data(), title="Proef"))
    text = tagged_text(out)
    assert "CONCEPT" not in text and "Pagina 1 van 1" not in text
    assert "Wijkplatform Ĳsselmonde" not in text
    assert "Tweede alinea." in text


def test_a_chart_is_a_figure_with_its_alt_text(tmp_path: Path) -> None:
    drawing = Drawing(200, 60)
    drawing.add(Rect(0, 20, 150, 20, fillColor=None))
    drawing.add(String(0, 5, "Op tijd beantwoord", fontName="Helvetica", fontSize=10))
    alt = "Staafdiagram: 3 verzoeken op tijd beantwoord."
    out = _write(tmp_path, render_pdf("selftest", _data(chart=svg_data(drawing), alt=alt),
                                      title="Proef"))
    assert figure_alts(out) == [alt]
    assert outside_tree(out) == []


def test_a_logo_becomes_svg_data_and_a_broken_one_is_left_out(tmp_path: Path) -> None:
    from PIL import Image

    good = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), "green").save(good)
    broken = tmp_path / "kapot.png"
    broken.write_bytes(b"\x89PNG niet echt")
    assert logo_svg(good).startswith("<svg") and "data:image/png;base64," in logo_svg(good)
    assert logo_svg(broken) == ""
    assert logo_svg(tmp_path / "weg.png") == ""
    pdf = render_pdf("selftest", _data(page=page_data("Bord", logo=good)), title="Proef")
    assert pdf.startswith(b"%PDF")


def test_printable_drops_emoji_controls_and_bidi_overrides() -> None:
    assert printable("a\u202eb\u2066c\u2069d\x07e 😀f\r\ng") == "abcde f\ng"
    assert printable("€ 12") == "€\u00a012"
    assert printable("Ĳzerman") == "Ĳzerman"


def test_english_documents_get_their_own_language(tmp_path: Path) -> None:
    out = _write(tmp_path, render_pdf("selftest", _data(), title="Test", lang="en-GB"))
    assert document_facts(out)["lang"] == "en-GB"


def test_renders_from_several_threads_at_once(tmp_path: Path) -> None:
    results: list[bytes] = []
    threads = [threading.Thread(target=lambda: results.append(
        render_pdf("selftest", _data(), title="Proef"))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 3 and all(pdf.startswith(b"%PDF") for pdf in results)


def test_template_names_are_plain_words() -> None:
    assert template_path("minutes").name == "minutes.typ"
    with pytest.raises(ValueError):
        template_path("../geheim")


def test_a_template_error_is_a_dutch_document_error() -> None:
    with pytest.raises(DocumentError, match="kon niet worden opgemaakt"):
        render_pdf("selftest", {"page": page_data("Bord")}, title="Proef")
