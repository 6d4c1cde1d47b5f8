"""Stem van de wijk: what residents say (signals and stories), passed on and answered.

A signal keeps the resident's own words, when and where they were heard, by which board
member, its themes and the groups it concerns. It is anonymous by default: a name or a
contact detail is kept only with recorded consent (``consent`` + ``consent_on``), and
:func:`wijkapp.privacy.erase_signal_resident` removes it for good.

Follow-up closes the loop: :meth:`Signals.pass_on` hands a signal to the municipality (a
request, linked), to a partner (a referral), or to the board (an agenda item or a goal), as
one undo step; the answer comes back on the request or the referral, and the board writes
down what it did (``outcome``: "Wij deden …"). A signal without any follow-up or outcome
after :data:`DEFAULT_FOLLOWUP_WEEKS` weeks counts as *forgotten* on "Stand van zaken".
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from .base import Cleaner, Manager, check_choice, clean_text, date, flag, from_row, text
from .changes import Changes
from .errors import NotFoundError, ValidationError
from .i18n import N_, _
from .timeutil import add_weeks, maybe_date, to_iso_date, today

#: Themes a new board starts with (the board edits its own list in its settings).
DEFAULT_THEMES = (
    "eenzaamheid", "bestaanszekerheid en armoede", "wonen", "zorg en ondersteuning",
    "veiligheid", "ontmoeting", "verkeer", "groen", "schoon en heel", "jeugd",
)
#: Groups a new board starts with: the voices the wijk must carry.
DEFAULT_GROUPS = (
    "ouderen", "mensen met dementie", "mensen met een psychische beperking",
    "mensen met een verstandelijke beperking", "mensen met verward gedrag", "mantelzorgers",
    "nieuwkomers", "jongeren", "gezinnen met kinderen", "mensen met een lichamelijke beperking",
)
THEMES_SETTING = "signal_themes"
GROUPS_SETTING = "signal_groups"
FOLLOWUP_WEEKS_SETTING = "signal_followup_weeks"
DEFAULT_FOLLOWUP_WEEKS = 4

#: How a signal can be passed on: to the municipality, a partner, the board's agenda or goals.
FOLLOWUP_KINDS = ("request", "referral", "agenda_item", "goal")
#: The table a follow-up of each kind points to.
FOLLOWUP_TARGETS = {"request": "requests", "referral": "organisations",
                    "agenda_item": "agenda_items", "goal": "goals"}
MAX_LABEL = 100
MAX_LABELS = 30


def parse_labels(raw: Any) -> list[str]:
    """A stored label list (JSON text or a list) as a clean list; junk becomes ``[]``."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw or "[]")
        except ValueError:
            return []
    if not isinstance(raw, list | tuple):
        return []
    return [str(item) for item in raw if isinstance(item, str) and item.strip()]


def clean_labels(value: Any, label: str) -> str:
    """Validate themes or groups (a list of short texts) and store them as JSON text."""
    if value is None:
        value = []
    if isinstance(value, str):
        value = parse_labels(value) if value.strip().startswith("[") else [value]
    if not isinstance(value, list | tuple):
        raise ValidationError(_("{label} moet een lijst zijn.").format(label=_(label)))
    seen: dict[str, str] = {}
    for item in value:
        word = " ".join(clean_text(item, label, limit=MAX_LABEL).split())
        if word and word.casefold() not in seen:
            seen[word.casefold()] = word
    if len(seen) > MAX_LABELS:
        raise ValidationError(_("{label}: kies er hoogstens {most}.").format(label=_(label), most=MAX_LABELS))
    return json.dumps(list(seen.values()), ensure_ascii=False)


