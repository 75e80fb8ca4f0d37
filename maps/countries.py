"""Country facts the map needs, from the packaged `countryinfo` data set.

Names for ISO codes in popups, capitals for diplomatic arcs, and simplified outlines drawn
under the tiles so the map still reads when the tile server cannot be reached.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import countryinfo
from shapely.geometry import box, mapping, shape
from shapely.geometry.base import BaseGeometry

OUTLINE_TOLERANCE = 0.05
_DATA_DIR = Path(countryinfo.__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Country:
    """One country: its name, capital (lat, lon) if known, and outline if packaged."""

    code: str
    name: str
    capital: tuple[float, float] | None
    outline: BaseGeometry | None


def _capital(raw: object, outline: BaseGeometry | None) -> tuple[float, float] | None:
    """A capital we trust: a lat/lon pair lying within a degree of the country's outline."""
    if not (isinstance(raw, list) and len(raw) == 2):
        return None
    if not all(isinstance(v, int | float) for v in raw) or outline is None:
        return None
    lat, lon = float(raw[0]), float(raw[1])
    minx, miny, maxx, maxy = outline.bounds
    if minx - 1 <= lon <= maxx + 1 and miny - 1 <= lat <= maxy + 1:
        return (lat, lon)
    return None


def _outline(raw: object) -> BaseGeometry | None:
    if not isinstance(raw, dict):
        return None
    shapes = [shape(f["geometry"]) for f in raw.get("features", []) if f.get("geometry")]
    if not shapes:
        return None
    merged = shapes[0] if len(shapes) == 1 else shapes[0].union_all(shapes[1:])
    simple = merged.simplify(OUTLINE_TOLERANCE, preserve_topology=True)
    return None if simple.is_empty else simple


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every packaged country by ISO alpha-2 code, outlines already simplified (cached)."""
    found: dict[str, Country] = {}
    for path in sorted(_DATA_DIR.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        code = (raw.get("ISO") or {}).get("alpha2")
        if not code or code in found:
            continue
        outline = _outline(raw.get("geoJSON"))
        found[code] = Country(
            code=code,
            name=str(raw.get("name") or code),
            capital=_capital(raw.get("capital_latlng"), outline),
            outline=outline,
        )
    return found


def country_name(code: str | None) -> str | None:
    """The English name of an ISO alpha-2 code, or None when the code is unknown."""
    if not code:
        return None
    country = countries().get(code.upper()) if len(code) == 2 else None
    return country.name if country else None


def capital_of(code: str | None) -> tuple[float, float] | None:
    """The (lat, lon) of a country's capital, or None."""
    if not code or len(code) != 2:
        return None
    country = countries().get(code.upper())
    return country.capital if country else None


def _round_coords(obj: object, ndigits: int) -> object:
    if isinstance(obj, float):
        return round(obj, ndigits)
    if isinstance(obj, list | tuple):
        return [_round_coords(v, ndigits) for v in obj]
    return obj


@lru_cache(maxsize=1024)
def _coarser(code: str, tolerance: float) -> BaseGeometry | None:
    outline = countries()[code].outline
    if outline is None or tolerance <= OUTLINE_TOLERANCE:
        return outline
    simple = outline.simplify(tolerance, preserve_topology=True)
    return None if simple.is_empty else simple


def outlines_near(
    bounds: tuple[float, float, float, float],
    margin: float = 15.0,
    tolerance: float = OUTLINE_TOLERANCE,
) -> dict[str, object]:
    """GeoJSON of country outlines meeting (min_lat, min_lon, max_lat, max_lon) plus a margin.

    A tolerance above the default simplifies further, for maps that show most of the world.
    """
    min_lat, min_lon, max_lat, max_lon = bounds
    area = box(min_lon - margin, min_lat - margin, max_lon + margin, max_lat + margin)
    ndigits = 2 if tolerance < 0.1 else 1
    features = []
    for code, country in sorted(countries().items()):
        if country.outline is None or not country.outline.intersects(area):
            continue
        outline = _coarser(code, tolerance)
        if outline is None:
            continue
        geometry = mapping(outline)
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code},
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _round_coords(geometry["coordinates"], ndigits),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
