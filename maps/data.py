"""A `geo geojson` FeatureCollection → the plain records the page's script draws.

Everything a reader sees is worked out here (labels, sizes, layer, arcs, offsets for events
that share a spot), so the browser side stays a thin, text-only painter.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from maps.countries import capital_of
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
from maps.symbols import CATEGORIES, SYMBOLS, category_for, size_for, symbol_for

MAX_TEXT = 600
MAX_SOURCES = 12
ARC_TYPES = frozenset({"diplomatic", "visit"})
_SPREAD_PX = 13


@dataclass(frozen=True, slots=True)
class MapData:
    """What one map shows: event records, their bounds, date range and the articles cited."""

    events: tuple[dict[str, Any], ...]
    bounds: tuple[float, float, float, float] | None
    day_range: tuple[int, int] | None
    articles: tuple[dict[str, Any], ...]
    categories: tuple[str, ...]
    types: tuple[str, ...]
    skipped: int


def _text(value: object, limit: int = MAX_TEXT) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _point(feature: object) -> tuple[float, float] | None:
    """(lat, lon) of a Point feature with finite, in-range coordinates."""
    if not isinstance(feature, dict):
        return None
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        return None
    coords = geometry.get("coordinates")
    if not isinstance(coords, list | tuple) or len(coords) < 2:
        return None
    lon, lat = coords[0], coords[1]
    if isinstance(lon, bool) or isinstance(lat, bool):
        return None
    if not isinstance(lon, int | float) or not isinstance(lat, int | float):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return float(lat), float(lon)


def _source(raw: object) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        return None
    url = safe_url(raw.get("url"))
    day = parse_date(raw.get("published"))
    return {
        "title": _text(raw.get("title"), 300) or _text(raw.get("doc"), 200) or "Untitled article",
        "url": url,
        "outlet": outlet(url),
        "published": date_words(day, "day") if day else None,
        "evidence": _text(raw.get("evidence")),
        "key": url or _text(raw.get("doc"), 200) or _text(raw.get("title"), 300),
    }


def _int_or_none(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or value < 0:
        return None
    return int(value)


def _arc(start: tuple[float, float], end: tuple[float, float]) -> list[list[float]] | None:
    """A gentle curve from start to end (lat, lon) as a list of points, bowed to one side."""
    (lat0, lon0), (lat1, lon1) = start, end
    dlat, dlon = lat1 - lat0, lon1 - lon0
    if math.hypot(dlat, dlon) < 0.5:
        return None
    ctrl = (lat0 + dlat / 2 + dlon * 0.2, lon0 + dlon / 2 - dlat * 0.2)
    points = []
    for i in range(17):
        t = i / 16
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t**2
        points.append(
            [
                round(a * lat0 + b * ctrl[0] + c * lat1, 3),
                round(a * lon0 + b * ctrl[1] + c * lon1, 3),
            ]
        )
    return points


def _record(feature: dict[str, Any], point: tuple[float, float]) -> dict[str, Any]:
    props = feature.get("properties")
    props = props if isinstance(props, dict) else {}
    event_type = _text(props.get("type"), 40)
    status = "planned" if props.get("status") == "planned" else "occurred"
    background = props.get("background") is True
    precision = _text(props.get("date_precision"), 10)
    day = parse_date(props.get("date"))
    span = day_span(day, precision)
    deaths = _int_or_none(props.get("fatalities"))
    raw_sources = props.get("sources")
    sources = (
        [s for s in map(_source, raw_sources or []) if s] if isinstance(raw_sources, list) else []
    )
    evidence = next((s["evidence"] for s in sources if s["evidence"]), None)
    place_name = _text(props.get("place_name"), 200)
    arc = None
    if event_type in ARC_TYPES and isinstance(props.get("actor"), str):
        capital = capital_of(props["actor"])
        if capital is not None and props.get("country") != props["actor"]:
            arc = _arc(capital, point)
    symbol = symbol_for(event_type)
    return {
        "id": _text(props.get("id"), 120) or _text(feature.get("id"), 120),
        "lat": round(point[0], 6),
        "lon": round(point[1], 6),
        "cat": category_for(event_type, background),
        "type": event_type if event_type in SYMBOLS else "other",
        "label": symbol.label,
        "subtype": _text(props.get("subtype"), 120),
        "planned": status == "planned",
        "bg": background,
        "date": date_words(day, precision, status),
        "d0": span[0] if span else None,
        "d1": span[1] if span else None,
        "name": place_name or "Unnamed place",
        "place": place_words(
            place_name, _text(props.get("admin1"), 120), _text(props.get("country"), 60)
        ),
        "parties": parties_words(_text(props.get("actor"), 120), _text(props.get("target"), 120)),
        "deaths": fatalities_words(deaths),
        "size": size_for(deaths),
        "evidence": evidence,
        "sources": [
            {k: s[k] for k in ("title", "url", "outlet", "published")}
            for s in sources[:MAX_SOURCES]
        ],
        "more": max(0, len(sources) - MAX_SOURCES),
        "arc": arc,
        "off": [0, 0],
        "_src": sources,
    }


def _spread(records: list[dict[str, Any]]) -> None:
    """Nudge symbols that share a spot onto a small ring so each one can be clicked."""
    groups: dict[tuple[float, float], list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        groups[(round(rec["lat"], 3), round(rec["lon"], 3))].append(rec)
    for group in groups.values():
        if len(group) < 2:
            continue
        radius = _SPREAD_PX * max(1.0, len(group) / 6)
        for k, rec in enumerate(group):
            angle = 2 * math.pi * k / len(group) - math.pi / 2
            rec["off"] = [round(radius * math.cos(angle)), round(radius * math.sin(angle))]


def _articles(records: list[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    """Each article cited once, in order of first citation; records get `refs` into it."""
    seen: dict[str, int] = {}
    articles: list[dict[str, Any]] = []
    for rec in records:
        refs = []
        for src in rec["_src"]:
            key = src["key"] or f"#{len(articles)}"
            if key not in seen:
                seen[key] = len(articles)
                articles.append({k: src[k] for k in ("title", "url", "outlet", "published")})
            if seen[key] not in refs:
                refs.append(seen[key])
        rec["refs"] = refs
    return tuple(articles)


def _sort_key(rec: dict[str, Any]) -> tuple[Any, ...]:
    return (rec["d0"] is None, rec["d0"] or 0, rec["id"] or "", rec["lat"], rec["lon"])


def prepare(collection: dict[str, Any]) -> MapData:
    """Turn a FeatureCollection into MapData; features without a usable Point are skipped."""
    features = collection.get("features") if isinstance(collection, dict) else None
    features = features if isinstance(features, list) else []
    records, skipped = [], 0
    for feature in features:
        point = _point(feature)
        if point is None:
            skipped += 1
            continue
        records.append(_record(feature, point))
    records.sort(key=_sort_key)
    _spread(records)
    articles = _articles(records)
    for rec in records:
        del rec["_src"]
    lats = [r["lat"] for r in records] + [p[0] for r in records for p in (r["arc"] or [])[:1]]
    lons = [r["lon"] for r in records] + [p[1] for r in records for p in (r["arc"] or [])[:1]]
    bounds = (min(lats), min(lons), max(lats), max(lons)) if records else None
    spans = [(r["d0"], r["d1"]) for r in records if r["d0"] is not None]
    day_range = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
    present = {r["cat"] for r in records}
    return MapData(
        events=tuple(records),
        bounds=bounds,
        day_range=day_range,
        articles=articles,
        categories=tuple(c.key for c in CATEGORIES if c.key in present),
        types=tuple(t for t in (*SYMBOLS, "other") if t in {r["type"] for r in records}),
        skipped=skipped,
    )
