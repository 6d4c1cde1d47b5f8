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

# The Qt plugins that draw on a real desktop (and what they load), per display variable:
# X11 (and XWayland) through xcb, a Wayland session through wayland.
DISPLAY_PLUGINS = {
    "DISPLAY": ("platforms/libqxcb.so", "xcbglintegrations/*.so"),
    "WAYLAND_DISPLAY": ("platforms/libqwayland*.so", "wayland-shell-integration/libxdg-shell.so",
                        "wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
                        "wayland-decoration-client/*.so"),
}
# Libraries whose Debian package is not named after the library (see debian_package).
PACKAGE_OF_LIBRARY = {
    "libglib-2.0": "libglib2.0-0", "libgthread-2.0": "libglib2.0-0",
    "libgobject-2.0": "libglib2.0-0", "libgio-2.0": "libglib2.0-0",
    "libgmodule-2.0": "libglib2.0-0", "libGLdispatch": "libglvnd0",
    "libOpenGL": "libopengl0", "libbrotlicommon": "libbrotli1", "libbrotlidec": "libbrotli1",
    "libc": "libc6", "libm": "libc6", "libdl": "libc6", "libpthread": "libc6", "librt": "libc6",
    "libgcc_s": "libgcc-s1", "libz": "zlib1g", "libexpat": "libexpat1",
    "libudev": "libudev1", "libcap": "libcap2", "liblzma": "liblzma5",
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


def debian_package(soname: str) -> str:
    """The Debian package that holds a shared library (``libxcb-icccm.so.4`` → libxcb-icccm4).

    Debian names a library package after the library and its major version, with a hyphen
    when the name ends in a digit (``libX11.so.6`` → libx11-6); a few are bundled under
    another name (PACKAGE_OF_LIBRARY).
    """
    name, _so, version = soname.partition(".so")
    if name in PACKAGE_OF_LIBRARY:
        return PACKAGE_OF_LIBRARY[name]
    major = version.lstrip(".").split(".")[0]
    joiner = "-" if name[-1:].isdigit() and major else ""
    return f"{name.lower()}{joiner}{major}"


def qt_plugin_dir(venv: Path = VENV) -> Path | None:
    """The plugin folder of the PySide6 installed in ``venv`` (``None`` when not there)."""
    found = sorted(venv.glob("lib/python3*/site-packages/PySide6/Qt/plugins"))
    return found[-1] if found else None


def linked_libraries(plugin: Path) -> dict[str, str | None]:
    """What ``plugin`` links to, by ldd: library name → its file, ``None`` when not found."""
    result = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True)
    libraries: dict[str, str | None] = {}
    for line in result.stdout.splitlines():
        name, arrow, where = line.strip().partition(" => ")
        if not arrow:
            continue
        target = where.split(" (")[0].strip()
        libraries[name.strip()] = None if target == "not found" else target
    return libraries


def display_plugins(plugins: Path, variable: str) -> list[Path]:
    """The plugin files a desktop of kind ``variable`` (DISPLAY, WAYLAND_DISPLAY) loads."""
    return [path for pattern in DISPLAY_PLUGINS[variable] for path in sorted(plugins.glob(pattern))]


def missing_display_packages(variable: str, venv: Path = VENV) -> list[str]:
    """Debian packages holding libraries the ``variable`` desktop's Qt plugins cannot find."""
    plugins = qt_plugin_dir(venv)
    if plugins is None or not shutil.which("ldd"):
        return []
    missing: list[str] = []
    for plugin in display_plugins(plugins, variable):
        for soname, path in linked_libraries(plugin).items():
            package = debian_package(soname)
            if path is None and package not in missing:
                missing.append(package)
    return missing


def can_install() -> bool:
    """``True`` when we may install Debian packages ourselves (root with apt-get)."""
    return bool(shutil.which("apt-get")) and hasattr(os, "geteuid") and os.geteuid() == 0


def apt_install(packages: list[str]) -> None:
    """apt-get install ``packages`` (as root), without recommends and without questions."""
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run("apt-get", "update", "-q", env=env)
    run("apt-get", "install", "-y", "-q", "--no-install-recommends", *packages, env=env)


def ensure_system(include_tools: bool) -> None:
    """Install missing Debian packages when we may (root + apt-get); else say what to do."""
    missing = missing_debian_packages(include_tools)
    if not missing:
        return
    if can_install():
        apt_install(missing)
    else:
        print("Installeer eerst (als beheerder): apt-get install " + " ".join(missing))
        sys.exit(1)


def ensure_display() -> None:
    """On a Linux desktop: make sure Qt's xcb (and Wayland) plugins find every library.

    Qt itself stops with an English message (exit 250) that names the wrong library; we
    ask ldd what each plugin links to instead, install the missing packages as root, and
    otherwise name them in Dutch. Without xcb nothing opens, so that stops here; a missing
    Wayland library only costs the Wayland plugin (Qt then draws through XWayland).
    """
    if not sys.platform.startswith("linux"):
        return
    needed = {var: missing_display_packages(var) for var in DISPLAY_PLUGINS if os.environ.get(var)}
    missing = sorted({pkg for packages in needed.values() for pkg in packages})
    if not missing:
        return
    if can_install():
        apt_install(missing)
        return
    command = "sudo apt-get install " + " ".join(missing)
    if needed.get("DISPLAY"):
        print("Wijkapp kan geen venster openen: er ontbreken onderdelen van het systeem.\n"
              f"Installeer ze eerst (als beheerder):\n    {command}")
        sys.exit(1)
    print("Let op: voor Wayland ontbreken onderdelen; Wijkapp opent via X11.\n"
          f"Wilt u Wayland gebruiken, installeer dan (als beheerder):\n    {command}")


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
    ensure_display()
    if "--db" not in args:
        if not DEMO_DB.exists():
            DEMO_DB.parent.mkdir(exist_ok=True)
            run(python, "-m", "wijkapp.cli", "demo", "--db", DEMO_DB, cwd=ROOT)
        args = ["--db", str(DEMO_DB), *args]
    run(python, "-m", "ui.launcher", *args, cwd=ROOT)


def test(args: list[str]) -> None:
    """Lint, type-check and run the whole test suite (GUI offscreen)."""
    ensure_system(include_tools=True)
    python = ensure_venv("test")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    lint = [p for p in ("wijkapp", "ui", "tests", "bench", "dev.py") if (ROOT / p).exists()]
    run(python, "-m", "ruff", "check", *lint, cwd=ROOT)
    run(python, "-m", "mypy", cwd=ROOT)
    # One pytest worker per core (pytest-xdist); `dev.py test -n 0` runs them in one process.
    workers = [] if any(a == "-n" or a.startswith(("-n", "--numprocesses")) for a in args) \
        else ["-n", "auto"]
    run(python, "-m", "pytest", "-q", *workers, *args, cwd=ROOT, env=env)


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
