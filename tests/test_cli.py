"""End-to-end tests of the `geo` command on the seed articles: every subcommand, its output
contract (OUTPUTS.md) and the unique events the hand annotation (shared/gold) expects."""

from __future__ import annotations

import io
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli import main
from geo.documents import read_inputs

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
GEOVIRUS = SHARED / "corpora" / "geovirus.jsonl"
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))

EVENT_TYPES = {"strike", "attack", "armed_clash", "conflict", "visit", "diplomatic", "protest"}
ROLES = {"location", "metonym", "demonym", "boilerplate"}
KINDS = {"city", "admin1", "admin2", "country", "region", "facility", "feature"}
PRECISIONS = {"day", "week", "month", "year", "unknown"}
PLACE_KEYS = {"name", "country", "admin1", "lat", "lon", "kind", "geonameid"}
EVENT_KEYS = {
    "type", "subtype", "cameo", "date", "date_precision", "date_text", "status", "place",
    "actor", "target", "fatalities", "evidence", "evidence_start", "evidence_end",
    "confidence", "background",
}
FEATURE_KEYS = {
    "id", "type", "subtype", "cameo", "date", "date_precision", "status", "place_name",
    "place_kind", "country", "admin1", "geonameid", "actor", "target", "fatalities",
    "confidence", "background", "sources", "n_sources",
}
SOURCE_KEYS = {"doc", "title", "url", "published", "date", "evidence"}


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A copy of the repo's seed articles with their manifest."""
    return Path(shutil.copytree(SEEDS, tmp_path / "seeds"))


@pytest.fixture
def bodies(seeds: Path) -> dict[str, str]:
    """Each seed document's text as the tool reads it, by id."""
    return {d.id: d.text for d in read_inputs([str(seeds)])}


def geo(*args: str | Path) -> int:
    return main([str(a) for a in args])


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def manifest_dates() -> dict[str, str]:
    import csv

    with open(SEEDS / "manifest.csv", encoding="utf-8", newline="") as fh:
        return {row["file"]: row["published"] for row in csv.DictReader(fh)}


def seed_rows(command: str, seeds: Path, tmp_path: Path) -> list[dict]:
    """`geo COMMAND seeds/`'s lines, checked for order and the manifest's publication dates."""
    out = tmp_path / f"{command}.jsonl"
    assert geo(command, seeds, "-o", out) == 0
    rows = read_jsonl(out)
    assert [r["doc"] for r in rows] == SEED_FILES
    published = manifest_dates()
    for row in rows:
        assert row["published"] == published[row["doc"]]
    return rows


# ------------------------------------------------------------------------------- places


def test_places_on_seeds(seeds: Path, bodies: dict[str, str], tmp_path: Path) -> None:
    for row in seed_rows("places", seeds, tmp_path):
        body = bodies[row["doc"]]
        assert row["mentions"], row["doc"]
        for m in row["mentions"]:
            assert body[m["start"]:m["end"]] == m["text"]
            assert m.keys() >= PLACE_KEYS
            assert m["role"] in ROLES and m["kind"] in KINDS
            assert -90 <= m["lat"] <= 90 and -180 <= m["lon"] <= 180
        starts = [m["start"] for m in row["mentions"]]
        assert starts == sorted(starts)


