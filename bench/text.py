"""Varied Dutch minutes text for the generated database, so search meets realistic data.

Everything is built from small word lists with one seeded :class:`random.Random`; the
same seed gives the same text.
"""

from __future__ import annotations

import random

STREETS = [
    "Kerkstraat", "Lindenlaan", "IJsselstraat", "Schoolstraat", "Rijksweg", "Beukenlaan",
    "Meidoornstraat", "Vlierstraat", "Molenweg", "Stationsstraat", "Mijnstraat", "Maasweg",
    "Julianastraat", "Kastanjelaan", "Bergstraat", "Akkerweg", "Dorpsstraat", "Parklaan",
]
PLACES = [
    "het gemeenschapshuis", "het speelveld", "de basisschool", "het winkelcentrum", "het park",
    "de moestuin", "het seniorencomplex", "de sporthal", "het station", "het Kerkplein",
]
SUBJECTS = [
    ("Verkeersveiligheid", "verkeersveiligheid rond de basisschool", ["auto's", "oversteek",
     "schoolzone", "drempels", "snelheid", "parkeren op de stoep"]),
    ("Hondenpoep en afvalbakken", "hondenpoep en te weinig afvalbakken", ["afvalbak",
     "hondenpoep", "zakjesautomaat", "poepkaart", "legen"]),
    ("Speelveld", "het speelveld", ["doeltjes", "drainage", "hangplek", "kinderen", "jongeren"]),
    ("Eenzaamheid bij ouderen", "eenzaamheid bij ouderen", ["belrondje", "Huiskamer",
     "koffieochtend", "vrijwilligers", "mantelzorg"]),
    ("Groenonderhoud", "het groenonderhoud", ["maaien", "bermen", "plantsoenen", "bomen",
     "zichthoeken", "onkruid"]),
    ("Buurtbudget", "het buurtbudget", ["aanvraag", "burendag", "begroting", "toekenning",
     "kerstverlichting"]),
    ("De buurtagenda", "de buurtagenda", ["bouwstenen", "doelen", "buurtscan", "wethouder",
     "wijkprogramma"]),
    ("Glasvezel", "de aanleg van glasvezel", ["graafwerkzaamheden", "aansluiting", "verkopers",
     "informatieavond"]),
    ("Wmo-vervoer", "het Wmo-vervoer", ["regiotaxi", "ophalen", "vervoerder", "klachten",
     "ziekenhuisafspraak"]),
    ("Veiligheid", "veiligheid en inbraken", ["wijkagent", "buurtapp", "inbraakpreventie",
     "scooters", "verlichting"]),
    ("Zwerfafval", "zwerfafval", ["opruimactie", "blikjes", "sigarettenpeuken", "grijpers"]),
    ("Wonen en renovatie", "de renovatie van huurwoningen", ["woningcorporatie", "isolatie",
     "huurders", "planning", "overlast"]),
    ("Jongeren", "plekken voor jongeren", ["jongerenwerk", "inloop", "sport", "overlast"]),
    ("Parkeren", "parkeerdruk", ["vergunning", "busjes", "laadpalen", "parkeerplaatsen"]),
    ("Duurzaamheid", "energie besparen", ["zonnepanelen", "energiecoach", "isolatie", "subsidie"]),
    ("Armoede", "geldzorgen in de buurt", ["voedselbank", "schuldhulp", "energietoeslag"]),
]
NAMES_FIRST = [
    "Marianne", "Jo", "Ria", "Harrie", "Fatima", "Twan", "Gerda", "Ilse", "Bart", "Rob", "Anouk",
    "Yusuf", "Sandra", "Peter", "Mieke", "Sjaak", "Lies", "Noor", "Ahmed", "Wim", "Truus", "Ruud",
    "Esther", "Kevin", "Petra", "Sem", "Annelies", "Hans", "Zeynep", "Jeanne",
]
NAMES_LAST = [
    "Hendriks", "Smeets", "Janssen", "Vliegen", "el Amrani", "Coenen", "IJzerman", "Brouwers",
    "Dassen", "Geurts", "Lemmens", "Kaya", "Wolters", "Ramakers", "Schreurs", "Houben", "Peeters",
    "Vroemen", "Bosch", "Claessens", "Wetzels", "Meertens", "Dirix", "Thijssen", "Çelik",
]
ROLES = ["Voorzitter", "Secretaris", "Penningmeester", "Lid", "Lid", "Lid", "Lid"]
GUEST_ROLES = [
    "Wijkregisseur", "Beleidsmedewerker verkeer", "Wijkagent", "Wijkverpleegkundige",
    "Opbouwwerker", "Wijkconsulent", "Jongerenwerker", "Beleidsmedewerker groen",
]
SENDERS = [
    "Gemeente", "Woningcorporatie", "Politie", "Welzijnsorganisatie", "Bewoner", "Basisschool",
    "Seniorenvereniging", "Netbeheerder", "Speeltuinvereniging", "Huisartsenpraktijk",
]

