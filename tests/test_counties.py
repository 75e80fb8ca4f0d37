"""US counties from ZIP code points: their placement, and their use in local news."""

from __future__ import annotations

import pytest

from gazetteer.counties import county_points
from geo.places import extract_places


def test_a_county_sits_at_the_mean_of_its_zip_points() -> None:
    zips = [
        {"state": "OH", "county": "Knox County", "lat": "40.0", "long": "-82.0"},
        {"state": "OH", "county": "Knox County", "lat": "40.5", "long": "-82.5"},
        {"state": "TN", "county": "Knox County", "lat": "36.0", "long": "-84.0"},
        {"state": "VA", "county": "Fairfax city", "lat": "38.8", "long": "-77.3"},
        {"state": "TX", "county": "", "lat": "30.0", "long": "-97.0"},
    ]
    assert county_points(zips) == {("OH", "Knox County"): (40.25, -82.25, 2),
                                   ("TN", "Knox County"): (36.0, -84.0, 1)}


def _places(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.place.admin1, m.place.kind) for m in extract_places(text)
            if m.role == "location"]


@pytest.mark.parametrize(("text", "county", "state"), [
    ("Health officials in Scott County, Ind., traced the outbreak.", "Scott County", "Indiana"),
    ("A tornado touched down in Jefferson County, Ky., late Tuesday.", "Jefferson County",
     "Kentucky"),
    ("Deputies in Knox County, Tenn., said the road reopened.", "Knox County", "Tennessee"),
])
def test_a_county_written_with_its_state_is_that_state_s(text: str, county: str,
                                                         state: str) -> None:
    assert (county, state, "admin2") in _places(text)


def test_a_county_is_read_near_the_story_s_city() -> None:
    found = _places("Sheriff's deputies from Maricopa County joined Phoenix police after the "
                    "storm, and schools in Pima County closed.")
    assert ("Maricopa County", "Arizona", "admin2") in found
    assert ("Pima County", "Arizona", "admin2") in found


def test_a_parish_is_a_county_level_place() -> None:
    assert ("Jefferson Parish", "Louisiana", "admin2") in _places(
        "Power was out across Jefferson Parish after the hurricane.")
