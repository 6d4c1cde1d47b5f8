"""Realistic board data for the follow-up view tests (actions, requests, contacts, goals).

Built through the Workspace API only; dates are relative to today so "te laat" stays true.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from wijkapp.timeutil import today
from wijkapp.workspace import Workspace


@dataclass
class Board:
    """Ids of the records the tests refer to by name."""

    people: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, str] = field(default_factory=dict)
    meetings: list[str] = field(default_factory=list)
    actions: dict[str, str] = field(default_factory=dict)
    requests: dict[str, str] = field(default_factory=dict)
    goals: dict[str, str] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)


def days(n: int) -> dt.date:
    """Today plus ``n`` days (negative: in the past)."""
    return today() + dt.timedelta(days=n)


def fill(ws: Workspace) -> Board:
    """A board with people, organisations, meetings, actions, requests, documents, goals."""
    b = Board()
    b.areas = {a.name: a.id for a in ws.areas.all()}
    for name, kind in [("Gemeente Sittard-Geleen", "municipality"), ("Politie Limburg", "police"),
                       ("Zuyderland Thuiszorg", "care"), ("ZOwonen", "partner"),
                       ("Bewonersgroep Krawinkel", "residents")]:
        b.orgs[name] = ws.organisations.add(name, kind=kind).id
    people = [
        ("Marianne Janssen", "secretaris", None, "notulen, website", True),
        ("Harrie Coenen", "voorzitter", None, "verkeer, speeltuinen", True),
        ("Jo Vijgen", "penningmeester", None, "subsidies", True),
        ("Ellen Smeets", "wijkcoördinator", "Gemeente Sittard-Geleen", "groen, verkeer", False),
        ("Jos Ramakers", "wijkagent", "Politie Limburg", "veiligheid, hangjongeren", False),
        ("Fatima El Amrani", "wijkverpleegkundige", "Zuyderland Thuiszorg",
         "eenzaamheid, ouderen", False),
        ("Peter Houben", "wijkconsulent", "ZOwonen", "woningen, onderhoud", False),
    ]
    for name, role, org, topics, member in people:
        b.people[name] = ws.contacts.add(
            name, role=role, organisation_id=b.orgs.get(org or ""), topics=topics,
            board_member=member, email=name.split()[0].lower() + "@voorbeeld.nl",
            phone="046 - 477 77 77").id
    ws.contacts.record_contact(b.people["Ellen Smeets"], on=days(-12))
    ws.contacts.record_contact(b.people["Jos Ramakers"], on=days(-40))
    for offset in (-70, -35, 21):
        starts = dt.datetime.combine(days(offset), dt.time(19, 30))
        b.meetings.append(ws.meetings.create(starts, place="Gemeenschapshuis De Baak").id)
    m1, m2, _m3 = b.meetings
    add = ws.actions.add
    b.actions["lantaarn"] = add(m1, "Gemeente bellen over de kapotte lantaarnpaal Heideweg",
                                b.people["Ellen Smeets"], days(-20)).id
    b.actions["flyer"] = add(m1, "Flyer voor de buurtbarbecue maken", b.people["Jo Vijgen"],
                             days(-3)).id
    b.actions["speeltuin"] = add(m2, "Offerte nieuwe schommel opvragen",
                                 b.people["Harrie Coenen"], days(10)).id
    b.actions["jongeren"] = add(m2, "Afspraak met wijkagent over hangplek bij de school",
                                b.people["Marianne Janssen"], days(24)).id
    b.actions["website"] = add(None, "Verslag op de website zetten", b.people["Marianne Janssen"],
                               None).id
    b.actions["klaar"] = add(m1, "Zaal reserveren voor de jaarvergadering",
                             b.people["Jo Vijgen"], days(-30)).id
    ws.actions.postpone(b.actions["flyer"], new_due=days(-3))
    ws.actions.postpone(b.actions["flyer"], new_due=days(-3))
    ws.actions.mark_done(b.actions["klaar"], on=days(-28))

    r = ws.requests
    b.requests["lantaarn"] = r.add("Lantaarnpaal Heideweg doet het niet",
                                   "Al drie weken donker bij de bushalte.", kind="signal",
                                   area_id=b.areas["Lindenheuvel"]).id
    r.mark_sent(b.requests["lantaarn"], on=days(-60), sent_to_id=b.people["Ellen Smeets"])
    b.requests["prullenbak"] = r.add("Extra prullenbakken bij de speeltuin",
                                     "Na het weekend ligt er veel afval.",
                                     area_id=b.areas["Krawinkel"]).id
    r.mark_sent(b.requests["prullenbak"], on=days(-14), sent_to_name="Afdeling Wijkzaken")
    b.requests["drempel"] = r.add("Verkeersdrempel in de Kerkstraat",
                                  "Auto's rijden te hard langs de school.",
                                  area_id=b.areas["Lindenheuvel"]).id
    r.mark_sent(b.requests["drempel"], on=days(-90), sent_to_id=b.people["Ellen Smeets"])
    r.record_answer(b.requests["drempel"], "De drempel komt in het voorjaar.", on=days(-50))
    b.requests["bankje"] = r.add("Bankje bij de bushalte Heideweg").id
    ws.documents.add("Uitnodiging wijkschouw", sender="Gemeente Sittard-Geleen",
                     received_on=days(-9), summary="Wijkschouw op zaterdagochtend.")
    ws.documents.add("Jaarverslag ZOwonen", sender="ZOwonen", received_on=days(-30))

    g = ws.goals
    lh, kw = b.areas["Lindenheuvel"], b.areas["Krawinkel"]
    b.goals["eenzaam"] = g.add("Minder eenzaamheid onder ouderen", 1, area_id=lh,
                               how="Koffieochtend elke week", who="Fatima en Marianne",
                               due="eind 2026", status="running").id
    b.goals["scan"] = g.add("Buurtscan Krawinkel afronden", 2, area_id=kw, status="achieved",
                            evidence="Rapport besproken in de vergadering van maart.").id
    b.goals["partijen"] = g.add("Coördinatie speeltuin met ZOwonen en gemeente", 3, area_id=lh,
                                who="Harrie", due="zomer 2027", status="idea").id
    b.goals["verhalen"] = g.add("Verhalen van bewoners ophalen bij de markt", 4, status="stopped",
                                evaluation="Te weinig vrijwilligers.").id
    b.goals["beleid"] = g.add("Veilige schoolroute in het wijkprogramma", 6, area_id=lh,
                              status="not_achieved").id
    return b


VIEW_SIZE = (1140, 680)  # what a view gets on a 1366×768 laptop beside the navigation


@contextmanager
def text_size(app: Any, percent: int) -> Iterator[None]:
    """Apply the app's style at ``percent`` text size, and restore the app afterwards."""
    from ui.style import apply_style

    font, sheet, palette, style = app.font(), app.styleSheet(), app.palette(), app.style().name()
    apply_style(app, percent)
    try:
        yield
    finally:
        app.setStyleSheet(sheet)
        app.setFont(font)
        app.setPalette(palette)
        app.setStyle(style)


