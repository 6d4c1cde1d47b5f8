"""Lay a window out completely before it paints, so a switch of screen paints once.

Qt lays widgets out in posted ``LayoutRequest`` events, one level of the widget tree per
event: a child whose size hint changed asks its parent, which asks its own parent in a new
event, and so on. The window's paint (its ``UpdateRequest``) is posted among them, so it
often ran half-way up such a chain, and every level above it then changed and painted
again. Two Qt widgets make this costly: a ``QSplitter`` recalculates and asks its parent
on every show, and a ``QTabWidget`` repaints itself whole on every layout request it gets.
Showing the contacts screen (tabs, a splitter, a list, an editor) painted it three times,
40 ms instead of 22 (issue 19).

:class:`LayoutBeforePaint` watches one top-level window: just before it paints, it lets
every waiting layout request run (and the ones those post), so everything moved is
painted in that one pass. :func:`scroll_body` keeps a scroll area's content from
being painted twice in that pass.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QScrollArea, QWidget

#: Rounds of waiting layout requests run before a paint. Each round runs the requests
#: posted before it began, one level of a chain; an empty round costs under a microsecond,
#: and a window's widgets nest about 20 levels deep at most.
ROUNDS = 32


def settle_layouts() -> None:
    """Run the waiting layout requests of every widget, and those they post in turn."""
    for _ in range(ROUNDS):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


class LayoutBeforePaint(QObject):
    """Event filter on a top-level window: settle its layouts before each of its paints."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.UpdateRequest:
            settle_layouts()
        return False


def install(window: QWidget) -> LayoutBeforePaint:
    """Make ``window`` settle its layouts before every paint (the filter lives as long)."""
    watcher = LayoutBeforePaint(window)
    window.installEventFilter(watcher)
    return watcher


def scroll_body(scroll: QScrollArea, body: QWidget) -> None:
    """Put ``body`` in ``scroll`` as its content, painted once.

    ``QScrollArea.setWidget`` makes the content fill its own background, which makes it
    opaque to Qt's painter. An opaque widget is painted on its own, with everything in
    it, before the rest of the window, and then again as part of the rest when a widget
    inside it changed too: every screen switch painted the whole screen twice. The
    scroll area and the window behind it already paint the same paper colour.
    """
    scroll.setWidget(body)
    body.setAutoFillBackground(False)
