"""GeoJSON → records the page draws: layers, sizes, spreading, arcs, bounds, hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from maps.data import prepare
from maps.safety import json_for_script, template_safe
from maps.symbols import SYMBOLS, category_for, icon_markup, size_for, symbol_for

DATA = Path(__file__).parent / "data" / "maps"


@pytest.fixture(scope="module")
def seeds() -> dict:
    return json.loads((DATA / "seeds_events.geojson").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def hostile() -> dict:
    return json.loads((DATA / "hostile_events.geojson").read_text(encoding="utf-8"))


def _feature(lon, lat, **props):
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    }


def test_every_seed_feature_becomes_one_record(seeds):
    data = prepare(seeds)
    assert len(data.events) == len(seeds["features"])
    assert data.skipped == 0
    assert set(data.categories) == {"violence", "visit", "diplomatic", "context"}


def test_records_carry_reader_text(seeds):
    by_id = {e["id"]: e for e in prepare(seeds).events}
    saravan = by_id["ev-2024-01-18-strike-saravan"]
    assert saravan["place"] == "Saravan, Sistan and Baluchestan, Iran"
    assert saravan["date"] == "18 January 2024"
    assert saravan["parties"] == "Pakistan → Iran"
    assert saravan["deaths"] == "9 deaths reported"
    assert len(saravan["sources"]) == 3
    assert {s["outlet"] for s in saravan["sources"]} >= {"feeds.bbci.co.uk"}
    assert saravan["evidence"].startswith("On Thursday")


def test_symbols_are_distinct_by_shape_and_colour():
    assert len({s.path for s in SYMBOLS.values()}) == len(SYMBOLS)
    assert len({s.color for s in SYMBOLS.values()}) == len(SYMBOLS)
    assert symbol_for("no-such-type").label == "Other event"
    assert category_for("strike", background=True) == "context"
    assert category_for("conflict", background=False) == "violence"
    assert size_for(None) < size_for(2) < size_for(9) <= size_for(100_000)


def test_icon_markup_comes_from_constants_only():
    for markup in icon_markup().values():
        assert markup.startswith("<svg") and "script" not in markup


def test_events_sharing_a_spot_are_spread_apart(seeds):
    events = prepare(seeds).events
    islamabad = [e for e in events if e["name"] == "Islamabad"]
    assert len(islamabad) == 2
    assert islamabad[0]["off"] != islamabad[1]["off"]
    alone = next(e for e in events if e["name"] == "Saravan")
    assert alone["off"] == [0, 0]


def test_diplomatic_moves_get_an_arc_from_the_acting_capital(seeds):
    by_id = {e["id"]: e for e in prepare(seeds).events}
    recall = by_id["ev-2024-01-17-diplomatic-tehran"]
    assert recall["arc"] is not None
    start, end = recall["arc"][0], recall["arc"][-1]
    assert abs(start[0] - 33.69) < 0.1 and abs(start[1] - 73.07) < 0.1
    assert abs(end[0] - 35.694) < 0.01 and abs(end[1] - 51.42) < 0.01
    assert by_id["ev-2024-01-18-strike-saravan"]["arc"] is None


def test_bounds_and_day_range(seeds):
    data = prepare(seeds)
    min_lat, min_lon, max_lat, max_lon = data.bounds
    assert min_lat <= 15.0 and max_lat >= 35.69 and min_lon <= 34.47 and max_lon >= 73.04
    assert data.day_range[1] - data.day_range[0] == 14


def test_bad_features_are_skipped_not_fatal():
    collection = {
        "type": "FeatureCollection",
        "features": [
            _feature(200, 10, id="a"),
            _feature(float("nan"), 10, id="b"),
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
            },
            {"type": "Feature", "geometry": None, "properties": {}},
            "not a feature",
            _feature(10, 10, id="ok", fatalities="many", sources="nope", date="2024-13-40"),
        ],
    }
    data = prepare(collection)
    assert [e["id"] for e in data.events] == ["ok"]
    assert data.skipped == 5
    assert data.events[0]["deaths"] is None and data.events[0]["date"] == "date unknown"
    assert prepare({}).events == () and prepare({}).bounds is None


def test_hostile_links_never_survive(hostile):
    data = prepare(hostile)
    urls = [s["url"] for e in data.events for s in e["sources"]] + [a["url"] for a in data.articles]
    assert all(u is None or u.startswith(("http://", "https://")) for u in urls)
    assert 'https://example.org/a?q="><script>alert(1)</script>' in urls


def test_json_for_script_cannot_break_out(hostile):
    text = json_for_script(prepare(hostile).events)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == json.loads(json.dumps(list(prepare(hostile).events)))


def test_template_safe_strips_template_syntax():
    assert template_safe("a ${alert(1)} `b` \\1 <i>\u2028") == "a alert(1)} b 1 i"
    assert template_safe("Strikes & attacks") == "Strikes & attacks"
