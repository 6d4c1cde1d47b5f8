"""Requests and signals to the municipality (verzoeken / signalen) and their answers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .base import Cleaner, Manager, check_choice, choice, clean_text, date, text
from .changes import Changes
from .errors import ValidationError
from .i18n import N_, _
from .timeutil import add_weeks, maybe_date, to_iso_date, today

REQUEST_KINDS = ("request", "signal")
REQUEST_STATUSES = ("draft", "sent", "answered", "closed")
DEFAULT_ANSWER_WEEKS = 6



@dataclass(frozen=True)
class Request:
    """A request (verzoek) or signal (signaal) to the municipality."""

    id: str
    board_id: str
    kind: str
    subject: str
    text: str
    area_id: str | None
    sent_to_id: str | None
    sent_to_name: str
    sent_on: str | None
    answer_due: str | None
    answered_on: str | None
    answer_text: str
    status: str
    meeting_id: str | None
    goal_id: str | None
    created_at: str
    updated_at: str

    def is_overdue(self, on: dt.date | None = None) -> bool:
        """Sent, not answered, and past the promised answer date ("te laat")."""
        due = maybe_date(self.answer_due)
        return self.status == "sent" and due is not None and due < (on or today())

    def answered_in_time(self) -> bool | None:
        """True/False once answered; ``None`` while there is no answer."""
        if not self.answered_on:
            return None
        due = maybe_date(self.answer_due)
        return due is None or maybe_date(self.answered_on) <= due  # type: ignore[operator]


class Requests(Manager[Request]):
    """Requests to the municipality of the current board."""

    table = "requests"
    record = Request
    label = "Verzoek"
    order_by = "COALESCE(sent_on, created_at) DESC"

    def _cleaners(self) -> dict[str, Cleaner]:
        return {
            "kind": choice(REQUEST_KINDS, N_("Soort")),
            "subject": text(N_("Het onderwerp"), required=True, limit=1000, strip=True),
            "text": text(N_("De tekst")),
            "area_id": self._ref(self._ws.areas, "Deze buurt"),
            "sent_to_id": self._ref(self._ws.contacts, "Deze persoon"),
            "sent_to_name": text(N_("Aan wie")),
            "sent_on": date(N_("verzenddatum")),
            "answer_due": date(N_("beloofde antwoorddatum")),
            "answered_on": date(N_("antwoorddatum")),
            "answer_text": text(N_("Het antwoord")),
            "meeting_id": self._ref(self._ws.meetings, "Deze vergadering"),
            "goal_id": self._ref(self._ws.goals, "Dit doel"),
        }

    def add(self, subject: str, text: str = "", **fields: Any) -> Changes:
        """Write a new request as a draft (concept)."""
        values = self._clean({"subject": subject, "text": text, **fields})
        if values.get("sent_to_id") and not values.get("sent_to_name"):
            values["sent_to_name"] = self._ws.contacts.get(values["sent_to_id"]).name
        with self._store.write("Verzoek toegevoegd") as tx:
            tx.insert(self.table, {"board_id": self._board_id, "status": "draft", **values})
        return tx.changes()

    def update(self, request_id: str, **fields: Any) -> Changes:
        """Change fields of a request."""
        values = self._clean(fields)
        if values.get("sent_to_id") and "sent_to_name" not in values:
            values["sent_to_name"] = self._ws.contacts.get(values["sent_to_id"]).name
        return self._update(request_id, values, N_("Verzoek gewijzigd"))

    #: Fields :meth:`save` writes with a plain update; status moves go through their rules.
    PLAIN_FIELDS = ("kind", "subject", "text", "area_id", "sent_to_id", "sent_to_name",
                    "sent_on", "answer_due", "answered_on", "answer_text", "meeting_id",
                    "goal_id")

    def save(self, request_id: str | None, fields: dict[str, Any],
             status: str | None = None) -> Changes:
        """Save an editor's fields and move the status, as ONE undo step and transaction.

        ``request_id`` ``None`` makes a new draft (``Changes.id`` is its id). Moving to
        ``sent`` uses :meth:`mark_sent` (an empty promised date becomes six weeks after
        sending); ``answered`` records the answer (today when no date).
        """
        plain = {k: v for k, v in fields.items() if k in self.PLAIN_FIELDS}
        current = self.get(request_id) if request_id else None
        moving = bool(status and (current is None or status != current.status))
        name = {"sent": "Verzoek verstuurd", "answered": "Antwoord vastgelegd",
                "closed": "Verzoek afgesloten"}.get(status or "", "") if moving else ""
        name = name or ("Verzoek toegevoegd" if current is None else "Verzoek gewijzigd")
        with self._store.write(name) as tx:
            if current is None:
                changes = self.add(**plain)
                assert changes.id is not None
                request_id = changes.id
                before_status = "draft"
            else:
                assert request_id is not None
                changes = self.update(request_id, **plain)
                before_status = current.status
            if status and status != before_status:
                after = self.get(request_id)
                if status == "sent" and before_status == "draft":
                    self.mark_sent(request_id, on=after.sent_on or None,
                                   answer_due=after.answer_due or None)
                elif status == "answered":
                    self.record_answer(request_id, after.answer_text,
                                       on=after.answered_on or None)
                elif status == "closed":
                    self.close(request_id)
                else:
                    self.set_status(request_id, status)
        result = tx.changes()
        return Changes(result.kinds, result.ids, result.step, changes.id or request_id)

    def save_letter(self, request_id: str, text: str, is_answer: bool) -> Changes:
        """Keep a municipal letter with its request; as its answer when ``is_answer`` and the
        request still waits (draft or sent). One undo step, one transaction."""
        with self._store.write("Brief bewaard") as tx:
            self.update(request_id, answer_text=text)
            if is_answer and self.get(request_id).status in ("draft", "sent"):
                self.record_answer(request_id, text)
        return tx.changes()

    def mark_sent(
        self,
        request_id: str,
        on: dt.date | str | None = None,
        answer_due: dt.date | str | None = None,
        sent_to_id: str | None = None,
        sent_to_name: str | None = None,
    ) -> Changes:
        """Record sending; the answer is due six weeks later unless another date is given."""
        request = self.get(request_id)
        sent = maybe_date(to_iso_date(on or today(), "verzenddatum"))
        assert sent is not None
        due = to_iso_date(answer_due, "antwoorddatum") if answer_due else add_weeks(sent, DEFAULT_ANSWER_WEEKS).isoformat()
        if due is None or due < sent.isoformat():
            raise ValidationError(_("De beloofde antwoorddatum ligt voor de verzenddatum."))
        values: dict[str, Any] = {"status": "sent", "sent_on": sent.isoformat(), "answer_due": due}
        extra = self._clean({k: v for k, v in {"sent_to_id": sent_to_id, "sent_to_name": sent_to_name}.items() if v})
        if extra.get("sent_to_id") and "sent_to_name" not in extra:
            extra["sent_to_name"] = self._ws.contacts.get(extra["sent_to_id"]).name
        values.update(extra)
        if request.status not in ("draft", "sent"):
            raise ValidationError(_("Dit verzoek is al beantwoord of afgesloten."))
        return self._update(request_id, values, N_("Verzoek verstuurd"))

    def record_answer(self, request_id: str, text: str, on: dt.date | str | None = None) -> Changes:
        """Record the municipality's answer."""
        text = clean_text(text, "Het antwoord")
        request = self.get(request_id)
        answered = to_iso_date(on or today(), "antwoorddatum")
        if request.sent_on and answered and answered < request.sent_on:
            raise ValidationError(_("De antwoorddatum ligt voor de verzenddatum."))
        values = {"status": "answered", "answered_on": answered, "answer_text": text}
        return self._update(request_id, values, N_("Antwoord vastgelegd"))

    def close(self, request_id: str) -> Changes:
        """Close a request (no further follow-up)."""
        return self._update(request_id, {"status": "closed"}, N_("Verzoek afgesloten"))

    def set_status(self, request_id: str, status: str) -> Changes:
        """Set the stored status directly (draft, sent, answered, closed)."""
        check_choice(status, REQUEST_STATUSES, "Status")
        return self._update(request_id, {"status": status}, N_("Status van verzoek gewijzigd"))

    def overdue(self, on: dt.date | None = None) -> list[Request]:
        """Sent requests whose promised answer date has passed."""
        return self._select(
            "status = 'sent' AND answer_due < ?", [(on or today()).isoformat()], order="answer_due"
        )

    def open(self) -> list[Request]:
        """Drafts and sent requests without an answer."""
        return self._select("status IN ('draft', 'sent')", order="answer_due IS NULL, answer_due")
