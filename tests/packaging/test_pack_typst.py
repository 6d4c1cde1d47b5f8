"""Typst's engine packed for the bundle and unpacked on first use (no build needed)."""

from __future__ import annotations

import lzma
import sys
from pathlib import Path

import pytest

from wijkapp.export import typst_unpack

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from pack_typst import is_typst_extension, pack, pack_typst_extension  # noqa: E402


def _fake_engine(tmp_path: Path) -> Path:
    engine = tmp_path / "src" / "_typst.abi3.so"
    engine.parent.mkdir()
    engine.write_bytes(b"\x7fELF" + bytes(range(256)) * 4000)
    return engine


def test_the_spec_takes_only_the_typst_extension_out_of_the_binaries(tmp_path: Path) -> None:
    engine = _fake_engine(tmp_path)
    binaries = [("typst/_typst.abi3.so", str(engine), "EXTENSION"),
                ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY")]
    kept, packed = pack_typst_extension(binaries, tmp_path / "packed")
    assert kept == binaries[1:]
    ((name, source, kind),) = packed
    assert (name, kind) == ("typst/_typst.abi3.so.xz", "DATA")
    assert lzma.decompress(Path(source).read_bytes())[:4] == b"\x7fELF"
    assert is_typst_extension("typst\\_typst.pyd") and not is_typst_extension("typst/x.py")


def test_unpacking_happens_once_and_repairs_a_damaged_copy(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    engine = _fake_engine(tmp_path)
    bundle = tmp_path / "bundle"
    (bundle / "typst").mkdir(parents=True)
    packed = pack(engine, bundle / "typst" / "_typst.abi3.so.xz")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert typst_unpack.packed_extension() == packed
    cache = tmp_path / "cache"
    first = typst_unpack.unpack(packed, cache)
    assert first.read_bytes() == engine.read_bytes() and first.name == "_typst.abi3.so"
    stamp = first.stat().st_mtime_ns
    assert typst_unpack.unpack(packed, cache) == first
    assert first.stat().st_mtime_ns == stamp  # not unpacked again
    first.write_bytes(b"half")  # a copy cut off by a full disk
    assert typst_unpack.unpack(packed, cache).read_bytes() == engine.read_bytes()


def test_from_a_checkout_typst_imports_as_usual() -> None:
    assert typst_unpack.packed_extension() is None
    assert typst_unpack.load_typst().__name__ == "typst"
