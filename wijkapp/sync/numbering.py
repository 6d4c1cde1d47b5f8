"""Who numbers decisions on a shared board (a light module: no pycrdt needed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import _

if TYPE_CHECKING:
    from ..workspace import Workspace


def may_number_decisions(ws: Workspace) -> str | None:
    """``None`` when this laptop may number decisions, else the Dutch reason why not."""
    try:
        rows = {r["key"]: r["value"] for r in ws.store.rows(
            "SELECT key, value FROM sync_state WHERE key IN ('shared', 'numbering', 'laptop_id')")}
    except Exception:  # noqa: BLE001 - a file without the sync tables shares nothing
        return None
    if not rows.get("shared") or not rows.get("numbering") or rows.get("numbering") == rows.get("laptop_id"):
        return None
    name = ws.store.scalar("SELECT name FROM sync_peers WHERE laptop_id = ?", [rows["numbering"]])
    if name:
        return _(
            "Besluiten krijgen hun nummer op de laptop '{name}', zodat geen nummer twee keer "
            "voorkomt. Laat het besluit daar vastleggen, of neem het nummeren over via "
            "'Delen met het bestuur'.").format(name=name)
    return _(
        "Besluiten krijgen hun nummer op de laptop van de secretaris, zodat geen nummer twee "
        "keer voorkomt. Laat het besluit daar vastleggen, of neem het nummeren over via "
        "'Delen met het bestuur'.")
