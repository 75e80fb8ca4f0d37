"""US counties, parishes and boroughs as admin2 places, each at the mean of its ZIP code points.

Local news names counties constantly ("Scott County", "Orleans Parish"), but GeoNames' cities
carry no county and no packaged source gives a county's coordinates. The `zipcodes` package
ships every US ZIP code with its county and a point; the mean of a county's points lies well
inside it (Los Angeles County: 34.07, -118.26), close enough for a map and for Acc@161.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from gazetteer.sources import Entry

#: How a county-level name ends: Louisiana's parishes, Alaska's boroughs and census areas.
#: Virginia's independent cities ("Fairfax city") are GeoNames cities already.
SUFFIXES = ("County", "Parish", "Borough", "Census Area", "Municipality")


def county_points(
    zips: Iterable[Mapping[str, object]],
) -> dict[tuple[str, str], tuple[float, float, int]]:
    """(state code, county name) → the mean point of the county's ZIP codes, and how many."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for z in zips:
        county, state, lat, lon = z.get("county"), z.get("state"), z.get("lat"), z.get("long")
        if not (isinstance(county, str) and county.endswith(SUFFIXES) and isinstance(state, str)
                and lat and lon):
            continue
        acc = sums[(state, county)]
        acc[0] += float(str(lat))
        acc[1] += float(str(lon))
        acc[2] += 1
    return {key: (round(a / n, 4), round(b / n, 4), int(n)) for key, (a, b, n) in sums.items()}


def us_counties(admin1: Mapping[tuple[str, str], str]) -> Iterator[Entry]:
    """Every county of the states and D.C., in its state (GeoNames' admin1 name, so that
    "Scott County, Ind." finds it through the state). Counties with more ZIP codes come first:
    with no population to go by, that is the tie-break among the 25 Jefferson Counties."""
    import zipcodes

    points = county_points(zipcodes.list_all())
    for (state, county), (lat, lon, _) in sorted(points.items(), key=lambda kv: -kv[1][2]):
        state_name = admin1.get(("US", state))
        if state_name is None:
            continue  # a territory's code: its municipios are GeoNames places already
        yield Entry(name=county, lat=lat, lon=lon, kind="admin2", country="US",
                    admin1=state_name)
