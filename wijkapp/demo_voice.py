"""The demo board's year of voices: signals heard at the door, the coffee morning and
through the district nurse; some passed on and answered, some forgotten, and groups the
board never heard from (newcomers, people with an intellectual disability).

Also fills the sociale kaart (what partners offer) and marks preventive goals and actions.
Called by :func:`wijkapp.demo.create_demo`; every record goes through the managers. All
people are invented; contact details use reserved example numbers and domains. Links to
existing demo requests and goals, so the demo's request and goal counts stay the same.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .changes import Changes

if TYPE_CHECKING:
    from .workspace import Workspace

#: What partners offer: organisation name → (offer, themes, groups, reach, cost).
OFFERS: dict[str, tuple[str, list[str], list[str], str, str]] = {
    "Thuiszorg Westelijke Mijnstreek": (
        "Wijkverpleging aan huis; de wijkverpleegkundige kijkt ook naar eenzaamheid.",
        ["zorg en ondersteuning", "eenzaamheid"], ["ouderen", "mensen met dementie", "mantelzorgers"],
        "Bel 046 410 20 30, op werkdagen van 8 tot 17 uur.", "vergoed door de zorgverzekering"),
    "Stichting Welzijn Zuid": (
        "Opbouwwerk, jongerenwerk, de Huiskamer (elke dinsdag en donderdag) en het belrondje.",
        ["ontmoeting", "eenzaamheid", "jeugd"], ["ouderen", "jongeren", "gezinnen met kinderen"],
        "Loop binnen in De Schakel of bel 046 410 55 66.", "gratis"),
    "Woonstichting Maasdal": (
        "Huurwoningen, aanpassingen in huis en bemiddeling bij burenruzies.",
        ["wonen"], ["ouderen", "mensen met een lichamelijke beperking"],
        "Via de wijkconsulent, 046 420 11 22.", "aanpassingen soms met eigen bijdrage"),
    "Politie, basisteam Westelijke Mijnstreek": (
        "De wijkagent: inbraakpreventie, overlast en zorgen over verward gedrag.",
        ["veiligheid"], ["mensen met verward gedrag"], "0900 8844; bij spoed altijd 112.", "gratis"),
}
#: New partners for the sociale kaart: (name, kind, phone, email, offer, themes, groups, reach, cost).
NEW_PARTNERS = [
    ("Knooppunt Informele Zorg", "care", "046 400 77 88", "info@knooppunt.example.nl",
     "Steun voor mantelzorgers, maatjes tegen eenzaamheid, respijtzorg.",
     ["eenzaamheid", "zorg en ondersteuning"], ["mantelzorgers", "ouderen", "mensen met dementie"],
     "Bel of mail; een consulent komt ook thuis.", "gratis"),
    ("Sociaal Wijkteam Geleen-Zuid", "care", "14 046", "wijkteam@gemeente.example.nl",
     "Hulp bij geldzorgen, schulden, Wmo-aanvragen en opvoedvragen.",
     ["bestaanszekerheid en armoede", "zorg en ondersteuning"],
     ["gezinnen met kinderen", "mensen met een psychische beperking"],
     "Spreekuur dinsdag 9-11 uur in De Schakel, of bel 14 046.", "gratis"),
]

# A signal: days before today, who heard it (demo person key), where, words, subject,
# themes, groups, follow-ups, outcome (days after hearing, text) and the resident (consent).
# A follow-up: (kind, to, days after hearing, answer days after passing on or None, answer).
SIGNALS: list[dict[str, Any]] = [
    {"ago": 340, "by": "gerda", "where": "Koffieochtend in De Schakel", "area": "Lindenheuvel",
     "words": "Sinds mijn man dood is, praat ik soms een hele week met niemand. Op zondag is het "
              "het ergst.", "subject": "Alleen na overlijden partner",
     "themes": ["eenzaamheid"], "groups": ["ouderen"],
     "follow": [("referral", "Knooppunt Informele Zorg", 3, 12, "Een maatje komt elke week langs.")],
     "outcome": (30, "We brachten mevrouw in contact met een maatje en de zondagse koffietafel.")},
    {"ago": 320, "by": "harrie", "where": "Aan de deur, Lindenlaan", "area": "Lindenheuvel",
     "words": "De auto's rijden hier veel te hard langs de school. Ik durf mijn kleinzoon niet "
              "alleen te laten lopen.", "subject": "Te hard rijden bij de school",
     "themes": ["verkeer", "veiligheid"], "groups": ["gezinnen met kinderen", "ouderen"],
     "follow": [("request_link", "smiley", 5, None, "")],
     "outcome": (60, "We vroegen de gemeente om smileyborden en telden zelf het verkeer.")},
    {"ago": 300, "by": "gerda", "where": "Via de wijkverpleegkundige", "area": None,
     "words": "De taxi van het Wmo-vervoer komt vaak een uur te laat. Dan mis ik mijn afspraak "
              "bij de fysio.", "subject": "Wmo-vervoer te laat",
     "themes": ["zorg en ondersteuning", "verkeer"], "groups": ["ouderen", "mensen met een lichamelijke beperking"],
     "follow": [("request_link", "wmo", 4, None, "")],
     "outcome": (90, "We gaven de ervaringen door; de gemeente spreekt de vervoerder erop aan.")},
    {"ago": 280, "by": "fatima", "where": "Buurtpraat bij de supermarkt", "area": "Krawinkel",
     "words": "Er is niks voor de jongeren hier. Ze hangen bij de speeltuin omdat ze nergens "
              "anders heen kunnen.", "subject": "Geen plek voor jongeren",
     "themes": ["jeugd", "ontmoeting"], "groups": ["jongeren"],
     "follow": [("goal_link", "speelveld", 7, None, "")],
     "outcome": (120, "Twaalf jongeren dachten mee op de ontwerpavond voor het speelveld.")},
    {"ago": 260, "by": "gerda", "where": "Koffieochtend in De Schakel", "area": "Krawinkel",
     "words": "Mijn vrouw vergeet steeds meer. Ik zorg dag en nacht voor haar en ik ben zo moe.",
     "subject": "Mantelzorger overbelast", "themes": ["zorg en ondersteuning", "eenzaamheid"],
     "groups": ["mantelzorgers", "mensen met dementie"],
     "follow": [("referral", "Knooppunt Informele Zorg", 2, 9, "Respijtzorg op woensdag geregeld."),
                ("referral", "Thuiszorg Westelijke Mijnstreek", 2, 20, "Casemanager dementie is gestart.")],
     "outcome": (40, "De mantelzorger heeft nu elke woensdag vrij en een casemanager dementie."),
     "resident": ("Dhr. Van Loon", "046 499 00 11")},
    {"ago": 230, "by": "twan", "where": "Opruimactie Zuiderpark", "area": "Zuiderpark",
     "words": "Overal hondenpoep in het park. Mijn kinderen kunnen niet meer op het gras spelen.",
     "subject": "Hondenpoep in het park", "themes": ["schoon en heel", "groen"],
     "groups": ["gezinnen met kinderen"],
     "follow": [("request_link", "afvalbakken", 3, None, "")],
     "outcome": (70, "Er staan drie extra afvalbakken; het aantal plekken met poep halveerde.")},
    {"ago": 210, "by": "voorzitter", "where": "Spreekuur van het platform", "area": "Het Rode Dorp",
     "words": "Ik moet kiezen tussen de huur en boodschappen. Ik schaam me om het te vragen.",
     "subject": "Geldzorgen", "themes": ["bestaanszekerheid en armoede"], "groups": ["ouderen"],
     "follow": [("referral", "Sociaal Wijkteam Geleen-Zuid", 1, 14, "Afspraak bij de schuldhulp; "
                 "bijzondere bijstand aangevraagd.")],
     "outcome": (45, "Via het sociaal wijkteam kreeg de bewoner hulp bij de geldzaken.")},
    {"ago": 190, "by": "harrie", "where": "Aan de deur, Schoolstraat", "area": "Lindenheuvel",
     "words": "Een buurman staat 's nachts te schreeuwen op straat. Ik weet niet of hij hulp "
              "nodig heeft of dat ik de politie moet bellen.", "subject": "Zorgen om schreeuwende buurman",
     "themes": ["veiligheid", "zorg en ondersteuning"], "groups": ["mensen met verward gedrag"],
     "follow": [("referral", "Politie, basisteam Westelijke Mijnstreek", 1, 6,
                 "De wijkagent is langs geweest en heeft zorg ingeschakeld.")],
     "outcome": (20, "De wijkagent en de GGZ zijn betrokken; de buurman krijgt hulp.")},
    {"ago": 170, "by": "gerda", "where": "Belrondje", "area": "Elsloo-Zuid",
     "words": "Sinds de bushalte weg is, kom ik de wijk niet meer uit.", "subject": "Bushalte weg",
     "themes": ["verkeer", "eenzaamheid"], "groups": ["ouderen", "mensen met een lichamelijke beperking"],
     "follow": [("request_link", "contract", 10, None, "")], "outcome": None},
    {"ago": 150, "by": "fatima", "where": "Schoolplein De Klimop", "area": "Lindenheuvel",
     "words": "Na school is er niemand die de kinderen helpt met huiswerk. Ik kan het zelf niet.",
     "subject": "Huiswerkhulp gezocht", "themes": ["jeugd"], "groups": ["gezinnen met kinderen"],
     "follow": [("referral", "Stichting Welzijn Zuid", 6, 21, "Start huiswerkklas op woensdag.")],
     "outcome": (50, "Stichting Welzijn Zuid begon een huiswerkklas in De Schakel.")},
    {"ago": 130, "by": "twan", "where": "Wijkschouw", "area": "Het Rode Dorp",
     "words": "Het gras is zo hoog dat je bij de kruising niet ziet wat eraan komt.",
     "subject": "Hoog gras bij kruisingen", "themes": ["groen", "verkeer"], "groups": [],
     "follow": [("request_link", "zichthoeken", 2, None, "")],
     "outcome": (35, "De gemeente maait de kruisingen nu vaker.")},
    {"ago": 110, "by": "gerda", "where": "Koffieochtend in De Schakel", "area": "Lindenheuvel",
     "words": "Ik ben vorig jaar gevallen. Nu durf ik de trap niet meer af en kom ik niet buiten.",
     "subject": "Bang om te vallen", "themes": ["wonen", "zorg en ondersteuning", "eenzaamheid"],
     "groups": ["ouderen"],
     "follow": [("referral", "Woonstichting Maasdal", 4, 25, "Traplift aangevraagd via de Wmo.")],
     "outcome": None},
    {"ago": 95, "by": "voorzitter", "where": "Bewonersavond", "area": "Krawinkel",
     "words": "In onze flat is de lift al drie weken kapot. Mijn buurvrouw zit boven vast.",
     "subject": "Lift kapot", "themes": ["wonen"], "groups": ["ouderen", "mensen met een lichamelijke beperking"],
     "follow": [("referral", "Woonstichting Maasdal", 1, 3, "Monteur is geweest; lift werkt weer.")],
     "outcome": (10, "We belden de woonstichting; de lift werd binnen een week gemaakt.")},
    {"ago": 80, "by": "fatima", "where": "Buurtpraat bij de supermarkt", "area": "Krawinkel",
     "words": "Ik ben nieuw hier en ken niemand. Waar kan ik koffie drinken met buren?",
     "subject": "Nieuw in de wijk", "themes": ["ontmoeting", "eenzaamheid"], "groups": [],
     "follow": [], "outcome": (5, "We nodigden de bewoner uit voor de Huiskamer en de koffieochtend.")},
    {"ago": 70, "by": "harrie", "where": "Aan de deur, Lindenlaan", "area": "Lindenheuvel",
     "words": "Er wordt steeds vaker ingebroken in de schuurtjes achter de huizen.",
     "subject": "Inbraken in schuurtjes", "themes": ["veiligheid"], "groups": [],
     "follow": [], "outcome": None},
    {"ago": 60, "by": "gerda", "where": "Via de wijkverpleegkundige", "area": "Elsloo-Zuid",
     "words": "Mijn zoon woont bij mij en komt zijn kamer niet meer uit. Ik weet niet waar ik "
              "hulp kan vragen.", "subject": "Zorgen om zoon",
     "themes": ["zorg en ondersteuning"], "groups": ["mensen met een psychische beperking", "mantelzorgers"],
     "follow": [("referral", "Sociaal Wijkteam Geleen-Zuid", 3, None, "")], "outcome": None},
    {"ago": 45, "by": "twan", "where": "Opruimactie Zuiderpark", "area": "Zuiderpark",
     "words": "De bankjes in het park zijn kapot. Ouderen kunnen nergens even uitrusten.",
     "subject": "Kapotte bankjes", "themes": ["groen", "ontmoeting"], "groups": ["ouderen"],
     "follow": [], "outcome": None},
    {"ago": 30, "by": "gerda", "where": "Koffieochtend in De Schakel", "area": "Lindenheuvel",
     "words": "De koffieochtend is het enige uur in de week dat ik iemand spreek.",
     "subject": "Koffieochtend belangrijk", "themes": ["eenzaamheid", "ontmoeting"], "groups": ["ouderen"],
     "follow": [("goal_link", "ouderen", 2, None, "")], "outcome": None},
    {"ago": 12, "by": "fatima", "where": "Schoolplein De Klimop", "area": "Krawinkel",
     "words": "De energierekening is zo hoog dat we de verwarming uit laten. De kinderen zijn "
              "steeds ziek.", "subject": "Energiearmoede", "themes": ["bestaanszekerheid en armoede", "wonen"],
     "groups": ["gezinnen met kinderen"], "follow": [], "outcome": None},
]
PREVENTIVE_GOALS = ("Minder eenzaamheid bij alleenwonende ouderen", "Veilige schoolroute naar De Klimop")


def add_voice(ws: Workspace, today: dt.date, people: dict[str, str],
              requests: dict[str, str], goals: dict[str, str]) -> Changes:
    """Fill the sociale kaart, a year of signals and the preventive marks; return the changes."""
    changes = Changes()

    def keep(step: Changes) -> Changes:
        nonlocal changes
        changes = changes.merged(step)
        return step

    organisations = {o.name: o.id for o in ws.organisations.all()}
    for name, (offer, themes, groups, reach, cost) in OFFERS.items():
        if name in organisations:
            keep(ws.organisations.update(organisations[name], offer=offer, themes=themes,
                                         groups=groups, reach=reach, cost=cost))
    for name, kind, phone, email, offer, themes, groups, reach, cost in NEW_PARTNERS:
        organisations[name] = keep(ws.organisations.add(
            name, kind=kind, phone=phone, email=email, offer=offer, themes=themes, groups=groups,
            reach=reach, cost=cost)).id or ""
    areas = {a.name: a.id for a in ws.areas.all()}
    for spec in SIGNALS:
        heard = today - dt.timedelta(days=spec["ago"])
        fields: dict[str, Any] = {"place": spec["where"], "heard_by_id": people.get(spec["by"]),
                                  "area_id": areas.get(spec["area"] or ""), "subject": spec["subject"],
                                  "themes": spec["themes"], "groups": spec["groups"]}
        if spec.get("resident"):
            name, contact = spec["resident"]
            fields.update(consent=True, consent_on=heard, resident_name=name, resident_contact=contact)
        signal_id = keep(ws.signals.add(spec["words"], heard, **fields)).id or ""
        for kind, to, after, answer_after, answer in spec["follow"]:
            on = min(heard + dt.timedelta(days=after), today)
            if kind == "request_link":
                if to in requests:
                    keep(ws.signals.pass_on(signal_id, "request", link_id=requests[to], on=on))
                continue
            if kind == "goal_link":
                keep(ws.signals.pass_on(signal_id, "goal", link_id=goals[to], on=on))
                continue
            step = keep(ws.signals.pass_on(signal_id, kind, to_id=organisations.get(to),
                                           to_name="" if to in organisations else to, on=on))
            if answer_after is not None and heard + dt.timedelta(days=after + answer_after) <= today:
                keep(ws.signals.record_answer(step.id or "", answer,
                                              on=on + dt.timedelta(days=answer_after)))
        if spec["outcome"] and heard + dt.timedelta(days=spec["outcome"][0]) <= today:
            days, text = spec["outcome"]
            keep(ws.signals.set_outcome(signal_id, text, on=heard + dt.timedelta(days=days)))
    for goal in ws.goals.all():
        if goal.title in PREVENTIVE_GOALS:
            keep(ws.goals.update(goal.id, preventive=True))
            for action in ws.actions.all():
                if action.goal_id == goal.id:
                    keep(ws.actions.update(action.id, preventive=True))
    return changes
