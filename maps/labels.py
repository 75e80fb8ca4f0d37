"""Words for people: dates with their precision, places, parties, outlets, safe links.

Pure functions over the GeoJSON properties, so the page's script only places ready text.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from urllib.parse import urlsplit

from maps.countries import country_name

_EPOCH = date(1970, 1, 1)
_CONTROL = re.compile(r"[\x00-\x1f\x7f\s]")


def parse_date(value: object) -> date | None:
    """An ISO date (YYYY-MM-DD) from a property, or None when absent or malformed."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def day_words(day: date) -> str:
    """'18 January 2024'."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def date_words(day: date | None, precision: str | None, status: str | None = None) -> str:
    """A date as a reader says it, honest about precision: 'week of 29 January 2024'."""
    if day is None or precision in (None, "unknown"):
        words = "date unknown"
    elif precision == "week":
        words = f"week of {day_words(day)}"
    elif precision == "month":
        words = f"{calendar.month_name[day.month]} {day.year}"
    elif precision == "year":
        words = str(day.year)
    else:
        words = day_words(day)
    if status == "planned":
        return f"{words} (planned)"
    return words


def day_span(day: date | None, precision: str | None) -> tuple[int, int] | None:
    """First and last day the date may stand for, as days since 1970-01-01 (for the slider)."""
    if day is None or precision in (None, "unknown"):
        return None
    if precision == "week":
        last = day + timedelta(days=6)
    elif precision == "month":
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    elif precision == "year":
        last = day.replace(month=12, day=31)
    else:
        last = day
    return (day - _EPOCH).days, (last - _EPOCH).days


def party_words(party: object) -> str | None:
    """An actor or target for people: a country name for an ISO code, else the text given."""
    if not isinstance(party, str) or not party.strip():
        return None
    party = party.strip()
    if len(party) == 2 and party.isalpha() and party.isupper():
        return country_name(party) or party
    return party


def parties_words(actor: object, target: object) -> str | None:
    """'Pakistan → Iran', or one side alone when the other is unknown."""
    who, whom = party_words(actor), party_words(target)
    if who and whom:
        return f"{who} → {whom}"
    if who:
        return f"by {who}"
    if whom:
        return f"against {whom}"
    return None


def place_words(name: object, admin1: object, country: object) -> str:
    """'Saravan, Sistan and Baluchestan, Iran', without repeating a level."""
    parts: list[str] = []
    for part in (name, admin1, party_words(country) if isinstance(country, str) else None):
        if isinstance(part, str) and part.strip() and part.strip() not in parts:
            parts.append(part.strip())
    return ", ".join(parts) if parts else "place unknown"


def fatalities_words(count: object) -> str | None:
    """'9 deaths reported', or None when no count was reported."""
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        return None
    return "1 death reported" if count == 1 else f"{count} deaths reported"


def safe_url(url: object) -> str | None:
    """The address if it is a plain http(s) link a reader can follow, else None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def outlet(url: object) -> str | None:
    """The outlet behind a link: its host name without 'www.'."""
    safe = safe_url(url)
    if safe is None:
        return None
    host = urlsplit(safe).hostname or ""
    return host.removeprefix("www.") or None
