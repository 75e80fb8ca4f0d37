"""Merge the reports of one real-world event made by several documents into one MergedEvent.

Reports are clustered by agglomeration: two clusters may join only if no report in one
contradicts a report in the other (another kind of act, places apart, dates beyond reporting
tolerance, another actor or target) and at least one pair across them positively agrees; among
the joinable pairs the one with the highest average agreement joins first. A pair that merely
lacks evidence (an undated or placeless report beside one whose actor is unknown) neither
links nor vetoes, so a vague report from one outlet cannot split reports that agree. Reports
are sorted by a canonical key before clustering and every tie is broken on that order, so the
same reports in any order give the same events and the same ids.

Choices made when reports disagree (see `_merge_cluster`):
- place: the most specific one any source gives (facility > city > admin2 > feature > admin1 >
  region > country), then the one most documents give;
- date: the candidate most documents support (a coarse date supports the finer dates inside
  it), then the finer precision, then the earliest; once any source says the event happened,
  only those sources' dates count (a planned date is not when it happened);
- fatalities: the count most documents report; on a tie, the largest count given by a
  document that dates the event to the day (later day-dated reports carry updated tolls),
  else the largest;
- confidence: independent sources corroborate each other, so 1 - prod(1 - c) over the best
  confidence of each document;
- status: `occurred` once any source reports it happened.
"""

from __future__ import annotations

import calendar
import hashlib
import heapq
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from math import atan2, cos, radians, sin, sqrt

from gazetteer.normalize import name_keys
from geo.models import Document, Event, MergedEvent, Place, Source

NEAR_KM = 25.0
"""Two places of different names closer than this are one place (gazetteer duplicates,
a district and its seat, a base and its town)."""
SAME_POINT_KM = 3.0
"""Two distinct towns (or two facilities) are one place only when this close: towns in a war
zone are often under 25 km apart (Rafah and Khan Younis) and are different targets."""
ADMIN2_KM = 50.0
"""A town lies in a district when this close to its centroid (places carry no admin2 name)."""
REGION_KM = 50.0
"""A place lies in a national region (Gaza Strip) when in its country and this close."""
DAY_TOLERANCE = 1
"""Sources dating one event may disagree by this many days (time zones, 'yesterday')."""

_SPECIFICITY = {
    "facility": 0, "city": 1, "admin2": 2, "feature": 3, "admin1": 4, "region": 5, "country": 6,
}
_PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_TYPE_ORDER = (
    "strike", "attack", "armed_clash", "conflict", "visit", "diplomatic", "protest",
)
_VIOLENT_PAIR = frozenset({"strike", "attack"})
_WAR = frozenset({"strike", "attack", "conflict"})
_POINT_KINDS = frozenset({"city", "facility"})
_GENERIC = re.compile(
    r"\b(province|provincia|region|state|governorate|oblast|prefecture|district|county)\b"
)


@dataclass(frozen=True, slots=True)
class _Report:
    """An event with what the comparisons need computed once."""

    index: int
    event: Event
    span: tuple[date, date] | None
    weak_date: bool
    actor: str | None
    target: str | None


# ---------------------------------------------------------------- places


