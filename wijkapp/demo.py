"""A realistic, fictional demo board: "Wijkplatform Geleen-Zuid" with a year of meetings.

:func:`create_demo` fills an *empty* workspace through the normal managers, so the demo
obeys every rule the app itself obeys (decision numbers, postponement counts, search
index). All people, addresses and organisations are invented; phone numbers and e-mail
addresses use reserved example domains. The content is deterministic: the same ``today``
gives the same board (only the record ids and timestamps differ).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .changes import Changes
from .errors import ValidationError
from .i18n import _
from .paths import resource_path
from .timeutil import TZ
from .timeutil import today as current_day

if TYPE_CHECKING:
    from .workspace import Workspace

SEED = 20260

#: The board's contents, as data: resources/demo/geleen-zuid.json. Its parts:
#:
#: * ``board``, ``contact`` (how residents reach the board), ``buurten``, ``place``;
#: * ``organisations``: key → [name, kind, phone, email, website, notes];
#: * ``people``: key → [name, role, organisation key or "", topics, board member?,
#:   days since last contact];
#: * ``topics``: key, title, ``by`` (presenter key), ``min`` (planned minutes), kind, notes,
#:   summary, decisions, actions, goal; an action is [what, owner key, weeks until due,
#:   outcomes in the following meetings];
#: * ``topics_per_meeting``: how many topics each of the eleven held meetings gets (sums to
#:   the number of topics); ``planned_topics``: per planned meeting [title, presenter key,
#:   planned minutes, kind];
#: * ``requests``: key, topic it follows from, kind, subject, text, buurt, addressee, fate
#:   (in_time, late, overdue = sent without answer, sent = not yet due, draft, closed), answer;
#: * ``goals``; ``documents``: [sender, subject, summary, handling]; ``announcements`` and
#:   ``questions``: the lines used under Mededelingen and Rondvraag.
DATA: dict[str, Any] = json.loads(resource_path("demo", "geleen-zuid.json").read_text(encoding="utf-8"))
T = dict[str, Any]
BOARD: dict[str, str] = DATA["board"]
BUURTEN: list[str] = DATA["buurten"]
CONTACT: dict[str, str] = DATA["contact"]
PLACE: str = DATA["place"]
ORGANISATIONS: dict[str, list[str]] = DATA["organisations"]
PEOPLE: dict[str, list[Any]] = DATA["people"]
TOPICS: list[T] = DATA["topics"]
TOPICS_PER_MEETING: list[int] = DATA["topics_per_meeting"]
PLANNED_TOPICS: list[list[list[Any]]] = DATA["planned_topics"]
REQUESTS: list[T] = DATA["requests"]
GOALS: list[T] = DATA["goals"]
DOCUMENTS: list[list[str]] = DATA["documents"]
ANNOUNCEMENTS: list[str] = DATA["announcements"]
QUESTIONS: list[str] = DATA["questions"]

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


def dutch_date(day: dt.date) -> str:
    """``3 december 2026``: how the minutes name a date."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def meeting_days(today: dt.date) -> tuple[list[dt.date], list[dt.date]]:
    """Eleven meeting days in the twelve months before ``today`` and the next two.

    The board meets on the second Tuesday of the month at 19.30 and skips July.
    """
    days = []
    for offset in range(-13, 4):
        month_index = today.year * 12 + today.month - 1 + offset
        first = dt.date(month_index // 12, month_index % 12 + 1, 1)
        second_tuesday = first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7)
        if second_tuesday.month != 7:
            days.append(second_tuesday)
    past = [d for d in days if d < today][-11:]
    future = [d for d in days if d >= today][:2]
    return past, future


