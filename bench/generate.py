"""Write a municipality-scale Wijkapp database for the benchmarks.

``python -m bench.generate`` makes ``bench/data/municipality.sqlite``: 37 boards × 20 years
(≈ 8,000 meetings, ≈ 100,000 agenda items, ≈ 150,000 decisions and actions, plus people,
attendance, documents, requests and goals). The file is first created through
``Workspace(path)`` so migrations, FTS tables and triggers exist; rows are then bulk-inserted
with ``executemany`` in the exact schema, and the FTS triggers keep search in sync.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.text import GUEST_ROLES, ROLES, SENDERS, TextMaker  # noqa: E402
from wijkapp.boards import STANDARD_AGENDA  # noqa: E402
from wijkapp.workspace import Workspace  # noqa: E402

TZ = ZoneInfo("Europe/Amsterdam")
DEFAULT_DB = Path(__file__).resolve().parent / "data" / "municipality.sqlite"
STEMS = ["Geleen", "Sittard", "Born", "Limbricht", "Munstergeleen", "Grevenbicht", "Obbicht",
         "Guttecoven", "Einighausen", "Broeksittard", "Holtum", "Buchten", "Lindenheuvel"]
SIDES = ["-Zuid", "-Noord", "-Oost", "-West", "-Centrum"]
Row = dict[str, Any]


def board_names(count: int) -> list[str]:
    """``count`` distinct fictional wijk names."""
    names = [stem + side for side in SIDES for stem in STEMS]
    return names[:count] if count <= len(names) else [f"{n} {i}" for i, n in enumerate(names * 2)][:count]


class _Rows:
    """Collects rows per table and writes them with one ``executemany`` per table."""

    ORDER = ["boards", "areas", "organisations", "people", "goals", "meetings", "attendance",
             "agenda_items", "decisions", "actions", "action_reviews", "documents", "requests",
             "goal_links", "signals", "signal_followups"]

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.tables: dict[str, list[Row]] = {t: [] for t in self.ORDER}

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def add(self, table: str, stamp: str, **values: Any) -> str:
        row = {"id": self.new_id(), "created_at": stamp, "updated_at": stamp, "deleted_at": None}
        row.update(values)
        self.tables[table].append(row)
        return str(row["id"])

    def flush(self, conn: sqlite3.Connection) -> dict[str, int]:
        counts = {}
        for table in self.ORDER:
            rows = self.tables[table]
            if not rows:
                continue
            cols = list(rows[0])
            sql = (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
                   f"VALUES ({', '.join('?' for _ in cols)})")
            conn.executemany(sql, [[r[c] for c in cols] for r in rows])
            counts[table] = len(rows)
            rows.clear()
        return counts


def meeting_days(year: int) -> list[dt.date]:
    """Second Tuesday of each month except July."""
    days = []
    for month in range(1, 13):
        if month == 7:
            continue
        first = dt.date(year, month, 1)
        days.append(first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7))
    return days


def _board(rows: _Rows, text: TextMaker, name: str, index: int, years: range, today: dt.date) -> None:
    rng = rows.rng
    created = dt.datetime(years.start, 1, 1, 12, tzinfo=TZ) + dt.timedelta(minutes=index)
    stamp = created.isoformat()
    board_id = rows.add("boards", stamp, name=f"Wijkplatform {name}", wijk=name,
                        municipality="Sittard-Geleen", logo_attachment_id=None,
                        agenda_template=json.dumps(STANDARD_AGENDA, ensure_ascii=False),
                        settings="{}")
    areas = [rows.add("areas", stamp, board_id=board_id, name=f"{name} {suffix}", position=p)
             for p, suffix in enumerate(["Oud", "Nieuw", "Park", "Dorp"])]
    org = rows.add("organisations", stamp, board_id=board_id, name="Gemeente Sittard-Geleen",
                   kind="municipality", phone="14 046", email="info@gemeente.example.nl",
                   website="", notes="")
    members = []
    for role in ROLES:
        members.append(rows.add(
            "people", stamp, board_id=board_id, name=text.name(), role=role, organisation_id=None,
            phone="06 1234 5678", email=f"lid{len(members)}@platform{index}.example.nl",
            topics=text.subject()[1], notes="", last_contact=today.isoformat(), board_member=1))
    guests = [rows.add("people", stamp, board_id=board_id, name=text.name(), role=role,
                       organisation_id=org, phone="046 123 45 67",
                       email=f"contact{g}@gemeente.example.nl", topics=text.subject()[1],
                       notes=text.short(text.subject()), last_contact=today.isoformat(),
                       board_member=0)
              for g, role in enumerate(GUEST_ROLES)]
    goals = []
    for year in years:
        for _ in range(5):
            subject = text.subject()
            goals.append(rows.add(
                "goals", f"{year}-01-15T12:00:00+01:00", board_id=board_id,
                area_id=rng.choice(areas + [None]), building_block=rng.randint(1, 7),
                title=text.topic_title(subject), how=text.short(subject), who=text.name(),
                due=f"december {year}", status=rng.choice(["idea", "running", "achieved",
                                                           "not_achieved", "running"]),
                evidence="", evaluation=""))
    previous: Row | None = None
    for year in years:
        seq = 0
        for day in meeting_days(year):
            start = dt.datetime.combine(day, dt.time(19, 30), TZ)
            held = day < today
            mstamp = start.isoformat()
            meeting = rows.add(
                "meetings", mstamp, board_id=board_id, title="Vergadering wijkplatform",
                starts_at=mstamp, ends_at=None, place="Gemeenschapshuis, Kerkstraat 12",
                status="held" if held else "planned", chair_id=members[0], secretary_id=members[1],
                closed_at=start.replace(hour=21, minute=40).isoformat() if held else None,
                minutes_approved_on=None, minutes_approved_in=None, notes="")
            if previous is not None and held:
                previous["minutes_approved_on"] = day.isoformat()
                previous["minutes_approved_in"] = meeting
            previous = rows.tables["meetings"][-1]
            for person in members + rng.sample(guests, 2):
                status = "invited" if not held else rng.choice(
                    ["present"] * 8 + ["absent_notice", "absent"])
                rows.add("attendance", mstamp, board_id=board_id, meeting_id=meeting,
                         person_id=person, status=status, note="")
            seq = _agenda(rows, text, board_id, meeting, mstamp, held, day, year, seq, members,
                          goals)
            for _ in range(rng.randint(1, 3)):
                subject = text.subject()
                rows.add("documents", mstamp, board_id=board_id, meeting_id=meeting,
                         received_on=(day - dt.timedelta(days=rng.randint(3, 25))).isoformat(),
                         sender=rng.choice(SENDERS), subject=text.topic_title(subject),
                         summary=text.short(subject), handling="Ter kennisname.",
                         attachment_id=None)
            if held and rng.random() < 0.7:
                _request(rows, text, board_id, meeting, day, today, areas, guests, goals)
            if held:
                _signals(rows, text, board_id, day, today, areas, members)


def _agenda(rows: _Rows, text: TextMaker, board_id: str, meeting: str, stamp: str, held: bool,
            day: dt.date, year: int, seq: int, members: list[str], goals: list[str]) -> int:
    """Add one meeting's agenda with decisions and actions; return the last decision seq."""
    rng = rows.rng
    topics = [text.subject() for _ in range(rng.randint(3, 6))]
    standard = [dict(i) for i in STANDARD_AGENDA]
    layout: list[tuple[dict[str, Any] | None, Any]] = [(i, None) for i in standard[:-2]]
    layout += [(None, s) for s in topics] + [(i, None) for i in standard[-2:]]
    for position, (std, subject) in enumerate(layout):
        if std is not None:
            rows.add("agenda_items", stamp, board_id=board_id, meeting_id=meeting,
                     position=position, title=std["title"], kind=std["kind"],
                     standard=std["standard"], presenter="", minutes=std["minutes"],
                     notes=text.short(text.subject()) if held else "", summary="", goal_id=None)
            continue
        item = rows.add(
            "agenda_items", stamp, board_id=board_id, meeting_id=meeting, position=position,
            title=text.topic_title(subject), kind=rng.choice(["informing", "discussing", "deciding"]),
            standard="", presenter=text.name(), minutes=rng.choice([10, 15, 20, 30]),
            notes=text.notes(subject) if held else "", summary=text.summary(subject) if held else "",
            goal_id=rng.choice(goals) if rng.random() < 0.2 else None)
        if not held:
            continue
        for _ in range(rng.choice([1, 2, 2, 3])):
            seq += 1
            rows.add("decisions", stamp, board_id=board_id, meeting_id=meeting,
                     agenda_item_id=item, year=year, seq=seq, number=f"{year}-{seq:03d}",
                     text=text.decision(subject), goal_id=None)
        for _ in range(rng.choice([1, 2, 2, 3])):
            _action(rows, text, board_id, meeting, item, stamp, day, members, subject)
    return seq


