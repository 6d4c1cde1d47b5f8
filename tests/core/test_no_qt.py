"""The core never imports Qt (STYLE.md habit 1)."""

from __future__ import annotations

import ast
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


#: Top-level packages the core must never name in an import (GUI toolkits and the GUI).
GUI_PACKAGES = {"ui", "PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2", "shiboken2"}


def gui_imports(path: Path, root: Path = ROOT) -> list[str]:
    """Every import of a GUI package in ``path``, at any depth (inside functions too).

    Also catches ``importlib.import_module("ui…")`` and ``__import__("PySide6…")``.
    """
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and ((isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                   or (isinstance(node.func, ast.Name)
                       and node.func.id in ("__import__", "import_module")))):
            names = [node.args[0].value]
        found += [f"{path.relative_to(root)}:{node.lineno}: {name}" for name in names
                  if name.split(".")[0] in GUI_PACKAGES]
    return found


def test_no_wijkapp_source_names_the_gui_not_even_inside_a_function() -> None:
    files = sorted((ROOT / "wijkapp").rglob("*.py"))
    assert len(files) >= 40  # the whole core was scanned
    offenders = [hit for path in files for hit in gui_imports(path)]
    assert offenders == []


def test_the_scan_finds_a_hidden_gui_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "def later():\n"
        "    from ui.app import main\n"
        "    import PySide6.QtWidgets\n"
        "    import importlib\n"
        "    importlib.import_module('shiboken6')\n"
        "    from .ui import fine  # a relative module named ui is not the GUI\n"
        "    import uikit  # nor is a package whose name merely starts with ui\n"
    )
    hits = [hit.split(": ")[1] for hit in gui_imports(probe, tmp_path)]
    assert hits == ["ui.app", "PySide6.QtWidgets", "shiboken6"]
