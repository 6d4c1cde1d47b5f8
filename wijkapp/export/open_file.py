"""Open an exported file in the system's default program (Qt-free; the GUI's "Openen"/"Afdrukken").

"Afdrukken" opens the PDF in the default viewer, where the print dialog is one click
away: that works the same on Windows, macOS and Linux, unlike silent print verbs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..errors import ValidationError
from ..i18n import _


def open_command(path: Path, platform: str = sys.platform) -> list[str] | None:
    """The command that opens ``path`` on ``platform``; ``None`` means ``os.startfile``."""
    if platform.startswith("win"):
        return None
    if platform == "darwin":
        return ["open", str(path)]
    return ["xdg-open", str(path)]


def open_with_system(path: Path | str) -> None:
    """Open ``path`` with the program the system uses for it; returns at once.

    Raises :class:`ValidationError` with a Dutch sentence when the file is missing or
    no program could be started.
    """
    path = Path(path).resolve()
    if not path.is_file():
        raise ValidationError(_("Het bestand '{file}' bestaat niet (meer).").format(file=path.name))
    command = open_command(path)
    try:
        if command is None:
            os.startfile(path)  # type: ignore[attr-defined]  # Windows only
        else:
            subprocess.Popen(  # noqa: S603 - fixed program, the path is one argument
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
    except OSError:
        raise ValidationError(
            _("Er is geen programma gevonden om '{file}' te openen. "
            "Open het bestand zelf vanuit de map waarin het staat.").format(file=path.name)
        ) from None
