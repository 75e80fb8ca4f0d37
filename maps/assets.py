"""Leaflet's files, read from the installed XStatic-Leaflet package, for self-contained pages.

The page needs nothing but Leaflet (our own script and styles are inlined anyway), so a map
written with `self_contained=True` opens with the network cut off.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

LEAFLET_VERSION: str = xstatic_leaflet.VERSION
LEAFLET_JS_URL = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js"
LEAFLET_CSS_URL = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css"

_DIST = Path(xstatic_leaflet.BASE_DIR)
_STATIC = Path(__file__).parent / "static"
_CSS_URL = re.compile(r"url\((['\"]?)(images/[A-Za-z0-9_.-]+\.png)\1\)")


def _read(path: Path) -> str:
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: reinstall XStatic-Leaflet / geo-events")
    return path.read_text(encoding="utf-8")


def _script_safe(js: str) -> str:
    """JavaScript that cannot end its <script> element early."""
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


def _style_safe(css: str) -> str:
    return re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)


@lru_cache(maxsize=1)
def leaflet_js() -> str:
    """Leaflet's minified script, ready to inline."""
    return _script_safe(_read(_DIST / "leaflet.js"))


def _data_uri(match: re.Match[str]) -> str:
    png = (_DIST / match.group(2)).read_bytes()
    return f"url(data:image/png;base64,{base64.b64encode(png).decode('ascii')})"


@lru_cache(maxsize=1)
def leaflet_css() -> str:
    """Leaflet's stylesheet with its images (layer switcher, marker) as data URIs."""
    return _style_safe(_CSS_URL.sub(_data_uri, _read(_DIST / "leaflet.css")))


@lru_cache(maxsize=1)
def page_js() -> str:
    """Our page script: draws events, popups, legend, timeline from the JSON data block."""
    return _script_safe(_read(_STATIC / "geomap.js"))


@lru_cache(maxsize=1)
def page_css() -> str:
    """Our page styles."""
    return _style_safe(_read(_STATIC / "geomap.css"))
