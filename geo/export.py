"""Write events out: the `geo events` JSON Lines record, GeoJSON and tables (OUTPUTS.md).

pandas is imported inside the functions that use it: it takes ~0.4 s to import, and commands
that only print places or events must start fast. A GeoJSON Point is written directly.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from json.encoder import encode_basestring as _encode_string  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any

from geo.models import Document, Event, Mention, MergedEvent, Place

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

TABLE_COLUMNS = (
    "id", "type", "subtype", "cameo", "date", "date_precision", "status", "place_name",
    "place_kind", "country", "admin1", "geonameid", "lat", "lon", "actor", "target",
    "fatalities", "confidence", "background", "n_sources", "source_docs", "source_urls",
    "source_titles", "evidence",
)
REPORT_COLUMNS = (
    "doc", "type", "subtype", "cameo", "date", "date_precision", "date_text", "status",
    "place_name", "place_kind", "country", "admin1", "geonameid", "lat", "lon", "actor",
    "target", "fatalities", "confidence", "background", "evidence", "evidence_start",
    "evidence_end",
)
_INT_COLUMNS = ("geonameid", "fatalities", "n_sources", "evidence_start", "evidence_end")
_JOIN = "; "


def places_jsonl_record(doc: Document, mentions: Sequence[Mention]) -> dict[str, Any]:
    """One line of `geo places`: the document and every place mention in it."""
    return {
        "doc": doc.id,
        "published": _iso(doc.published),
        "mentions": [m.to_dict() for m in mentions],
    }


def places_jsonl_line(doc: Document, mentions: Sequence[Mention]) -> str:
    """`places_jsonl_record` as its JSON line, the same bytes as `json.dumps` gives, built from
    pieces: a place is encoded once per process, not once per mention (a fifth of the time
    of `geo places` went to encoding)."""
    text = _encode_string
    parts = [
        f'{{"text": {text(m.text)}, "start": {m.start}, "end": {m.end}, '
        f'{_place_fields(m.place)}, "role": {text(m.role)}, "score": {round(m.score, 3)!r}}}'
        for m in mentions
    ]
    published = text(doc.published.isoformat()) if doc.published else "null"
    return (f'{{"doc": {text(doc.id)}, "published": {published}, "mentions": ['
            + ", ".join(parts) + "]}\n")


@lru_cache(maxsize=1 << 16)
def _place_fields(place: Place) -> str:
    return json.dumps(place.to_dict(), ensure_ascii=False, allow_nan=True)[1:-1]


def events_jsonl_record(doc: Document, events: Sequence[Event]) -> dict[str, Any]:
    """One `geo events` line: the document id, its publication date and its events in order."""
    return {
        "doc": doc.id,
        "published": doc.published.isoformat() if doc.published else None,
        "events": [e.to_dict() for e in events],
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _sort_key(m: MergedEvent) -> tuple[bool, date, str]:
    return (m.event.date is None, m.event.date or date.min, m.id)


def _valid_point(lon: float, lat: float) -> bool:
    finite = math.isfinite(lon) and math.isfinite(lat)
    return finite and -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0


def _flat(e: Event, coordinates: bool = False) -> dict[str, Any]:
    """An event's fields with its place flattened, in the order of OUTPUTS.md."""
    p = e.place
    row: dict[str, Any] = {
        "type": e.type,
        "subtype": e.subtype,
        "cameo": e.cameo,
        "date": _iso(e.date),
        "date_precision": e.date_precision,
        "date_text": e.date_text,
        "status": e.status,
        "place_name": p.name if p else None,
        "place_kind": p.kind if p else None,
        "country": p.country if p else None,
        "admin1": p.admin1 if p else None,
        "geonameid": p.geonameid if p else None,
    }
    if coordinates:
        row["lat"] = round(p.lat, 6) if p else None
        row["lon"] = round(p.lon, 6) if p else None
    row.update({
        "actor": e.actor,
        "target": e.target,
        "fatalities": e.fatalities,
        "confidence": round(e.confidence, 3),
        "background": e.background,
    })
    return row


def _properties(m: MergedEvent) -> dict[str, Any]:
    """A merged event's feature properties, flattened, in the order of OUTPUTS.md."""
    return {
        "id": m.id,
        **_flat(m.event),
        "sources": [s.to_dict() for s in m.sources],
        "n_sources": m.n_sources,
    }


def to_geojson(merged: Sequence[MergedEvent]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of the events that have a place, by date then id.

    Events without a place, or whose place has coordinates off the globe, are left out
    (the latter with a warning: it is a gazetteer error, not a reason to lose the map).
    """
    features = []
    for m in sorted(merged, key=_sort_key):
        place = m.event.place
        if place is None:
            continue
        lon, lat = round(place.lon, 6), round(place.lat, 6)
        if not _valid_point(lon, lat):
            log.warning("event %s: place %r has invalid coordinates", m.id, place.name)
            continue
        features.append({
            "type": "Feature",
            "id": m.id,
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": _properties(m),
        })
    return {"type": "FeatureCollection", "features": features}


def geojson_dumps(fc: dict[str, Any]) -> str:
    """GeoJSON text: UTF-8 characters kept, fixed separators, key order kept, newline-ended."""
    return json.dumps(fc, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(columns))
    for col in _INT_COLUMNS:
        if col in df.columns:
            df[col] = df[col].astype("Int64")
    for col in ("lat", "lon", "confidence"):
        df[col] = df[col].astype("float64")
    df["background"] = df["background"].astype("bool")
    return df


def to_table(merged: Sequence[MergedEvent]) -> pd.DataFrame:
    """One row per merged event, placeless ones included (empty lat/lon), by date then id."""
    rows = []
    for m in sorted(merged, key=_sort_key):
        props = _properties(m)
        props.pop("sources")
        props.pop("date_text")
        place = m.event.place
        props["lat"] = round(place.lat, 6) if place else None
        props["lon"] = round(place.lon, 6) if place else None
        props["source_docs"] = _JOIN.join(s.doc for s in m.sources)
        props["source_urls"] = _JOIN.join(s.url or "" for s in m.sources)
        props["source_titles"] = _JOIN.join(s.title or "" for s in m.sources)
        props["evidence"] = m.sources[0].evidence if m.sources else m.event.evidence
        rows.append(props)
    return _frame(rows, TABLE_COLUMNS)


def events_dataframe(events: Sequence[Event]) -> pd.DataFrame:
    """One row per event as its document reports it, in the order given."""
    rows = [
        {"doc": e.doc, **_flat(e, coordinates=True), "evidence": e.evidence,
         "evidence_start": e.evidence_start, "evidence_end": e.evidence_end}
        for e in events
    ]
    return _frame(rows, REPORT_COLUMNS)


def table_csv(df: pd.DataFrame) -> str:
    """The table as CSV text: no index, '\\n' line ends, the same bytes for the same table."""
    return df.to_csv(index=False, lineterminator="\n")
