"""Operations on actiepunten (actions), shared by the Actiepunten view and minutes mode.

Every function returns a :class:`~ui.operations.base.CoreOp` that is not started yet:
the caller may add ``.success(...)``/``.failure(...)`` and must call ``.run()``.
The core call runs on the serialized worker thread and its ``Changes`` are broadcast
on the change bus with ``parent`` as source.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from wijkapp.i18n import _

from .base import CoreOp


def add_action(
    parent: QWidget | None,
    meeting_id: str | None,
    what: str,
    owner_id: str | None = None,
    due_date: Any = None,
    agenda_item_id: str | None = None,
    owner_name: str = "",
    goal_id: str | None = None,
    preventive: bool = False,
) -> CoreOp:
    """Agree a new open action (``meeting_id=None``: outside a meeting).

    ``owner_name`` is a free name for someone who is not in Contacten (used when
    ``owner_id`` is ``None``); ``goal_id`` the buurtagenda goal it serves.
    ``Changes.id`` is the new action's id.
    """
    extra: dict[str, Any] = {}
    if agenda_item_id:
        extra["agenda_item_id"] = agenda_item_id
    if goal_id:
        extra["goal_id"] = goal_id
    if owner_name and not owner_id:
        extra["owner_name"] = owner_name
    if preventive:
        extra["preventive"] = True
    return CoreOp(
        parent,
        lambda ws: ws.actions.add(meeting_id, what, owner_id=owner_id, due_date=due_date, **extra),
    ).with_message(_("Actiepunt toegevoegd."))


def update_action(parent: QWidget | None, action_id: str, **fields: Any) -> CoreOp:
    """Change what, owner (``owner_id``/``owner_name``), ``due_date``, ``notes`` or ``goal_id``."""
    return CoreOp(parent, lambda ws: ws.actions.update(action_id, **fields)).with_message(
        _("Actiepunt bewaard.")
    )


def mark_action_done(
    parent: QWidget | None, action_id: str, in_meeting: str | None = None
) -> CoreOp:
    """The action is done today; noted in ``in_meeting``'s review when given."""
    return CoreOp(
        parent, lambda ws: ws.actions.mark_done(action_id, in_meeting=in_meeting)
    ).with_message(_("Actiepunt is klaar."))


def postpone_action(
    parent: QWidget | None, action_id: str, in_meeting: str | None = None
) -> CoreOp:
    """Move the due date four weeks on and count one more postponement."""
    return CoreOp(
        parent, lambda ws: ws.actions.postpone(action_id, in_meeting=in_meeting)
    ).with_message(_("Actiepunt uitgesteld."))


def keep_action(parent: QWidget | None, action_id: str, in_meeting: str) -> CoreOp:
    """Discussed in ``in_meeting``; the action stays open with the same date."""
    return CoreOp(
        parent, lambda ws: ws.actions.keep(action_id, in_meeting=in_meeting)
    ).with_message(_("Actiepunt blijft open."))


def reopen_action(parent: QWidget | None, action_id: str) -> CoreOp:
    """Open a done or cancelled action again."""
    return CoreOp(parent, lambda ws: ws.actions.reopen(action_id)).with_message(
        _("Actiepunt staat weer open.")
    )
