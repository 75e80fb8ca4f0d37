"""Events on kinds of news the seeds do not cover: wire datelines, protests, sieges, embassy
raids, expulsions. Each case is a short paragraph written for the test, about no seed place."""

from __future__ import annotations

from datetime import date

from geo.events import extract_events
from geo.models import Document, Event
from geo.places import extract_places


def _events(text: str, published: date | None) -> list[Event]:
    doc = Document("t.txt", text, published)
    return extract_events(doc, extract_places(text, published))


def _one(text: str, published: date | None, type_: str) -> Event:
    found = [e for e in _events(text, published) if e.type == type_]
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------------------ dates


def test_a_bare_month_in_a_past_clause_is_the_one_before_publication() -> None:
    e = _one("Government troops shelled the town of Kidal in November, officials said.",
             date(2023, 10, 5), "strike")
    assert (e.date, e.date_precision) == (date(2022, 11, 1), "month")


def test_a_date_in_a_since_clause_does_not_date_the_event() -> None:
    e = _one("About 300 farmers protested outside the prefecture in Lyon, the fifth rally in "
             "the region since the reform was announced on March 3.", date(2024, 5, 10),
             "protest")
    assert e.place is not None and e.place.name == "Lyon"
    assert e.date != date(2024, 3, 3)


def test_an_event_dated_after_publication_is_planned() -> None:
    e = _one("The protesters in Marseille said they would be back on Saturday.",
             date(2024, 5, 8), "protest")
    assert (e.date, e.status) == (date(2024, 5, 11), "planned")