@dataclass
class _Builder:
    """Fills one workspace; remembers ids by key so later records can refer to them."""

    ws: Workspace
    today: dt.date
    rng: random.Random
    changes: Changes = field(default_factory=Changes)
    people: dict[str, str] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)
    goals: dict[str, str] = field(default_factory=dict)
    topics: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: dict[str, str] = field(default_factory=dict)
    pending: list[tuple[str, list[str]]] = field(default_factory=list)
    documents_used: int = 0

    def keep(self, changes: Changes) -> Changes:
        self.changes = self.changes.merged(changes)
        return changes

    def made(self, changes: Changes) -> str:
        """Keep the changes of a create call and return the new record's id."""
        self.keep(changes)
        assert changes.id is not None
        return changes.id

    def name(self, key: str) -> str:
        return PEOPLE[key][0]

    # -- board, contacts, goals ------------------------------------------------------
    def board(self) -> None:
        ws = self.ws
        self.keep(ws.boards.create(BOARD["name"], BOARD["wijk"], BUURTEN, BOARD["municipality"]))
        self.keep(ws.boards.set_contact(ws.board_id, **CONTACT))
        self.areas = {a.name: a.id for a in ws.areas.all()}
        orgs = {}
        for key, (name, kind, phone, email, website, notes) in ORGANISATIONS.items():
            orgs[key] = self.made(ws.organisations.add(
                name, kind=kind, phone=phone, email=email, website=website, notes=notes))
        for number, (key, (name, role, org, topics, member, days)) in enumerate(PEOPLE.items()):
            slug = name.split()[0].lower() + "." + name.split()[-1].lower().replace("ĳ", "ij")
            domain = "wijkplatformgeleenzuid.example.nl" if member else (
                ORGANISATIONS[org][3].split("@")[1])
            self.people[key] = self.made(ws.contacts.add(
                name, role=role, organisation_id=orgs.get(org), topics=topics, board_member=member,
                phone=f"06 {12 + number:02d} {34 + 3 * number:02d} {56 - number:02d} {70 + number:02d}",
                email=f"{slug}@{domain}", last_contact=self.today - dt.timedelta(days=days),
            ))

    def goal_records(self) -> None:
        for goal in GOALS:
            self.goals[goal["key"]] = self.made(self.ws.goals.add(
                goal["title"], goal["block"], area_id=self.areas.get(goal["area"] or ""),
                how=goal["how"], who=goal["who"], due=goal["due"], status=goal["status"],
                evidence=goal.get("evidence", ""), evaluation=goal.get("evaluation", ""),
            ))

    # -- one held meeting ------------------------------------------------------------
    def held_meeting(self, day: dt.date, topics: list[T]) -> None:
        ws = self.ws
        start = dt.datetime.combine(day, dt.time(19, 30), TZ)
        meeting_id = self.made(ws.meetings.create(
            start, place=PLACE, chair_id=self.people["voorzitter"],
            secretary_id=self.people["secretaris"]))
        absent = self.attendance(meeting_id, topics)
        items = {i.standard: i for i in ws.agenda.for_meeting(meeting_id) if i.standard}
        for topic in topics:
            self.topic(meeting_id, day, topic)
        reviewed = self.review_actions(meeting_id, day)
        for topic in topics:
            self.outcomes(meeting_id, day, topic)
        for request in REQUESTS:
            if request["topic"] in {t["key"] for t in topics}:
                self.request(request, meeting_id, day)
        documents = self.documents(meeting_id, day)
        closing = self.rng.randrange(10, 55, 5)
        guest = ", in het bijzonder wijkregisseur " + self.name("wijkregisseur")
        notes = {
            "opening": f"De voorzitter opent om 19.30 uur de vergadering en heet iedereen welkom{guest}."
            + (f" Afwezig met bericht: {', '.join(absent)}." if absent else ""),
            "agenda": self.rng.choice(["De agenda wordt ongewijzigd vastgesteld.",
                                       "De agenda wordt vastgesteld; de rondvraag wordt kort gehouden."]),
            "incoming": " ".join(f"{s} ({sender}): {h}" for sender, s, _, h in documents),
            "announcements": self.rng.choice(ANNOUNCEMENTS),
            "actions": f"De actielijst is doorgenomen: {reviewed['done']} afgerond, "
            f"{reviewed['postponed']} uitgesteld. De overige actiepunten lopen nog.",
            "questions": self.rng.choice(QUESTIONS),
            "closing": f"De voorzitter sluit om 21.{closing:02d} uur de vergadering en dankt "
            "iedereen voor de inbreng.",
        }
        previous = ws.meetings.previous(meeting_id)
        if previous is not None:
            self.keep(ws.meetings.approve_previous_minutes(meeting_id))
            notes["previous_minutes"] = (
                f"Het verslag van {dutch_date(previous.start.date())} wordt met dank aan de "
                "secretaris ongewijzigd vastgesteld.")
        else:
            notes["previous_minutes"] = "Het verslag van de vorige vergadering was al vastgesteld."
        for standard, text in notes.items():
            if standard in items:
                self.keep(ws.agenda.set_notes(items[standard].id, text))
        closed = dt.datetime.combine(day, dt.time(21, closing), TZ)
        self.keep(ws.meetings.mark_held(meeting_id, closed))

    def attendance(self, meeting_id: str, topics: list[T]) -> list[str]:
        """Mark board members and guests; returns the names absent with notice."""
        absent = []
        for key, (name, *_rest) in PEOPLE.items():
            if not PEOPLE[key][4]:
                continue
            roll = self.rng.random()
            status = "present" if roll < 0.8 else "absent_notice" if roll < 0.95 else "absent"
            if key in ("voorzitter", "secretaris"):
                status = "present"
            if status == "absent_notice":
                absent.append(name)
            self.keep(self.ws.meetings.set_attendance(meeting_id, self.people[key], status))
        guests = {"wijkregisseur"} | {t["by"] for t in topics if not PEOPLE[t["by"]][4]}
        for key in sorted(guests):
            self.keep(self.ws.meetings.set_attendance(meeting_id, self.people[key], "present"))
        return absent

    def topic(self, meeting_id: str, day: dt.date, topic: T) -> None:
        item_id = self.made(self.ws.agenda.add(
            meeting_id, topic["title"], kind=topic["kind"], presenter=self.name(topic["by"]),
            planned_minutes=topic["min"], notes=topic["notes"], summary=topic["summary"],
            goal_id=self.goals.get(topic.get("goal", ""))))
        self.topics[topic["key"]] = {"item": item_id, "meeting": meeting_id, "decisions": [],
                                     "actions": []}

    def outcomes(self, meeting_id: str, day: dt.date, topic: T) -> None:
        record = self.topics[topic["key"]]
        goal_id = self.goals.get(topic.get("goal", ""))
        for text in topic["decisions"]:
            record["decisions"].append(self.made(self.ws.decisions.add(
                meeting_id, text, agenda_item_id=record["item"], goal_id=goal_id)))
        for what, owner, weeks, fate in topic["actions"]:
            action_id = self.made(self.ws.actions.add(
                meeting_id, what, owner_id=self.people[owner],
                due_date=day + dt.timedelta(weeks=weeks), agenda_item_id=record["item"],
                goal_id=goal_id))
            record["actions"].append(action_id)
            self.pending.append((action_id, list(fate)))

    def review_actions(self, meeting_id: str, day: dt.date) -> dict[str, int]:
        """Apply each earlier action's next outcome in this meeting."""
        counts = {"done": 0, "postponed": 0}
        still = []
        for action_id, fate in self.pending:
            if not fate:
                continue
            outcome, rest = fate[0], fate[1:]
            if outcome == "done":
                self.keep(self.ws.actions.mark_done(action_id, on=day, in_meeting=meeting_id))
            else:
                self.keep(self.ws.actions.postpone(
                    action_id, day + dt.timedelta(weeks=4), in_meeting=meeting_id))
            counts[outcome] += 1
            still.append((action_id, rest))
        self.pending = still
        return counts

    def request(self, spec: T, meeting_id: str, day: dt.date) -> None:
        ws = self.ws
        to = spec["to"]
        request_id = self.made(ws.requests.add(
            spec["subject"], spec["text"], kind=spec["kind"], area_id=self.areas.get(spec["area"] or ""),
            sent_to_id=self.people.get(to), meeting_id=meeting_id,
            goal_id=self.goals.get(spec.get("goal", ""))))
        self.requests[spec["key"]] = request_id
        fate = spec["fate"]
        if fate == "draft":
            return
        sent = min(day + dt.timedelta(days=7), self.today)
        if fate == "sent":
            sent = max(day, self.today - dt.timedelta(days=10))
        self.keep(ws.requests.mark_sent(request_id, on=sent))
        if fate in ("in_time", "late", "closed"):
            weeks = 9 if fate == "late" else 4
            answered = min(sent + dt.timedelta(weeks=weeks), self.today)
            self.keep(ws.requests.record_answer(request_id, spec["answer"], on=answered))
        if fate == "closed":
            self.keep(ws.requests.close(request_id))

    def documents(self, meeting_id: str | None, day: dt.date, count: int | None = None,
                  ) -> list[tuple[str, str, str, str]]:
        """Table the next one or two incoming documents at this meeting."""
        picked = []
        for _number in range(count or self.rng.choice([1, 2, 2])):
            sender, subject, summary, handling = DOCUMENTS[self.documents_used % len(DOCUMENTS)]
            self.documents_used += 1
            received = min(day - dt.timedelta(days=self.rng.randint(5, 20)), self.today)
            self.keep(self.ws.documents.add(
                subject, sender=sender, summary=summary, handling=handling,
                received_on=received, meeting_id=meeting_id))
            picked.append((sender, subject, summary, handling))
        return picked

    # -- the future and the evidence ---------------------------------------------------
    def planned_meeting(self, day: dt.date, topics: list[list[Any]]) -> str:
        start = dt.datetime.combine(day, dt.time(19, 30), TZ)
        meeting_id = self.made(self.ws.meetings.create(
            start, place=PLACE, chair_id=self.people["voorzitter"],
            secretary_id=self.people["secretaris"]))
        for title, by, minutes, kind in topics:
            self.keep(self.ws.agenda.add(meeting_id, title, kind=kind, presenter=self.name(by),
                                         planned_minutes=minutes))
        return meeting_id

    def evidence(self) -> None:
        for key, record in self.topics.items():
            goal_key = next((t.get("goal") for t in TOPICS if t["key"] == key), None)
            if not goal_key:
                continue
            for decision_id in record["decisions"]:
                self.keep(self.ws.goals.link(self.goals[goal_key], "decisions", decision_id))
            for action_id in record["actions"][:1]:
                self.keep(self.ws.goals.link(self.goals[goal_key], "actions", action_id))
        for spec in REQUESTS:
            if spec.get("goal") and spec["key"] in self.requests:
                self.keep(self.ws.goals.link(self.goals[spec["goal"]], "requests",
                                             self.requests[spec["key"]]))


