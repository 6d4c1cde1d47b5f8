"""Operations on the register of signals (Stem van de wijk).

Each function returns a not-yet-started :class:`~ui.operations.base.CoreOp`; call ``.run()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from wijkapp.i18n import _
from wijkapp.privacy import erase_signal_resident

from .base import CoreOp


def save_signal(parent: QWidget | None, signal_id: str | None, fields: dict[str, Any]) -> CoreOp:
    """Save the editor's fields (``signal_id`` ``None``: a new signal)."""

    def op(ws: Any) -> Any:
        if signal_id is None:
            values = dict(fields)
            return ws.signals.add(values.pop("words"), values.pop("heard_on", None), **values)
        return ws.signals.update(signal_id, **fields)

    return CoreOp(parent, op).with_message(_("Signaal bewaard."))


def delete_signal(parent: QWidget | None, signal_id: str) -> CoreOp:
    """Remove a signal (undo with Ctrl+Z)."""
    return CoreOp(parent, lambda ws: ws.signals.delete(signal_id)).with_message(
        _("Signaal verwijderd. Ongedaan maken kan met Ctrl+Z."))


def pass_on_signal(parent: QWidget | None, signal_id: str, kind: str, **options: Any) -> CoreOp:
    """Pass a signal on (to the municipality, a partner, the agenda or a goal)."""
    messages = {
        "request": _("Doorgegeven aan de gemeente. Het verzoek staat bij Verzoeken aan de gemeente."),
        "referral": _("Doorverwezen. Leg het antwoord vast zodra het er is."),
        "agenda_item": _("Het signaal staat op de agenda van de volgende vergadering."),
        "goal": _("Het signaal is gekoppeld aan de buurtagenda."),
    }
    return CoreOp(parent, lambda ws: ws.signals.pass_on(signal_id, kind, **options)).with_message(
        messages.get(kind, _("Doorgegeven.")))


def record_followup_answer(parent: QWidget | None, followup_id: str, answer: str,
                           on: Any = None) -> CoreOp:
    """Record the answer to a follow-up (a request's answer goes to the request)."""
    return CoreOp(parent, lambda ws: ws.signals.record_answer(followup_id, answer, on=on)
                  ).with_message(_("Antwoord vastgelegd."))


def remove_followup(parent: QWidget | None, followup_id: str) -> CoreOp:
    """Take a follow-up off its signal (undo with Ctrl+Z)."""
    return CoreOp(parent, lambda ws: ws.signals.remove_followup(followup_id)).with_message(
        _("Opvolging verwijderd. Ongedaan maken kan met Ctrl+Z."))


def erase_resident(parent: QWidget | None, signal_id: str) -> CoreOp:
    """Erase the resident's name and contact from a signal (cannot be undone)."""
    return CoreOp(parent, lambda ws: erase_signal_resident(ws, signal_id)).with_message(
        _("Naam en contactgegevens gewist."))
