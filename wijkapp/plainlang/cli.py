"""``wijkapp leesbaarheid [FILE|-] [--json] [--alle]``: a plain-language report of a Dutch text.

The text report lists the 20 hardest sentences, hardest first; ``--alle`` lists every
sentence that is not makkelijk. JSON always holds every sentence.

Reads a UTF-8 file, or standard input when FILE is ``-`` or left out. Prints a Dutch
report, or JSON with stable keys (see :mod:`wijkapp.plainlang.output`) for scripts.
Exit codes: 0 done, 1 the file could not be read (one Dutch sentence on stderr),
2 wrong use of the command. Never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

from wijkapp.plainlang.letter import analyse_letter
from wijkapp.plainlang.output import HARDEST_SHOWN, analysis_as_dict, format_analysis

__all__ = ["main", "run"]

PROG = "wijkapp leesbaarheid"


class _UsageError(Exception):
    """Raised instead of argparse's own exit, so ``main`` can return 2."""


class _InputError(Exception):
    """The text could not be read; the message is one Dutch sentence."""


class _DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "Gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(
        prog=PROG,
        description="Beoordeel hoe makkelijk een Nederlandse tekst te lezen is (B1).",
        formatter_class=_DutchHelpFormatter,
        add_help=False,
    )
    arguments = parser.add_argument_group("argumenten")
    arguments.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="BESTAND",
        help="tekstbestand in UTF-8; '-' of niets betekent: lees de tekst van invoer (stdin)",
    )
    options = parser.add_argument_group("opties")
    options.add_argument("--json", action="store_true", help="geef het resultaat als JSON")
    options.add_argument(
        "--alle", action="store_true",
        help=f"toon alle moeilijke zinnen (anders de {HARDEST_SHOWN} moeilijkste)")
    options.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")
    return parser


def main(argv: list[str]) -> int:
    """Run the command with ``argv`` (without the program name); return the exit code."""
    return run(argv)


def run(
    argv: Sequence[str],
    extra_terms: Sequence[tuple[str, str]] = (),
    stdin: IO[bytes] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    """Like :func:`main`, with a board's own jargon words and replaceable streams."""
    out = sys.stdout if stdout is None else stdout
    err = sys.stderr if stderr is None else stderr
    parser = _parser()
    try:
        args = parser.parse_args(list(argv))
    except _UsageError as error:
        _write(err, parser.format_usage())
        _write(err, f"{PROG}: {_dutch_usage_error(str(error))}\n")
        return 2
    except SystemExit as leaving:  # --help prints and exits
        return leaving.code if isinstance(leaving.code, int) else 0
    try:
        text = _read_text(args.file, stdin)
    except _InputError as error:
        _write(err, f"{error}\n")
        return 1
    try:
        analysis = analyse_letter(text, extra_terms)
        if args.json:
            data = analysis_as_dict(analysis)
            try:
                out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            except UnicodeEncodeError:
                out.write(json.dumps(data, ensure_ascii=True, indent=2) + "\n")
        else:
            _write(out, format_analysis(analysis, None if args.alle else HARDEST_SHOWN))
    except Exception:  # a safety net: the user gets a sentence, not a traceback
        _write(err, "Er ging iets mis bij het beoordelen van de tekst; meld dit aan de makers.\n")
        return 1
    return 0


def _read_text(name: str, stdin: IO[bytes] | None) -> str:
    """Read the text from a file or standard input, strictly as UTF-8 (a BOM is allowed)."""
    if name == "-":
        source = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
        if source is None:
            raise _InputError("Er is geen invoer om te lezen.")
        data = source.read()
        where = "De invoer"
    else:
        path = Path(name)
        where = f"Het bestand '{name}'"
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise _InputError(f"Het bestand '{name}' bestaat niet.") from None
        except IsADirectoryError:
            raise _InputError(f"'{name}' is een map, geen bestand.") from None
        except PermissionError:
            raise _InputError(f"U hebt geen toestemming om '{name}' te lezen.") from None
        except OSError:
            raise _InputError(f"Het bestand '{name}' kan niet worden gelezen.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _InputError(
            f"{where} is geen UTF-8-tekst; sla de tekst op als UTF-8 en probeer het opnieuw."
        ) from None


def _dutch_usage_error(message: str) -> str:
    """Translate argparse's usual complaints; keep the detail for anything else."""
    for prefix in ("unrecognized arguments:", "onbekende optie of te veel argumenten:"):
        if message.startswith(prefix):  # English, or already Dutch via wijkapp.cli
            return "onbekende optie of te veel argumenten:" + message.split(":", 1)[1]
    return f"onjuist gebruik ({message})"


def _write(stream: IO[str], text: str) -> None:
    """Write ``text``; characters the stream cannot encode become '?' instead of crashing."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
