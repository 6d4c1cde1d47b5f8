#!/usr/bin/env python3
"""Set up and run Wijkapp from a source checkout. Standard library only.

    python3 dev.py start [--db PATH]   set up .venv and open the app (demo board if no data)
    python3 dev.py test [PYTEST ARGS]  set up .venv, lint, type-check and run every test
    python3 dev.py bench               run the benchmarks (bench/README.md)
    python3 dev.py translations        build the .mo files from resources/locale/*.po
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
DEMO_DB = ROOT / ".devdata" / "demo.sqlite"

# Shared libraries Qt needs offscreen on Debian/Ubuntu, and the packages that hold them.
QT_LIBS = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}
TOOLS = {
    "pdftoppm": "poppler-utils",
    # The export tests open .docx and .xlsx files in LibreOffice, as a board member would.
    "soffice": "libreoffice-writer-nogui libreoffice-calc-nogui",
}


def venv_python() -> Path:
    """The interpreter inside .venv."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def run(*cmd: str | Path, **kwargs: object) -> None:
    """Run a command, stop with its exit code when it fails."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    result = subprocess.run([str(c) for c in cmd], **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        sys.exit(result.returncode)


def missing_debian_packages(include_tools: bool) -> list[str]:
    """Debian packages this Linux machine lacks for Qt offscreen (and test tools)."""
    if not sys.platform.startswith("linux") or not shutil.which("ldconfig"):
        return []
    known = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    missing = [pkg for lib, pkg in QT_LIBS.items() if lib not in known]
    if include_tools:
        missing += [pkg for tool, pkgs in TOOLS.items() if not shutil.which(tool)
                    for pkg in pkgs.split()]
    return missing


def ensure_system(include_tools: bool) -> None:
    """Install missing Debian packages when we may (root + apt-get); else say what to do."""
    missing = missing_debian_packages(include_tools)
    if not missing:
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run("apt-get", "update", "-q", env=env)
        run("apt-get", "install", "-y", "-q", "--no-install-recommends", *missing, env=env)
    else:
        print("Installeer eerst (als beheerder): apt-get install " + " ".join(missing))
        sys.exit(1)


def ensure_venv(extras: str = "") -> Path:
    """Create .venv when missing and install the project (editable) with ``extras``."""
    python = venv_python()
    if not python.exists():
        run(sys.executable, "-m", "venv", VENV)
    target = f".[{extras}]" if extras else "."
    stamp = VENV / f".installed-{extras or 'app'}"
    pyproject = ROOT / "pyproject.toml"
    if not stamp.exists() or stamp.stat().st_mtime < pyproject.stat().st_mtime:
        run(python, "-m", "pip", "install", "-q", "--upgrade", "pip")
        run(python, "-m", "pip", "install", "-q", "-e", target, cwd=ROOT)
        stamp.touch()
    run(python, "-c", "from wijkapp.i18n import compile_catalog as c; c('en')", cwd=ROOT)
    return python


def start(args: list[str]) -> None:
    """Open the app; without --db on a demo board kept in .devdata/."""
    ensure_system(include_tools=False)
    python = ensure_venv()
    if "--db" not in args:
        if not DEMO_DB.exists():
            DEMO_DB.parent.mkdir(exist_ok=True)
            run(python, "-m", "wijkapp.cli", "demo", "--db", DEMO_DB, cwd=ROOT)
        args = ["--db", str(DEMO_DB), *args]
    run(python, "-m", "wijkapp.cli", *args, cwd=ROOT)


def test(args: list[str]) -> None:
    """Lint, type-check and run the whole test suite (GUI offscreen)."""
    ensure_system(include_tools=True)
    python = ensure_venv("test")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    lint = [p for p in ("wijkapp", "ui", "tests", "bench", "dev.py") if (ROOT / p).exists()]
    run(python, "-m", "ruff", "check", *lint, cwd=ROOT)
    run(python, "-m", "mypy", cwd=ROOT)
    run(python, "-m", "pytest", "-q", *args, cwd=ROOT, env=env)


def bench(args: list[str]) -> None:
    """Generate the municipality-scale database (once) and print the benchmark table."""
    python = ensure_venv("test")
    run(python, "-m", "bench.run", *args, cwd=ROOT)


def translations(args: list[str]) -> None:
    """Extract the messages, merge them into every .po catalog, and build the .mo files."""
    python = ensure_venv("test")
    run(python, "-m", "wijkapp.i18n_tools", *args, cwd=ROOT)


COMMANDS = {"start": start, "test": test, "bench": bench, "translations": translations}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        sys.exit(2)
    COMMANDS[sys.argv[1]](sys.argv[2:])