def _action(rows: _Rows, text: TextMaker, board_id: str, meeting: str, item: str, stamp: str,
            day: dt.date, members: list[str], subject: Any) -> None:
    rng = rows.rng
    owner = rng.choice(members)
    owner_name = next(p["name"] for p in reversed(rows.tables["people"]) if p["id"] == owner)
    status = rng.choices(["done", "open", "cancelled"], [85, 10, 5])[0]
    postponed = rng.choices([0, 1, 2, 3], [70, 18, 8, 4])[0]
    due = day + dt.timedelta(weeks=rng.randint(2, 8) + 4 * postponed)
    action = rows.add("actions", stamp, board_id=board_id, meeting_id=meeting, agenda_item_id=item,
                      what=text.action(subject), owner_id=owner, owner_name=owner_name,
                      due_date=due.isoformat(), status=status,
                      done_on=due.isoformat() if status == "done" else None,
                      times_postponed=postponed, notes="", goal_id=None)
    for _ in range(postponed):
        rows.add("action_reviews", stamp, board_id=board_id, action_id=action, meeting_id=meeting,
                 outcome="postponed", note="")


def _request(rows: _Rows, text: TextMaker, board_id: str, meeting: str, day: dt.date,
             today: dt.date, areas: list[str], guests: list[str], goals: list[str]) -> None:
    rng = rows.rng
    subject = text.subject()
    sent = day + dt.timedelta(days=7)
    due = sent + dt.timedelta(weeks=6)
    answered = sent + dt.timedelta(weeks=rng.choice([3, 5, 6, 8, 12]))
    status = "sent" if answered > today or rng.random() < 0.1 else rng.choice(["answered", "closed"])
    to = rng.choice(guests)
    request = rows.add(
        "requests", day.isoformat() + "T21:00:00+01:00", board_id=board_id,
        kind=rng.choice(["request", "signal"]), subject=text.topic_title(subject),
        text=text.notes(subject), area_id=rng.choice(areas), sent_to_id=to,
        sent_to_name=text.name(), sent_on=sent.isoformat(), answer_due=due.isoformat(),
        answered_on=answered.isoformat() if status != "sent" else None,
        answer_text=text.short(subject) if status != "sent" else "", status=status,
        meeting_id=meeting, goal_id=None)
    if rng.random() < 0.3:
        rows.add("goal_links", day.isoformat(), board_id=board_id, goal_id=rng.choice(goals),
                 target_kind="requests", target_id=request)


