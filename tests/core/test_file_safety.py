"""Attachments stay inside their folder, files are private, a FIFO or folder as --db is
refused at once (issue 11, security)."""

from __future__ import annotations

import io
import os
import stat
import threading
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader

from wijkapp.attachments import is_sha256
from wijkapp.cli import main
from wijkapp.errors import ImportFormatError, ValidationError
from wijkapp.exchange import export_data, import_data
from wijkapp.export import export
from wijkapp.export.content import board_logo
from wijkapp.workspace import Workspace

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763"
    "f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def _images(pdf: Path) -> int:
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    count = 0
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        count += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
    return count


@pytest.mark.parametrize("value, ok", [
    ("a" * 64, True), ("0123456789abcdef" * 4, True), ("A" * 64, False), ("a" * 63, False),
    ("a" * 65, False), ("a" * 64 + "\n", False), ("../" + "a" * 61, False), ("/etc/passwd", False),
    (None, False), (1, False),
])
def test_sha256_is_exactly_64_lowercase_hex(value: object, ok: bool) -> None:
    assert is_sha256(value) is ok


@pytest.mark.parametrize("evil", ["../../../geheim.png", "/tmp/geheim.png", "aa/../../geheim"])
def test_an_exchange_file_cannot_point_an_attachment_outside_the_folder(
    ws: Workspace, tmp_path: Path, evil: str
) -> None:
    secret = tmp_path / "geheim.png"
    secret.write_bytes(PNG)
    data = export_data(ws)
    attachment_id = str(uuid.uuid4())
    row = {"id": attachment_id, "board_id": ws.board_id, "owner_kind": "boards", "owner_id": None,
           "filename": "logo.png", "sha256": evil if not evil.startswith("/tmp") else str(secret),
           "size": len(PNG), "media_type": "image/png",
           "created_at": "2026-01-01T10:00:00+01:00", "updated_at": "2026-01-01T10:00:00+01:00",
           "deleted_at": None}
    data["tables"]["attachments"] = [row]
    data["tables"]["boards"][0]["logo_attachment_id"] = attachment_id
    data["tables"]["boards"][0]["updated_at"] = "2099-01-01T00:00:00+01:00"
    with pytest.raises(ImportFormatError, match="vingerafdruk"):
        import_data(ws, data)
    assert ws.board.logo_attachment_id is None


def test_a_poisoned_row_or_a_planted_link_never_puts_a_disk_file_in_a_pdf(
    ws: Workspace, tmp_path: Path
) -> None:
    secret = tmp_path / "geheim.png"
    secret.write_bytes(PNG)
    meeting = ws.meetings.create("2026-10-01 19:30").id
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    ws.attachments.add(logo, "boards", ws.board_id)
    attachment = ws.attachments.all()[0]
    ws.boards.update(ws.board_id, logo_attachment_id=attachment.id)
    out = tmp_path / "uit"
    out.mkdir()
    assert board_logo(ws) is not None
    assert _images(export(ws, "agenda", out / "met-logo.pdf", meeting_id=meeting)) == 1
    # The row now holds a path instead of a hash (as an old import could have written it).
    for evil in (str(secret), "../../geheim.png"):
        with ws.store.lock:
            ws.store.conn.execute("UPDATE attachments SET sha256 = ?", [evil])
        assert board_logo(ws) is None
        with pytest.raises(ValidationError):
            ws.attachments.path_of(ws.attachments.get(attachment.id))
        assert _images(export(ws, "agenda", out / "zonder.pdf", meeting_id=meeting)) == 0
    # A link planted inside the attachments folder that points outside is never followed.
    with ws.store.lock:
        ws.store.conn.execute("UPDATE attachments SET sha256 = ?", [attachment.sha256])
    stored = ws.attachments.folder / attachment.sha256[:2] / attachment.sha256
    stored.unlink()
    stored.symlink_to(secret)
    assert board_logo(ws) is None
    assert _images(export(ws, "agenda", out / "link.pdf", meeting_id=meeting)) == 0


def test_an_existing_0644_database_becomes_0600_and_attachments_0700(tmp_path: Path) -> None:
    db = tmp_path / "open.sqlite"
    with Workspace(db) as ws:
        ws.boards.create("Wijkplatform Rechten")
        logo = tmp_path / "logo.png"
        logo.write_bytes(PNG)
        ws.attachments.add(logo)
        folder = ws.attachments.folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    os.chmod(db, 0o644)
    os.chmod(folder, 0o755)
    with Workspace(db) as ws:
        assert stat.S_IMODE(db.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert ws.board.name == "Wijkplatform Rechten"


@pytest.mark.parametrize("command", [
    ["check"], ["search", "x"], ["backup"], ["export", "json", "--out", "{tmp}/uit.json"],
    ["import", "{tmp}/bestaat-niet.json"], ["demo"],
])
def test_a_fifo_or_folder_as_db_gets_a_dutch_sentence_at_once(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pijp.sqlite"
    os.mkfifo(fifo)
    folder = tmp_path / "map.sqlite"
    folder.mkdir()
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    for db in (fifo, folder):
        codes: list[int] = []
        worker = threading.Thread(
            target=lambda codes=codes, db=db: codes.append(main([*argv, "--db", str(db)])),
            daemon=True)
        worker.start()
        worker.join(10)
        if worker.is_alive():  # unblock the hanging open so the test process can end
            with open(fifo, "wb"):
                pass
            pytest.fail(f"{argv} hangs on {db}")
        err = capsys.readouterr().err
        assert codes == [1], err
        assert "onverwachts" not in err and ("map" in err or "pijp" in err), err
    assert stat.S_ISFIFO(fifo.stat().st_mode) and folder.is_dir() and not any(folder.iterdir())


def test_a_fifo_as_exchange_file_is_refused(ws: Workspace, tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.json"
    os.mkfifo(fifo)
    from wijkapp.exchange import import_json

    with pytest.raises(ImportFormatError, match="geen gewoon bestand"):
        import_json(ws, fifo)
