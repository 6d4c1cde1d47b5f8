"""One list-plus-editor framework (issue 16): every screen with a list of records beside
or above an editor that saves by itself is a :class:`RecordPanel`.

A static scan of ``ui/``: only ``record_panel.py`` makes a record list model, and only it
and minutes mode (the notes of one agenda item, not a list of records) make an autosaver.
"""

from __future__ import annotations

import ast
from pathlib import Path

from ui.views.actions import ActionsView
from ui.views.record_panel import RecordPanel

UI = Path(__file__).resolve().parents[2] / "ui"


def constructed(name: str) -> set[str]:
    """The modules of ``ui/`` (relative paths) that call ``name(...)``."""
    found = set()
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and (
                    (isinstance(node.func, ast.Name) and node.func.id == name)
                    or (isinstance(node.func, ast.Attribute) and node.func.attr == name)):
                found.add(path.relative_to(UI).as_posix())
    return found


def test_only_the_record_panel_makes_record_lists() -> None:
    assert constructed("RecordListModel") == {"views/record_panel.py"}


def test_autosave_lives_in_the_record_panel_and_minutes_mode_only() -> None:
    assert constructed("AutoSaver") == {"views/record_panel.py", "views/minutes.py"}


def test_the_action_list_is_a_record_panel() -> None:
    assert issubclass(ActionsView, RecordPanel)