@lru_cache(maxsize=8192)
def _keys(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    stripped = _GENERIC.sub(" ", name.lower())
    keys = name_keys(name) | (name_keys(stripped) if stripped.strip() else set())
    return frozenset(keys)


def _same_name(a: str | None, b: str | None) -> bool:
    return bool(_keys(a) & _keys(b))


#: The mean Earth radius geopy's great_circle used here before: distances are unchanged.
EARTH_RADIUS_KM = 6371.009


@lru_cache(maxsize=65536)
def _km(a: Place, b: Place) -> float:
    """Great-circle distance on a sphere, in the form that stays exact for near and antipodal
    points; computed here because importing geopy cost more than a whole merge."""
    lat1, lat2 = radians(a.lat), radians(b.lat)
    sin1, cos1, sin2, cos2 = sin(lat1), cos(lat1), sin(lat2), cos(lat2)
    delta = radians(b.lon) - radians(a.lon)
    cos_d, sin_d = cos(delta), sin(delta)
    d = atan2(sqrt((cos2 * sin_d) ** 2 + (cos1 * sin2 - sin1 * cos2 * cos_d) ** 2),
              sin1 * sin2 + cos1 * cos2 * cos_d)
    return EARTH_RADIUS_KM * d


def _inside(a: Place, b: Place) -> bool:
    """Whether place `a` lies within the larger place `b`."""
    if a.country is None or a.country != b.country:
        return False
    if _SPECIFICITY[a.kind] >= _SPECIFICITY[b.kind]:
        return False
    if b.kind == "country":
        return True
    if b.kind == "admin1":
        own_admin1 = b.admin1 is not None and _same_name(a.admin1, b.admin1)
        return a.kind != "region" and (_same_name(a.admin1, b.name) or own_admin1)
    if b.kind == "admin2":
        admin1_ok = a.admin1 is None or b.admin1 is None or _same_name(a.admin1, b.admin1)
        return admin1_ok and _km(a, b) < ADMIN2_KM
    if b.kind == "region":
        return _km(a, b) < REGION_KM
    return False


def place_relation(a: Place, b: Place) -> str | None:
    """How two places relate: 'same', 'near', 'nested' (one inside the other) or None."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return "same"
    if a.country == b.country and a.kind == b.kind and _same_name(a.name, b.name):
        return "same"
    if _inside(a, b) or _inside(b, a):
        return "nested"
    if a.country is not None and b.country is not None and a.country != b.country:
        return None
    point_pair = a.kind in _POINT_KINDS and a.kind == b.kind
    if _km(a, b) < (SAME_POINT_KM if point_pair else NEAR_KM):
        return "near"
    return None


def place_key(place: Place) -> str:
    """A stable identity for a place: its geonameid, else its folded name and country."""
    if place.geonameid is not None:
        return f"gn:{place.geonameid}"
    return f"{min(_keys(place.name), default='')}|{place.country or ''}"


# ---------------------------------------------------------------- dates


def date_span(day: date | None, precision: str) -> tuple[date, date] | None:
    """The first and last day a dated report covers; None when undated."""
    if day is None or precision == "unknown":
        return None
    if precision == "week":
        return day, day + timedelta(days=6)
    if precision == "month":
        return day, day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return day, date(day.year, 12, 31)
    return day, day


def _span_gap(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two spans; 0 or less when they overlap."""
    return (max(a[0], b[0]) - min(a[1], b[1])).days


# ---------------------------------------------------------------- pairwise links


def _norm_party(value: str | None) -> str | None:
    folded = value.strip().casefold() if value else ""
    return folded or None


def _party_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _war_context(a: _Report, b: _Report, rel: str | None) -> bool:
    """Undated background mentions of a war and of its strikes at one place are one context.

    ("Israel's war in Gaza" in one story, "Israeli strikes on Gaza" in another.)
    """
    types = {a.event.type, b.event.type}
    return (
        a.event.background and b.event.background and a.weak_date and b.weak_date
        and rel == "same" and "conflict" in types and types <= _WAR
    )


def _type_ok(a: _Report, b: _Report, rel: str | None) -> bool:
    ta, tb = a.event.type, b.event.type
    if ta == tb or _war_context(a, b, rel):
        return True
    return {ta, tb} == _VIOLENT_PAIR and a.actor is not None and a.actor == b.actor and (
        rel is not None
    )


def _act_ok(a: Event, b: Event) -> bool:
    """Diplomatic acts of different kinds (recall, call, return) are different events."""
    if a.type != "diplomatic" or b.type != "diplomatic":
        return True
    if a.cameo and b.cameo:
        return a.cameo == b.cameo
    if a.subtype and b.subtype:
        return _same_name(a.subtype, b.subtype)
    return True


UNLINKED = 0
"""The score of two compatible reports with too little in common to link them on their own."""


def _link(a: _Report, b: _Report) -> int | None:
    """Agreement score of two reports of one event, None when they contradict each other, or
    UNLINKED when nothing contradicts but too little agrees to join them without a third."""
    ea, eb = a.event, b.event
    if ea.background != eb.background or not _party_ok(a.actor, b.actor):
        return None
    if not _party_ok(a.target, b.target) or not _act_ok(ea, eb):
        return None
    pa, pb = ea.place, eb.place
    rel = place_relation(pa, pb) if pa is not None and pb is not None else None
    if pa is not None and pb is not None and rel is None:
        return None
    if not _type_ok(a, b, rel):
        return None
    same_type = ea.type == eb.type
    same_actor = a.actor is not None and a.actor == b.actor
    if a.span is not None and b.span is not None and _span_gap(a.span, b.span) > DAY_TOLERANCE:
        return None
    if (pa is None) != (pb is None) and not (same_type and same_actor):
        return UNLINKED
    if a.weak_date or b.weak_date:
        both_undated = a.weak_date and b.weak_date
        anonymous_twin = both_undated and a.actor is None and b.actor is None and rel == "same"
        context = _war_context(a, b, rel)
        if not context and not (same_type and (same_actor or anonymous_twin)):
            return UNLINKED
    score = 0
    if a.span is not None and b.span is not None and not (a.weak_date or b.weak_date):
        if ea.date_precision == "day" and eb.date_precision == "day":
            score += 3 - abs((ea.date - eb.date).days)  # type: ignore[operator]
        else:
            score += 1
    score += {"same": 3, "near": 2, "nested": 1, None: 0}[rel]
    score += 2 * same_actor + (a.target is not None and a.target == b.target) + same_type
    score += bool(ea.subtype and eb.subtype and _same_name(ea.subtype, eb.subtype))
    score += ea.doc != eb.doc
    return score


# ---------------------------------------------------------------- clustering


def _canonical_key(e: Event) -> tuple:
    place = e.place
    return (
        e.background,
        _TYPE_ORDER.index(e.type) if e.type in _TYPE_ORDER else len(_TYPE_ORDER),
        e.type,
        e.date is None,
        e.date or date.min,
        _PRECISION.get(e.date_precision, 9),
        _SPECIFICITY.get(place.kind, 9) if place else 99,
        place_key(place) if place else "",
        e.actor or "",
        e.target or "",
        e.doc,
        e.evidence_start,
        e.evidence_end,
        e.confidence,
        json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False),
        repr(place),
    )


