"""Times in Europe/Amsterdam, stored as ISO 8601 with offset; dates as ISO dates."""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from .errors import ValidationError
from .i18n import N_, _

TZ = ZoneInfo("Europe/Amsterdam")


def now() -> dt.datetime:
    """The current aware time in Europe/Amsterdam, to the microsecond."""
    return dt.datetime.now(TZ)


def now_iso() -> str:
    """The current time as stored in the database."""
    return now().isoformat(timespec="microseconds")


def today() -> dt.date:
    """Today's date in Europe/Amsterdam."""
    return now().date()


def new_id() -> str:
    """A new record key: a random UUID as text."""
    return str(uuid.uuid4())


def to_iso_datetime(value: dt.datetime | str | None, field: str = N_("tijd")) -> str | None:
    """Normalise a datetime (naive means Amsterdam time) to stored ISO text."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = parse_datetime(value, field)
    if not isinstance(value, dt.datetime):
        raise ValidationError(_("De {field} is geen geldige datum met tijd.").format(field=_(field)))
    if value.tzinfo is None:
        value = value.replace(tzinfo=TZ)
    return value.astimezone(TZ).isoformat(timespec="seconds")


def to_iso_date(value: dt.date | str | None, field: str = N_("datum")) -> str | None:
    """Normalise a date to stored ISO text (``2026-12-03``)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        value = parse_date(value, field)
    if not isinstance(value, dt.date):
        raise ValidationError(_("De {field} is geen geldige datum.").format(field=_(field)))
    return value.isoformat()


def parse_datetime(text: str, field: str = N_("tijd")) -> dt.datetime:
    """Parse stored or typed ISO text into an aware datetime in Amsterdam time."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise ValidationError(
            _("De {field} '{text}' is niet te lezen; gebruik bijvoorbeeld 2026-12-03 19:30.").format(field=_(field), text=text)
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=TZ)
    return value.astimezone(TZ)


def parse_date(text: str, field: str = N_("datum")) -> dt.date:
    """Parse ``2026-12-03`` or ``3-12-2026`` into a date."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    for fmt in ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError(
        _("De {field} '{text}' is niet te lezen; gebruik bijvoorbeeld 3-12-2026.").format(field=_(field), text=text)
    )


def maybe_datetime(text: str | None) -> dt.datetime | None:
    """Stored text to datetime, ``None`` stays ``None``."""
    return parse_datetime(text) if text else None


def maybe_date(text: str | None) -> dt.date | None:
    """Stored text to date, ``None`` stays ``None``."""
    return dt.date.fromisoformat(text) if text else None


def add_weeks(day: dt.date, weeks: int) -> dt.date:
    """``day`` plus a number of weeks."""
    return day + dt.timedelta(weeks=weeks)
