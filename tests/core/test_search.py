"""Search over everything typed: accents folded, user input always quoted."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkapp.search import HIT_END, HIT_START, build_match, fold
from wijkapp.workspace import Workspace


@pytest.fixture
def filled(ws: Workspace) -> Workspace:
    meeting = ws.meetings.create("2026-12-03 19:30", title="Decembervergadering").id
    item = ws.agenda.add(meeting, "Coördinatie van de kerstmarkt", notes="Met de AT&T-zender en 50% korting").id
    ws.decisions.add(meeting, "De ĳsbaan komt terug op het plein.", agenda_item_id=item)
    ws.actions.add(meeting, "Offerte vragen voor de ĳsbaan")
    ws.requests.add("Coördinatie van de verlichting", 'Zij zei: "zo snel mogelijk"')
    ws.contacts.add("Mevrouw Çelik", topics="coördinatie vrijwilligers")
    ws.goals.add("Coördinatiepunt voor ouderen", 3)
    return ws


def test_accents_are_folded(filled: Workspace) -> None:
    kinds = {h.kind for h in filled.search.query("coordinatie")}
    assert kinds == {"agenda_items", "requests", "people", "goals"}
    assert [h.kind for h in filled.search.query("celik")] == ["people"]


def test_results_are_grouped_by_kind_in_a_fixed_order(filled: Workspace) -> None:
    grouped = filled.search.grouped("ijsbaan")
    assert list(grouped) == ["decisions", "actions"]
    decision = grouped["decisions"][0]
    assert decision.title.startswith("2026-001 ")
    assert decision.meeting_id is not None
    assert HIT_START in decision.snippet and HIT_END in decision.snippet


@pytest.mark.parametrize("query", ["AT&T", '"', "*", "AND", "OR NOT", "NEAR(", "50%", "(", "'", "-", "^"])
def test_operators_and_punctuation_are_searched_as_typed(filled: Workspace, query: str) -> None:
    filled.search.query(query)  # never raises


def test_ampersand_finds_its_text(filled: Workspace) -> None:
    assert [h.kind for h in filled.search.query("AT&T")] == ["agenda_items"]
    assert [h.kind for h in filled.search.query('"zo snel')] == ["requests"]


def test_prefix_of_the_last_word_matches(filled: Workspace) -> None:
    assert [h.kind for h in filled.search.query("kerstm")] == ["agenda_items"]


def test_deleted_records_are_not_found(filled: Workspace) -> None:
    person = filled.contacts.find("celik")[0]
    filled.contacts.delete(person.id)
    assert filled.search.query("celik") == []


def test_empty_query_finds_nothing(filled: Workspace) -> None:
    assert filled.search.query("   ") == []
    assert build_match("!!! ...") is None


def test_other_boards_are_not_searched(filled: Workspace) -> None:
    first = filled.board_id
    filled.boards.create("Ander wijkplatform")
    assert filled.search.query("coordinatie") == []
    filled.use_board(first)
    assert filled.search.query("coordinatie")


def test_fold() -> None:
    assert fold("Coördinatie ĲSBAAN café") == "coordinatie ijsbaan cafe"


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=60))
def test_any_typed_query_is_safe(filled: Workspace, query: str) -> None:
    for hit in filled.search.query(query):
        assert hit.kind and hit.id


def test_ij_spellings_next_to_other_words(filled: Workspace) -> None:
    assert [h.kind for h in filled.search.query("plein ijsbaan")] == ["decisions"]
    assert [h.kind for h in filled.search.query("ĳsbaan offerte")] == ["actions"]


def test_snippet_shows_the_typed_text_not_the_board(filled: Workspace) -> None:
    for hit in filled.search.query("kerstmarkt") + filled.search.query("celik"):
        assert filled.board_id not in hit.snippet
        assert HIT_START in hit.snippet
    request = filled.search.query("snel")[0]
    assert request.kind == "requests" and f"{HIT_START}snel{HIT_END}" in request.snippet
