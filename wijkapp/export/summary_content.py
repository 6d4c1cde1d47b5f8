"""What the resident summary says: one meeting told to residents in short, plain sentences.

The text is written for residents, not for the board. It is built from the meeting's
structured data, never from the formal notes:

* **Wat hebben we besproken?** — each topic's short summary (the board writes it in the
  agenda item and sees its readability score while typing). A topic without a summary
  falls back to its decisions, or to "We spraken over …". Agenda titles and formal
  decision texts are board words and are not printed when a summary exists.
* **Wat gaat er gebeuren?** — every action of this meeting as a sentence about who does
  what and when: "De gemeente gaat de lantaarnpaal repareren. Dat gebeurt vóór 19 januari."
  (the to-do as typed after "<wie> gaat"; board members by first name, guests by their
  organisation, the municipality as "de gemeente").
* **Wat vroegen we aan de gemeente?** — requests linked to or sent around the meeting.
* **Wanneer praten we weer?** — date, time in words ("half acht 's avonds") and place.
* **Vragen of ideeën?** — the board's contact details (:mod:`wijkapp.board_contact`).

No phone numbers or e-mail addresses of people are printed; only the board's own contact
details. Renderers print :class:`ResidentSummary` section by section; the readability is
measured on exactly :attr:`ResidentSummary.text`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.dates import format_date

from ..board_contact import BoardContact, contact_sentences
from ..errors import NotFoundError
from ..meetings import Meeting
from ..plainlang import ReadabilityReport, analyse_text, jargon_matcher
from ..plainlang.syllables import count_syllables
from ..requests import Request
from ..timeutil import maybe_date
from ..voice import SAID_DID_HEADING, said_did_for_meeting, said_did_paragraphs
from . import formatting as fmt
from .content import board_logo
from .typst_render import printable

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = [
    "BOARD_TERMS_SETTING",
    "HEADINGS",
    "TITLE",
    "ResidentSummary",
    "Section",
    "action_sentence",
    "board_terms",
    "clock_in_words",
    "resident_summary",
]

TITLE = "Nieuws voor bewoners"
#: The questions the summary answers, in print order. "decided" only appears for
#: decisions that no topic summary covers.
HEADINGS = {
    "discussed": "Wat hebben we besproken?",
    "decided": "Wat hebben we besloten?",
    "actions": "Wat gaat er gebeuren?",
    "requests": "Wat vroegen we aan de gemeente?",
    "said_did": SAID_DID_HEADING,
    "next": "Wanneer praten we weer?",
    "contact": "Vragen of ideeën?",
}
#: The first heading for a meeting that is still to come.
HEADING_AHEAD = "Waar praten we over?"
_EMPTY = {
    "discussed": "Deze keer stonden er geen eigen onderwerpen op de agenda.",
    "actions": "Er zijn deze keer geen nieuwe taken afgesproken.",
    "requests": "We hebben de gemeente deze keer niets gevraagd.",
}
#: Board setting holding the board's own jargon words as ``[[term, alternative], ...]``.
BOARD_TERMS_SETTING = "plainlang_terms"
#: Requests sent this many days before the meeting (up to the next one) count as "around" it.
_DAYS_BEFORE = 7
_DAYS_AFTER_WITHOUT_NEXT = 42
#: Verbs a to-do often ends with; a word ending in one of these (also "doorsturen",
#: "opvragen") marks the to-do as a clause that can follow "<wie> gaat".
_VERBS = frozenset(
    """
    aanpassen aanvragen afspreken bekijken bellen bespreken bestellen betalen bevestigen
    brengen delen doen drukken geven halen hangen houden informeren kijken kopen laten
    leggen lezen maken melden nemen noteren ophalen opruimen opstellen organiseren plaatsen
    plannen regelen repareren schrijven sturen tellen uitnodigen verspreiden versturen
    vertellen vragen vinden voorbereiden zetten zoeken zorgen mailen controleren uitzoeken
    nagaan navragen checken inplannen afstemmen overleggen praten spreken uitwerken
    verzamelen vastleggen aanleveren inleveren terugkoppelen doorgeven bezoeken lopen
    """.split()
)
_BOARD_ROLES = frozenset({"voorzitter", "secretaris", "penningmeester", "lid"})


@dataclass(frozen=True)
class Section:
    """One heading with its paragraphs; ``lead`` paragraphs print in bold before their text."""

    key: str
    heading: str
    paragraphs: tuple[tuple[str, str], ...]  # (bold lead, text); either may be ""


@dataclass(frozen=True)
class ResidentSummary:
    """Everything the summary prints, as plain text, plus its readability report.

    ``contact`` holds the board's details as data (for a template's own contact line);
    the same details are already written out in the last section.
    """

    board_name: str
    title: str
    intro: str
    sections: tuple[Section, ...]
    report: ReadabilityReport
    logo: Path | None = None
    contact: BoardContact = BoardContact()

    @property
    def text(self) -> str:
        """The printed words (title, intro, headings, paragraphs), blank-line separated."""
        return _joined(self.title, self.intro, self.sections)

    @property
    def level_line(self) -> str:
        """The sentence printed at the bottom: the level measured on :attr:`text`."""
        report = self.report
        if report.level is None:
            return "Er staat nog geen tekst in dit nieuws."
        words = round(report.average_sentence_length)
        return (f"Deze tekst is {report.level.value} te lezen. "
                f"Een zin heeft gemiddeld {words} woorden. Wijkapp heeft dit gemeten.")


def board_terms(ws: Workspace) -> list[tuple[str, str]]:
    """The board's own jargon words ``(term, alternative)`` from its settings (may be empty)."""
    raw: Any = ws.settings().get(BOARD_TERMS_SETTING) or []
    terms = []
    for pair in raw if isinstance(raw, list) else []:
        if isinstance(pair, list | tuple) and len(pair) == 2:
            terms.append((str(pair[0]), str(pair[1])))
    return terms


