"""Choose each spotted name's place and role, using the whole document as context.

Two passes: the first settles names that need no context (countries, demonyms, unique names)
and learns which countries and provinces the story is about; the second ranks every
remaining name's candidates by prior, that context, nearby places and local cues
("the Iranian city of X", "X, Y", "X province").
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from gazetteer.build import ALIAS, ALTERNATE, PRIMARY
from gazetteer.index import Candidate, Gazetteer, prior
from gazetteer.normalize import fold_name as _fold_name
from gazetteer.sources import not_places
from geo import context as ctx
from geo.boilerplate import in_ranges
from geo.models import Mention, Place
from geo.spot import Spot, in_dateline

_NEAR_CHECKED = 6
#: Names are folded again and again (a province's name for each town in it): memoised.
fold_name = lru_cache(maxsize=1 << 16)(_fold_name)
_SMALL_KINDS = {"city": 3, "facility": 3, "admin2": 2, "admin1": 1, "region": 1, "feature": 1}


@dataclass(slots=True)
class Item:
    """A spotted name on its way to a mention."""

    spot: Spot
    end: int  # the end of the span's last word
    cues: ctx.Surroundings
    candidates: list[Candidate]
    boilerplate: bool
    cue_country: str | None = None
    cue_container: list[Candidate] = field(default_factory=list)
    cue_contained: list[Candidate] = field(default_factory=list)
    chosen: Candidate | None = None
    score: float = 0.0
    support: float = 0.0
    title: bool | None = None  # in a headline in title case; worked out when first needed
    fixed: list[float] | None = None  # support from the name's own cues, per candidate
    key: tuple = ()
    local: frozenset[str] = frozenset()  # countries named close by: weighed as the story's
    own: dict[str, float] = field(default_factory=dict)  # its name's share of the countries
    cue_strict: bool = False  # the container cue names a country or a province for sure


def resolve(
    text: str,
    spots: list[Spot],
    gazetteer: Gazetteer,
    boilerplate: Sequence[tuple[int, int]],
) -> list[Mention]:
    """Spots → mentions with a place, a role and a score; spots that are not places drop."""
    rev = text[::-1]
    items: list[Item] = []
    demonym_mentions: list[Mention] = []
    for sp in spots:
        bp = in_ranges(sp.start, boilerplate)
        if sp.demonym:
            country = gazetteer.country(sp.demonym)
            if country and _is_demonym_use(text, rev, sp):
                role = "boilerplate" if bp else "demonym"
                demonym_mentions.append(Mention(sp.text, sp.start, sp.end, country, role, 0.95))
            continue
        cands = _candidates(sp, gazetteer)
        if cands:
            end = ctx.word_end(text, sp.end)
            items.append(Item(sp, end, ctx.surroundings(text, rev, sp.start, end), cands, bp))
    people = _person_words(text, rev, items) | _organisation_words(items)
    if people:
        people -= _place_words(text, items)
    items = [it for it in items if _is_place_use(text, rev, it, gazetteer, people)]
    items, states, home = _local_cues(text, items, gazetteer, boilerplate)
    named = demonym_mentions + states if states else demonym_mentions
    countries = _country_profile(items, named)
    _prune(items, countries)
    _fix_all(text, items, _nearby_countries(items, named))
    abbreviated = _abbreviated_admin1s(states, home)
    _choose_all(items, countries, abbreviated, [])
    _peer_support(text, items)
    admin1s, anchors = _first_readings(items, abbreviated)
    countries = _country_profile(items, named, resolved=True)
    _choose_all(items, countries, admin1s, anchors)
    mentions = [m for it in items
                if (m := _mention(text, it, _stranger(it, countries, gazetteer))) is not None]
    return sorted(mentions + named, key=lambda m: m.start)


_REGION_BEFORE = ctx.AFFIX_BEFORE | {"Latin", "Pan", "Sub"}


def _is_demonym_use(text: str, rev: str, sp: Spot) -> bool:
    """Not a demonym inside a compound or a name: 'Inter-American', 'Latin American',
    'Organization of American States'."""
    if text[sp.start - 1 : sp.start] in ("-", "‐"):
        return False
    cues = ctx.surroundings(text, rev, sp.start, sp.end)
    if cues.before_words and cues.before_words[-1] in _REGION_BEFORE:
        return False
    return not (cues.prev_word == "of" and cues.prev_prev_word in ctx.ORG_WORDS)


#: The provinces chosen in the first pass, and the names that stand for each.
Admin1s = dict[tuple[str | None, str], set[object]]
#: The places chosen with confidence in the first pass, and the names that stand for each.
Anchors = list[tuple[Place, set[object]]]
def _abbreviated_admin1s(states: list[Mention], home: list[Place]) -> Admin1s:
    """The provinces the press abbreviations name ("Paducah, Ky."), each standing for itself,
    and the dateline's as the story's home: its small towns are looked for there first."""
    out: Admin1s = {}
    for m in states:
        out.setdefault((m.place.country, m.place.name), set()).add(m.text)
    for p in home:
        out[(p.country, p.name)].add(HOME)
    return out


#: Stands, among a province's names, for a dateline's: "CARBONDALE, Ill. -" makes Illinois the
#: story's home, where its small towns are looked for first.
HOME = "(dateline)"
#: The town of a dateline: at a line's start (up to three words), then the abbreviation.
_DATELINE_TOWN = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][\w.'’-]*[ \t]){0,3}$")


def _first_readings(items: list[Item], admin1s: Admin1s) -> tuple[Admin1s, Anchors]:
    """What the first pass settled: the provinces chosen (added to those the abbreviations
    name), and the places chosen with confidence, each with the names that stand for it."""
    admin1s = {k: set(v) for k, v in admin1s.items()}
    by_place: dict[int, tuple[Place, set[object]]] = {}
    for it in items:
        if it.chosen is None:
            continue
        p = it.chosen.place
        if p.kind == "admin1":
            admin1s.setdefault((p.country, p.name), set()).add(_name(it))
        if _is_anchor(it):
            by_place.setdefault(id(p), (p, set()))[1].add(_name(it))
    return admin1s, list(by_place.values())


#: Candidates weighed per name: the likeliest by prior, plus any in the story's countries.
MAX_CANDIDATES = 12


def _candidates(sp: Spot, g: Gazetteer) -> list[Candidate]:
    if sp.acronym:
        return g.lookup(sp.acronym)
    assert sp.key_id is not None
    return list(g.candidates_for_key(sp.key_id))


def _prune(items: list[Item], countries: dict[str, float]) -> None:
    """Keep the candidates that can still win: the likeliest few, and those the context
    supports. Common names ("Victoria", "San Jose") have hundreds."""
    for it in items:
        if len(it.candidates) > MAX_CANDIDATES:
            head = it.candidates[:MAX_CANDIDATES]
            rest = [c for c in it.candidates[MAX_CANDIDATES:]
                    if c.place.country in countries or c.place.country == it.cue_country
                    or any(_contains(k, c) for k in it.cue_container)]
            it.candidates = head + rest


# A capitalised word that may be a title, then the capitalised words after it. The title is
# checked against the set in Python, faster than a regex alternation of a hundred titles.
_TITLE_WORD = re.compile(r"[A-Z](?<!\w.)[a-z]{1,13}(?=\.? [A-Z])")
_NAME_AFTER = re.compile(r"\.? ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)")


def _person_words(text: str, rev: str, items: list[Item]) -> set[str]:
    """Names in this story that are people's: words after a title ("Foreign Minister Jalil
    Abbas Jilani"), and small towns' names seen inside a longer name ("Pauline Cafferkey").
    Each is a person's elsewhere in the story too ("Jilani said")."""
    words: set[str] = set()
    for m in _TITLE_WORD.finditer(text):
        if m.group() in ctx.TITLES:
            name = _NAME_AFTER.match(text, m.end())
            assert name is not None
            words.update(ctx.WORD.findall(name.group(1)))
    for n, it in enumerate(items):
        c, top = it.cues, it.candidates[0]
        if (c.before_words and not c.sentence_start and top.place.kind == "city"
                and top.place.population < 1_000_000 and c.before_words[-1] not in ctx.AFFIX_AFTER
                and not ctx.AFFIX_BEFORE.issuperset(c.before_words)  # "North Norfolk"
                and not _title_line(text, rev, it)):
            words.add(it.spot.text)
        elif (c.next_word in _SPEECH and top.place.kind == "city" and not top.capital
              and top.place.population < 500_000 and c.prev_word.lower() not in ctx.LOCATIVE
              and text.startswith(" ", it.end) and not _listed_after_place(text, items, n)):
            words.add(it.spot.text)  # "Thomas said": a town that speaks is a person
    return words