def capture_warnings(monkeypatch: Any) -> list[str]:
    """Record the Dutch message boxes operations show, instead of blocking the test."""
    shown: list[str] = []

    def warning(_parent: object, _title: str, text: str, *args: object) -> int:
        shown.append(text)
        return 0

    monkeypatch.setattr("ui.operations.base.QMessageBox.warning", warning)
    return shown


def save_now(view: Any, qtbot: Any) -> None:
    """Flush a panel's autosave and wait until the worker and callbacks are done."""
    from tests.ui.conftest import wait_for_worker

    view.saver.flush()
    wait_for_worker(qtbot)
    wait_for_worker(qtbot)


def screenshots(view: Any, qtbot: Any, app: Any, shoot: Any, name: str,
                prepare: Any = None, check: Any = None) -> list[Any]:
    """Save ``name-100.png`` and ``name-150.png`` of a freshly styled view; returns the paths.

    Each shot must show what it claims: ``check(widget)`` asserts the view's state (the
    chosen record, the open tab), the picture is not blank (:func:`assert_drawn`), and
    the 150 % shot really has larger text than the 100 % one.
    """
    paths = []
    line_heights = []
    for percent in (100, 150):
        with text_size(app, percent):
            widget = track(qtbot, view())
            widget.resize(*VIEW_SIZE)
            widget.show()
            if prepare:
                prepare(widget)
            qtbot.wait(50)
            assert widget.isVisible()
            if check:
                check(widget)
            assert_drawn(widget.grab().toImage(), f"{name}-{percent}")
            line_heights.append(widget.fontMetrics().height())
            paths.append(shoot(widget, f"{name}-{percent}"))
            widget.close()
    assert line_heights[1] > line_heights[0], line_heights  # 150 % is larger text
    return paths


def assert_drawn(image: Any, name: str) -> None:
    """The picture shows a drawn screen: not one flat colour, not a blank page.

    Samples a 48 × 48 grid: a real view has text, frames and buttons in several colours,
    and the background covers well under all of it.
    """
    from collections import Counter

    width, height = image.width(), image.height()
    assert width >= 400 and height >= 300, (name, width, height)
    colours = Counter(image.pixel(x * width // 48, y * height // 48)
                      for x in range(48) for y in range(48))
    assert len(colours) >= 4, (name, len(colours))
    background_share = colours.most_common(1)[0][1] / (48 * 48)
    assert background_share < 0.97, (name, background_share)


def track(qtbot: Any, view: Any) -> Any:
    """``qtbot.addWidget`` that also stops the view's timers (debounce, autosave) at teardown,
    so none fires after the test's workspace is closed."""
    from PySide6.QtCore import QTimer

    def stop(widget: Any) -> None:
        for timer in widget.findChildren(QTimer):
            timer.stop()

    qtbot.addWidget(view, before_close_func=stop)
    return view