def _joined(title: str, intro: str, sections: tuple[Section, ...]) -> str:
    parts = [title, intro]
    for section in sections:
        parts.append(section.heading)
        for lead, text in section.paragraphs:
            parts.extend(part for part in (lead, text) if part)
    return "\n\n".join(printable(part).strip() for part in parts if part.strip())


def _needs_year(day: dt.date, reference: dt.date) -> bool:
    """A date close to the meeting is clear without its year ("vóór 19 januari" after a
    November meeting); one long before or after it is not."""
    return not -60 <= (day - reference).days <= 300


def _day(day: dt.date, reference: dt.date) -> str:
    """``24 november``; ``24 november 2027`` when the year is not clear from ``reference``."""
    pattern = "d MMMM y" if _needs_year(day, reference) else "d MMMM"
    return str(format_date(day, pattern, locale=fmt.LOCALE))


def _weekday_day(day: dt.date, reference: dt.date) -> str:
    """``dinsdag 8 december`` (with the year when it is not clear from ``reference``)."""
    pattern = "EEEE d MMMM y" if _needs_year(day, reference) else "EEEE d MMMM"
    return str(format_date(day, pattern, locale=fmt.LOCALE))


def _sentence(text: str) -> str:
    """User text as one printed sentence: trimmed, with a full stop when it has none."""
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?…:;)\"'" else f"{text}."


_HOURS = ("twaalf", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
          "tien", "elf")


def clock_in_words(moment: dt.time) -> str:
    """A time as people say it: ``half acht 's avonds``, ``tien uur 's ochtends``.

    Whole, half and quarter hours are written out; other minutes stay in digits
    (``19.40 uur``), because "twintig voor acht" is harder to read than the digits.
    """
    hour, minute = moment.hour, moment.minute
    part = ("'s nachts" if hour < 6 else "'s ochtends" if hour < 12
            else "'s middags" if hour < 18 else "'s avonds")
    if minute == 0:
        return f"{_HOURS[hour % 12]} uur {part}"
    if minute == 30:
        return f"half {_HOURS[(hour + 1) % 12]} {part}"
    if minute == 15:
        return f"kwart over {_HOURS[hour % 12]} {part}"
    if minute == 45:
        return f"kwart voor {_HOURS[(hour + 1) % 12]} {part}"
    return f"{hour}.{minute:02d} uur"


