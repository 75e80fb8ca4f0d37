"""The trigger table's fast path: lower-cased text, case-sensitive patterns, same matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.events import _trigger_hits
from geo.triggers import TRIGGERS, foldable

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

TEXTS = [
    "IRAN STRUCK Targets in Pakistan; AIRSTRIKES and Drone Attacks followed.",
    "Pakistan Recalled Its Ambassador and expelled diplomats. Talks resumed.",
    "The envoy’s return — “a summit” — came after Clashes near the border.",
    "Protesters RALLIED in Istanbul; İstanbul police said the Attack was foiled.",
    "The \u212aurdish fighters were shelling positions; a ſtrike was reported.",
    "Café owners fled the War; the offensive and the Bombardment went on.",
]


def _naive(text: str) -> list[tuple[str, int, int]]:
    low = text.lower()
    hits = [(t.subtype, m.start(), m.end()) for t in TRIGGERS
            if any(k in low for k in t.keywords) for m in t.pattern.finditer(text)]
    return sorted(hits, key=lambda h: h[1])


def _fast(text: str) -> list[tuple[str, int, int]]:
    return [(t.subtype, a, b) for t, a, b in _trigger_hits(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_hits_equal_the_ignorecase_scan(text: str) -> None:
    assert _fast(text) == _naive(text)
    assert _fast(text)


def test_hits_equal_the_ignorecase_scan_on_the_seed_articles() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _fast(text) == _naive(text), path.name


def test_text_that_lower_does_not_fold_like_ignorecase_takes_the_slow_path() -> None:
    for text in ("a \u212aurd", "a ſtrike", "İstanbul", "ı"):
        assert not foldable(text, text.lower())
    assert foldable("Café “quoted” — Kyiv", "Café “quoted” — Kyiv".lower())
    text = "They struck, then a ſtrike"  # IGNORECASE matches the long s as an s
    assert _fast(text) == _naive(text) == [("strike", 5, 11), ("strike", 20, 26)]


PHRASES = [
    "Pakistan cut diplomatic ties", "Iran severed relations", "they sever all ties",
    "Quito downgraded ties", "Delhi suspended trade relations", "Lima broke off relations",
    "a phone call with", "a telephone conversation", "they spoke by phone",
    "the call between the ministers", "he phoned Erdogan", "she telephoned him",
    "he visited Kabul", "a trip to Tehran", "arrived in Islamabad", "landed in Doha",
    "travelled to Ankara", "a tour of the border", "he toured of the camps",
    "air strikes hit", "war broke out", "the fighting", "rallies in Quetta",
    "Caracas is breaking diplomatic ties", "relations were broken off", "a suspension of ties",
    "Bamako cuts relations", "declared the attache persona non grata",
    "she will travel on Monday to Oslo", "Rome will host the talks",
    "rockets were fired", "a barrage of mortars", "a truck bomb went off",
    "troops stormed the embassy", "police forced their way into the consulate",
    "water cannon", "rebels captured Goma", "militias seized the town",
    "the army took control of the port", "insurgents overran the base",
    "crowds marched from the station", "marched around the square", "a candlelight vigil",
    "residents gathered outside the town hall to demand his resignation",
]


@pytest.mark.parametrize("phrase", PHRASES)
def test_keywords_are_found_wherever_their_pattern_matches(phrase: str) -> None:
    matched = [t for t in TRIGGERS if t.pattern.search(phrase)]
    assert matched
    for t in matched:
        assert any(k in phrase.lower() for k in t.keywords), (t.subtype, phrase)


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("Managua said it was breaking diplomatic ties with Quito", "diplomatic"),
        ("the foreign ministry declared the envoy persona non grata", "diplomatic"),
        ("He will travel on Friday to Vienna for the talks", "visit"),
        ("The chancellor will host him in Berlin", "visit"),
        ("a barrage of rockets fired from the north hit the town", "strike"),
        ("a car bomb exploded near the market", "attack"),
        ("special forces stormed the embassy compound", "attack"),
        ("coast guard vessels fired water cannon at the boat", "attack"),
        ("the rebels said they had taken control of the provincial capital", "armed_clash"),
        ("thousands marched from the university to parliament", "protest"),
        ("students held a vigil for the victims", "protest"),
        ("200 people gathered in the square on Friday to call for new elections", "protest"),
    ],
)
def test_new_ways_of_reporting_an_event_are_triggers(phrase: str, kind: str) -> None:
    assert kind in {t.type for t, _, _ in _trigger_hits(phrase)}


@pytest.mark.parametrize(
    "phrase",
    ["the host of problems", "she travelled widely in her youth", "people gathered round",
     "police seized on the remark", "a broken promise on trade"],
)
def test_near_misses_are_no_triggers(phrase: str) -> None:
    assert _trigger_hits(phrase) == []
