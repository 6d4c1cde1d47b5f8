#!/usr/bin/env python3
"""Build, prune, smoke-test and package the Wijkapp desktop app (packaging/README.md).

    python3 packaging/build.py                build + prune + smoke-test (the default)
    python3 packaging/build.py build          PyInstaller one-folder build (pruned) in dist/
    python3 packaging/build.py prune [DIR]    remove what the app never uses from a build
    python3 packaging/build.py smoke-test     run the frozen app's --selftest (offscreen)
    python3 packaging/build.py tarball        Linux: dist/Wijkapp-<version>-linux-<arch>.tar.gz
    python3 packaging/build.py installer      Windows: Inno Setup .exe; macOS: .dmg
    python3 packaging/build.py icons          render resources/icons/ from the SVG sources

Options: ``--python PATH`` builds with that interpreter instead of the project's .venv
(which is made and filled as ``dev.py`` does, with the ``[build]`` extra). Standard library
only, so it runs on a clean machine with any Python 3.11+.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = HERE / "wijkapp.spec"
ICONS = ROOT / "resources" / "icons"
APP_ID = "nl.wijkapp.Wijkapp"
#: The largest unpacked bundle we ship (MB = 1,000,000 bytes).
MAX_BUNDLE_MB = 150
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SMOKE_TIMEOUT_S = 180

sys.path.insert(0, str(HERE))
sys.path.insert(1, str(ROOT))
from icu_data import shrink_library as shrink_icu_library  # noqa: E402
from pruning import drop_reason  # noqa: E402

import dev  # noqa: E402 - the project's own venv helpers (write it once)


def version() -> str:
    """The app version, read from wijkapp/__init__.py without importing it."""
    text = (ROOT / "wijkapp" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match, "no __version__ in wijkapp/__init__.py"
    return match.group(1)


def bundle_dir() -> Path:
    """The one-folder build (inside the .app on macOS)."""
    if sys.platform == "darwin":
        return DIST / "Wijkapp.app"
    return DIST / "Wijkapp"


def executable() -> Path:
    """The frozen app's executable."""
    if sys.platform == "darwin":
        return DIST / "Wijkapp.app" / "Contents" / "MacOS" / "Wijkapp"
    return DIST / "Wijkapp" / ("Wijkapp.exe" if os.name == "nt" else "Wijkapp")


def bundle_bytes(folder: Path) -> int:
    """Unpacked size of a folder: every file once, symlinks as links."""
    total = 0
    for base, _dirs, files in os.walk(folder):
        for name in files:
            total += os.lstat(os.path.join(base, name)).st_size
    return total


def build_python(args: argparse.Namespace) -> Path:
    """The interpreter that builds: ``--python``, else the project's .venv with [build]."""
    if args.python:
        return Path(args.python)
    dev.ensure_system(include_tools=False)  # Qt's shared libraries, for the smoke test
    if sys.platform.startswith("linux") and not shutil.which("objdump"):
        if shutil.which("apt-get") and os.geteuid() == 0:
            dev.run("apt-get", "install", "-y", "-q", "--no-install-recommends", "binutils")
        else:
            sys.exit("Installeer eerst binutils (objdump en strip), bv. apt-get install binutils.")
    return dev.ensure_venv("build")


def compile_catalogs(python: Path) -> None:
    """Build every .mo from its .po (the .mo files are never committed)."""
    dev.run(python, "-c",
            "from wijkapp.i18n import LANGUAGES, compile_catalog\n"
            "for lang in LANGUAGES: compile_catalog(lang)", cwd=ROOT)


