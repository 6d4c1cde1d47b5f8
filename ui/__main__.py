"""``python -m ui``: the same as the ``wijkapp`` command (see :mod:`ui.launcher`)."""

from ui.launcher import main

raise SystemExit(main())
