"""Which views reload after one edit, with every view built: a probe, not a timing.

``python -m bench.refresh_probe [--db FILE]`` opens the busiest board of the bench database
in the real main window (every view built once, as in ``bench.gui``), then does two
everyday edits through their GUI operations and counts, per view, how often its refresh
entry point ran and what ``bus.refreshed`` announced:

* *add an agenda item* — in the meeting editor (``ui.operations.agenda.add_item``);
* *mark an action done* — in the Actiepunten view (``ui.operations.actions.mark_action_done``).

The counts are made by wrapping the views' refresh methods at class level before the
window is built, so the probe also counts views that do not announce their refreshes
(it was written to compare code before and after issue 19; see bench/README.md).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

#: (module, class, method): every place a view reloads from a change.
ENTRY_POINTS = (
    ("ui.views.meetings", "MeetingsView", "refresh"),
    ("ui.views.meeting_editor", "MeetingEditor", "_on_changed"),
    ("ui.views.minutes", "MinutesView", "_on_changed"),
    ("ui.views.actions", "ActionsView", "refresh"),
    ("ui.views.requests", "RequestsView", "refresh"),
    ("ui.views.contacts", "ContactsView", "refresh"),
    ("ui.views.goals", "GoalsView", "refresh"),
    ("ui.views.signals", "SignalsView", "refresh"),
    ("ui.views.dashboard", "DashboardView", "refresh"),
    ("ui.views.search", "SearchView", "refresh"),
    ("ui.views.record_panel", "RecordPanel", "fill"),
    ("ui.views.record_panel", "RecordPanel", "fill_later"),
)

calls: Counter[str] = Counter()


def _wrap(module: str, cls: str, method: str) -> None:
    try:
        owner = getattr(importlib.import_module(module), cls)
    except (ImportError, AttributeError):
        return
    original: Callable[..., Any] | None = owner.__dict__.get(method)
    if original is None:
        return

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        owner_name = type(self).__name__ if cls == "RecordPanel" else cls
        calls[f"{owner_name}.{method}"] += 1
        return original(self, *args, **kwargs)

    setattr(owner, method, counted)


def _visit_all(s: Any) -> tuple[Counter[str], Counter[str]]:
    """Show every view once and count the catching up (views that waited while hidden)."""
    from ui.main_window import VIEWS

    before = Counter(calls)
    announced: Counter[str] = Counter()

    def note(name: str, _changes: object) -> None:
        announced.update([name])

    s.bus.refreshed.connect(note)
    current = s.window.nav.currentRow()
    for spec in VIEWS:
        s.window.show_view(spec.key)
        s.idle_worker()
    s.window.show_view(VIEWS[current].key)
    s.idle_worker()
    s.bus.refreshed.disconnect(note)
    return Counter(calls) - before, announced


def probe(db: Path) -> dict[str, tuple[Counter[str], Counter[str]]]:
    """``{edit: (refresh calls per method, bus.refreshed per view name)}``; the edit's own
    reloads, then (``edit + shown``) those of the hidden views as each is shown once."""
    for entry in ENTRY_POINTS:
        _wrap(*entry)
    import bench.gui as gui
    from ui.operations.actions import mark_action_done
    from ui.operations.agenda import add_item

    s = gui.session(db)
    announced: Counter[str] = Counter()
    s.bus.refreshed.connect(lambda name, _changes: announced.update([name]))
    results = {}

    # Add an agenda item: the secretary has the editor of the next meeting open.
    view = gui._meetings_view(s)  # noqa: SLF001 - the bench's own helper
    meeting = s.meeting_ids[0]
    view.open_meeting(meeting)
    s.idle_worker()
    calls.clear()
    announced.clear()
    add_item(view.editor, meeting, "Probe: nieuw agendapunt").run()
    s.idle_worker()
    results["add an agenda item"] = (Counter(calls), Counter(announced))
    results["add an agenda item, then every view shown once"] = _visit_all(s)
    view.show_list()
    s.idle_worker()

    # Mark an action done, in the Actiepunten view.
    actions = s.window.show_view("actions")
    s.idle_worker()
    action = s.ws.actions.open()[0].id
    calls.clear()
    announced.clear()
    mark_action_done(actions, action).run()
    s.idle_worker()
    results["mark an action done"] = (Counter(calls), Counter(announced))
    results["mark an action done, then every view shown once"] = _visit_all(s)
    return results


def main(argv: list[str] | None = None) -> int:
    """Print the counts per edit."""
    from bench.generate import DEFAULT_DB

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    args = parser.parse_args(argv)
    for edit, (methods, names) in probe(args.db).items():
        print(f"{edit}:")
        print("  refresh calls:   " + (", ".join(f"{k} {v}" for k, v in sorted(methods.items()))
                                       or "none"))
        print("  bus.refreshed:   " + (", ".join(f"{k} {v}" for k, v in sorted(names.items()))
                                       or "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