def write_windows_version_file() -> Path:
    """The version resource of Wijkapp.exe (PyInstaller's VSVersionInfo format)."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", version())[:3]) + (0,)
    numbers = (numbers + (0, 0, 0, 0))[:4]
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('041304B0', [
      StringStruct('CompanyName', 'Wijkapp'),
      StringStruct('FileDescription', 'Wijkapp - vergaderen, notuleren en opvolgen voor een wijkplatform'),
      StringStruct('FileVersion', '{version()}'),
      StringStruct('InternalName', 'Wijkapp'),
      StringStruct('LegalCopyright', 'GPL-3.0-or-later'),
      StringStruct('OriginalFilename', 'Wijkapp.exe'),
      StringStruct('ProductName', 'Wijkapp'),
      StringStruct('ProductVersion', '{version()}')])]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200])])
  ]
)
"""
    path = WORK / "version_info.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def cmd_build(args: argparse.Namespace) -> None:
    """PyInstaller one-folder build from the shared spec, then prune and report the size."""
    python = build_python(args)
    compile_catalogs(python)
    env = dict(os.environ)
    if os.name == "nt":
        env["WIJKAPP_VERSION_FILE"] = str(write_windows_version_file())
    started = time.perf_counter()
    dev.run(python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
            "--workpath", WORK, "--distpath", DIST, SPEC, cwd=ROOT, env=env)
    print(f"PyInstaller klaar in {time.perf_counter() - started:.0f} s.")
    prune(bundle_dir())
    if sys.platform == "darwin":
        # Pruning after PyInstaller's ad-hoc signature breaks the seal: sign again
        # (ad hoc here; with the Developer ID for a release, see README).
        identity = os.environ.get("WIJKAPP_SIGN_IDENTITY", "-")
        release = [] if identity == "-" else [
            "--options", "runtime", "--timestamp",
            "--entitlements", str(HERE / "macos" / "entitlements.plist")]
        dev.run("codesign", "--force", "--deep", *release, "--sign", identity, bundle_dir())
    report_size(bundle_dir())


def cmd_prune(args: argparse.Namespace) -> None:
    """Prune an existing build folder (default: the one in dist/)."""
    folder = Path(args.dir) if args.dir else bundle_dir()
    prune(folder)
    report_size(folder)


def prune(folder: Path) -> int:
    """Remove files the rules in pruning.py reject, and (Linux) libraries nothing loads."""
    if not folder.is_dir():
        sys.exit(f"Er is geen build in {folder}; draai eerst 'python packaging/build.py build'.")
    freed: dict[str, int] = {}
    for path in sorted(folder.rglob("*")):
        if not (path.is_file() or path.is_symlink()):
            continue
        reason = drop_reason(path.relative_to(folder).as_posix())
        if reason:
            freed[reason] = freed.get(reason, 0) + os.lstat(path).st_size
            path.unlink()
    if sys.platform.startswith("linux"):
        for path in orphan_libraries(folder):
            freed["ongebruikte bibliotheek"] = (freed.get("ongebruikte bibliotheek", 0)
                                                + os.lstat(path).st_size)
            path.unlink()
        for path in folder.rglob("libicudata.so*"):
            if path.is_file() and not path.is_symlink():
                saved = shrink_icu_library(path)  # ICU data for root, nl and en only
                freed["ICU-gegevens"] = freed.get("ICU-gegevens", 0) + saved
    for path in [p for p in folder.rglob("*") if p.is_symlink() and not p.exists()]:
        path.unlink()  # links to files that went
    for base, dirs, files in os.walk(folder, topdown=False):
        if not dirs and not files and Path(base) != folder:
            Path(base).rmdir()
    total = sum(freed.values())
    details = ", ".join(f"{why} {size / 1e6:.1f} MB" for why, size in sorted(freed.items()))
    print(f"Opgeschoond: {total / 1e6:.1f} MB" + (f" ({details})" if details else ""))
    return total


ELF_MAGIC = b"\x7fELF"


