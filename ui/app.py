"""Start the desktop app: Qt in Dutch, the preferences, the workspace, the first run, the window.

:func:`main` returns the exit code: 0 after a normal close, 1 when the database cannot
be opened (a Dutch dialog has said what happened and what to do).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from wijkapp.errors import (
    DamagedDatabaseError,
    DiskError,
    DiskFullError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
    WorkspaceLockedError,
)
from wijkapp.i18n import _, set_language
from wijkapp.paths import default_db_path, resource_path
from wijkapp.privacy import erasure_notice
from wijkapp.workspace import Workspace

from . import preferences, safety, shutdown
from .bus import ChangeBus
from .main_window import MainWindow
from .operations.base import run_in_background, wait_for_workers
from .operations.context import AppContext, set_app_context
from .qt_guard import protect_none
from .style import apply_style
from .translators import install_translators

ErrorDialog = Callable[[QWidget | None, str, str], None]



def open_error_message(error: StorageError, path: Path) -> tuple[str, str]:
    """The title and text of the dialog for a database that cannot be opened.

    Says what happened and what to do, in B1 Dutch, and names the file.
    """
    if isinstance(error, WorkspaceLockedError):
        title = _("Wijkapp is al open")
        text = _(
            "Dit bestand is al geopend in een ander Wijkapp-venster. Wijkapp opent het niet "
            "twee keer, zodat er niets verloren gaat.\n\nWat kunt u doen? Kijk onderaan in de "
            "taakbalk of Wijkapp al openstaat en ga verder in dat venster. Ziet u het nergens? "
            "Start de computer opnieuw op en open Wijkapp dan nog een keer."
        )
    elif isinstance(error, DiskError):
        full = isinstance(error, DiskFullError) or "schijf is vol" in str(error)
        title = _("De schijf is vol") if full else _("De schijf geeft een fout")
        text = (_(
            "Wijkapp kan uw bestand nu niet openen, omdat de schijf vol is. Het bestand is "
            "niet beschadigd en er is niets aan veranderd.\n\nWat kunt u doen? Maak ruimte "
            "vrij: leeg de prullenbak, of verplaats grote bestanden (foto's, films) naar een "
            "USB-stick. Open Wijkapp daarna opnieuw."
        ) if full else _(
            "Wijkapp kan uw bestand nu niet lezen of schrijven, omdat de schijf een fout geeft. "
            "Het bestand is daardoor niet beschadigd.\n\nWat kunt u doen? Is het bestand op "
            "een USB-stick of netwerkschijf? Sluit die opnieuw aan en open Wijkapp nog eens."
        ))
    elif isinstance(error, DamagedDatabaseError):
        title = _("Het bestand is beschadigd")
        text = _(
            "Wijkapp kan dit bestand niet goed lezen. Er is niets aan veranderd en niets "
            "overschreven.\n\nWat kunt u doen? Sluit Wijkapp en vraag hulp aan degene die "
            "Wijkapp voor u heeft geïnstalleerd. Die kan een reservekopie terugzetten."
        )
    elif isinstance(error, NotADatabaseError):
        title = _("Dit is geen Wijkapp-bestand")
        text = _(
            "Het gekozen bestand is geen bestand van Wijkapp. Er is niets aan veranderd.\n\n"
            "Wat kunt u doen? Open Wijkapp opnieuw en kies het juiste bestand."
        )
    elif isinstance(error, ReadOnlyError):
        title = _("Wijkapp mag hier niet schrijven")
        text = _(
            "Wijkapp mag dit bestand of deze map niet veranderen. Dan kan Wijkapp uw werk "
            "niet bewaren.\n\nWat kunt u doen? Zet het bestand in de map Documenten, of "
            "vraag hulp aan degene die de computer beheert."
        )
    elif isinstance(error, NewerSchemaError):
        title = _("Nieuwere versie nodig")
        text = _(
            "Dit bestand is gemaakt met een nieuwere versie van Wijkapp.\n\n"
            "Wat kunt u doen? Installeer de nieuwste versie van Wijkapp."
        )
    else:
        title = _("Wijkapp kan het bestand niet openen")
        text = str(error)
    details = _("Bestand: {path}").format(path=path)
    return title, f"{text}\n\n{details}\n\n({error})"


def show_open_error(parent: QWidget | None, title: str, text: str) -> None:
    """The real dialog: a warning box with one OK button."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def choose_path(db_path: Path | None, prefs: preferences.Preferences) -> Path:
    """The given path, else the last database used, else the default location."""
    if db_path is not None:
        return Path(db_path)
    if prefs.last_database and Path(prefs.last_database).exists():
        return Path(prefs.last_database)
    return default_db_path()