@dataclass(frozen=True)
class Signal:
    """What a resident said, in their words, and what the board did with it."""

    id: str
    board_id: str
    heard_on: str
    place: str
    heard_by_id: str | None
    heard_by_name: str
    area_id: str | None
    words: str
    subject: str
    themes: str
    groups: str
    quotable: int
    consent: int
    consent_on: str | None
    resident_name: str
    resident_contact: str
    outcome: str
    outcome_on: str | None
    created_at: str
    updated_at: str

    @property
    def theme_list(self) -> list[str]:
        """The themes as a list."""
        return parse_labels(self.themes)

    @property
    def group_list(self) -> list[str]:
        """The groups as a list."""
        return parse_labels(self.groups)

    @property
    def title(self) -> str:
        """The subject, or the first words of what was said (for lists)."""
        if self.subject.strip():
            return self.subject.strip()
        words = " ".join(self.words.split())
        return words if len(words) <= 60 else words[:59].rstrip() + "…"

    @property
    def day(self) -> dt.date:
        """The day it was heard."""
        found = maybe_date(self.heard_on)
        assert found is not None
        return found

@dataclass(frozen=True)
class Followup:
    """One hand-over of a signal: to the municipality, a partner, the agenda or a goal."""

    id: str
    board_id: str
    signal_id: str
    kind: str
    target_kind: str
    target_id: str | None
    partner_name: str
    passed_on: str
    note: str
    answered_on: str | None
    answer: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class FollowupView:
    """A follow-up as people read it: to whom, when, and the answer (from the request too)."""

    followup: Followup
    to: str
    answered_on: str | None
    answer: str

    @property
    def answered(self) -> bool:
        """True when an answer came back."""
        return bool(self.answered_on or self.answer.strip())


