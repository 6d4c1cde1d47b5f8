"""Everything a board sends out: agenda, verslag, lists, Word, calendar, contacts, Excel, CSV.

The CLI and the GUI call two functions:

* :func:`export` writes one file atomically and returns its path;
* :func:`suggested_filename` proposes a Dutch, Windows-safe file name.

:data:`FORMATS` maps each format name to a Dutch description for menus and ``--help``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import NotFoundError, ValidationError
from ..i18n import N_, _
from ..meetings import Meeting
from ..safe_output import check_output_path, write_atomic
from ..timeutil import now
from .content import get_meeting
from .csv_export import CSV_KINDS
from .formatting import safe_filename

if TYPE_CHECKING:
    from ..workspace import Workspace

FORMATS: dict[str, str] = {
    "agenda": N_("Uitnodiging met agenda (PDF)"),
    "minutes": N_("Verslag / notulen (PDF)"),
    "summary": N_("Samenvatting voor bewoners in gewone taal (PDF)"),
    "decisions": N_("Besluitenlijst (PDF)"),
    "actions": N_("Actiepuntenlijst (PDF)"),
    "docx": N_("Verslag om verder te bewerken in Word (.docx)"),
    "ics": N_("Agenda-afspraak voor de digitale agenda (.ics)"),
    "vcard": N_("Contacten voor het adresboek (.vcf)"),
    "xlsx": N_("Lijsten voor Excel of LibreOffice (.xlsx)"),
    "csv": N_("Eén lijst voor andere programma's (.csv)"),
    "presentielijst": N_("Presentielijst om te tekenen (PDF)"),
}

_SUFFIX = {
    "agenda": ".pdf", "minutes": ".pdf", "summary": ".pdf", "decisions": ".pdf", "actions": ".pdf",
    "docx": ".docx", "ics": ".ics", "vcard": ".vcf", "csv": ".csv", "xlsx": ".xlsx",
    "presentielijst": ".pdf",
}
_NEEDS_MEETING = ("agenda", "minutes", "summary", "docx", "presentielijst")

__all__ = ["FORMATS", "export", "suggested_filename"]


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValidationError(
            _("Het exportformaat '{fmt}' bestaat niet; kies uit: {choices}.").format(fmt=fmt, choices=', '.join(FORMATS))
        )


def suggested_filename(
    ws: Workspace,
    fmt: str,
    meeting_id: str | None = None,
    year: int | None = None,
    *,
    csv_kind: str = "actions",
) -> str:
    """A Dutch file name for this export, safe on Windows, e.g.
    ``"Verslag 2026-12-03 Wijkplatform Geleen-Zuid.pdf"``.

    Reads the board name and the meeting date; writes nothing.
    """
    _check_format(fmt)
    board = ws.board.name
    when = ""
    if meeting_id:
        when = get_meeting(ws, meeting_id).start.date().isoformat()
    scope = str(year) if year else ""
    stems = {
        "agenda": f"Agenda {when}",
        "minutes": f"Verslag {when}",
        "docx": f"Verslag {when}",
        "summary": f"Samenvatting voor bewoners {when}",
        "decisions": f"Besluitenlijst {scope}",
        "actions": f"Actiepuntenlijst {scope}",
        "ics": f"Vergadering {when}" if when else "Vergaderingen",
        "vcard": "Contacten",
        "csv": f"{CSV_KINDS.get(csv_kind, 'lijst').capitalize()} {scope}",
        "xlsx": f"Lijsten {scope}",
        "presentielijst": f"Presentielijst {when}",
    }
    return safe_filename(f"{stems[fmt]} {board}", _SUFFIX[fmt])


def export(
    ws: Workspace,
    fmt: str,
    out: Path,
    *,
    meeting_id: str | None = None,
    year: int | None = None,
    csv_kind: str = "actions",
) -> Path:
    """Write one export of the current board to ``out`` and return the path written.

    ``fmt`` is a key of :data:`FORMATS`. agenda, minutes, summary and docx need ``meeting_id``
    (``"latest"`` means the most recent meeting); ics exports that meeting, or every
    planned meeting from today on when it is ``None``; decisions, actions, csv and xlsx
    take an optional ``year``; ``csv_kind`` is meetings, actions, requests or contacts.
    When ``out`` is an existing folder, the file gets :func:`suggested_filename` in it.
    The file appears complete or not at all (:func:`wijkapp.safe_output.write_atomic`); a
    database, a file beside it or the backups folder is refused. Raises
    :class:`ValidationError` (unknown format, missing meeting, unsafe target) or
    :class:`WriteFailedError` (the file cannot be written), each with a Dutch sentence.
    """
    _check_format(fmt)
    if fmt == "csv" and csv_kind not in CSV_KINDS:
        raise ValidationError(
            _("Soort lijst '{csv_kind}' bestaat niet; kies uit: {choices}.").format(csv_kind=csv_kind, choices=', '.join(CSV_KINDS))
        )
    if fmt in _NEEDS_MEETING and not meeting_id:
        raise ValidationError(_("Kies een vergadering voor deze export."))
    try:
        ws.board  # noqa: B018 - raises when the file holds no board yet
    except NotFoundError as error:
        raise ValidationError(str(error)) from None
    meeting = get_meeting(ws, meeting_id) if meeting_id else None
    out = Path(out)
    if out.is_dir():
        out = out / suggested_filename(ws, fmt, meeting_id, year, csv_kind=csv_kind)
    check_output_path(out, ws.path)
    moment = now()
    return write_atomic(out, _writer(ws, fmt, meeting, year, csv_kind, moment), ws.path)


def _writer(
    ws: Workspace,
    fmt: str,
    meeting: Meeting | None,
    year: int | None,
    csv_kind: str,
    moment: dt.datetime,
) -> Callable[[Path], None]:
    """The function that writes this format to a path (renderers imported when needed)."""
    today = moment.date()
    if fmt in _NEEDS_MEETING:
        if meeting is None:
            raise ValidationError(_("Kies een vergadering voor deze export."))
        chosen = meeting
        if fmt == "agenda":
            from .agenda_pdf import write_agenda_pdf

            return lambda path: write_agenda_pdf(ws, chosen, path, today)
        if fmt == "minutes":
            from .minutes_pdf import write_minutes_pdf

            return lambda path: write_minutes_pdf(ws, chosen, path, today)
        if fmt == "presentielijst":
            from .presentielijst import write_presentielijst_pdf

            return lambda path: write_presentielijst_pdf(ws, chosen, path, today)
        if fmt == "summary":
            from .summary_pdf import write_summary_pdf

            return lambda path: write_summary_pdf(ws, chosen, path, today)
        from .docx_minutes import write_minutes_docx

        return lambda path: write_minutes_docx(ws, chosen, path, today)
    if fmt == "decisions":
        from .lists_pdf import write_decisions_pdf

        return lambda path: write_decisions_pdf(ws, path, year, today)
    if fmt == "actions":
        from .lists_pdf import write_actions_pdf

        return lambda path: write_actions_pdf(ws, path, year, today)
    if fmt == "ics":
        from .ics import write_ics

        return lambda path: write_ics(ws, meeting, path, moment)
    if fmt == "vcard":
        from .vcard import write_vcard

        return lambda path: write_vcard(ws, path)
    if fmt == "xlsx":
        from .xlsx_export import write_xlsx

        return lambda path: write_xlsx(ws, path, year, today)
    from .csv_export import write_csv

    return lambda path: write_csv(ws, csv_kind, path, year, today)
