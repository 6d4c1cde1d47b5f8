"""Persoonsgegevens (AVG): everything stored about a person, and erasing a person.

Erasures are registered (person id, board id, date: no personal data) twice: in the board's
settings inside the database, and in a small private file beside it
(``wijkapp.sqlite.wissingen``, 0600), which a restore of an older backup does not replace.
:func:`reapply_erasures` erases again anyone who came back that way. Free text can still
hold a name: :func:`find_name` lists the places, :func:`replace_name` puts "verwijderd" there.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .changes import Changes
from .errors import WijkappError
from .i18n import _, language
from .schema import SEARCHABLE
from .timeutil import now_iso

if TYPE_CHECKING:
    from .workspace import Workspace

ERASED_NAME = "verwijderd"

#: Where a person is referenced: (table, column holding the person's id).
_REFERENCES = (
    ("attendance", "person_id"),
    ("actions", "owner_id"),
    ("requests", "sent_to_id"),
    ("meetings", "chair_id"),
    ("meetings", "secretary_id"),
    ("signals", "heard_by_id"),
)


def person_data(ws: Workspace, person_id: str) -> dict[str, Any]:
    """Every row that is about this person, as a JSON-ready dict (for an AVG request)."""
    person = ws.store.row("people", person_id)
    if person is None:
        from .errors import NotFoundError

        raise NotFoundError(_("Dit contact bestaat niet (meer)."))
    data: dict[str, Any] = {
        "format": "wijkapp-persoonsgegevens",
        "made_at": now_iso(),
        "person": person,
        "organisation": ws.store.row("organisations", person["organisation_id"])
        if person["organisation_id"] else None,
    }
    for table, column in _REFERENCES:
        rows = ws.store.rows(f"SELECT * FROM [{table}] WHERE [{column}] = ?", [person_id])
        data.setdefault(table, []).extend(rows)
    return data


def erase_person(ws: Workspace, person_id: str, places: list[NamePlace] | None = None) -> Changes:
    """Replace the person's name by "verwijderd" and remove their contact data.

    Links (attendance, actions they own) stay so the minutes still add up, but show
    "verwijderd". With ``places`` (from :func:`find_name`) the name is replaced in those
    texts too, in the same transaction. Not an undo step: the old data must not linger in
    memory. The erasure is registered (:func:`reapply_erasures`); backups made earlier
    still hold the data until they are thinned away.
    """
    person = ws.contacts.get(person_id)
    cleared = {
        "name": ERASED_NAME, "role": "", "phone": "", "email": "", "topics": "", "notes": "",
        "last_contact": None, "organisation_id": None,
    }
    erased_on = dt.date.today().isoformat()
    with ws.store.write(None) as tx:
        tx.update("people", person_id, cleared)
        _register_in_board(ws, tx, person.board_id, person_id, erased_on)
        for row in ws.store.rows("SELECT id FROM actions WHERE owner_id = ?", [person_id]):
            tx.update("actions", row["id"], {"owner_name": ERASED_NAME})
        for row in ws.store.rows("SELECT id FROM requests WHERE sent_to_id = ?", [person_id]):
            tx.update("requests", row["id"], {"sent_to_name": ERASED_NAME})
        for row in ws.store.rows("SELECT id FROM attendance WHERE person_id = ?", [person_id]):
            tx.update("attendance", row["id"], {"note": ""})
        for row in ws.store.rows("SELECT id FROM signals WHERE heard_by_id = ?", [person_id]):
            tx.update("signals", row["id"], {"heard_by_name": ERASED_NAME})
        if places:
            _replace_in(ws, tx, person.name, places)
        # Registered so the erasure travels to the board's other laptops (wijkapp/sync).
        tx.execute(
            "INSERT OR IGNORE INTO sync_erasures (person_id, board_id, erased_at) VALUES (?, ?, ?)",
            [person_id, person.board_id, now_iso()],
        )
    _register_beside(ws.path, {person_id: {"board_id": person.board_id, "erased_on": erased_on}})
    _squeeze(ws, ("people", "actions", "requests", "signals", *(p.table for p in places or [])))
    return tx.changes()


def erase_signal_resident(ws: Workspace, signal_id: str) -> Changes:
    """Erase the resident's name and contact detail from a signal and withdraw the consent.

    The words stay (they were anonymous to begin with, as the board recorded them). Like
    :func:`erase_person` this is no undo step and clears the undo history.
    """
    ws.signals.get(signal_id)
    cleared = {"resident_name": "", "resident_contact": "", "consent": 0, "consent_on": None}
    with ws.store.write(None) as tx:
        tx.update("signals", signal_id, cleared)
    _squeeze(ws, ("signals",))
    return tx.changes()


def _squeeze(ws: Workspace, tables: tuple[str, ...]) -> None:
    """Drop undo steps that hold old text; squeeze it out of the search index and the WAL."""
    ws.store.clear_history()
    with ws.store.lock:
        for table in tables:
            if table in SEARCHABLE:
                ws.store.conn.execute(f"INSERT INTO [{table}_fts]([{table}_fts]) VALUES('optimize')")
        ws.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# -- the register of erasures -------------------------------------------------------------
REGISTER_KEY = "erasures"
REGISTER_FORMAT = "wijkapp-wissingen"


def register_path(db: Path) -> Path:
    """The private file beside the database that remembers erasures across restores."""
    return db.with_name(db.name + ".wissingen")


def _register_in_board(ws: Workspace, tx: Any, board_id: str, person_id: str, erased_on: str) -> None:
    row = ws.store.row("boards", board_id)
    settings = json.loads((row or {}).get("settings") or "{}")
    register = settings.get(REGISTER_KEY)
    register = register if isinstance(register, dict) else {}
    if register.get(person_id) == erased_on:
        return
    register[person_id] = erased_on
    settings[REGISTER_KEY] = register
    tx.update("boards", board_id, {"settings": json.dumps(settings, ensure_ascii=False)})


def _read_beside(db: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(register_path(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entries = data.get(REGISTER_KEY) if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        return {}
    return {
        str(pid): {"board_id": str(e.get("board_id", "")), "erased_on": str(e.get("erased_on", ""))}
        for pid, e in entries.items() if isinstance(e, dict)
    }


def _register_beside(db: Path, new: dict[str, dict[str, str]]) -> None:
    """Add entries to the file beside the database (0600, whole or not at all; best effort:
    the register inside the database still holds them when this file cannot be written)."""
    entries = _read_beside(db)
    if all(entries.get(pid) == entry for pid, entry in new.items()):
        return
    entries.update(new)
    text = json.dumps({"format": REGISTER_FORMAT, "version": 1, REGISTER_KEY: entries},
                      indent=1, sort_keys=True)
    from .safe_output import write_text_atomic

    try:
        write_text_atomic(register_path(db), text + "\n", check=False)
    except WijkappError:
        pass


def registered_erasures(ws: Workspace) -> dict[str, dict[str, str]]:
    """``{person_id: {"board_id", "erased_on"}}`` from the database and the file beside it."""
    entries = _read_beside(ws.path)
    for row in ws.store.rows("SELECT id, settings FROM boards"):
        try:
            register = json.loads(row["settings"] or "{}").get(REGISTER_KEY)
        except (ValueError, AttributeError):
            continue
        if isinstance(register, dict):
            for pid, erased_on in register.items():
                entries.setdefault(str(pid), {"board_id": row["id"], "erased_on": str(erased_on)})
    return entries


def _still_erased(ws: Workspace, person_id: str) -> bool:
    person = ws.store.row("people", person_id)
    if person is None:
        return True
    if person["name"] != ERASED_NAME or any(
        person[c] for c in ("role", "phone", "email", "topics", "notes", "last_contact",
                            "organisation_id")
    ):
        return False
    return not (
        ws.store.scalar("SELECT 1 FROM actions WHERE owner_id = ? AND owner_name != ?",
                        [person_id, ERASED_NAME])
        or ws.store.scalar("SELECT 1 FROM requests WHERE sent_to_id = ? AND sent_to_name != ?",
                           [person_id, ERASED_NAME])
        or ws.store.scalar("SELECT 1 FROM attendance WHERE person_id = ? AND note != ''",
                           [person_id])
    )


def reapply_erasures(ws: Workspace) -> list[str]:
    """Erase again every registered person who came back (e.g. by restoring an older backup).

    Also brings both registers up to date with each other. Returns one Dutch sentence per
    person erased again (no names: the sentence itself holds no personal data).
    """
    done: list[str] = []
    entries = registered_erasures(ws)
    if not entries:
        return done
    for person_id, entry in sorted(entries.items()):
        person = ws.store.row("people", person_id)
        if person is None:
            continue
        when = _date_words(entry.get("erased_on", ""))
        try:
            if not _still_erased(ws, person_id):
                erase_person(ws, person_id)
                done.append(_(
                    "Een persoon die op {when} was gewist, stond weer in het bestand "
                    "(bijvoorbeeld uit een oudere reservekopie) en is opnieuw gewist."
                ).format(when=when))
            else:
                with ws.store.write(None) as tx:
                    _register_in_board(ws, tx, person["board_id"], person_id,
                                       entry.get("erased_on") or dt.date.today().isoformat())
        except WijkappError as error:
            done.append(_(
                "Een persoon die op {when} was gewist, staat weer in het bestand. Wijkapp kon "
                "die persoon niet opnieuw wissen ({error}). Wis die persoon zelf opnieuw via "
                "Persoonsgegevens."
            ).format(when=when, error=error))
    _register_beside(ws.path, entries)
    return done


def erasure_notice(done: list[str]) -> str | None:
    """One Dutch message for the user about :func:`reapply_erasures`, or ``None``."""
    if not done:
        return None
    if len(done) == 1:
        return done[0]
    return _(
        "{count} personen die eerder waren gewist, stonden weer in het bestand "
        "(bijvoorbeeld uit een oudere reservekopie). Zij zijn opnieuw gewist."
    ).format(count=len(done))


def _date_words(iso: str) -> str:
    """``12 maart 2026`` (in English: ``12 March 2026``), in the language of the app."""
    try:
        from babel.dates import format_date  # not at every start: opening a file imports us

        return format_date(dt.date.fromisoformat(iso), "d MMMM y", locale=language())
    except ValueError:
        return _("een eerdere datum")


# -- the name in free text ----------------------------------------------------------------
#: Dutch names of the tables, for the list of places.
TABLE_LABELS = {
    "boards": "Wijkplatform", "areas": "Buurt", "organisations": "Organisatie",
    "people": "Contact", "goals": "Doel", "meetings": "Vergadering", "attendance": "Aanwezigheid",
    "agenda_items": "Agendapunt", "decisions": "Besluit", "actions": "Actiepunt",
    "action_reviews": "Bespreking van een actiepunt", "attachments": "Bijlage",
    "documents": "Ingekomen stuk", "requests": "Verzoek", "goal_links": "Bewijs bij een doel",
}


#: Dutch names of text fields that no manager's cleaner names.
FIELD_LABELS = {
    "text": "De tekst", "notes": "De aantekeningen", "title": "De titel",
    "summary": "De samenvatting", "number": "Het nummer", "sender": "De afzender",
    "handling": "De afhandeling", "answer_text": "Het antwoord", "how": "Hoe",
    "who": "Wie", "evidence": "Het bewijs", "evaluation": "De evaluatie",
    "presenter": "Wie het inleidt", "place": "De plaats", "role": "De rol",
    "topics": "De onderwerpen", "owner_name": "Wie het doet", "sent_to_name": "Gestuurd aan",
    "email": "Het e-mailadres", "name": "De naam", "what": "Wat er moet gebeuren",
    "subject": "Het onderwerp",
}


@dataclass(frozen=True)
class NamePlace:
    """One text field that holds the name: ``table``, row ``id``, ``field``, a short ``snippet``
    and a Dutch ``label`` such as ``Agendapunt, de aantekeningen``."""

    table: str
    id: str
    field: str
    snippet: str
    label: str


def _text_columns(ws: Workspace) -> dict[tuple[str, str], str]:
    """Every text column a person types in, with its Dutch label."""
    from .import_rules import text_rules

    columns = {key: rule.label for key, rule in text_rules(ws).items()}
    for table, fields in SEARCHABLE.items():
        for field in fields:
            columns.setdefault((table, field), FIELD_LABELS.get(field, field))
    for table, field in (("attendance", "note"), ("action_reviews", "note")):
        columns.setdefault((table, field), "De opmerking")
    return columns


def find_name(ws: Workspace, name: str, person_id: str | None = None) -> list[NamePlace]:
    """Where ``name`` occurs in titles, notes, decisions and other free text of the file.

    Case does not matter; the person's own contact row (``person_id``) is left out (erasing
    clears it). Deleted records count too: their text is still in the file. Returns ``[]``
    for names shorter than 3 characters (too many false hits).
    """
    needle = name.strip()
    if len(needle) < 3 or needle.casefold() == ERASED_NAME:
        return []
    folded = needle.casefold()
    like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    places: list[NamePlace] = []
    for (table, field), label in sorted(_text_columns(ws).items()):
        try:
            rows = ws.store.rows(
                f"SELECT id, [{field}] AS value FROM [{table}] WHERE [{field}] LIKE ? ESCAPE '\\'",
                [like],
            )
        except Exception:  # noqa: BLE001 - a column another version does not have
            continue
        for row in rows:
            value = str(row["value"] or "")
            at = value.casefold().find(folded)
            if at < 0 or _cleared_by_erasing(ws, table, field, str(row["id"]), person_id):
                continue
            start, end = max(0, at - 30), min(len(value), at + len(needle) + 30)
            snippet = ("…" if start else "") + " ".join(value[start:end].split()) + (
                "…" if end < len(value) else "")
            places.append(NamePlace(table, str(row["id"]), field, snippet,
                                    f"{TABLE_LABELS.get(table, table)}, {label.lower()}"))
    return places


#: Copies of the name that :func:`erase_person` clears itself: (table, field, link column).
_LINKED_NAMES = {("actions", "owner_name"): "owner_id", ("requests", "sent_to_name"): "sent_to_id",
                 ("signals", "heard_by_name"): "heard_by_id"}


def _cleared_by_erasing(ws: Workspace, table: str, field: str, row_id: str,
                        person_id: str | None) -> bool:
    if person_id is None:
        return False
    if table == "people":
        return row_id == person_id
    link = _LINKED_NAMES.get((table, field))
    return bool(link) and ws.store.scalar(
        f"SELECT 1 FROM [{table}] WHERE id = ? AND [{link}] = ?", [row_id, person_id]) == 1


def replace_name(ws: Workspace, name: str, places: list[NamePlace]) -> Changes:
    """Replace ``name`` (any case) by "verwijderd" in the given places; one transaction.

    Not an undo step, like :func:`erase_person`: the old text must not linger.
    """
    with ws.store.write(None) as tx:
        _replace_in(ws, tx, name, places)
    _squeeze(ws, tuple(sorted({p.table for p in places})))
    return tx.changes()


def _replace_in(ws: Workspace, tx: Any, name: str, places: list[NamePlace]) -> None:
    pattern = re.compile(re.escape(name.strip()), re.IGNORECASE)
    for place in places:
        row = ws.store.row(place.table, place.id)
        if row is None or not isinstance(row.get(place.field), str):
            continue
        new = pattern.sub(ERASED_NAME, row[place.field])
        if new != row[place.field]:
            tx.update(place.table, place.id, {place.field: new})
