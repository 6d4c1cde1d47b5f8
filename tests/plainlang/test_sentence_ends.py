"""Where a sentence ends: a table of cases from letters to residents (written for Wijkapp).

Each case is a text and the sentences a reader sees in it. A full stop after the one-letter
word "u", after a single capital that is not an initial ("vitamine A.") or after an
abbreviation that can close a sentence ("enz.", "n.v.t.") ends the sentence when a new
sentence follows; after an abbreviation that never closes one ("o.a.", "bijv.", "dhr.")
it does not.
"""

from __future__ import annotations

import pytest

from wijkapp.plainlang import split_sentences

CASES: list[tuple[str, list[str]]] = [
    # the one-letter word "u"
    ("Wij bellen u. Dan maken we een afspraak.",
     ["Wij bellen u.", "Dan maken we een afspraak."]),
    ("De wijkagent helpt u. Bel hem gerust.", ["De wijkagent helpt u.", "Bel hem gerust."]),
    ("Dit formulier is voor u. Vul het in voor 1 mei.",
     ["Dit formulier is voor u.", "Vul het in voor 1 mei."]),
    ("We sturen de brief naar u. U krijgt hem binnen een week.",
     ["We sturen de brief naar u.", "U krijgt hem binnen een week."]),
    ("Wij danken u. Met vriendelijke groet, Jo Smeets",
     ["Wij danken u.", "Met vriendelijke groet, Jo Smeets"]),
    # a single capital that is a label, not an initial
    ("Neem elke dag vitamine D. De huisarts raadt het aan.",
     ["Neem elke dag vitamine D.", "De huisarts raadt het aan."]),
    ("U zit in groep B. Uw kind zit in groep C.",
     ["U zit in groep B.", "Uw kind zit in groep C."]),
    ("De ingang is bij blok A. Daar staat een bord.",
     ["De ingang is bij blok A.", "Daar staat een bord."]),
    ("Kijk in bijlage 2 onder punt C. Daar staat het bedrag.",
     ["Kijk in bijlage 2 onder punt C.", "Daar staat het bedrag."]),
    ("Uw woning heeft energielabel A. Dat is goed.",
     ["Uw woning heeft energielabel A.", "Dat is goed."]),
    ("De bus stopt bij halte K. Het is de laatste halte.",
     ["De bus stopt bij halte K.", "Het is de laatste halte."]),
    # initials: no end
    ("De brief is getekend door J. de Vries namens de wethouder.",
     ["De brief is getekend door J. de Vries namens de wethouder."]),
    ("Neem contact op met mevrouw A. Janssen van het wijkteam.",
     ["Neem contact op met mevrouw A. Janssen van het wijkteam."]),
    ("Namens het college, P.J. Smeets, burgemeester",
     ["Namens het college, P.J. Smeets, burgemeester"]),
    ("Gesprek met dhr. K. Bakker op maandag.", ["Gesprek met dhr. K. Bakker op maandag."]),
    ("De wethouder, mr. H. van Dijk, opent de avond.",
     ["De wethouder, mr. H. van Dijk, opent de avond."]),
    # abbreviations that never end a sentence
    ("Er komen o.a. nieuwe bankjes in het park.",
     ["Er komen o.a. nieuwe bankjes in het park."]),
    ("Er komen o.a. Nieuwe Ruimte en de GGD.", ["Er komen o.a. Nieuwe Ruimte en de GGD."]),
    ("Neem bijv. Uw paspoort mee.", ["Neem bijv. Uw paspoort mee."]),
    ("Het gesprek is met dhr. Jansen van de gemeente.",
     ["Het gesprek is met dhr. Jansen van de gemeente."]),
    ("Vraag het aan mevr. Peters bij de balie.", ["Vraag het aan mevr. Peters bij de balie."]),
    ("Zie art. 4 van de regeling.", ["Zie art. 4 van de regeling."]),
    ("Het kost ca. 25 euro per jaar.", ["Het kost ca. 25 euro per jaar."]),
    ("Uw klantnummer staat bij nr. 12 op het formulier.",
     ["Uw klantnummer staat bij nr. 12 op het formulier."]),
    ("Wij komen i.v.m. De Klimop later.", ["Wij komen i.v.m. De Klimop later."]),
    ("Dit gaat t.a.v. Mevrouw Smit naar de afdeling.",
     ["Dit gaat t.a.v. Mevrouw Smit naar de afdeling."]),
    ("Het gaat om het plein, d.w.z. Het stuk bij de kerk.",
     ["Het gaat om het plein, d.w.z. Het stuk bij de kerk."]),
    ("De kosten zijn incl. btw en bezorging.", ["De kosten zijn incl. btw en bezorging."]),
    ("Bel tel. 14 046 voor een afspraak.", ["Bel tel. 14 046 voor een afspraak."]),
    ("Zie blz. 3 van de folder.", ["Zie blz. 3 van de folder."]),
    # abbreviations that can end a sentence
    ("Neem pen, papier, enz. Dan kunt u meeschrijven.",
     ["Neem pen, papier, enz.", "Dan kunt u meeschrijven."]),
    ("We bespraken verkeer, afval, groen etc. Daarna was er koffie.",
     ["We bespraken verkeer, afval, groen etc.", "Daarna was er koffie."]),
    ("Rondvraag: n.v.t. De voorzitter sluit de vergadering.",
     ["Rondvraag: n.v.t.", "De voorzitter sluit de vergadering."]),
    ("Wij horen graag van u z.s.m. Alvast bedankt.",
     ["Wij horen graag van u z.s.m.", "Alvast bedankt."]),
    ("Dit geldt voor Jan Smit jr. Hij woont op nummer 4.",
     ["Dit geldt voor Jan Smit jr.", "Hij woont op nummer 4."]),
    ("De vergadering is op 3 maart a.s. Iedereen is welkom.",
     ["De vergadering is op 3 maart a.s.", "Iedereen is welkom."]),
    ("Uw brief van 12 mei jl. Hebben wij goed ontvangen.",
     ["Uw brief van 12 mei jl.", "Hebben wij goed ontvangen."]),
    ("Er kwamen stoelen, tafels e.d. Alles was op tijd.",
     ["Er kwamen stoelen, tafels e.d.", "Alles was op tijd."]),
    ("We zoeken een bank, stoel o.i.d. Heeft u er een?",
     ["We zoeken een bank, stoel o.i.d.", "Heeft u er een?"]),
    ("Het kost 2 mln. De gemeente betaalt de helft.",
     ["Het kost 2 mln.", "De gemeente betaalt de helft."]),
    # an abbreviation followed by a small letter never ends the sentence
    ("Neem pen, papier enz. mee naar de avond.", ["Neem pen, papier enz. mee naar de avond."]),
    ("Op 3 maart a.s. is er overleg.", ["Op 3 maart a.s. is er overleg."]),
    # other marks, numbers and addresses
    ("Komt u ook? Graag tot dan!", ["Komt u ook?", "Graag tot dan!"]),
    ("Het kost € 12.000 per jaar. Dat is veel.", ["Het kost € 12.000 per jaar.", "Dat is veel."]),
    ("Kijk op www.wijkzuid.nl. Daar staat alles.",
     ["Kijk op www.wijkzuid.nl.", "Daar staat alles."]),
    ("Het begint om 19.30 uur. Wees op tijd.", ["Het begint om 19.30 uur.", "Wees op tijd."]),
    ("Wacht even... Ik kom eraan.", ["Wacht even...", "Ik kom eraan."]),
    ("Hij zei: \"Ik kom morgen.\" Toen ging hij weg.",
     ["Hij zei: \"Ik kom morgen.\"", "Toen ging hij weg."]),
]


def test_the_table_has_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
    assert len({text for text, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("text", "sentences"), CASES)
def test_sentence_ends_as_a_reader_sees_them(text: str, sentences: list[str]) -> None:
    assert [text[span.start : span.end] for span in split_sentences(text)] == sentences
