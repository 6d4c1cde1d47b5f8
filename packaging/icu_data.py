"""A smaller ICU data library for the Linux bundle (used by ``build.py prune``).

Standard library only. The Qt wheels for Linux bring their own ICU, whose data library
(``libicudata.so.73``) is 32 MB: collation, names and break dictionaries for 800 locales
and converters for CJK and EBCDIC code pages. Wijkapp speaks Dutch and English, and Qt
uses ICU only for collation, case mapping, time zones and legacy text codecs. So the
build keeps:

* every item that does not belong to one locale (property, normalisation, time-zone and
  supplemental data, rule-based break iterators, code-page aliases);
* per-locale items only for ``root``, ``nl*`` and ``en*`` (names, collation, zones, …);
* the small single-byte converters, not the large multi-byte ones (CJK, EBCDIC);

and leaves out the word-break dictionaries for Chinese, Japanese, Thai, Lao, Burmese and
Khmer and the transliteration rules. The filtered package is linked back into a library
with the same name and symbol (``cc -shared``, the data placed with ``.incbin``), so Qt
loads it exactly as before. Where any step is impossible (no ``cc``, an unknown format)
the original library stays.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

#: A locale's own item: ``nl.res``, ``en_GB.res``, ``zh_Hant_HK.res``, ``sr_Latn.res``.
_LOCALE_ITEM = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]+)*\.res$")
_KEEP_LOCALES = re.compile(r"^(nl|en)(_|\.res$)")
#: Single-byte code pages are a few kB; the multi-byte ones (CJK, EBCDIC) up to 1 MB.
MAX_CONVERTER_BYTES = 64 * 1024
#: The filler ICU's own package tool puts between items.
_PAD = b"\xaa"


def keep_item(name: str, size: int) -> bool:
    """Whether the bundle keeps the ICU data item ``name`` (``icudt73l/coll/nl.res``)."""
    parts = name.split("/")[1:]  # without the package name
    if not parts:
        return True
    leaf = parts[-1]
    if parts[0] == "translit" or leaf.endswith(".dict"):
        return False
    if leaf.endswith(".cnv"):
        return size <= MAX_CONVERTER_BYTES
    if _LOCALE_ITEM.match(leaf):
        return bool(_KEEP_LOCALES.match(leaf))
    return True


def _section_offset(elf: bytes, address: int) -> int:
    """The file offset of virtual ``address`` in a 64-bit little-endian ELF file."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    for index in range(shnum):
        base = shoff + index * shentsize
        kind, = struct.unpack_from("<I", elf, base + 4)
        addr, offset, size = struct.unpack_from("<QQQ", elf, base + 0x10)
        if kind != 8 and addr <= address < addr + size:  # 8 = SHT_NOBITS
            return offset + address - addr
    raise ValueError(f"address {address:#x} is in no section")


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """``(name, address, size)`` of the ``icudtNN_dat`` symbol (via ``readelf``)."""
    output = subprocess.run(["readelf", "-Ws", "--dyn-syms", str(library)], check=True,
                            capture_output=True, text=True).stdout
    for line in output.splitlines():
        fields = line.split()
        if len(fields) >= 8 and re.fullmatch(r"icudt\d+_dat", fields[7]) and fields[6] != "UND":
            return fields[7], int(fields[1], 16), int(fields[2], 0)
    raise ValueError(f"no icudt*_dat symbol in {library.name}")


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """Split an ICU common-data package into its header and ``(name, item)`` pairs."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD" or data[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = header_size
    count, = struct.unpack_from("<I", data, toc)
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        end = data.index(b"\0", toc + name_offset)
        name = data[toc + name_offset:end].decode("ascii")
        stop = entries[index + 1][1] if index + 1 < count else len(data) - toc
        items.append((name, data[toc + data_offset:toc + stop]))
    return data[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common-data package of ``items`` (kept in their sorted order)."""
    count = len(items)
    names = b""
    name_offsets = []
    for name, _item in items:
        name_offsets.append(4 + 8 * count + len(names))
        names += name.encode("ascii") + b"\0"
    table_end = 4 + 8 * count + len(names)
    position = (table_end + 15) // 16 * 16
    body = bytearray(_PAD * (position - table_end))
    data_offsets = []
    for _name, item in items:
        data_offsets.append(position)
        padded = item + _PAD * ((16 - len(item) % 16) % 16)
        body += padded
        position += len(padded)
    table = struct.pack("<I", count) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True))
    return header + table + names + bytes(body)


def shrink_library(library: Path) -> int:
    """Replace ``library`` (libicudata) by one with the filtered data; return bytes saved.

    Returns 0 and leaves the file alone when the compiler or the format is missing.
    """
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or not shutil.which("readelf"):
        return 0
    try:
        symbol, address, size = _data_symbol(library)
        elf = library.read_bytes()
        start = _section_offset(elf, address)
        header, items = read_package(elf[start:start + size])
    except (ValueError, OSError, subprocess.CalledProcessError):
        return 0
    kept = [(name, item) for name, item in items if keep_item(name, len(item))]
    package = write_package(header, kept)
    soname = library.name
    with tempfile.TemporaryDirectory(prefix="wijkapp-icu-") as temp:
        folder = Path(temp)
        (folder / "icu.dat").write_bytes(package)
        (folder / "icudata.c").write_text(
            "__asm__(\".section .rodata\\n.globl " + symbol + "\\n.type " + symbol
            + ", @object\\n.balign 16\\n" + symbol + ":\\n.incbin \\\"icu.dat\\\"\\n.size "
            + symbol + ", .-" + symbol + "\\n.previous\\n\");\n", encoding="ascii")
        out = folder / soname
        result = subprocess.run([compiler, "-shared", "-fPIC", "-nostdlib", "-o", str(out),
                                 "icudata.c", f"-Wl,-soname,{soname}"], cwd=folder,
                                capture_output=True)
        if result.returncode != 0 or not out.is_file():
            return 0
        before = library.stat().st_size
        shutil.copyfile(out, library)
    return before - library.stat().st_size