def _needed(path: Path) -> list[str]:
    """The DT_NEEDED sonames of an ELF file (via readelf)."""
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def orphan_libraries(folder: Path) -> list[Path]:
    """Shared libraries in the bundle that no kept executable, module or plugin needs.

    Roots are the executable, Python extension modules and Qt plugins; a library is kept
    when it is reachable from a root through DT_NEEDED. What Qt opens at run time by name
    (libdbus, libGL, libssl) comes from the system when it is not bundled.
    """
    elves = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()
             and p.open("rb").read(4) == ELF_MAGIC]
    by_name: dict[str, Path] = {}
    for path in folder.rglob("*"):
        if path.is_file() and (path.is_symlink() or path in elves):
            by_name.setdefault(path.name, path.resolve())

    def is_library(path: Path) -> bool:
        return (path.name.startswith("lib") and ".so" in path.name and "plugins" not in path.parts
                and "python3" not in path.name and not path.name.startswith("libpyside")
                and not path.name.startswith("libshiboken"))

    roots = [p for p in elves if not is_library(p)]
    reachable: set[Path] = set()
    todo = list(roots)
    while todo:
        current = todo.pop()
        for soname in _needed(current):
            target = by_name.get(soname)
            if target is not None and target not in reachable:
                reachable.add(target)
                todo.append(target)
    orphans = [p for p in elves if is_library(p) and p.resolve() not in reachable]
    links = [p for p in folder.rglob("*") if p.is_symlink()
             and p.resolve() in {o.resolve() for o in orphans}]
    return orphans + links


def report_size(folder: Path) -> None:
    """Print the unpacked size; stop with an error above the budget."""
    size = bundle_bytes(folder) / 1e6
    print(f"Grootte van de bundel (uitgepakt): {size:.1f} MB (grens {MAX_BUNDLE_MB} MB) "
          f"in {folder}")
    if size > MAX_BUNDLE_MB:
        sys.exit(f"De bundel is te groot: {size:.1f} MB > {MAX_BUNDLE_MB} MB.")


def frozen_env(home: Path) -> dict[str, str]:
    """A clean environment for the frozen app: offscreen, no checkout on any path."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "WIJKAPP_", "QT_")) and k != "VIRTUAL_ENV"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), WIJKAPP_CONFIG_DIR=str(home / "voorkeuren"))
    return env


def cmd_smoke_test(args: argparse.Namespace) -> None:
    """Run the frozen app's --selftest, then its portable mode; exit 1 on any failure."""
    exe = executable()
    if not exe.exists():
        sys.exit(f"{exe} ontbreekt; draai eerst 'python packaging/build.py build'.")
    with tempfile.TemporaryDirectory(prefix="wijkapp-smoke-") as temp:
        env = frozen_env(Path(temp))
        started = time.perf_counter()
        result = subprocess.run([str(exe), "--selftest"], cwd=temp, env=env, text=True,
                                capture_output=True, timeout=SMOKE_TIMEOUT_S)
        seconds = time.perf_counter() - started
        print(result.stdout.strip())
        if result.returncode != 0:
            print(result.stderr.strip()[-3000:], file=sys.stderr)
            sys.exit(f"Rooktest mislukt (exitcode {result.returncode}).")
        print(f"Rooktest --selftest geslaagd in {seconds:.1f} s (exitcode 0).")
        smoke_portable(exe, env, Path(temp))


def smoke_portable(exe: Path, env: dict[str, str], temp: Path) -> None:
    """With portable.txt next to the executable, 'demo' writes beside it, not in HOME."""
    marker = exe.parent / "portable.txt"
    data = exe.parent / "Wijkapp-gegevens"
    if marker.exists() or data.exists():
        sys.exit(f"{marker} of {data} bestaat al; haal ze weg voor de rooktest.")
    marker.write_text("Wijkapp bewaart de gegevens in de map Wijkapp-gegevens hiernaast.\n")
    try:
        result = subprocess.run([str(exe), "demo"], cwd=temp, env=env, text=True,
                                capture_output=True, timeout=SMOKE_TIMEOUT_S)
        database = data / "wijkapp.sqlite"
        if result.returncode != 0 or not database.is_file():
            print(result.stdout + result.stderr, file=sys.stderr)
            sys.exit("Rooktest mislukt: de draagbare modus schreef niet naast het programma.")
        print(f"Draagbare modus geslaagd: {result.stdout.strip()}")
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(data, ignore_errors=True)


def cmd_all(args: argparse.Namespace) -> None:
    """Build, prune, report the size and smoke-test."""
    started = time.perf_counter()
    cmd_build(args)
    cmd_smoke_test(args)
    print(f"Klaar in {time.perf_counter() - started:.0f} s: {bundle_dir()}")