def create_demo(ws: Workspace, today: dt.date | None = None) -> Changes:
    """Fill an empty workspace with the fictional "Wijkplatform Geleen-Zuid".

    Eleven held meetings in the twelve months before ``today`` (default: today) with
    attendance, agendas, minutes, decisions, actions (done, postponed, overdue), incoming
    documents and requests to the municipality in every state, two planned meetings, and a
    buurtagenda with goals in all seven bouwstenen. Deterministic for a given ``today``.

    Raises :class:`~wijkapp.errors.ValidationError` when the file already holds a board.
    Returns the merged :class:`Changes`; ``Changes.id`` is the new board's id. The demo is
    not a sequence of user steps, so the undo history is cleared afterwards.
    """
    if ws.has_board:
        raise ValidationError(
            _("Dit bestand heeft al een wijkplatform. Het voorbeeld kan alleen in een leeg bestand; "
            "maak eerst een nieuw bestand aan.")
        )
    day = today or current_day()
    builder = _Builder(ws, day, random.Random(SEED))
    builder.board()
    builder.goal_records()
    past, future = meeting_days(day)
    counts = TOPICS_PER_MEETING[-len(past):] if past else []
    topic_iter = iter(TOPICS[len(TOPICS) - sum(counts):])
    for meeting_day, count in zip(past, counts, strict=True):
        builder.held_meeting(meeting_day, [next(topic_iter) for _ in range(count)])
    for number, (meeting_day, topics) in enumerate(zip(future, PLANNED_TOPICS, strict=False)):
        meeting_id = builder.planned_meeting(meeting_day, topics)
        if number == 0:
            builder.documents(meeting_id, day, count=1)
    builder.evidence()
    from .demo_voice import add_voice

    builder.keep(add_voice(ws, day, builder.people, builder.requests, builder.goals))
    ws.store.undo_stack.clear()
    ws.store.redo_stack.clear()
    return builder.changes
