"""GUI operations for the meeting room: the chair's clock, residents present, verslag option."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from wijkapp.changes import Changes
from wijkapp.errors import NotFoundError
from wijkapp.i18n import _
from wijkapp.meeting_clock import ITEM_TIMES_SETTING
from wijkapp.workspace import Workspace

from .base import CoreOp


def save_clock_time(parent: QWidget | None, seconds: Mapping[str, int]) -> CoreOp:
    """Add measured seconds per agenda item (an item deleted meanwhile is skipped)."""
    times = dict(seconds)

    def op(ws: Workspace) -> Changes:
        changes = Changes()
        for item_id, value in times.items():
            try:
                changes = changes.merged(ws.agenda.add_time(item_id, value))
            except NotFoundError:
                continue
        return changes

    return CoreOp(parent, op)


def set_residents_present(parent: QWidget | None, meeting_id: str, count: int | None) -> CoreOp:
    """Record how many residents came (``None``: not counted)."""
    return CoreOp(
        parent, lambda ws: ws.meetings.set_residents_present(meeting_id, count)
    ).with_message(_("Bewaard."))


def set_item_times_in_minutes(parent: QWidget | None, on: bool) -> CoreOp:
    """Whether the verslag states the measured time per agenda item."""
    return CoreOp(parent, lambda ws: ws.set_setting(ITEM_TIMES_SETTING, bool(on)))