def _lower_first(clause: str) -> str:
    """``Vragen of …`` -> ``vragen of …``; names and acronyms keep their capital."""
    words = clause.split(" ", 2)
    first = words[0]
    if not first[:1].isupper() or first.isupper() or len(first) < 2 or not first[1:2].islower():
        return clause
    if len(words) > 1 and words[1][:1].isupper():
        return clause  # "Stichting Welzijn …": a name
    return first[0].lower() + clause[1:]


def _has_verb(clause: str) -> bool:
    """True when the to-do holds an infinitive ("brief sturen", "vragen of …")."""
    for word in re.findall(r"[^\W\d_]+", clause.casefold()):
        if any(word.endswith(verb) for verb in _VERBS):
            return True
    last = re.findall(r"[^\W\d_]+", clause.casefold())[-1:]
    return bool(last) and last[0].endswith(("eren", "elen", "enen"))


def action_sentence(who: str, what: str, due: dt.date | None, reference: dt.date) -> str:
    """One action as residents read it: ``Twan gaat de bakken tellen. Dat gebeurt vóór 3 mei.``

    ``what`` is the to-do as the board typed it; when it holds no verb the sentence
    becomes ``<wie> zorgt voor: <wat>.``
    """
    clause = " ".join(what.split()).rstrip(".;:!")
    if not clause:
        return ""
    clause = _lower_first(clause)
    first = f"{who} gaat {clause}." if _has_verb(clause) else f"{who} zorgt voor: {clause}."
    return f"{first} Dat gebeurt vóór {_day(due, reference)}." if due else first


def _who(ws: Workspace, owner_id: str | None, owner_name: str) -> str:
    """Board members by first name; guests by a plain role or their organisation.

    A municipal guest is "De gemeente"; a role that is itself a hard or official word
    ("Wijkregisseur", "Opbouwwerker") gives way to the organisation's name.
    """
    person = ws.contacts.get(owner_id) if owner_id and ws.contacts.exists(owner_id) else None
    name = (person.name if person else owner_name).strip()
    if person is None or person.board_member:
        return name.split()[0] if name else "Het wijkplatform"
    organisation = None
    if person.organisation_id:
        try:
            organisation = ws.organisations.get(person.organisation_id)
        except NotFoundError:
            organisation = None
    if organisation is not None and organisation.kind == "municipality":
        return "De gemeente"
    role = person.role.strip().lower()
    plain_role = (role and " " not in role and role not in _BOARD_ROLES
                  and count_syllables(role) <= 3 and not jargon_matcher().find(role))
    if plain_role:
        return f"De {role}"
    if organisation is not None and organisation.name.strip():
        return organisation.name.strip()
    return name.split()[0] if name else "Het wijkplatform"


def _requests_for(ws: Workspace, meeting: Meeting, next_meeting: Meeting | None) -> list[Request]:
    """Requests linked to this meeting, or sent around it (a week before, up to the next)."""
    day = meeting.start.date()
    first = day - dt.timedelta(days=_DAYS_BEFORE)
    last = (next_meeting.start.date() if next_meeting
            else day + dt.timedelta(days=_DAYS_AFTER_WITHOUT_NEXT))
    chosen = []
    for request in ws.requests.all():
        sent = maybe_date(request.sent_on)
        linked = request.meeting_id == meeting.id
        around = (request.meeting_id in (None, "") and sent is not None
                  and first <= sent < last)
        if (linked or around) and request.status != "draft":
            chosen.append(request)
    return sorted(chosen, key=lambda r: (r.sent_on or "9999", r.subject.lower()))


def _request_status(request: Request, today: dt.date, reference: dt.date) -> str:
    sent = maybe_date(request.sent_on)
    due = maybe_date(request.answer_due)
    answered = maybe_date(request.answered_on)
    if request.status in ("answered", "closed") and answered:
        return f"De gemeente gaf antwoord op {_day(answered, reference)}."
    if request.status == "closed":
        return "Dit is afgerond."
    parts = [f"We vroegen dit op {_day(sent, reference)}." if sent else "We hebben het gevraagd."]
    if due and due < today:
        parts.append(f"Het antwoord is te laat. Het moest er zijn vóór {_day(due, reference)}.")
    elif due:
        parts.append(f"We krijgen antwoord vóór {_day(due, reference)}.")
    return " ".join(parts)


