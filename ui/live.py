"""How a view follows the data: the one refresh pattern every view uses.

Every mutation returns a :class:`~wijkapp.changes.Changes`; operations broadcast it on the
app's :class:`~ui.bus.ChangeBus`. A view never connects to the bus itself. It makes one
:class:`Follow` and gives it a ``watch`` table (which tables, and which of their columns,
it shows) and an ``apply(changes)`` method::

    self.live = Follow(self, bus, "actions", self.apply_changes, watch={
        "actions": ANY,                             # every column of an action
        "meetings": ("title", "starts_at"),         # only what the filter shows
    })

    def apply_changes(self, changes: Changes) -> None:
        ...  # reload only what ``changes`` touch: the rows in ``changes.ids`` if it can

The rules ``Follow`` enforces, so no view has to remember them:

1. **Only what it shows.** A change that touches none of the watched tables or columns
   is dropped before the view sees it (deletions and inserts always count). Saving a
   note (``agenda_items.notes``) does not wake a view that shows agenda-item titles.
2. **Never its own edits.** A change whose source (the widget that ran the operation)
   lies inside ``scope`` is dropped: the editor that made it already shows it. Views
   whose list must show their own edits pass ``own_edits=True`` and refresh only rows.
3. **Hidden views wait.** While ``scope`` is not on screen in a shown window, changes are
   merged into :attr:`Follow.pending`; the next time it is shown they are applied at once,
   as one refresh, before it paints. A view in a window that is not shown at all (built
   on its own, as in tests) refreshes at once, so it is never wrong when read.
4. **Counted.** Every refresh is announced on ``bus.refreshed(name, changes)``, so a test
   can assert which views a change woke (see tests/ui/test_refresh.py).
5. **Filled when first shown.** A view calls ``self.live.start()`` instead of filling
   itself in its constructor: in the main window the first fill happens as the view is
   shown, and long lists are then loaded on the worker (``RecordPanel.fill_later``).

``apply`` runs on the GUI thread and must stay within a frame or two: lists of hundreds of
rows live in an item model (``ui/models/``) that updates rows in place, and anything that
takes longer than a frame to load runs off the GUI thread (:func:`load_in_background`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject
from PySide6.QtWidgets import QWidget

from wijkapp.changes import Changes

from .bus import ChangeBus
from .operations.base import run_in_background

_following: set[Follow] = set()

#: ``watch`` value for "every column of this table".
ANY: None = None


@dataclass(frozen=True)
class Except:
    """``watch`` value for "every column but these" (e.g. ``Except("notes")``)."""

    columns: tuple[str, ...]

    def __init__(self, *columns: str) -> None:
        object.__setattr__(self, "columns", columns)


Watch = Mapping[str, "tuple[str, ...] | Except | None"]


def touches(changes: Changes, watch: Watch) -> bool:
    """True when ``changes`` touch a table and column that ``watch`` names."""
    return any(
        changes.touches_columns_except(kind, columns.columns)
        if isinstance(columns, Except) else changes.touches_columns(kind, columns)
        for kind, columns in watch.items())


def is_own(scope: QWidget, source: object) -> bool:
    """True when ``source`` (the widget that ran an operation) is ``scope`` or inside it."""
    if not isinstance(source, QWidget):
        return False
    try:
        return source is scope or scope.isAncestorOf(source)
    except RuntimeError:  # a widget already deleted
        return False


def on_screen(scope: QWidget) -> bool | None:
    """``True`` when ``scope`` is shown, ``False`` when its shown window hides it (another
    page or tab is current), ``None`` when its window is not shown at all."""
    if scope.isVisible():
        return True
    return False if scope.window().isVisible() else None


_warming = False


def in_background(scope: QWidget) -> bool:
    """True when ``scope`` should load its rows on the worker: it is on screen (the window
    must keep answering), or it is being filled ahead of its first show
    (:meth:`Follow.warm`). A view built on its own, not shown, fills at once instead."""
    return _warming or bool(on_screen(scope))


class Follow(QObject):
    """Connects one view to the change bus under the rules in the module docstring.

    ``scope`` is the widget whose visibility and ownership count (the view itself by
    default; e.g. only the list page of a view with several pages). The ``Follow`` is a
    child of ``scope``, so it disconnects itself when the view is deleted.
    """

    def __init__(self, scope: QWidget, bus: ChangeBus, name: str,
                 apply: Callable[[Changes | None], None], watch: Watch,
                 own_edits: bool = False) -> None:
        super().__init__(scope)
        self.scope = scope
        self.bus = bus
        self.name = name
        self.watch = dict(watch)
        self.own_edits = own_edits
        self._apply = apply
        self.pending: Changes | None = None
        self._unfilled = False  # start() waits for the first show
        # Keep this object (and so its view) referenced until Qt destroys the view: a
        # view freed by Python's cycle collector could otherwise be deleted on the worker
        # thread, which Qt does not survive.
        _following.add(self)
        scope.destroyed.connect(lambda *_args, me=self: _following.discard(me))
        #: The source of the change being applied (``None`` for changes that waited).
        self.last_source: object = None
        scope.installEventFilter(self)
        bus.changed.connect(self._on_changed)

    def wants(self, changes: Changes) -> bool:
        """True when ``changes`` touch something this view shows."""
        return touches(changes, self.watch)

    def _on_changed(self, changes: Changes, source: object) -> None:
        if not self.wants(changes):
            return
        if not self.own_edits and is_own(self.scope, source):
            return
        if self._unfilled:
            return  # the first fill, when shown, reads everything anyway
        if on_screen(self.scope) is False:
            self.pending = changes if self.pending is None else self.pending.merged(changes)
            return
        self.refresh(changes, source)

    def refresh(self, changes: Changes, source: object = None) -> None:
        """Apply ``changes`` now (anything pending is merged in first)."""
        if self.pending is not None:
            changes, self.pending, source = self.pending.merged(changes), None, None
        self.last_source = source
        self.bus.refreshed.emit(self.name, changes)
        try:
            self._apply(changes)
        finally:
            self.last_source = None

    def start(self) -> None:
        """Fill the view the first time: at once when its window is not shown (a view
        built on its own), else as it is first shown, so building it costs no loading."""
        if on_screen(self.scope) is False:
            self._unfilled = True
            self.pending = None
        else:
            self._fill()

    def _fill(self) -> None:
        self._unfilled = False
        self.pending = None
        self.bus.refreshed.emit(self.name, None)
        self._apply(None)  # None: everything

    def warm(self) -> bool:
        """Fill a view not shown yet ahead of its first show, loading on the worker
        (:func:`in_background`), so showing it later only paints. ``False`` when it
        was filled already. Changes after this wait as for any hidden view."""
        global _warming
        if not self._unfilled:
            return False
        _warming = True
        try:
            self._fill()
        finally:
            _warming = False
        return True

    def catch_up(self) -> bool:
        """Apply what waited while the view was hidden; ``False`` when nothing did."""
        if self._unfilled:
            self._fill()
            return True
        if self.pending is None:
            return False
        changes, self.pending = self.pending, None
        self.refresh(changes)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Catch up as the view is shown, before it paints; go quiet as it is deleted."""
        if watched is self.scope and event.type() == QEvent.Type.Show:
            self.catch_up()
        elif watched is self.scope and event.type() == QEvent.Type.DeferredDelete:
            # Tearing down its lists moves their current rows; that is not the user
            # choosing a record, and the workspace behind the view may be closed already.
            self.bus.changed.disconnect(self._on_changed)
            for model in self.scope.findChildren(QItemSelectionModel):
                model.blockSignals(True)
        return False


def cancel_loads(owner: QObject) -> None:
    """Drop the result of any :func:`load_in_background` of ``owner`` still running."""
    owner.setProperty("_wijkapp_load", int(owner.property("_wijkapp_load") or 0) + 1)


def load_in_background(owner: QObject, load: Callable[[], Any],
                       show: Callable[[Any], None]) -> None:
    """Run ``load()`` (core reads, row formatting; no Qt) off the GUI thread, then
    ``show(result)`` on it. Only the newest load of ``owner`` is shown: a result that a
    later load overtook is dropped, and nothing is shown once ``owner`` is deleted or its
    window closed (the owner then loads again when it is read or shown).
    """
    cancel_loads(owner)
    ticket = owner.property("_wijkapp_load")

    def done(result: Any) -> None:
        try:
            current = owner.property("_wijkapp_load")
            closed = isinstance(owner, QWidget) and on_screen(owner) is None
        except RuntimeError:  # the owner was deleted meanwhile
            return
        if current == ticket and not closed:  # a closed window may have closed its file too
            show(result)

    run_in_background(load, done)


__all__ = ["ANY", "Except", "Follow", "Watch", "cancel_loads", "in_background", "is_own",
           "load_in_background", "on_screen", "touches"]
