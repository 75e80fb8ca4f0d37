"""Sentence boundaries with offsets: the unit an event and its evidence are read from."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st gen lt col sgt capt "
    "maj adm gov sen rep rev prof no vs etc inc ltd co corp jr sr mt ft approx est dept".split()
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().strip(" \"”’)]") == "" and not _ends_sentence(text, m.start()):
            continue
        closing = len(m.group()) - len(m.group().lstrip("\"”’)]"))
        _add(text, start, m.start() + closing, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _ends_sentence(text: str, dot: int) -> bool:
    """Whether the period before `dot` ends a sentence rather than an abbreviation."""
    stop = dot
    while stop > 0 and text[stop - 1] in "\"”’)]":
        stop -= 1
    if stop == 0 or text[stop - 1] != ".":
        return True
    word_start = stop - 1
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start : stop - 1]
    if word.lower() in _ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isupper()) and "." not in word


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
