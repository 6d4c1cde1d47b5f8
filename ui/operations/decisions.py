"""GUI operations on decisions; each returns a :class:`CoreOp` to ``.run()``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from wijkapp.changes import Changes
from wijkapp.i18n import _

from .base import CoreOp
from .context import app_context


def add_decision(
    parent: QWidget | None,
    meeting_id: str,
    text: str,
    agenda_item_id: str | None = None,
    on_done: Callable[[Changes], None] | None = None,
) -> CoreOp:
    """Record a decision; the status bar names its number (``Besluit 2026-003 genoteerd.``).

    The number is read back on the worker so the message is exact; ``on_done`` gets the
    ``Changes`` (``Changes.id`` is the decision).
    """
    numbers: list[str] = []

    def op(ws: Any) -> Changes:
        changes: Changes = ws.decisions.add(meeting_id, text, agenda_item_id=agenda_item_id)
        if changes.id:
            numbers.append(ws.decisions.get(changes.id).number)
        return changes

    def announce(_changes: Changes) -> None:
        if numbers:
            app_context().show_status(_("Besluit {number} genoteerd.").format(number=numbers[0]))
        if on_done:
            on_done(_changes)

    return CoreOp(parent, op).success(announce)
