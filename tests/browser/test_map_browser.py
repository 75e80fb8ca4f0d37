"""The map as a reader meets it, in headless Chromium with the network cut off."""

from __future__ import annotations

import re

import pytest

from maps.embed import write_embed
from maps.png import render_png, wait_for_map
from maps.render import write_map

from .conftest import load

pytestmark = pytest.mark.browser

TITLE = "Iran and Pakistan trade strikes, then mend ties"
TILE_HOST = "server.arcgisonline.com"


@pytest.fixture(scope="module")
def seeds():
    return load("seeds_events.geojson")


@pytest.fixture(scope="module")
def seeds_map(tmp_path_factory, seeds):
    out = tmp_path_factory.mktemp("maps") / "seeds.html"
    return write_map(seeds, out, self_contained=True, title=TITLE, subtitle="January 2024")


def _markers(page):
    return page.locator(".leaflet-marker-pane .geo-marker")


def test_one_marker_per_feature(open_page, seeds, seeds_map):
    w = open_page(seeds_map)
    assert wait_for_map(w.page) == len(seeds["features"])
    assert _markers(w.page).count() == len(seeds["features"])
    w.shot("seeds-desktop")


def test_clicking_saravan_opens_its_popup(open_page, seeds_map):
    w = open_page(seeds_map)
    wait_for_map(w.page)
    _markers(w.page).and_(w.page.locator('[aria-label*="Saravan"]')).click()
    popup = w.page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Saravan" in text and "18 January 2024" in text
    assert "Pakistan → Iran" in text and "9 deaths reported" in text
    links = popup.locator("a")
    assert links.count() == 3
    for i in range(links.count()):
        link = links.nth(i)
        assert re.match(r"https?://", link.get_attribute("href"))
        assert link.get_attribute("rel") == "noopener noreferrer"
        assert link.get_attribute("target") == "_blank"
    w.shot("seeds-popup-saravan")


def test_legend_title_and_sources_are_visible(open_page, seeds_map):
    w = open_page(seeds_map)
    wait_for_map(w.page)
    legend = w.page.locator(".geo-legend")
    assert legend.is_visible()
    assert "Strike" in legend.inner_text() and "Planned" in legend.inner_text()
    assert w.page.locator(".geo-title h1").inner_text() == TITLE
    assert "feeds.bbci.co.uk" in w.page.locator(".geo-credits").inner_text()


def test_no_errors_and_only_tiles_need_the_network(open_page, seeds_map):
    w = open_page(seeds_map)
    wait_for_map(w.page)
    w.page.wait_for_timeout(300)
    assert w.page_errors == []
    assert all(msg.startswith("Failed to load resource") for msg in w.console_errors)
    assert w.blocked, "tiles were expected to be requested (and blocked)"
    assert all(TILE_HOST in url for url in w.blocked), w.blocked
    assert w.page.locator(".leaflet-pane path.leaflet-interactive, .leaflet-pane path").count()


def test_layers_can_be_switched_off(open_page, seeds, seeds_map):
    w = open_page(seeds_map)
    wait_for_map(w.page)
    context = sum(1 for f in seeds["features"] if f["properties"]["background"])
    w.page.locator(".leaflet-control-layers").hover()
    w.page.get_by_label("Context (background)").uncheck()
    assert _markers(w.page).count() == len(seeds["features"]) - context


def test_timeline_hides_events_outside_the_range(open_page, seeds, seeds_map):
    w = open_page(seeds_map)
    wait_for_map(w.page)
    last = w.page.locator(".geo-tl-to").get_attribute("max")
    w.page.locator(".geo-tl-from").fill(last)
    undated = sum(1 for f in seeds["features"] if f["properties"]["date"] is None)
    on_last_day = sum(1 for f in seeds["features"] if f["properties"]["date"] == "2024-01-29")
    assert _markers(w.page).count() == undated + on_last_day
    assert "29 January 2024 – 29 January 2024" in w.page.locator(".geo-timeline").inner_text()
    w.shot("seeds-timeline-last-day")


def test_keyboard_reaches_markers(open_page, seeds_map):
    w = open_page(seeds_map)
    wait_for_map(w.page)
    marker = w.page.locator('.geo-marker[aria-label*="Saravan"]')
    marker.focus()
    w.page.keyboard.press("Enter")
    assert "Saravan" in w.page.locator(".leaflet-popup-content").inner_text()


def test_phone_layout(open_page, seeds_map):
    w = open_page(seeds_map, width=390, height=844, mobile=True)
    wait_for_map(w.page)
    assert w.page.locator(".geo-title").is_visible()
    assert w.page.locator(".geo-legend").get_attribute("open") is None
    box = w.page.locator(".geo-timeline").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    w.shot("seeds-phone")


def test_hostile_text_runs_nothing(open_page, tmp_path):
    hostile = load("hostile_events.geojson")
    out = write_map(
        hostile,
        tmp_path / "hostile.html",
        True,
        "<img src=x onerror=alert(1)>",
        "${alert(1)} `x` \\1",
    )
    w = open_page(out)
    assert wait_for_map(w.page) == len(hostile["features"])
    scripts_before = w.page.locator("script").count()
    texts = []
    for i in range(_markers(w.page).count()):
        _markers(w.page).nth(i).dispatch_event("click")
        texts.append(w.page.locator(".leaflet-popup-content").inner_text())
        w.page.locator(".leaflet-popup-close-button").dispatch_event("click")
        w.page.locator(".leaflet-popup").wait_for(state="detached")
    w.page.wait_for_timeout(200)
    assert w.page.evaluate("window.__dialogs") == []
    assert w.dialogs == [] and w.page_errors == []
    assert w.page.locator("img[src='x'], svg[onload], b").count() == 0
    assert w.page.locator("a[href^='javascript' i], a[href^='data' i]").count() == 0
    assert w.page.locator("script").count() == scripts_before
    assert any("<img src=x onerror=alert(1)>" in t for t in texts)
    assert w.page.locator(".geo-title h1").inner_text() == "<img src=x onerror=alert(1)>"
    w.shot("hostile")


def test_embed_iframe_shows_the_map_and_follows_its_height(open_page, seeds, tmp_path):
    _, embed = write_embed(seeds, tmp_path, TITLE, "January 2024")
    w = open_page(embed, width=800, height=1000)
    frame = w.page.frame_locator("iframe")
    frame.locator(".geo-marker").first.wait_for()
    assert frame.locator(".geo-marker").count() == len(seeds["features"])
    iframe = w.page.locator("iframe")
    assert iframe.get_attribute("title") == f"Map: {TITLE}"

    def height_for(width):
        ratio = 1.5 if width < 600 else (0.8 if width < 900 else 0.62)
        return round(max(380, min(900, width * ratio)))

    w.page.wait_for_function("document.querySelector('iframe').style.height !== ''")
    width = iframe.bounding_box()["width"]
    assert iframe.bounding_box()["height"] == pytest.approx(height_for(width), abs=1)
    w.shot("embed-desktop")

    w.page.set_viewport_size({"width": 390, "height": 900})
    w.page.wait_for_function(
        "h => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) < 1",
        arg=height_for(iframe.bounding_box()["width"]),
    )
    assert w.page.locator(".geo-embed-alt li").count() == len(seeds["features"])
    assert w.page.get_by_role("link", name=f"Open the map: {TITLE}").is_visible()
    w.shot("embed-phone")


def test_render_png(browser, seeds_map, tmp_path):
    png = render_png(
        seeds_map, tmp_path / "map.png", width=600, height=400, offline=True, browser=browser
    )
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 600
    assert int.from_bytes(data[20:24], "big") == 400
