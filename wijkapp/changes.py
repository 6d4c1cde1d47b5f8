"""The value every mutation returns, so views refresh only what changed."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Every table name a ``Changes`` can carry in ``kinds`` (one per concept; the names are
#: the tables, so the core writes ``tx.update(self.table, ...)`` and views watch the same).
#: Refresh code names kinds through these constants, never as bare strings, so a reader
#: can find every view that follows a concept with one search (``ACTIONS``).
MEETINGS = "meetings"
ATTENDANCE = "attendance"
AGENDA_ITEMS = "agenda_items"
DECISIONS = "decisions"
ACTIONS = "actions"
ACTION_REVIEWS = "action_reviews"
DOCUMENTS = "documents"
REQUESTS = "requests"
GOALS = "goals"
GOAL_LINKS = "goal_links"
PEOPLE = "people"
ORGANISATIONS = "organisations"
AREAS = "areas"
BOARDS = "boards"
SIGNALS = "signals"
SIGNAL_FOLLOWUPS = "signal_followups"
ATTACHMENTS = "attachments"


@dataclass(frozen=True)
class Changes:
    """What one mutation changed.

    ``kinds`` are table names (``"meetings"``, ``"agenda_items"``, ...), ``ids`` the
    record ids touched, ``step`` the undo step's Dutch name (or ``None``), and ``id``
    the main record a create call made, for the caller to select it.

    ``columns`` (``"table.column"``) and ``column_only`` say *what* changed in a row: for a
    table in ``column_only`` the write only updated those columns of existing rows (e.g.
    saving a note: ``agenda_items.notes``). For any other table in ``kinds`` (an insert, an
    undo, a ``touch``) anything may have changed. See :meth:`touches_columns`.
    """

    kinds: frozenset[str] = field(default_factory=frozenset)
    ids: frozenset[str] = field(default_factory=frozenset)
    step: str | None = None
    id: str | None = None
    columns: frozenset[str] = field(default_factory=frozenset)
    column_only: frozenset[str] = field(default_factory=frozenset)

    def touches(self, *kinds: str) -> bool:
        """True when any of ``kinds`` changed."""
        return bool(self.kinds.intersection(kinds))

    def touches_columns(self, kind: str, columns: tuple[str, ...] | None) -> bool:
        """True when ``kind`` changed in one of ``columns`` (``None``: any column).

        A deletion (``deleted_at``), an insert, an undo or a change of unknown columns
        always counts: a view that lists ``kind`` must then look again.
        """
        if kind not in self.kinds:
            return False
        if columns is None or kind not in self.column_only:
            return True
        return any(f"{kind}.{column}" in self.columns for column in (*columns, "deleted_at"))

    def touches_columns_except(self, kind: str, ignored: tuple[str, ...]) -> bool:
        """True when ``kind`` changed in a column other than ``ignored`` (and ``updated_at``).

        ``touches_columns_except("agenda_items", ("notes",))`` is False for a saved note.
        """
        if kind not in self.kinds:
            return False
        if kind not in self.column_only:
            return True
        prefix = f"{kind}."
        skip = {*ignored, "updated_at"}
        return any(c.startswith(prefix) and c[len(prefix):] not in skip for c in self.columns)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def merged(self, other: Changes) -> Changes:
        """Both changes as one (keeps this one's step and id when set)."""
        whole = (self.kinds - self.column_only) | (other.kinds - other.column_only)
        return Changes(
            kinds=self.kinds | other.kinds,
            ids=self.ids | other.ids,
            step=self.step or other.step,
            id=self.id or other.id,
            columns=self.columns | other.columns,
            column_only=(self.column_only | other.column_only) - whole,
        )
