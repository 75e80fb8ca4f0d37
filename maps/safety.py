"""Keeping untrusted article text inert inside the page.

Data travels as JSON in a `<script type="application/json">` block and is placed in the page
with DOM text APIs; the escaping here stops it from closing that block or being read as markup.
"""

from __future__ import annotations

import json
import re

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")
_TEMPLATE_UNSAFE = re.compile("[`\\\\<>\u2028\u2029\x00-\x1f\x7f]|\\$\\{")


def json_for_script(data: object) -> str:
    """JSON that can sit inside a <script> element: no '<', '>', '&' or line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _SCRIPT_UNSAFE.sub(lambda m: _SCRIPT_ESCAPES[m.group()], text)


def template_safe(text: str) -> str:
    """A string fit to pass into a folium template: drops `${`, backticks, backslashes and
    angle brackets (Leaflet's layer control shows names as HTML); tojson handles quotes."""
    return _TEMPLATE_UNSAFE.sub("", text)
