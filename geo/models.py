"""Value objects that flow through the pipeline: read → spot → resolve → events → merge → write.

Every step imports this module and nothing later in the pipeline; all are frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Kind = Literal["city", "admin1", "admin2", "country", "region", "facility", "feature"]
Role = Literal["location", "metonym", "demonym", "boilerplate"]
Precision = Literal["day", "week", "month", "year", "unknown"]
EventType = Literal[
    "strike", "attack", "armed_clash", "conflict", "visit", "diplomatic", "protest"
]
Status = Literal["occurred", "planned"]


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read: its id, story text and what we know of its source."""

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: where a name points on the map."""

    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    kind: Kind
    geonameid: int | None = None
    population: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The place object of OUTPUTS.md."""
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": round(self.lat, 6),
            "lon": round(self.lon, 6),
            "kind": self.kind,
            "geonameid": self.geonameid,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a document, resolved to a place, with the role it plays there."""

    text: str
    start: int
    end: int
    place: Place
    role: Role
    score: float

    def to_dict(self) -> dict[str, Any]:
        """The mention object of `geo places` (OUTPUTS.md)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            **self.place.to_dict(),
            "role": self.role,
            "score": round(self.score, 3),
        }


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal phrase in a text and the date it stands for, if it can be resolved.

    `date` is the first day of the period for week/month/year precision.
    `relative_days` is set for phrases such as "two days later" that count from
    another event's date rather than from publication.
    """

    text: str
    start: int
    end: int
    date: date | None
    precision: Precision
    relative_days: int | None = None
    is_deadline: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """One event as one document reports it."""

    doc: str
    type: EventType
    subtype: str | None
    cameo: str | None
    date: date | None
    date_precision: Precision
    date_text: str | None
    status: Status
    place: Place | None
    actor: str | None
    target: str | None
    fatalities: int | None
    evidence: str
    evidence_start: int
    evidence_end: int
    confidence: float
    background: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The event object of `geo events` (OUTPUTS.md)."""
        return {
            "type": self.type,
            "subtype": self.subtype,
            "cameo": self.cameo,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "status": self.status,
            "place": self.place.to_dict() if self.place else None,
            "actor": self.actor,
            "target": self.target,
            "fatalities": self.fatalities,
            "evidence": self.evidence,
            "evidence_start": self.evidence_start,
            "evidence_end": self.evidence_end,
            "confidence": round(self.confidence, 3),
            "background": self.background,
        }


@dataclass(frozen=True, slots=True)
class Source:
    """One document's report of a merged event."""

    doc: str
    title: str | None
    url: str | None
    published: date | None
    date: date | None
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "date": self.date.isoformat() if self.date else None,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """A unique real-world event behind one or more reports, with all its sources."""

    id: str
    event: Event
    sources: tuple[Source, ...] = field(default_factory=tuple)

    @property
    def n_sources(self) -> int:
        return len(self.sources)