class Signals(Manager[Signal]):
    """The register of signals and stories of the current board."""

    table = "signals"
    record = Signal
    label = "Signaal"
    order_by = "heard_on DESC, created_at DESC"

    def _cleaners(self) -> dict[str, Cleaner]:
        return {
            "words": text(N_("Wat er gezegd is"), required=True),
            "heard_on": date(N_("datum waarop het gehoord is")),
            "place": text(N_("Waar"), limit=300, strip=True),
            "heard_by_id": self._ref(self._ws.contacts, "Dit bestuurslid"),
            "heard_by_name": text(N_("Gehoord door"), limit=300, strip=True),
            "area_id": self._ref(self._ws.areas, "Deze buurt"),
            "subject": text(N_("Het onderwerp"), limit=300, strip=True),
            "themes": lambda v: clean_labels(v, "De thema's"),
            "groups": lambda v: clean_labels(v, "De groepen"),
            "quotable": flag,
            "consent": flag,
            "consent_on": date(N_("datum van de toestemming")),
            "resident_name": text(N_("De naam van de bewoner"), limit=300, strip=True),
            "resident_contact": text(N_("Hoe de bewoner te bereiken is"), limit=300, strip=True),
            "outcome": text(N_("Wat het wijkplatform deed")),
            "outcome_on": date(N_("datum van de uitkomst")),
        }

    # -- writing -------------------------------------------------------------------------
    def add(self, words: str, heard_on: dt.date | str | None = None, **fields: Any) -> Changes:
        """Record what a resident said; ``Changes.id`` is the new signal's id."""
        values = self._clean({"words": words, "heard_on": heard_on or today(), **fields})
        self._fill_names(values)
        _check_consent(values)
        with self._store.write("Signaal vastgelegd") as tx:
            tx.insert(self.table, {"board_id": self._board_id, **values})
        return tx.changes()

    def update(self, signal_id: str, **fields: Any) -> Changes:
        """Change fields of a signal (a name needs consent; see the module doc)."""
        current = self.get(signal_id)
        values = self._clean(fields)
        if "heard_on" in values and not values["heard_on"]:
            raise ValidationError(_("Vul de datum in waarop het gehoord is."))
        self._fill_names(values)
        merged = {k: getattr(current, k) for k in ("consent", "consent_on", "resident_name",
                                                   "resident_contact", "heard_on")}
        merged.update(values)
        _check_consent(merged)
        if merged.get("consent_on") != current.consent_on and "consent_on" not in values:
            values["consent_on"] = merged["consent_on"]
        if "outcome" in values and "outcome_on" not in values:
            # The outcome's date is the day it is first written down; clearing it clears the date.
            has = bool(values["outcome"].strip())
            values["outcome_on"] = (current.outcome_on or today().isoformat()) if has else None
        return self._update(signal_id, values, N_("Signaal gewijzigd"))

    def _fill_names(self, values: dict[str, Any]) -> None:
        if values.get("heard_by_id") and not values.get("heard_by_name"):
            values["heard_by_name"] = self._ws.contacts.get(values["heard_by_id"]).name

    def set_outcome(self, signal_id: str, outcome: str, on: dt.date | str | None = None) -> Changes:
        """Write down what the board did with the signal ("Wij deden …"); empty clears it."""
        self.get(signal_id)
        outcome = clean_text(outcome, "Wat het wijkplatform deed")
        day = to_iso_date(on or today(), "datum van de uitkomst") if outcome.strip() else None
        return self._update(signal_id, {"outcome": outcome, "outcome_on": day}, N_("Uitkomst vastgelegd"))

    def pass_on(self, signal_id: str, kind: str, *, to_id: str | None = None, to_name: str = "",
                on: dt.date | str | None = None, note: str = "", send: bool = True,
                meeting_id: str | None = None, link_id: str | None = None) -> Changes:
        """Pass a signal on, as one undo step; ``Changes.id`` is the new follow-up's id.

        * ``request``: a new request to the municipality (kind *signaal*) with the
          resident's words but never their name; sent on ``on`` unless ``send`` is false.
          ``to_id``/``to_name``: the contact at the municipality.
        * ``referral``: to a partner; ``to_id`` an organisation of the sociale kaart,
          or only ``to_name`` ("Knooppunt Informele Zorg").
        * ``agenda_item``: a new item on meeting ``meeting_id`` (default: the next one).
        * ``goal``: linked to goal ``to_id``, or a new goal of bouwsteen 4 (verhalen).

        ``link_id`` links an existing request, agenda item or goal instead of making one.
        """
        check_choice(kind, FOLLOWUP_KINDS, "Soort opvolging")
        signal = self.get(signal_id)
        day = to_iso_date(on or today(), "datum van doorgeven")
        note = clean_text(note, "De toelichting")
        to_name = clean_text(to_name, "Aan wie", limit=300).strip()
        title = signal.title
        with self._store.write("Signaal doorgegeven") as tx:
            target_id: str | None = None
            if link_id and kind in ("request", "agenda_item", "goal"):
                managers: dict[str, Manager[Any]] = {
                    "request": self._ws.requests, "agenda_item": self._ws.agenda,
                    "goal": self._ws.goals}
                target: Any = managers[kind].get(link_id)
                target_id = target.id
                to_name = to_name or str(getattr(target, "sent_to_name", "") or getattr(
                    target, "title", "") or getattr(target, "subject", "")) or "de gemeente"
            elif kind == "request":
                fields: dict[str, Any] = {"kind": "signal", "area_id": signal.area_id}
                if to_id:
                    fields["sent_to_id"] = to_id
                if to_name:
                    fields["sent_to_name"] = to_name
                target_id = self._ws.requests.add(title, request_text(signal), **fields).id
                assert target_id is not None
                if send:
                    self._ws.requests.mark_sent(target_id, on=day)
                to_name = to_name or self._ws.requests.get(target_id).sent_to_name or "de gemeente"
            elif kind == "referral":
                if to_id:
                    organisation = self._ws.organisations.get(to_id)
                    target_id, to_name = organisation.id, to_name or organisation.name
                if not to_name:
                    raise ValidationError(_("Kies de organisatie of vul in aan wie u doorverwijst."))
            elif kind == "agenda_item":
                meeting = self._meeting_for(meeting_id, day)
                target_id = self._ws.agenda.add(meeting.id, title, notes=request_text(signal)).id
                to_name = to_name or meeting.title
            else:
                if to_id:
                    target_id = self._ws.goals.get(to_id).id
                else:
                    target_id = self._ws.goals.add(title, 4, how=request_text(signal)).id
                to_name = to_name or self._ws.goals.get(target_id or "").title
            followup_id = tx.insert("signal_followups", {
                "board_id": self._board_id, "signal_id": signal_id, "kind": kind,
                "target_kind": FOLLOWUP_TARGETS[kind] if target_id else "",
                "target_id": target_id, "partner_name": to_name, "passed_on": day, "note": note,
            })
            tx.touch(self.table, signal_id)
            tx.main_id = followup_id
        return tx.changes()

    def _meeting_for(self, meeting_id: str | None, day: str | None) -> Any:
        if meeting_id:
            return self._ws.meetings.get(meeting_id)
        later = [m for m in self._ws.meetings.all()
                 if m.status == "planned" and m.starts_at[:10] >= (day or "")]
        if not later:
            raise ValidationError(_("Er is geen geplande vergadering; plan er eerst een."))
        return min(later, key=lambda m: m.starts_at)

    def record_answer(self, followup_id: str, answer: str, on: dt.date | str | None = None) -> Changes:
        """The answer of a partner (or anyone) to a follow-up; a request's answer goes to the
        request itself (the municipality's answer is kept there)."""
        followup = self.followup(followup_id)
        if followup.kind == "request" and followup.target_id and self._ws.requests.exists(followup.target_id):
            return self._ws.requests.record_answer(followup.target_id, answer, on=on)
        answer = clean_text(answer, "Het antwoord")
        day = to_iso_date(on or today(), "antwoorddatum")
        if day and day < followup.passed_on:
            raise ValidationError(_("De antwoorddatum ligt voor de datum van doorgeven."))
        with self._store.write("Antwoord vastgelegd") as tx:
            tx.update("signal_followups", followup_id, {"answer": answer, "answered_on": day})
            tx.touch(self.table, followup.signal_id)
        return tx.changes()

    def remove_followup(self, followup_id: str) -> Changes:
        """Take a follow-up off the signal (the request, item or goal itself stays)."""
        followup = self.followup(followup_id)
        with self._store.write("Opvolging verwijderd") as tx:
            tx.soft_delete("signal_followups", followup_id)
            tx.touch(self.table, followup.signal_id)
        return tx.changes()

    # -- reading -------------------------------------------------------------------------
    def followup(self, followup_id: str) -> Followup:
        """One live follow-up."""
        row = self._store.one(
            "SELECT * FROM signal_followups WHERE id = ? AND deleted_at IS NULL", [followup_id])
        if row is None:
            raise NotFoundError(_("Deze opvolging bestaat niet (meer)."))
        return from_row(Followup, row)

    def followups(self, signal_id: str) -> list[FollowupView]:
        """The signal's follow-ups, oldest first, each with its answer (a request's answer
        comes from the request)."""
        rows = self._store.rows(
            "SELECT f.*, r.answered_on AS r_answered_on, r.answer_text AS r_answer, "
            "r.deleted_at AS r_deleted FROM signal_followups f "
            "LEFT JOIN requests r ON f.kind = 'request' AND r.id = f.target_id "
            "WHERE f.signal_id = ? AND f.deleted_at IS NULL ORDER BY f.passed_on, f.created_at",
            [signal_id])
        found = []
        for row in rows:
            followup = from_row(Followup, row)
            answered, answer = followup.answered_on, followup.answer
            if followup.kind == "request" and row["r_deleted"] is None:
                answered = row["r_answered_on"] or answered
                answer = row["r_answer"] or answer
            found.append(FollowupView(followup, followup.partner_name, answered, answer or ""))
        return found

    def in_year(self, year: int) -> list[Signal]:
        """Signals heard in ``year``, newest first."""
        return self._select("heard_on >= ? AND heard_on < ?", [f"{year}-01-01", f"{year + 1}-01-01"])

    def statuses(self) -> dict[str, str]:
        """Every live signal's status by id, in one query: ``new`` (nothing done yet),
        ``passed_on``, ``answered`` (an answer came back) or ``done`` (the board wrote down
        what it did)."""
        rows = self._store.rows(
            "SELECT s.id, s.outcome, COUNT(f.id) AS n, "
            "COALESCE(SUM(f.answered_on IS NOT NULL OR f.answer <> '' "
            "OR r.answered_on IS NOT NULL), 0) AS answered "
            "FROM signals s LEFT JOIN signal_followups f ON f.signal_id = s.id AND f.deleted_at IS NULL "
            "LEFT JOIN requests r ON f.kind = 'request' AND r.id = f.target_id AND r.deleted_at IS NULL "
            "WHERE s.board_id = ? AND s.deleted_at IS NULL GROUP BY s.id",
            [self._board_id])
        result = {}
        for row in rows:
            if str(row["outcome"] or "").strip():
                result[row["id"]] = "done"
            elif row["answered"]:
                result[row["id"]] = "answered"
            else:
                result[row["id"]] = "passed_on" if row["n"] else "new"
        return result

    def followup_weeks(self) -> int:
        """After how many weeks a signal without follow-up shows on Stand van zaken."""
        value = self._ws.settings().get(FOLLOWUP_WEEKS_SETTING, DEFAULT_FOLLOWUP_WEEKS)
        return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 52 \
            else DEFAULT_FOLLOWUP_WEEKS

    def forgotten(self, on: dt.date | None = None) -> list[Signal]:
        """Signals without any follow-up or outcome, heard more than N weeks before ``on``."""
        limit = add_weeks(on or today(), -self.followup_weeks()).isoformat()
        return self._select(
            "heard_on < ? AND TRIM(outcome) = '' AND NOT EXISTS (SELECT 1 FROM signal_followups f "
            "WHERE f.signal_id = signals.id AND f.deleted_at IS NULL)", [limit], order="heard_on")

    # -- the board's lists ---------------------------------------------------------------
    def themes(self) -> list[str]:
        """The board's themes (its own list, or the defaults)."""
        raw = self._ws.settings().get(THEMES_SETTING)
        return parse_labels(raw) if raw is not None else list(DEFAULT_THEMES)

    def groups(self) -> list[str]:
        """The board's groups (its own list, or the defaults)."""
        raw = self._ws.settings().get(GROUPS_SETTING)
        return parse_labels(raw) if raw is not None else list(DEFAULT_GROUPS)

    def set_themes(self, themes: list[str]) -> Changes:
        """Store the board's list of themes (signals keep the themes they have)."""
        return self._ws.set_setting(THEMES_SETTING, json.loads(clean_labels(themes, "De thema's")))

    def set_groups(self, groups: list[str]) -> Changes:
        """Store the board's list of groups."""
        return self._ws.set_setting(GROUPS_SETTING, json.loads(clean_labels(groups, "De groepen")))


def request_text(signal: Signal) -> str:
    """What goes to the municipality or on the agenda: the words, never the resident's name."""
    parts = [" ".join(signal.words.split())]
    if signal.place.strip():
        parts.append(f"Gehoord: {signal.place.strip()}.")
    return "\n\n".join(parts)


def _check_consent(values: dict[str, Any]) -> None:
    if (values.get("resident_name") or values.get("resident_contact")) and not values.get("consent"):
        raise ValidationError(
            _("Zonder toestemming van de bewoner bewaren we geen naam of contactgegevens. "
            "Vink de toestemming aan, of maak de naam en het contact leeg."))
    if values.get("consent") and not values.get("consent_on"):
        values["consent_on"] = values.get("heard_on") or today().isoformat()