def start(
    db_path: Path | None,
    demo_if_empty: bool = True,
    *,
    show_error: ErrorDialog = show_open_error,
) -> MainWindow | int:
    """Everything :func:`main` does before the event loop.

    Returns the shown window (its ``ws`` is open; the caller closes it after the loop),
    or the exit code when no window opened: 1 when the file cannot be opened, 0 when
    the secretary closed the welcome without making a board.
    """
    prefs = preferences.load()
    set_language(prefs.language)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    protect_none()
    app.setApplicationName("Wijkapp")
    icon = resource_path("icons", "wijkapp-256.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    install_translators(app, prefs.language)
    apply_style(app, prefs.text_size)
    path = choose_path(db_path, prefs)
    try:
        ws = Workspace(path)
    except StorageError as error:
        restored = False
        if isinstance(error, DamagedDatabaseError):
            # Offer the newest good backup; the damaged file itself is kept aside, untouched.
            restored = bool(safety.offer_restore(None, path, error))
        if not restored:
            show_error(None, *open_error_message(error, path))
            return 1
        try:
            ws = Workspace(path)
        except StorageError as again:
            show_error(None, *open_error_message(again, path))
            return 1
    bus = ChangeBus()
    context = AppContext(ws, bus)
    set_app_context(context)
    first_meeting_id: str | None = None
    if not ws.has_board:
        from .first_run import FirstRunDialog

        welcome = FirstRunDialog(ws, offer_demo=demo_if_empty)
        welcome.exec()
        first_meeting_id = welcome.first_meeting_id
        wait_for_workers(30_000)
        QApplication.processEvents()  # deliver the last callbacks before the dialog goes
        welcome.deleteLater()
        if not ws.has_board:
            set_app_context(None)
            ws.close()
            return 0
    prefs.last_database = str(path)
    preferences.save(prefs)
    window = MainWindow(ws, bus, prefs)
    context.show_status = window.show_status
    window.show()
    if first_meeting_id:  # the new board's walk-through ends on its first meeting
        window.open_record("meetings", first_meeting_id)
    shutdown.install(app, window)
    if ws.needs_full_verify:
        verify_in_background(window)

    def remind() -> None:  # after the first paint: the window shows first
        from wijkapp.followup import startup_reminder

        reminder = startup_reminder(ws)
        if reminder:
            window.show_reminder(reminder, "requests")
        erased = erasure_notice(ws.erasures_reapplied)
        if erased:  # a person erased earlier came back with an older file: erased again
            window.show_reminder(erased, "contacts")

    window.after_first_paint(remind)
    return window


def verify_in_background(window: MainWindow) -> None:
    """Read the whole file once after a light start; on damage stop writing and say so."""
    ws = window.ws

    def done(sentence: str | None) -> None:
        if sentence:
            window.show_damage(sentence)

    run_in_background(ws.verify_in_full, done, lambda _e: None, long=True)


def main(
    db_path: Path | None = None,
    demo_if_empty: bool = True,
    *,
    show_error: ErrorDialog = show_open_error,
) -> int:
    """Run the desktop app on ``db_path`` (default: the last or the standard database).

    ``demo_if_empty``: the first-run welcome of an empty file offers "Eerst de demo
    bekijken". ``show_error(parent, title, text)`` shows why a file cannot be opened
    (tests pass a recorder). Returns the exit code.
    """
    window = start(db_path, demo_if_empty, show_error=show_error)
    if isinstance(window, int):
        return window
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    code = app.exec()
    wait_for_workers(30_000)
    set_app_context(None)
    window.ws.close()
    return int(code)
