"""The `leesbaarheid` command: file, stdin, JSON, and clear Dutch errors."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wijkapp.plainlang.cli import main, run

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Conform de verordening wordt uw aanvraag door ons bekeken. Dat duurt twee weken.\n"


def test_a_file_gives_a_dutch_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Leesbaarheid: ")
    assert "Flesch-Douma" in out
    assert "- Conform — Zeg liever: volgens" in out
    assert "- verordening — Zeg liever: regels van de gemeente" in out


def test_stdin_is_read_with_a_dash_or_without_a_file() -> None:
    for argv in (["-"], []):
        out, err = io.StringIO(), io.StringIO()
        code = run(argv, stdin=io.BytesIO(TEXT.encode()), stdout=out, stderr=err)
        assert code == 0
        assert "Leesbaarheid: " in out.getvalue()
        assert err.getvalue() == ""


def test_json_has_stable_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main([str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "wijkapp-leesbaarheid"
    assert data["version"] == 1
    assert data["level"] in {"makkelijk", "redelijk", "moeilijk"}
    assert set(data) >= {
        "summary", "scores", "counts", "averages", "difficult_words_per_100", "tips",
        "sentences", "glossary",
    }  # fmt: skip
    assert set(data["scores"]) == {"flesch_douma", "brouwer"}
    assert data["counts"]["sentences"] == 2
    first = data["sentences"][0]
    assert TEXT[first["start"] : first["end"]] == first["text"]
    assert first["jargon"][0] == {
        "start": 0, "end": 7, "found": "Conform", "term": "conform",
        "alternative": "volgens", "explains": False, "category": "ambtelijke taal",
    }  # fmt: skip
    assert first["passives"] and first["reasons"]


def test_json_for_empty_input_has_no_level() -> None:
    out = io.StringIO()
    assert run(["--json", "-"], stdin=io.BytesIO(b""), stdout=out, stderr=io.StringIO()) == 0
    data = json.loads(out.getvalue())
    assert data["level"] is None
    assert data["sentences"] == []


def test_a_missing_file_gives_one_dutch_sentence_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "weg.txt"
    assert main([str(missing)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"Het bestand '{missing}' bestaat niet.\n"


def test_a_folder_or_non_utf8_file_gives_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path)]) == 1
    assert "is een map" in capsys.readouterr().err
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Café in België".encode("latin-1"))
    assert main([str(latin)]) == 1
    err = capsys.readouterr().err
    assert "geen UTF-8-tekst" in err
    assert err.count("\n") == 1


def test_an_unreadable_file_gives_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "dicht.txt"
    locked.write_text(TEXT, encoding="utf-8")
    real_read = Path.read_bytes

    def refuse(self: Path) -> bytes:  # root ignores chmod, so refuse like the OS would
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main([str(locked)]) == 1
    assert "toestemming" in capsys.readouterr().err


def test_a_bad_flag_is_a_usage_error_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--verkeerd"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Gebruik: wijkapp leesbaarheid")
    assert "onbekende optie" in err
    assert "Traceback" not in err


def test_help_is_dutch_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Gebruik:" in out and "--json" in out


def test_a_byte_order_mark_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    assert main([str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sentences"][0]["start"] == 0


def test_the_module_runs_as_a_script(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(TEXT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "wijkapp.plainlang.cli", "--json"],
        input=path.read_bytes(),
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.decode("utf-8"))["counts"]["words"] == 13
    missing = subprocess.run(
        [sys.executable, "-m", "wijkapp.plainlang.cli", str(tmp_path / "niet.txt")],
        capture_output=True,
        env=env,
        check=False,
    )
    assert missing.returncode == 1
    assert missing.stderr.decode("utf-8").strip().endswith("bestaat niet.")
    assert b"Traceback" not in missing.stderr


def _many_hard_sentences(count: int) -> str:
    return " ".join(
        f"Conform de verordening wordt u in het kader van de integrale aanpak verzocht om "
        f"uiterlijk op dag {n} de beschikking ten behoeve van de maatwerkvoorziening te sturen."
        for n in range(1, count + 1)
    ) + " Dit is kort. " + "Wij vragen u dit snel te doen, graag voor het eind van de maand. "


def test_the_report_lists_the_twenty_hardest_sentences(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lang.txt"
    path.write_text(_many_hard_sentences(30), encoding="utf-8")
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    listed = [line for line in out.splitlines() if line.startswith("Zin ")]
    assert len(listed) == 20
    assert all("[moeilijk]" in line for line in listed)  # hardest first
    assert "(20 van de 30)" in out and "… en nog 10 zinnen. Gebruik --alle" in out
    assert main([str(path), "--alle"]) == 0
    everything = capsys.readouterr().out
    assert len([line for line in everything.splitlines() if line.startswith("Zin ")]) == 30
    assert "--alle om" not in everything
