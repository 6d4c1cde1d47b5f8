"""The command line: a thin shell over :class:`~wijkapp.workspace.Workspace` (DESIGN.md §8).

Errors are one Dutch sentence on stderr with exit code 1; usage errors exit 2; never a
traceback (set ``WIJKAPP_DEBUG=1`` to see one).

The core never imports the desktop app: the ``wijkapp`` command is :func:`ui.launcher.main`,
which passes the app's opener in as ``open_app``. Without it (``python -m wijkapp.cli``)
a call without a command is a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from .errors import ValidationError, WijkappError
from .paths import default_db_path

EXPORT_FORMATS = (
    "json", "agenda", "minutes", "summary", "decisions", "actions", "docx", "ics", "vcard",
    "csv", "xlsx", "year-report", "year-summary", "signalen", "presentielijst",
)


#: argparse's own words in Dutch (argparse looks its messages up through ``argparse._``).
_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "options": "opties",
    "positional arguments": "argumenten",
    "show this help message and exit": "toon deze hulp en stop",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekende optie of te veel argumenten: %s",
    "the following arguments are required: %s": "dit ontbreekt: %s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "onbekende keuze %(value)r (kies uit %(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s": "onduidelijke optie %(option)s: %(matches)s",
}


def install_dutch_argparse() -> None:
    """Let argparse speak Dutch (it looks its words up through ``argparse._`` at run time)."""
    argparse._ = lambda text: _ARGPARSE_NL.get(text, text)  # type: ignore[attr-defined]


class DutchParser(argparse.ArgumentParser):
    """argparse with Dutch usage errors (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: onjuist gebruik: {message}. Zie '{self.prog} --help'.\n")


def build_parser() -> DutchParser:
    """The parser for every command."""
    parser = DutchParser(
        prog="wijkapp",
        description="Wijkapp: vergaderen, notuleren en opvolgen voor een wijkplatform.",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument("--version", action="version", version=f"Wijkapp {__version__}",
                        help="toon het versienummer")
    parser.add_argument("--db", type=Path, help="het databasebestand (standaard in uw gebruikersmap)")
    sub = parser.add_subparsers(dest="command", title="opdrachten", metavar="OPDRACHT",
                                parser_class=DutchParser)

    def command(name: str, text: str) -> DutchParser:
        p: DutchParser = sub.add_parser(name, help=text, description=text, add_help=False)
        p.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
        p.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="het databasebestand")
        return p

    command("demo", "maak een voorbeeld-wijkplatform met een jaar aan vergaderingen")
    p = command("export", "maak een export (PDF, Word, agenda, adressen, Excel, CSV of JSON)")
    p.add_argument("format", choices=EXPORT_FORMATS, metavar="SOORT",
                   help="één van: " + ", ".join(EXPORT_FORMATS))
    p.add_argument("--meeting", help="id van de vergadering, of 'latest'")
    p.add_argument("--year", type=int, help="het jaar (JJJJ)")
    p.add_argument("--kind", default="actions", choices=("meetings", "actions", "requests", "contacts"),
                   help="welke lijst bij csv (standaard: actions)")
    p.add_argument("--out", type=Path, required=True, help="het bestand dat wordt gemaakt")
    p = command("import", "lees een uitwisselbestand (JSON) in")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p = command("search", "zoek in alles wat is getypt")
    p.add_argument("query", metavar="ZOEKTERM")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    command("check", "controleer het bestand; niet 0 als het niet gezond is")
    command("backup", "maak een gecontroleerde reservekopie")
    p = command("restore", "zet een reservekopie terug (het huidige bestand blijft bewaard)")
    p.add_argument("backup", type=Path, metavar="RESERVEKOPIE")
    p = command("leesbaarheid", "rapport over hoe makkelijk een Nederlandse tekst is")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p = command("overview", "vergelijk de jaarsamenvattingen van wijkplatforms")
    p.add_argument("files", nargs="+", type=Path, metavar="BESTAND")
    from .sync.cli import add_commands as add_sync_commands

    add_sync_commands(command)
    return parser


#: Opens the desktop app on a database (``None``: the last or the standard one); exit code.
AppOpener = Callable[[Path | None], int]


def main(argv: Sequence[str] | None = None, *, open_app: AppOpener | None = None) -> int:
    """Run the command line; return the exit code.

    ``open_app`` is called when no command is given (the desktop app); without it that
    is a usage error (exit code 2).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    install_dutch_argparse()
    if argv[:1] == ["leesbaarheid"]:
        from .plainlang.cli import main as leesbaarheid

        return _guard(lambda: leesbaarheid(argv[1:]))
    args = build_parser().parse_args(argv)
    if args.command is None:
        if open_app is None:
            print("wijkapp: geef een opdracht (zie 'wijkapp --help'); de app zelf opent met "
                  "het programma Wijkapp.", file=sys.stderr)
            return 2
        # Without --db the app opens the last database used (or the standard one).
        db_arg = Path(args.db) if args.db else None
        return _guard(lambda: open_app(db_arg))
    db = Path(args.db) if args.db else default_db_path()
    handler = _HANDLERS[args.command]
    if args.command == "overview":
        return _guard(lambda: handler(args, db))

    def checked() -> int:
        _check_db_path(db)
        return handler(args, db)

    return _guard(checked)


def _check_db_path(db: Path) -> None:
    """Refuse a folder, pipe, device or broken link as ``--db`` before any command runs."""
    from .database_file import check_header
    from .errors import NotADatabaseError

    if os.path.lexists(db) and not db.exists():
        raise NotADatabaseError(
            f"'{db}' verwijst naar een bestand dat niet bestaat (of naar zichzelf). "
            "Kies een ander bestand met --db."
        )
    if db.exists():
        check_header(db)


def _guard(run: Callable[[], int]) -> int:
    try:
        code = run()
        sys.stdout.flush()  # a closed pipe shows here, not in Python's exit handler
        return code
    except BrokenPipeError:
        # The reader stopped early (`wijkapp search … | head`): that is fine, say nothing.
        _quiet_stdout()
        return 0
    except WijkappError as error:
        print(f"wijkapp: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("wijkapp: afgebroken.", file=sys.stderr)
        return 130
    except OSError as error:  # a path the system refuses: say which and why, in Dutch
        print(f"wijkapp: {os_error_sentence(error)}", file=sys.stderr)
        return 1
    except ValueError as error:
        if "null" not in str(error):
            return _unexpected(error)
        print("wijkapp: een bestandsnaam bevat een ongeldig teken (een nul-teken). "
              "Kies een andere naam.", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - the promise is: never a traceback
        return _unexpected(error)


def _unexpected(error: Exception) -> int:
    if os.environ.get("WIJKAPP_DEBUG"):
        traceback.print_exc()
    print(f"wijkapp: er ging iets onverwachts mis ({type(error).__name__}: {error}).",
          file=sys.stderr)
    return 1


#: Why the system refused a path, in Dutch (errno name → words).
_OS_REASONS = {
    "ENAMETOOLONG": "de naam is te lang",
    "ENOENT": "het bestand of de map bestaat niet",
    "EACCES": "Wijkapp heeft er geen toestemming voor",
    "EPERM": "Wijkapp heeft er geen toestemming voor",
    "ENOSPC": "de schijf is vol",
    "EROFS": "de schijf is alleen-lezen",
    "ENOTDIR": "een deel van het pad is geen map",
    "EISDIR": "het is een map",
    "ELOOP": "een snelkoppeling verwijst naar zichzelf",
    "EIO": "de schijf gaf een leesfout",
}


def os_error_sentence(error: OSError) -> str:
    """One Dutch sentence for a path the operating system refused."""
    import errno

    reason = _OS_REASONS.get(errno.errorcode.get(error.errno or 0, ""), "het systeem weigert het")
    what = f"'{error.filename}'" if error.filename else "Een bestand"
    return f"{what} kan niet worden gebruikt: {reason}. Kies een andere naam of map."


def _quiet_stdout() -> None:
    """Point stdout at the null device so the final flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _workspace(db: Path, *, create: bool = False):  # type: ignore[no-untyped-def]
    from .errors import StorageError
    from .workspace import Workspace

    if not create and not db.exists():
        raise StorageError(
            f"Er is geen Wijkapp-bestand op '{db}'. Maak er een met 'wijkapp demo' of open de app."
        )
    return Workspace(db)


def _cmd_demo(args: argparse.Namespace, db: Path) -> int:
    from .demo import create_demo

    with _workspace(db, create=True) as ws:
        create_demo(ws)
        print(f"Voorbeeld-wijkplatform '{ws.board.name}' gemaakt in {db}.")
    return 0


def _meeting_id(ws, value: str | None) -> str | None:  # type: ignore[no-untyped-def]
    if value in (None, ""):
        return None
    if value == "latest":
        meeting = ws.meetings.latest()
        if meeting is None:
            raise ValidationError("Er is nog geen vergadering.")
        return str(meeting.id)
    return str(ws.meetings.get(value).id)


def _cmd_export(args: argparse.Namespace, db: Path) -> int:
    from .safe_output import check_output_path

    check_output_path(args.out, db)  # before opening: a refused target changes nothing
    if args.year and not 1 <= args.year <= 9999:  # (SQLite cannot even hold 2**63)
        raise ValidationError(f"{args.year} is geen jaar. Geef een jaar als 2026.")
    with _workspace(db) as ws:
        if args.format == "json":
            from .exchange import export_json

            out = export_json(ws, args.out)
        elif args.format in ("year-report", "year-summary", "signalen"):
            out = _export_year(ws, args.format, args.year, args.out)
        else:
            from .export import FORMATS, export

            if args.format not in FORMATS:
                raise ValidationError(
                    f"Exporteren als '{args.format}' kan deze versie van Wijkapp nog niet."
                )
            out = export(ws, args.format, args.out, meeting_id=_meeting_id(ws, args.meeting),
                         year=args.year, csv_kind=args.kind)
        print(f"Gemaakt: {out}")
    return 0


def _export_year(ws, fmt: str, year: int | None, out: Path) -> Path:  # type: ignore[no-untyped-def]
    from .timeutil import today

    year = year or today().year
    if fmt == "signalen":
        from .export.signalen import write_signalen_pdf

        return write_signalen_pdf(ws, year, out)
    if fmt == "year-report":
        from .export.year_report import write_year_report

        return write_year_report(ws, year, out)
    from .export.year_summary import write_year_summary

    return write_year_summary(ws, year, out)


def _cmd_import(args: argparse.Namespace, db: Path) -> int:
    from .exchange import import_json

    with _workspace(db, create=True) as ws:
        result = import_json(ws, args.file)
        print(f"Ingelezen: {result.inserted} nieuw, {result.updated} bijgewerkt, "
              f"{result.unchanged} ongewijzigd.")
    return 0


def _cmd_search(args: argparse.Namespace, db: Path) -> int:
    from .search import HIT_END, HIT_START

    with _workspace(db) as ws:
        hits = ws.search.query(args.query)
        if args.json:
            print(json.dumps(
                [{"kind": h.kind, "id": h.id, "title": h.title,
                  "snippet": h.snippet.replace(HIT_START, "").replace(HIT_END, ""),
                  "meeting_id": h.meeting_id} for h in hits],
                ensure_ascii=False, indent=1))
            return 0
        if not hits:
            print("Niets gevonden.")
            return 0
        current = None
        for hit in hits:
            if hit.kind != current:
                current = hit.kind
                print(f"\n{hit.kind_label}")
            snippet = hit.snippet.replace(HIT_START, "*").replace(HIT_END, "*").replace("\n", " ")
            print(f"  {hit.title[:80]}\n    {snippet}\n    id: {hit.id}")
    return 0


def _cmd_check(args: argparse.Namespace, db: Path) -> int:
    with _workspace(db) as ws:
        report = ws.check()
    print(f"Bestand: {report['path']}")
    print(f"SQLite-versie: {report['sqlite_version']}")
    print(f"Schemaversie: {report['schema_version']} ({', '.join(report['migrations'])})")
    print("Aantallen: " + ", ".join(f"{k} {v}" for k, v in report["counts"].items() if v))
    if report["newest_backup"]:
        print(f"Nieuwste reservekopie: {report['newest_backup']} ({report['backup_count']} in totaal)")
    else:
        print("Nieuwste reservekopie: nog geen. Maak er een met 'wijkapp backup'.")
    for warning in report["warnings"]:
        print(f"Let op: {warning}")
    if report["healthy"]:
        print("Gezond: ja")
        return 0
    print("Gezond: NEE")
    for problem in report["problems"]:
        print(f"  - {problem}")
    return 1


def _cmd_backup(args: argparse.Namespace, db: Path) -> int:
    from .backups import make_backup

    with _workspace(db) as ws:
        path = make_backup(ws)
    print(f"Reservekopie gemaakt en gecontroleerd: {path}")
    return 0


def _cmd_restore(args: argparse.Namespace, db: Path) -> int:
    from .backups import restore

    aside = restore(args.backup, db)
    print(f"Reservekopie teruggezet in {db}.")
    if aside:
        print(f"Het vorige bestand is bewaard als {aside}.")
    _print_erasures(db)
    return 0


def _print_erasures(db: Path) -> None:
    """After a restore: erase again whoever was erased after that backup was made, and say so."""
    from .privacy import erasure_notice
    from .workspace import Workspace

    with Workspace(db) as ws:
        notice = erasure_notice(ws.erasures_reapplied)
    if notice:
        print(notice)


def _cmd_overview(args: argparse.Namespace, db: Path) -> int:
    from .overview_cli import main as overview

    return int(overview(list(args.files)))


def _cmd_sync(args: argparse.Namespace, db: Path) -> int:
    from .sync.cli import run

    return run(args, db)


_HANDLERS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "demo": _cmd_demo,
    "export": _cmd_export,
    "import": _cmd_import,
    "search": _cmd_search,
    "check": _cmd_check,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "overview": _cmd_overview,
    "share": _cmd_sync,
    "join": _cmd_sync,
    "sync": _cmd_sync,
}

if __name__ == "__main__":
    raise SystemExit(main())
