"""The value every mutation returns, so views refresh only what changed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """What one mutation changed.

    ``kinds`` are table names (``"meetings"``, ``"agenda_items"``, ...), ``ids`` the
    record ids touched, ``step`` the undo step's Dutch name (or ``None``), and ``id``
    the main record a create call made, for the caller to select it.
    """

    kinds: frozenset[str] = field(default_factory=frozenset)
    ids: frozenset[str] = field(default_factory=frozenset)
    step: str | None = None
    id: str | None = None

    def touches(self, *kinds: str) -> bool:
        """True when any of ``kinds`` changed."""
        return bool(self.kinds.intersection(kinds))

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def merged(self, other: Changes) -> Changes:
        """Both changes as one (keeps this one's step and id when set)."""
        return Changes(
            kinds=self.kinds | other.kinds,
            ids=self.ids | other.ids,
            step=self.step or other.step,
            id=self.id or other.id,
        )
