"""Exports: the `geo events` record, RFC 7946 GeoJSON and the CSV table."""

from __future__ import annotations

import io
import json
import math
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from geo.export import (
    REPORT_COLUMNS,
    TABLE_COLUMNS,
    events_dataframe,
    events_jsonl_record,
    geojson_dumps,
    table_csv,
    to_geojson,
    to_table,
)
from geo.merge import merge_events
from geo.models import Document, Event, Place

D = date
SARAVAN = Place("Sarāvān", "IR", "Sistan and Baluchestan", 27.370891234, 62.330961234, "city",
                1159713)
BALOCHISTAN = Place("Balochistan", "PK", "Balochistan", 28.0, 66.0, "admin1")
PAKISTAN = Place("Pakistan", "PK", None, 30.0, 70.0, "country", 1168579)
KYIV = Place("Kyiv", "UA", "Kyiv City", 50.45466, 30.5238, "city", 703448)
LEBANON = Place("Lebanon", "LB", None, 33.83333, 35.83333, "country")
ANCHORAGE_DATELINE = Place("Attu", "US", "Alaska", 52.93, -180.0, "city")

DOCS = {
    "b.txt": Document("b.txt", "", D(2024, 1, 19), "https://b.example/1", "Strikes, « restored »"),
    "c.txt": Document("c.txt", "", D(2024, 1, 19), "https://c.example/2", "Ties restored"),
    "e.txt": Document("e.txt", "", D(2024, 1, 29), None, None),
}

PROPERTY_KEYS = [
    "id", "type", "subtype", "cameo", "date", "date_precision", "date_text", "status",
    "place_name", "place_kind", "country", "admin1", "geonameid", "actor", "target",
    "fatalities", "confidence", "background", "sources", "n_sources",
]


def ev(doc, type_, place, day, actor=None, precision="day", fatalities=None, status="occurred",
       background=False, subtype=None, evidence="…"):
    return Event(doc, type_, subtype, None, day, precision if day else "unknown",
                 "on Tuesday" if day else None, status, place, actor, None, fatalities,
                 f"{doc} {evidence}", 10, 60, 0.7, background)


def reports() -> list[Event]:
    return [
        ev("b.txt", "strike", BALOCHISTAN, D(2024, 1, 16), "IR", fatalities=2),
        ev("c.txt", "strike", PAKISTAN, D(2024, 1, 16), "IR", fatalities=2),
        ev("e.txt", "strike", BALOCHISTAN, D(2024, 1, 17), "IR"),
        ev("b.txt", "strike", SARAVAN, D(2024, 1, 18), "PK", fatalities=9,
           evidence="« near Sarāvān »"),
        ev("c.txt", "strike", SARAVAN, D(2024, 1, 18), "PK", fatalities=9),
        ev("b.txt", "diplomatic", None, D(2024, 1, 19), "PK", subtype="phone call"),
        ev("c.txt", "strike", LEBANON, None, "IL", background=True),
        ev("e.txt", "visit", KYIV, D(2024, 1, 29), "US", precision="week", status="planned"),
        ev("e.txt", "strike", ANCHORAGE_DATELINE, D(2024, 1, 20), "XX"),
    ]


@pytest.fixture(scope="module")
def merged():
    return merge_events(reports(), DOCS)


# ---------------------------------------------------------------- geo events


def test_events_jsonl_record_shape():
    doc = DOCS["b.txt"]
    events = [e for e in reports() if e.doc == "b.txt"]
    record = events_jsonl_record(doc, events)
    assert list(record) == ["doc", "published", "events"]
    assert record["doc"] == "b.txt" and record["published"] == "2024-01-19"
    assert [e["type"] for e in record["events"]] == ["strike", "strike", "diplomatic"]
    assert record["events"][0]["place"]["name"] == "Balochistan"
    assert record["events"][2]["place"] is None
    json.dumps(record, allow_nan=False)
    undated = events_jsonl_record(Document("x", "text"), [])
    assert undated == {"doc": "x", "published": None, "events": []}


# ---------------------------------------------------------------- GeoJSON


