"""Build the views the secretary has not opened yet while the window waits for her.

Building a follow-up screen (a list, an editor of ten fields, tabs) and letting Qt polish
its widgets against the stylesheet takes 50-150 ms on an ordinary laptop: a click on
"Contacten" would freeze the window for that long. After the window's first paint,
:class:`ViewWarmer` builds one view per slice of the event loop, with a pause between
slices so the window keeps answering, and polishes it in the next slice. A view built
this way is hidden; in a later slice its :class:`ui.live.Follow` fills it ahead of its
first show (:meth:`~ui.live.Follow.warm`: rows made on the worker), so the first click
on it only paints. Changes after that wait until it is shown, as for any hidden view.

A view may name parts it makes on first use (``warm_steps()``: e.g. the meeting editor
and minutes mode behind the meetings list); they are made in later slices, one each.
A view the user opens before its turn is simply built then (``MainWindow.view``).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from . import screen_fit, wheel_guard
from .live import Follow
from .operations.base import worker_pool


class ViewWarmer(QObject):
    """Builds and polishes the views of ``keys`` one slice at a time (see module docstring).

    ``build(key)`` returns the view (built when missing); ``is_built(key)`` says whether
    the window has it already; ``alive()`` is ``False`` once the window closes.
    """

    #: Pause between two slices: the window answers keys and clicks in between.
    GAP_MS = 80
    #: How soon to look again while the worker still loads rows for a view warmed before.
    WAIT_MS = 20
    #: Wait after the first paint: the first view, the start-up backup and sharing go
    #: first, and the secretary reads the first screen (and a short-lived window, as in
    #: tests, builds nothing it will not show).
    START_DELAY_MS = 1200

    def __init__(self, parent: QObject, keys: Sequence[str], build: Callable[[str], QWidget],
                 is_built: Callable[[str], bool], alive: Callable[[], bool]) -> None:
        super().__init__(parent)
        self._keys = list(keys)
        self._build = build
        self._is_built = is_built
        self._alive = alive
        self._polish: QWidget | None = None
        self._later: list[Callable[[], object]] = []  # a built view's own warm_steps()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.GAP_MS)
        self._timer.timeout.connect(self._step)

    @property
    def done(self) -> bool:
        """True when every view is built and polished (or the window closed)."""
        return not self._keys and self._polish is None and not self._later

    def start(self) -> None:
        """Begin after :attr:`START_DELAY_MS` (not at all with ``WIJKAPP_WARMUP=off``: the
        GUI tests, which open hundreds of windows; their own test turns it on)."""
        if os.environ.get("WIJKAPP_WARMUP", "").lower() == "off":
            return
        gc.freeze()  # the window and its first view live as long as the app (see below)
        self._timer.start(self.START_DELAY_MS)

    def _step(self) -> None:
        if not self._alive():
            self._keys.clear()
            self._later.clear()
            self._polish = None
            return
        if worker_pool().activeThreadCount():
            # Rows of a view warmed a moment ago (or a save) are on the worker: their
            # showing comes first, on its own, so it never adds to this slice's freeze.
            self._timer.start(self.WAIT_MS)
            return
        if self._polish is not None:
            widget, self._polish = self._polish, None
            widget.ensurePolished()  # the stylesheet's work, which a first show would do
            steps = getattr(widget, "warm_steps", None)
            if callable(steps):
                self._later += steps()
            # Its rows are loaded on the worker now, so the first show only paints.
            self._later += [follow.warm for follow in widget.findChildren(Follow)]
        elif self._later:
            step = self._later.pop(0)
            with screen_fit.paused():
                made = step()
            owner = made if isinstance(made, QWidget) else getattr(step, "__self__", None)
            if isinstance(owner, QWidget):
                wheel_guard.prepare(owner)
            if isinstance(made, QWidget):
                self._polish = made
        elif self._keys:  # (the next slice comes GAP_MS after this one)
            key = self._keys.pop(0)
            if self._is_built(key):  # opened already: only its later parts are left
                steps = getattr(self._build(key), "warm_steps", None)
                self._later += steps() if callable(steps) else []
                self._step()
                return
            with screen_fit.paused():
                self._polish = self._build(key)
            wheel_guard.prepare(self._polish)
        else:
            self._settle_garbage()
            return
        self._timer.start(self.GAP_MS)

    @staticmethod
    def _settle_garbage() -> None:
        """Every view is built: move what start-up made out of the garbage collector's way.

        A full collection walks every Python object, and with every view built that took
        40-50 ms, at a moment nobody chooses (in the middle of typing, too). What exists
        now lives as long as the window; frozen, later collections walk only what is
        newer (``gc.freeze``: a moment's work; objects freed by their count still go at
        once, only a cycle among them would stay).
        """
        gc.freeze()


class LazyPage(QWidget):
    """A tab page whose content ``make(page)`` is made when it is first shown or asked
    for (:attr:`content`), e.g. a view's second tab: building it with the view doubled the
    time the first click on the view froze the window."""

    def __init__(self, make: Callable[[QWidget], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._make = make
        self._content: QWidget | None = None

    @property
    def built(self) -> bool:
        """True once the content exists."""
        return self._content is not None

    @property
    def content(self) -> QWidget:
        """The content, made now when it is not there yet."""
        if self._content is None:
            self._content = self._make(self)
            layout = self.layout()
            assert layout is not None  # made in __init__
            layout.addWidget(self._content)
        return self._content

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Make the content before the page paints."""
        self.content.show()
        super().showEvent(event)


def run_in_turns(owner: QObject, callbacks: list[Callable[[], None]],
                 alive: Callable[[], bool]) -> None:
    """Run ``callbacks`` (taken from the list) one per turn of the event loop, the first
    now, while ``alive()``: the window's start-up work after its first paint (first view,
    backup, warm-up, sharing, reminders) was one freeze of 50-120 ms on a busy board;
    in turns, a click or key in between is answered."""
    if callbacks and alive():
        callbacks.pop(0)()
        if callbacks:
            QTimer.singleShot(0, owner, lambda: run_in_turns(owner, callbacks, alive))


def tab_pages(tabs: QTabWidget) -> QWidget:
    """The widget the pages of ``tabs`` live in: make a page inside it, then ``addTab``.

    ``addTab`` moves its page into the tab widget's own stack, and under the app's
    stylesheet a widget that moves is styled again with everything inside it (a
    follow-up screen: ≈ 10 ms per tab). A page made there from the start does not move.
    """
    stack = tabs.findChild(QStackedWidget, "qt_tabwidget_stackedwidget")
    return stack if stack is not None else tabs


__all__ = ["LazyPage", "ViewWarmer", "run_in_turns", "tab_pages"]
