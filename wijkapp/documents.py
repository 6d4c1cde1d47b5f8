"""Incoming documents (ingekomen stukken): letters and mails the board received."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import Cleaner, Manager, date, text
from .changes import Changes
from .i18n import N_


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

    def _cleaners(self) -> dict[str, Cleaner]:
        return {
            "subject": text(N_("Het onderwerp"), required=True, limit=1000, strip=True),
            "received_on": date(N_("datum van ontvangst")),
            "sender": text(N_("De afzender")),
            "summary": text(N_("De samenvatting")),
            "handling": text(N_("De afhandeling")),
            "meeting_id": self._ref(self._ws.meetings, "Deze vergadering"),
            "attachment_id": self._ref(self._ws.attachments, "Deze bijlage"),
        }

    def add(self, subject: str, **fields: Any) -> Changes:
        """Register a received document."""
        values = self._clean({"subject": subject, **fields})
        with self._store.write("Ingekomen stuk toegevoegd") as tx:
            tx.insert(self.table, {"board_id": self._board_id, **values})
        return tx.changes()

    def update(self, document_id: str, **fields: Any) -> Changes:
        """Change a document's details."""
        return self._update(document_id, self._clean(fields), N_("Ingekomen stuk gewijzigd"))

    def for_meeting(self, meeting_id: str) -> list[Document]:
        """Documents tabled at this meeting."""
        return self._select("meeting_id = ?", [meeting_id], order="received_on, created_at")
