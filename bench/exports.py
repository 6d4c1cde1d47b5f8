"""Benchmarks of the exports (issue 4): a 15-item minutes PDF and a 1,000-action list.

Run with ``python -m bench.run --module bench.exports``. Budgets: minutes PDF of a 15-item
meeting ≤ 150 ms median; action list of 1,000 actions ≤ 1 s. The raw floor of each is a
bare reportlab document of the same length (the same number of paragraphs or table rows,
DejaVu Sans, no Wijkapp code), so the ratio shows what our layout costs on top.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from bench import Result, median_ms, register
from wijkapp.export import export
from wijkapp.export.year_charts import register_fonts
from wijkapp.workspace import Workspace

ITEMS = 15
ACTIONS = 1000


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
                                 presenter="Voorzitter", minutes=10).id
            ws.decisions.add(meeting, f"Besluit over onderwerp {n + 1}.", agenda_item_id=item)
            ws.actions.add(meeting, f"Uitzoeken hoe onderwerp {n + 1} verder gaat",
                           people[n % 7], "2026-11-10", agenda_item_id=item)
        ws.meetings.mark_held(meeting, "2026-10-13 21:40")
    return path, meeting


def _bare_document(out: Path, flowables: int, table_rows: int) -> None:
    register_fonts()
    style = ParagraphStyle("b", fontName="DejaVuSans", fontSize=10.5, leading=14)
    story: list[object] = [Paragraph(f"Alinea {n} met wat tekst. " * 6, style)
                           for n in range(flowables)]
    if table_rows:
        story.append(Table([[Paragraph(f"Regel {n}", style), "01-12-2026", "open"]
                            for n in range(table_rows)], repeatRows=1))
    SimpleDocTemplate(str(out), pagesize=A4).build(story)  # type: ignore[arg-type]


@register("verslag-PDF, 15 punten", budget_ms=150)
def minutes_pdf(db: Path, repeat: int) -> Result:
    """``export(ws, "minutes", …)`` of a held 15-item meeting (the bench file is not used)."""
    del db
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path, meeting = _bench_board(folder)
        with Workspace(path) as ws:
            app = median_ms(lambda: export(ws, "minutes", folder / "v.pdf", meeting_id=meeting),
                            repeat)
        raw = median_ms(lambda: _bare_document(folder / "kaal.pdf", ITEMS * 3, 0), repeat)
    return Result("verslag-PDF, 15 punten", app, raw, 150, note="15 besluiten, 15 actiepunten")


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
        raw = median_ms(lambda: _bare_document(folder / "kaal.pdf", 0, ACTIONS), runs)
    return Result("actiepuntenlijst, 1.000 punten", app, raw, 1000)
