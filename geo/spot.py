"""Candidate place mentions: the fast scan of a text against the gazetteer's names.

Only capitalised words can start a place name, so the scan walks the capitalised tokens and
extends each while the trie still has keys with that prefix. Acronyms (US, U.K., DRC) and
demonyms (Iranian) are found by exact, case-sensitive look-up.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from gazetteer.index import Gazetteer
from gazetteer.normalize import fold
from geo.context import GAP_WORD, WORD

# "U.S.", "U.S.A", "DRC": the first capital, then the look-behind, so re can skip ahead.
_ACRONYM = re.compile(r"[A-Z](?<![\w.].)(?:\.(?:[A-Z]\.)+(?:[A-Z](?![\w.]))?|[A-Z]{1,4}(?!\w))")
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


def _uppercase_class() -> str:
    """Every uppercase letter of the Basic Multilingual Plane, as the body of a regex class:
    `re` has no \\p{Lu}, and a class lets the C engine find capitalised words."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        c = chr(code)
        if c.isupper() and c.isalnum():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b)))
                   for a, b in ranges)


UPPER = _uppercase_class()
#: A word that starts with a capital letter. The class comes first and the look-behind after
#: it, so that `re` can skip ahead to the next capital instead of trying every position.
CAPITALISED = re.compile(rf"[{UPPER}](?<![^\W_].)[^\W_]*")
#: A short lower-case word before a capitalised one; `_starts` keeps the `_PARTICLES`.
_PARTICLE = re.compile(rf"[adelv](?<![^\W_].)[a-z]{{1,2}}(?=(?:[ \-‐‑–'’]|\. )[{UPPER}])")


def spot(text: str, gazetteer: Gazetteer) -> list[Spot]:
    """Every candidate mention, longest first where they overlap, in text order."""
    folded = fold(text)
    found: list[Spot] = []
    starts = _starts(text, gazetteer.acronyms)
    found.extend(_names(text, folded, starts, gazetteer))
    found.extend(_acronyms(text, gazetteer))
    found.extend(_demonyms(text, starts, gazetteer))
    return _longest_non_overlapping(found)


def _starts(text: str, acronyms: Container[str] = ()) -> list[tuple[int, int]]:
    """The words that may start a place name: capitalised ones, and particles before one.
    A short word in capitals is an acronym's, unless it opens a dateline ("PARIS (AP) —")."""
    out = [m.span() for m in CAPITALISED.finditer(text)
           if (w := m.group()) not in _NEVER_START
           and (len(w) > 5 or not w.isupper() or text.startswith(("'", "’"), m.end())
                or (w not in acronyms and len(w) > 2 and in_dateline(text, m.start())))]
    particles = [m.span() for m in _PARTICLE.finditer(text) if m.group() in _PARTICLES]
    return sorted(out + particles) if particles else out


#: The place of a dateline: words in capitals opening a line, then a comma, an agency in
#: brackets, a dash or a second city ("NEW YORK (AP) —", "CAIRO, Jan 5", "GAZA/CAIRO").
_DATELINE_HEAD = re.compile(r"[ \t]*[A-Z][A-Z.'’/-]*(?: [A-Z][A-Z.'’/-]*){0,3}(?=,| \(| [—–-])")


def in_dateline(text: str, start: int) -> bool:
    """Whether the word at `start` is part of the place of a dateline ("NEW YORK (AP) —")."""
    line = text.rfind("\n", 0, start) + 1
    head = _DATELINE_HEAD.match(text, line)
    return head is not None and start < head.end()


def _names(
    text: str, folded: str, starts: list[tuple[int, int]], g: Gazetteer
) -> list[Spot]:
    out: list[Spot] = []
    probe = g.probe
    keys = [folded[s:e] for s, e in starts]
    for (start, end), key, (key_id, more) in zip(starts, keys, map(probe, keys), strict=True):
        if key_id is None and not more and not key.endswith("ah"):
            continue  # most capitalised words: no place, and no longer name starts here
        if key_id is None and key.endswith("ah") and len(key) > 5:
            key_id = probe(key[:-1])[0]  # Arabic names: "Hodeidah" is "Hodeida"
        best = (end, key_id) if key_id is not None and key not in _NEVER_ALONE else None
        n = 1
        while more and n < MAX_TOKENS:  # the name may go on: "Sistan and Baluchestan"
            m = GAP_WORD.match(text, end)
            assert m is not None
            gap, word = m.groups()
            if not word or (gap != " " and not _JOIN.fullmatch(gap)
                            and gap not in ("  ", " & ")):
                break
            last, end = m.start(2), m.end()
            key = " ".join(folded[start:end].split())
            key_id, more = probe(key)
            if key_id is None and key.endswith("ah") and len(key) > 5:
                key_id = probe(key[:-1])[0]
            if key_id is not None and _cased(text, last, end) and key not in _NEVER_ALONE:
                best = (end, key_id)
            n += 1
        if best:
            out.append(Spot(start, best[0], text[start : best[0]], key_id=best[1]))
    return out


def _cased(text: str, start: int, end: int) -> bool:
    """A multi-word name must have its last word capitalised too ("New year" is not New
    Year), unless it is a particle or a number."""
    first = text[start]
    return first.isupper() or text[start:end] in _PARTICLES or first.isdigit()


def _acronyms(text: str, g: Gazetteer) -> list[Spot]:
    out = []
    for m in _ACRONYM.finditer(text):
        word = m.group()
        if text.startswith("$", m.end()):
            continue  # "US$460 million", "HK$": a currency
        if word in g.acronyms:
            out.append(Spot(m.start(), m.end(), word, acronym=word))
        elif word.endswith(".") and word[:-1] in g.acronyms:
            out.append(Spot(m.start(), m.end() - 1, word[:-1], acronym=word[:-1]))
    return out


def _demonyms(text: str, starts: list[tuple[int, int]], g: Gazetteer) -> list[Spot]:
    out = []
    demonyms = g.demonyms
    heads = g.demonym_heads
    for s, e in starts:
        word = text[s:e]
        if word in heads and text[e : e + 1] == " " and text[e + 1 : e + 2].isalnum():
            nxt = WORD.match(text, e + 1)
            assert nxt is not None
            two = text[s : nxt.end()]
            if two in demonyms:  # "South Korean"
                out.append(Spot(s, nxt.end(), two, demonym=demonyms[two]))
                continue
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
