"""Benchmarks of the exports: the verslag PDF, the same via LibreOffice, a huge note, a long list.

Run with ``python -m bench.run --module bench.exports``. Budgets (issues 4, 11 and 14):

* minutes PDF of a 15-item meeting ≤ 60 ms median, in-process (the app's Typst renderer);
* LibreOffice converting the same verslag as .docx to PDF, including its start, must take
  ≥ 30× as long as our PDF (the row shows LibreOffice's time and the factor);
* minutes PDF of a meeting with a 1,000,000-character note ≤ 10 s;
* action list of 1,000 actions ≤ 1 s.

Raw floors: a bare Typst document of the same length (the same number of paragraphs or
table rows, DejaVu Sans, no Wijkapp code), so the ratio shows what our templates cost.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bench import Result, median_ms, register
from wijkapp.export import export
from wijkapp.paths import resource_path
from wijkapp.workspace import Workspace

ITEMS = 15
ACTIONS = 1000
HUGE_NOTE = 1_000_000
LIBREOFFICE_FACTOR = 30


def _bench_board(folder: Path) -> tuple[Path, str]:
    """A file of its own: a held 15-item meeting (a decision and an action per item, notes)
    and, in earlier meetings, 1,000 more open actions for the list."""
    path = folder / "exports.sqlite"
    with Workspace(path) as ws:
        ws.boards.create("Wijkplatform Bench", "Zuid", ["Noord"])
        people = [ws.contacts.add(f"Lid {n}", board_member=True).id for n in range(7)]
        with ws.store.write(None):
            for month in range(1, 10):
                earlier = ws.meetings.create(f"2026-{month:02d}-08 19:30").id
                for n in range(ACTIONS // 9 + 1):
                    ws.actions.add(earlier, f"Actie {month}-{n}: bel de gemeente over de lantaarnpaal",
                                   people[n % 7], "2026-12-01")
        meeting = ws.meetings.create("2026-10-13 19:30", place="Buurthuis", from_template=False).id
        for n in range(ITEMS):
            item = ws.agenda.add(meeting, f"Onderwerp {n + 1}: speeltuin en verkeer",
                                 notes="De vergadering bespreekt het voorstel. " * 12,
                                 presenter="Voorzitter", planned_minutes=10).id
            ws.decisions.add(meeting, f"Besluit over onderwerp {n + 1}.", agenda_item_id=item)
            ws.actions.add(meeting, f"Uitzoeken hoe onderwerp {n + 1} verder gaat",
                           people[n % 7], "2026-11-10", agenda_item_id=item)
        ws.meetings.mark_held(meeting, "2026-10-13 21:40")
    return path, meeting


def bare_typst(out: Path, paragraphs: int, table_rows: int = 0, text: str = "") -> None:
    """The floor: a plain Typst document of the same length, without Wijkapp's templates."""
    import typst

    body = "\n\n".join(f"Alinea {n} met wat tekst. " * 6 for n in range(paragraphs))
    if table_rows:
        cells = ", ".join(f"[Regel {n}], [01-12-2026], [open]" for n in range(table_rows))
        body += f"\n#table(columns: 3, table.header([Wat], [Klaar op], [Status]), {cells})"
    if text:
        body += "\n\n#sys.inputs.text"
    source = f'#set text(font: "DejaVu Sans", size: 10.5pt, lang: "nl")\n{body}'
    typst.compile(source.encode(), output=str(out), font_paths=[str(resource_path("fonts"))],
                  ignore_system_fonts=True, sys_inputs={"text": text} if text else {})


@register("verslag-PDF, 15 punten", budget_ms=60)
def minutes_pdf(db: Path, repeat: int) -> Result:
    """``export(ws, "minutes", …)`` of a held 15-item meeting (the bench file is not used)."""
    del db
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path, meeting = _bench_board(folder)
        with Workspace(path) as ws:
            app = median_ms(lambda: export(ws, "minutes", folder / "v.pdf", meeting_id=meeting),
                            repeat)
        raw = median_ms(lambda: bare_typst(folder / "kaal.pdf", ITEMS * 3), repeat)
    return Result("verslag-PDF, 15 punten", app, raw, 60, note="15 besluiten, 15 actiepunten")


def libreoffice_pdf(docx: Path, out_dir: Path) -> None:
    """What a board without Wijkapp's PDF would do: LibreOffice (cold start) → PDF."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    assert program, "LibreOffice is niet geïnstalleerd (apt-get install libreoffice-writer-nogui)"
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run([program, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--norestore", "--convert-to", "pdf", "--outdir", str(out_dir),
                        str(docx)], check=True, capture_output=True, timeout=300)


@register("verslag via LibreOffice (.docx)", budget_ms=None)
def minutes_via_libreoffice(db: Path, repeat: int) -> Result:
    """LibreOffice converting the verslag .docx to PDF, start included; the raw column is
    our own PDF of the same meeting, so the ratio is how many times faster we are."""
    del db
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path, meeting = _bench_board(folder)
        with Workspace(path) as ws:
            docx = export(ws, "docx", folder / "verslag.docx", meeting_id=meeting)
            ours = median_ms(lambda: export(ws, "minutes", folder / "v.pdf", meeting_id=meeting),
                             repeat)
        runs = max(1, repeat // 5)
        office = median_ms(lambda: libreoffice_pdf(docx, folder / "lo"), runs, warmup=0)
    factor = office / ours if ours else 0
    verdict = "gehaald" if factor >= LIBREOFFICE_FACTOR else "NIET gehaald"
    return Result("verslag via LibreOffice (.docx)", office, ours, None,
                  note=f"{factor:.0f}× zo traag als Wijkapp; eis ≥ {LIBREOFFICE_FACTOR}×: "
                       f"{verdict}; {runs} koude starts")


@register("verslag, notitie 1.000.000 tekens", budget_ms=10_000)
def minutes_with_huge_note(db: Path, repeat: int) -> Result:
    """The minutes of a meeting whose first item has a 1,000,000-character note (issue 11)."""
    del db
    body = "De werkgroep bespreekt het plan voor de speeltuin en het zebrapad. "
    note = (body * (HUGE_NOTE // len(body) + 1))[:HUGE_NOTE]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path, meeting = _bench_board(folder)
        with Workspace(path) as ws:
            item = ws.agenda.for_meeting(meeting)[0]
            ws.agenda.set_notes(item.id, note)
            runs = max(1, repeat // 10)
            app = median_ms(lambda: export(ws, "minutes", folder / "v.pdf", meeting_id=meeting),
                            runs, warmup=0)
            pages = (folder / "v.pdf").read_bytes().count(b"/Type /Page\n")
        raw = median_ms(lambda: bare_typst(folder / "kaal.pdf", 0, text=note), runs, warmup=0)
    return Result("verslag, notitie 1.000.000 tekens", app, raw, 10_000,
                  note=f"{pages or 'ruim 300'} bladzijden" if pages else "")


@register("actiepuntenlijst, 1.000 punten", budget_ms=1000)
def action_list(db: Path, repeat: int) -> Result:
    """``export(ws, "actions", …)`` of 1,000 open actions."""
    del db
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path, _meeting = _bench_board(folder)
        runs = max(1, repeat // 4)
        with Workspace(path) as ws:
            app = median_ms(lambda: export(ws, "actions", folder / "a.pdf"), runs)
        raw = median_ms(lambda: bare_typst(folder / "kaal.pdf", 0, ACTIONS), runs)
    return Result("actiepuntenlijst, 1.000 punten", app, raw, 1000)