def test_places_finds_saravan_as_in_the_contract(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    geo("places", seeds / "002_e435787517ed0c4d.txt", "-o", out)
    (row,) = read_jsonl(out)
    saravan = [m for m in row["mentions"] if m["text"] == "Saravan"]
    assert saravan
    assert {(m["country"], m["geonameid"], m["kind"]) for m in saravan} == {
        ("IR", 1159713, "city")
    }


def test_places_to_stdout_matches_file(seeds: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    geo("places", seeds, "-o", out)
    capsys.readouterr()
    assert geo("places", seeds) == 0  # default output is standard output
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")
    assert geo("places", seeds, "-o", "-") == 0
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")


def test_places_from_standard_input(seeds: Path, monkeypatch, capsys) -> None:
    text = (seeds / "002_e435787517ed0c4d.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text), encoding="utf-8"))
    assert geo("places", "-", "--published", "2024-01-19") == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["doc"] == "stdin" and row["published"] == "2024-01-19"
    body = text.decode("utf-8").replace("\r\n", "\n")
    assert "Saravan" in {m["text"] for m in row["mentions"]}
    for m in row["mentions"]:
        assert body[m["start"]:m["end"]] == m["text"]


# ------------------------------------------------------------------------------- events


def test_events_on_seeds(seeds: Path, bodies: dict[str, str], tmp_path: Path) -> None:
    total = 0
    for row in seed_rows("events", seeds, tmp_path):
        body = bodies[row["doc"]]
        for e in row["events"]:
            total += 1
            assert set(e) >= EVENT_KEYS
            assert e["type"] in EVENT_TYPES
            assert e["status"] in {"occurred", "planned"}
            assert e["date_precision"] in PRECISIONS
            assert body[e["evidence_start"]:e["evidence_end"]] == e["evidence"]
            assert e["place"] is None or set(e["place"]) == PLACE_KEYS
    assert total >= 10


# ------------------------------------------------------------------------------ geojson


def _decimals(x: float) -> int:
    text = repr(float(x))
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


def _features(path: Path) -> list[dict]:
    fc = json.loads(path.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    return fc["features"]


def test_geojson_on_seeds_is_valid_rfc7946(seeds: Path, tmp_path: Path) -> None:
    from shapely.geometry import shape

    out = tmp_path / "events.geojson"
    assert geo("geojson", seeds, "-o", out) == 0
    features = _features(out)
    assert features
    ids = [f["properties"]["id"] for f in features]
    assert len(ids) == len(set(ids))
    for f in features:
        assert f["type"] == "Feature"
        geom = f["geometry"]
        assert geom["type"] == "Point"
        lon, lat = geom["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert _decimals(lon) <= 6 and _decimals(lat) <= 6
        assert shape(geom).is_valid
        props = f["properties"]
        assert set(props) >= FEATURE_KEYS
        assert not any(k.startswith("evidence") for k in props)
        assert props["n_sources"] == len(props["sources"]) >= 1
        for s in props["sources"]:
            assert set(s) >= SOURCE_KEYS
            assert s["doc"] in SEED_FILES


def _by_docs(features: list[dict], type_: str, place: str) -> list[tuple[str | None, set[str]]]:
    return [
        (f["properties"]["date"], {s["doc"][:3] for s in f["properties"]["sources"]})
        for f in features
        if f["properties"]["type"] == type_ and f["properties"]["place_name"] == place
    ]


def test_geojson_merges_the_gold_unique_events(seeds: Path, tmp_path: Path) -> None:
    """U1, U2 and U6 of shared/gold/seeds.json: one feature each, with every reporting doc."""
    out = tmp_path / "events.geojson"
    geo("geojson", seeds, "-o", out)
    features = _features(out)
    all_five = {"000", "001", "002", "003", "004"}
    assert _by_docs(features, "strike", "Balochistan") == [("2024-01-16", all_five)]
    assert _by_docs(features, "strike", "Saravan") == [("2024-01-18", all_five)]
    assert _by_docs(features, "visit", "Islamabad") == [("2024-01-29", {"000", "003", "004"})]
    background = {
        f["properties"]["place_name"] for f in features if f["properties"]["background"]
    }
    assert {"Yemen", "Lebanon", "Gaza"} <= background
    assert "Saravan" not in background and "Balochistan" not in background


def test_geojson_to_stdout(seeds: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "events.geojson"
    geo("geojson", seeds, "-o", out)
    capsys.readouterr()
    assert geo("geojson", seeds, "-o", "-") == 0
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")


# -------------------------------------------------------------------------------- table


def test_table_has_one_row_per_merged_event(seeds: Path, tmp_path: Path) -> None:
    import pandas as pd

    from geo.merge import merge_events
    from geo.pipeline import Settings, analyse_stream

    out = tmp_path / "events.csv"
    assert geo("table", seeds, "-o", out) == 0
    table = pd.read_csv(out)
    analyses = list(analyse_stream(read_inputs([str(seeds)]), Settings(events=True)))
    merged = merge_events(
        [e for a in analyses for e in a.events], {a.doc.id: a.doc for a in analyses}
    )
    assert len(table) == len(merged)
    assert set(table["id"]) == {m.id for m in merged}
    geojson = tmp_path / "events.geojson"
    geo("geojson", seeds, "-o", geojson)
    assert {f["properties"]["id"] for f in _features(geojson)} <= set(table["id"])
    row = table[(table["type"] == "strike") & (table["place_name"] == "Saravan")]
    assert list(row["n_sources"]) == [5]


# ------------------------------------------------------------------------ map and embed


def test_map_writes_a_page(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert geo("map", seeds, "-o", out) == 0
    html = out.read_text(encoding="utf-8")
    assert "<html" in html.lower() and "leaflet" in html.lower()
    assert "Saravan" in html and "Balochistan" in html


def test_map_default_output_is_map_html(seeds: Path, tmp_path: Path, monkeypatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert geo("map", seeds) == 0
    assert (work / "map.html").stat().st_size > 1000


def test_embed_writes_map_and_snippet(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "embed"
    assert geo("embed", seeds, "-o", out) == 0
    assert "Saravan" in (out / "map.html").read_text(encoding="utf-8")
    snippet = (out / "embed.html").read_text(encoding="utf-8")
    assert "map.html" in snippet and "<iframe" in snippet.lower()


# ---------------------------------------------------------------------- gazetteer, eval


def test_gazetteer_lookup_prints_json(capsys) -> None:
    assert geo("gazetteer", "lookup", "Saravan") == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["name"] == "Saravan" and rows[0]["country"] == "IR"
    assert rows[0]["geonameid"] == 1159713


def test_gazetteer_lookup_unknown_name_fails(capsys) -> None:
    assert geo("gazetteer", "lookup", "Qwzxplorvania") == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "Qwzxplorvania" in captured.err


@pytest.fixture
def geovirus_slice(tmp_path: Path) -> Path:
    if not GEOVIRUS.is_file():
        pytest.skip(f"{GEOVIRUS} is absent: shared/ must sit beside the repo for geo eval tests")
    lines = GEOVIRUS.read_text(encoding="utf-8").splitlines()[:5]
    path = tmp_path / "geovirus5.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_eval_prints_precision_and_recall(geovirus_slice: Path, capsys) -> None:
    assert geo("eval", geovirus_slice) == 0
    out = capsys.readouterr().out
    assert "documents 5" in out
    figures = dict(
        (name, float(value))
        for line in out.splitlines()
        for name, value in zip(line.split()[::2], line.split()[1::2], strict=False)
        if name in {"precision", "recall"}
    )
    assert 0.5 < figures["precision"] <= 1 and 0.5 < figures["recall"] <= 1


def test_eval_json(geovirus_slice: Path, capsys) -> None:
    assert geo("eval", geovirus_slice, "--json") == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["documents"] == 5
    assert 0 < scores["precision"] <= 1 and 0 < scores["recall"] <= 1


def test_eval_on_a_missing_corpus_is_bad_usage(tmp_path: Path, capsys) -> None:
    assert geo("eval", tmp_path / "nope.jsonl") == 2
    assert "nope.jsonl" in capsys.readouterr().err


# ------------------------------------------------------------------ the real executable


def test_real_command_runs_as_a_module(seeds: Path, tmp_path: Path) -> None:
    """`python -m geo` (what the console script runs) end to end, in its own process."""
    out = tmp_path / "events.geojson"
    done = subprocess.run(
        [sys.executable, "-m", "geo", "geojson", str(seeds), "-o", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    features = _features(out)
    assert all(math.isfinite(c) for f in features for c in f["geometry"]["coordinates"])
    assert _by_docs(features, "strike", "Saravan")
