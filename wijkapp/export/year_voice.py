"""The jaarverslag's "Stem van de wijk" part: counts, the groups not heard, "U zei, wij
deden", and prevention, as data for ``year-report.typ`` (figures from :mod:`wijkapp.voice`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..voice import (
    SAID_DID_HEADING,
    count_sentences,
    prevention_figures,
    prevention_sentences,
    voice_figures,
)

if TYPE_CHECKING:
    from ..followup import YearFigures
    from ..workspace import Workspace


def voice_data(ws: Workspace, fig: YearFigures) -> dict[str, Any]:
    """The year's signals, "U zei, wij deden" and prevention, ready for the template."""
    voice = voice_figures(ws, fig.year, fig.on, quotes=0)
    return {
        "heading": "Stem van de wijk",
        "lines": count_sentences(voice),
        "said_did_heading": SAID_DID_HEADING,
        "said_did": [{"said": item.said, "did": item.did} for item in voice.said_did],
        "prevention_heading": "Preventie",
        "prevention": prevention_sentences(prevention_figures(ws, fig.year), fig.year),
    }
