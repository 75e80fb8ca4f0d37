"""How each event type looks on the map: colour, shape, layer and size.

Colours are the Okabe–Ito palette (safe for the common colour-vision deficiencies) and every
type also has its own shape, so no reader has to tell events apart by colour alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Symbol:
    """The look of one event type: label for people, fill colour, SVG path in a 24×24 box."""

    label: str
    color: str
    path: str


@dataclass(frozen=True, slots=True)
class Category:
    """A layer readers can switch on and off."""

    key: str
    label: str


CATEGORIES: tuple[Category, ...] = (
    Category("violence", "Strikes & attacks"),
    Category("visit", "Visits"),
    Category("diplomatic", "Diplomatic moves"),
    Category("protest", "Protests"),
    Category("other", "Other events"),
    Category("context", "Context (background)"),
)

_CIRCLE = "M12 2A10 10 0 1 1 11.99 2Z"
_STAR = "M12 1.5L14.6 8.6H22.2L16.1 13.1L18.4 20.5L12 16L5.6 20.5L7.9 13.1L1.8 8.6H9.4Z"

SYMBOLS: dict[str, Symbol] = {
    "strike": Symbol("Strike", "#D55E00", "M12 2L22.5 21H1.5Z"),
    "attack": Symbol("Attack", "#E69F00", "M12 1L23 12L12 23L1 12Z"),
    "armed_clash": Symbol(
        "Armed clash",
        "#CC79A7",
        "M7 2L12 7L17 2L22 7L17 12L22 17L17 22L12 17L7 22L2 17L7 12L2 7Z",
    ),
    "conflict": Symbol("Conflict", "#000000", "M6.5 2.5H17.5L23 12L17.5 21.5H6.5L1 12Z"),
    "visit": Symbol("Visit", "#0072B2", _CIRCLE),
    "diplomatic": Symbol("Diplomatic move", "#009E73", "M3 3H21V21H3Z"),
    "protest": Symbol("Protest", "#56B4E9", _STAR),
}
OTHER = Symbol("Other event", "#808080", "M2 4H22L12 22Z")

_CATEGORY_OF_TYPE = {
    "strike": "violence",
    "attack": "violence",
    "armed_clash": "violence",
    "conflict": "violence",
    "visit": "visit",
    "diplomatic": "diplomatic",
    "protest": "protest",
}

BASE_SIZE = 22
MAX_SIZE = 54


def symbol_for(event_type: str | None) -> Symbol:
    """The symbol of an event type; unknown types get a neutral grey one."""
    return SYMBOLS.get(event_type or "", OTHER)


def category_for(event_type: str | None, background: bool) -> str:
    """The layer an event goes to: context events together, the story's own by type."""
    if background:
        return "context"
    return _CATEGORY_OF_TYPE.get(event_type or "", "other")


def size_for(fatalities: int | None) -> int:
    """Symbol width in pixels: grows with the square root of deaths so area tracks the count."""
    if fatalities is None or fatalities <= 0:
        return BASE_SIZE
    return min(MAX_SIZE, round(BASE_SIZE + 5 * math.sqrt(fatalities)))


def svg_markup(symbol: Symbol, planned: bool = False, faded: bool = False) -> str:
    """The symbol as inline SVG filling its box: solid, hollow and dashed when planned,
    paler when it is context. Built only from the constants above, never from event data."""
    if planned:
        paint = (
            f'fill="#ffffff" stroke="{symbol.color}" stroke-width="2.5" '
            'stroke-dasharray="3 2" stroke-linejoin="round"'
        )
    else:
        opacity = "0.5" if faded else "0.92"
        paint = (
            f'fill="{symbol.color}" fill-opacity="{opacity}" stroke="#ffffff" '
            'stroke-width="1.5" stroke-linejoin="round"'
        )
    return (
        '<svg viewBox="-1 -1 26 26" width="100%" height="100%" aria-hidden="true" '
        'focusable="false" xmlns="http://www.w3.org/2000/svg">'
        f'<path d="{symbol.path}" {paint} vector-effect="non-scaling-stroke"/></svg>'
    )


def icon_key(event_type: str, planned: bool, faded: bool) -> str:
    """The name under which the page finds the SVG of one look."""
    return f"{event_type}{'-planned' if planned else ''}{'-faded' if faded else ''}"


def icon_markup() -> dict[str, str]:
    """Every look an event can take, by icon_key, for the page's script."""
    looks = {}
    for event_type, symbol in (*SYMBOLS.items(), ("other", OTHER)):
        for planned in (False, True):
            for faded in (False, True):
                looks[icon_key(event_type, planned, faded)] = svg_markup(symbol, planned, faded)
    return looks