_OPENERS = [
    "{who} doet verslag over {subject}.",
    "{who} vertelt dat er in de {street} veel klachten zijn over {subject}.",
    "Bewoners van de {street} maken zich zorgen over {subject}.",
    "Naar aanleiding van het vorige verslag komt {subject} opnieuw aan de orde.",
    "{who} heeft met {n} bewoners bij {place} gesproken over {subject}.",
]
_MIDDLES = [
    "Er zijn {n} meldingen binnengekomen, o.a. over {w1} en {w2}.",
    "De gemeente schat de kosten op € {money}; er is nog geen budget.",
    "Volgens de wijkregisseur is {w1} vooral een zaak van de gemeente.",
    "Bij {place} gaat het vooral om {w1}; in de {street} speelt ook {w2}.",
    "Uit een telling blijkt dat {pct} procent van de bewoners {w1} belangrijk vindt.",
    "{who2} merkt op dat {w1} al eerder is besproken, zonder resultaat.",
    "Er wordt stilgestaan bij {w2}; sommige leden vinden dat te duur (€ {money}).",
    "Er is discussie over {w1}: niet iedereen is het eens.",
]
_CLOSERS = [
    "Afgesproken wordt dat {who2} dit uitzoekt voor de volgende vergadering.",
    "Het platform stuurt een verzoek aan de gemeente.",
    "Het onderwerp komt terug op de agenda.",
    "Het platform besluit {w1} mee te nemen in de buurtagenda.",
    "{who} houdt de bewoners van de {street} op de hoogte.",
]


class TextMaker:
    """Seeded generator of names, titles, minutes and summaries in Dutch."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def name(self) -> str:
        """A fictional person's name."""
        return f"{self.rng.choice(NAMES_FIRST)} {self.rng.choice(NAMES_LAST)}"

    def subject(self) -> tuple[str, str, list[str]]:
        """One topic: (title word, phrase, keywords)."""
        return self.rng.choice(SUBJECTS)

    def topic_title(self, subject: tuple[str, str, list[str]]) -> str:
        """An agenda item title about ``subject``."""
        title, _, words = subject
        extra = self.rng.choice([
            f" in de {self.rng.choice(STREETS)}", f": {self.rng.choice(words)}",
            " (vervolg)", f" bij {self.rng.choice(PLACES)}", "",
        ])
        return title + extra

    def _fill(self, template: str, subject: tuple[str, str, list[str]]) -> str:
        rng = self.rng
        _, phrase, words = subject
        return template.format(
            who=self.name(), who2=self.name(), subject=phrase, street=rng.choice(STREETS),
            place=rng.choice(PLACES), n=rng.randint(2, 80), pct=rng.randint(10, 90),
            money=f"{rng.randint(1, 60)}.{rng.randint(0, 9)}00", w1=rng.choice(words),
            w2=rng.choice(words),
        )

    def notes(self, subject: tuple[str, str, list[str]]) -> str:
        """Minutes of one topic: three to six sentences."""
        rng = self.rng
        parts = [self._fill(rng.choice(_OPENERS), subject)]
        parts += [self._fill(rng.choice(_MIDDLES), subject) for _ in range(rng.randint(1, 4))]
        parts.append(self._fill(rng.choice(_CLOSERS), subject))
        return " ".join(parts)

    def summary(self, subject: tuple[str, str, list[str]]) -> str:
        """A one-sentence plain-language summary."""
        _, phrase, words = subject
        return f"We hebben gepraat over {phrase}. Het gaat vooral om {self.rng.choice(words)}."

    def decision(self, subject: tuple[str, str, list[str]]) -> str:
        """A decision text."""
        _, phrase, words = subject
        return self.rng.choice([
            f"Het platform vraagt de gemeente om actie op {phrase} ({self.rng.choice(words)}).",
            f"Het platform stelt € {self.rng.randint(1, 30) * 50} beschikbaar voor "
            f"{self.rng.choice(words)}.",
            f"Het onderwerp {phrase} wordt opgenomen in de buurtagenda.",
            f"Het voorstel over {self.rng.choice(words)} in de {self.rng.choice(STREETS)} "
            "wordt aangenomen.",
        ])

    def action(self, subject: tuple[str, str, list[str]]) -> str:
        """An action text."""
        _, phrase, words = subject
        return self.rng.choice([
            f"Uitzoeken hoe het staat met {self.rng.choice(words)}",
            f"Brief aan de gemeente over {phrase} opstellen",
            f"Bewoners van de {self.rng.choice(STREETS)} informeren over {self.rng.choice(words)}",
            f"Overleg plannen over {phrase}",
        ])

    def short(self, subject: tuple[str, str, list[str]]) -> str:
        """One sentence, for standard agenda items and documents."""
        return self._fill(self.rng.choice(_MIDDLES), subject)