def test_geojson_is_rfc7946_feature_collection(merged):
    fc = to_geojson(merged)
    assert fc["type"] == "FeatureCollection"
    assert "crs" not in fc
    assert isinstance(fc["features"], list) and fc["features"]
    for feature in fc["features"]:
        assert feature["type"] == "Feature"
        assert "crs" not in feature
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert len(geometry["coordinates"]) == 2
        assert all(isinstance(v, float) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert round(lon, 6) == lon and round(lat, 6) == lat
        assert isinstance(feature["properties"], dict)
        assert feature["id"] == feature["properties"]["id"]


def test_geojson_properties_are_flat_and_complete(merged):
    fc = to_geojson(merged)
    for feature in fc["features"]:
        props = feature["properties"]
        assert list(props) == PROPERTY_KEYS
        assert "lat" not in props and "lon" not in props
        assert props["n_sources"] == len(props["sources"])
        for source in props["sources"]:
            assert list(source) == ["doc", "title", "url", "published", "date", "evidence"]
    saravan = next(f for f in fc["features"] if f["properties"]["place_name"] == "Sarāvān")
    assert saravan["geometry"]["coordinates"] == [62.330961, 27.370891]
    assert saravan["properties"]["geonameid"] == 1159713
    assert saravan["properties"]["fatalities"] == 9
    assert [s["doc"] for s in saravan["properties"]["sources"]] == ["b.txt", "c.txt"]
    assert saravan["properties"]["sources"][0]["title"] == "Strikes, « restored »"


def test_geojson_leaves_out_placeless_events_and_orders_by_date_then_id(merged):
    fc = to_geojson(merged)
    with_place = [m for m in merged if m.event.place is not None]
    assert len(fc["features"]) == len(with_place) == len(merged) - 1
    keys = [(p["date"] is None, p["date"] or "", p["id"]) for p in
            (f["properties"] for f in fc["features"])]
    assert keys == sorted(keys)
    assert fc["features"][-1]["properties"]["date"] is None


def test_geojson_skips_coordinates_off_the_globe(caplog):
    broken = Place("Nowhere", "XX", None, 95.0, 10.0, "city")
    fc = to_geojson(merge_events([ev("b.txt", "strike", broken, D(2024, 1, 1), "XX")], {}))
    assert fc["features"] == []
    assert "invalid coordinates" in caplog.text


def test_geojson_bytes_are_identical_across_runs_and_input_orders():
    first = geojson_dumps(to_geojson(merge_events(reports(), DOCS)))
    shuffled = reports()
    random.Random(7).shuffle(shuffled)
    second = geojson_dumps(to_geojson(merge_events(shuffled, dict(reversed(DOCS.items())))))
    assert first.encode("utf-8") == second.encode("utf-8")
    assert first.endswith("}\n") and first.count("\n") == 1
    assert "Sarāvān" in first and "«" in first  # not \\u-escaped
    assert json.loads(first) == to_geojson(merge_events(reports(), DOCS))


def test_geojson_file_reads_with_geopandas(merged, tmp_path: Path):
    geopandas = pytest.importorskip("geopandas")
    path = tmp_path / "events.geojson"
    path.write_text(geojson_dumps(to_geojson(merged)), encoding="utf-8")
    frame = geopandas.read_file(path)
    fc = to_geojson(merged)
    assert len(frame) == len(fc["features"])
    assert list(frame.geometry.geom_type.unique()) == ["Point"]
    assert frame.crs is not None and frame.crs.to_epsg() == 4326
    expected = [tuple(f["geometry"]["coordinates"]) for f in fc["features"]]
    assert [(round(p.x, 6), round(p.y, 6)) for p in frame.geometry] == expected
    assert list(frame["id"]) == [f["id"] for f in fc["features"]]


# ---------------------------------------------------------------- tables


def test_table_has_one_row_per_event_including_placeless(merged):
    df = to_table(merged)
    assert list(df.columns) == list(TABLE_COLUMNS)
    assert len(df) == len(merged)
    call = df[df["type"] == "diplomatic"].iloc[0]
    assert pd.isna(call["lat"]) and pd.isna(call["lon"]) and pd.isna(call["place_name"])
    saravan = df[df["place_name"] == "Sarāvān"].iloc[0]
    assert saravan["source_docs"] == "b.txt; c.txt"
    assert saravan["source_urls"] == "https://b.example/1; https://c.example/2"
    assert saravan["evidence"] == "b.txt « near Sarāvān »"
    assert saravan["n_sources"] == 2 and saravan["fatalities"] == 9


def test_csv_round_trips_through_pandas(merged):
    df = to_table(merged)
    text = table_csv(df)
    assert "\r" not in text and text.endswith("\n")
    back = pd.read_csv(io.StringIO(text), keep_default_na=True)
    assert list(back.columns) == list(TABLE_COLUMNS)
    assert list(back["id"]) == list(df["id"])
    assert back["fatalities"].dropna().astype(int).tolist() == df["fatalities"].dropna().tolist()
    assert back["lat"].tolist()[:3] == pytest.approx(df["lat"].tolist()[:3], nan_ok=True)
    assert back["background"].tolist() == df["background"].tolist()
    assert ",9," in text and ",9.0," not in text  # nullable integers stay integers
    assert table_csv(to_table(merge_events(reports()[::-1], DOCS))) == text


def test_empty_exports():
    assert to_geojson([]) == {"type": "FeatureCollection", "features": []}
    assert geojson_dumps(to_geojson([])) == '{"type":"FeatureCollection","features":[]}\n'
    df = to_table([])
    assert list(df.columns) == list(TABLE_COLUMNS) and df.empty
    assert table_csv(df) == ",".join(TABLE_COLUMNS) + "\n"


def test_events_dataframe_rows_per_report():
    df = events_dataframe(reports())
    assert list(df.columns) == list(REPORT_COLUMNS)
    assert len(df) == len(reports())
    assert df.iloc[0]["doc"] == "b.txt" and df.iloc[0]["date"] == "2024-01-16"
    assert pd.isna(df.iloc[5]["lat"]) and df.iloc[5]["type"] == "diplomatic"
    assert df.iloc[3]["lat"] == 27.370891


def test_export_module_imports_neither_pandas_nor_shapely():
    code = "import sys, geo.export, geo.merge; print({'pandas', 'shapely'} & set(sys.modules))"
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=root, check=True)
    assert out.stdout.strip() == "set()"


def test_places_line_is_the_json_of_the_places_record():
    from geo.documents import read_inputs
    from geo.export import places_jsonl_line, places_jsonl_record
    from geo.models import Mention
    from geo.places import extract_places

    root = Path(__file__).resolve().parents[1]
    docs = list(read_inputs([str(root / "seeds")]))
    odd = Place('Name "quoted" \\ é', None, None, -0.1234567, 1e-7, "region")
    extra = Document(id="odd\nid", text="x", published=None)
    cases = [(d, extract_places(d.text)) for d in docs]
    cases.append((extra, [Mention("Ünïcode “x”", 0, 1, odd, "location", 0.1 + 0.2)]))
    for doc, mentions in cases:
        line = places_jsonl_line(doc, mentions)
        assert line == json.dumps(places_jsonl_record(doc, mentions), ensure_ascii=False) + "\n"