def _signals(rows: _Rows, text: TextMaker, board_id: str, day: dt.date, today: dt.date,
             areas: list[str], members: list[str]) -> None:
    """Signals heard in the month after a meeting (2–7), most passed on, some answered."""
    from wijkapp.signals import DEFAULT_GROUPS, DEFAULT_THEMES

    rng = rows.rng
    # A board rarely hears the last two groups: the "not heard" sentence has work to do.
    groups = list(DEFAULT_GROUPS[:-3]) + [DEFAULT_GROUPS[-1]]
    for _ in range(rng.randint(2, 7)):
        heard = min(day + dt.timedelta(days=rng.randint(0, 27)), today)
        subject = text.subject()
        stamp = heard.isoformat() + "T12:00:00+01:00"
        member = rng.choice(members)
        done = rng.random() < 0.5 and heard + dt.timedelta(days=30) < today
        signal = rows.add(
            "signals", stamp, board_id=board_id, heard_on=heard.isoformat(),
            place=rng.choice(["Koffieochtend", "Aan de deur", "Spreekuur", "Buurtpraat"]),
            heard_by_id=member, heard_by_name=text.name(), area_id=rng.choice(areas + [None]),
            words=text.notes(subject), subject=text.topic_title(subject),
            themes=json.dumps(rng.sample(DEFAULT_THEMES, rng.randint(1, 3)), ensure_ascii=False),
            groups=json.dumps(rng.sample(groups, rng.randint(0, 2)), ensure_ascii=False),
            quotable=1, consent=0, consent_on=None, resident_name="", resident_contact="",
            outcome=text.short(subject) if done else "",
            outcome_on=(heard + dt.timedelta(days=30)).isoformat() if done else None)
        if rng.random() < 0.75:
            passed = heard + dt.timedelta(days=rng.randint(1, 10))
            answered = passed + dt.timedelta(days=14)
            rows.add("signal_followups", stamp, board_id=board_id, signal_id=signal,
                     kind="referral", target_kind="", target_id=None,
                     partner_name=rng.choice(["Sociaal wijkteam", "Wijkverpleging",
                                              "Knooppunt Informele Zorg"]),
                     passed_on=passed.isoformat(), note="",
                     answered_on=answered.isoformat() if answered < today else None,
                     answer=text.short(subject) if answered < today else "")


