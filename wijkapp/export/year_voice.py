"""The jaarverslag's "Stem van de wijk" pages: counts, the groups not heard, "U zei, wij
deden", and prevention (the data comes from :mod:`wijkapp.voice`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from ..voice import (
    SAID_DID_HEADING,
    count_sentences,
    prevention_figures,
    prevention_sentences,
    voice_figures,
)
from .pdfbase import esc, heading, markup, para

if TYPE_CHECKING:
    from ..followup import YearFigures
    from ..workspace import Workspace


def voice_story(ws: Workspace, fig: YearFigures) -> list[Flowable]:
    """Flowables for the year's signals, "U zei, wij deden" and prevention."""
    voice = voice_figures(ws, fig.year, fig.on, quotes=0)
    story: list[Flowable] = heading("Stem van de wijk")
    story += [markup("• " + esc(line), "item") for line in count_sentences(voice)]
    if voice.said_did:
        story.append(para(SAID_DID_HEADING, "h2"))
        for item in voice.said_did:
            story.append(markup(f"<b>U zei:</b> “{esc(item.said)}”", "item"))
            story.append(markup(f"<b>Wij deden:</b> {esc(item.did)}", "body"))
    story.append(para("Preventie", "h2"))
    story += [markup("• " + esc(line), "item")
              for line in prevention_sentences(prevention_figures(ws, fig.year), fig.year)]
    return story
