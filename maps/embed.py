"""The snippet a newsroom pastes into its CMS: a responsive iframe around map.html.

The iframe's height follows what the map asks for (it posts its height, the snippet listens),
with an aspect ratio as fallback; screen-reader users get the events as a list and everyone
gets a plain link.
"""

from __future__ import annotations

import hashlib
from html import escape
from pathlib import Path
from typing import Any

from maps.data import MapData, prepare
from maps.labels import safe_url
from maps.render import DEFAULT_TILES, build_map, render_html, write_text_atomic
from maps.safety import json_for_script

_HIDDEN = (
    "position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;"
    "overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0"
)
_FRAME = (
    "display:block;width:100%;height:auto;aspect-ratio:3/2;min-height:380px;"
    "max-height:92vh;border:0;margin:0"
)

_LISTENER = """(function () {
  var box = document.getElementById(%(id)s);
  var frame = box && box.querySelector("iframe");
  if (!frame) return;
  window.addEventListener("message", function (event) {
    var msg = event.data;
    if (event.source !== frame.contentWindow || !msg || msg.geoMap !== "height") return;
    if (msg.id && msg.id !== %(id)s) return;
    var height = Math.round(Number(msg.height));
    if (!isFinite(height)) return;
    frame.style.aspectRatio = "auto";
    frame.style.height = Math.max(200, Math.min(2000, height)) + "px";
  });
})();"""


def embed_id(collection: dict[str, Any], title: str) -> str:
    """A stable id for one embed, so two maps on one page never answer each other's iframes."""
    digest = hashlib.sha1(json_for_script([title, collection]).encode("utf-8")).hexdigest()
    return f"geo-embed-{digest[:10]}"


def _event_line(event: dict[str, Any]) -> str:
    what = event["label"] + (f" ({event['subtype']})" if event["subtype"] else "")
    parts = [f"{event['date']}: {what} in {event['place']}"]
    parts += [event[k] for k in ("parties", "deaths") if event[k]]
    if event["bg"]:
        parts.append("context")
    text = escape("; ".join(parts) + ".")
    links = []
    for src in event["sources"]:
        label = escape(src["outlet"] or src["title"])
        href = safe_url(src["url"])
        links.append(f'<a href="{escape(href)}">{label}</a>' if href else label)
    if links:
        text += " Sources: " + ", ".join(links) + "."
    return f"<li>{text}</li>"


def text_alternative(data: MapData, title: str) -> str:
    """The events as a list for screen readers, hidden from sight but not from them."""
    items = "\n".join(_event_line(e) for e in data.events) or "<li>No events with a place.</li>"
    return (
        f'<div class="geo-embed-alt" style="{_HIDDEN}">\n'
        f"<p>{escape(title)}: {len(data.events)} events on the map.</p>\n"
        f"<ul>\n{items}\n</ul>\n</div>"
    )


def embed_snippet(data: MapData, title: str, map_url: str, snippet_id: str) -> str:
    """The HTML to paste: iframe with title, text alternative, plain link and the listener."""
    url = escape(map_url, quote=True)
    label = escape(title, quote=True)
    listener = _LISTENER % {"id": json_for_script(snippet_id)}
    return (
        f'<!-- geo map embed: "{label}". map.html must sit at the address in src. -->\n'
        f'<div class="geo-embed" id="{escape(snippet_id)}" style="position:relative">\n'
        f'<iframe src="{url}" title="Map: {label}" style="{_FRAME}" height="500" '
        'loading="lazy" allowfullscreen></iframe>\n'
        '<p style="margin:4px 0 0;font:12px/1.4 system-ui,sans-serif">'
        f'<a href="{url}" target="_blank" rel="noopener">Open the map: {label}</a></p>\n'
        f"{text_alternative(data, title)}\n"
        f"<script>\n{listener}\n</script>\n</div>\n"
    )


def write_embed(
    collection: dict[str, Any],
    out_dir: Path | str,
    title: str,
    subtitle: str | None = None,
    *,
    self_contained: bool = True,
    map_url: str = "map.html",
    tiles: str = DEFAULT_TILES,
) -> tuple[Path, Path]:
    """Write DIR/map.html and DIR/embed.html (the snippet); returns both paths.

    map_url is where map.html will be published; the default suits both files side by side.
    """
    out = Path(out_dir)
    snippet_id = embed_id(collection, title)
    fmap = build_map(collection, title=title, subtitle=subtitle, tiles=tiles, embed_id=snippet_id)
    map_path, embed_path = out / "map.html", out / "embed.html"
    write_text_atomic(map_path, render_html(fmap, self_contained=self_contained))
    snippet = embed_snippet(prepare(collection), title, map_url, snippet_id)
    write_text_atomic(embed_path, snippet)
    return map_path, embed_path
