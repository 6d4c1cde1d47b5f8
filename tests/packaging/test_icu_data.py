"""The smaller ICU data library of the Linux bundle: which items stay, and a faithful package."""

from __future__ import annotations

import ctypes
import struct
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import icu_data  # noqa: E402


@pytest.mark.parametrize(("name", "size", "kept"), [
    ("icudt73l/nl.res", 30_000, True),
    ("icudt73l/nl_BE.res", 2_000, True),
    ("icudt73l/en_GB.res", 2_000, True),
    ("icudt73l/root.res", 50_000, True),
    ("icudt73l/coll/nl.res", 1_000, True),
    ("icudt73l/coll/ucadata.icu", 400_000, True),
    ("icudt73l/coll/zh.res", 700_000, False),
    ("icudt73l/zone/de.res", 40_000, False),
    ("icudt73l/lang/sr_Latn.res", 20_000, False),
    ("icudt73l/zoneinfo64.res", 150_000, True),
    ("icudt73l/metaZones.res", 40_000, True),
    ("icudt73l/brkitr/line.brk", 60_000, True),
    ("icudt73l/brkitr/cjdict.dict", 2_000_000, False),
    ("icudt73l/translit/Latin_ASCII.res", 10_000, False),
    ("icudt73l/ibm-5348_P100-1997.cnv", 1_500, True),
    ("icudt73l/ibm-943_P15A-2003.cnv", 300_000, False),
    ("icudt73l/cnvalias.icu", 60_000, True),
    ("icudt73l/nfkc.nrm", 60_000, True),
])
def test_only_dutch_english_and_shared_data_stay(name: str, size: int, kept: bool) -> None:
    assert icu_data.keep_item(name, size) is kept


def _package(items: list[tuple[str, bytes]]) -> bytes:
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\x01\0\0\0", b"\x49\0\0\0")
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    return icu_data.write_package(header + b"\0" * (32 - len(header)), items)


def test_a_package_reads_back_item_for_item() -> None:
    items = [("icudt73l/a.res", b"\x20\x00\xda\x27" + b"a" * 13), ("icudt73l/nl.res", b"nl" * 40)]
    header, read = icu_data.read_package(_package(items))
    assert len(header) == 32
    assert [name for name, _ in read] == [name for name, _ in items]
    for (_, ours), (_, theirs) in zip(items, read, strict=True):
        assert theirs[: len(ours)] == ours and set(theirs[len(ours):]) <= {0xAA}


QT_ICU = Path(__import__("PySide6").__file__).parent / "Qt" / "lib" / "libicudata.so.73"


@pytest.mark.skipif(not QT_ICU.is_file(), reason="only the Linux Qt wheel brings its own ICU")
def test_the_real_library_round_trips_and_shrinks_to_a_loadable_library(tmp_path: Path) -> None:
    symbol, address, size = icu_data._data_symbol(QT_ICU)
    elf = QT_ICU.read_bytes()
    start = icu_data._section_offset(elf, address)
    original = elf[start:start + size]
    header, items = icu_data.read_package(original)
    assert icu_data.write_package(header, items) == original  # byte for byte
    copy = tmp_path / QT_ICU.name
    copy.write_bytes(elf)
    saved = icu_data.shrink_library(copy)
    assert saved > 20_000_000 and copy.stat().st_size < 8_000_000
    library = ctypes.CDLL(str(copy))
    data = ctypes.c_char.in_dll(library, symbol)
    assert bytes(ctypes.string_at(ctypes.addressof(data) + 12, 4)) == b"CmnD"
    _name, _address, new_size = icu_data._data_symbol(copy)
    _header, kept = icu_data.read_package(ctypes.string_at(ctypes.addressof(data), new_size))
    names = {name.split("/", 1)[1] for name, _ in kept}
    assert {"nl.res", "en.res", "root.res", "coll/nl.res", "zoneinfo64.res"} <= names
    assert "coll/zh.res" not in names
