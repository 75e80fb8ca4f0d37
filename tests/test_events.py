"""Events: the seeds' required events, their merging, and reports of other wars and visits."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gazetteer.normalize import fold_name
from geo.documents import read_inputs
from geo.events import extract_events
from geo.export import to_geojson
from geo.merge import merge_events
from geo.models import Document, Event, Mention
from geo.places import extract_places
from geo.resolve import haversine_km

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))
SEEDS = {d.id: d for d in read_inputs([str(ROOT / "seeds")])}


def _events(doc: Document) -> list[Event]:
    return extract_events(doc, extract_places(doc.text, doc.published))


def _at(place_name: str | None, country: str | None, lat: float, lon: float, gold: str) -> bool:
    g = GOLD["places"][gold]
    names = {fold_name(gold), *(fold_name(a) for a in g.get("aliases", []))}
    if place_name and fold_name(place_name) in names and country == g["country"]:
        return True
    return country == g["country"] and haversine_km(lat, lon, g["lat"], g["lon"]) < 60


def _matches(e: Event, want: dict) -> bool:
    if e.type != want["type"] or e.place is None:
        return False
    if not any(_at(e.place.name, e.place.country, e.place.lat, e.place.lon, p)
               for p in want["place_any"]):
        return False
    if want.get("date"):
        if e.date is None:
            return False
        slack = want.get("date_tolerance_days", 0)
        if abs((e.date - date.fromisoformat(want["date"])).days) > slack:
            return False
    return not (want.get("status") and e.status != want["status"])


REQUIRED = [
    (doc_id, ev) for doc_id, d in sorted(GOLD["documents"].items())
    for ev in d["events"] if ev.get("required")
]


@pytest.mark.parametrize(("doc_id", "want"), REQUIRED,
                         ids=[f"{d[:3]}-{e['id']}" for d, e in REQUIRED])
def test_seed_required_events_are_found(doc_id: str, want: dict) -> None:
    found = _events(SEEDS[doc_id])
    assert any(_matches(e, want) for e in found), [
        (e.type, e.place.name if e.place else None, e.date, e.status) for e in found]


def test_no_event_sits_at_a_metonym_or_boilerplate_place() -> None:
    for doc in SEEDS.values():
        mentions = extract_places(doc.text)
        bad = {(m.place.name, m.place.country) for m in mentions
               if m.role in ("metonym", "boilerplate")}
        good = {(m.place.name, m.place.country) for m in mentions if m.role == "location"}
        for e in extract_events(doc, mentions):
            if e.place is not None:
                key = (e.place.name, e.place.country)
                assert key in good or key not in bad, (doc.id, e)


def test_seed_crisis_merges_into_one_feature_per_event() -> None:
    events = [e for doc in SEEDS.values() for e in _events(doc)]
    collection = to_geojson(merge_events(events, SEEDS))
    reported_by: dict[str, set[str]] = {}
    for doc_id, d in GOLD["documents"].items():
        for ev in d["events"]:
            reported_by.setdefault(ev["id"], set()).add(doc_id)
    for uid, gold_place, kind in (("U1", "Balochistan", "strike"), ("U2", "Saravan", "strike"),
                                  ("U6", "Islamabad", "visit")):
        features = [
            f for f in collection["features"]
            if f["properties"]["type"] == kind and not f["properties"]["background"]
            and _at(f["properties"]["place_name"], f["properties"]["country"],
                    f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0], gold_place)
        ]
        assert len(features) == 1, (uid, [f["properties"]["place_name"] for f in features])
        docs = {s["doc"] for s in features[0]["properties"]["sources"]}
        assert docs == reported_by[uid], uid


def test_strike_and_retaliation_two_days_later_stay_two_events() -> None:
    doc = SEEDS["004_732e2f8dacc017e7.txt"]
    strikes = [e for e in _events(doc) if e.type == "strike" and not e.background]
    assert {(e.actor, e.target) for e in strikes} >= {("IR", "PK"), ("PK", "IR")}
    dated = {e.actor: e.date for e in strikes}
    assert dated["IR"] == date(2024, 1, 17)
    assert dated["PK"] == date(2024, 1, 19)  # "Two days later", counted from the event before


def _doc(text: str, published: date = date(2024, 3, 15)) -> Document:
    return Document(id="test", text=text, published=published)


def test_drone_strike_elsewhere_is_typed_placed_dated_and_counted() -> None:
    doc = _doc("Russia launched a drone strike on Odesa on Thursday, killing at least 12 "
               "people, Ukrainian officials said.")
    [e] = _events(doc)
    assert (e.type, e.subtype, e.cameo) == ("strike", "drone strike", "195")
    assert (e.place.name, e.place.country) == ("Odesa", "UA")
    assert e.date == date(2024, 3, 14) and e.date_precision == "day"
    assert (e.actor, e.target, e.fatalities) == ("RU", "UA", 12)
    assert doc.text[e.evidence_start : e.evidence_end] == e.evidence


def test_planned_visit_then_the_visit_itself() -> None:
    planned = _doc("The US secretary of state will visit Kyiv next week, officials said.")
    [p] = [e for e in _events(planned) if e.type == "visit"]
    assert p.status == "planned" and p.date_precision == "week"
    assert p.date == date(2024, 3, 18) and (p.place.name, p.place.country) == ("Kyiv", "UA")
    done = _doc("The US secretary of state arrived in Kyiv on Tuesday for talks.",
                published=date(2024, 3, 19))
    [d] = [e for e in _events(done) if e.type == "visit"]
    assert d.status == "occurred" and d.date == date(2024, 3, 19)
    merged = merge_events([p, dataclass_doc(d, "other")], {})
    assert [m.event.status for m in merged] == ["occurred"]


def dataclass_doc(e: Event, doc: str) -> Event:
    import dataclasses

    return dataclasses.replace(e, doc=doc)


def test_ambassador_recall_is_diplomatic_with_cameo() -> None:
    [e] = _events(_doc("Colombia recalled its ambassador from Buenos Aires on Monday."))
    assert (e.type, e.subtype, e.cameo) == ("diplomatic", "ambassador recall", "161")
    assert e.actor == "CO" and e.place.name == "Buenos Aires"
    assert e.date == date(2024, 3, 11)


def test_phone_call_has_no_place() -> None:
    [e] = _events(_doc("Earlier today, the foreign ministers of India and China spoke by phone."))
    assert (e.type, e.subtype, e.place, e.date) == ("diplomatic", "phone call", None,
                                                    date(2024, 3, 15))


def test_negated_and_hypothetical_events_are_not_events() -> None:
    text = ("Israel would not allow strikes on Beirut, officials said. Hezbollah threatened to "
            "attack Haifa. Analysts fear a wider war in Lebanon.")
    assert _events(_doc(text)) == []


def test_context_wars_are_background() -> None:
    text = ("Sudan's army retook Omdurman on Monday, the military said. Fighting continued in "
            "Khartoum. Meanwhile, Israel is fighting Hamas in Gaza. The Sudanese army said it "
            "struck RSF positions in Khartoum on Tuesday.")
    events = _events(_doc(text))
    gaza = [e for e in events if e.place and e.place.country == "PS"]
    assert gaza and all(e.background for e in gaza)
    assert any(e.place and e.place.country == "SD" and not e.background for e in events)


def test_mentions_from_an_unrelated_text_do_not_crash() -> None:
    assert extract_events(_doc(""), []) == []
    mention_free = _doc("Nothing happened anywhere today.")
    assert extract_events(mention_free, list[Mention]()) == []


def test_dateline_is_not_where_it_happened() -> None:
    doc = _doc("MEXICO CITY, April 6 (AP) - Nicaragua broke off relations with Ecuador on "
               "Saturday, the foreign ministry said.", published=date(2024, 4, 6))
    [e] = _events(doc)
    assert (e.type, e.subtype, e.cameo) == ("diplomatic", "downgrade of ties", "161")
    assert (e.actor, e.target, e.place, e.date) == ("NI", "EC", None, date(2024, 4, 6))


def test_group_actor_is_named_as_written_and_days_are_not_groups() -> None:
    doc = _doc("The paramilitary Rapid Support Forces shelled El Fasher on Tuesday, killing at "
               "least 40 people. Thursday's strikes on Omdurman killed nine.")
    events = _events(doc)
    assert [(e.actor, e.place.name) for e in events] == [
        ("Rapid Support Forces", "El Fasher"), (None, "Omdurman")]


def test_each_place_of_a_list_is_an_event() -> None:
    doc = _doc("Turkey carried out airstrikes in Iraq, Syria and Libya on Tuesday.")
    events = _events(doc)
    assert sorted((e.place.country, e.actor, e.date) for e in events) == [
        ("IQ", "TR", date(2024, 3, 12)), ("LY", "TR", date(2024, 3, 12)),
        ("SY", "TR", date(2024, 3, 12))]


def test_a_toll_in_the_next_sentence_joins_its_strike() -> None:
    doc = _doc("The United States carried out strikes on Houthi targets in the port city of "
               "Hodeidah on Thursday night. The Houthis said five of their fighters were killed "
               "in the strikes.")
    [e] = _events(doc)
    assert (e.place.country, e.actor, e.fatalities, e.date) == ("YE", "US", 5, date(2024, 3, 14))
