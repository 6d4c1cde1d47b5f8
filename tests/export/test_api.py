"""The public door: FORMATS, export() and suggested_filename(); opening a file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wijkapp.errors import ValidationError
from wijkapp.export import FORMATS, export, suggested_filename
from wijkapp.export.open_file import open_command, open_with_system
from wijkapp.workspace import Workspace

from .conftest import Board


def test_formats_are_named_in_dutch() -> None:
    assert set(FORMATS) == {"agenda", "minutes", "summary", "decisions", "actions", "docx", "ics",
                            "vcard", "csv", "xlsx", "presentielijst"}
    assert all(description[0].isupper() for description in FORMATS.values())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"fmt": "pptx"}, "bestaat niet"),
        ({"fmt": "agenda"}, "Kies een vergadering"),
        ({"fmt": "minutes", "meeting_id": "geen-id"}, "bestaat niet"),
        ({"fmt": "csv", "csv_kind": "buurten"}, "bestaat niet"),
    ],
)
def test_wrong_requests_get_a_dutch_sentence(
    real: Board, tmp_path: Path, kwargs: dict[str, str], message: str
) -> None:
    fmt = kwargs.pop("fmt")
    with pytest.raises(ValidationError, match=message):
        export(real.ws, fmt, tmp_path / "x", **kwargs)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_a_file_without_a_board_is_refused(tmp_path: Path) -> None:
    with Workspace(tmp_path / "leeg.sqlite") as ws:
        with pytest.raises(ValidationError, match="wijkplatform"):
            export(ws, "vcard", tmp_path / "c.vcf")


def test_a_missing_folder_is_refused(real: Board, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="bestaat niet"):
        export(real.ws, "vcard", tmp_path / "nergens" / "c.vcf")


def test_latest_means_the_most_recent_meeting(real: Board, tmp_path: Path) -> None:
    out = export(real.ws, "docx", tmp_path / "v.docx", meeting_id="latest")
    assert out.stat().st_size > 0


def test_export_to_a_folder_uses_the_suggested_name(real: Board, tmp_path: Path) -> None:
    out = export(real.ws, "minutes", tmp_path, meeting_id=real.ids["draft"])
    assert out == tmp_path / "Verslag 2026-11-12 Wijkplatform Geleen-Zuid.pdf"
    assert out.read_bytes().startswith(b"%PDF")


def test_a_failed_export_leaves_the_old_file_alone(fresh: Board, tmp_path: Path) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    target = folder / "verslag.pdf"
    target.write_bytes(b"old")
    fresh.ws.meetings.cancel(fresh.ids["planned"])
    with pytest.raises(ValidationError):
        export(fresh.ws, "minutes", target, meeting_id=fresh.ids["planned"])
    assert target.read_bytes() == b"old"
    assert sorted(os.listdir(folder)) == ["verslag.pdf"]


def test_export_replaces_an_existing_file(real: Board, tmp_path: Path) -> None:
    target = tmp_path / "c.vcf"
    target.write_bytes(b"old")
    export(real.ws, "vcard", target)
    assert target.read_bytes().startswith(b"BEGIN:VCARD")


@pytest.mark.parametrize(
    ("fmt", "kwargs", "name"),
    [
        ("minutes", {"meeting_id": "draft"}, "Verslag 2026-11-12 Wijkplatform Geleen-Zuid.pdf"),
        ("docx", {"meeting_id": "draft"}, "Verslag 2026-11-12 Wijkplatform Geleen-Zuid.docx"),
        ("agenda", {"meeting_id": "planned"}, "Agenda 2026-12-03 Wijkplatform Geleen-Zuid.pdf"),
        ("ics", {}, "Vergaderingen Wijkplatform Geleen-Zuid.ics"),
        ("actions", {"year": 2026}, "Actiepuntenlijst 2026 Wijkplatform Geleen-Zuid.pdf"),
        ("decisions", {}, "Besluitenlijst Wijkplatform Geleen-Zuid.pdf"),
        ("vcard", {}, "Contacten Wijkplatform Geleen-Zuid.vcf"),
        ("csv", {"csv_kind": "requests"}, "Verzoeken Wijkplatform Geleen-Zuid.csv"),
    ],
)
def test_suggested_filenames(real: Board, fmt: str, kwargs: dict[str, object], name: str) -> None:
    if "meeting_id" in kwargs:
        kwargs["meeting_id"] = real.ids[str(kwargs["meeting_id"])]
    assert suggested_filename(real.ws, fmt, **kwargs) == name  # type: ignore[arg-type]


def test_suggested_filename_of_a_hostile_board_is_safe(nasty: Board) -> None:
    name = suggested_filename(nasty.ws, "minutes", nasty.ids["held"])
    assert name.endswith(".pdf") and len(name) <= 160
    assert not set('<>:"/\\|?*') & set(name)
    assert all(ord(char) < 0x1F000 and char.isprintable() for char in name)


@pytest.mark.parametrize(
    ("platform", "command"),
    [("win32", None), ("darwin", ["open", "/tmp/a.pdf"]), ("linux", ["xdg-open", "/tmp/a.pdf"])],
)
def test_open_command_per_system(platform: str, command: list[str] | None) -> None:
    assert open_command(Path("/tmp/a.pdf"), platform) == command


def test_opening_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="bestaat niet"):
        open_with_system(tmp_path / "weg.pdf")
