"""The places step: text → resolved place mentions (spot, then resolve)."""

from __future__ import annotations

from datetime import date

from gazetteer.index import Gazetteer, default_gazetteer
from geo.boilerplate import boilerplate_ranges
from geo.models import Mention
from geo.resolve import resolve
from geo.spot import spot


def extract_places(
    text: str, published: date | None = None, gazetteer: Gazetteer | None = None
) -> list[Mention]:
    """Every place mention in `text`, resolved, with its role, in text order.

    `published` is accepted for symmetry with the events step; places do not depend on it.
    """
    del published
    g = gazetteer or default_gazetteer()
    return resolve(text, spot(text, g), g, boilerplate_ranges(text))
