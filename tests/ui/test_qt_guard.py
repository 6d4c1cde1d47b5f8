"""The installed PySide6 must not lose references to None (it crashed long sessions)."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QLabel

from ui.qt_guard import none_leak_per_call, protect_none


def test_void_qt_calls_keep_none_alive(qapp: Any) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("Vergadering")
        label.setEnabled(True)
    assert sys.getrefcount(None) - before > -100  # a healthy PySide6 loses nothing


def test_guard_is_not_needed_on_a_healthy_pyside(qapp: Any) -> None:
    assert none_leak_per_call() < 0.5
    assert protect_none() is False
