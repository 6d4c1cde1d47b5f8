"""The JSON exchange format: a whole board in one versioned file (docs/exchange-format.md).

Export writes every row of the current board, tombstones included. Import validates the
whole file first and changes nothing when any part is invalid; rows merge by id, the
newer ``updated_at`` wins, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .actions import ACTION_STATUSES, REVIEW_OUTCOMES
from .attachments import is_sha256
from .board_bounds import board_of
from .boards import AGENDA_KINDS
from .changes import Changes
from .contacts import ORGANISATION_KINDS
from .errors import ImportFormatError
from .goals import GOAL_STATUSES, LINK_KINDS
from .import_rules import check_values, text_rules
from .meetings import ATTENDANCE_STATUSES, MEETING_STATUSES
from .requests import REQUEST_KINDS, REQUEST_STATUSES
from .safe_output import write_text_atomic
from .schema import SCHEMA_VERSION, TABLES
from .signals import FOLLOWUP_KINDS, FOLLOWUP_TARGETS
from .timeutil import now_iso

if TYPE_CHECKING:
    from .workspace import Workspace

FORMAT_NAME = "wijkapp"
#: 2 added the voice of the wijk (signals, their follow-ups, the sociale kaart, the
#: preventive mark); files of version 1 still import.
FORMAT_VERSION = 2

#: Parents before children, so a reader can insert in this order.
TABLE_ORDER = (
    "boards", "areas", "organisations", "people", "goals", "meetings", "attendance",
    "agenda_items", "decisions", "actions", "action_reviews", "attachments", "documents",
    "requests", "goal_links", "signals", "signal_followups",
)
assert set(TABLE_ORDER) == set(TABLES)

CHOICES: dict[tuple[str, str], tuple[Any, ...]] = {
    ("organisations", "kind"): ORGANISATION_KINDS,
    ("meetings", "status"): MEETING_STATUSES,
    ("attendance", "status"): ATTENDANCE_STATUSES,
    ("agenda_items", "kind"): AGENDA_KINDS,
    ("actions", "status"): ACTION_STATUSES,
    ("action_reviews", "outcome"): REVIEW_OUTCOMES,
    ("requests", "kind"): REQUEST_KINDS,
    ("requests", "status"): REQUEST_STATUSES,
    ("goals", "status"): GOAL_STATUSES,
    ("goals", "building_block"): (1, 2, 3, 4, 5, 6, 7),
    ("goal_links", "target_kind"): LINK_KINDS,
    ("signal_followups", "kind"): FOLLOWUP_KINDS,
    ("signal_followups", "target_kind"): ("", *FOLLOWUP_TARGETS.values()),
    ("signals", "quotable"): (0, 1),
    ("signals", "consent"): (0, 1),
    ("goals", "preventive"): (0, 1),
    ("actions", "preventive"): (0, 1),
}
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_TIME_COLUMNS = ("created_at", "updated_at", "deleted_at", "starts_at", "ends_at", "closed_at")
_DATE_COLUMNS = (
    "last_contact", "minutes_approved_on", "due_date", "done_on", "received_on", "sent_on",
    "answer_due", "answered_on", "heard_on", "consent_on", "outcome_on", "passed_on",
)


@dataclass(frozen=True)
class Column:
    """What the schema says of one column."""

    name: str
    type: str
    notnull: bool
    has_default: bool


@dataclass
class ImportResult:
    """What an import did: rows inserted, updated and left alone, and the ``Changes``."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    changes: Changes = field(default_factory=Changes)


def _columns(ws: Workspace, table: str) -> dict[str, Column]:
    rows = ws.store.rows(f"PRAGMA table_info([{table}])")
    return {
        r["name"]: Column(r["name"], r["type"].upper(), bool(r["notnull"]), r["dflt_value"] is not None)
        for r in rows
    }


def _foreign_keys(ws: Workspace, table: str) -> dict[str, str]:
    return {r["from"]: r["table"] for r in ws.store.rows(f"PRAGMA foreign_key_list([{table}])")}


# -- export -------------------------------------------------------------------------------
def export_data(ws: Workspace) -> dict[str, Any]:
    """The current board as a JSON-ready dict (rows sorted by id for stable files)."""
    board_id = ws.board_id
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in TABLE_ORDER:
        key = "id" if table == "boards" else "board_id"
        rows = ws.store.rows(f"SELECT * FROM [{table}] WHERE [{key}] = ? ORDER BY id", [board_id])
        tables[table] = rows
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "schema": SCHEMA_VERSION,
        "exported_at": now_iso(),
        "board_id": board_id,
        "tables": tables,
    }


