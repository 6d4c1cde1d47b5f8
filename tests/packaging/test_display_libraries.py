"""dev.py start on a real desktop: what Qt's xcb and Wayland plugins link to, by ldd.

The package names dev.py installs (or names in Dutch) are checked against the system
itself: every library ldd finds for the installed plugins is owned, per dpkg, by exactly
the package :func:`dev.debian_package` names, and every library ldd cannot find is named
as a package apt knows.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


dev = load_dev()
VENV = Path(sys.prefix)  # the test runs inside the project's .venv
PLUGINS = dev.qt_plugin_dir(VENV)


def owners(paths: list[str]) -> dict[str, str]:
    """The Debian package that installed each path, by one dpkg call (usr-merged systems
    list /usr/lib where ldd says /lib)."""
    asked = {c: p for p in paths for c in (p, "/usr" + p) if not c.startswith("/usr/usr")}
    found = subprocess.run(["dpkg", "-S", *asked], capture_output=True, text=True)
    result: dict[str, str] = {}
    for line in found.stdout.splitlines():
        package, _sep, where = line.partition(": ")
        if where.strip() in asked:
            result[asked[where.strip()]] = package.split(":")[0]
    return result


needs_debian = pytest.mark.skipif(not shutil.which("dpkg") or not shutil.which("ldd"),
                                  reason="a Debian system with dpkg and ldd")


def test_the_installed_pyside6_has_both_desktop_plugins() -> None:
    assert PLUGINS is not None
    assert [p.name for p in dev.display_plugins(PLUGINS, "DISPLAY")][0] == "libqxcb.so"
    assert any(p.name.startswith("libqwayland")
               for p in dev.display_plugins(PLUGINS, "WAYLAND_DISPLAY"))


@needs_debian
@pytest.mark.parametrize("variable", ["DISPLAY", "WAYLAND_DISPLAY"])
def test_every_library_the_plugins_link_is_named_by_its_own_debian_package(
        variable: str) -> None:
    assert PLUGINS is not None
    libraries: dict[str, str] = {}
    for plugin in dev.display_plugins(PLUGINS, variable):
        for soname, path in dev.linked_libraries(plugin).items():
            if path is not None and "/PySide6/" not in path:  # not shipped with PySide6
                libraries[soname] = path
    assert "libxkbcommon.so.0" in libraries
    owned = owners(sorted(set(libraries.values())))
    named = {soname: dev.debian_package(soname) for soname, path in libraries.items()
             if path in owned}
    assert named == {soname: owned[path] for soname, path in libraries.items() if path in owned}
    assert len(named) >= 10


@needs_debian
@pytest.mark.parametrize("variable", ["DISPLAY", "WAYLAND_DISPLAY"])
def test_what_ldd_cannot_find_is_named_as_a_package_apt_knows(variable: str) -> None:
    assert PLUGINS is not None
    not_found = {soname for plugin in dev.display_plugins(PLUGINS, variable)
                 for soname, path in dev.linked_libraries(plugin).items() if path is None}
    missing = dev.missing_display_packages(variable, VENV)
    assert sorted(missing) == sorted({dev.debian_package(s) for s in not_found})
    if missing and shutil.which("apt-cache"):
        known = subprocess.run(["apt-cache", "show", "--no-all-versions", *missing],
                               capture_output=True, text=True)
        assert known.returncode == 0, known.stderr
        assert {line.split(": ")[1] for line in known.stdout.splitlines()
                if line.startswith("Package: ")} == set(missing)


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libX11.so.6", "libx11-6"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libwayland-cursor.so.0", "libwayland-cursor0"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libstdc++.so.6", "libstdc++6"),
])
def test_package_names_follow_debian_naming(soname: str, package: str) -> None:
    assert dev.debian_package(soname) == package
