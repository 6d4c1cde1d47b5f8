"""Where exported files go and how they are shown: the export folder, the print folder,
the file manager. No widgets here (the GUI's seams for tests live in this module).

The export folder is remembered in ``export.json`` beside the app preferences; by default
it is ``Documenten/Wijkapp`` (QStandardPaths). "Afdrukken" writes into a temp folder and
opens the file in the system's viewer (:func:`wijkapp.export.open_file.open_with_system`);
"Mailen als bijlage" shows the file selected in the file manager (:func:`reveal_file`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from wijkapp.errors import ValidationError, WriteFailedError
from wijkapp.export import export
from wijkapp.export import open_file as open_file_module
from wijkapp.i18n import _
from wijkapp.safe_output import private_temp_folder
from wijkapp.workspace import Workspace

from .preferences import config_dir

PDF_FORMATS = frozenset({"agenda", "minutes", "summary", "decisions", "actions",
                         "presentielijst"})
#: Formats "Afdrukken" can open in a viewer with a print button (Word prints .docx).
PRINTABLE = PDF_FORMATS | {"docx"}
MODES = ("save", "print", "mail")
EXPORT_PREFS = "export.json"


@dataclass(frozen=True)
class ExportRequest:
    """What to export: a key of ``wijkapp.export.FORMATS`` and its scope."""

    fmt: str
    meeting_id: str | None = None
    year: int | None = None
    csv_kind: str = "actions"


# -- the export folder -------------------------------------------------------------------
def default_export_folder() -> Path:
    """``<Documenten>/Wijkapp`` (the user's home when the system names no documents folder)."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return (Path(docs) if docs else Path.home()) / "Wijkapp"


def export_folder() -> Path:
    """The folder the user chose last time, else :func:`default_export_folder`."""
    try:
        data = json.loads((config_dir() / EXPORT_PREFS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    folder = data.get("folder") if isinstance(data, dict) else None
    return Path(folder) if isinstance(folder, str) and folder else default_export_folder()


def remember_export_folder(folder: Path) -> bool:
    """Store ``folder`` for next time; ``False`` when the settings cannot be written."""
    path = config_dir() / EXPORT_PREFS
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(".tmp")
        temp.write_text(json.dumps({"folder": str(folder)}, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, path)
    except OSError:
        return False
    return True


def print_folder() -> Path:
    """Where "Afdrukken" puts its file: a private (0700) folder of this user in the temp folder."""
    return private_temp_folder("afdrukken")


def ensure_folder(folder: Path) -> Path:
    """Create ``folder`` when needed; a Dutch :class:`WriteFailedError` when that fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    if not folder.is_dir():
        raise WriteFailedError(
            _("De map '{folder}' kan niet worden gemaakt of gebruikt. "
              "Kies een andere map met 'Andere map…'.").format(folder=folder)
        )
    return folder


def write_export(ws: Workspace, request: ExportRequest, mode: str, folder: Path) -> Path:
    """Write one export (on the worker); "print" goes to :func:`print_folder`."""
    target = ensure_folder(print_folder() if mode == "print" else folder)
    return export(ws, request.fmt, target, meeting_id=request.meeting_id, year=request.year,
                  csv_kind=request.csv_kind)


# -- showing the file ---------------------------------------------------------------------
def reveal_command(path: Path, platform: str = sys.platform) -> str | list[str]:
    """The command that shows ``path`` in the file manager (selected where possible).

    Windows: ``explorer /select,"path"`` (one string: explorer needs its own quoting);
    macOS: ``open -R path``; Linux: the folder is opened (no common "select" there).
    """
    if platform.startswith("win"):
        return f'explorer /select,"{path}"'
    if platform == "darwin":
        return ["open", "-R", str(path)]
    return ["xdg-open", str(path.parent)]


def reveal_file(path: Path | str) -> None:
    """Show ``path`` in the file manager; returns at once.

    Raises :class:`ValidationError` with a Dutch sentence when nothing could be started.
    """
    path = Path(path).resolve()
    try:
        subprocess.Popen(  # noqa: S603 - fixed program, the path is one argument
            reveal_command(path),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        raise ValidationError(
            _("De map kon niet worden geopend. U vindt het bestand hier: {path}").format(path=path)
        ) from None


def open_file(path: Path | str) -> None:
    """Open ``path`` in its program (looked up at call time, so tests can replace it)."""
    open_file_module.open_with_system(path)
