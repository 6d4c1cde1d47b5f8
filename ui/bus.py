"""The one app-level signal that broadcasts every core ``Changes`` to the views."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from wijkapp.changes import Changes


class ChangeBus(QObject):
    """Views connect to ``changed`` and refresh only what the ``Changes`` touch.

    ``source`` is the widget that made the change (or ``None``), so a view can skip
    refreshing after its own edit.
    """

    changed = Signal(object, object)  # (Changes, source)

    def emit_changes(self, changes: Changes, source: object | None = None) -> None:
        """Broadcast ``changes`` when anything changed."""
        if changes:
            self.changed.emit(changes, source)