def generate(path: Path | str = DEFAULT_DB, boards: int = 37, years: int = 20, seed: int = 7,
             today: dt.date | None = None,
             progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """(Re)create ``path`` with ``boards`` boards × ``years`` years of data; return row counts.

    The last year is ``today``'s year: meetings before ``today`` are held, later ones planned.
    An existing file at ``path`` is replaced.
    """
    path = Path(path)
    today = today or dt.date.today()
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    Workspace(path).close()
    rows = _Rows(random.Random(seed))
    text = TextMaker(seed)
    span = range(today.year - years + 1, today.year + 1)
    totals: dict[str, int] = {}
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-262144")
        conn.execute("PRAGMA foreign_keys=ON")
        for index, name in enumerate(board_names(boards)):
            _board(rows, text, name, index, span, today)
            with conn:
                # minutes_approved_in points at the next meeting, inserted in the same batch.
                conn.execute("PRAGMA defer_foreign_keys=ON")
                for table, count in rows.flush(conn).items():
                    totals[table] = totals.get(table, 0) + count
            if progress:
                progress(f"{index + 1}/{boards} {name}: {totals.get('agenda_items', 0)} agendapunten")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return totals


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m bench.generate [--boards N] [--years N] [--out FILE]``."""
    parser = argparse.ArgumentParser(description="Maak de benchmarkdatabase.")
    parser.add_argument("--out", type=Path, default=DEFAULT_DB)
    parser.add_argument("--boards", type=int, default=37)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    totals = generate(args.out, args.boards, args.years, args.seed,
                      progress=None if args.quiet else lambda line: print(line, flush=True))
    for table, count in totals.items():
        print(f"{table:16} {count:>9,}".replace(",", "."))
    size = args.out.stat().st_size / 1e6
    print(f"{args.out} ({size:.0f} MB) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