#: Prepositions that make a name a place for sure, whatever else the story does with it.
_SURE_PLACE = frozenset("in at near inside outside around across throughout".split())
#: Nouns a place's name stands beside: "the Pakistani capital, Islamabad,".
_APPOSED = frozenset("capital city town village port".split())


def _place_words(text: str, items: list[Item]) -> set[str]:
    """Names the story plainly uses as places somewhere ("in Shrewsbury", "the capital,
    Islamabad,"): one occurrence inside a person's or a group's name ("the Better Shrewsbury
    Transport group") does not make every other one that name's."""
    out = set()
    for it in items:
        c = it.cues
        if c.before_words or c.after_words or text.startswith(("'", "’"), it.end):
            continue  # "in Thomas Smith's", "in Shrewsbury Town": no sure sign
        if c.prev_word in _SURE_PLACE or (text[it.spot.start - 2 : it.spot.start] == ", "
                                          and c.comma_next and c.prev_word in _APPOSED):
            out.add(it.spot.text)
    return out


#: What joins the last two names of a list: "Thane and Palghar", "Pune, Thane, and Palghar";
#: and the names before them: "in Ballina, Lismore and Kyogle".
_LIST_JOIN = re.compile(r",? (?:and|or) ")
_LIST_COMMA = re.compile(r", ")


