"""Fixtures: a realistic board, a hostile board and (once it exists) the demo board."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from wijkapp.workspace import Workspace

from .boards import build_hostile, build_realistic


@dataclass
class Board:
    """An open workspace plus the ids a test needs (held, draft and planned meeting)."""

    name: str
    ws: Workspace
    ids: dict[str, Any]


@pytest.fixture(scope="session")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Board]:
    folder = tmp_path_factory.mktemp("real")
    with Workspace(folder / "wijk.sqlite") as ws:
        yield Board("real", ws, build_realistic(ws, folder))


@pytest.fixture(scope="session")
def nasty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Board]:
    folder = tmp_path_factory.mktemp("hostile")
    with Workspace(folder / "wijk.sqlite") as ws:
        yield Board("hostile", ws, build_hostile(ws))


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Board]:
    try:
        create_demo = importlib.import_module("wijkapp.demo").create_demo
    except (ImportError, AttributeError):
        pytest.skip("wijkapp.demo.create_demo bestaat nog niet")
    folder = tmp_path_factory.mktemp("demo")
    with Workspace(folder / "wijk.sqlite") as ws:
        create_demo(ws)
        meetings = ws.meetings.all()
        held = [m for m in meetings if m.status == "held"] or meetings
        drafts = [m for m in held if not m.minutes_approved] or held
        planned = ws.meetings.upcoming() or meetings
        ids = {"held": held[-1].id, "draft": drafts[-1].id, "planned": planned[0].id,
               "meetings": [m.id for m in meetings]}
        yield Board("demo", ws, ids)


@pytest.fixture(params=["real", "hostile", "demo"])
def board(request: pytest.FixtureRequest) -> Board:
    """Each board in turn: every export must work on all of them."""
    fixture = {"real": "real", "hostile": "nasty", "demo": "demo"}[request.param]
    return request.getfixturevalue(fixture)  # type: ignore[no-any-return]


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Board]:
    """A realistic board of its own, for tests that change it."""
    with Workspace(tmp_path / "wijk.sqlite") as ws:
        yield Board("fresh", ws, build_realistic(ws, tmp_path))
