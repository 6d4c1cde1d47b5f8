"""Dutch sentences about sharing, for the screens and the command line (Qt-free)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..i18n import N_, _, ngettext

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .board import BoardSync, Conflict, SyncStatus

#: What a user calls a field, per (table, column); the column name when missing.
FIELD_LABELS: dict[tuple[str, str], str] = {
    ("people", "name"): N_("Naam"), ("people", "role"): N_("Rol"), ("people", "phone"): N_("Telefoon"),
    ("people", "email"): N_("E-mail"), ("people", "topics"): N_("Onderwerpen"),
    ("people", "last_contact"): N_("Laatste contact"), ("people", "board_member"): N_("Bestuurslid"),
    ("people", "organisation_id"): N_("Organisatie"),
    ("organisations", "name"): N_("Naam"), ("organisations", "phone"): N_("Telefoon"),
    ("organisations", "email"): N_("E-mail"), ("organisations", "website"): N_("Website"),
    ("meetings", "title"): N_("Titel"), ("meetings", "starts_at"): N_("Begint"),
    ("meetings", "place"): N_("Plaats"), ("meetings", "status"): N_("Status"),
    ("agenda_items", "title"): N_("Titel"), ("agenda_items", "presenter"): N_("Inleider"),
    ("agenda_items", "minutes"): N_("Minuten"), ("agenda_items", "kind"): N_("Soort"),
    ("actions", "what"): N_("Wat"), ("actions", "due_date"): N_("Klaar op"),
    ("actions", "status"): N_("Status"), ("actions", "owner_id"): N_("Wie"),
    ("actions", "done_on"): N_("Afgerond op"),
    ("decisions", "text"): N_("Tekst van het besluit"),
    ("requests", "subject"): N_("Onderwerp"), ("requests", "status"): N_("Status"),
    ("requests", "answer_due"): N_("Antwoord verwacht"), ("goals", "title"): N_("Titel"),
    ("goals", "status"): N_("Status"), ("attendance", "status"): N_("Aanwezigheid"),
    ("boards", "name"): N_("Naam van het wijkplatform"),
}

#: The column that names a record, per table.
TITLE_COLUMNS = {
    "people": "name", "organisations": "name", "meetings": "title", "agenda_items": "title",
    "actions": "what", "decisions": "number", "requests": "subject", "goals": "title",
    "documents": "subject", "boards": "name", "areas": "name",
}


def field_label(table: str, column: str) -> str:
    label = FIELD_LABELS.get((table, column))
    return _(label) if label else column


def record_title(ws: Workspace, table: str, row_id: str) -> str:
    """How the user knows the record ("Anna de Vries", "Speeltuin")."""
    if table == "attendance":
        row = ws.store.one("SELECT p.name FROM attendance a JOIN people p ON p.id = a.person_id "
                           "WHERE a.id = ?", [row_id])
        return str(row["name"]) if row else _("een genodigde")
    column = TITLE_COLUMNS.get(table)
    row = ws.store.row(table, row_id) if column else None
    if row is None or not row.get(column or ""):
        return _("een onderdeel")
    return str(row[column or ""])


def short(value: Any, limit: int = 60) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def notice_sentence(sync: BoardSync, conflict: Conflict) -> str:
    """The sentence in "Wijzigingen van anderen" for one notice."""
    ws = sync.ws
    if conflict.kind == "erased":
        return _("Dit contact is gewist (AVG) op een andere laptop; uw wijziging daarvan is niet bewaard.")
    if conflict.kind == "decision-number":
        return _("Besluitnummer {number} komt {count} keer voor: laat de secretaris één besluit "
                 "een nieuw nummer geven.").format(number=conflict.mine, count=conflict.theirs)
    return _("Uw wijziging van {field} van {record} is vervangen door die van {laptop} "
             "(tegelijk gemaakt). Uw waarde: {mine}. Nu: {theirs}.").format(
        field=field_label(conflict.table, conflict.field),
        record=record_title(ws, conflict.table, conflict.row_id),
        laptop=sync.laptop_label(conflict.by_laptop) if conflict.by_laptop else _("een andere laptop"),
        mine=short(conflict.mine), theirs=short(conflict.theirs))


def when_text(stamp: str | None, now: dt.datetime | None = None) -> str:
    """"14:02" today, "gisteren 14:02", else "3 december 14:02"."""
    if not stamp:
        return _("nog niet")
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    now = now or dt.datetime.now(moment.tzinfo)
    clock = moment.strftime("%H:%M")
    if moment.date() == now.date():
        return clock
    if (now.date() - moment.date()).days == 1:
        return _("gisteren {clock}").format(clock=clock)
    from babel.dates import format_date

    from ..i18n import language

    return f"{format_date(moment.date(), 'd MMMM', locale=language())} {clock}"


def status_line(status: SyncStatus, reachable: bool, conflicts: int, now: dt.datetime | None = None) -> str:
    """The status bar: "Gedeeld · bijgewerkt 14:02 · 3 wijzigingen van anderen"."""
    if not status.shared:
        return ""
    if reachable:
        parts = [_("Gedeeld"), _("bijgewerkt {when}").format(when=when_text(status.last_sync, now))]
    else:
        parts = [_("Gedeeld"), _("Niet bijgewerkt sinds {when}").format(when=when_text(status.last_sync, now))]
    if conflicts:
        parts.append(ngettext("{n} wijziging van anderen", "{n} wijzigingen van anderen",
                              conflicts).format(n=conflicts))
    return " · ".join(parts)
