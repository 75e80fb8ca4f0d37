"""The rendered page: what it loads, what it leaves out, how it is written, the embed snippet."""

from __future__ import annotations

import json
import re
from pathlib import Path

import folium
import pytest

from maps import assets
from maps.embed import embed_id, write_embed
from maps.render import build_map, render_html, write_map

DATA = Path(__file__).parent / "data" / "maps"
HOSTILE_BITS = ("<script>alert", "<img", "<svg onload", "<b>XX", "javascript:")


@pytest.fixture(scope="module")
def seeds() -> dict:
    return json.loads((DATA / "seeds_events.geojson").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def hostile() -> dict:
    return json.loads((DATA / "hostile_events.geojson").read_text(encoding="utf-8"))


def _external(html: str) -> list[str]:
    return re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html)


def test_build_map_returns_a_folium_map_with_one_layer_per_kind(seeds):
    fmap = build_map(seeds, title="T")
    assert isinstance(fmap, folium.Map)
    html = render_html(fmap)
    control = html.split("L.control.layers")[0].rsplit("base_layers", 1)[1]
    for name in ("Strikes \\u0026 attacks", "Visits", "Diplomatic moves", "Context (background)"):
        assert f'"{name}"' in control
    assert '<details class="geo-panel geo-legend"' in html
    assert fmap._repr_html_()


def test_page_loads_leaflet_only_and_allows_pinch_zoom(seeds):
    html = render_html(build_map(seeds))
    assert _external(html) == [assets.LEAFLET_JS_URL, assets.LEAFLET_CSS_URL]
    assert "user-scalable=no" not in html and "maximum-scale" not in html
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
    for lib in ("jquery", "bootstrap", "awesome-markers", "font-awesome"):
        assert lib not in html.lower()


def test_self_contained_page_needs_no_network(seeds):
    html = render_html(build_map(seeds), self_contained=True)
    assert _external(html) == []
    assert "url(images/" not in html
    assert "L.version" in html or "leaflet" in html.lower()
    assert re.search(r"\(c\) \d{4}-\d{4} Volodymyr Agafonkin", html) or "Agafonkin" in html


def test_one_marker_per_feature_is_not_a_folium_marker(seeds):
    html = render_html(build_map(seeds))
    assert "L.marker(" not in html.replace("L.marker([ev.lat", "")
    data = re.search(r'<script type="application/json" id="([^"]+)">(.*?)</script>', html, re.S)
    assert data
    payload = json.loads(data.group(2))
    assert len(payload["events"]) == len(seeds["features"])


def test_hostile_strings_stay_inert(hostile):
    title = "</title><script>alert(1)</script>${alert(1)}`"
    html = render_html(build_map(hostile, title=title, subtitle="<img src=x onerror=alert(1)>"))
    for bit in HOSTILE_BITS:
        assert bit not in html, bit
    assert "<title>&lt;/title&gt;&lt;script&gt;" in html
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert scripts and not any("alert(" in js or "onerror" in js for js in scripts)


def test_write_map_is_atomic_and_leaves_no_temp_files(tmp_path, seeds):
    out = write_map(seeds, tmp_path / "sub" / "map.html", self_contained=False, title="T")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.parent.iterdir()] == ["map.html"]


def test_write_map_keeps_the_old_file_when_rendering_fails(tmp_path, seeds, monkeypatch):
    out = tmp_path / "map.html"
    out.write_text("old", encoding="utf-8")

    def boom(*args, **kwargs):
        raise RuntimeError("render failed")

    monkeypatch.setattr("maps.render.render_html", boom)
    with pytest.raises(RuntimeError):
        write_map(seeds, out, self_contained=False)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_same_input_same_bytes(seeds):
    first = render_html(build_map(seeds, title="T"))
    second = render_html(build_map(seeds, title="T"))
    strip = re.compile(r"_[0-9a-f]{32}")
    assert strip.sub("", first) == strip.sub("", second)


def test_embed_snippet(tmp_path, seeds):
    map_path, embed_path = write_embed(seeds, tmp_path, "Iran & Pakistan <strikes>")
    snippet = embed_path.read_text(encoding="utf-8")
    assert map_path.read_text(encoding="utf-8").count("<script src=") == 0
    assert 'title="Map: Iran &amp; Pakistan &lt;strikes&gt;"' in snippet
    assert 'src="map.html"' in snippet and "aspect-ratio" in snippet
    assert snippet.count("<li>") == len(seeds["features"])
    assert "18 January 2024: Strike (drone and missile strike) in Saravan" in snippet
    assert 'href="map.html"' in snippet
    assert embed_id(seeds, "Iran & Pakistan <strikes>") in snippet
    assert embed_id(seeds, "Iran & Pakistan <strikes>") in map_path.read_text(encoding="utf-8")


def test_embed_snippet_escapes_hostile_text(tmp_path, hostile):
    _, embed_path = write_embed(hostile, tmp_path, "<script>alert(1)</script>", map_url="m.html")
    snippet = embed_path.read_text(encoding="utf-8")
    for bit in HOSTILE_BITS:
        assert bit not in snippet, bit
    assert snippet.count("<script>") == 1


def test_build_map_takes_merged_events_and_shows_in_jupyter() -> None:
    from geo.documents import read_inputs
    from geo.events import extract_events
    from geo.merge import merge_events
    from geo.places import extract_places

    root = Path(__file__).resolve().parents[1]
    docs = list(read_inputs([str(root / "seeds")]))
    merged = merge_events([e for d in docs for e in extract_events(d, extract_places(d.text))],
                          {d.id: d for d in docs})
    fmap = build_map(merged, title="Seeds")
    assert "Saravan" in fmap._repr_html_() or "Saravan" in render_html(fmap)
