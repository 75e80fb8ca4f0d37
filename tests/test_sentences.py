"""Sentence spans: the fast boundary scan gives the spans of the plain one, on any text."""

from __future__ import annotations

import random
import re
from pathlib import Path

from geo.sentences import _ends_sentence, sentences

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
_PLAIN = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")


def _plain_sentences(text: str) -> list[tuple[int, int]]:
    """The splitter as first written: a boundary regex tried at every position."""
    spans, start = [], 0

    def add(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))

    for m in _PLAIN.finditer(text):
        if m.group().strip(" \"”’)]") == "" and not _ends_sentence(text, m.start()):
            continue
        add(start, m.start() + len(m.group()) - len(m.group().lstrip("\"”’)]")))
        start = m.end()
    add(start, len(text))
    return spans


def test_spans_of_a_short_story() -> None:
    text = 'He said: "Go." Then Mr. Khan left.\n\nIran struck at 3 a.m. Jan. 16 (local time).'
    assert [text[a:b] for a, b in sentences(text)] == [
        'He said: "Go."', "Then Mr. Khan left.", "Iran struck at 3 a.m. Jan. 16 (local time).",
    ]


def test_same_spans_as_the_plain_scan_on_random_punctuation() -> None:
    rng = random.Random(3)
    alphabet = list('.!?\n "”’)]“‘([\tAa1') + ["Mr", "U.S", "Jan"]
    for _ in range(30_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert sentences(text) == _plain_sentences(text), repr(text)


def test_same_spans_as_the_plain_scan_on_the_seed_articles() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert sentences(text) == _plain_sentences(text), path.name
