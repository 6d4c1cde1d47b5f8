"""Sociale kaart: who in the wijk helps with what (organisations with their offer).

An organisation of the contacts directory can say what it offers (``offer``), for which
themes and groups (the same words as the signals), how to reach it (``reach``) and what
it costs (``cost``). :func:`who_helps` answers "wie helpt bij eenzaamheid?", and
:func:`themes_without_partner` names the board's themes no organisation offers help for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .base import Cleaner, text
from .i18n import N_
from .search import fold
from .signals import clean_labels, parse_labels

if TYPE_CHECKING:
    from .contacts import Organisation
    from .workspace import Workspace

_QUESTION = re.compile(
    r"^\s*(wie|wat|waar)\s+(helpt|kan\s+helpen|doet\s+iets)(\s+er)?\s+(bij|met|voor|aan|tegen)\s+",
    re.IGNORECASE)


def social_map_cleaners() -> dict[str, Cleaner]:
    """The cleaners of the sociale-kaart fields of an organisation."""
    return {
        "offer": text(N_("Wat de organisatie biedt")),
        "themes": lambda v: clean_labels(v, "De thema's"),
        "groups": lambda v: clean_labels(v, "De groepen"),
        "reach": text(N_("Hoe u de organisatie bereikt"), limit=2000),
        "cost": text(N_("Wat het kost"), limit=300, strip=True),
    }


def question_topic(query: str) -> str:
    """``"Wie helpt bij eenzaamheid?"`` → ``"eenzaamheid"``; other text unchanged."""
    stripped = _QUESTION.sub("", query)
    if stripped != query:
        stripped = stripped.strip().rstrip("?").strip()
    return stripped or query


def _matches(organisation: Organisation, needle: str) -> bool:
    hay = " ".join([organisation.name, organisation.offer, organisation.notes,
                    *parse_labels(organisation.themes), *parse_labels(organisation.groups)])
    return needle in fold(hay)


def who_helps(ws: Workspace, topic: str) -> list[Organisation]:
    """Organisations whose themes, groups or offer name ``topic`` (or a question about it);
    those with the topic among their themes or groups first."""
    needle = fold(question_topic(topic).strip())
    if not needle:
        return []
    found = [o for o in ws.organisations.all() if _matches(o, needle)]

    def exact(o: Organisation) -> int:
        labels = [fold(x) for x in parse_labels(o.themes) + parse_labels(o.groups)]
        return 0 if needle in labels else 1

    return sorted(found, key=lambda o: (exact(o), o.name.casefold()))


def helpers_for_signal(ws: Workspace, themes: list[str], groups: list[str]) -> list[Organisation]:
    """Organisations that offer help for any of a signal's themes or groups, best match first."""
    wanted_themes = {fold(t) for t in themes}
    wanted_groups = {fold(g) for g in groups}
    scored: list[tuple[int, str, Any]] = []
    for organisation in ws.organisations.all():
        own_themes = {fold(t) for t in parse_labels(organisation.themes)}
        own_groups = {fold(g) for g in parse_labels(organisation.groups)}
        score = 2 * len(own_themes & wanted_themes) + len(own_groups & wanted_groups)
        if score:
            scored.append((-score, organisation.name.casefold(), organisation))
    return [o for _s, _n, o in sorted(scored, key=lambda t: (t[0], t[1]))]


def themes_without_partner(ws: Workspace) -> list[str]:
    """The board's themes that no organisation of the sociale kaart offers help for."""
    offered = {fold(t) for o in ws.organisations.all() for t in parse_labels(o.themes)}
    return [theme for theme in ws.signals.themes() if fold(theme) not in offered]
