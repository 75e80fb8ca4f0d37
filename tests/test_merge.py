"""Merging reports of one event across documents: what joins, what stays apart, what wins."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from geo.merge import date_span, event_id, merge_events, place_key, place_relation
from geo.models import Document, Event, Place

SARAVAN = Place("Saravan", "IR", "Sistan and Baluchestan", 27.37089, 62.33096, "city", 1159713)
SISTAN = Place("Sistan and Baluchestan", "IR", "Sistan and Baluchestan", 28.1292, 60.8237,
               "admin1")
IRAN = Place("Iran", "IR", None, 32.0, 53.0, "country", 130758)
BALOCHISTAN = Place("Balochistan", "PK", "Balochistan", 28.0, 66.0, "admin1")
PANJGUR = Place("Panjgur", "PK", "Balochistan", 26.96, 64.09, "city")
PAKISTAN = Place("Pakistan", "PK", None, 30.0, 70.0, "country", 1168579)
ISLAMABAD = Place("Islamabad", "PK", "Islamabad", 33.72148, 73.04329, "city", 1176615)
RAFAH = Place("Rafah", "PS", "Gaza Strip", 31.29, 34.25, "city", 281129)
KHAN_YOUNIS = Place("Khan Yunis", "PS", "Gaza Strip", 31.34, 34.31, "city", 281133)
GAZA_STRIP = Place("Gaza Strip", "PS", None, 31.45, 34.4, "region")
KIRYAT_SHMONA = Place("Kiryat Shmona", "IL", "Northern District", 33.2073, 35.5697, "city")
NORTHERN_ISRAEL = Place("Northern District", "IL", "Northern District", 32.93, 35.33, "admin1")
KYIV = Place("Kyiv", "UA", "Kyiv City", 50.45466, 30.5238, "city", 703448)
KHARKIV = Place("Kharkiv", "UA", "Kharkivs'ka Oblast'", 49.98081, 36.25272, "city", 706483)
KHARKIV_OBLAST = Place("Kharkivs'ka Oblast'", "UA", "Kharkivs'ka Oblast'", 49.5, 36.5, "admin1")
LEBANON = Place("Lebanon", "LB", None, 33.83333, 35.83333, "country")
TEHRAN = Place("Tehran", "IR", "Tehran", 35.69439, 51.42151, "city", 112931)

D = date


def ev(doc: str, type_: str, place: Place | None, day: date | None, precision: str = "day",
       actor: str | None = None, target: str | None = None, status: str = "occurred",
       fatalities: int | None = None, confidence: float = 0.8, background: bool = False,
       subtype: str | None = None, cameo: str | None = None, start: int = 0) -> Event:
    """A report as an extractor would give it; evidence names the document for traceability."""
    return Event(
        doc=doc, type=type_, subtype=subtype, cameo=cameo, date=day,
        date_precision=precision if day else "unknown", date_text=f"text of {doc}",
        status=status, place=place, actor=actor, target=target, fatalities=fatalities,
        evidence=f"{doc}: {type_} at {place.name if place else '-'}", evidence_start=start,
        evidence_end=start + 40, confidence=confidence, background=background,
    )


def seed_like_reports() -> list[Event]:
    """The Iran–Pakistan reports as five outlets gave them (places vary in precision)."""
    return [
        ev("a", "strike", BALOCHISTAN, None, actor="IR"),
        ev("a", "strike", SISTAN, None, actor="PK"),
        ev("a", "visit", ISLAMABAD, D(2024, 1, 29), "week", actor="IR", status="planned"),
        ev("b", "strike", BALOCHISTAN, D(2024, 1, 16), actor="IR", fatalities=2),
        ev("b", "strike", SARAVAN, D(2024, 1, 18), actor="PK", fatalities=9),
        ev("c", "strike", PAKISTAN, D(2024, 1, 16), actor="IR", target="PK", fatalities=2),
        ev("c", "strike", SARAVAN, D(2024, 1, 18), actor="PK", target="IR", fatalities=9),
        ev("d", "visit", ISLAMABAD, D(2024, 1, 29), actor="IR", status="planned"),
        ev("d", "strike", PAKISTAN, None, actor="IR"),
        ev("d", "strike", IRAN, None, actor="PK"),
        ev("e", "strike", BALOCHISTAN, D(2024, 1, 17), actor="IR"),
        ev("e", "strike", SISTAN, D(2024, 1, 19), actor="PK"),
        ev("e", "visit", ISLAMABAD, D(2024, 1, 29), actor="IR", status="occurred"),
    ]


def by_place(merged):
    return {m.event.place.name if m.event.place else None: m for m in merged}


# ---------------------------------------------------------------- places and dates


def test_place_relation_nesting_and_distance():
    assert place_relation(SARAVAN, SISTAN) == "nested"
    assert place_relation(SISTAN, SARAVAN) == "nested"
    assert place_relation(SISTAN, IRAN) == "nested"
    assert place_relation(SARAVAN, IRAN) == "nested"
    assert place_relation(PANJGUR, BALOCHISTAN) == "nested"
    assert place_relation(BALOCHISTAN, PAKISTAN) == "nested"
    assert place_relation(RAFAH, GAZA_STRIP) == "nested"
    assert place_relation(SARAVAN, BALOCHISTAN) is None
    assert place_relation(SISTAN, BALOCHISTAN) is None
    assert place_relation(PAKISTAN, IRAN) is None
    assert place_relation(TEHRAN, SISTAN) is None
    assert place_relation(RAFAH, KHAN_YOUNIS) is None  # two towns ~8 km apart stay apart
    district = Place("Sarāvān", "IR", "Sistan and Baluchestan", 27.5, 62.5, "admin2")
    assert place_relation(SARAVAN, district) == "nested"
    duplicate = Place("Saravan town", "IR", "Sistan and Baluchestan", 27.38, 62.34, "city")
    assert place_relation(SARAVAN, duplicate) == "near"
    base = Place("Saravan airfield", "IR", "Sistan and Baluchestan", 27.42, 62.2, "facility")
    assert place_relation(SARAVAN, base) == "near"
    assert place_relation(SARAVAN, Place("Sarāvān", "IR", None, 27.37, 62.33, "city")) == "same"
    spelled = Place("Sistan-Baluchistan province", "IR", None, 27.5, 61.0, "admin1")
    assert place_relation(SISTAN, spelled) == "same"
    assert place_relation(SARAVAN, spelled) == "nested"


def test_place_key_prefers_geonameid():
    assert place_key(SARAVAN) == "gn:1159713"
    assert place_key(BALOCHISTAN) == place_key(
        Place("Baluchistan", "PK", None, 27.0, 65.0, "admin1")
    )


def test_date_span_by_precision():
    assert date_span(D(2024, 1, 29), "week") == (D(2024, 1, 29), D(2024, 2, 4))
    assert date_span(D(2024, 2, 1), "month") == (D(2024, 2, 1), D(2024, 2, 29))
    assert date_span(D(2024, 1, 16), "day") == (D(2024, 1, 16), D(2024, 1, 16))
    assert date_span(None, "day") is None
    assert date_span(D(2024, 1, 1), "unknown") is None


# ---------------------------------------------------------------- the Iran–Pakistan reports


def test_seed_like_reports_make_three_events():
    merged = merge_events(seed_like_reports(), {})
    assert len(merged) == 3
    places = by_place(merged)
    iran_strike = places["Balochistan"]
    assert (iran_strike.event.type, iran_strike.event.actor) == ("strike", "IR")
    assert iran_strike.event.date == D(2024, 1, 16)  # two outlets against one saying the 17th
    assert iran_strike.event.fatalities == 2
    assert iran_strike.event.target == "PK"
    assert [s.doc for s in iran_strike.sources] == ["a", "b", "c", "d", "e"]

    pk_strike = places["Saravan"]  # city beats the province and the country
    assert (pk_strike.event.actor, pk_strike.event.date) == ("PK", D(2024, 1, 18))
    assert pk_strike.event.fatalities == 9
    assert pk_strike.n_sources == 5

    visit = places["Islamabad"]
    assert visit.event.status == "occurred"
    assert (visit.event.date, visit.event.date_precision) == (D(2024, 1, 29), "day")
    assert visit.n_sources == 3


def test_retaliatory_strike_two_days_later_is_another_event():
    merged = merge_events([
        ev("a", "strike", BALOCHISTAN, D(2024, 1, 16), actor="IR", target="PK"),
        ev("b", "strike", SISTAN, D(2024, 1, 18), actor="PK", target="IR"),
        ev("c", "strike", PAKISTAN, D(2024, 1, 16), actor="IR"),
        ev("c", "strike", IRAN, D(2024, 1, 18), actor="PK"),
    ], {})
    assert sorted((m.event.actor, m.event.place.name, m.n_sources) for m in merged) == [
        ("IR", "Balochistan", 2), ("PK", "Sistan and Baluchestan", 2),
    ]


def test_sources_carry_document_metadata_and_their_own_dates():
    docs = {
        "b": Document("b", "", D(2024, 1, 19), "https://b.example/x", "B title"),
        "e": Document("e", "", D(2024, 1, 29), "https://e.example/y", "E title"),
    }
    merged = merge_events([
        ev("e", "strike", BALOCHISTAN, D(2024, 1, 17), actor="IR"),
        ev("b", "strike", BALOCHISTAN, D(2024, 1, 16), actor="IR"),
        ev("z", "strike", PAKISTAN, D(2024, 1, 16), actor="IR"),
    ], docs)
    (m,) = merged
    assert [(s.doc, s.published, s.date) for s in m.sources] == [
        ("b", D(2024, 1, 19), D(2024, 1, 16)),
        ("e", D(2024, 1, 29), D(2024, 1, 17)),
        ("z", None, D(2024, 1, 16)),  # a document without metadata comes last
    ]
    assert m.sources[0].url == "https://b.example/x" and m.sources[0].title == "B title"
    assert m.sources[2].url is None


# ---------------------------------------------------------------- other conflicts


def test_rafah_strike_from_three_outlets_and_a_hezbollah_attack_are_two_events():
    reports = [
        ev("ap", "strike", RAFAH, D(2024, 2, 12), actor="IL", fatalities=67),
        ev("bbc", "strike", RAFAH, D(2024, 2, 11), actor="IL", fatalities=67),
        ev("aj", "strike", GAZA_STRIP, D(2024, 2, 12), actor="IL", target="Hamas",
           fatalities=74),
        ev("ap", "strike", KIRYAT_SHMONA, D(2024, 2, 12), actor="Hezbollah", target="IL"),
        ev("aj", "strike", NORTHERN_ISRAEL, D(2024, 2, 12), actor="Hezbollah"),
    ]
    merged = merge_events(reports, {})
    assert len(merged) == 2
    places = by_place(merged)
    rafah = places["Rafah"]
    assert rafah.n_sources == 3
    assert rafah.event.date == D(2024, 2, 12)
    assert rafah.event.fatalities == 67
    assert rafah.event.target == "Hamas"
    assert places["Kiryat Shmona"].event.actor == "Hezbollah"
    assert places["Kiryat Shmona"].n_sources == 2


def test_planned_visit_and_the_visit_are_one_occurred_event():
    planned = ev("reuters", "visit", KYIV, D(2024, 5, 13), "week", actor="US",
                 status="planned", subtype="official visit")
    happened = ev("kyiv-post", "visit", KYIV, D(2024, 5, 14), actor="US", target="UA")
    merged = merge_events([planned, happened], {})
    assert len(merged) == 1
    (m,) = merged
    assert m.event.status == "occurred"
    assert (m.event.date, m.event.date_precision) == (D(2024, 5, 14), "day")
    assert m.event.subtype == "official visit"
    assert m.n_sources == 2


def test_occurred_date_beats_the_planned_date():
    merged = merge_events([
        ev("a", "visit", KYIV, D(2024, 5, 13), actor="US", status="planned"),
        ev("b", "visit", KYIV, D(2024, 5, 13), actor="US", status="planned"),
        ev("c", "visit", KYIV, D(2024, 5, 14), actor="US", status="occurred"),
    ], {})
    (m,) = merged
    assert (m.event.status, m.event.date) == ("occurred", D(2024, 5, 14))


def test_visits_a_month_apart_stay_apart():
    merged = merge_events([
        ev("a", "visit", KYIV, D(2024, 5, 14), actor="US"),
        ev("b", "visit", KYIV, D(2024, 6, 14), actor="US"),
    ], {})
    assert len(merged) == 2


def test_two_strikes_a_week_apart_in_one_province_are_two_events():
    reports = [
        ev("a", "strike", KHARKIV, D(2024, 5, 10), actor="RU"),
        ev("b", "strike", KHARKIV_OBLAST, D(2024, 5, 10), actor="RU"),
        ev("c", "strike", KHARKIV_OBLAST, D(2024, 5, 17), actor="RU"),
        ev("d", "strike", KHARKIV, D(2024, 5, 18), actor="RU"),
    ]
    merged = merge_events(reports, {})
    assert [(m.event.date, m.event.place.name, m.n_sources) for m in merged] == [
        (D(2024, 5, 10), "Kharkiv", 2), (D(2024, 5, 17), "Kharkiv", 2),
    ]


def test_nearby_towns_struck_on_one_day_stay_apart():
    merged = merge_events([
        ev("a", "strike", RAFAH, D(2024, 2, 12), actor="IL"),
        ev("b", "strike", KHAN_YOUNIS, D(2024, 2, 12), actor="IL"),
    ], {})
    assert len(merged) == 2


def test_strike_and_attack_join_only_with_the_same_actor():
    same_actor = merge_events([
        ev("a", "attack", PANJGUR, D(2024, 1, 16), actor="IR"),
        ev("b", "strike", BALOCHISTAN, D(2024, 1, 16), actor="IR"),
        ev("c", "strike", BALOCHISTAN, D(2024, 1, 16), actor="IR"),
    ], {})
    assert [(m.event.type, m.event.place.name, m.n_sources) for m in same_actor] == [
        ("strike", "Panjgur", 3),
    ]
    no_actor = merge_events([
        ev("a", "attack", PANJGUR, D(2024, 1, 16)),
        ev("b", "strike", BALOCHISTAN, D(2024, 1, 16), actor="IR"),
    ], {})
    assert len(no_actor) == 2


def test_conflicting_actors_or_targets_never_merge():
    assert len(merge_events([
        ev("a", "strike", RAFAH, D(2024, 2, 12), actor="IL", target="Hamas"),
        ev("b", "strike", RAFAH, D(2024, 2, 12), actor="IL", target="PIJ"),
    ], {})) == 2
    assert len(merge_events([
        ev("a", "strike", RAFAH, D(2024, 2, 12), actor="IL"),
        ev("b", "strike", RAFAH, D(2024, 2, 12), actor="Hamas"),
    ], {})) == 2


def test_actor_spelling_case_does_not_split():
    merged = merge_events([
        ev("a", "attack", RAFAH, D(2024, 2, 12), actor="Hamas"),
        ev("b", "attack", RAFAH, D(2024, 2, 12), actor="HAMAS"),
        ev("c", "attack", RAFAH, D(2024, 2, 12), actor="Hamas"),
    ], {})
    assert [(m.event.actor, m.n_sources) for m in merged] == [("Hamas", 3)]


# ---------------------------------------------------------------- undated and placeless


def test_undated_report_needs_type_place_and_actor_to_agree():
    dated = ev("a", "strike", BALOCHISTAN, D(2024, 1, 16), actor="IR")
    no_actor = ev("b", "strike", BALOCHISTAN, None)
    assert len(merge_events([dated, no_actor], {})) == 2
    other_type = ev("b", "armed_clash", BALOCHISTAN, None, actor="IR")
    assert len(merge_events([dated, other_type], {})) == 2
    agreeing = ev("b", "strike", PAKISTAN, None, actor="IR")
    (m,) = merge_events([dated, agreeing], {})
    assert (m.event.date, m.event.place.name, m.n_sources) == (D(2024, 1, 16), "Balochistan", 2)


def test_undated_report_joins_one_of_two_candidate_events_whatever_the_order():
    reports = [
        ev("a", "strike", KHARKIV, D(2024, 5, 10), actor="RU"),
        ev("b", "strike", KHARKIV, D(2024, 5, 17), actor="RU"),
        ev("c", "strike", KHARKIV_OBLAST, None, actor="RU"),
    ]
    first = merge_events(reports, {})
    assert sorted(m.n_sources for m in first) == [1, 2]
    for seed in range(10):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert merge_events(shuffled, {}) == first


def test_a_vague_report_from_another_outlet_never_splits_an_event():
    """An outlet that names no actor cannot veto an undated report that agrees with the rest."""
    reports = [
        ev("a", "strike", KHARKIV, D(2024, 5, 10), actor="RU", target="UA"),
        ev("b", "strike", KHARKIV_OBLAST, None, actor="RU"),
        ev("c", "strike", KHARKIV_OBLAST, D(2024, 5, 11), actor="RU"),
        ev("a", "diplomatic", KYIV, D(2024, 5, 11), actor="PL", subtype="ambassador recall"),
        ev("b", "diplomatic", KYIV, None, actor="PL", subtype="ambassador recall"),
    ]
    vague = [
        ev("d", "strike", KHARKIV, D(2024, 5, 10), target="UA"),
        ev("d", "diplomatic", KYIV, D(2024, 5, 11), subtype="ambassador recall"),
    ]
    alone = merge_events(reports, {})
    assert sorted((m.event.type, m.n_sources) for m in alone) == [
        ("diplomatic", 2), ("strike", 3),
    ]
    together = merge_events(reports + vague, {})
    assert sorted((m.event.type, m.event.actor, m.n_sources) for m in together) == [
        ("diplomatic", "PL", 3), ("strike", "RU", 4),
    ]
    for seed in range(10):
        shuffled = reports + vague
        random.Random(seed).shuffle(shuffled)
        assert merge_events(shuffled, {}) == together


def test_vague_reports_alone_still_do_not_link():
    merged = merge_events([
        ev("a", "strike", KHARKIV, D(2024, 5, 10)),
        ev("b", "strike", KHARKIV_OBLAST, None, actor="RU"),
        ev("c", "diplomatic", None, D(2024, 5, 10), subtype="ambassador recall"),
        ev("d", "diplomatic", KYIV, D(2024, 5, 10), actor="PL", subtype="ambassador recall"),
    ], {})
    assert len(merged) == 4


def test_undated_background_reports_without_actor_merge_only_at_the_same_place():
    merged = merge_events([
        ev("b", "strike", LEBANON, None, background=True),
        ev("c", "strike", LEBANON, None, background=True),
        ev("c", "strike", GAZA_STRIP, None, background=True),
    ], {})
    assert sorted((m.event.place.name, m.n_sources) for m in merged) == [
        ("Gaza Strip", 1), ("Lebanon", 2),
    ]
    assert all(m.event.background for m in merged)


def test_background_war_and_its_undated_strikes_at_one_place_are_one_context():
    merged = merge_events([
        ev("b", "conflict", GAZA_STRIP, None, background=True),
        ev("c", "conflict", GAZA_STRIP, None, background=True),
        ev("e", "strike", GAZA_STRIP, None, actor="IL", background=True),
    ], {})
    assert [(m.event.type, m.event.actor, m.n_sources) for m in merged] == [("conflict", "IL", 3)]
    foreground = merge_events([
        ev("b", "conflict", GAZA_STRIP, None),
        ev("e", "strike", GAZA_STRIP, None, actor="IL"),
    ], {})
    assert len(foreground) == 2
    dated_strike = merge_events([
        ev("b", "conflict", GAZA_STRIP, None, background=True),
        ev("e", "strike", GAZA_STRIP, D(2024, 1, 2), actor="IL", background=True),
    ], {})
    assert len(dated_strike) == 2


def test_background_merges_only_with_background():
    merged = merge_events([
        ev("a", "strike", LEBANON, D(2024, 1, 2), actor="IL", background=True),
        ev("b", "strike", LEBANON, D(2024, 1, 2), actor="IL"),
        ev("c", "strike", LEBANON, D(2024, 1, 2), actor="IL", background=True),
    ], {})
    assert sorted((m.event.background, m.n_sources) for m in merged) == [(False, 1), (True, 2)]


def test_placeless_reports_merge_by_act_and_diplomatic_acts_stay_distinct():
    call_a = ev("a", "diplomatic", None, D(2024, 1, 19), actor="PK", target="IR",
                subtype="phone call")
    call_b = ev("b", "diplomatic", None, D(2024, 1, 19), actor="PK", subtype="phone call")
    recall = ev("b", "diplomatic", TEHRAN, D(2024, 1, 19), actor="PK", subtype="ambassador recall")
    merged = merge_events([call_a, call_b, recall], {})
    assert sorted((m.event.subtype, m.n_sources) for m in merged) == [
        ("ambassador recall", 1), ("phone call", 2),
    ]
    anonymous = ev("c", "diplomatic", TEHRAN, D(2024, 1, 19), subtype="phone call")
    assert len(merge_events([call_b, anonymous], {})) == 2


def test_diplomatic_acts_with_different_cameo_codes_stay_apart():
    merged = merge_events([
        ev("a", "diplomatic", TEHRAN, D(2024, 1, 17), actor="PK", cameo="161"),
        ev("b", "diplomatic", TEHRAN, D(2024, 1, 17), actor="PK", cameo="036"),
    ], {})
    assert len(merged) == 2


# ---------------------------------------------------------------- choices when sources differ


@pytest.mark.parametrize(
    ("reported", "expected"),
    [
        ([(9, "day"), (9, "day"), (12, "day")], 9),  # most commonly reported
        ([(5, "week"), (7, "day")], 7),  # tie: the day-dated source's count
        ([(7, "week"), (5, "day")], 5),
        ([(5, "day"), (7, "day")], 7),  # tie between day-dated sources: the largest
        ([(5, "month"), (7, "month")], 7),
        ([(None, "day"), (None, "day")], None),
    ],
)
def test_fatalities_rule(reported, expected):
    first_day = {"day": D(2024, 2, 12), "week": D(2024, 2, 12), "month": D(2024, 2, 1)}
    reports = [
        ev(f"d{i}", "strike", RAFAH, first_day[p], p, actor="IL", fatalities=n)
        for i, (n, p) in enumerate(reported)
    ]
    (m,) = merge_events(reports, {})
    assert m.event.fatalities == expected


def test_date_prefers_support_then_precision_then_earliest():
    week = ev("a", "strike", RAFAH, D(2024, 2, 12), "week", actor="IL")
    day = ev("b", "strike", RAFAH, D(2024, 2, 14), actor="IL")
    (m,) = merge_events([week, day], {})
    assert (m.event.date, m.event.date_precision) == (D(2024, 2, 14), "day")
    tie = merge_events([
        ev("a", "strike", RAFAH, D(2024, 2, 13), actor="IL"),
        ev("b", "strike", RAFAH, D(2024, 2, 12), actor="IL"),
    ], {})
    assert tie[0].event.date == D(2024, 2, 12)


def test_confidence_combines_documents_not_repeats():
    (m,) = merge_events([
        ev("a", "strike", RAFAH, D(2024, 2, 12), actor="IL", confidence=0.5),
        ev("a", "strike", RAFAH, D(2024, 2, 12), actor="IL", confidence=0.4, start=500),
        ev("b", "strike", RAFAH, D(2024, 2, 12), actor="IL", confidence=0.5),
    ], {})
    assert m.event.confidence == pytest.approx(0.75)
    assert m.n_sources == 2  # one source per document


def test_most_specific_place_wins():
    (m,) = merge_events([
        ev("a", "strike", PAKISTAN, D(2024, 1, 16), actor="IR"),
        ev("b", "strike", BALOCHISTAN, D(2024, 1, 16), actor="IR"),
        ev("c", "strike", PAKISTAN, D(2024, 1, 16), actor="IR"),
    ], {})
    assert m.event.place == BALOCHISTAN
    assert m.event.evidence.startswith("b:")  # evidence comes from a report at that place


# ---------------------------------------------------------------- determinism and ids


def mixed_reports() -> list[Event]:
    return seed_like_reports() + [
        ev("ap", "strike", RAFAH, D(2024, 2, 12), actor="IL", fatalities=67),
        ev("bbc", "strike", RAFAH, D(2024, 2, 11), actor="IL", fatalities=67),
        ev("aj", "strike", GAZA_STRIP, D(2024, 2, 12), actor="IL", fatalities=74),
        ev("ap", "strike", KIRYAT_SHMONA, D(2024, 2, 12), actor="Hezbollah"),
        ev("x", "strike", KHARKIV, D(2024, 5, 10), actor="RU"),
        ev("y", "strike", KHARKIV_OBLAST, None, actor="RU"),
        ev("y", "strike", KHARKIV, D(2024, 5, 17), actor="RU"),
        ev("b", "strike", LEBANON, None, background=True),
        ev("c", "strike", LEBANON, None, background=True),
        ev("b", "diplomatic", None, D(2024, 1, 19), actor="PK", subtype="phone call"),
        ev("c", "diplomatic", None, D(2024, 1, 19), actor="PK", subtype="phone call"),
        ev("c", "diplomatic", TEHRAN, D(2024, 1, 17), actor="PK", subtype="ambassador recall"),
        ev("d", "diplomatic", TEHRAN, D(2024, 1, 17), actor="PK", subtype="ambassador return"),
    ]


def test_output_does_not_depend_on_input_order():
    reports = mixed_reports()
    reference = merge_events(reports, {})
    for seed in range(25):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert merge_events(shuffled, {}) == reference


def test_ids_are_stable_unique_and_hash_derived():
    merged = merge_events(mixed_reports(), {})
    ids = [m.id for m in merged]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"ev-[0-9a-f]{12}(-\d+)?", i) for i in ids)
    plain = [m for m in merged if "-" not in m.id[3:]]
    assert plain and all(m.id == event_id(m.event) for m in plain)
    assert event_id(merged[0].event) == event_id(merge_events(mixed_reports(), {})[0].event)


def test_id_collisions_are_numbered_the_same_way_in_any_order():
    reports = [
        ev("c", "diplomatic", TEHRAN, D(2024, 1, 17), actor="PK", subtype="ambassador recall"),
        ev("d", "diplomatic", TEHRAN, D(2024, 1, 17), actor="PK", subtype="ambassador return"),
    ]
    forward = merge_events(reports, {})
    backward = merge_events(reports[::-1], {})
    assert forward == backward
    base = event_id(forward[0].event)
    assert sorted(m.id for m in forward) == [base, base + "-2"]


def test_results_are_sorted_by_date_with_undated_last():
    merged = merge_events(mixed_reports(), {})
    keys = [(m.event.date is None, m.event.date or D(1, 1, 1), m.id) for m in merged]
    assert keys == sorted(keys)
    assert merged[-1].event.date is None


def test_empty_input():
    assert merge_events([], {}) == []


def test_distance_is_geopys_great_circle_to_the_last_bit() -> None:
    from geopy.distance import great_circle

    from geo.merge import _km

    rng = random.Random(7)
    for _ in range(2000):
        a = Place("a", "AA", None, rng.uniform(-90, 90), rng.uniform(-180, 180), "city")
        b = Place("b", "BB", None, a.lat + rng.uniform(-1, 1) * rng.choice([1e-4, 0.1, 40]),
                  a.lon + rng.uniform(-1, 1) * rng.choice([1e-4, 0.1, 150]), "city")
        b = Place("b", "BB", None, max(-90.0, min(90.0, b.lat)),
                  max(-180.0, min(180.0, b.lon)), "city")
        assert _km(a, b) == great_circle((a.lat, a.lon), (b.lat, b.lon)).km
