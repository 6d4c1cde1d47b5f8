"""A guard against a known PySide6 defect that would crash a long session.

PySide6 6.12.0 on Python < 3.12 releases one reference to ``None`` for every call of a
method that returns nothing; after some thousands of calls Python aborts with
"deallocating None". pyproject.toml excludes that version, but an installer or a user's
environment may still bring one like it. :func:`protect_none` measures the defect at start
and, only when present, gives ``None`` a very large reference count so it can never reach
zero (``None`` is immortal from Python 3.12 on, so nothing is needed there).
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

_PROBE_CALLS = 200


def none_leak_per_call() -> float:
    """References to ``None`` lost per void Qt call (0.0 on a healthy PySide6)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("wijkapp")
    after = sys.getrefcount(None)
    return (before - after) / _PROBE_CALLS


def protect_none() -> bool:
    """Apply the guard when this PySide6 has the defect; True when it was needed."""
    if sys.version_info >= (3, 12):
        return False
    if none_leak_per_call() < 0.5:
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    log.warning("PySide6 %s loses references to None; guard applied", _pyside_version())
    return True


def _pyside_version() -> str:
    import PySide6

    return str(PySide6.__version__)
