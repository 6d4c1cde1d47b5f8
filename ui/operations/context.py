"""The running app's workspace, bus and status bar, handed to operations.

Widgets get the workspace through their constructor; operations find the same
objects here because they are started from many widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from wijkapp.workspace import Workspace

from ..bus import ChangeBus


@dataclass
class AppContext:
    """What operations need: the workspace, the change bus, a status callback."""

    workspace: Workspace
    bus: ChangeBus
    show_status: Callable[[str], None] = field(default=lambda text: None)


_context: AppContext | None = None


def set_app_context(context: AppContext | None) -> None:
    """Install (or clear) the context of the running app."""
    global _context
    _context = context


def app_context() -> AppContext:
    """The context of the running app."""
    if _context is None:
        raise RuntimeError("Wijkapp is not running: no app context installed")
    return _context
