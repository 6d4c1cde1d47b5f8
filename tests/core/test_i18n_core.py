"""The core speaks the UI language too: every user-facing error sentence raised in wijkapp/
is marked for translation (whole sentences with placeholders, never glued pieces), every
field label and undo step name reaches the catalog, and in English they come out English."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from wijkapp.errors import NotFoundError, ValidationError
from wijkapp.file_errors import disk_problem
from wijkapp.i18n import set_language
from wijkapp.i18n_tools import extract, missing
from wijkapp.workspace import Workspace

CORE = Path(__file__).resolve().parents[2] / "wijkapp"
#: Modules whose sentences are never shown in the app: the command line speaks Dutch only
#: (DESIGN §8: "one clear Dutch sentence on stderr"), the exchange import is a command,
#: the self-test is for packagers; paths.py fails before any catalog can be found.
NOT_IN_THE_APP = {
    "cli.py", "overview_cli.py", "selftest.py", "exchange.py", "import_rules.py", "paths.py",
    "i18n_tools.py", "plainlang/cli.py", "sync/cli.py",
}
#: Errors for programmers (a wrong argument in our own code), never shown to a user.
PROGRAMMER_ERRORS = {"ValueError", "TypeError", "KeyError", "NotImplementedError",
                     "AssertionError", "RuntimeError"}
#: Cleaners whose first argument is a field label shown in error sentences.
LABEL_CLEANERS = {"text", "date", "datetime"}


def _modules() -> list[tuple[str, ast.Module]]:
    found = []
    for path in sorted(CORE.rglob("*.py")):
        name = path.relative_to(CORE).as_posix()
        if name not in NOT_IN_THE_APP:
            found.append((name, ast.parse(path.read_text(encoding="utf-8"))))
    return found


def _is_plain_text(node: ast.expr) -> bool:
    """A literal or f-string, or one with ``.format``/``.replace``/``%``/``+`` on it: text that
    was not passed through ``_``/``ngettext``."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_plain_text(node.left) or _is_plain_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _is_plain_text(node.func.value)
    return False


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def test_every_error_sentence_in_the_core_is_marked_for_translation() -> None:
    unmarked = []
    for module, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _name(node.func)
            if name.endswith("Error") and name not in PROGRAMMER_ERRORS \
                    and _is_plain_text(node.args[0]):
                unmarked.append(f"{module}:{node.lineno} {name}")
    assert unmarked == []


def test_field_labels_and_undo_steps_are_marked() -> None:
    unmarked = []
    for module, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            label = None
            if name in LABEL_CLEANERS and isinstance(node.func, ast.Name) and node.args:
                label = node.args[0]
            elif name == "choice" and isinstance(node.func, ast.Name) and len(node.args) > 1:
                label = node.args[1]
            elif name == "_update" and len(node.args) > 2:
                label = node.args[2]
            if label is not None and _is_plain_text(label):
                unmarked.append(f"{module}:{node.lineno} {name}")
    assert unmarked == []


def test_the_catalog_holds_the_core_labels_and_step_names() -> None:
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extract() if m.id}
    assert {"Agendapunt verwijderd", "Besluit toegevoegd", "Verzoek verstuurd",  # steps
            "De naam", "De aantekeningen", "datum van ontvangst",  # field labels
            "{label} moet tekst zijn.", "Deze vergadering bestaat niet (meer)."} <= ids
    assert not [i for i in ids if not any(ch.isalpha() for ch in i)]  # no "\n" or "."


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    try:
        yield
    finally:
        set_language("nl")


def test_core_errors_and_undo_names_come_out_in_english(english: None, tmp_path: Path) -> None:
    with Workspace(tmp_path / "w.sqlite") as ws:
        board = ws.boards.create("Wijkplatform Engels")
        assert board is not None
        with pytest.raises(NotFoundError) as missing:
            ws.meetings.get("nope")
        assert str(missing.value) == "This meeting does not exist (any more)."
        with pytest.raises(ValidationError) as empty:
            ws.requests.add("")
        assert str(empty.value) == "Please fill in the subject."
        with pytest.raises(ValidationError) as long:
            ws.requests.add("x" * 1001)
        assert str(long.value) == "The subject is too long (1,001 characters; at most 1,000)."
        request_id = ws.requests.add("Lantaarnpaal").id
        assert ws.undo_name == "Request added"
        with pytest.raises(ValidationError) as bad_date:
            ws.requests.mark_sent(request_id, "gisteren")
        assert "cannot be read" in str(bad_date.value) and "gisteren" in str(bad_date.value)
        ws.requests.mark_sent(request_id, "2026-01-05")
        assert ws.undo_name == "Request sent"
        ws.undo()
        assert ws.redo_name == "Request sent"
    full = disk_problem(tmp_path / "w.sqlite", OSError(28, "No space left on device"))
    assert str(full).startswith("The disk is full: Wijkapp cannot use 'w.sqlite' now.")


def test_dutch_stays_dutch(tmp_path: Path) -> None:
    with Workspace(tmp_path / "w.sqlite") as ws:
        ws.boards.create("Wijkplatform")
        with pytest.raises(ValidationError) as empty:
            ws.requests.add("")
        assert str(empty.value) == "Vul het onderwerp in."
        ws.requests.add("Lantaarnpaal")
        assert ws.undo_name == "Verzoek toegevoegd"
        with pytest.raises(ValidationError) as long:
            ws.requests.add("x" * 1001)
        assert "(1.001 tekens; hoogstens 1.000)" in str(long.value)


def test_every_core_message_has_an_english_translation() -> None:
    template = extract()
    core = {m.id if isinstance(m.id, str) else m.id[0] for m in template
            if m.id and any(path.startswith("wijkapp/") for path, _line in m.locations)}
    assert len(core) > 250  # errors, labels and undo steps of the core
    assert [gap for gap in missing("en", template) if gap in core] == []


def test_a_catalog_changed_after_its_mo_was_built_is_used_fresh() -> None:
    import os

    from wijkapp.i18n import _, compile_catalog
    from wijkapp.i18n_tools import po_path

    mo = compile_catalog("en")
    assert mo is not None
    po = po_path("en")
    os.utime(mo, (po.stat().st_mtime - 100, po.stat().st_mtime - 100))  # the .po is newer
    mo.write_bytes(b"not a catalog any more")  # what an old build left behind
    os.utime(mo, (po.stat().st_mtime - 100, po.stat().st_mtime - 100))
    try:
        set_language("en")
        assert _("Vergaderingen") == "Meetings"
    finally:
        set_language("nl")
