"""Merged events (a `geo geojson` FeatureCollection) → a folium map readers can explore.

The page needs Leaflet only: events travel as inert JSON and our own script draws them into
one folium layer per kind of event, so a thousand events stay light and fast.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink, MacroElement
from folium.map import Layer
from folium.template import Template

from geo.models import MergedEvent
from geo.outputs import atomic_write
from maps import assets
from maps.countries import outlines_near
from maps.data import MapData, prepare
from maps.safety import json_for_script, template_safe
from maps.symbols import CATEGORIES, SYMBOLS, icon_key, icon_markup, svg_markup, symbol_for

# Light, label-free, and served without an API key or a Referer (maps open from disk).
DEFAULT_TILES = "Esri.WorldGrayCanvas"


class EventFigure(Figure):
    """The page: folium's Figure with a language, an escaped title and the script in <body>."""

    _template = Template(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n'
        "{% if this.title %}<title>{{ this.title|e }}</title>{% endif %}\n"
        "{{ this.header.render(**kwargs) }}\n</head>\n<body>\n"
        "{{ this.html.render(**kwargs) }}\n"
        "<script>\n{{ this.script.render(**kwargs) }}\n</script>\n</body>\n</html>\n"
    )


class EventMap(folium.Map):
    """A full-page folium map that loads only Leaflet and lets readers pinch-zoom."""

    default_js = [("leaflet", assets.LEAFLET_JS_URL)]
    default_css = [("leaflet_css", assets.LEAFLET_CSS_URL)]
    self_contained = False

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <style>
        html, body { width: 100%; height: 100%; margin: 0; padding: 0; }
        #{{ this.get_name() }} { position: absolute; top: 0; bottom: 0; left: 0; right: 0; }
        </style>
        {% endmacro %}

        {% macro html(this, kwargs) %}
        <div class="folium-map geo-map" id={{ this.get_name()|tojson }} role="region"></div>
        {% endmacro %}

        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.map({{ this.get_name()|tojson }}, {
            center: {{ this.location|tojson }},
            crs: L.CRS.{{ this.crs }},
            ...{{ this.options|tojavascript }}
        });
        {%- if this.zoom_control_position %}
        L.control.zoom({position: {{ this.zoom_control|tojson }}}).addTo({{ this.get_name() }});
        {%- endif %}
        {% endmacro %}
        """
    )

    def render(self, **kwargs: Any) -> None:
        """Link Leaflet from its CDN, or inline it from the installed package."""
        figure = self.get_root()
        if self.self_contained:
            figure.header.add_child(
                Element(f"<script>{assets.leaflet_js()}</script>"), name="leaflet"
            )
            figure.header.add_child(
                Element(f"<style>{assets.leaflet_css()}</style>"), name="leaflet_css"
            )
        else:
            for name, url in self.default_js:
                figure.header.add_child(JavascriptLink(url), name=name)
            for name, url in self.default_css:
                figure.header.add_child(CssLink(url), name=name)
        figure.header.add_child(Element(f"<style>{assets.page_css()}</style>"), name="geo_css")
        MacroElement.render(self, **kwargs)


class EventLayer(Layer):
    """One kind of event (strikes, visits…) as a Leaflet feature group readers can toggle."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.featureGroup();
        {%- if this.show %}
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {%- endif %}
        {% endmacro %}
        """
    )

    def __init__(self, key: str, name: str, show: bool = True) -> None:
        super().__init__(name=template_safe(name), overlay=True, control=True, show=show)
        self._name = "EventLayer"
        self.key = key


class EventScript(MacroElement):
    """The events as an inert JSON block, and our script that draws them into the layers."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <script type="application/json" id="{{ this.data_id }}">{{ this.data_json }}</script>
        {% endmacro %}

        {% macro script(this, kwargs) %}
        {{ this.page_js }}
        geoMapInit({{ this._parent.get_name() }}, {
            {%- for key, layer in this.layers.items() %}
            {{ key|tojson }}: {{ layer.get_name() }},
            {%- endfor %}
        }, {{ this.data_id|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, payload: dict[str, Any], layers: dict[str, EventLayer]) -> None:
        super().__init__()
        self._name = "EventScript"
        self.data_id = f"geo-data-{self.get_name()}"
        self.data_json = json_for_script(payload)
        self.layers = layers

    @property
    def page_js(self) -> str:
        return assets.page_js()


class Legend(MacroElement):
    """The key to the symbols: one line per kind shown, plus planned, size and context."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <details class="geo-panel geo-legend" id="{{ this.get_name() }}" open>
          <summary>Legend</summary>
          <ul>
          {%- for svg, label in this.rows %}
            <li><span class="geo-swatch">{{ svg }}</span><span>{{ label|e }}</span></li>
          {%- endfor %}
          {%- if this.arcs %}
            <li><span class="geo-arc-swatch"></span><span>From the acting capital</span></li>
          {%- endif %}
          </ul>
          {%- for note in this.notes %}
          <p>{{ note|e }}</p>
          {%- endfor %}
        </details>
        {% endmacro %}

        {% macro script(this, kwargs) %}
        (function () {
            var box = document.getElementById({{ this.get_name()|tojson }});
            var narrow = window.matchMedia && window.matchMedia("(max-width: 600px)").matches;
            var short = window.matchMedia && window.matchMedia("(max-height: 560px)").matches;
            if (narrow || short) { box.open = false; }
            var legend = L.control({position: narrow ? "topright" : "bottomright"});
            legend.onAdd = function () {
                L.DomEvent.disableClickPropagation(box);
                L.DomEvent.disableScrollPropagation(box);
                return box;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, data: MapData) -> None:
        super().__init__()
        self._name = "Legend"
        self.rows = [(svg_markup(symbol_for(t)), symbol_for(t).label) for t in data.types]
        events = data.events
        self.arcs = any(e["arc"] for e in events)
        if any(e["planned"] for e in events):
            planned = next(e["type"] for e in events if e["planned"])
            self.rows.append((svg_markup(symbol_for(planned), planned=True), "Planned"))
        if any(e["bg"] for e in events):
            faded = next(e["type"] for e in events if e["bg"])
            self.rows.append(
                (svg_markup(symbol_for(faded), faded=True), "Context, mentioned in passing")
            )
        self.notes = []
        if any(e["deaths"] for e in events):
            self.notes.append("Larger symbols: more deaths reported.")


_DEFAULTS: dict[str, Any] = {
    "subtype": None,
    "planned": False,
    "bg": False,
    "d0": None,
    "d1": None,
    "parties": None,
    "deaths": None,
    "evidence": None,
    "more": 0,
    "arc": None,
    "off": [0, 0],
    "refs": [],
}


def _page_event(event: dict[str, Any]) -> dict[str, Any]:
    """An event as the page needs it: no derivable fields, no defaults, articles by index."""
    page = {
        k: v
        for k, v in event.items()
        if k not in ("label", "sources") and _DEFAULTS.get(k, object()) != v
    }
    if page.get("d1") == page.get("d0"):
        page.pop("d1", None)
    if page.get("name") == page.get("place"):
        page.pop("name", None)
    return page


def _outline_tolerance(bounds: tuple[float, float, float, float]) -> float:
    span = max(bounds[2] - bounds[0], bounds[3] - bounds[1])
    return 0.05 if span < 40 else (0.1 if span < 100 else 0.25)


def _payload(data: MapData, title: str | None, subtitle: str | None) -> dict[str, Any]:
    bounds = None
    if data.bounds:
        min_lat, min_lon, max_lat, max_lon = data.bounds
        if max_lat - min_lat < 0.5 and max_lon - min_lon < 0.5:
            min_lat, min_lon, max_lat, max_lon = min_lat - 1, min_lon - 1, max_lat + 1, max_lon + 1
        bounds = [[min_lat, min_lon], [max_lat, max_lon]]
    colors = {t: s.color for t, s in SYMBOLS.items()}
    colors["other"] = symbol_for(None).color
    return {
        "title": title,
        "subtitle": subtitle,
        "bounds": bounds,
        "days": list(data.day_range) if data.day_range else None,
        "icons": icon_markup(),
        "colors": colors,
        "labels": {**{t: s.label for t, s in SYMBOLS.items()}, "other": symbol_for(None).label},
        "events": [_page_event(e) for e in data.events],
        "articles": [{k: v for k, v in a.items() if k != "outlet" and v} for a in data.articles],
        "outlines": (
            outlines_near(data.bounds, tolerance=_outline_tolerance(data.bounds))
            if data.bounds
            else None
        ),
        "embedId": None,
    }


def build_map(
    collection: dict[str, Any] | Sequence[MergedEvent],
    title: str | None = None,
    subtitle: str | None = None,
    *,
    tiles: str = DEFAULT_TILES,
    attribution: str | None = None,
    embed_id: str | None = None,
) -> folium.Map:
    """The events of a `geo geojson` FeatureCollection on a folium map (displays in Jupyter).

    One toggleable layer per kind of event present, a legend, a date slider when the events
    span more than a day, and the articles cited. Features without a Point are skipped.
    `tiles` is an xyzservices name or a URL template (then give `attribution`).
    `collection` may also be the merged events themselves (geo.merge.merge_events).
    """
    if not isinstance(collection, dict):
        from geo.export import to_geojson

        collection = to_geojson(collection)
    data = prepare(collection)
    figure = EventFigure(title=title or "Map of events")
    fmap = EventMap(location=[20, 0], zoom_start=2, tiles=None, zoom_control="topright")
    fmap._parent = None
    figure.add_child(fmap)
    folium.TileLayer(tiles, attr=attribution, name="Base map", control=False).add_to(fmap)
    labels = {c.key: c.label for c in CATEGORIES}
    layers = {key: EventLayer(key, labels[key]) for key in data.categories}
    for layer in layers.values():
        fmap.add_child(layer)
    payload = _payload(data, title, subtitle)
    payload["embedId"] = embed_id
    fmap.add_child(EventScript(payload, layers))
    fmap.add_child(Legend(data))
    if layers:
        folium.LayerControl(position="topright", collapsed=True).add_to(fmap)
    return fmap


def render_html(fmap: folium.Map, self_contained: bool = False) -> str:
    """The whole page of a map from build_map; self_contained inlines Leaflet."""
    fmap.self_contained = self_contained
    return fmap.get_root().render()


def write_text_atomic(path: Path | str, text: str) -> None:
    """Write a page so readers never see half of it (geo.outputs does the atomic part)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, text)


def write_map(
    collection: dict[str, Any],
    path: Path | str,
    self_contained: bool = False,
    title: str | None = None,
    subtitle: str | None = None,
) -> Path:
    """Render the events to an HTML file at path, atomically; returns the path."""
    fmap = build_map(collection, title=title, subtitle=subtitle)
    out = Path(path)
    write_text_atomic(out, render_html(fmap, self_contained=self_contained))
    return out


def page_title(title: str | None) -> str:
    """The title as plain, escaped text for places outside our script (embed snippets)."""
    return html.escape(title or "Map of events", quote=True)


__all__ = [
    "EventFigure",
    "EventLayer",
    "EventMap",
    "build_map",
    "icon_key",
    "page_title",
    "render_html",
    "write_map",
    "write_text_atomic",
]
