"""Sentence boundaries with offsets: the unit an event and its evidence are read from."""

from __future__ import annotations

import re

# A boundary is a run of line breaks, or the gap after . ! ? (closing quotes and brackets,
# then space) before a capital or a digit. Each match starts at the mark itself, so that the
# regex engine can skip ahead to the next . ! ? or newline instead of trying every position.
_BOUNDARY = re.compile(
    r"[.!?\n](?:(?<=\n)\n*|(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9]))")
_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st gen lt col sgt capt "
    "maj adm gov sen rep rev prof no vs etc inc ltd co corp jr sr mt ft approx est dept".split()
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        at, end = m.span()
        if text[at] != "\n":
            at += 1  # the gap after the mark
        gap = text[at:end]
        if gap.strip(" \"”’)]") == "" and not _ends_sentence(text, at):
            continue
        closing = len(gap) - len(gap.lstrip("\"”’)]"))
        _add(text, start, at + closing, spans)
        start = end
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
    piece = text[start:end]
    first, last = start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())
    if last > first:
        spans.append((first, last))
