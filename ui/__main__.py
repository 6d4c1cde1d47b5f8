"""``python -m ui``: the same as the ``wijkapp`` command (see :mod:`ui.launcher`)."""

from ui.launcher import main

if __name__ == "__main__":  # importing the package's modules one by one must not start the app
    raise SystemExit(main())
