"""'Samenvatting voor bewoners': one meeting in short sentences and large type (B1).

Built from the meeting's structured data, never from the formal notes: the agenda
items' short summaries, the decisions, the actions of this meeting, the requests to the
municipality that belong to it and the next meeting. People appear by first name (board
members) or by role (guests such as "de wijkregisseur"); no phone numbers or e-mail
addresses are printed. The readability level at the bottom is measured with
:mod:`wijkapp.plainlang` on exactly the text that is printed (:attr:`ResidentSummary.text`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.dates import format_date

from ..meetings import Meeting
from ..plainlang import ReadabilityReport, analyse_text
from ..requests import Request
from ..timeutil import maybe_date
from . import formatting as fmt
from .content import board_logo
from .typst_render import page_data, printable, render_pdf

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = [
    "BOARD_TERMS_SETTING",
    "HEADINGS",
    "ResidentSummary",
    "Section",
    "board_terms",
    "resident_summary",
    "summary_data",
    "write_summary_pdf",
]

#: The five questions the summary answers, in print order.
HEADINGS = {
    "discussed": "Wat hebben we besproken?",
    "decided": "Wat hebben we besloten?",
    "actions": "Wie gaat wat doen?",
    "requests": "Wat hebben we de gemeente gevraagd?",
    "next": "Volgende vergadering",
}
_EMPTY = {
    "discussed": "Deze keer stonden er geen eigen onderwerpen op de agenda.",
    "decided": "We hebben deze keer geen besluiten genomen.",
    "actions": "Er zijn deze keer geen nieuwe taken afgesproken.",
    "requests": "We hebben de gemeente deze keer niets gevraagd.",
}
#: Board setting holding the board's own jargon words as ``[[term, alternative], ...]``.
BOARD_TERMS_SETTING = "plainlang_terms"
#: Requests sent this many days before the meeting (up to the next one) count as "around" it.
_DAYS_BEFORE = 7
_DAYS_AFTER_WITHOUT_NEXT = 42
BODY_SIZE = 14


@dataclass(frozen=True)
class Section:
    """One heading with its paragraphs; ``lead`` paragraphs print in bold before their text."""

    key: str
    heading: str
    paragraphs: tuple[tuple[str, str], ...]  # (bold lead, text); either may be ""


@dataclass(frozen=True)
class ResidentSummary:
    """Everything the summary prints, as plain text, plus its readability report."""

    board_name: str
    title: str
    intro: str
    sections: tuple[Section, ...]
    report: ReadabilityReport
    logo: Path | None = None

    @property
    def text(self) -> str:
        """The printed words (title, intro, headings, paragraphs), blank-line separated."""
        return _joined(self.title, self.intro, self.sections)

    @property
    def level_line(self) -> str:
        """The sentence printed at the bottom: the level measured on :attr:`text`."""
        report = self.report
        if report.level is None:
            return "Leesbaarheid: er staat nog geen tekst in deze samenvatting."
        words = f"{report.average_sentence_length:.1f}".replace(".", ",")
        return (f"Leesbaarheid van deze samenvatting: {report.level.value}. "
                f"Gemiddeld {words} woorden per zin. Gemeten met Wijkapp.")


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


def _day(day: dt.date, reference: dt.date) -> str:
    """``24 november``, with the year only when it differs from ``reference``'s."""
    pattern = "d MMMM" if day.year == reference.year else "d MMMM y"
    return str(format_date(day, pattern, locale=fmt.LOCALE))


def _sentence(text: str) -> str:
    """User text as one printed sentence: trimmed, with a full stop when it has none."""
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?…:;)\"'" else f"{text}."


def _who(ws: Workspace, owner_id: str | None, owner_name: str) -> str:
    """First name of a board member, else the role of a guest ("De wijkregisseur")."""
    person = None
    if owner_id and ws.contacts.exists(owner_id):
        person = ws.contacts.get(owner_id)
    name = (person.name if person else owner_name).strip()
    if person is not None and not person.board_member and person.role.strip():
        return f"De {person.role.strip().lower()}"
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
        return f"De gemeente heeft geantwoord op {_day(answered, reference)}."
    if request.status == "closed":
        return "Dit verzoek is afgerond."
    parts = [f"Verstuurd op {_day(sent, reference)}." if sent else "Verstuurd."]
    if due and due < today:
        parts.append(f"Het antwoord is te laat. De gemeente beloofde het voor {_day(due, reference)}.")
    elif due:
        parts.append(f"We krijgen antwoord voor {_day(due, reference)}.")
    return " ".join(parts)


