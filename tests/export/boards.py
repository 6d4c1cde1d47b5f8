"""Two boards built through the Workspace API: a realistic one and a hostile one.

Dates are fixed (autumn 2026) so the golden text never changes; tests that depend on
"today" pass :data:`TODAY` to the renderers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from wijkapp.workspace import Workspace

TODAY = dt.date(2026, 11, 28)

#: Markup, entities, emoji (with skin tone and joiner), ĳ and friends, in one string.
NASTY = '<b>&amp;</b> a < b & "c" <b>vet</b> 🎉👍🏽👩‍👩‍👧 ĳ Ĳ € é ë ş 😀 '


def hostile(length: int) -> str:
    """A text of exactly ``length`` characters: NASTY repeated, with one 300-letter word."""
    long_word = "Ĳ" + "w" * 299
    text = NASTY + long_word + " "
    while len(text) < length:
        text += NASTY
    return text[:length]


def _item(ws: Workspace, meeting_id: str, title: str) -> str:
    return next(i.id for i in ws.agenda.for_meeting(meeting_id) if i.title == title)


def _logo(folder: Path) -> Path:
    path = folder / "logo.png"
    image = Image.new("RGB", (240, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 110, 110), fill=(0, 110, 70))
    draw.rectangle((130, 40, 230, 80), fill=(230, 160, 0))
    image.save(path)
    return path


def build_realistic(ws: Workspace, folder: Path) -> dict[str, Any]:
    """Wijkplatform Geleen-Zuid: two held meetings and one planned, with everything in them."""
    ws.boards.create(
        "Wijkplatform Geleen-Zuid", wijk="Geleen-Zuid",
        buurten=["Lindenheuvel", "Krawinkel", "Oud-Geleen"], municipality="Sittard-Geleen",
    )
    logo = ws.attachments.add(_logo(folder), owner_kind="boards", owner_id=ws.board_id).id
    ws.boards.update(ws.board_id, logo_attachment_id=logo)
    gemeente = ws.organisations.add("Gemeente Sittard-Geleen", kind="municipality",
                                    phone="14 046", website="https://www.sittard-geleen.nl").id
    welzijn = ws.organisations.add("Partners in Welzijn", kind="care").id
    politie = ws.organisations.add("Politie Limburg", kind="police").id
    people = {}
    for name, role, extra in [
        ("Mieke Janssen", "voorzitter", {"phone": "046 123 45 67", "email": "mieke@example.nl"}),
        ("Truus Hendriks-Ĳzerman", "secretaris", {"email": "secretaris@example.nl"}),
        ("Jean-Pierre Lemaître", "penningmeester", {}),
        ("Ayşe Yılmaz", "lid", {"topics": "jongeren; sport, spel"}),
        ("Harrie Vroemen", "lid", {"phone": "06 12345678"}),
    ]:
        people[name] = ws.contacts.add(name, role=role, board_member=True, **extra).id
    people["Ellen Smeets"] = ws.contacts.add(
        "Ellen Smeets", role="gebiedscoördinator", organisation_id=gemeente,
        email="e.smeets@example.nl", topics="verkeer, groen", last_contact="2026-11-12").id
    people["Rob Coenen"] = ws.contacts.add("Rob Coenen", role="wijkagent",
                                           organisation_id=politie).id
    people["Noor Bastiaens"] = ws.contacts.add(
        "Noor Bastiaens", role="wijkverpleegkundige", organisation_id=welzijn,
        notes="Bereikbaar op dinsdag en donderdag.\nLiever bellen dan mailen.").id
    chair, secretary = people["Mieke Janssen"], people["Truus Hendriks-Ĳzerman"]
    place = "Gemeenschapshuis De Kiosk, Lindenheuvel"

    m1 = ws.meetings.create("2026-10-15 19:30", place=place, chair_id=chair,
                            secretary_id=secretary).id
    traffic = ws.agenda.add(m1, "Verkeersveiligheid Rijksweg-Zuid", kind="deciding",
                            presenter="Ellen Smeets (gemeente)", planned_minutes=30).id
    play = ws.agenda.add(m1, "Speeltuin Krawinkel", kind="discussing", planned_minutes=20).id
    ws.agenda.set_notes(_item(ws, m1, "Opening en mededelingen van de voorzitter"),
                        "Mieke opent om 19:32 uur en heet Ellen Smeets welkom.")
    ws.agenda.set_notes(traffic, "Ellen laat de tellingen zien: 40% rijdt harder dan 50 km/u.\n"
                        "Bewoners vragen om een zebrapad bij de Kiosk.")
    ws.agenda.set_notes(play, "Het hek is kapot; kinderen lopen zo de weg op.")
    ws.decisions.add(m1, "De agenda wordt ongewijzigd vastgesteld.",
                     _item(ws, m1, "Vaststellen van de agenda"))
    ws.decisions.add(m1, "Het wijkplatform vraagt de gemeente om een zebrapad bij de Kiosk.",
                     traffic)
    letter = ws.actions.add(m1, "Brief aan de gemeente over het zebrapad", chair,
                            "2026-11-01", agenda_item_id=traffic).id
    fence = ws.actions.add(m1, "Offerte voor een nieuw hek opvragen", people["Harrie Vroemen"],
                           "2026-11-01", agenda_item_id=play).id
    police = ws.actions.add(m1, "Wijkagent uitnodigen voor de vergadering van december",
                            secretary, "2026-11-10").id
    for name, person in people.items():
        if name in ("Rob Coenen", "Noor Bastiaens"):
            continue
        status = "absent_notice" if name == "Ayşe Yılmaz" else "present"
        ws.meetings.set_attendance(m1, person, status, "ziek" if status != "present" else "")
    ws.meetings.mark_held(m1, "2026-10-15 21:40")

    m2 = ws.meetings.create("2026-11-12 19:30", place=place, chair_id=chair,
                            secretary_id=secretary).id
    agenda27 = ws.agenda.add(m2, "Buurtagenda 2027", kind="deciding",
                             presenter="Mieke Janssen", planned_minutes=40).id
    lonely = ws.agenda.add(m2, "Eenzaamheid onder ouderen", kind="informing",
                           presenter="Noor Bastiaens", planned_minutes=25).id
    ws.meetings.approve_previous_minutes(m2)
    ws.decisions.add(m2, "Het verslag van 15 oktober 2026 wordt vastgesteld.",
                     _item(ws, m2, "Verslag van de vorige vergadering"))
    ws.decisions.add(m2, "De buurtagenda 2027 krijgt drie doelen: veilig oversteken, een "
                     "speeltuin die heel is en minder eenzaamheid. Budget: € 1.234,50.", agenda27)
    ws.agenda.set_notes(agenda27, "Iedereen mag tot 1 december doelen aandragen.")
    ws.agenda.set_notes(lonely, "Noor vertelt over het project 'Samen aan tafel'.")
    ws.actions.mark_done(letter, dt.date(2026, 11, 5), in_meeting=m2)
    ws.actions.postpone(fence, "2026-12-01", in_meeting=m2)
    ws.actions.keep(police, m2)
    ws.actions.add(m2, "Enquête over eenzaamheid verspreiden", people["Ayşe Yılmaz"],
                   "2027-01-15", agenda_item_id=lonely)
    ws.actions.add(m2, "Concept buurtagenda schrijven", secretary, "2026-12-20",
                   agenda_item_id=agenda27)
    for name in ("Mieke Janssen", "Truus Hendriks-Ĳzerman", "Ayşe Yılmaz", "Noor Bastiaens"):
        ws.meetings.set_attendance(m2, people[name], "present")
    ws.meetings.set_attendance(m2, people["Jean-Pierre Lemaître"], "absent_notice",
                               "op vakantie")
    ws.meetings.set_attendance(m2, people["Harrie Vroemen"], "absent")
    ws.meetings.mark_held(m2, "2026-11-12 21:52")

    m3 = ws.meetings.create("2026-12-03 19:30", place=place, chair_id=chair,
                            secretary_id=secretary).id
    ws.agenda.add(m3, "Leefbaarheidsbudget 2027", kind="deciding",
                  presenter="Jean-Pierre Lemaître", planned_minutes=20)
    ws.agenda.add(m3, "Kennismaking met de wijkagent", kind="informing",
                  presenter="Rob Coenen", planned_minutes=15)
    ws.meetings.set_attendance(m3, people["Rob Coenen"], "invited")
    ws.documents.add("Uitnodiging bewonersavond Rijksweg-Zuid", sender="Gemeente Sittard-Geleen",
                     received_on="2026-11-20", meeting_id=m3)
    sent = ws.requests.add("Zebrapad bij de Kiosk", "Graag een zebrapad bij De Kiosk.",
                           kind="request", sent_to_id=people["Ellen Smeets"]).id
    ws.requests.mark_sent(sent, "2026-10-20")
    ws.requests.add("Losliggende stoeptegels Krawinkel", "Bij nummer 12.", kind="signal")
    return {"meetings": [m1, m2, m3], "people": people, "held": m1, "draft": m2, "planned": m3}


def build_hostile(ws: Workspace) -> dict[str, Any]:
    """A board whose every text field holds markup, emoji, ĳ, 5,000 characters or nothing."""
    ws.boards.create(hostile(200), wijk=hostile(200), buurten=[hostile(200), ""],
                     municipality="")
    org = ws.organisations.add(hostile(300), kind="other", notes=hostile(5000)).id
    person = ws.contacts.add(hostile(300), role=hostile(5000), organisation_id=org,
                             phone=hostile(40), topics=hostile(5000), notes=hostile(5000)).id
    empty = ws.contacts.add("🎉 Eén", role="", board_member=True).id
    meeting = ws.meetings.create("2026-11-12 19:30", title=hostile(300), place=hostile(5000),
                                 chair_id=person, notes=hostile(5000)).id
    bare = ws.meetings.create("2026-12-03 19:30", title="🎉 2", place="", from_template=False).id
    item = ws.agenda.add(meeting, hostile(500), kind="deciding", presenter=hostile(5000),
                         planned_minutes=600, notes=hostile(5000), summary=hostile(5000)).id
    ws.agenda.add(meeting, "👍 3", kind="informing", presenter="", notes="")
    for item_id in [i.id for i in ws.agenda.for_meeting(meeting)][:3]:
        ws.agenda.set_notes(item_id, hostile(5000))
    ws.decisions.add(meeting, hostile(5000), item)
    ws.decisions.add(meeting, "🎉 4")
    ws.actions.add(meeting, hostile(5000), person, "2026-11-01", agenda_item_id=item,
                   owner_name=hostile(5000), notes=hostile(5000))
    ws.actions.add(None, "🎉 5", None, None, owner_name="")
    ws.meetings.set_attendance(meeting, person, "absent_notice", hostile(1000))
    ws.meetings.set_attendance(meeting, empty, "present")
    ws.meetings.mark_held(meeting, "2026-11-12 23:59")
    earlier = ws.actions.add(meeting, hostile(2000), None, "2026-11-20").id
    ws.actions.postpone(earlier, "2026-12-24", in_meeting=bare)
    ws.documents.add(hostile(1000), sender=hostile(5000), meeting_id=bare)
    request = ws.requests.add(hostile(1000), hostile(5000), kind="signal",
                              sent_to_name=hostile(5000)).id
    ws.requests.mark_sent(request, "2026-10-01")
    ws.requests.record_answer(request, hostile(5000), "2026-11-01")
    return {"meetings": [meeting, bare], "held": meeting, "draft": meeting, "planned": bare}
