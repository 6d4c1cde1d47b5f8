"""Modules stay small (STYLE.md habit 10): no source module over 600 lines."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 600


def test_no_source_module_over_600_lines() -> None:
    sizes = {str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
             for folder in ("wijkapp", "ui") for path in (ROOT / folder).rglob("*.py")}
    assert len(sizes) > 100  # both packages were measured
    assert {name: lines for name, lines in sizes.items() if lines > LIMIT} == {}