def _block(e: Event) -> tuple[bool, str]:
    """Reports in different blocks can never merge; clustering runs per block."""
    joined = _WAR if e.background else _VIOLENT_PAIR
    return e.background, "strike" if e.type in joined else e.type


def _cluster(reports: Sequence[_Report]) -> list[list[_Report]]:
    """Agglomerate on average agreement; ties go to the canonically first pair.

    A cluster is named by its first report's index. `sums` holds, for each cluster pair with no
    contradicting cross pair, the summed pairwise scores and the number of cross pairs that
    link (score above UNLINKED); only pairs with a link are ever joined.
    """
    members: dict[int, list[_Report]] = {r.index: [r] for r in reports}
    version = dict.fromkeys(members, 0)
    sums: dict[tuple[int, int], tuple[int, int]] = {}
    linked: dict[int, set[int]] = {r.index: set() for r in reports}  # the keys of `sums`
    heap: list[tuple[float, int, int, int, int]] = []
    for a, b in _candidate_pairs(reports):
        score = _link(a, b)
        if score is not None:
            sums[(a.index, b.index)] = (score, int(score > UNLINKED))
            linked[a.index].add(b.index)
            linked[b.index].add(a.index)
            if score > UNLINKED:
                heap.append((-float(score), a.index, b.index, 0, 0))
    heapq.heapify(heap)
    while heap:
        _, x, y, vx, vy = heapq.heappop(heap)
        if version.get(x) != vx or version.get(y) != vy:
            continue
        members[x] += members.pop(y)
        del version[y]
        version[x] += 1
        others = (linked.pop(x) | linked.pop(y)) - {x, y}
        sums.pop((x, y), None)
        linked[x] = set()
        for other in sorted(others):
            linked[other] -= {x, y}
            with_x = sums.pop(_pair(x, other), None)
            with_y = sums.pop(_pair(y, other), None)
            if with_x is None or with_y is None:
                continue
            lo, hi = _pair(x, other)
            total, links = with_x[0] + with_y[0], with_x[1] + with_y[1]
            sums[(lo, hi)] = (total, links)
            linked[x].add(other)
            linked[other].add(x)
            if links:
                avg = total / (len(members[x]) * len(members[other]))
                heapq.heappush(heap, (-avg, lo, hi, version[lo], version[hi]))
    return [sorted(members[k], key=lambda r: r.index) for k in sorted(members)]