def _listed_after_place(text: str, items: list[Item], n: int) -> bool:
    """Whether item n ends a list that a preposition opens: "officials in Thane and Palghar
    said" is the officials speaking, not a person called Palghar ("in Texas, Philmont said"
    is no list)."""
    last = True
    while n > 0:
        prev, it = items[n - 1], items[n]
        gap = (prev.spot.end, it.spot.start)
        if not (_LIST_JOIN.fullmatch(text, *gap)
                or (not last and _LIST_COMMA.fullmatch(text, *gap))):
            return False
        if prev.cues.prev_word.lower() in ctx.LOCATIVE:
            return True
        last = False
        n -= 1
    return False


#: Words after a name that make it a group's or a firm's, not a local body's ("Camborne Town
#: Council" is the town's).
_GROUP_WORDS = frozenset("""Group Army Front Movement Party Brigade Brigades Battalion Corps
Forces Force Mujahideen Liberation Organisation Organization Network Company Corp Corporation
Inc Ltd Holdings""".split())


def _organisation_words(items: list[Item]) -> set[str]:
    """Names this story also writes as a group's ("Wagner Group"): a small town's namesake is
    the group throughout ("Wagner fighters", "a Wagner camp")."""
    return {it.spot.text for it in items
            if it.cues.after_words[:1] and it.cues.after_words[0] in _GROUP_WORDS
            and max(c.place.population for c in it.candidates) < _ORG_TOWN_MAX
            and all(c.place.kind == "city" for c in it.candidates)}


#: Only a name whose every place is a town smaller than this becomes an organisation's
#: throughout: "Cornwall Council" leaves Cornwall a place, "Los Angeles Times" Los Angeles.
_ORG_TOWN_MAX = 50_000


_SPEECH = frozenset("said says told tells added explained noted wrote argued asked".split())
#: Words before a name that say it is a place even when the name is also an everyday word:
#: "in Reading", "near Mobile"; not "of Congress", "to NATO".
_PLACE_PREPOSITIONS = frozenset(
    "in at near from into inside outside across around via toward towards throughout".split())
#: A lower-case article after a name that continues it: "Ain al-Asad", "Deir el-Balah".
_ARABIC_NAME_GOES_ON = re.compile(r"[ -](?:al|el|ad|ar|as|ash|an|ibn|bin)-[A-Z]")
#: The capitalised word before "of the" in front of a name: "Committee of the Red Cross".
_OF_THE = re.compile(r"([A-Z]\w*) of the $")
#: A hyphen that joins a name to more of itself or to a number.
_HYPHENS = frozenset("-‐‑")


