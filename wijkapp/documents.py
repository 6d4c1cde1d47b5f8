"""Incoming documents (ingekomen stukken): letters and mails the board received."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import Manager, clean_text
from .changes import Changes
from .errors import ValidationError
from .timeutil import to_iso_date

_FIELDS = ("received_on", "sender", "subject", "summary", "handling", "meeting_id", "attachment_id")


@dataclass(frozen=True)
class Document:
    """A received letter, mail or report, tabled at a meeting."""

    id: str
    board_id: str
    meeting_id: str | None
    received_on: str | None
    sender: str
    subject: str
    summary: str
    handling: str
    attachment_id: str | None
    created_at: str
    updated_at: str


class Documents(Manager[Document]):
    """Incoming documents of the current board."""

    table = "documents"
    record = Document
    label = "Ingekomen stuk"
    order_by = "received_on DESC, created_at DESC"

    def _clean(self, fields: dict[str, Any]) -> dict[str, Any]:
        unknown = set(fields) - set(_FIELDS)
        if unknown:
            raise ValidationError(f"Onbekend veld: {', '.join(sorted(unknown))}.")
        out: dict[str, Any] = {}
        for key, value in fields.items():
            if key == "subject":
                out[key] = clean_text(value, "Het onderwerp", required=True, limit=1000).strip()
            elif key == "received_on":
                out[key] = to_iso_date(value, "datum van ontvangst")
            elif key == "meeting_id":
                self._require_ref(self._ws.meetings, value, "Deze vergadering")
                out[key] = value or None
            elif key == "attachment_id":
                self._require_ref(self._ws.attachments, value, "Deze bijlage")
                out[key] = value or None
            else:
                out[key] = clean_text(value, "Dit veld")
        return out

    def add(self, subject: str, **fields: Any) -> Changes:
        """Register a received document."""
        values = self._clean({"subject": subject, **fields})
        with self._store.write("Ingekomen stuk toegevoegd") as tx:
            tx.insert(self.table, {"board_id": self._board_id, **values})
        return tx.changes()

    def update(self, document_id: str, **fields: Any) -> Changes:
        """Change a document's details."""
        return self._update(document_id, self._clean(fields), "Ingekomen stuk gewijzigd")

    def for_meeting(self, meeting_id: str) -> list[Document]:
        """Documents tabled at this meeting."""
        return self._select("meeting_id = ?", [meeting_id], order="received_on, created_at")