def _candidate_pairs(reports: Sequence[_Report]) -> Iterator[tuple[_Report, _Report]]:
    """Every pair (earlier report first) that `_link` might accept: pairs it must refuse
    (another actor or target, places in different countries, dates over a day apart) are
    not even tried: on 10,000 news articles that is four pairs in five."""
    ids: dict[int, str | None] = {}
    by_country = True
    for r in reports:
        place = r.event.place
        if place is not None and place.geonameid is not None and (
            ids.setdefault(place.geonameid, place.country) != place.country
        ):
            by_country = False  # one place id in two countries is 'same' by id: keep all
    groups: dict[tuple[str | None, ...], list[_Report]] = defaultdict(list)
    for r in reports:
        place = r.event.place
        country = place.country if by_country and place is not None else None
        groups[(country, r.actor, r.target)].append(r)
    keys = list(groups)
    for i, key in enumerate(keys):
        for j in range(i, len(keys)):
            if not all(u is None or v is None or u == v
                       for u, v in zip(key, keys[j], strict=True)):
                continue
            first, second = groups[key], groups[keys[j]]
            for n, a in enumerate(first):
                for b in (first[n + 1 :] if i == j else second):
                    if a.span is not None and b.span is not None and (
                        _span_gap(a.span, b.span) > DAY_TOLERANCE
                    ):
                        continue
                    yield (a, b) if a.index < b.index else (b, a)


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


# ---------------------------------------------------------------- merging a cluster


def _most_common(values: Iterable[str]) -> str | None:
    """The most frequent value (compared case-insensitively), ties alphabetical."""
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for v in values:
        counts[v.casefold()] += 1
        spellings[v.casefold()][v] += 1
    if not counts:
        return None
    best = min(counts, key=lambda k: (-counts[k], k))
    return min(spellings[best], key=lambda s: (-spellings[best][s], s))


def _doc_best(reports: Sequence[_Report]) -> _Report:
    """The report that speaks for its document: the most precise date, then most confident."""
    return min(reports, key=lambda r: (_PRECISION.get(r.event.date_precision, 9)
                                       if r.span else 9, -r.event.confidence, r.index))


def _choose_place(reports: Sequence[_Report]) -> Place | None:
    docs_by_key: dict[str, set[str]] = defaultdict(set)
    places: dict[str, Place] = {}
    for r in reports:
        if r.event.place is not None:
            key = place_key(r.event.place)
            docs_by_key[key].add(r.event.doc)
            places.setdefault(key, r.event.place)
    if not places:
        return None
    best = min(places, key=lambda k: (_SPECIFICITY[places[k].kind], -len(docs_by_key[k]), k))
    return places[best]


def _choose_date(per_doc: Mapping[str, _Report], occurred: bool) -> _Report | None:
    """The report whose date is best supported by the documents (see module docstring)."""
    dated = [r for r in per_doc.values() if r.span is not None]
    if occurred and any(r.event.status == "occurred" for r in dated):
        dated = [r for r in dated if r.event.status == "occurred"]
    if not dated:
        return None

    def support(c: _Report) -> int:
        return sum(1 for r in dated if r.span[0] <= c.span[0] and c.span[1] <= r.span[1])

    return min(dated, key=lambda c: (-support(c), _PRECISION[c.event.date_precision],
                                     c.span[0], c.index))


def _choose_fatalities(per_doc: Mapping[str, Sequence[_Report]],
                       best: Mapping[str, _Report]) -> int | None:
    values: dict[str, int] = {}
    for doc, reports in per_doc.items():
        counts = [r.event.fatalities for r in reports if r.event.fatalities is not None]
        if counts:
            values[doc] = max(counts)
    if not values:
        return None
    tally = Counter(values.values())
    top = max(tally.values())
    tied = {v for v, n in tally.items() if n == top}
    day_dated = {v for d, v in values.items() if v in tied and best[d].event.date_precision == "day"
                 and best[d].span is not None}
    return max(day_dated or tied)


def _combined_confidence(best_by_doc: Iterable[float]) -> float:
    miss = 1.0
    for c in best_by_doc:
        miss *= 1.0 - min(max(c, 0.0), 1.0)
    return 1.0 - miss


