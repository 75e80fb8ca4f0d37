"""The scan for candidate names: what may start a name, and short words in capitals."""

from __future__ import annotations

import pytest

from gazetteer.index import default_gazetteer
from geo.spot import spot


def _texts(text: str) -> list[str]:
    return [s.text for s in spot(text, default_gazetteer())]


@pytest.mark.parametrize(("text", "city"), [
    ("ROME (AP) — The pope spoke on Sunday.", "ROME"),
    ("LIMA, Peru — Protesters marched on Congress.", "LIMA"),
    ("By Jane Doe\nSEOUL, March 3 (Reuters) - North Korea fired a missile.", "SEOUL"),
    ("SAN JUAN – The storm knocked out power.", "SAN JUAN"),
])
def test_a_short_city_in_capitals_opening_a_dateline_is_a_name(text: str, city: str) -> None:
    assert city in _texts(text)


def test_the_second_city_of_a_shared_dateline_is_a_name() -> None:
    assert {"DAKAR", "LAGOS"} <= set(_texts("DAKAR/LAGOS, June 1 (Reuters) - Talks resumed."))


@pytest.mark.parametrize("text", [
    "Talks in LIMA stalled, officials said.",  # capitals mid-sentence: emphasis, not a dateline
    "NOTE (updated): LIMA is not a dateline here.",
])
def test_short_words_in_capitals_elsewhere_stay_out(text: str) -> None:
    assert "LIMA" not in _texts(text)