def _next_meeting(ws: Workspace, meeting: Meeting) -> Meeting | None:
    later = [m for m in ws.meetings.all()
             if m.starts_at > meeting.starts_at and m.status != "cancelled"]
    return min(later, key=lambda m: m.starts_at) if later else None


def _topics(ws: Workspace, meeting: Meeting, ahead: bool
            ) -> tuple[tuple[tuple[str, str], ...], list[str]]:
    """Topic paragraphs, and the decisions no topic summary covers (``ahead``: not held yet)."""
    items = [item for item in ws.agenda.for_meeting(meeting.id) if not item.standard]
    decisions = ws.decisions.for_meeting(meeting.id)
    summarised = {item.id for item in items if item.summary.strip()}
    paragraphs = []
    for item in items:
        summary = " ".join(item.summary.split())
        if summary:
            paragraphs.append(("", _sentence(summary)))
        elif not any(d.agenda_item_id == item.id for d in decisions) and item.title.strip():
            verb = "We praten over" if ahead else "We spraken over"
            paragraphs.append(("", f"{verb}: {_sentence(item.title.strip())}"))
    loose = [_sentence(d.text) for d in decisions
             if d.agenda_item_id not in summarised and d.text.strip()]
    return tuple(paragraphs), loose


def _upcoming(following: Meeting | None, day: dt.date) -> tuple[tuple[str, str], ...]:
    if following is None:
        return (("", "We weten nog niet wanneer we weer bij elkaar komen."),)
    start = following.start
    lines = [f"We praten weer op {_weekday_day(start.date(), day)}, "
             f"om {clock_in_words(start.time())}."]
    if following.place.strip():
        lines.append(f"Dat is in {_sentence(following.place.strip())}")
    lines.append("U bent welkom.")
    return (("", " ".join(lines)),)


def resident_summary(ws: Workspace, meeting: Meeting, today: dt.date) -> ResidentSummary:
    """Gather the summary of ``meeting`` (``today`` decides whether an answer is late)."""
    day = meeting.start.date()
    # A meeting still to come is told in the present tense ("Op ... komen we bij elkaar").
    ahead = meeting.status != "held" and day >= today
    discussed, loose = _topics(ws, meeting, ahead)
    actions = tuple(
        ("", action_sentence(_who(ws, a.owner_id, a.owner_name), a.what,
                             maybe_date(a.due_date), day))
        for a in ws.actions.for_meeting(meeting.id) if a.what.strip()
    )
    following = _next_meeting(ws, meeting)
    requests = tuple(
        (_sentence(r.subject), _request_status(r, today, day))
        for r in _requests_for(ws, meeting, following)
    )
    contact = ws.board.contact
    content: dict[str, tuple[tuple[str, str], ...]] = {
        "discussed": discussed,
        "decided": tuple(("", text) for text in loose),
        "actions": actions,
        "requests": requests,
        # What residents told us, and what became of it (the voice of the wijk).
        "said_did": said_did_paragraphs(said_did_for_meeting(ws, meeting)),
        "next": _upcoming(following, day),
        # One sentence a line: a long web or e-mail address then never breaks in two.
        "contact": tuple(("", line) for line in contact_sentences(contact)),
    }
    headings = {**HEADINGS, "discussed": HEADING_AHEAD} if ahead else HEADINGS
    sections = tuple(
        Section(key, headings[key], content[key] or (("", _EMPTY[key]),))
        for key in HEADINGS if content[key] or key in _EMPTY
    )
    intro = (f"Op {_weekday_day(day, day)} komen we bij elkaar. Hier leest u waar we over praten."
             if ahead else f"Op {_weekday_day(day, day)} kwamen we bij elkaar. "
             "Hier leest u wat we besproken hebben.")
    report = analyse_text(_joined(TITLE, intro, sections), board_terms(ws))
    return ResidentSummary(ws.board.name, TITLE, intro, sections, report, board_logo(ws),
                           contact)
