"""A realistic, fictional demo board: "Wijkplatform Geleen-Zuid" with a year of meetings.

:func:`create_demo` fills an *empty* workspace through the normal managers, so the demo
obeys every rule the app itself obeys (decision numbers, postponement counts, search
index). All people, addresses and organisations are invented; phone numbers and e-mail
addresses use reserved example domains. The content is deterministic: the same ``today``
gives the same board (only the record ids and timestamps differ).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .changes import Changes
from .errors import ValidationError
from .i18n import _
from .timeutil import TZ
from .timeutil import today as current_day

if TYPE_CHECKING:
    from .workspace import Workspace

SEED = 20260

BOARD = {
    "name": "Wijkplatform Geleen-Zuid",
    "wijk": "Geleen-Zuid",
    "municipality": "Sittard-Geleen",
}
BUURTEN = ["Lindenheuvel", "Krawinkel", "Het Rode Dorp", "Elsloo-Zuid", "Zuiderpark"]
#: How residents reach the board (printed on every resident document).
CONTACT = {
    "contact_person": "Jo Smeets",
    "contact_email": "info@wijkplatformgeleenzuid.example.nl",
    "contact_phone": "046 410 77 88",
    "contact_website": "www.wijkplatformgeleenzuid.example.nl",
    "contact_address": "Kerkstraat 12, 6163 AB Geleen",
}
PLACE = "Buurthuis De Schakel, Kerkstraat 12"

#: key: (name, kind, phone, email, website, notes)
ORGANISATIONS: dict[str, tuple[str, str, str, str, str, str]] = {
    "gemeente": ("Gemeente Sittard-Geleen", "municipality", "14 046", "info@gemeente.example.nl",
                 "https://gemeente.example.nl", "Vragen en meldingen via de wijkregisseur."),
    "politie": ("Politie, basisteam Westelijke Mijnstreek", "police", "0900 8844",
                "wijkagent.zuid@politie.example.nl", "", "Bij spoed altijd 112."),
    "zorg": ("Thuiszorg Westelijke Mijnstreek", "care", "046 410 20 30",
             "wijkteam@thuiszorg.example.nl", "", "Wijkverpleging voor Lindenheuvel en Krawinkel."),
    "welzijn": ("Stichting Welzijn Zuid", "partner", "046 410 55 66", "info@welzijnzuid.example.nl",
                "https://welzijnzuid.example.nl", "Opbouwwerk, jongerenwerk en de Huiskamer."),
    "corporatie": ("Woonstichting Maasdal", "partner", "046 420 11 22", "info@maasdal.example.nl",
                   "", "Verhuurt ca. 1.400 woningen in Geleen-Zuid."),
    "school": ("Basisschool De Klimop", "partner", "046 420 33 44", "directie@deklimop.example.nl",
               "", "Schoolstraat 3, Lindenheuvel; 260 leerlingen."),
    "speeltuin": ("Speeltuinvereniging Krawinkel", "residents", "", "bestuur@speeltuinkrawinkel.example.nl",
                  "", "Beheert de speeltuin aan de Beukenlaan."),
}

#: key: (name, role, organisation key or "", topics, board member?, days since last contact)
PEOPLE: dict[str, tuple[str, str, str, str, bool, int]] = {
    "voorzitter": ("Marianne Hendriks-Peters", "Voorzitter", "", "contacten gemeente, buurtagenda", True, 3),
    "secretaris": ("Jo Smeets", "Secretaris", "", "verslagen, ingekomen stukken, website", True, 2),
    "penningmeester": ("Ria Janssen", "Penningmeester", "", "buurtbudget, begroting", True, 9),
    "harrie": ("Harrie Vliegen", "Lid", "", "verkeer, parkeren, veilige schoolroute", True, 12),
    "fatima": ("Fatima el Amrani", "Lid", "", "jongeren, speelveld, jonge gezinnen", True, 6),
    "twan": ("Twan Coenen", "Lid", "", "groen, afval, hondenpoep, opruimacties", True, 15),
    "gerda": ("Gerda IJzerman", "Lid", "", "ouderen, eenzaamheid, Wmo-vervoer", True, 4),
    "wijkregisseur": ("Ilse Brouwers", "Wijkregisseur", "gemeente",
                      "leefbaarheid, buurtbudget, signalen, wijkprogramma", False, 5),
    "beleid": ("Bart Dassen", "Beleidsmedewerker verkeer en groen", "gemeente",
               "verkeersveiligheid, groenonderhoud, bomen", False, 40),
    "wijkagent": ("Rob Geurts", "Wijkagent", "politie", "veiligheid, inbraken, overlast", False, 55),
    "wijkverpleegkundige": ("Anouk Lemmens", "Wijkverpleegkundige", "zorg",
                            "ouderen, eenzaamheid, mantelzorg", False, 30),
    "opbouwwerker": ("Yusuf Kaya", "Opbouwwerker", "welzijn",
                     "jongerenwerk, vrijwilligers, de Huiskamer", False, 20),
    "woonconsulent": ("Sandra Wolters", "Wijkconsulent", "corporatie", "renovatie, overlast, woningen", False, 75),
    "directeur": ("Peter Ramakers", "Directeur", "school", "schoolroute, verkeersbrigade", False, 90),
}

# A topic: key, title, presenter, minutes, kind, notes, summary, decisions, actions, goal.
# An action: (what, owner key, weeks until due, outcomes in the following meetings).
T = dict[str, Any]
TOPICS: list[T] = [
    {"key": "verkeer1", "title": "Verkeersveiligheid rond basisschool De Klimop", "by": "harrie",
     "min": 20, "kind": "discussing", "goal": "verkeer",
     "notes": "Harrie doet verslag van de schouw met o.a. de directeur van De Klimop en twee ouders. "
     "Tussen 8.15 en 8.30 uur zijn 64 auto's geteld in de Schoolstraat; 11 daarvan parkeerden op de "
     "stoep. Ouders maken zich zorgen over de oversteek bij de IJsselstraat, waar geparkeerde busjes "
     "het zicht wegnemen. De wijkagent geeft aan dat handhaving alleen af en toe kan en adviseert een "
     "schoolzone met rode markering. Het platform wil ook de ongevallencijfers van de gemeente zien.",
     "summary": "Bij de school is het 's ochtends druk. Dat is niet veilig voor de kinderen. We vragen de gemeente om een schoolzone.",
     "decisions": ["Het wijkplatform vraagt de gemeente schriftelijk om een schoolzone bij "
                   "basisschool De Klimop."],
     "actions": [("Een brief over de schoolzone naar de gemeente sturen", "harrie", 3, ["done"]),
                 ("De cijfers over ongelukken in de Schoolstraat en IJsselstraat opzoeken", "beleid", 6,
                  ["postponed", "postponed", "done"])]},
    {"key": "hond1", "title": "Hondenpoep en afvalbakken in het Zuiderpark", "by": "twan", "min": 15,
     "kind": "discussing", "goal": "park",
     "notes": "Twan heeft met een paar bewoners een 'poepkaart' gemaakt: op 23 plekken in en rond het "
     "park lag hondenpoep. Er staan 4 afvalbakken in een park van bijna 3 hectare, en twee daarvan "
     "zijn vaak vol. De wijkregisseur legt uit dat de gemeente twee jaar geleden bakken heeft "
     "weggehaald om te besparen (ca. € 180 per bak per jaar aan legen). Het platform vindt een proef "
     "met extra bakken en zakjes de moeite waard.",
     "summary": "Er ligt veel poep van honden in het Zuiderpark. We vragen de gemeente om meer bakken. Eerst een half jaar, als proef.",
     "decisions": ["Het platform vraagt de gemeente om een proef van zes maanden met drie extra "
                   "afvalbakken met zakjesautomaat in het Zuiderpark."],
     "actions": [("Een kaart maken van de plekken met veel hondenpoep", "twan", 2, ["done"])]},
    {"key": "budget1", "title": "Buurtbudget: stand van zaken", "by": "penningmeester", "min": 15,
     "kind": "deciding",
     "notes": "De penningmeester meldt dat van het buurtbudget van € 12.500 nu € 7.840 is besteed of "
     "toegezegd. Grootste posten zijn o.a. de burendag (€ 1.950), de kerstverlichting op het Kerkplein "
     "(€ 2.400) en de moestuin in Krawinkel (€ 1.100). Er liggen drie nieuwe aanvragen van "
     "bewonersgroepen. Afgesproken wordt dat aanvragen boven € 500 altijd in de vergadering komen.",
     "summary": "In de pot voor de buurt zit nog € 4.660. Vraagt iemand veel geld uit de pot? Dan beslissen we dat samen.",
     "decisions": ["Aanvragen uit het buurtbudget boven € 500 worden voortaan in de vergadering "
                   "besloten; kleinere aanvragen beslissen voorzitter en penningmeester samen.",
                   "De aanvraag van Speeltuinvereniging Krawinkel voor nieuwe zandbakhoezen "
                   "(€ 340) wordt toegekend."],
     "actions": [("Het formulier voor het buurtbudget aanpassen en op de website zetten", "secretaris", 4,
                  ["postponed", "done"])]},
    {"key": "eenzaam1", "title": "Eenzaamheid bij ouderen in Lindenheuvel", "by": "wijkverpleegkundige",
     "min": 25, "kind": "discussing", "goal": "ouderen",
     "notes": "De wijkverpleegkundige bezoekt in Lindenheuvel ongeveer 40 alleenwonende ouderen boven "
     "de 75; bij een op de vier ziet zij signalen van eenzaamheid. Veel mensen durven geen hulp te "
     "vragen of weten niet waar de koffieochtend is. De opbouwwerker noemt de Huiskamer in het "
     "gemeenschapshuis, die op dinsdag open is maar weinig bekend. Gerda stelt een belrondje voor met "
     "vrijwilligers uit de buurt. Ook het vervoer speelt mee: zonder Wmo-vervoer komen sommige "
     "ouderen de deur niet uit.",
     "summary": "Veel ouderen in Lindenheuvel zijn eenzaam. Mensen uit de buurt gaan hen elke week bellen. En we vertellen meer over de Huiskamer.",
     "decisions": ["Het platform start met Stichting Welzijn Zuid een proef met een belrondje voor "
                   "alleenwonende ouderen in Lindenheuvel."],
     "actions": [("Een folder over de Huiskamer maken en in de buurt rondbrengen", "gerda", 5,
                  ["done"]),
                 ("Mensen zoeken die willen helpen bij het belrondje", "opbouwwerker", 6,
                  ["postponed", "postponed"])]},
    {"key": "speel1", "title": "Het speelveld aan de Kerkstraat", "by": "fatima", "min": 20,
     "kind": "discussing", "goal": "speelveld",
     "notes": "Fatima heeft bij het speelveld met 18 kinderen en 9 ouders gesproken. De doeltjes zijn "
     "kapot, het gras staat na regen blank en 's avonds hangen er groepjes jongeren rond. Omwonenden "
     "ervaren overlast; de jongeren zeggen dat er verder nergens plek voor hen is. De wijkagent ziet "
     "geen grote problemen, wel af en toe lachgas. Het platform wil het speelveld opknappen samen mét "
     "de jongeren, niet tegen ze.",
     "summary": "Het speelveld aan de Kerkstraat is kapot. We willen het samen met kinderen en "
     "jongeren opknappen.",
     "decisions": ["Het opknappen van het speelveld aan de Kerkstraat komt op de buurtagenda."],
     "actions": [("Met kinderen en buren een plan voor het speelveld maken", "fatima", 6,
                  ["postponed", "done"]),
                 ("De gemeente vragen om nieuwe doeltjes en een droog speelveld", "secretaris", 3,
                  ["done"])]},
    {"key": "groen1", "title": "Groenonderhoud: klachten over de plantsoenen", "by": "twan", "min": 15,
     "kind": "discussing",
     "notes": "Sinds de gemeente minder vaak maait, krijgt het platform veel klachten, o.a. over hoog "
     "gras langs de Rijksweg en distels in de plantsoenen van Het Rode Dorp. De beleidsmedewerker "
     "legt uit dat bermen bewust minder worden gemaaid voor bijen en vlinders, maar dat stoepranden "
     "en zichthoeken kort horen te blijven. Twan telde 12 kruisingen waar het zicht slecht is. "
     "Klachten worden voortaan gebundeld in plaats van los doorgestuurd.",
     "summary": "Bewoners klagen over hoog gras. De gemeente maait minder voor de bijen, maar bij "
     "kruisingen moet het gras kort blijven.",
     "decisions": ["Klachten over groenonderhoud worden maandelijks gebundeld en als één signaal naar "
                   "de gemeente gestuurd."],
     "actions": [("Een lijst van de hoeken met hoog gras naar de gemeente sturen", "twan", 2,
                  ["done"])]},
    {"key": "glas1", "title": "Glasvezel in Elsloo-Zuid", "by": "voorzitter", "min": 10,
     "kind": "informing",
     "notes": "In Elsloo-Zuid wordt binnenkort glasvezel aangelegd. Bewoners kregen een brief, maar "
     "veel ouderen begrijpen niet of ze iets moeten doen, en er staan verkopers aan de deur. De "
     "voorzitter stelt een informatieavond voor met een onafhankelijke deskundige. Niemand moet onder "
     "druk een contract tekenen.",
     "summary": "In Elsloo-Zuid komt glasvezel. Er komt een informatieavond, zodat niemand aan de deur "
     "iets tekent wat hij niet wil.",
     "decisions": ["Het platform organiseert een informatieavond over glasvezel in Elsloo-Zuid."],
     "actions": [("Een zaal en een spreker regelen voor de avond over glasvezel", "voorzitter", 4,
                  ["done"])]},
    {"key": "agenda1", "title": "De buurtagenda: waar staan we?", "by": "secretaris", "min": 30,
     "kind": "discussing", "goal": "agenda",
     "notes": "De secretaris loopt de zeven bouwstenen van de buurtagenda langs. Er staan elf doelen; "
     "drie lopen en één is gehaald. Bij bouwsteen 4, verhalen ophalen, valt op dat vooral de vaste "
     "bewoners inspreken. Fatima stelt voor om op zaterdag bij de supermarkt en op het schoolplein "
     "bewoners aan te spreken. De wijkregisseur biedt aan de buurtagenda met de wethouder te bespreken.",
     "summary": "We kijken hoe het gaat met onze doelen. We willen met meer mensen uit de buurt praten. Ook met jonge gezinnen.",
     "decisions": ["De buurtagenda wordt twee keer per jaar helemaal besproken: in het voorjaar en in "
                   "het najaar."],
     "actions": [("Een gesprek met de wethouder plannen over onze doelen", "wijkregisseur", 8,
                  ["postponed"]),
                 ("Op zaterdag bij de supermarkt met bewoners praten", "fatima", 6, ["done"])]},
    {"key": "wmo1", "title": "Wmo-vervoer en de regiotaxi", "by": "gerda", "min": 15,
     "kind": "discussing",
     "notes": "Gerda heeft signalen van zeven bewoners die te laat of helemaal niet zijn opgehaald door "
     "de regiotaxi, o.a. voor een afspraak in het ziekenhuis. Een bewoonster uit de IJsselstraat "
     "wachtte anderhalf uur in de kou. De wijkverpleegkundige herkent het beeld. De signalen worden "
     "gebundeld en zonder namen naar de gemeente gestuurd, met de vraag om een reactie van de "
     "vervoerder.",
     "summary": "De taxi voor ouderen komt soms te laat. We sturen hun klachten naar de gemeente.",
     "decisions": ["Signalen over het Wmo-vervoer worden gebundeld en als signaal aan de gemeente "
                   "gestuurd."],
     "actions": [("Alle klachten over de regiotaxi op papier zetten, zonder namen", "gerda", 3, ["done"])]},
    {"key": "verkeer2", "title": "Schoolzone De Klimop: antwoord van de gemeente", "by": "harrie",
     "min": 15, "kind": "deciding", "goal": "verkeer",
     "notes": "De gemeente heeft op tijd geantwoord: er komt een schoolzone, maar pas na de zomer, "
     "omdat het budget voor verkeersmaatregelen dit jaar op is. Op korte termijn komen twee tijdelijke "
     "borden 'Let op, school'. Harrie is tevreden over de inhoud, niet over de wachttijd. Ouders "
     "willen zelf verkeersbrigadiers leveren; De Klimop zoekt nog twee vrijwilligers.",
     "summary": "Na de zomer komt er een schoolzone bij De Klimop. Tot die tijd komen er tijdelijke "
     "borden.",
     "decisions": ["Het platform betaalt € 250 uit het buurtbudget voor hesjes en bordjes van de "
                   "verkeersbrigadiers van De Klimop."],
     "actions": [("Twee mensen zoeken die kinderen helpen oversteken", "harrie", 6, ["done"])]},
    {"key": "hond2", "title": "Proef afvalbakken Zuiderpark: tussenstand", "by": "twan", "min": 10,
     "kind": "informing", "goal": "park",
     "notes": "De drie extra afvalbakken staan er nu zes weken. Twan heeft opnieuw geteld: nog 9 "
     "plekken met hondenpoep, tegen 23 in het voorjaar. De bakken worden twee keer per week geleegd. "
     "Een bewoner vraagt om ook een bak bij de ingang aan de Lindenlaan.",
     "summary": "Sinds er extra afvalbakken staan, ligt er veel minder hondenpoep in het park.",
     "decisions": [],
     "actions": [("Vragen of er een afvalbak bij de ingang Lindenlaan kan komen", "twan", 4, [])]},
    {"key": "eenzaam2", "title": "Belrondje ouderen: eerste ervaringen", "by": "opbouwwerker", "min": 15,
     "kind": "deciding", "goal": "ouderen",
     "notes": "Er doen nu 14 ouderen mee aan het belrondje; 6 vrijwilligers bellen hen elke week. De "
     "reacties zijn goed, en één deelnemer is via het belrondje naar de Huiskamer gekomen. Lastig is "
     "dat vrijwilligers niet weten wat ze moeten doen als ze zich zorgen maken over iemands "
     "gezondheid. De wijkverpleegkundige biedt een korte instructie aan.",
     "summary": "Veertien ouderen worden nu elke week gebeld door een vrijwilliger. Dat werkt goed.",
     "decisions": ["Het belrondje gaat na de proef door; de kosten (ca. € 150 per jaar) komen uit het "
                   "buurtbudget."],
     "actions": [("Een avond met uitleg houden voor de bellers", "wijkverpleegkundige", 5,
                  ["done"])]},
    {"key": "speel2", "title": "Ontwerp speelveld Kerkstraat", "by": "fatima", "min": 25,
     "kind": "deciding", "goal": "speelveld",
     "notes": "Op de ontwerpavond kwamen 31 bewoners, onder wie 12 jongeren. Uitkomst: een verhard "
     "veldje met twee doelen, zitplekken en een hangplek met afdak aan de kant van de Kerkstraat, zo "
     "ver mogelijk van de woningen. De gemeente schat de kosten op € 38.000; Woonstichting Maasdal wil "
     "€ 5.000 bijdragen. Twee omwonenden zijn tegen de hangplek. Afgesproken wordt de hangplek eerst "
     "een jaar als proef te plaatsen.",
     "summary": "Bewoners maakten samen een plan voor het speelveld. De hangplek voor jongeren komt er "
     "eerst een jaar op proef.",
     "decisions": ["Het platform steunt het ontwerp van de bewoners voor het speelveld aan de "
                   "Kerkstraat, met de hangplek als proef voor één jaar.",
                   "Het platform vraagt de gemeente het speelveld op te nemen in de begroting."],
     "actions": [("Het plan en de kosten naar de gemeente sturen", "secretaris", 2, ["done"]),
                 ("Langsgaan bij buren die het niet eens zijn met het plan", "voorzitter", 4,
                  ["postponed", "postponed"])]},
    {"key": "groen2", "title": "Bomenkap Rijksweg en herplant", "by": "beleid", "min": 15,
     "kind": "informing", "goal": "bomen",
     "notes": "De gemeente moet langs de Rijksweg 14 zieke essen kappen (essentaksterfte). Er komen 20 "
     "nieuwe bomen terug, o.a. linde en Japanse notenboom. Bewoners van Het Rode Dorp vragen of er "
     "ook bomen in hun straten kunnen komen; daar staat nu geen enkele boom. Het platform vraagt dat "
     "mee te nemen in het groenplan.",
     "summary": "Langs de Rijksweg worden 14 zieke bomen gekapt. Er komen 20 nieuwe bomen terug.",
     "decisions": [],
     "actions": [("Vragen welke straten in Het Rode Dorp een boom willen", "twan", 8, [])]},
    {"key": "budget2", "title": "Buurtbudget: nieuwe aanvragen", "by": "penningmeester", "min": 15,
     "kind": "deciding",
     "notes": "Er liggen drie aanvragen: de burendag in Krawinkel (€ 650), een jeu-de-boulesbaan bij "
     "het seniorencomplex (€ 1.200) en een kerstmarkt (€ 900). Er is nog € 3.410 over. De "
     "jeu-de-boulesbaan wordt goed ontvangen, maar de woningcorporatie zou de helft kunnen betalen. "
     "Voor de kerstmarkt ontbreekt nog een begroting.",
     "summary": "Het buurtbudget betaalt mee aan de burendag en aan een jeu-de-boulesbaan.",
     "decisions": ["De aanvraag voor de burendag in Krawinkel (€ 650) wordt toegekend.",
                   "De jeu-de-boulesbaan krijgt € 600, als de woningcorporatie de andere helft betaalt."],
     "actions": [("De mensen van de kerstmarkt vragen wat die gaat kosten", "penningmeester", 3, ["done"])]},
    {"key": "scan", "title": "Buurtscan: uitkomsten van de enquête", "by": "secretaris", "min": 20,
     "kind": "discussing", "goal": "scan",
     "notes": "De enquête is ingevuld door 212 bewoners, ongeveer 9 procent van de huishoudens. De top "
     "drie van zorgen: verkeer (61%), zwerfafval (48%) en te weinig voor jongeren (37%). Opvallend: "
     "22% kent het wijkplatform niet. In Elsloo-Zuid was de respons laag. De uitkomsten komen op één "
     "A4 voor de buurtkrant.",
     "summary": "212 bewoners vulden onze vragenlijst in. Zij maken zich vooral zorgen over verkeer, "
     "afval en plek voor jongeren.",
     "decisions": ["De uitkomsten van de buurtscan worden gepubliceerd in de buurtkrant en op de "
                   "website."],
     "actions": [("Eén blad met de uitkomsten maken voor de buurtkrant", "secretaris", 3,
                  ["done"])]},
    {"key": "inbraak", "title": "Veiligheid en woninginbraken", "by": "wijkagent", "min": 15,
     "kind": "informing",
     "notes": "De wijkagent meldt 6 woninginbraken in het afgelopen kwartaal, vooral in de vroege avond "
     "in Krawinkel. Hij raadt aan de buurtapp-groepen actief te houden en verdachte situaties meteen "
     "via 112 te melden. Er zijn ook meer meldingen over scooters op het fietspad langs het spoor. "
     "Het platform vraagt om een voorlichtingsavond over inbraakpreventie.",
     "summary": "Er is vaker ingebroken in Krawinkel. Ziet u iets verdachts? Bel meteen 112.",
     "decisions": [],
     "actions": [("Een avond plannen met tips tegen inbraak", "wijkagent", 8, ["postponed"])]},
    {"key": "glas2", "title": "Terugblik informatieavond glasvezel", "by": "voorzitter", "min": 10,
     "kind": "informing",
     "notes": "Op de informatieavond waren ongeveer 70 bewoners. De onafhankelijke deskundige legde uit "
     "dat aansluiten gratis is tijdens de aanleg en dat niemand aan de deur hoeft te tekenen. Er "
     "kwamen veel vragen over de graafwerkzaamheden en over de bereikbaarheid van de huisartsenpraktijk.",
     "summary": "Veel mensen kwamen naar de avond over glasvezel. Aansluiten is gratis. U hoeft niets aan de deur te tekenen.",
     "decisions": [],
     "actions": [("Vragen over het graafwerk doorsturen naar de aannemer", "voorzitter", 2,
                  ["done"])]},
    {"key": "jongeren", "title": "Jongeren bij het winkelcentrum", "by": "opbouwwerker", "min": 20,
     "kind": "deciding",
     "notes": "Winkeliers klagen over jongeren die 's avonds bij de ingang van het winkelcentrum zitten. "
     "De opbouwwerker heeft met de groep gesproken: ongeveer 15 jongeren van 14 tot 18 jaar, die "
     "vooral een droge plek zoeken. Het jongerenwerk wil op vrijdagavond het gemeenschapshuis openen. "
     "Het platform vindt dat een goed idee, maar wil weten wie de sleutel beheert en wie het "
     "aanspreekpunt is.",
     "summary": "Jongeren zoeken 's avonds een droge plek. Op vrijdagavond mogen ze in het "
     "buurthuis terecht.",
     "decisions": ["Het platform steunt een proef met een vrijdagavondinloop voor jongeren in het "
                   "gemeenschapshuis."],
     "actions": [("Afspraken maken over de sleutel en wie de jongeren op vrijdag helpt",
                  "opbouwwerker", 4, ["done"])]},
    {"key": "afval", "title": "Zwerfafval en de opschoondag", "by": "twan", "min": 10,
     "kind": "discussing",
     "notes": "Aan de opschoondag van de wijk deden 42 bewoners mee, onder wie een klas van De Klimop. "
     "Er zijn 36 zakken afval opgehaald, vooral blikjes en sigarettenpeuken langs de Rijksweg. De "
     "gemeente leverde grijpers en hesjes. Voorstel: elk kwartaal een kleinere opruimactie.",
     "summary": "42 bewoners ruimden samen 36 zakken afval op. Dat gaan we vaker doen.",
     "decisions": ["Het platform organiseert voortaan elk kwartaal een opruimactie."],
     "actions": [("De dagen van het opruimen kiezen en in de buurtkrant zetten", "twan", 6, [])]},
    {"key": "wmo2", "title": "Wmo-vervoer: reactie van de gemeente", "by": "gerda", "min": 10,
     "kind": "discussing",
     "notes": "De gemeente heeft te laat geantwoord op ons signaal: na ruim 9 weken in plaats van 6. In "
     "het antwoord staat dat de vervoerder 'een verbetertraject' is gestart. Gerda vindt het antwoord "
     "vaag en juridisch; er staat niet in wat er voor de reizigers verandert. Het platform vraagt de "
     "wijkregisseur om een gesprek met de contractmanager.",
     "summary": "De gemeente antwoordde laat en vaag over de regiotaxi. We vragen om een gesprek.",
     "decisions": [],
     "actions": [("Een gesprek regelen met de baas van de regiotaxi", "wijkregisseur", 4,
                  ["postponed", "postponed"])]},
    {"key": "verkeer3", "title": "Snelheid op de Lindenlaan", "by": "harrie", "min": 15,
     "kind": "deciding", "goal": "verkeer",
     "notes": "Bewoners van de Lindenlaan vragen al langer om drempels. Uit de meting van de gemeente "
     "blijkt dat 85 procent van de auto's 42 km/u of langzamer rijdt, waar 30 km/u geldt. De gemeente "
     "ziet daarom geen reden voor drempels. Harrie stelt voor om met bewoners een schouw te houden en "
     "de gemeente te vragen om twee smileyborden.",
     "summary": "Op de Lindenlaan wordt te hard gereden. We vragen de gemeente om borden die uw "
     "snelheid laten zien.",
     "decisions": ["Het platform vraagt de gemeente om twee smileyborden op de Lindenlaan."],
     "actions": [("Met bewoners door de Lindenlaan lopen", "harrie", 3, ["done"])]},
    {"key": "begroting", "title": "Jaarplan en begroting van het wijkplatform", "by": "penningmeester",
     "min": 20, "kind": "deciding",
     "notes": "De penningmeester presenteert de begroting voor volgend jaar: € 14.200 in totaal, "
     "waarvan € 12.500 buurtbudget en € 1.700 werkbudget (o.a. zaalhuur € 960, drukwerk € 450 en de "
     "website € 120). Het jaarplan sluit aan op de buurtagenda. Gerda vraagt meer geld voor "
     "ouderenactiviteiten; € 500 gaat van drukwerk naar het belrondje en de Huiskamer.",
     "summary": "De begroting voor volgend jaar is klaar. Er gaat € 500 extra naar activiteiten voor "
     "ouderen.",
     "decisions": ["Het jaarplan en de begroting voor volgend jaar worden vastgesteld, met € 500 extra "
                   "voor ouderenactiviteiten."],
     "actions": [("Het plan en de kosten voor volgend jaar naar de gemeente sturen", "penningmeester", 2, [])]},
    {"key": "agenda2", "title": "Buurtagenda: evaluatie najaar", "by": "secretaris", "min": 30,
     "kind": "discussing", "goal": "beleid",
     "notes": "Van de elf doelen zijn er nu vier gehaald (o.a. de proef met de afvalbakken en het "
     "belrondje), vier lopen nog en één is niet gehaald. Verbinden met beleid blijft lastig: de "
     "gemeente reageert wel, maar laat niet zien wat er met onze punten gebeurt. De wijkregisseur "
     "zegt toe dat de buurtagenda wordt meegenomen in het nieuwe wijkprogramma. Het platform stuurt "
     "in het voorjaar een brief aan de gemeenteraad.",
     "summary": "Vier van onze elf doelen zijn gehaald. We schrijven de gemeenteraad wat er met onze "
     "punten is gebeurd.",
     "decisions": ["Het wijkplatform stuurt in het voorjaar een brief aan de gemeenteraad over wat er "
                   "met de buurtagenda is gedaan."],
     "actions": [("Een brief aan de gemeenteraad schrijven", "voorzitter", 10, [])]},
    {"key": "kerst", "title": "Kerstverlichting op het Kerkplein", "by": "penningmeester", "min": 10,
     "kind": "informing",
     "notes": "De kerstverlichting op het Kerkplein wordt weer opgehangen door vrijwilligers van de "
     "buurtvereniging. De hoogwerker kost nu € 95 per uur. De rekening van € 2.400 past binnen het "
     "buurtbudget.",
     "summary": "De kerstverlichting op het Kerkplein gaat weer op. Vrijwilligers hangen haar op.",
     "decisions": [],
     "actions": [("Nagaan of de helpers voor de kerstverlichting er zijn", "penningmeester",
                  3, [])]},
]
#: How many topics each of the eleven held meetings gets (sums to len(TOPICS)).
TOPICS_PER_MEETING = [2, 3, 2, 2, 3, 2, 2, 3, 2, 2, 2]

#: Topics of the two planned meetings: (title, presenter, minutes, kind).
PLANNED_TOPICS = [
    [("Speelveld Kerkstraat: planning van de uitvoering", "fatima", 20, "discussing"),
     ("Brief aan de gemeenteraad over de buurtagenda", "voorzitter", 20, "deciding"),
     ("Kerstattentie voor de deelnemers aan het belrondje", "gerda", 10, "deciding")],
    [("Jaarverslag van het wijkplatform in gewone taal", "secretaris", 25, "deciding"),
     ("Schoolzone De Klimop: eerste ervaringen", "harrie", 15, "discussing")],
]

# A request: key, topic it follows from, kind, subject, text, buurt, addressee, fate, answer.
# Fates: in_time, late, overdue (sent, no answer), sent (not yet due), draft, closed.
REQUESTS: list[T] = [
    {"key": "schoolzone", "topic": "verkeer1", "kind": "request", "area": "Lindenheuvel",
     "to": "beleid", "fate": "in_time", "goal": "verkeer",
     "subject": "Schoolzone bij basisschool De Klimop",
     "text": "Het wijkplatform vraagt u een schoolzone aan te leggen in de Schoolstraat en bij de "
     "oversteek IJsselstraat. 's Ochtends tellen we 64 auto's in een kwartier; 11 parkeren op de stoep.",
     "answer": "De gemeente legt na de zomer een schoolzone aan. Tot die tijd plaatsen we twee "
     "tijdelijke borden."},
    {"key": "afvalbakken", "topic": "hond1", "kind": "request", "area": "Zuiderpark",
     "to": "wijkregisseur", "fate": "in_time", "goal": "park",
     "subject": "Proef met extra afvalbakken in het Zuiderpark",
     "text": "Wij vragen een proef van zes maanden met drie extra afvalbakken met zakjesautomaat. "
     "De poepkaart met 23 plekken sturen we mee.",
     "answer": "Akkoord. De bakken worden binnen vier weken geplaatst en twee keer per week geleegd."},
    {"key": "zichthoeken", "topic": "groen1", "kind": "signal", "area": "Het Rode Dorp",
     "to": "beleid", "fate": "in_time",
     "subject": "Hoog gras bij 12 kruisingen",
     "text": "Bij 12 kruisingen staat het gras zo hoog dat automobilisten fietsers en kinderen niet "
     "goed zien. Bijgaand de lijst met straten.",
     "answer": "Dank voor de lijst. De zichthoeken worden voortaan elke drie weken gemaaid."},
    {"key": "speelveld", "topic": "speel1", "kind": "request", "area": "Krawinkel",
     "to": "wijkregisseur", "fate": "late", "goal": "speelveld",
     "subject": "Nieuwe doeltjes en een droog speelveld aan de Kerkstraat",
     "text": "Het speelveld staat na elke regenbui blank en de doeltjes zijn kapot. Wij vragen de "
     "gemeente het veld te draineren en de doeltjes te vervangen.",
     "answer": "De doeltjes zijn vervangen. Drainage nemen we mee in het plan voor het hele veld."},
    {"key": "wmo", "topic": "wmo1", "kind": "signal", "area": None, "to": "wijkregisseur",
     "fate": "late", "subject": "Klachten van ouderen over de regiotaxi",
     "text": "Zeven bewoners werden te laat of niet opgehaald door de regiotaxi, o.a. voor een "
     "ziekenhuisafspraak. Wij vragen een reactie van de vervoerder.",
     "answer": "De vervoerder is een verbetertraject gestart. Wij volgen de klachten nauwgezet, "
     "conform de geldende overeenkomst."},
    {"key": "verlenging", "topic": "hond2", "kind": "request", "area": "Zuiderpark",
     "to": "wijkregisseur", "fate": "closed", "goal": "park",
     "subject": "Afvalbakken Zuiderpark blijvend plaatsen",
     "text": "De proef werkt: het aantal plekken met hondenpoep daalde van 23 naar 9. Wij vragen de "
     "bakken te laten staan.",
     "answer": "De drie bakken blijven staan en worden opgenomen in het vaste leegschema."},
    {"key": "bomen", "topic": "groen2", "kind": "request", "area": "Het Rode Dorp", "to": "beleid",
     "fate": "overdue", "goal": "bomen", "subject": "Bomen in de straten van Het Rode Dorp",
     "text": "In Het Rode Dorp staat geen enkele straatboom. Wij vragen bij de herplant ook bomen in "
     "de Meidoornstraat en de Vlierstraat te planten."},
    {"key": "begroting", "topic": "speel2", "kind": "request", "area": "Krawinkel",
     "to": "wijkregisseur", "fate": "overdue", "goal": "speelveld",
     "subject": "Speelveld Kerkstraat opnemen in de begroting",
     "text": "Bewoners hebben samen een ontwerp gemaakt (kosten ca. € 38.000; Woonstichting Maasdal "
     "draagt € 5.000 bij). Wij vragen dit op te nemen in de begroting."},
    {"key": "contract", "topic": "wmo2", "kind": "request", "area": None, "to": "wijkregisseur",
     "fate": "overdue", "subject": "Gesprek met de contractmanager Wmo-vervoer",
     "text": "Het antwoord op ons signaal over de regiotaxi is ons te vaag. Wij vragen een gesprek "
     "met de contractmanager."},
    {"key": "smiley", "topic": "verkeer3", "kind": "request", "area": "Lindenheuvel", "to": "beleid",
     "fate": "sent", "goal": "verkeer", "subject": "Twee smileyborden op de Lindenlaan",
     "text": "85 procent van de auto's rijdt 42 km/u of langzamer waar 30 geldt. Wij vragen twee "
     "smileyborden, één aan elke kant van de Lindenlaan."},
    {"key": "raad", "topic": "agenda2", "kind": "request", "area": None, "to": "",
     "fate": "draft", "goal": "beleid", "subject": "Brief aan de gemeenteraad over de buurtagenda",
     "text": "Concept. Wat heeft de gemeente gedaan met de elf doelen van onze buurtagenda?"},
]

# Goals: key, bouwsteen, buurt, title, how, who, due, status, evidence, evaluation, links.
GOALS: list[T] = [
    {"key": "verkeer", "block": 1, "area": "Lindenheuvel", "status": "running",
     "title": "Veilige schoolroute naar De Klimop",
     "how": "Schoolzone, tijdelijke borden en verkeersbrigadiers van ouders.",
     "who": "Harrie Vliegen met De Klimop en de gemeente", "due": "Voor het einde van het schooljaar",
     "evidence": "Telling: 64 auto's in een kwartier, 11 op de stoep."},
    {"key": "ouderen", "block": 1, "area": "Lindenheuvel", "status": "achieved",
     "title": "Minder eenzaamheid bij alleenwonende ouderen",
     "how": "Belrondje met vrijwilligers en de Huiskamer bekender maken.",
     "who": "Gerda IJzerman met Stichting Welzijn Zuid", "due": "Na een proef van zes maanden",
     "evidence": "14 ouderen doen mee aan het belrondje.",
     "evaluation": "Gehaald: het belrondje gaat door en de Huiskamer heeft nieuwe bezoekers."},
    {"key": "scan", "block": 2, "area": None, "status": "achieved",
     "title": "Buurtscan: ruim 200 bewoners vertellen wat er speelt",
     "how": "Enquête op papier en online, huis aan huis en bij de supermarkt.",
     "who": "Secretaris met vrijwilligers", "due": "Voor de zomer",
     "evidence": "212 ingevulde vragenlijsten.", "evaluation": "Gehaald; respons in Elsloo-Zuid laag."},
    {"key": "partijen", "block": 3, "area": None, "status": "idea",
     "title": "Elk kwartaal overleg met woningcorporatie, school en welzijn",
     "how": "Vaste overlegtafel in De Schakel.", "who": "Voorzitter", "due": "Volgend jaar"},
    {"key": "speelveld", "block": 3, "area": "Krawinkel", "status": "running",
     "title": "Speelveld Kerkstraat opgeknapt, samen met kinderen en jongeren",
     "how": "Ontwerpavond, verzoek aan de gemeente, bijdrage van de woningcorporatie.",
     "who": "Fatima el Amrani", "due": "Over een jaar",
     "evidence": "31 bewoners op de ontwerpavond, onder wie 12 jongeren."},
    {"key": "verhalen", "block": 4, "area": "Krawinkel", "status": "running",
     "title": "Verhalen ophalen bij jonge gezinnen",
     "how": "Buurtpraat op zaterdag bij de supermarkt en op het schoolplein.",
     "who": "Fatima el Amrani en Twan Coenen", "due": "Elk kwartaal"},
    {"key": "park", "block": 5, "area": "Zuiderpark", "status": "achieved",
     "title": "Schoon Zuiderpark: minder hondenpoep",
     "how": "Poepkaart, proef met drie extra afvalbakken, opnieuw tellen.",
     "who": "Twan Coenen", "due": "Na zes maanden",
     "evidence": "Van 23 naar 9 plekken met hondenpoep.",
     "evaluation": "Gehaald: de bakken blijven staan."},
    {"key": "jaarverslag", "block": 5, "area": None, "status": "running",
     "title": "Jaarverslag in gewone taal: wat er met onze verzoeken gebeurde",
     "how": "Verzoeken en antwoorden bijhouden; één A4 voor de buurtkrant.",
     "who": "Secretaris", "due": "In het eerste kwartaal"},
    {"key": "beleid", "block": 6, "area": None, "status": "not_achieved",
     "title": "Buurtagenda opgenomen in het wijkprogramma van de gemeente",
     "how": "Gesprek met de wethouder, brief aan de gemeenteraad.",
     "who": "Voorzitter met de wijkregisseur", "due": "Dit jaar",
     "evaluation": "Niet gehaald: het wijkprogramma is uitgesteld. We schrijven de raad."},
    {"key": "bomen", "block": 6, "area": "Het Rode Dorp", "status": "idea",
     "title": "Meer bomen in Het Rode Dorp",
     "how": "Meenemen in het groenplan van de gemeente.", "who": "Twan Coenen", "due": "Plantseizoen"},
    {"key": "agenda", "block": 7, "area": None, "status": "achieved",
     "title": "De buurtagenda twee keer per jaar bespreken en bijstellen",
     "how": "In het voorjaar en het najaar een avond over alle doelen.",
     "who": "Het hele platform", "due": "Voorjaar en najaar",
     "evaluation": "Gehaald: beide besprekingen zijn gehouden."},
]

# Incoming documents: (sender, subject, summary, handling).
DOCUMENTS = [
    ("Gemeente Sittard-Geleen", "Uitnodiging wijkgesprek met de wethouder",
     "De wethouder komt op bezoek in De Schakel.", "Voorzitter en secretaris gaan."),
    ("Woonstichting Maasdal", "Planning renovatie woningen Het Rode Dorp",
     "Renovatie van 86 woningen; start in het voorjaar.", "Ter kennisname."),
    ("Bewoner Kerkstraat", "Klacht over overlast bij het speelveld",
     "Geluid en afval in de avonduren.", "Meegenomen bij het agendapunt over het speelveld."),
    ("Politie, basisteam Westelijke Mijnstreek", "Kwartaalcijfers veiligheid Geleen-Zuid",
     "Overzicht van meldingen en inbraken.", "Wijkagent licht toe in een volgende vergadering."),
    ("Stichting Welzijn Zuid", "Jaarverslag de Huiskamer",
     "Gemiddeld 11 bezoekers per dinsdag.", "Ter kennisname; doorgestuurd naar Gerda."),
    ("Basisschool De Klimop", "Bedankbrief verkeersbrigade",
     "Dank voor de hesjes en bordjes.", "Ter kennisname."),
    ("Gemeente Sittard-Geleen", "Uitnodiging informatieavond Omgevingsvisie",
     "Bewoners mogen meepraten over de toekomst van de stad.", "Harrie gaat."),
    ("Netbeheerder Zuid", "Werkzaamheden gasleiding Lindenlaan",
     "Drie weken lang is de Lindenlaan halfzijdig afgesloten.", "Op de website gezet."),
    ("Speeltuinvereniging Krawinkel", "Aanvraag buurtbudget zandbakhoezen",
     "Aanvraag van € 340.", "Besproken bij het buurtbudget."),
    ("Glasvezelbedrijf Snel Zuid", "Informatie aanleg glasvezel Elsloo-Zuid",
     "Planning per straat en uitleg over de huisaansluiting.", "Meegenomen bij de informatieavond."),
    ("Gemeente Sittard-Geleen", "Concept-wijkprogramma Geleen-Zuid",
     "Reactie gevraagd binnen zes weken.", "Secretaris schrijft een reactie."),
    ("Seniorenvereniging Zonnehof", "Verzoek om een jeu-de-boulesbaan",
     "Ondertekend door 34 bewoners van het seniorencomplex.", "Besproken bij het buurtbudget."),
    ("Gemeente Sittard-Geleen", "Nieuwe voorwaarden subsidieregeling leefbaarheid",
     "Aanvragen voortaan vóór 1 oktober.", "Penningmeester houdt hier rekening mee."),
]

ANNOUNCEMENTS = [
    "De wijkregisseur meldt dat de Kerkstraat in de herfstvakantie opnieuw wordt bestraat.",
    "De buurtkrant verschijnt over twee weken; kopij kan tot vrijdag naar de secretaris.",
    "Twan meldt dat de moestuin in Krawinkel 14 nieuwe leden heeft.",
    "De website van het platform had vorige maand 1.180 bezoekers.",
    "Gerda heeft namens het platform de Huiskamer bezocht; er waren 12 bezoekers.",
    "De voorzitter heeft de nieuwe directeur van De Klimop ontmoet.",
    "Geen mededelingen.",
]
QUESTIONS = [
    "Harrie vraagt wanneer de kapotte lantaarnpaal in de IJsselstraat wordt gemaakt; de wijkregisseur "
    "zoekt het uit.",
    "Fatima vraagt of het platform op de kerstmarkt een kraam kan hebben. Iedereen is enthousiast.",
    "Gerda vraagt aandacht voor de gladheid op het pad naar de Huiskamer.",
    "Twan vraagt of de vergaderingen in de zomer ook in de tuin van De Schakel kunnen.",
    "Geen vragen.",
    "De penningmeester herinnert eraan dat declaraties binnen een maand moeten worden ingeleverd.",
]

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


def dutch_date(day: dt.date) -> str:
    """``3 december 2026``: how the minutes name a date."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def meeting_days(today: dt.date) -> tuple[list[dt.date], list[dt.date]]:
    """Eleven meeting days in the twelve months before ``today`` and the next two.

    The board meets on the second Tuesday of the month at 19.30 and skips July.
    """
    days = []
    for offset in range(-13, 4):
        month_index = today.year * 12 + today.month - 1 + offset
        first = dt.date(month_index // 12, month_index % 12 + 1, 1)
        second_tuesday = first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7)
        if second_tuesday.month != 7:
            days.append(second_tuesday)
    past = [d for d in days if d < today][-11:]
    future = [d for d in days if d >= today][:2]
    return past, future