def _merge_cluster(cluster: Sequence[_Report], docs: Mapping[str, Document]) -> MergedEvent:
    per_doc: dict[str, list[_Report]] = defaultdict(list)
    for r in cluster:
        per_doc[r.event.doc].append(r)
    per_doc = dict(sorted(per_doc.items()))
    best = {d: _doc_best(rs) for d, rs in per_doc.items()}

    type_counts = Counter(t for rs in per_doc.values() for t in {r.event.type for r in rs})
    etype = min(type_counts, key=lambda t: (-type_counts[t], _TYPE_ORDER.index(t)
                                            if t in _TYPE_ORDER else 99, t))
    of_type = [r for r in cluster if r.event.type == etype]
    occurred = any(r.event.status == "occurred" for r in cluster)
    dated = _choose_date(best, occurred)
    place = _choose_place(cluster)
    confidence = _combined_confidence(
        max(r.event.confidence for r in rs) for rs in per_doc.values()
    )

    def speaks_for(r: _Report) -> tuple:
        return (
            r.event.place != place,
            dated is not None and r.event.date != dated.event.date,
            -r.event.confidence,
            r.index,
        )

    rep = min(cluster, key=speaks_for).event
    event = replace(
        rep,
        type=etype,
        subtype=_most_common(r.event.subtype for r in of_type if r.event.subtype),
        cameo=_most_common(r.event.cameo for r in of_type if r.event.cameo),
        date=dated.event.date if dated else None,
        date_precision=dated.event.date_precision if dated else "unknown",
        date_text=dated.event.date_text if dated else rep.date_text,
        status="occurred" if occurred else "planned",
        place=place,
        actor=_most_common(r.event.actor for r in cluster if r.event.actor),
        target=_most_common(r.event.target for r in cluster if r.event.target),
        fatalities=_choose_fatalities(per_doc, best),
        confidence=confidence,
        background=all(r.event.background for r in cluster),
    )
    sources = tuple(sorted((_source(best[d].event, docs.get(d)) for d in per_doc),
                           key=lambda s: (s.published is None, s.published or date.min, s.doc)))
    return MergedEvent(id="", event=event, sources=sources)


def _source(e: Event, doc: Document | None) -> Source:
    return Source(
        doc=e.doc,
        title=doc.title if doc else None,
        url=doc.url if doc else None,
        published=doc.published if doc else None,
        date=e.date,
        evidence=e.evidence,
    )


# ---------------------------------------------------------------- ids


def event_id(event: Event) -> str:
    """'ev-' and 12 hex digits of a hash of the event's type, place, date and actor."""
    place = place_key(event.place) if event.place else ""
    day = event.date.isoformat() if event.date else ""
    text = "|".join((event.type, place, day, (event.actor or "").casefold()))
    return "ev-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _full_key(m: MergedEvent) -> str:
    return json.dumps([m.event.to_dict(), [s.to_dict() for s in m.sources]],
                      sort_keys=True, ensure_ascii=False)


def _assign_ids(merged: Sequence[MergedEvent]) -> list[MergedEvent]:
    """Give each event its hash id; events sharing one get '-2', '-3'... in canonical order."""
    groups: dict[str, list[MergedEvent]] = defaultdict(list)
    for m in merged:
        groups[event_id(m.event)].append(m)
    out = []
    for base, group in groups.items():
        for n, m in enumerate(sorted(group, key=_full_key), start=1):
            out.append(replace(m, id=base if n == 1 else f"{base}-{n}"))
    return out


def _order(m: MergedEvent) -> tuple:
    return (m.event.date is None, m.event.date or date.min, m.id)


# ---------------------------------------------------------------- public


def merge_events(events: Sequence[Event], docs: Mapping[str, Document] | None = None,
                 ) -> list[MergedEvent]:
    """Merge reports of the same real event into MergedEvents, sorted by date then id.

    `docs` maps document ids to their metadata (title, url, published) for the sources;
    a document missing from it gives sources without that metadata. The result does not
    depend on the order of `events`.
    """
    docs = docs or {}
    ordered = sorted(events, key=_canonical_key)
    blocks: dict[tuple[bool, str], list[_Report]] = defaultdict(list)
    for i, e in enumerate(ordered):
        span = date_span(e.date, e.date_precision)
        report = _Report(
            index=i,
            event=e,
            span=span,
            weak_date=span is None or e.date_precision == "year",
            actor=_norm_party(e.actor),
            target=_norm_party(e.target),
        )
        blocks[_block(e)].append(report)
    merged = [
        _merge_cluster(cluster, docs)
        for key in sorted(blocks)
        for cluster in _cluster(blocks[key])
    ]
    return sorted(_assign_ids(merged), key=_order)