def export_json(ws: Workspace, out: Path) -> Path:
    """Write the current board to ``out`` atomically (UTF-8, readable indentation)."""
    data = export_data(ws)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return write_text_atomic(out, text + "\n", ws.path, make_folder=True)


# -- import -------------------------------------------------------------------------------
def read_exchange_file(path: Path) -> dict[str, Any]:
    """Read and parse an exchange file; Dutch :class:`ImportFormatError` when unreadable."""
    path = Path(path)
    if path.exists() and not path.is_file():
        raise ImportFormatError(f"'{path}' is geen gewoon bestand (maar een map of pijp); kies een .json-bestand.")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFormatError(f"Het bestand '{path}' bestaat niet.") from None
    except OSError as error:
        raise ImportFormatError(f"Het bestand '{path}' kan niet worden gelezen ({error.strerror}).") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFormatError("Het bestand is geen UTF-8-tekst en dus geen Wijkapp-uitwisselbestand.") from None
    except json.JSONDecodeError as error:
        raise ImportFormatError(
            f"Het bestand is geen geldige JSON (regel {error.lineno}, kolom {error.colno})."
        ) from None
    except RecursionError:
        raise ImportFormatError("Het bestand is te diep genest voor een Wijkapp-uitwisselbestand.") from None
    if not isinstance(data, dict):
        raise ImportFormatError("Het bestand is geen Wijkapp-uitwisselbestand.")
    return data


