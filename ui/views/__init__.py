"""The screens of the main window; each view follows the contract in ``ui/main_window.py``.

``class XView(QWidget)`` with ``(ws, bus, parent=None)``, a Dutch ``nav_title``,
``refresh(changes=None)`` and ``open_record(kind, record_id)``.

How a view stays up to date (issue 19; read :mod:`ui.live` for the rules):

1. Declare what it shows, naming kinds by their constants in wijkapp.changes:
   ``WATCH = {REQUESTS: ANY, PEOPLE: ("name",), ...}``
   (``Except("notes")`` for "all but these columns").
2. Follow the bus through one ``Follow`` made last in ``__init__``, then let it fill the view::

       self.live = Follow(self, bus, "requests", self.refresh, WATCH, own_edits=True)
       self.live.start()

   ``own_edits=True`` only when the view lists what its own editor saves (it then
   refreshes rows, never the editor being typed in).
3. ``refresh(changes)`` reloads only what ``changes`` touch (``changes.ids``; ``None``
   means everything) and stays within a frame: lists of hundreds of rows use
   :class:`ui.models.records.RecordListModel` (rows updated in place) and make their rows
   off the GUI thread with :func:`ui.live.load_in_background` when on screen (see
   ``RecordPanel.fill_later``).
4. Never connect to ``bus.changed`` directly: hidden views would refresh for nothing and
   the probe in tests/ui/test_refresh.py could not count them.
"""
