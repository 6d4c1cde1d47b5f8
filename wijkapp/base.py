"""Shared plumbing for the concept managers: row → dataclass, get, soft delete."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from .changes import Changes
from .errors import NotFoundError, ValidationError
from .i18n import N_, _, language
from .timeutil import to_iso_date, to_iso_datetime

if TYPE_CHECKING:
    from .workspace import Workspace

T = TypeVar("T")

MAX_TEXT = 1_000_000
#: Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
#: invisible, and in a document they can reverse the text around them. Never stored.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def column_names(cls: type) -> Mapping[str, str]:
    """Fields whose database column has another name (``{field: column}``), from ``COLUMNS``.

    Only where a column name would mislead in code and renaming it would break the exchange
    and sync formats, e.g. ``AgendaItem.planned_minutes`` is the column ``minutes``.
    """
    return getattr(cls, "COLUMNS", {})  # type: ignore[no-any-return]


def from_row(cls: type[T], row: Mapping[str, Any]) -> T:
    """Build a frozen record dataclass from a row, ignoring columns it does not name."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    field_of = {column: name for name, column in column_names(cls).items()}
    values = {field_of.get(k, k): v for k, v in row.items()}
    return cls(**{k: v for k, v in values.items() if k in names})


def clean_text(value: Any, label: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    """Validate one typed text field: keeps it as typed (minus NUL and the invisible
    bidirectional controls), refuses empty when required."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(_("{label} moet tekst zijn.").format(label=_(label)))
    if "\x00" in value:
        value = value.replace("\x00", "")
    if has_broken_unicode(value):
        raise ValidationError(
            _("{label} bevat een kapot teken (een half Unicode-teken); typ of plak de tekst opnieuw.").format(
                label=_(label))
        )
    value = BIDI_CONTROLS.sub("", value)
    if required and not value.strip():
        raise ValidationError(_("Vul {label} in.").format(label=_(label).lower()))
    if required and not any(c.isalnum() for c in value):
        raise ValidationError(_("{label} moet minstens één letter of cijfer bevatten.").format(
            label=_(label)))
    if len(value) > limit:
        raise ValidationError(
            _("{label} is te lang ({length} tekens; hoogstens {limit}).").format(
                label=_(label), length=thousands(len(value)), limit=thousands(limit))
        )
    return value


def thousands(number: int) -> str:
    """``1000000`` as ``1.000.000`` in Dutch, ``1,000,000`` in English."""
    grouped = f"{number:,}"
    return grouped if language() == "en" else grouped.replace(",", ".")


def has_broken_unicode(value: str) -> bool:
    """True when ``value`` holds a lone surrogate, which no file or PDF can store."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


#: Control characters (C0, DEL, C1) that have no place in a one-line name or title.
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def check_choice(value: str, allowed: Sequence[str], label: str) -> str:
    """Refuse a value outside ``allowed`` with a Dutch sentence."""
    if value not in allowed:
        raise ValidationError(_("{label} '{value}' bestaat niet; kies uit: {choices}.").format(
            label=_(label), value=value, choices=", ".join(allowed)))
    return value


Cleaner = Callable[[Any], Any]


def text(label: str, *, required: bool = False, limit: int = MAX_TEXT, strip: bool = False) -> Cleaner:
    """A cleaner for typed text (kept as typed; stripped for names and titles)."""

    def clean(value: Any) -> str:
        result = clean_text(value, label, required=required, limit=limit)
        if strip:
            result = result.strip()
            if CONTROL_CHARS.search(result):  # a one-line name or title
                raise ValidationError(
                    _("{label} bevat een onzichtbaar teken (zoals een tab of een nieuwe regel); "
                    "typ het op één gewone regel.").format(label=_(label))
                )
        return result

    # What the exchange import checks with the same limits (wijkapp.import_rules).
    clean.text_rule = TextRule(label, required, limit, strip)  # type: ignore[attr-defined]
    return clean


@dataclasses.dataclass(frozen=True)
class TextRule:
    """The limits of one typed text field: as in the app, so also on import."""

    label: str
    required: bool = False
    limit: int = MAX_TEXT
    single_line: bool = False


def choice(allowed: Sequence[Any], label: str) -> Cleaner:
    """A cleaner that accepts only the values in ``allowed``."""
    return lambda value: check_choice(value, allowed, label)


def date(label: str) -> Cleaner:
    """A cleaner for an ISO date (``None`` or ``""`` for no date)."""
    return lambda value: to_iso_date(value, label)


def datetime(label: str) -> Cleaner:
    """A cleaner for a date with time, stored in Amsterdam time with its offset."""
    return lambda value: to_iso_datetime(value, label)


def flag(value: Any) -> int:
    """A yes/no stored as 1/0."""
    return 1 if value else 0


#: Whole sentences per record kind (``Manager.label``), never glued from the label: undo
#: step names (translated when shown, see ``Workspace.undo_name``) and "not found" errors.
DELETED = {
    "": N_("Gegevens verwijderd"), "Agendapunt": N_("Agendapunt verwijderd"),
    "Ingekomen stuk": N_("Ingekomen stuk verwijderd"), "Verzoek": N_("Verzoek verwijderd"),
    "Actiepunt": N_("Actiepunt verwijderd"), "Organisatie": N_("Organisatie verwijderd"),
    "Contact": N_("Contact verwijderd"), "Buurt": N_("Buurt verwijderd"),
    "Signaal": N_("Signaal verwijderd"), "Doel": N_("Doel verwijderd"),
    "Bijlage": N_("Bijlage verwijderd"), "Besluit": N_("Besluit verwijderd"),
    "Vergadering": N_("Vergadering verwijderd"),
}
CHANGED = {
    "": N_("Gegevens gewijzigd"), "Agendapunt": N_("Agendapunt gewijzigd"),
    "Ingekomen stuk": N_("Ingekomen stuk gewijzigd"), "Verzoek": N_("Verzoek gewijzigd"),
    "Actiepunt": N_("Actiepunt gewijzigd"), "Organisatie": N_("Organisatie gewijzigd"),
    "Contact": N_("Contact gewijzigd"), "Buurt": N_("Buurt gewijzigd"),
    "Signaal": N_("Signaal gewijzigd"), "Doel": N_("Doel gewijzigd"),
    "Bijlage": N_("Bijlage gewijzigd"), "Besluit": N_("Besluit gewijzigd"),
    "Vergadering": N_("Vergadering gewijzigd"),
}
MISSING = {
    "": N_("Dit gegeven bestaat niet (meer)."),
    "Agendapunt": N_("Dit agendapunt bestaat niet (meer)."),
    "Ingekomen stuk": N_("Dit ingekomen stuk bestaat niet (meer)."),
    "Verzoek": N_("Dit verzoek bestaat niet (meer)."),
    "Actiepunt": N_("Dit actiepunt bestaat niet (meer)."),
    "Organisatie": N_("Deze organisatie bestaat niet (meer)."),
    "Contact": N_("Dit contact bestaat niet (meer)."),
    "Buurt": N_("Deze buurt bestaat niet (meer)."),
    "Signaal": N_("Dit signaal bestaat niet (meer)."),
    "Doel": N_("Dit doel bestaat niet (meer)."),
    "Bijlage": N_("Deze bijlage bestaat niet (meer)."),
    "Besluit": N_("Dit besluit bestaat niet (meer)."),
    "Vergadering": N_("Deze vergadering bestaat niet (meer)."),
}


class Manager(Generic[T]):
    """Base for one concept's manager; subclasses set ``table``, ``record`` and labels."""

    table: ClassVar[str]
    record: ClassVar[type]
    label: ClassVar[str] = "Record"  # e.g. "Vergadering", for messages and undo names
    order_by: ClassVar[str] = "created_at"

    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._store = workspace.store

    @property
    def _board_id(self) -> str:
        return self._ws.board_id

    def get(self, record_id: str) -> T:
        """The live record with this id; :class:`NotFoundError` when missing or deleted."""
        row = self._store.one(
            f"SELECT * FROM [{self.table}] WHERE id = ? AND deleted_at IS NULL", [record_id]
        )
        if row is None:
            raise NotFoundError(_(MISSING.get(self.label, MISSING[""])))
        return from_row(self.record, row)  # type: ignore[no-any-return]

    def exists(self, record_id: str | None) -> bool:
        """True when a live record with this id exists."""
        if not record_id:
            return False
        return bool(
            self._store.scalar(
                f"SELECT 1 FROM [{self.table}] WHERE id = ? AND deleted_at IS NULL", [record_id]
            )
        )

    def _select(self, where: str = "", params: Sequence[Any] = (), order: str | None = None) -> list[T]:
        sql = f"SELECT * FROM [{self.table}] WHERE board_id = ? AND deleted_at IS NULL"
        if where:
            sql += f" AND ({where})"
        sql += f" ORDER BY {order or self.order_by}"
        return [from_row(self.record, r) for r in self._store.rows(sql, [self._board_id, *params])]  # type: ignore[misc]

    def all(self) -> list[T]:
        """Every live record of the current board."""
        return self._select()

    def delete(self, record_id: str) -> Changes:
        """Soft-delete a record (undoable)."""
        self.get(record_id)
        with self._store.write(DELETED.get(self.label, DELETED[""])) as tx:
            tx.soft_delete(self.table, record_id)
        return tx.changes()

    def _update(self, record_id: str, values: dict[str, Any], step: str | None = None) -> Changes:
        self.get(record_id)
        with self._store.write(step or CHANGED.get(self.label, CHANGED[""])) as tx:
            tx.update(self.table, record_id, values)
        return tx.changes()

    def _require_ref(self, manager: Manager[Any], record_id: str | None, label: str) -> None:
        if record_id and not manager.exists(record_id):
            raise ValidationError(
                _("{label} bestaat niet (meer); kies een andere.").format(label=_(label)))

    def _ref(self, manager: Manager[Any], label: str) -> Cleaner:
        """A cleaner for a link to a live record of ``manager`` (``None`` for no link)."""

        def clean(value: Any) -> str | None:
            self._require_ref(manager, value, label)
            return value or None

        return clean

    def _cleaners(self) -> dict[str, Cleaner]:
        """Per editable field, the function that checks and normalises a typed value."""
        raise NotImplementedError

    def _clean(self, fields: dict[str, Any]) -> dict[str, Any]:
        """Check every given field; unknown fields and bad values get a Dutch sentence."""
        cleaners = self._cleaners()
        unknown = set(fields) - set(cleaners)
        if unknown:
            raise ValidationError(_("Onbekend veld: {fields}.").format(fields=", ".join(sorted(unknown))))
        column = column_names(self.record)
        return {column.get(key, key): cleaners[key](value) for key, value in fields.items()}
