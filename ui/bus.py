"""The one app-level signal that broadcasts every core ``Changes`` to the views."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from wijkapp.changes import Changes


class ChangeBus(QObject):
    """Views follow ``changed`` through :class:`ui.live.Follow`, which refreshes only what
    the ``Changes`` touch, skips a view's own edits and lets hidden views wait.

    ``source`` is the widget that made the change (or ``None``). ``refreshed(name,
    changes)`` announces every view refresh, so tests can count them.
    """

    changed = Signal(object, object)  # (Changes, source)
    refreshed = Signal(str, object)  # (view name, Changes)

    def emit_changes(self, changes: Changes, source: object | None = None) -> None:
        """Broadcast ``changes`` when anything changed."""
        if changes:
            self.changed.emit(changes, source)
