"""Words on the map: dates with precision, places, parties, links."""

from __future__ import annotations

from datetime import date

import pytest

from maps.labels import (
    date_words,
    day_span,
    fatalities_words,
    outlet,
    parse_date,
    parties_words,
    place_words,
    safe_url,
)


@pytest.mark.parametrize(
    ("day", "precision", "status", "expected"),
    [
        (date(2024, 1, 18), "day", "occurred", "18 January 2024"),
        (date(2024, 1, 29), "week", "occurred", "week of 29 January 2024"),
        (date(2023, 10, 1), "month", None, "October 2023"),
        (date(2022, 1, 1), "year", None, "2022"),
        (None, "day", None, "date unknown"),
        (date(2024, 1, 26), "unknown", None, "date unknown"),
        (date(2024, 1, 26), "day", "planned", "26 January 2024 (planned)"),
    ],
)
def test_date_words_follow_precision(day, precision, status, expected):
    assert date_words(day, precision, status) == expected


def test_day_span_covers_the_whole_period():
    epoch = date(1970, 1, 1)
    start, end = day_span(date(2024, 2, 1), "month")
    assert (start, end) == ((date(2024, 2, 1) - epoch).days, (date(2024, 2, 29) - epoch).days)
    start, end = day_span(date(2024, 1, 29), "week")
    assert end - start == 6
    assert day_span(date(2024, 1, 29), "day") == (start, start)
    assert day_span(None, "day") is None


def test_parse_date_rejects_junk():
    assert parse_date("2024-01-18") == date(2024, 1, 18)
    assert parse_date("2024-01-18T10:00:00Z") == date(2024, 1, 18)
    assert parse_date("bad-date") is None
    assert parse_date(20240118) is None


def test_parties_use_country_names_for_codes_and_keep_group_names():
    assert parties_words("PK", "IR") == "Pakistan → Iran"
    assert parties_words("Iran-backed groups", "US") == "Iran-backed groups → United States"
    assert parties_words("IL", None) == "by Israel"
    assert parties_words(None, "Hamas") == "against Hamas"
    assert parties_words(None, None) is None


def test_place_words_do_not_repeat_levels():
    assert place_words("Saravan", "Sistan and Baluchestan", "IR") == (
        "Saravan, Sistan and Baluchestan, Iran"
    )
    assert place_words("Balochistan", "Balochistan", "PK") == "Balochistan, Pakistan"
    assert place_words("Iraq", None, "IQ") == "Iraq"
    assert place_words(None, None, None) == "place unknown"


def test_fatalities_words():
    assert fatalities_words(9) == "9 deaths reported"
    assert fatalities_words(1) == "1 death reported"
    assert fatalities_words(0) == "0 deaths reported"
    assert fatalities_words(None) is None
    assert fatalities_words(True) is None


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//example.org/x",
        "http://example.com/\u2028x",
        "https://exa mple.com/",
        "http:///nohost",
        None,
        42,
    ],
)
def test_safe_url_refuses_anything_but_plain_http_links(url):
    assert safe_url(url) is None


def test_safe_url_and_outlet_for_real_links():
    url = "https://www.bbc.co.uk/news/world-middle-east-68033426"
    assert safe_url(url) == url
    assert outlet(url) == "bbc.co.uk"
    assert outlet("http://feeds.bbci.co.uk/news/x") == "feeds.bbci.co.uk"
    assert outlet("javascript:alert(1)") is None
