"""The Typst engine in the desktop bundle: shipped compressed, unpacked once on first use.

Typst's compiled extension (``typst/_typst.abi3.so``, ``_typst.pyd`` on Windows) is about
67 MB, a third of the whole app. The Linux and Windows bundles ship it xz-compressed
(about 21 MB, next to where the extension would be, with ``.xz`` added); the first PDF
unpacks it into the user's cache folder, checks its size and digest, and loads it from
there. Later PDFs load the unpacked copy directly (a few milliseconds). From a source
checkout or an installed wheel nothing happens: ``import typst`` works as usual.

:func:`load_typst` is the only entry point; the packing itself is done by
``packaging/wijkapp.spec`` (see packaging/README.md).
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import lzma
import os
import sys
import tempfile
import threading
from pathlib import Path
from types import ModuleType

import platformdirs

from ..i18n import _

PACKED_SUFFIX = ".xz"
_lock = threading.Lock()


def packed_extension() -> Path | None:
    """The compressed extension inside a frozen bundle, or ``None`` (not frozen/not packed)."""
    root = getattr(sys, "_MEIPASS", None)
    if not root:
        return None
    folder = Path(root) / "typst"
    return next(iter(sorted(folder.glob(f"_typst*{PACKED_SUFFIX}"))), None)


def _cache_folder() -> Path:
    return Path(platformdirs.user_cache_dir("Wijkapp", appauthor=False))


def _digest(path: Path) -> str:
    hasher = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


def unpack(packed: Path, cache: Path | None = None) -> Path:
    """The unpacked extension for ``packed``, unpacking it (atomically) when needed.

    The copy lives in a folder named after the packed file's digest, so a new Wijkapp
    never loads an old engine; a damaged or half-written copy is replaced.
    """
    key = _digest(packed)[:16]
    name = packed.name[: -len(PACKED_SUFFIX)]
    for base in (cache or _cache_folder(), Path(tempfile.gettempdir()) / "wijkapp-cache"):
        folder = base / f"typst-{key}"
        target = folder / name
        marker = folder / "ok"
        try:
            if target.is_file() and marker.is_file() and \
                    marker.read_text(encoding="ascii") == str(target.stat().st_size):
                return target
            folder.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(dir=folder, prefix=".unpack-")
            with os.fdopen(handle, "wb") as out, lzma.open(packed) as source:
                while block := source.read(1 << 20):
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp_name, target)
            marker.write_text(str(target.stat().st_size), encoding="ascii")
            return target
        except OSError:
            continue  # a read-only or full cache: try the temp folder
    raise OSError(_("De opmaak-onderdelen van Wijkapp konden niet worden uitgepakt; "
                  "is de schijf vol?"))


class _EngineFinder(importlib.abc.MetaPathFinder):
    """Finds ``typst._typst`` at the unpacked copy (the normal import does the rest)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def find_spec(self, fullname: str, path: object = None,
                  target: object = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != "typst._typst":
            return None
        return importlib.util.spec_from_file_location(fullname, self.path)


def load_typst() -> ModuleType:
    """``import typst``, unpacking the bundle's compressed engine first when there is one."""
    with _lock:
        if "typst._typst" not in sys.modules:
            packed = packed_extension()
            if packed is not None and not any(isinstance(f, _EngineFinder)
                                              for f in sys.meta_path):
                sys.meta_path.insert(0, _EngineFinder(unpack(packed)))
        import typst

        return typst
