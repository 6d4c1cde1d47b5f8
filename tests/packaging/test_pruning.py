"""The pruning rules, in the path spellings of all three systems (CI builds only Linux)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parents[2] / "packaging" / "pruning.py"
_spec = importlib.util.spec_from_file_location("wijkapp_pruning", RULES)
assert _spec and _spec.loader
pruning = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pruning)


@pytest.mark.parametrize("path", [
    "PySide6/Qt/translations/qtbase_nl.qm",
    "PySide6/translations/qtbase_en.qm",  # Windows layout
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",  # the smoke test needs it
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt6Gui.dll",
    "babel/locale-data/root.dat",
    "babel/locale-data/nl.dat",
    "babel/locale-data/nl_NL.dat",
    "babel/locale-data/en_GB.dat",
    "pyphen/dictionaries/hyph_nl_NL.dic",
    "resources/fonts/DejaVuSans.ttf",
    "resources/plainlang/jargon.txt",
    "resources/demo/geleen-zuid.json",  # the demo board's data (wijkapp/demo.py builds it)
    "docx/templates/default.docx",
    "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",
])
def test_kept(path: str) -> None:
    assert pruning.drop_reason(path) is None


@pytest.mark.parametrize("path", [
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/translations/qtdeclarative_nl.qm",
    "PySide6\\translations\\qtbase_fr.qm",  # Windows separators
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/plugins/tls/qopensslbackend.dll",
    "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt6Network.dll",
    "PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork",
    "PySide6/opengl32sw.dll",
    "babel/locale-data/de.dat",
    "babel/locale-data/fy.dat",
    "pyphen/dictionaries/hyph_de_DE.dic",
    "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
    "somepackage/tests/test_x.py",
])
def test_dropped(path: str) -> None:
    assert pruning.drop_reason(path)
