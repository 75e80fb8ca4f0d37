"""A geopy Geocoder over the offline gazetteer, so existing geopy code can use it unchanged.

    >>> from gazetteer.geocoder import Gazetteer as GeoNamesOffline
    >>> GeoNamesOffline().geocode("Saravan")
    Location(Saravan, Sistan and Baluchestan, IR, (27.37089, 62.33096, 0.0))
"""

from __future__ import annotations

from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer.index import Candidate, default_gazetteer
from gazetteer.index import Gazetteer as Index


class OfflineGazetteer(Geocoder):
    """geopy's Geocoder interface answered from our compiled GeoNames index, with no network.

    `geocode(query, exactly_one=True, country_codes=None)`: `query` is a place name,
    optionally followed by ", Country" or ", Admin1" to narrow it ("Santa Ana, California").
    `reverse` finds the nearest populated place.
    """

    def __init__(self, index: Index | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.index = index or default_gazetteer()

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | list[str] | None = None,
        limit: int = 10,
        timeout: Any = None,
    ) -> Location | list[Location] | None:
        """The most likely place for `query`, or all candidates if not exactly_one."""
        del timeout
        name, _, qualifier = (part.strip() for part in str(query).partition(","))
        found = self.index.lookup(name)
        if isinstance(country_codes, str):
            country_codes = [country_codes]
        if country_codes:
            wanted = {c.upper() for c in country_codes}
            found = [c for c in found if c.place.country in wanted]
        if qualifier:
            found = _narrow(found, qualifier, self.index)
        if not found:
            return None
        locations = [_location(c) for c in found[:limit]]
        return locations[0] if exactly_one else locations

    def reverse(
        self, query: Any, *, exactly_one: bool = True, timeout: Any = None
    ) -> Location | list[Location] | None:
        """The populated place nearest to a point (a linear scan: meant for occasional use)."""
        del timeout
        point = Point(query)
        best = self.index.nearest(point.latitude, point.longitude, limit=1 if exactly_one else 5)
        locations = [_location(c) for c in best]
        if not locations:
            return None
        return locations[0] if exactly_one else locations


def _narrow(found: list[Candidate], qualifier: str, index: Index) -> list[Candidate]:
    """Keep candidates inside the country or admin1 the qualifier names."""
    containers = index.lookup(qualifier)
    countries = {c.place.country for c in containers if c.place.kind == "country"}
    admin1 = {(c.place.country, c.place.name) for c in containers if c.place.kind == "admin1"}
    narrowed = [
        c for c in found
        if c.place.country in countries or (c.place.country, c.place.admin1) in admin1
    ]
    return narrowed or found


def _location(c: Candidate) -> Location:
    p = c.place
    address = ", ".join(x for x in (p.name, p.admin1 if p.admin1 != p.name else None,
                                    p.country) if x)
    raw = {**p.to_dict(), "population": p.population, "score": round(c.prior, 3)}
    return Location(address, Point(p.lat, p.lon), raw)


#: The name users of geopy expect for a back-end class.
Gazetteer = OfflineGazetteer