def validate(ws: Workspace, data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Check everything; return ``(table, row)`` pairs in insert order, or raise."""
    if data.get("format") != FORMAT_NAME:
        raise ImportFormatError("Het bestand is geen Wijkapp-uitwisselbestand (veld 'format' ontbreekt).")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportFormatError("Het uitwisselbestand heeft geen geldig versienummer.")
    if version > FORMAT_VERSION:
        raise ImportFormatError(
            f"Het bestand is gemaakt met een nieuwere Wijkapp (versie {version}); installeer de nieuwste versie."
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise ImportFormatError("Het uitwisselbestand mist de tabellen ('tables').")
    unknown = set(tables) - set(TABLE_ORDER)
    if unknown:
        raise ImportFormatError(f"Onbekende tabel in het bestand: {', '.join(sorted(unknown))}.")
    boards = tables.get("boards")
    if not isinstance(boards, list) or len(boards) != 1:
        raise ImportFormatError("Het uitwisselbestand moet precies één wijkplatform bevatten.")

    ids_in_file: dict[str, set[str]] = {t: set() for t in TABLE_ORDER}
    ordered: list[tuple[str, dict[str, Any]]] = []
    rules = text_rules(ws)
    for table in TABLE_ORDER:
        rows = tables.get(table, [])
        if not isinstance(rows, list):
            raise ImportFormatError(f"Tabel '{table}' is geen lijst.")
        columns = _columns(ws, table)
        for index, row in enumerate(rows, start=1):
            where = f"tabel '{table}', rij {index}"
            _validate_row(table, row, columns, where)
            _validate_consent(table, row, where)
            check_values(table, row, rules, where)
            if row["id"] in ids_in_file[table]:
                raise ImportFormatError(f"Dubbele sleutel in {where}.")
            ids_in_file[table].add(row["id"])
            ordered.append((table, row))

    board_id = boards[0].get("id")
    for table, row in ordered:
        if table != "boards" and row.get("board_id") != board_id:
            raise ImportFormatError(f"Een rij in tabel '{table}' hoort bij een ander wijkplatform.")
        # An id belongs to one board: a file may never move one of our rows elsewhere.
        stored = board_of(ws, table, row["id"])
        if stored is not None and stored != board_id:
            raise ImportFormatError(_OTHER_BOARD.format(table=table))
    for table in TABLE_ORDER:
        fks = _foreign_keys(ws, table)
        for row in (r for t, r in ordered if t == table):
            for column, parent in fks.items():
                value = row.get(column)
                if value is None or value in ids_in_file[parent]:
                    continue
                stored = board_of(ws, parent, value)
                if stored is None:
                    raise ImportFormatError(
                        f"Tabel '{table}' verwijst naar iets dat niet bestaat ({column} = {value})."
                    )
                if stored != board_id:
                    raise ImportFormatError(_OTHER_BOARD.format(table=table))
    for row in (r for t, r in ordered if t == "goal_links"):
        target = row.get("target_id")
        kind = row.get("target_kind")
        if isinstance(target, str) and kind in LINK_KINDS and target not in ids_in_file[kind]:
            stored = board_of(ws, kind, target)
            if stored is not None and stored != board_id:
                raise ImportFormatError(_OTHER_BOARD.format(table="goal_links"))
    return ordered


_OTHER_BOARD = (
    "Het uitwisselbestand wil een record van een ander wijkplatform overnemen of verplaatsen "
    "(tabel '{table}'). Een record hoort bij één wijkplatform; er is niets ingelezen."
)


def _validate_row(table: str, row: Any, columns: dict[str, Column], where: str) -> None:
    if not isinstance(row, dict):
        raise ImportFormatError(f"In {where} staat geen record.")
    extra = set(row) - set(columns)
    if extra:
        raise ImportFormatError(f"Onbekend veld in {where}: {', '.join(sorted(extra))}.")
    for name, column in columns.items():
        if name not in row:
            if column.notnull and not column.has_default:
                raise ImportFormatError(f"Veld '{name}' ontbreekt in {where}.")
            continue
        value = row[name]
        if value is None:
            if column.notnull:
                raise ImportFormatError(f"Veld '{name}' mag niet leeg zijn in {where}.")
            continue
        if column.type == "INTEGER":
            if not isinstance(value, int) or isinstance(value, bool):
                raise ImportFormatError(f"Veld '{name}' moet een heel getal zijn in {where}.")
            if not -(2**63) <= value < 2**63:
                raise ImportFormatError(f"Veld '{name}' is een te groot getal in {where}.")
        elif not isinstance(value, str):
            raise ImportFormatError(f"Veld '{name}' moet tekst zijn in {where}.")
        elif "\x00" in value:
            raise ImportFormatError(f"Veld '{name}' bevat een ongeldig teken in {where}.")
        choices = CHOICES.get((table, name))
        if choices is not None and value not in choices:
            raise ImportFormatError(f"Veld '{name}' heeft een onbekende waarde '{value}' in {where}.")
        if name in _TIME_COLUMNS and not _is_datetime(value):
            raise ImportFormatError(f"Veld '{name}' is geen geldige tijd in {where}.")
        if name in _DATE_COLUMNS and not _is_date(value):
            raise ImportFormatError(f"Veld '{name}' is geen geldige datum in {where}.")
        if table == "attachments" and name == "sha256" and not is_sha256(value):
            raise ImportFormatError(
                f"Veld 'sha256' is geen geldige vingerafdruk (64 tekens 0-9 en a-f) in {where}."
            )
        if (name == "id" or name.endswith("_id")) and name != "target_id" and not _UUID.fullmatch(value):
            raise ImportFormatError(f"Veld '{name}' is geen geldige sleutel in {where}.")


def _validate_consent(table: str, row: dict[str, Any], where: str) -> None:
    """A signal keeps a resident's name or contact only with recorded consent."""
    if table == "signals" and (row.get("resident_name") or row.get("resident_contact")) \
            and row.get("consent") != 1:
        raise ImportFormatError(
            f"In {where} staat een naam of contact van een bewoner zonder toestemming.")


def _is_datetime(value: str) -> bool:
    try:
        return dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def import_data(ws: Workspace, data: dict[str, Any]) -> ImportResult:
    """Merge validated ``data`` into the file in one transaction (undoable as one step)."""
    ordered = validate(ws, data)
    result = ImportResult()
    with ws.store.write("Bestand ingelezen") as tx:
        tx.execute("PRAGMA defer_foreign_keys = ON")
        for table, row in ordered:
            existing = ws.store.row(table, row["id"])
            if existing is None:
                tx.replace(table, row)
                result.inserted += 1
            elif str(row["updated_at"]) > str(existing["updated_at"]):
                tx.replace(table, row)
                result.updated += 1
            else:
                result.unchanged += 1
    result.changes = tx.changes()
    if not ws.has_board:
        ws.use_board(ordered[0][1]["id"])
    return result


def import_json(ws: Workspace, path: Path) -> ImportResult:
    """Read, validate and merge an exchange file. Nothing changes when anything is invalid."""
    return import_data(ws, read_exchange_file(path))
