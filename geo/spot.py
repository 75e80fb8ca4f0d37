"""Candidate place mentions: the fast scan of a text against the gazetteer's names.

Only capitalised words can start a place name, so the scan walks the capitalised tokens and
extends each while the trie still has keys with that prefix. Acronyms (US, U.K., DRC) and
demonyms (Iranian) are found by exact, case-sensitive look-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer.index import Gazetteer
from gazetteer.normalize import fold

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_ACRONYM = re.compile(r"(?<![\w.])(?:(?:[A-Z]\.){2,}(?:[A-Z](?![\w.]))?|[A-Z]{2,5}(?![\w]))")
# What may stand between two words of one name: a space, a hyphen, an apostrophe, "St. X".
_JOIN = re.compile(r"[ \-‐‑–'’]|\. ")
# Lower-case particles that may start a name ("al-Mayadin", "de la Paz", "'s-Hertogenbosch").
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "an", "de", "la", "le",
                        "da", "di", "du", "van", "von", "del", "des", "los", "las"})
# Capitalised words that never start a place name on their own.
_NEVER_START = frozenset({
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "Of", "And", "But", "Or",
    "If", "As", "It", "He", "She", "We", "They", "I", "This", "That", "These", "Those",
    "Mr", "Mrs", "Ms", "Dr", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
})
# Words that are a place only as part of a longer name ("North Korea", not "North").
_NEVER_ALONE = frozenset({
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "upper", "lower", "greater", "new", "old", "saint", "san", "santa", "st",
})
MAX_TOKENS = 6


@dataclass(frozen=True, slots=True)
class Spot:
    """A span that matches a gazetteer key, an acronym or a demonym."""

    start: int
    end: int
    text: str
    key_id: int | None = None
    acronym: str | None = None
    demonym: str | None = None  # ISO alpha-2 of the demonym's country


def tokens(text: str) -> list[tuple[int, int]]:
    """Word tokens of `text` as (start, end) offsets."""
    return [m.span() for m in _TOKEN.finditer(text)]


def spot(text: str, gazetteer: Gazetteer, toks: list[tuple[int, int]] | None = None) -> list[Spot]:
    """Every candidate mention, longest first where they overlap, in text order."""
    toks = tokens(text) if toks is None else toks
    folded = fold(text)
    found: list[Spot] = []
    starts = _starts(text, toks)
    found.extend(_names(text, folded, toks, starts, gazetteer))
    found.extend(_acronyms(text, gazetteer))
    found.extend(_demonyms(text, toks, starts, gazetteer))
    return _longest_non_overlapping(found)


def _starts(text: str, toks: list[tuple[int, int]]) -> list[int]:
    """Indices of the tokens that may start a place name."""
    out = []
    n = len(toks)
    for i, (s, e) in enumerate(toks):
        first = text[s]
        if first.isupper():
            word = text[s:e]
            if word not in _NEVER_START and (len(word) > 5 or not word.isupper()):
                out.append(i)
        elif e - s <= 3 and i + 1 < n and text[s:e] in _PARTICLES:
            ns = toks[i + 1][0]
            if text[ns].isupper() and _JOIN.fullmatch(text[e:ns]) is not None:
                out.append(i)
    return out


def _names(
    text: str, folded: str, toks: list[tuple[int, int]], starts: list[int], g: Gazetteer
) -> list[Spot]:
    out: list[Spot] = []
    n = len(toks)
    for i in starts:
        start = toks[i][0]
        best: tuple[int, int] | None = None
        for j in range(i, min(n, i + MAX_TOKENS)):
            if j > i:
                gap = text[toks[j - 1][1] : toks[j][0]]
                if gap != " " and not _JOIN.fullmatch(gap) and gap not in ("  ", " & "):
                    break
            key = " ".join(folded[start : toks[j][1]].split())
            key_id, more = g.probe(key)
            if key_id is None and key.endswith("ah") and len(key) > 5:
                key_id = g.probe(key[:-1])[0]  # Arabic names: "Hodeidah" is "Hodeida"
            if key_id is not None and _cased(text, toks, i, j) and key not in _NEVER_ALONE:
                best = (toks[j][1], key_id)
            if not more:
                break
        if best:
            out.append(Spot(start, best[0], text[start : best[0]], key_id=best[1]))
    return out


def _cased(text: str, toks: list[tuple[int, int]], i: int, j: int) -> bool:
    """A multi-word name must have its last word capitalised too ("Gaza Strip", not "Gaza
    strip" is fine either way, but "New year" is not New Year)."""
    if i == j:
        return True
    last = text[toks[j][0]]
    return last.isupper() or text[toks[j][0] : toks[j][1]] in _PARTICLES or last.isdigit()


def _acronyms(text: str, g: Gazetteer) -> list[Spot]:
    out = []
    for m in _ACRONYM.finditer(text):
        word = m.group()
        if word in g.acronyms:
            out.append(Spot(m.start(), m.end(), word, acronym=word))
        elif word.endswith(".") and word[:-1] in g.acronyms:
            out.append(Spot(m.start(), m.end() - 1, word[:-1], acronym=word[:-1]))
    return out


def _demonyms(
    text: str, toks: list[tuple[int, int]], starts: list[int], g: Gazetteer
) -> list[Spot]:
    out = []
    demonyms = g.demonyms
    for i in starts:
        s, e = toks[i]
        if i + 1 < len(toks) and text[e : toks[i + 1][0]] == " ":
            two = text[s : toks[i + 1][1]]
            if two in demonyms:  # "South Korean"
                out.append(Spot(s, toks[i + 1][1], two, demonym=demonyms[two]))
                continue
        word = text[s:e]
        if word in demonyms:
            out.append(Spot(s, e, word, demonym=demonyms[word]))
    return out


def _longest_non_overlapping(spots: list[Spot]) -> list[Spot]:
    chosen: list[Spot] = []
    if not spots:
        return chosen
    taken = bytearray(max(sp.end for sp in spots))
    for sp in sorted(spots, key=lambda s: (-(s.end - s.start), s.start, s.demonym is None)):
        if taken.find(1, sp.start, sp.end) < 0:
            chosen.append(sp)
            taken[sp.start : sp.end] = b"\x01" * (sp.end - sp.start)
    return sorted(chosen, key=lambda s: s.start)