@dataclass
class _Builder:
    """Fills one workspace; remembers ids by key so later records can refer to them."""

    ws: Workspace
    today: dt.date
    rng: random.Random
    changes: Changes = field(default_factory=Changes)
    people: dict[str, str] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)
    goals: dict[str, str] = field(default_factory=dict)
    topics: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: dict[str, str] = field(default_factory=dict)
    pending: list[tuple[str, list[str]]] = field(default_factory=list)
    documents_used: int = 0

    def keep(self, changes: Changes) -> Changes:
        self.changes = self.changes.merged(changes)
        return changes

    def made(self, changes: Changes) -> str:
        """Keep the changes of a create call and return the new record's id."""
        self.keep(changes)
        assert changes.id is not None
        return changes.id

    def name(self, key: str) -> str:
        return PEOPLE[key][0]

    # -- board, contacts, goals ------------------------------------------------------
    def board(self) -> None:
        ws = self.ws
        self.keep(ws.boards.create(BOARD["name"], BOARD["wijk"], BUURTEN, BOARD["municipality"]))
        self.keep(ws.boards.set_contact(ws.board_id, **CONTACT))
        self.areas = {a.name: a.id for a in ws.areas.all()}
        orgs = {}
        for key, (name, kind, phone, email, website, notes) in ORGANISATIONS.items():
            orgs[key] = self.made(ws.organisations.add(
                name, kind=kind, phone=phone, email=email, website=website, notes=notes))
        for number, (key, (name, role, org, topics, member, days)) in enumerate(PEOPLE.items()):
            slug = name.split()[0].lower() + "." + name.split()[-1].lower().replace("ĳ", "ij")
            domain = "wijkplatformgeleenzuid.example.nl" if member else (
                ORGANISATIONS[org][3].split("@")[1])
            self.people[key] = self.made(ws.contacts.add(
                name, role=role, organisation_id=orgs.get(org), topics=topics, board_member=member,
                phone=f"06 {12 + number:02d} {34 + 3 * number:02d} {56 - number:02d} {70 + number:02d}",
                email=f"{slug}@{domain}", last_contact=self.today - dt.timedelta(days=days),
            ))

    def goal_records(self) -> None:
        for goal in GOALS:
            self.goals[goal["key"]] = self.made(self.ws.goals.add(
                goal["title"], goal["block"], area_id=self.areas.get(goal["area"] or ""),
                how=goal["how"], who=goal["who"], due=goal["due"], status=goal["status"],
                evidence=goal.get("evidence", ""), evaluation=goal.get("evaluation", ""),
            ))

    # -- one held meeting ------------------------------------------------------------
    def held_meeting(self, day: dt.date, topics: list[T]) -> None:
        ws = self.ws
        start = dt.datetime.combine(day, dt.time(19, 30), TZ)
        meeting_id = self.made(ws.meetings.create(
            start, place=PLACE, chair_id=self.people["voorzitter"],
            secretary_id=self.people["secretaris"]))
        absent = self.attendance(meeting_id, topics)
        items = {i.standard: i for i in ws.agenda.for_meeting(meeting_id) if i.standard}
        for topic in topics:
            self.topic(meeting_id, day, topic)
        reviewed = self.review_actions(meeting_id, day)
        for topic in topics:
            self.outcomes(meeting_id, day, topic)
        for request in REQUESTS:
            if request["topic"] in {t["key"] for t in topics}:
                self.request(request, meeting_id, day)
        documents = self.documents(meeting_id, day)
        closing = self.rng.randrange(10, 55, 5)
        guest = ", in het bijzonder wijkregisseur " + self.name("wijkregisseur")
        notes = {
            "opening": f"De voorzitter opent om 19.30 uur de vergadering en heet iedereen welkom{guest}."
            + (f" Afwezig met bericht: {', '.join(absent)}." if absent else ""),
            "agenda": self.rng.choice(["De agenda wordt ongewijzigd vastgesteld.",
                                       "De agenda wordt vastgesteld; de rondvraag wordt kort gehouden."]),
            "incoming": " ".join(f"{s} ({sender}): {h}" for sender, s, _, h in documents),
            "announcements": self.rng.choice(ANNOUNCEMENTS),
            "actions": f"De actielijst is doorgenomen: {reviewed['done']} afgerond, "
            f"{reviewed['postponed']} uitgesteld. De overige actiepunten lopen nog.",
            "questions": self.rng.choice(QUESTIONS),
            "closing": f"De voorzitter sluit om 21.{closing:02d} uur de vergadering en dankt "
            "iedereen voor de inbreng.",
        }
        previous = ws.meetings.previous(meeting_id)
        if previous is not None:
            self.keep(ws.meetings.approve_previous_minutes(meeting_id))
            notes["previous_minutes"] = (
                f"Het verslag van {dutch_date(previous.start.date())} wordt met dank aan de "
                "secretaris ongewijzigd vastgesteld.")
        else:
            notes["previous_minutes"] = "Het verslag van de vorige vergadering was al vastgesteld."
        for standard, text in notes.items():
            if standard in items:
                self.keep(ws.agenda.set_notes(items[standard].id, text))
        closed = dt.datetime.combine(day, dt.time(21, closing), TZ)
        self.keep(ws.meetings.mark_held(meeting_id, closed))

    def attendance(self, meeting_id: str, topics: list[T]) -> list[str]:
        """Mark board members and guests; returns the names absent with notice."""
        absent = []
        for key, (name, *_rest) in PEOPLE.items():
            if not PEOPLE[key][4]:
                continue
            roll = self.rng.random()
            status = "present" if roll < 0.8 else "absent_notice" if roll < 0.95 else "absent"
            if key in ("voorzitter", "secretaris"):
                status = "present"
            if status == "absent_notice":
                absent.append(name)
            self.keep(self.ws.meetings.set_attendance(meeting_id, self.people[key], status))
        guests = {"wijkregisseur"} | {t["by"] for t in topics if not PEOPLE[t["by"]][4]}
        for key in sorted(guests):
            self.keep(self.ws.meetings.set_attendance(meeting_id, self.people[key], "present"))
        return absent

    def topic(self, meeting_id: str, day: dt.date, topic: T) -> None:
        item_id = self.made(self.ws.agenda.add(
            meeting_id, topic["title"], kind=topic["kind"], presenter=self.name(topic["by"]),
            minutes=topic["min"], notes=topic["notes"], summary=topic["summary"],
            goal_id=self.goals.get(topic.get("goal", ""))))
        self.topics[topic["key"]] = {"item": item_id, "meeting": meeting_id, "decisions": [],
                                     "actions": []}

    def outcomes(self, meeting_id: str, day: dt.date, topic: T) -> None:
        record = self.topics[topic["key"]]
        goal_id = self.goals.get(topic.get("goal", ""))
        for text in topic["decisions"]:
            record["decisions"].append(self.made(self.ws.decisions.add(
                meeting_id, text, agenda_item_id=record["item"], goal_id=goal_id)))
        for what, owner, weeks, fate in topic["actions"]:
            action_id = self.made(self.ws.actions.add(
                meeting_id, what, owner_id=self.people[owner],
                due_date=day + dt.timedelta(weeks=weeks), agenda_item_id=record["item"],
                goal_id=goal_id))
            record["actions"].append(action_id)
            self.pending.append((action_id, list(fate)))

    def review_actions(self, meeting_id: str, day: dt.date) -> dict[str, int]:
        """Apply each earlier action's next outcome in this meeting."""
        counts = {"done": 0, "postponed": 0}
        still = []
        for action_id, fate in self.pending:
            if not fate:
                continue
            outcome, rest = fate[0], fate[1:]
            if outcome == "done":
                self.keep(self.ws.actions.mark_done(action_id, on=day, in_meeting=meeting_id))
            else:
                self.keep(self.ws.actions.postpone(
                    action_id, day + dt.timedelta(weeks=4), in_meeting=meeting_id))
            counts[outcome] += 1
            still.append((action_id, rest))
        self.pending = still
        return counts

    def request(self, spec: T, meeting_id: str, day: dt.date) -> None:
        ws = self.ws
        to = spec["to"]
        request_id = self.made(ws.requests.add(
            spec["subject"], spec["text"], kind=spec["kind"], area_id=self.areas.get(spec["area"] or ""),
            sent_to_id=self.people.get(to), meeting_id=meeting_id,
            goal_id=self.goals.get(spec.get("goal", ""))))
        self.requests[spec["key"]] = request_id
        fate = spec["fate"]
        if fate == "draft":
            return
        sent = min(day + dt.timedelta(days=7), self.today)
        if fate == "sent":
            sent = max(day, self.today - dt.timedelta(days=10))
        self.keep(ws.requests.mark_sent(request_id, on=sent))
        if fate in ("in_time", "late", "closed"):
            weeks = 9 if fate == "late" else 4
            answered = min(sent + dt.timedelta(weeks=weeks), self.today)
            self.keep(ws.requests.record_answer(request_id, spec["answer"], on=answered))
        if fate == "closed":
            self.keep(ws.requests.close(request_id))

    def documents(self, meeting_id: str | None, day: dt.date, count: int | None = None,
                  ) -> list[tuple[str, str, str, str]]:
        """Table the next one or two incoming documents at this meeting."""
        picked = []
        for _number in range(count or self.rng.choice([1, 2, 2])):
            sender, subject, summary, handling = DOCUMENTS[self.documents_used % len(DOCUMENTS)]
            self.documents_used += 1
            received = min(day - dt.timedelta(days=self.rng.randint(5, 20)), self.today)
            self.keep(self.ws.documents.add(
                subject, sender=sender, summary=summary, handling=handling,
                received_on=received, meeting_id=meeting_id))
            picked.append((sender, subject, summary, handling))
        return picked

    # -- the future and the evidence ---------------------------------------------------
    def planned_meeting(self, day: dt.date, topics: list[tuple[str, str, int, str]]) -> str:
        start = dt.datetime.combine(day, dt.time(19, 30), TZ)
        meeting_id = self.made(self.ws.meetings.create(
            start, place=PLACE, chair_id=self.people["voorzitter"],
            secretary_id=self.people["secretaris"]))
        for title, by, minutes, kind in topics:
            self.keep(self.ws.agenda.add(meeting_id, title, kind=kind, presenter=self.name(by),
                                         minutes=minutes))
        return meeting_id

    def evidence(self) -> None:
        for key, record in self.topics.items():
            goal_key = next((t.get("goal") for t in TOPICS if t["key"] == key), None)
            if not goal_key:
                continue
            for decision_id in record["decisions"]:
                self.keep(self.ws.goals.link(self.goals[goal_key], "decisions", decision_id))
            for action_id in record["actions"][:1]:
                self.keep(self.ws.goals.link(self.goals[goal_key], "actions", action_id))
        for spec in REQUESTS:
            if spec.get("goal") and spec["key"] in self.requests:
                self.keep(self.ws.goals.link(self.goals[spec["goal"]], "requests",
                                             self.requests[spec["key"]]))


