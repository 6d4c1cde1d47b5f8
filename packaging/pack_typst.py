"""Ship Typst's compiled engine xz-compressed in the bundle (used by ``wijkapp.spec``).

Standard library only. The extension (``typst/_typst.abi3.so``; ``typst/_typst.pyd`` on
Windows) is taken out of PyInstaller's binaries, stripped of debug symbols on Linux, and
added as data with ``.xz`` appended; ``wijkapp.export.typst_unpack.load_typst`` unpacks it
on first use. The packed file is cached by the source's size and modification time.
"""

from __future__ import annotations

import lzma
import shutil
import subprocess
import sys
from pathlib import Path, PurePath

PACKED_SUFFIX = ".xz"  # the same as wijkapp.export.typst_unpack.PACKED_SUFFIX


def is_typst_extension(name: str) -> bool:
    """True for the bundle path of Typst's compiled extension."""
    parts = PurePath(name.replace("\\", "/")).parts
    return len(parts) == 2 and parts[0] == "typst" and parts[1].startswith("_typst.")


def pack(source: Path, target: Path) -> Path:
    """``source`` stripped (Linux) and xz-compressed to ``target``, unless already done."""
    stamp = f"{source.stat().st_size}-{source.stat().st_mtime_ns}"
    marker = target.with_name(target.name + ".stamp")
    if target.is_file() and marker.is_file() and marker.read_text() == stamp:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    work = target.with_name(target.name[: -len(PACKED_SUFFIX)] + ".work")
    shutil.copyfile(source, work)
    if sys.platform.startswith("linux") and shutil.which("strip"):
        # Not an ELF file strip understands: it is packed as it is.
        subprocess.run(["strip", "--strip-debug", "--strip-unneeded", str(work)], check=False,
                       capture_output=True)
    with open(work, "rb") as raw, lzma.open(target, "wb", preset=6) as packed:
        shutil.copyfileobj(raw, packed, 1 << 20)
    work.unlink()
    marker.write_text(stamp)
    return target


def pack_typst_extension(binaries: list, folder: Path) -> tuple[list, list]:
    """PyInstaller's binaries without the Typst extension, and the data entry of its packed
    copy (``[]`` when the build has no Typst extension)."""
    kept, packed = [], []
    for entry in binaries:
        name, source = entry[0], entry[1]
        if is_typst_extension(name):
            target = pack(Path(source), folder / (PurePath(name).name + PACKED_SUFFIX))
            packed.append((f"{name}{PACKED_SUFFIX}", str(target), "DATA"))
        else:
            kept.append(entry)
    return kept, packed
