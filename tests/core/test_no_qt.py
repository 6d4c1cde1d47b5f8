"""The core never imports Qt (STYLE.md habit 1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_wijkapp_module_imports_qt() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import wijkapp\n"
        "names = [m.name for m in pkgutil.walk_packages(wijkapp.__path__, 'wijkapp.')]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(len(names))\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 15  # every concept module was really imported
