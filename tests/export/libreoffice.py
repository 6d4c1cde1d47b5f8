"""Run LibreOffice headless on a file, as a user's office program would open it.

Each call uses a profile folder of its own (parallel runs never share one) and a time
limit. ``python3 dev.py test`` installs LibreOffice (writer and calc, no GUI) on Debian.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str:
    """The LibreOffice program; fails the test (never skips) when it is not installed."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    assert program, "LibreOffice ontbreekt: apt-get install libreoffice-writer-nogui " \
                    "libreoffice-calc-nogui (python3 dev.py test doet dat)"
    return program


def convert(source: Path, target_format: str, out_dir: Path, timeout: float = 120) -> Path:
    """Let LibreOffice open ``source`` and save it as ``target_format`` (e.g. ``"xlsx"``,
    ``"docx:MS Word 2007 XML"``, ``"pdf"``) into ``out_dir``; return the new file (the
    first of them when LibreOffice writes one file per sheet)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", target_format, "--outdir", str(out_dir), str(source)],
            check=True, capture_output=True, timeout=timeout,
        )
    suffix = target_format.split(":", 1)[0]
    made = sorted(out_dir.glob(f"{source.stem}*.{suffix}"))  # one per sheet for csv
    assert made, f"LibreOffice maakte geen {source.stem}.{suffix}"
    return made[0]
