"""What the Wijkapp bundle leaves out: one set of rules for the spec and ``build.py prune``.

Standard library only (the spec imports it inside PyInstaller). A rule looks at a path
inside the bundle (``PySide6/Qt/plugins/platforms/libqvnc.so``, ``babel/locale-data/de.dat``)
in the spellings of all three systems, and says why it can go, or ``None`` to keep it.
"""

from __future__ import annotations

import re
from pathlib import PurePath

#: Qt's own translations we load (ui/app.py installs qtbase_<language>).
KEEP_QT_TRANSLATIONS = {"qtbase_nl.qm", "qtbase_en.qm"}
#: babel locales: Dutch and English and the parents they inherit from.
KEEP_BABEL_LOCALE = re.compile(r"^(root|nl|nl_[A-Za-z0-9_]+|en|en_[A-Za-z0-9_]+)\.dat$")
#: pyphen hyphenation patterns (plainlang counts Dutch syllables with nl_NL).
KEEP_PYPHEN = re.compile(r"^hyph_(nl|en)_[A-Za-z_]+\.dic$")

#: Qt plugin folders the app never needs (networking, SQL, printing, QML, embedded input).
DROP_PLUGIN_DIRS = {
    "designer", "egldeviceintegrations", "generic", "networkinformation", "tls", "sqldrivers",
    "printsupport", "qmltooling", "multimedia", "position", "sensors", "texttospeech",
    "webview", "renderers", "geometryloaders", "sceneparsers", "virtualkeyboard", "canbus",
    "vectorimageformats", "wayland-graphics-integration-server", "qmllint", "scxmldatamodel",
}
#: Plugins by the stem of their name (``libqvnc.so``, ``qvnc.dll``, ``libqvnc.dylib``).
DROP_PLUGINS = {
    "platforms": {"qeglfs", "qlinuxfb", "qminimal", "qminimalegl", "qvnc", "qvkkhrdisplay",
                  "qdirect2d", "qwebgl"},
    "imageformats": {"qtiff", "qwebp", "qwbmp", "qtga", "qicns", "qpdf", "qjp2", "qmng",
                     "qmacheif", "qmacjp2"},
    # GTK's theme drags a second GUI toolkit in; Qt's own dialogs and the portal stay.
    "platformthemes": {"qgtk3"},
}
#: Qt libraries only the dropped plugins use (Linux .so, Windows .dll, macOS framework).
DROP_QT_LIBS = re.compile(
    r"^(lib)?Qt6?(Network|EglFSDeviceIntegration|EglFsKmsSupport|EglFsKmsGbmSupport|Pdf|Qml"
    r"|QmlModels|QmlMeta|QmlWorkerScript|Quick|VirtualKeyboard)(\.|\.framework$|$)"
)
#: Pillow's AVIF codec (≈ 5 MB); Pillow imports it lazily and works without it.
DROP_PILLOW = re.compile(r"^(_avif\..*|libavif.*)$")
#: Qt's software OpenGL for Windows (≈ 20 MB); a widgets app draws without OpenGL.
DROP_FILES = {"opengl32sw.dll"}
#: Folders of tests, documentation and examples inside packages.
DROP_DIRS = {"tests", "test", "testing", "docs", "doc", "examples", "demos"}


def _plugin_stem(name: str) -> str:
    stem = name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def drop_reason(path: str | PurePath) -> str | None:
    """Why this bundle path can be left out (a few Dutch words), or ``None`` to keep it."""
    parts = PurePath(str(path).replace("\\", "/")).parts
    if not parts:
        return None
    name = parts[-1]
    folders = parts[:-1]
    in_qt = "PySide6" in folders or any(p.startswith("Qt") for p in folders)
    if name in DROP_FILES:
        return "Qt-software-OpenGL"
    if in_qt and "translations" in folders and name.endswith(".qm"):
        return None if name in KEEP_QT_TRANSLATIONS else "Qt-vertaling"
    if "plugins" in folders:
        index = folders.index("plugins")
        category = folders[index + 1] if len(folders) > index + 1 else ""
        if category in DROP_PLUGIN_DIRS:
            return "Qt-plugin"
        if _plugin_stem(name) in DROP_PLUGINS.get(category, ()):
            return "Qt-plugin"
    if DROP_QT_LIBS.match(name) or any(DROP_QT_LIBS.match(p) for p in folders):
        return "Qt-bibliotheek"
    if folders[-2:] == ("babel", "locale-data") and not KEEP_BABEL_LOCALE.match(name):
        return "babel-taal"
    if folders[-2:] == ("pyphen", "dictionaries") and not KEEP_PYPHEN.match(name):
        return "pyphen-taal"
    if (folders[:1] in (("PIL",), ("pillow.libs",)) or "PIL" in folders) and DROP_PILLOW.match(name):
        return "Pillow-AVIF"
    if any(p in DROP_DIRS for p in folders[1:]) and folders[0] not in ("resources",):
        return "tests/documentatie"
    return None
