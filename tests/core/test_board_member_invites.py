"""A new board member is on the list of the meetings still to come, at once."""

from __future__ import annotations

import datetime as dt

from wijkapp.timeutil import TZ, now
from wijkapp.workspace import Workspace


def invited(ws: Workspace, meeting_id: str) -> set[str]:
    return {a.name for a in ws.meetings.attendance(meeting_id)}


def test_a_board_member_added_is_invited_to_coming_meetings_in_one_step(ws: Workspace) -> None:
    soon = now() + dt.timedelta(days=10)
    coming = ws.meetings.create(soon).id or ""
    cancelled = ws.meetings.create(soon + dt.timedelta(days=30)).id or ""
    ws.meetings.cancel(cancelled)
    past = ws.meetings.create(dt.datetime(2020, 3, 2, 19, 30, tzinfo=TZ)).id or ""
    ws.contacts.add("Ans Janssen", board_member=True)
    ws.contacts.add("Wijkagent Bram", role="wijkagent")
    assert invited(ws, coming) == {"Ans Janssen"}
    assert invited(ws, cancelled) == set() and invited(ws, past) == set()
    assert ws.undo_name == "Contact toegevoegd"
    ws.undo()
    ws.undo()
    assert invited(ws, coming) == set() and ws.contacts.board_members() == []


def test_becoming_a_board_member_invites_but_someone_taken_off_stays_off(ws: Workspace) -> None:
    coming = ws.meetings.create(now() + dt.timedelta(days=3)).id or ""
    bram = ws.contacts.add("Bram").id or ""
    kees = ws.contacts.add("Kees", board_member=True).id or ""
    ws.meetings.remove_invitee(coming, kees)
    ws.contacts.update(bram, board_member=True)
    assert invited(ws, coming) == {"Bram"}
    ws.contacts.update(kees, role="penningmeester", board_member=True)  # already a member
    assert invited(ws, coming) == {"Bram"}
    ws.undo()
    ws.undo()  # Bram is no member again, and off the list in the same step
    assert invited(ws, coming) == set()