def _next_meeting(ws: Workspace, meeting: Meeting) -> Meeting | None:
    later = [m for m in ws.meetings.all()
             if m.starts_at > meeting.starts_at and m.status != "cancelled"]
    return min(later, key=lambda m: m.starts_at) if later else None


def resident_summary(ws: Workspace, meeting: Meeting, today: dt.date) -> ResidentSummary:
    """Gather the summary of ``meeting`` (``today`` decides whether an answer is late)."""
    day = meeting.start.date()
    items = [item for item in ws.agenda.for_meeting(meeting.id) if not item.standard]
    discussed = tuple((item.title.strip(), " ".join(item.summary.split())) for item in items)
    decided = tuple(("", _sentence(d.text)) for d in ws.decisions.for_meeting(meeting.id))
    actions = []
    for action in ws.actions.for_meeting(meeting.id):
        due = maybe_date(action.due_date)
        when = f" Klaar voor {_day(due, day)}." if due else ""
        actions.append((f"{_who(ws, action.owner_id, action.owner_name)}:",
                        _sentence(action.what) + when))
    following = _next_meeting(ws, meeting)
    requests = tuple(
        (_sentence(r.subject), _request_status(r, today, day))
        for r in _requests_for(ws, meeting, following)
    )
    if following is not None:
        when = f"{fmt.long_date(following.start.date())} om {fmt.clock(following.start)} uur"
        place = f" in {_sentence(following.place)}" if following.place.strip() else "."
        upcoming: tuple[tuple[str, str], ...] = (
            ("", f"We komen weer bij elkaar op {when}{place}"), ("", "U bent van harte welkom."))
    else:
        upcoming = (("", "We weten nog niet wanneer we weer bij elkaar komen."),)
    content = {"discussed": discussed, "decided": decided, "actions": tuple(actions),
               "requests": requests, "next": upcoming}
    sections = tuple(
        Section(key, HEADINGS[key], content[key] or (("", _EMPTY[key]),)) for key in HEADINGS
    )
    title = "Samenvatting voor bewoners"
    intro = (f"Op {fmt.long_date(day)} kwam {ws.board.name.strip()} bij elkaar. "
             "Hier leest u in het kort wat we hebben besproken.")
    report = analyse_text(_joined(title, intro, sections), board_terms(ws))
    return ResidentSummary(ws.board.name, title, intro, sections, report, board_logo(ws))


def summary_data(summary: ResidentSummary) -> dict[str, Any]:
    """What ``summary.typ`` prints: title, intro, five sections and the readability line."""
    sections = []
    for section in summary.sections:
        bullets = section.key not in ("next",) and any(lead for lead, _ in section.paragraphs)
        bullets = bullets or section.key == "decided" and len(section.paragraphs) > 1
        sections.append({
            "heading": section.heading,
            "bullets": bullets,
            "inline": section.key == "actions",
            "paragraphs": [{"lead": lead, "text": text} for lead, text in section.paragraphs],
        })
    return {
        "page": page_data(summary.board_name, logo=summary.logo),
        "title": summary.title,
        "intro": summary.intro,
        "sections": sections,
        "level_line": summary.level_line,
    }


def write_summary_pdf(ws: Workspace, meeting: Meeting, out: Path, today: dt.date) -> None:
    """Write the resident summary of ``meeting`` to ``out`` (A4, one or two pages)."""
    summary = resident_summary(ws, meeting, today)
    title = f"Samenvatting voor bewoners · {fmt.long_date(meeting.start.date())}"
    Path(out).write_bytes(render_pdf("summary", summary_data(summary), title=title,
                                     author=ws.board.name, subject="Samenvatting in gewone taal"))