def _doubled(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is half of a doubled name: "Oshima-Oshima"."""
    name, n = text[start:end], end - start
    after = text[end + 1 : end + 2 + n]
    before = text[max(0, start - 2 - n) : start - 1]
    return ((after[:n] == name and not after[n:].isalpha())
            or (before[-n:] == name and not before[:-n].isalpha()))

#: Words after a name that make it a disease's: "Marburg virus", "West Nile fever".
_DISEASE = frozenset("virus viruses fever ebolavirus".split())


#: Kinds of place a name is meant as even when it is also an everyday word or starts a
#: longer capitalised name: countries, provinces, and our table's regions, seas and seats.
_WELL_KNOWN = frozenset(("country", "admin1", "region", "feature", "facility"))


def _title_line(text: str, rev: str, it: Item) -> bool:
    if it.title is None:
        it.title = ctx.is_title_case(text, rev, it.spot.start, it.end)
    return it.title


def _is_place_use(text: str, rev: str, it: Item, g: Gazetteer, people: set[str]) -> bool:
    """Drop names used inside a person's or an organisation's name, and everyday words."""
    c = it.cues
    top = it.candidates[0]  # sorted by prior
    big = top.place.kind in _WELL_KNOWN and top.quality >= 2
    if any(w in ctx.ORG_WORDS for w in c.after_words[:3]):
        return False
    if c.prev_word == "of" and c.prev_prev_word in ctx.ORG_WORDS and not big:
        return False  # "the Army of Justice", "Bank of Commerce"
    if (c.prev_word == "the" and c.prev_prev_word == "of" and top.place.kind == "city"
            and (m := _OF_THE.search(text, max(0, it.spot.start - 40), it.spot.start))
            and m.group(1) in ctx.ORG_WORDS):
        return False  # "the International Committee of the Red Cross": a town's namesake
    if (c.prev_word == "by" and c.after_words and top.place.kind == "city"
            and c.after_words[0] not in ctx.AFFIX_AFTER):
        return False  # "Writing by George Obulutsa": a writer, even in a credit's title case
    if c.before_words and not _title_line(text, rev, it):
        if any(w in ctx.TITLES for w in c.before_words):
            return False
        if not all(w in ctx.AFFIX_BEFORE for w in c.before_words):
            return False
    if c.after_words and c.after_words[0] not in ctx.AFFIX_AFTER and not _title_line(text, rev, it):
        if not big:
            return False
        if not it.spot.acronym and c.after_words[0] not in ctx.TITLES:
            return False  # "Jordan Henderson", "Georgia Tech": a name that starts with a place
    if it.spot.text in people and not big:
        return False
    key = fold_name(it.spot.text)
    if key in not_places():
        return False  # "Source: Al Jazeera", "a Commonwealth country"
    primary_country = top.place.kind == "country" and top.quality == PRIMARY
    if key in g.common and not primary_country:
        local = c.prev_word.lower() in _PLACE_PREPOSITIONS or c.comma_next
        known = (big and top.quality == PRIMARY) or top.place.population >= 100_000
        # "... for China Studies in Berlin" is no headline; "Visits Pakistan to Patch Up" is
        if c.sentence_start or (not (local and known) and _title_line(text, rev, it)):
            return False
        if not (known or local):
            return False  # "Palace" is also an other name of Saraj, in North Macedonia
    if c.next_word.lower() in _DISEASE:
        return False
    if it.spot.text in ctx.TITLES or _ARABIC_NAME_GOES_ON.match(text, it.end):
        return False  # "Gen." is a rank; "Ain al-Asad" is a longer name than "Ain"
    if (text[it.end : it.end + 1] in _HYPHENS
            or text[it.spot.start - 1 : it.spot.start] in _HYPHENS) and (
            _doubled(text, it.spot.start, it.spot.end) or text[it.end + 1 : it.end + 2].isdigit()):
        return False  # "Oshima-Oshima": a longer name we lack; "Hwasong-12": a missile
    name = it.spot.text
    if (name[:1] in "ODM" and name[1:2] in ("'", "’") and top.place.kind == "city"
            and top.place.population < 100_000 and c.prev_word.lower() not in ctx.LOCATIVE):
        return False  # O'Brien, D'Souza: a surname, not a town (L'Aquila, N'Djamena are)
    return not text.startswith((" news agency", " agency", " news service"), it.end)


#: A press abbreviation of a state or province after "X, ": "Emerson, Man.", "Cairo, Ill."
_ABBREVIATION = re.compile(r"[A-Z](?:[a-z]{1,4}\.|\.(?:[A-Z]\.){1,2}|\.[A-Z][a-z]\.)")


def _local_cues(
    text: str, items: list[Item], g: Gazetteer, boilerplate: Sequence[tuple[int, int]]
) -> tuple[list[Item], list[Mention]]:
    """'the Iranian city of X', "Pakistan's Balochistan", 'X, Y' containment, 'X, Ill.'; the
    items left once press abbreviations ('Man.') are read as cues, and the provinces those
    abbreviations name, as mentions."""
    by_start = {it.spot.start: it for it in items}
    abbreviated: set[int] = set()
    states: list[Mention] = []
    homes: set[int] = set()
    for it in items:
        if it.cues.comma_next and (m := _ABBREVIATION.match(text, it.end + 2)):
            state = g.abbreviations.get(m.group())
            if state:
                it.cue_container = [c for c in g.lookup(state[1])
                                    if c.place.kind == "admin1" and c.place.country == state[0]]
                it.cue_strict = bool(it.cue_container)
                abbreviated.add(it.end + 2)
                if it.cue_container:
                    role = "boilerplate" if in_ranges(m.start(), boilerplate) else "location"
                    states.append(Mention(m.group(), m.start(), m.end(),
                                          it.cue_container[0].place, role, 0.9))
                    if _DATELINE_TOWN.search(text, max(0, it.spot.start - 40), it.spot.start):
                        homes.add(len(states) - 1)
                continue
        dem = ctx.demonym_cue(text, it.spot.start)
        if dem:
            it.cue_country = _country_named(dem, g)
        pos = ctx.possessive_cue(text, it.spot.start)
        if pos:
            found = g.lookup(pos)
            if found and found[0].place.kind in ("country", "admin1"):
                it.cue_container = found[:3]
        if it.cues.comma_next and it.candidates[0].place.kind != "country":
            nxt = by_start.get(it.spot.end + 2)
            if nxt and not _LIST_AFTER.match(text, nxt.end):  # not "Iraq, Iran and the Gulf"
                it.cue_container = nxt.candidates
                nxt.cue_contained = it.candidates
                top = nxt.candidates[0]
                # "in Belgrade, China's Xinhua said" is no containment to be sure of
                it.cue_strict = top.quality >= ALIAS and not text.startswith(
                    ("'s", "’s"), nxt.spot.end) and (
                    top.place.kind == "country" or (top.place.kind == "admin1"
                                                    and len(nxt.candidates) == 1))
    home = [states[n].place for n in sorted(homes)][:1]
    if abbreviated:
        return [it for it in items if it.spot.start not in abbreviated], states, home
    return items, states, home


#: What follows the last-but-one name of a list: "over Iraq, Iran and the Gulf".
_LIST_AFTER = re.compile(r",? (?:and|or) |, [A-Z]")


def _country_named(word: str, g: Gazetteer) -> str | None:
    """The country a demonym, a country's name or its acronym names ("Iranian", "U.S.")."""
    if word in g.demonyms:
        return g.demonyms[word]
    found = g.lookup(word) or g.lookup(word.rstrip("."))
    if found and found[0].place.kind == "country":
        return found[0].place.country
    return None


def _country_profile(
    items: list[Item], demonyms: list[Mention], resolved: bool = False
) -> dict[str, float]:
    """How strongly the story is about each country, from 0 to 1."""
    weights: Counter[str] = Counter()
    by_name: dict[object, Counter[str]] = {}
    for m in demonyms:
        if m.place.country:
            weights[m.place.country] += 1.0
    for it in items:
        if it.boilerplate:
            continue
        if resolved and it.chosen:
            if it.chosen.place.country:
                w = 1.5 if it.chosen.place.kind == "country" else 1.0
                w *= max(0.3, it.score)
                weights[it.chosen.place.country] += w
                by_name.setdefault(_name(it), Counter())[it.chosen.place.country] += w
            continue
        top = it.candidates[0]  # sorted by prior
        if top.place.kind == "country" and top.quality >= 2 and top.place.country:
            weights[top.place.country] += 2.0
        else:
            countries = {c.place.country for c in it.candidates}
            if len(countries) == 1 and top.place.country:
                weights[top.place.country] += 0.5
    if not weights:
        return {}
    # weak evidence alone (one small town's name) does not make a country the story's
    peak = max(*weights.values(), _PROFILE_FLOOR)
    shares = {name: {cc: w / peak for cc, w in own.items()} for name, own in by_name.items()}
    for it in items:  # what the name's own first reading adds: it never supports itself
        it.own = shares.get(_name(it), _NO_SHARE)
    return {cc: w / peak for cc, w in weights.items()}


_NO_SHARE: dict[str, float] = {}
#: The weight of a country named once: below it, the story's countries are scaled down.
_PROFILE_FLOOR = 2.0


def _name(it: Item) -> object:
    """What identifies a name within a story: a name never supports its own reading."""
    return it.spot.key_id if it.spot.key_id is not None else it.spot.acronym


def _is_anchor(it: Item) -> bool:
    p = it.chosen.place if it.chosen else None
    return bool(p and p.kind in ("city", "admin1", "admin2") and it.score >= 0.6)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance. Written out because it runs per candidate pair on the hot path,
    where geopy's import (0.2 s) and per-call objects cost more than the whole document."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _near(place: Place, own: object, anchors: Anchors) -> float:
    """1 within 50 km of another place of the story (one that another name stands for),
    falling to 0 at 400 km."""
    best = 0.0
    coslat = math.cos(math.radians(place.lat))
    for a, names in anchors:
        if a is place or (own in names and len(names) == 1):
            continue
        dy, dx = a.lat - place.lat, (a.lon - place.lon) * coslat
        if abs(dy) > 4 or abs(dx) > 4:  # beyond 400 km for sure: skip the exact distance
            continue
        km = haversine_km(place.lat, place.lon, a.lat, a.lon)
        if km < 50:
            return 1.0
        if km < 400:
            best = max(best, 1.0 - km / 400)
    return best


def _contains(container: Candidate, c: Candidate) -> bool:
    cp, p = container.place, c.place
    if cp.kind == "country":
        return p.country == cp.country and p.kind != "country"
    if cp.kind in ("admin1", "admin2", "region") and p.country == cp.country:
        return p.admin1 is not None and fold_name(p.admin1) == fold_name(cp.name)
    return False


def _choose_all(
    items: list[Item], countries: dict[str, float], admin1s: Admin1s, anchors: Anchors
) -> None:
    """Choose every item's place; a name repeated with the same cues is weighed once."""
    done: dict[tuple, Item] = {}
    for it in items:
        same = done.get(it.key)
        if same is None:
            _choose(it, countries, admin1s, anchors)
            done[it.key] = it
        else:
            it.chosen, it.support, it.score = same.chosen, same.support, same.score


_DIVISION_WORDS = frozenset(("province", "state", "governorate", "region", "oblast",
                             "prefecture"))
_TOWN_WORDS = frozenset(("city", "town", "village", "community"))
_WATER_WORDS = frozenset(("Sea", "Ocean", "Gulf", "Strait", "Straits", "Bay", "Channel", "Canal",
                          "River", "Lake", "Sound"))


#: How far around a name a country named in the text counts as its local context, in
#: characters: about the sentence before, and the rest of the sentence after.
_LOCAL_BEFORE, _LOCAL_AFTER = 300, 150
#: A country named close by weighs at least this much, as if the story were mostly about
#: it; not 1.0, so a world capital (Cairo) still beats a small namesake in that country.
_LOCAL_WEIGHT = 0.6


def _nearby_countries(items: list[Item], demonyms: list[Mention]) -> list[frozenset[str]]:
    """Per item, the countries named or referred to by a demonym close to it: "27 cases in
    England" just after "the United Kingdom" is England's England, whatever the story's main
    country."""
    named = sorted(
        [(m.start, m.place.country) for m in demonyms if m.place.country]
        + [(it.spot.start, top.place.country) for it in items
           if (top := it.candidates[0]).place.kind == "country" and top.quality >= ALIAS
           and top.place.country and not it.boilerplate])
    out: list[frozenset[str]] = []
    positions = [pos for pos, _ in named]
    for it in items:
        if not named or it.candidates[0].place.kind == "country":
            out.append(frozenset())  # a country's name means the country
            continue
        lo = bisect_left(positions, it.spot.start - _LOCAL_BEFORE)
        hi = bisect_left(positions, it.end + _LOCAL_AFTER)
        out.append(frozenset(cc for pos, cc in named[lo:hi] if pos != it.spot.start))
    return out


def _fix_all(text: str, items: list[Item], nearby: list[frozenset[str]]) -> None:
    """Work out what does not change between the two passes: the key under which a repeated
    name is weighed once, and each candidate's support from the name's own cues, shared by
    every occurrence of the name (one sense per story: "the state of Victoria", then
    "travel to Victoria")."""
    shared: dict[tuple, list[float]] = {}
    cued: list[bool] = []
    spelled: set[int] | None = None  # the places whose own name the story writes
    cities: list[tuple[Item, int]] = []
    for it, local in zip(items, nearby, strict=True):
        it.local = local
        # the province's own name outranks the city's other name: it comes first
        if it.candidates[0].place.kind == "admin1" and (
                it.cues.prev_word in _CITY_PREPOSITIONS or in_dateline(text, it.spot.start)):
            if spelled is None:
                spelled = {top.idx for x in items if (top := x.candidates[0]).quality == PRIMARY}
            city = _namesake_city(it, spelled)
            if city is not None:
                cities.append((it, city))
        else:
            city = None
        suffix = ctx.singular(it.cues.next_word.lower())
        if suffix == "and" or it.cues.comma_next:
            suffix = ctx.list_kind(text, it.end) or suffix
        if suffix not in _DIVISION_WORDS and suffix not in _TOWN_WORDS:
            suffix = ctx.kind_cue(text, it.spot.start) or suffix  # "the city of Nabatieh"
        water = it.spot.text.rsplit(" ", 1)[-1] in _WATER_WORDS
        cued.append(bool(it.cue_country or it.cue_container or it.cue_contained or water
                         or suffix in _DIVISION_WORDS or suffix in _TOWN_WORDS))
        it.key = (it.spot.key_id, it.spot.acronym, it.cue_country,
                  tuple(c.idx for c in it.cue_container) if it.cue_container else (),
                  tuple(c.idx for c in it.cue_contained) if it.cue_contained else (),
                  suffix, water, len(it.candidates), local, city)
        fixed = shared.get(it.key)
        if fixed is None:
            fixed = shared[it.key] = _fixed_support(it, suffix, water)
        it.fixed = fixed
    _pool_by_name(items, cued)
    if cities:
        _prefer_namesake_cities(items, cued, cities)


#: What may separate two names of one list: "Ohio, Texas and Utah", "eight in Alberta, one in
#: New Brunswick, and one in Quebec", "Alberta's Jason Kenney and Quebec's François Legault".
_LIST_GAP = re.compile(r",\s+(?:(?:and|or)\s+)?(?:[a-z]+\s+){0,2}|\s+(?:and|or)\s+|"
                       r"['’]s\s+(?:[A-Z][\w'’.-]*\s+){1,3}?[A-Z][\w'’.-]*(?:,\s+|,?\s+(?:and|or)\s+)")


def _peer_support(text: str, items: list[Item]) -> None:
    """A name listed next to provinces or countries is likely one too (a province of the same
    country): "in Nova Scotia, Alberta and New Brunswick" are provinces."""
    for n, it in enumerate(items):
        if not any(c.place.kind in ("admin1", "country") for c in it.candidates):
            continue  # nothing a list could change
        peers = [items[k] for k in (n - 1, n + 1) if 0 <= k < len(items)]
        kinds = set()
        for peer in peers:
            a, b = (peer, it) if peer.spot.start < it.spot.start else (it, peer)
            if (b.spot.start - a.spot.end < 48 and peer.chosen
                    and peer.chosen.place.kind in ("admin1", "country")
                    and peer.score >= 0.6 and _name(peer) != _name(it)
                    and _LIST_GAP.fullmatch(text, a.spot.end, b.spot.start)):
                p = peer.chosen.place
                kinds.add((p.kind, None if p.kind == "country" else p.country))
        if not kinds or it.fixed is None:
            continue
        it.fixed = [f + 0.3 if (c.place.kind, None if c.place.kind == "country"
                                else c.place.country) in kinds else f
                    for c, f in zip(it.candidates, it.fixed, strict=True)]
        it.key = (*it.key, frozenset(kinds))


def _pool_by_name(items: list[Item], cued: list[bool]) -> None:
    """Give each plain occurrence of a name the support the name's cued occurrences have, per
    candidate, when those cues agree; an occurrence with a cue of its own keeps it ("the city
    of Belgorod", then "the Belgorod region")."""
    best: dict[object, dict[int, float]] = {}
    readings: dict[object, set[int]] = {}
    for it, has_cue in zip(items, cued, strict=True):
        if has_cue and it.fixed:
            pooled = best.setdefault(_name(it), {})
            for c, f in zip(it.candidates, it.fixed, strict=True):
                pooled[c.idx] = max(f, pooled.get(c.idx, f))
            top = max(zip(it.fixed, it.candidates, strict=True),
                      key=lambda x: (x[0], x[1].prior))[1]
            readings.setdefault(_name(it), set()).add(top.idx)
    for name, tops in readings.items():
        if len(tops) > 1:  # cues that disagree ("Kutaisi, Georgia", "the US state of Georgia")
            del best[name]
    if not best:
        return
    for it, has_cue in zip(items, cued, strict=True):
        pooled = best.get(_name(it))
        if pooled and not has_cue:
            it.fixed = [max(f, pooled.get(c.idx, f))
                        for c, f in zip(it.candidates, it.fixed or (), strict=True)]
            it.key = (*it.key, "pooled")


#: Prepositions after which a province's name that is also its big city's short name is the
#: city: "a meeting in New York", "flew to New York"; not "across New York". A dateline's
#: place is a city too: "NEW YORK (AP) —".
_CITY_PREPOSITIONS = frozenset("in at from to into via near".split())


def _namesake_city(it: Item, spelled: set[int]) -> int | None:
    """The candidate index of a big city that the name is only a short name of, when the name
    is also the primary name of the city's own province ("New York": New York City, in New
    York State), unless the story writes the city's full name elsewhere: then the short name
    is the province."""
    provinces = {(c.place.country, fold_name(c.place.name)) for c in it.candidates
                 if c.place.kind == "admin1" and c.quality == PRIMARY}
    if not provinces:
        return None
    for c in it.candidates:
        p = c.place
        if (p.kind == "city" and c.quality < PRIMARY and p.population >= _WORLD_CITY
                and p.admin1 and (p.country, fold_name(p.admin1)) in provinces
                and c.idx not in spelled):
            return c.idx
    return None


def _prefer_namesake_cities(
    items: list[Item], cued: list[bool], cities: list[tuple[Item, int]]
) -> None:
    """After a preposition, a province's name that is also its big city's short name is the
    city ("a meeting in New York"), unless the story gives the name a cue elsewhere ("New
    York state"): one sense per story."""
    senses = {_name(it) for it, has_cue in zip(items, cued, strict=True) if has_cue}
    for it, city in cities:
        if _name(it) in senses or it.fixed is None:
            continue
        # weighed as if the name were its own, and as a big city beats its province
        it.fixed = [f + prior(c.place, PRIMARY, c.capital) - c.prior + 0.15 if c.idx == city
                    else f for c, f in zip(it.candidates, it.fixed, strict=True)]


def _fixed_support(it: Item, suffix: str, water: bool) -> list[float]:
    divisions = {(c.place.country, c.place.name): c.quality for c in it.candidates
                 if c.place.kind in ("admin1", "admin2")}
    fixed = []
    for c in it.candidates:
        p = c.place
        support = 0.0
        if p.kind == "city" and (p.country, p.name) in divisions:
            # a big city is meant more often than its province (Gaza); a small town named
            # after its state less often than the state (California, Maryland)
            if p.population >= 100_000:
                support += 0.15
            elif suffix not in _TOWN_WORDS:  # unless the text says "the city of Kherson"
                support -= 0.5
            quality = divisions[(p.country, p.name)]
            if p.population >= 100_000 and p.admin1 == p.name and quality > c.quality:
                # the name fits the city as well as the province named after it: "Mecca" is
                # an other name of the city Makkah but an alias of its province
                support += prior(p, quality, c.capital) - c.prior
        if it.cue_country:
            support += 0.8 if p.country == it.cue_country else -0.6
        if it.cue_container and any(_contains(k, c) for k in it.cue_container):
            support += 0.8
        if it.cue_contained and any(_contains(c, k) for k in it.cue_contained):
            support += 0.8
        if suffix in _DIVISION_WORDS:
            support += 0.4 if p.kind in ("admin1", "admin2", "region") else -0.2
        elif suffix in _TOWN_WORDS:
            support += 0.3 if p.kind == "city" else -0.2
        if p.kind == "country" and c.quality >= ALIAS:
            support += 0.4
        if water and p.kind == "feature" and suffix not in _DIVISION_WORDS:
            support += 0.8  # "the Red Sea" is the sea, not Egypt's Red Sea governorate
        fixed.append(support)
    return fixed


def _choose(
    it: Item, countries: dict[str, float], admin1s: Admin1s, anchors: Anchors
) -> None:
    assert it.fixed is not None
    own = _name(it)
    if len(it.candidates) == 1:  # half of all names: no ranking, only a score
        c = it.candidates[0]
        support = _story_support(it, c, it.fixed[0], countries, admin1s, 1.0)
        best = c.prior + support
        if anchors and c.place.kind in _NEAR_KINDS:
            near = 0.2 * _near(c.place, own, anchors)
            best, support = best + near, support + near
        _settle(it, c, best, support, 0.0)
        return
    # (-total, smaller kinds first, index, support, candidate): sorts best first on its own
    scored: list[tuple[float, int, int, float, Candidate]] = []
    head = it.candidates[0]
    # a region's or a sea's name of our table ("the Middle East", "Asia"): a namesake town
    # is not meant for being in the story's country or near its towns
    area = head.place.kind in ("region", "feature") and head.quality == PRIMARY
    # a world city's name: a namesake needs more than sharing the story's country
    world = area or (head.place.kind == "city" and head.place.population >= _WORLD_CITY)
    scale = head.prior if world else 0.0
    for c, fixed in zip(it.candidates, it.fixed, strict=True):
        damp = min(1.0, c.prior / scale) if scale and c is not head else 1.0
        support = _story_support(it, c, fixed, countries, admin1s, damp)
        scored.append(
            (-(c.prior + support), _SMALL_KINDS.get(c.place.kind, 0), c.idx, support, c))
    if anchors and not area:  # nearness to the story's places, for the few that can still win
        scored.sort(key=lambda x: x[0])
        for n, (total, small, idx, support, c) in enumerate(scored[:_NEAR_CHECKED]):
            if c.place.kind in _NEAR_KINDS:
                near = 0.2 * _near(c.place, own, anchors)
                scored[n] = (-(-total + near), small, idx, support + near, c)
    scored.sort()
    _settle(it, scored[0][4], -scored[0][0], scored[0][3], -scored[1][0])


#: A city this big is known the world over (London, Cairo, Toronto).
_WORLD_CITY = 1_000_000
_NEAR_KINDS = frozenset(("city", "admin2", "facility"))


def _story_support(
    it: Item, c: Candidate, support: float, countries: dict[str, float], admin1s: Admin1s,
    damp: float,
) -> float:
    """A candidate's support from the story: its country (a country named close by counts
    as the story's main one), and a province another name stands for."""
    p = c.place
    if p.country:
        weight = _country_weight(it, p.country, countries)
        if p.country in it.local:
            weight = max(weight, _LOCAL_WEIGHT)
        support += 0.6 * weight * damp
        if c.capital and weight and p.kind == "city":
            support += 0.3  # the capital of a country in the story: Manila, not Manila CA
    if admin1s and p.admin1 and p.kind in ("city", "admin2"):
        names = admin1s.get((p.country, p.admin1))
        if names and (len(names) > 1 or _name(it) not in names):
            if HOME in names:
                support += 0.5
            elif p.kind == "city":  # counties of one name are in every state: only home's
                support += 0.3
    return support


def _country_weight(it: Item, cc: str, countries: dict[str, float]) -> float:
    """How much the story is about a country, without what the item's own name adds."""
    return countries.get(cc, 0.0) - it.own.get(cc, 0.0)


def _settle(it: Item, chosen: Candidate, best: float, support: float, second: float) -> None:
    """Record the choice, with a score from how strong it is and how far ahead."""
    margin = best / (best + max(second, 0.0)) if best > 0 else 0.0
    it.chosen = chosen
    it.support = support
    it.score = max(0.05, min(0.99, 0.5 * min(1.0, best) + 0.5 * margin))


#: A town smaller than this, in a country the story gives no other sign of, is doubtful.
_STRANGER_TOWN = 50_000
#: ... and farther than this from the point of every country the story is about.
_STRANGER_KM = 1500.0


def _stranger(it: Item, countries: dict[str, float], g: Gazetteer) -> bool:
    """Whether the chosen place is a small town in a country nothing else in the story points
    to, while other names point to countries far away, and with no cue of its own ("the
    village of Solhan" in a story about Burkina Faso is not the Turkish Solhan; "Kupwara" in a
    story about Pakistani shelling is India's)."""
    c = it.chosen
    if c is None or c.place.kind != "city" or c.place.population >= _STRANGER_TOWN:
        return False
    cc = c.place.country
    if not cc or cc in it.local or it.cue_country or it.cue_container or it.cue_contained:
        return False
    others = [k for k in countries if _country_weight(it, k, countries) > 0.0]
    if not others or cc in others:
        return False
    p = c.place  # far from every country the story is about: a neighbour's town may be meant
    return all((q := g.country(k)) is not None
               and haversine_km(p.lat, p.lon, q.lat, q.lon) > _STRANGER_KM for k in others)


def _mention(text: str, it: Item, stranger: bool = False) -> Mention | None:
    c = it.chosen
    if c is None or (stranger and not it.boilerplate):
        return None
    if (it.cue_strict and c.place.kind in ("city", "admin2")
            and not any(_contains(k, c) for k in it.cue_container)):
        return None  # "Emerson, Man.": not in the gazetteer, and no other Emerson will do
    p = c.place
    if p.kind in ("city", "admin2") and it.boilerplate and p.population < 100_000 and \
            it.cues.prev_word.lower() not in ctx.LOCATIVE:
        return None  # "By Paul Kirby", "Reporting by Dana Whitfield in Washington": people
    if p.kind == "city" and not it.boilerplate:
        weak = it.support < 0.15 and it.cues.prev_word.lower() not in ctx.LOCATIVE
        if weak and (p.population < 5000 or c.quality == ALTERNATE):
            return None
        if it.support <= 0.0 and p.population < 1000:
            return None
    role = "location"
    if it.boilerplate:
        role = "boilerplate"
    elif c.capital and p.kind in ("city", "facility") and ctx.metonymic(
        text, it.spot.start, it.spot.end
    ):
        role = "metonym"
    return Mention(it.spot.text, it.spot.start, it.spot.end, p, role, it.score)
