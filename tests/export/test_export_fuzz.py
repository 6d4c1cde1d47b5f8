"""Any text in any field: every export still succeeds and reads back (issue 7, fuzzing)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from wijkapp.export import FORMATS, export
from wijkapp.export.year_report import write_year_report
from wijkapp.workspace import Workspace

ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=300
)
NAMED = ANY_TEXT.map(lambda text: "A" + text)  # required fields need a letter
#: Names and titles are one line: control characters are refused there (issue 11).
ONE_LINE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=300
).map(lambda text: "A" + text)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=ONE_LINE, title=ONE_LINE, notes=ANY_TEXT, decision=NAMED, what=NAMED, place=ANY_TEXT)
def test_every_export_survives_any_text(
    tmp_path_factory: object, name: str, title: str, notes: str, decision: str, what: str,
    place: str,
) -> None:
    folder: Path = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    with Workspace(folder / "w.sqlite") as ws:
        ws.boards.create(name, wijk=title, buurten=[title])
        person = ws.contacts.add(name, notes=notes, topics=place, board_member=True).id
        meeting = ws.meetings.create("2026-11-10 19:30", title=title, place=place).id
        item = ws.agenda.add(meeting, title, notes=notes, summary=notes, presenter=place).id
        ws.decisions.add(meeting, decision, agenda_item_id=item)
        ws.actions.add(meeting, what, person, "2026-11-01", notes=notes)
        ws.meetings.set_attendance(meeting, person, "present", note=place)
        ws.requests.mark_sent(ws.requests.add(title, notes).id, "2026-09-01")
        ws.goals.add(title, 4, how=notes, evaluation=notes)
        ws.meetings.mark_held(meeting, "2026-11-10 21:30")
        for fmt in FORMATS:
            kinds = ("meetings", "actions", "requests", "contacts") if fmt == "csv" else ("actions",)
            for kind in kinds:
                out = export(ws, fmt, folder, meeting_id=meeting, year=2026, csv_kind=kind)
                data = out.read_bytes()
                assert data
                if out.suffix == ".pdf":
                    assert len(PdfReader(out).pages) >= 1
        assert {p.suffix for p in folder.iterdir()} >= {".pdf", ".docx", ".ics", ".vcf", ".csv"}
        report = write_year_report(ws, 2026, folder / "jaar.pdf")
        assert len(PdfReader(report).pages) >= 1
