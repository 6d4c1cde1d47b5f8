"""Operations on buurtagenda goals.

Each function returns a not-yet-started :class:`~ui.operations.base.CoreOp`; call ``.run()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from wijkapp.i18n import _

from .base import CoreOp


def add_goal(parent: QWidget | None, title: str, building_block: int, **fields: Any) -> CoreOp:
    """Add a goal under bouwsteen 1–7; ``Changes.id`` is its id."""
    return CoreOp(parent, lambda ws: ws.goals.add(title, building_block, **fields)).with_message(
        _("Doel bewaard.")
    )


def update_goal(parent: QWidget | None, goal_id: str, **fields: Any) -> CoreOp:
    """Change wat/hoe/wie/wanneer, buurt, bouwsteen, status, bewijs or evaluatie."""
    return CoreOp(parent, lambda ws: ws.goals.update(goal_id, **fields)).with_message(
        _("Doel bewaard.")
    )


def delete_goal(parent: QWidget | None, goal_id: str) -> CoreOp:
    """Remove a goal (undo with Ctrl+Z)."""
    return CoreOp(parent, lambda ws: ws.goals.delete(goal_id)).with_message(
        _("Doel verwijderd. Ongedaan maken kan met Ctrl+Z.")
    )


def link_evidence(parent: QWidget | None, goal_id: str, target_kind: str,
                  target_id: str) -> CoreOp:
    """Link a decision, action, request, document or agenda item to a goal as evidence."""
    return CoreOp(
        parent, lambda ws: ws.goals.link(goal_id, target_kind, target_id)
    ).with_message(_("Bewijs gekoppeld aan het doel."))


def unlink_evidence(parent: QWidget | None, link_id: str) -> CoreOp:
    """Take one piece of evidence off its goal (the record itself stays; undo with Ctrl+Z)."""
    return CoreOp(parent, lambda ws: ws.goals.unlink(link_id)).with_message(
        _("Bewijs ontkoppeld. Ongedaan maken kan met Ctrl+Z.")
    )