def create_demo(ws: Workspace, today: dt.date | None = None) -> Changes:
    """Fill an empty workspace with the fictional "Wijkplatform Geleen-Zuid".

    Eleven held meetings in the twelve months before ``today`` (default: today) with
    attendance, agendas, minutes, decisions, actions (done, postponed, overdue), incoming
    documents and requests to the municipality in every state, two planned meetings, and a
    buurtagenda with goals in all seven bouwstenen. Deterministic for a given ``today``.

    Raises :class:`~wijkapp.errors.ValidationError` when the file already holds a board.
    Returns the merged :class:`Changes`; ``Changes.id`` is the new board's id. The demo is
    not a sequence of user steps, so the undo history is cleared afterwards.
    """
    if ws.has_board:
        raise ValidationError(
            _("Dit bestand heeft al een wijkplatform. Het voorbeeld kan alleen in een leeg bestand; "
            "maak eerst een nieuw bestand aan.")
        )
    day = today or current_day()
    builder = _Builder(ws, day, random.Random(SEED))
    builder.board()
    builder.goal_records()
    past, future = meeting_days(day)
    counts = TOPICS_PER_MEETING[-len(past):] if past else []
    topic_iter = iter(TOPICS[len(TOPICS) - sum(counts):])
    for meeting_day, count in zip(past, counts, strict=True):
        builder.held_meeting(meeting_day, [next(topic_iter) for _ in range(count)])
    for number, (meeting_day, topics) in enumerate(zip(future, PLANNED_TOPICS, strict=False)):
        meeting_id = builder.planned_meeting(meeting_day, topics)
        if number == 0:
            builder.documents(meeting_id, day, count=1)
    builder.evidence()
    from .demo_voice import add_voice

    builder.keep(add_voice(ws, day, builder.people, builder.requests, builder.goals))
    ws.store.undo_stack.clear()
    ws.store.redo_stack.clear()
    return builder.changes