def cmd_tarball(args: argparse.Namespace) -> None:
    """Linux: the one-folder build with desktop file, metainfo, icons and install.sh."""
    folder = bundle_dir()
    if not executable().exists():
        sys.exit("Er is nog geen build; draai eerst 'python packaging/build.py'.")
    name = f"Wijkapp-{version()}-linux-{platform.machine()}"
    out = DIST / f"{name}.tar.gz"
    linux = HERE / "linux"
    extras = {
        "install.sh": linux / "install.sh",
        f"share/applications/{APP_ID}.desktop": linux / f"{APP_ID}.desktop",
        f"share/metainfo/{APP_ID}.metainfo.xml": linux / f"{APP_ID}.metainfo.xml",
        f"share/mime/packages/{APP_ID}.mime.xml": linux / f"{APP_ID}.mime.xml",
        f"share/icons/hicolor/scalable/apps/{APP_ID}.svg": ICONS / "wijkapp.svg",
    }
    for size in PNG_SIZES:
        extras[f"share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png"] = ICONS / f"wijkapp-{size}.png"

    def executable_bits(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=name, filter=executable_bits)
        for arcname, source in extras.items():
            tar.add(source, arcname=f"{name}/{arcname}", filter=executable_bits)
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB)")


def cmd_installer(args: argparse.Namespace) -> None:
    """Windows: Inno Setup installer; macOS: DMG; Linux: the tarball."""
    if os.name == "nt":
        iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
        dev.run(iscc, f"/DAppVersion={version()}", f"/DSourceDir={bundle_dir()}",
                f"/DOutputDir={DIST}", HERE / "windows" / "wijkapp.iss")
    elif sys.platform == "darwin":
        dev.run("bash", HERE / "macos" / "make_dmg.sh", bundle_dir(),
                DIST / f"Wijkapp-{version()}.dmg")
    else:
        cmd_tarball(args)


def cmd_icons(args: argparse.Namespace) -> None:
    """Render the PNG, ICO and ICNS icons from the hand-written SVG sources.

    16 px comes from ``wijkapp-16.svg`` (drawn on the pixel grid); every other size from
    ``wijkapp.svg``. Needs cairosvg (and the cairo library) and Pillow in the build venv.
    """
    python = build_python(args)
    dev.run(python, "-m", "pip", "install", "-q", "cairosvg>=2.7", "Pillow>=10.1")
    script = f"""
import io
from pathlib import Path
import cairosvg
from PIL import Image
icons = Path({str(ICONS)!r})
def render(size):
    source = icons / ("wijkapp-16.svg" if size <= 16 else "wijkapp.svg")
    png = cairosvg.svg2png(url=str(source), output_width=size, output_height=size)
    return Image.open(io.BytesIO(png)).convert("RGBA")
images = {{size: render(size) for size in sorted(set({PNG_SIZES!r} + {ICO_SIZES!r} + (1024,)))}}
for size in {PNG_SIZES!r}:
    images[size].save(icons / f"wijkapp-{{size}}.png", optimize=True)
big = images[256]
big.save(icons / "wijkapp.ico", sizes=[(s, s) for s in {ICO_SIZES!r}],
         append_images=[images[s] for s in {ICO_SIZES!r} if s != 256])
images[1024].save(icons / "wijkapp.icns", append_images=[images[s] for s in (16, 32, 64, 128, 256, 512)])
"""
    dev.run(python, "-c", script, cwd=ROOT)
    for path in sorted(ICONS.iterdir()):
        print(f"  {path.relative_to(ROOT)}  {path.stat().st_size / 1024:.1f} kB")


COMMANDS = {
    "all": cmd_all, "build": cmd_build, "prune": cmd_prune, "smoke-test": cmd_smoke_test,
    "tarball": cmd_tarball, "installer": cmd_installer, "icons": cmd_icons,
}


def main(argv: list[str] | None = None) -> None:
    """Parse the subcommand (default: all) and run it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", nargs="?", default="all", choices=sorted(COMMANDS))
    parser.add_argument("dir", nargs="?", help="map om op te schonen (alleen bij prune)")
    parser.add_argument("--python", help="bouw met deze Python in plaats van .venv")
    args = parser.parse_args(argv)
    COMMANDS[args.command](args)


if __name__ == "__main__":
    main()
