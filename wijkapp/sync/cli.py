"""``wijkapp share | join | sync``: sharing a board from the command line (DESIGN.md §8).

The passphrase comes from ``WIJKAPP_WACHTWOORD`` or is asked for (never on the command line,
where other users could see it).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import WijkappError


def add_commands(command: Any) -> None:
    """Add the three commands through the main parser's ``command(name, text)`` helper."""
    p = command("share", "deel dit wijkplatform met de andere laptops van het bestuur via een map")
    p.add_argument("folder", type=Path, metavar="MAP")
    p.add_argument("--name", help="naam van deze laptop, bv. 'laptop van Marja'")
    p = command("join", "maak hier het wijkplatform van een bestuur uit een gedeelde map of bestand")
    p.add_argument("source", type=Path, metavar="MAP_OF_BESTAND")
    p.add_argument("--name", help="naam van deze laptop, bv. 'laptop van Piet'")
    p = command("sync", "wissel wijzigingen uit met de andere laptops van het bestuur")
    p.add_argument("--folder", type=Path, metavar="MAP", help="de gedeelde map (standaard: de gekozen map)")
    p.add_argument("--file", type=Path, action="append", default=[], metavar="BESTAND",
                   help="een ontvangen .wijksync-bestand (mag vaker)")
    p.add_argument("--save", type=Path, metavar="BESTAND",
                   help="bewaar ook mijn wijzigingen in dit bestand (om te mailen)")
    p.add_argument("--status", action="store_true", help="toon laptops, laatste update, meldingen en wissingen")


def _passphrase(confirm: bool = False) -> str:
    value = os.environ.get("WIJKAPP_WACHTWOORD")
    if value:
        return value
    if not sys.stdin.isatty():
        raise WijkappError("Geef het wachtwoord van het bestuur in WIJKAPP_WACHTWOORD of typ het in.")
    value = getpass.getpass("Wachtwoord van het bestuur: ")
    if confirm and getpass.getpass("Nog een keer: ") != value:
        raise WijkappError("De twee wachtwoorden zijn niet gelijk; er is niets veranderd.")
    return value


def _print_report(report: Any, sync: Any) -> None:
    who = sorted({sync.laptop_label(lid) for lid in report.merged_from})
    if report.files_merged:
        print(f"Ingelezen van: {', '.join(who)} ({report.remote_rows} onderdelen bijgewerkt).")
    else:
        print("Niets nieuws van anderen.")
    if report.local_fields:
        print(f"Mijn wijzigingen gedeeld: {report.local_fields} onderdelen.")
    for notice in report.notices:
        print(f"Melding: {describe_notice(notice.kind, notice.table, notice.field)}")
    for problem in report.problems:
        print(f"Overgeslagen: {problem}")
    if report.published:
        print(f"Mijn bestand: {report.published}")


def describe_notice(kind: str, table: str, field: str) -> str:
    """One Dutch line for a notice (the GUI shows a richer one)."""
    if kind == "erased":
        return "een contact is gewist (AVG); uw wijziging daarvan is niet bewaard."
    if kind == "decision-number":
        return "een besluitnummer komt twee keer voor; laat de secretaris één besluit hernummeren."
    return f"uw wijziging van '{field}' ({table}) is vervangen door die van een andere laptop."


def run(args: argparse.Namespace, db: Path) -> int:
    """Run ``share``, ``join`` or ``sync``."""
    from ..workspace import Workspace
    from .board import BoardSync

    if args.command != "join" and not db.exists():
        raise WijkappError(f"Er is geen Wijkapp-bestand op '{db}'.")
    if args.command == "join" and db.exists():
        with Workspace(db) as probe:
            if probe.has_board:
                raise WijkappError(
                    f"'{db}' heeft al een wijkplatform. Kies met --db een nieuw bestand om aan te sluiten.")
    created = not db.exists()
    try:
        with Workspace(db) as ws:
            sync = BoardSync(ws)
            if args.command == "share":
                report = sync.share(args.folder, _passphrase(confirm=True), args.name)
                print(f"'{ws.board.name}' wordt nu gedeeld in {args.folder}.")
                _print_report(report, sync)
                return 0
            if args.command == "join":
                report = sync.join(args.source, _passphrase(), args.name)
                print(f"Aangesloten bij '{ws.board.name}'.")
                _print_report(report, sync)
                return 0
            if args.status:
                return _status(sync)
            report = sync.sync(args.folder, list(args.file))
            _print_report(report, sync)
            if args.save:
                print(f"Bewaard om te mailen: {sync.save_for_mail(args.save)}")
            return 0
    except BaseException:
        if created and args.command == "join":
            for suffix in ("", "-wal", "-shm", ".status", ".lock"):
                Path(str(db) + suffix).unlink(missing_ok=True)
        raise


def _status(sync: Any) -> int:
    from .texts import when_text

    status = sync.status()
    if not status.shared:
        print("Dit wijkplatform wordt (nog) niet gedeeld.")
        return 0
    print(f"Gedeeld in: {status.folder or '(alleen via bestanden)'}")
    print(f"Laatst bijgewerkt: {when_text(status.last_sync)}")
    print("Laptops:")
    for laptop in status.laptops:
        marks = [m for m, on in (("deze laptop", laptop.me), ("nummert besluiten", laptop.numbers_decisions)) if on]
        extra = f" ({', '.join(marks)})" if marks else ""
        print(f"  {laptop.name}{extra}: bijgewerkt {when_text(laptop.made_at)}")
    print(f"Wijzigingen van anderen (meldingen): {status.open_conflicts}")
    for person, _count in status.erasures.items():
        print(f"Wissing {person[:8]}: {status.erasure_line(person)}")
    return 0
