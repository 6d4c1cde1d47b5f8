"""GUI operations on meetings and attendance; each returns a :class:`CoreOp` to ``.run()``.

Success messages live here, not in the widgets.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from wijkapp.i18n import _
from wijkapp.timeutil import now

from .base import CoreOp


def create_board(parent: QWidget | None, name: str, wijk: str, buurten: list[str]) -> CoreOp:
    """Make the board (first run); the workspace switches to it."""
    return CoreOp(parent, lambda ws: ws.boards.create(name, wijk, buurten)).with_message(
        _("Welkom! Het wijkplatform is gemaakt.")
    )


def create_meeting(
    parent: QWidget | None, starts_at: dt.datetime, title: str | None = None, place: str = ""
) -> CoreOp:
    """Plan a meeting from the board's agenda template, board members invited.

    The result's ``Changes.id`` is the new meeting.
    """
    title = title or _("Vergadering wijkplatform")
    return CoreOp(
        parent, lambda ws: ws.meetings.create(starts_at, title=title, place=place)
    ).with_message(_("Nieuwe vergadering gemaakt met de vaste agenda."))


def update_meeting(parent: QWidget | None, meeting_id: str, **fields: Any) -> CoreOp:
    """Change title, date/time or place (saved at once, no Save button)."""
    return CoreOp(parent, lambda ws: ws.meetings.update(meeting_id, **fields)).with_message(
        _("Bewaard.")
    )


def set_attendance(parent: QWidget | None, meeting_id: str, person_id: str, status: str) -> CoreOp:
    """Record one person's presence (``invited``/``present``/``absent_notice``/``absent``)."""
    return CoreOp(parent, lambda ws: ws.meetings.set_attendance(meeting_id, person_id, status))


def remove_invitee(parent: QWidget | None, meeting_id: str, person_id: str) -> CoreOp:
    """Take a person off the meeting's list."""
    return CoreOp(parent, lambda ws: ws.meetings.remove_invitee(meeting_id, person_id))


def invite_new_person(parent: QWidget | None, meeting_id: str, name: str) -> CoreOp:
    """Add a new contact by name and invite them to the meeting."""

    return CoreOp(parent, lambda ws: ws.meetings.invite_new_person(meeting_id, name)).with_message(_("{name} is uitgenodigd.").format(name=name.strip()))


def close_meeting(parent: QWidget | None, meeting_id: str) -> CoreOp:
    """Mark the meeting as held, closing now."""
    return CoreOp(
        parent, lambda ws: ws.meetings.mark_held(meeting_id, closed_at=now())
    ).with_message(_("De vergadering is gesloten. Alles is bewaard."))
