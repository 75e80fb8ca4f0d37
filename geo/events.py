"""Event mentions → typed events with place, date, actors, fatalities and evidence.

Per sentence: find the trigger words (geo.triggers), drop negated and hypothetical ones, then
tie each to the place, date, actor and target its clause names. Reports of one event within a
document are then consolidated, so each document lists each event once with the most that it
says about it (the Saravan strike named in one sentence and its death toll in another).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import ahocorasick

from geo import parties
from geo.boilerplate import boilerplate_ranges, in_ranges
from geo.dates import find_dates, resolve_relative
from geo.fatalities import NUMBER_WORDS, death_toll
from geo.models import Document, Event, Mention, Place, TimeExpression
from geo.sentences import sentences
from geo.triggers import (
    ACCIDENT,
    HABITUAL,
    NOT_AN_EVENT,
    PLANNED,
    RECORD,
    TRIGGERS,
    WEAPONS,
    Trigger,
    foldable,
)

_SPECIFICITY = {"facility": 3.2, "city": 3.0, "admin2": 2.5, "feature": 1.8, "admin1": 2.0,
                "region": 1.5, "country": 1.0}
_CLAUSE = re.compile(
    r";\s|,\s(?:and|but|while|whereas|preventing|indicating|which|who|after|especially|since|"
    r"when|as|because|although|though|before|responsible)\b|"
    r"\s(?:and (?:mentioned|said|added|noted|announced|confirmed) that|while|whereas|"
    r"in response to|in retaliation for)\s|\sand\s(?=(?:is|are|was|were|has|have|had|also)\s)|"
    r",?\s(?=(?:came|come|comes) (?:\w+ ){0,2}?(?:as|amid|after)\b)"
)
_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[,;]\s+|\b(?:later|then|and)\s+)(?:it|they)\s+(?:\w+\s+){0,3}$", re.I)
# A state named as the party hit rather than the place: "US forces", "Israeli troops".
_FORCES_AFTER = re.compile(
    r"^[^\w,;]{0,2}(?:\w+\s+)?(?:forces|troops|soldiers|military|army|navy|bases?|ships?|vessels?|"
    r"warships?|embassy|embassies|officials|personnel|interests|targets|diplomats|citizens)\b|"
    # "fighters of Russia's Wagner Group": the party's forces, not where they fought
    r"^[-‐‑](?:flagged|owned|registered|operated|linked)\b|"
    r"^['’]s\s+(?:[\w-]+\s+){0,2}(?:group|mercenar(?:y|ies)|militias?|fighters|contractors)\b",
    re.I)
_PARTY_BEFORE = re.compile(
    r"\b(?:ties|relations|links|solidarity|borders?|frontier)\s+(?:to|with)\s+(?:the\s+)?$|"
    # "a resident of the Hebron area", "a bomber flying over Kursk": not where it happened
    r"\b(?:residents?|natives?|citizens?)\s+of\s+(?:the\s+)?$|"
    r"\b(?:launched|fired)\s+from\s+(?:the\s+)?$|\bflying\s+over\s+(?:[\w'’-]+\s+)?$|"
    # "told the Knesset", "a speech to parliament": where words were said, not where it happened
    r"\b(?:told|addressed|briefed|speech\s+(?:to|in|at|before))\s+(?:the\s+)?$|"
    # "told reporters at the Pentagon", "a news conference in Tehran": where it was told
    r"\b(?:told|telling|briefed|briefing)\s+(?:reporters|journalists|the\s+press|the\s+media)\s+"
    r"(?:at|in)\s+(?:the\s+)?$|\b(?:news|press)\s+(?:conference|briefing)\s+(?:at|in)\s+"
    r"(?:the\s+)?$|"
    # "tension over Taiwan", "a row with Algeria": what the parties are at odds about
    r"\b(?:tensions?|disputes?|rows?|stand-?offs?|rifts?|spats?|feuds?)\s+(?:\w+\s+)?"
    r"(?:over|with)\s+(?:the\s+)?$", re.I)
# "flown from a base in Texas", "took off from Incirlik": where the aircraft came from
_ORIGIN_BEFORE = re.compile(
    r"\b(?:flown|flew|flying|took\s+off|taking\s+off|departed|departing|sent|dispatched|"
    r"launched|fired)\s+from\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?(?:in\s+|near\s+)?(?:the\s+)?$",
    re.I)
_NO_PLACE_SUBTYPES = frozenset({"phone call"})
# "ISLAMABAD, Jan 18 (Reuters) -": where the story was filed, not where anything happened.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’ /-]{2,40}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s*\([^)\n]{1,30}\))?\s*[-—–]",
    re.MULTILINE,
)
_RIGHT_AFTER = re.compile(r"^\s+(?:\w+\s+)?(?:in|on|across|over|into|throughout)\s+(?:the\s+)?$")
_VIOLENT = frozenset({"strike", "attack", "armed_clash", "conflict"})
#: attacks that stay attacks when a state's forces carry them out (no military strike)
_STAYS_ATTACK = frozenset({"embassy raid", "water cannon", "abduction", "hijacking"})
#: The subject of 'struck' that makes it a group's attack: "A suicide bomber struck".
_ATTACKER_BEFORE = re.compile(
    r"\b(?:suicide\s+|car\s+|lone\s+)?(bombers?|attackers?|gunm[ae]n|assailants?)\s+"
    r"(?:(?:has|have|had|also|then)\s+)?$", re.I)


@dataclass(slots=True)
class _Report:
    """An event as one sentence reports it, before consolidation."""

    trigger: Trigger
    start: int
    end: int
    sentence: tuple[int, int]
    type: str
    subtype: str
    cameo: str | None
    place: Mention | None
    when: TimeExpression | None
    status: str
    actor: str | None
    target: str | None
    fatalities: int | None
    confidence: float
    background: bool = False
    #: the date is the one a statement was made on ("officials said on Monday"): the event's
    #: day is no later, and a date the text gives the event itself is better
    said: bool = False
    #: told as another incident than those before ("In a separate incident on Monday")
    distinct: bool = False
    #: the states the weapons were fired from ("missiles fired from Iran, Iraq and Yemen")
    origins: frozenset[str] = frozenset()


def extract_events(doc: Document, mentions: Sequence[Mention]) -> list[Event]:
    """Every event the document reports, each once, in text order."""
    text = doc.text
    hits = _trigger_hits(text)
    if not hits:
        return []  # no sentence to read: about half of all news articles
    boiler = boilerplate_ranges(text)
    datelines = [m.span() for m in _DATELINE.finditer(text)]
    places = [m for m in mentions
              if m.role != "boilerplate" and not any(a <= m.start < b for a, b in datelines)]
    main = _main_countries(places)
    people = parties.people(text, places) if any(t.type == "visit" for t, _, _ in hits) else []
    reports: list[_Report] = []
    starts = [a for _, a, _ in hits]
    spans = sentences(text)
    claims = "responsibility" in text
    scenes: dict[int, tuple[set[str], list[TimeExpression], list[_Report]]] = {}
    lede: _Report | None = None
    opening = _opening_end(text, spans)
    story: set[str] = set()  # the states party to the headline's and the lede's events
    for n, (s, e) in enumerate(spans):
        lo, hi = bisect_left(starts, s), bisect_left(starts, e)
        if claims and reports and "responsibility" in text[s:e] and not in_ranges(s, boiler):
            _claimed(text, spans, n, places, reports, hi > lo)
        if lo == hi or in_ranges(s, boiler):
            continue
        triggers = _triggers(text, s, e, hits[lo:hi])
        if not triggers:
            continue
        in_sentence = [m for m in places if s <= m.start < e]
        sentence_dates = _dates_in(text, s, e, doc.published)
        scene = scenes.get(n - 1)
        told_here = len(reports)
        for trig, ts, te in triggers:
            report = _report(text, doc.published, (s, e), trig, ts, te, in_sentence,
                             sentence_dates, reports, people)
            if report is None:
                continue
            if report.actor == parties.UNSAID:
                _guest_of(report, main)
            if report.when is None and n + 1 < len(spans):
                _told_next(text, report, spans[n + 1], doc.published, places)
            if report.when is None and scene is not None:
                report.when = _scene_date(text, report, scene, spans[n - 1][1], s,
                                          doc.published)
            for one in [report, *_listed(text, report, in_sentence)]:
                earlier_time = bool(_EARLIER_TIME.search(text, max(s, ts - 25), ts))
                if one.type in _VIOLENT and one.actor is None:
                    one.origins = frozenset(parties.launch_origins(text, in_sentence))
                if s < opening and _opens_story(one, earlier_time, doc.published):
                    # "a rocket fired from Lebanon": a side of the event, if not its actor
                    story |= _sides(one) | parties.launch_origins(text, in_sentence)
                    one.background = False
                else:
                    one.background = earlier_time or (
                        _is_background(one, main) and not _joins_story(text, one, story))
                if lede is None and n <= 3:
                    lede = one if _is_lede(one, doc.published) else None
                elif lede is not None and not sentence_dates and _of_the_lede(
                        text, s, e, one, lede):
                    one.when = lede.when  # "Demonstrators also marched in Mombasa": that day
                reports.append(one)
        scenes[n] = ({t.type for t, _, _ in triggers}, sentence_dates, reports[told_here:])
    _dateline_day(text, datelines, mentions, doc.published, reports)
    events = [_with_actor_place(_with_target_place(r, places), places)
              for r in _consolidate(reports)]
    return [_to_event(doc, r, text) for r in events]


def _dateline_day(
    text: str, datelines: list[tuple[int, int]], mentions: Sequence[Mention],
    published: date | None, reports: list[_Report],
) -> None:
    """An undated protest in the city the story was filed from ('NAIROBI, Oct 31 -'),
    told with no other time, happened on the dateline's day."""
    for a, b in datelines[:1]:
        head = re.split(r"[,(/]", text[a:b], maxsplit=1)[0].strip().lower()
        cities = {m.place for m in mentions if m.place.kind == "city"
                  and (a <= m.start < b or m.text.lower() == head)}
        days = [d for d in _dates_in(text, a, b, published)
                if d.date and d.precision == "day" and d.relative_days is None]
        if not cities or len(days) != 1:
            return
        for r in reports:
            s, e = r.sentence
            if r.type == "protest" and r.when is None and r.status == "occurred" \
                    and not r.background and r.place is not None and r.place.place in cities \
                    and not _OTHER_TIME.search(text, s, e):
                r.when = days[0]


def _is_lede(r: _Report, published: date | None) -> bool:
    """Whether a report of the story's opening tells its main event, of a known day: a
    strike, attack, clash or protest that happened, placed and dated to the day."""
    when = r.when
    return bool(when and when.date and when.precision == "day" and when.relative_days is None
                and not r.background and r.status == "occurred" and r.place is not None
                and r.type in _VIOLENT - {"conflict"} | {"protest"}
                and (published is None or when.date <= published))


# "for years", "has been shelled", "earlier", "the 2014 abduction": another time than the story's
_OTHER_TIME = re.compile(r"\b(?:earlier|previously|last|ago|since|before|once|former|"
                         r"years?|months?|weeks?|has|have|history|(?:1[89]|20)\d\d)\b", re.I)


def _of_the_lede(text: str, s: int, e: int, r: _Report, lede: _Report) -> bool:
    """Whether an undated report in a sentence that names no time tells more of the lede's
    day: one of its kind in the same country ("Azerbaijan said Armenian forces had shelled
    the Terter district", after the lede's strike on Ganja)."""
    if r.when is not None or r.background or r.status != "occurred" or r.place is None:
        return False
    if r.type != lede.type and not (r.type in _VIOLENT and lede.type in _VIOLENT):
        return False
    if r.type == "conflict" or _OTHER_TIME.search(text, s, e):
        return False
    assert lede.place is not None
    return r.place.place.country == lede.place.place.country is not None


# ------------------------------------------------------------------------------ triggers


#: Earlier rows of the trigger table are more specific and win where matches overlap.
_RANK = {id(t): n for n, t in enumerate(TRIGGERS)}


# "(2200 GMT Saturday)": the local time told again on another clock, not another day
_CLOCK_CONVERSION = re.compile(r"\(\s*[\d:.]*\s*(?:GMT|UTC)\b[^()]*$")


def _dates_in(text: str, s: int, e: int, published: date | None) -> list[TimeExpression]:
    """Time phrases of one sentence, with offsets into the whole text. Only sentences that
    report an event are searched: dates cost more than anything else here."""
    return [dataclasses.replace(d, start=d.start + s, end=d.end + s)
            for d in find_dates(text[s:e], published)
            if not _CLOCK_CONVERSION.search(text[s:e], max(0, d.start - 12), d.end)]


def _trigger_hits(text: str) -> list[tuple[Trigger, int, int]]:
    """Every trigger match in the text, by start: one scan per pattern for the document.

    Case-sensitive patterns over the lower-cased text find the same matches a third faster
    than IGNORECASE ones over the text.
    """
    low = text.lower()
    present = {k for _, k in _KEYWORD_SCAN.iter(low)}
    gated = [trig for trig in TRIGGERS if not present.isdisjoint(trig.keywords)]
    if not foldable(text, low):
        hits = [(trig, m.start(), m.end()) for trig in gated for m in trig.pattern.finditer(text)]
    else:
        hits = [(trig, m.start(), m.end()) for trig in gated for m in trig.folded.finditer(low)]
    return sorted(hits, key=lambda h: h[1])


def _keyword_scan() -> ahocorasick.Automaton:
    """Every trigger keyword in one Aho-Corasick automaton: one pass over the text finds
    which are present (28 microseconds per article, against 110 for 84 substring tests)."""
    scan = ahocorasick.Automaton()
    for keyword in dict.fromkeys(k for trig in TRIGGERS for k in trig.keywords):
        scan.add_word(keyword, keyword)
    scan.make_automaton()
    return scan


_KEYWORD_SCAN = _keyword_scan()


def _triggers(
    text: str, s: int, e: int, hits: list[tuple[Trigger, int, int]]
) -> list[tuple[Trigger, int, int]]:
    """The triggers of one sentence: the most specific at each place, one per type and
    subtype, no negated or hypothetical ones; a state's 'attack' is left to 'strike'."""
    found: list[tuple[Trigger, int, int]] = []
    taken: list[tuple[int, int]] = []
    for trig, a, b in sorted(hits, key=lambda h: (_RANK[id(h[0])], h[1])):
        if b > e or any(a < y and x < b for x, y in taken):
            continue
        before = text[max(s, a - 40) : a]
        if NOT_AN_EVENT.search(before) or HABITUAL.search(before) or (
                RECORD.search(before) and text[b - 1] in "sS"):
            continue
        if (trig.subtype == "bombing" and text.startswith(("explosion", "Explosion"), a)
                and ACCIDENT.search(text, s, e)):
            continue  # "loud explosions as the dams gave way", "a gas explosion": no bomb
        found.append((trig, a, b))
        taken.append((a, b))
    seen: set[tuple[str, str]] = set()
    out = []
    types_in_sentence = {t.type for t, _, _ in found}
    for trig, a, b in sorted(found, key=lambda x: x[1]):
        cs, ce = _clause(text, s, e, a)
        types = {t.type for t, x, _ in found if cs <= x < ce}
        if trig.type == "attack" and "strike" in types:
            continue
        if trig.type == "conflict" and types & {"strike", "attack", "armed_clash"}:
            continue
        if trig.subtype == "talks" and "visit" in types_in_sentence:
            continue
        # one of a type per sentence; a visit per clause ("will travel to Laos, where the
        # premier will host him in Vientiane": the city comes in the second)
        # and a violent one per clause: "The strike came days after a missile hit Odesa"
        key = (trig.type, trig.subtype if trig.type == "diplomatic" else "",
               cs if trig.type == "visit" or trig.type in _VIOLENT else 0)
        if key in seen:
            continue
        seen.add(key)
        out.append((trig, a, b))
    return out


def _clause(text: str, s: int, e: int, at: int) -> tuple[int, int]:
    """The clause of sentence [s, e) around offset `at`."""
    start, end = s, e
    for m in _CLAUSE.finditer(text, s, e):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return start, end


# ------------------------------------------------------------------------------ one report


def _report(
    text: str,
    published: date | None,
    sentence: tuple[int, int],
    trig: Trigger,
    ts: int,
    te: int,
    mentions: list[Mention],
    dates: list[TimeExpression],
    earlier: list[_Report],
    people: Sequence[tuple[int, int, str]] = (),
) -> _Report | None:
    s, e = sentence
    cs, ce = _clause(text, s, e, ts)
    quotes = _quotes(text, s, e, ts)
    clause_mentions = [m for m in mentions if cs <= m.start < ce and _with(quotes, m.start)]
    before = text[cs:ts]
    if trig.type == "conflict" and _SINCE_BEFORE.search(before):
        return None  # "addressed parliaments since the war began": a time, not an event
    if _PERFECT_BEFORE.search(before) and _REPEATED.search(text, te, ce):
        return None  # "has been attacked by bandits several times": a habit, not one event
    if trig.type == "visit" and _FORCES_BEFORE.search(before):
        return None  # "when troops arrived in the town": a deployment, not a visit
    if trig.subtype == "visit" and any(r.type == "visit" for r in earlier) and _THE_VISIT.search(
            text, max(cs, ts - 30), ts) and not _VISIT_TO.match(text, te):
        return None  # "The visit comes at a time of tension over X": the trip told before
    if trig.type == "visit" and (_HOME_AFTER.match(text, te) or _home_trip(
            text, s, cs, te, mentions)):
        return None  # "the envoy, who is visiting his home country": a trip home, no visit
    if trig.type == "visit" and (_ERRAND_AFTER.match(text, te) or _TRAFFIC_BEFORE.search(before)):
        return None  # "commuters travelling to jobs in X": everyday traffic, no visit
    if trig.subtype == "hosted visit" and text[ts:ts + 6].lower() == "welcom" and not any(
            te < m.start <= te + 6 and m.role == "location" for m in mentions):
        return None  # "welcomed the move to ...": no guest received in a place
    if text[ts:te].lower() == "landed in" and _CRAFT.search(before):
        return None  # "the plane landed in Vilnius": a flight, not a visit
    # "said the attack killed three", not "said the rebels attacked": a noun after 'the'
    anaphor = text[te - 2 : te] != "ed" and bool(_ANAPHOR.search(text, max(cs, ts - 60), ts))
    if anaphor:  # "Central Command said the attack killed three": the speaker did not act
        actor_mention, actor = None, None
        place = _place(text, trig, ts, te, [
            m for m in clause_mentions if m.start >= te and m.start - te < 30
            and parties.LOCATIVE_BEFORE.search(text[max(0, m.start - 30) : m.start])], None)
    else:
        actor_mention, actor = parties.actor(text, trig, ts, te, clause_mentions)
        if actor is None and earlier and _PRONOUN_SUBJECT.search(before):
            actor = earlier[-1].actor  # "it launched an airstrike": the last report's state
        if actor is None and trig.type in _VIOLENT:
            actor = parties.armed_group(text, cs, ts, te, ce) or parties.group_actor(
                before, clause_mentions)
        place = _place(text, trig, ts, te, clause_mentions, actor_mention)
        if place is None and _RELATIVE.match(text, ce, e):
            # "kidnapped 20 villagers, who had gone to fetch water near X": where they were
            rs, re_ = _clause(text, s, e, ce + 2)
            place = _place(text, trig, ts, te, [m for m in mentions if rs <= m.start < re_
                                                and _with(quotes, m.start)], actor_mention)
    # "expelled 23 Russian diplomats", "the closure of the Russian consulate": the state the
    # trigger itself names is the target, never the actor
    named = next((cc for m in clause_mentions
                  if ts <= m.start < te and (cc := parties.country_of(m))),
                 None) if trig.type == "diplomatic" else None
    if named and actor == named:
        actor_mention, actor = parties.actor(text, trig, ts, te, [
            m for m in clause_mentions if parties.country_of(m) != named])
    post = None  # "expelled X's envoy from Riga": the envoy's post, not the act's place
    if trig.subtype in _ENVOY_MOVES and place is not None and place.place.country not in (
            None, actor):
        post, place = place.place.country, None
    if trig.subtype == "protest" and _NOTE_OF_PROTEST.search(text, max(s, ts - 90), ts):
        return None  # "summoned the envoy to protest the attack": a state's words, no crowd
    if trig.type == "protest" and actor_mention is not None and actor_mention.role != "demonym" \
            and _STATE_SUBJECT.match(text, actor_mention.end, ts):
        return None  # "Beijing has protested against": a state's statement, not a protest
    own_dates = [d for d in dates if not _since(text, te, d) and _with(quotes, d.start)]
    if trig.type not in _VIOLENT and (cause_at := _CAUSE_TOLD.search(text, te, ce)):
        # "arrived for talks after the neighbours exchanged strikes earlier this month"
        own_dates = [d for d in own_dates if d.start < cause_at.start()]
    clause_dates = [d for d in own_dates if cs <= d.start < ce]
    if anaphor:  # "leaders meeting last week agreed Russia was behind the attack": their day
        clause_dates = [d for d in clause_dates if d.start >= te]
        own_dates = clause_dates
    cause = bool(_CAUSE_BEFORE.search(text, max(s, cs - 25), cs))
    if not clause_dates and cause:
        own_dates = []  # "struck on Friday in retaliation for an attack in X": not Friday's
    when = _date(text, ts, clause_dates or [d for d in own_dates if d.end <= cs], earlier)
    if when is None or (when.date is None and when.relative_days is None):
        when = _counted_from_last(text, s, ts, earlier) or when
    else:
        when = _counted_from_main(text, s, ts, when)
    planned = bool(PLANNED.search(before)) or bool(when and when.is_deadline)
    if trig.subtype == "restoration of ties" and _AGREED.search(before):
        planned, when = False, when if when and not when.is_deadline else None  # the deal
    if when and when.date and published:
        if when.date > published:
            planned = True  # "they would march again on Saturday"
        elif planned and when.date <= published and trig.type in ("visit", "diplomatic"):
            when = None  # the date of the announcement, not of the planned event
    if planned and trig.type in ("strike", "attack", "armed_clash", "conflict"):
        return None  # a threat or a plan to strike is not a strike
    type_, subtype, cameo = trig.type, trig.subtype, trig.cameo
    if trig.subtype == "capture" and _VESSEL_AFTER.match(text, te):
        type_, subtype, cameo = "attack", "hijacking", "181"  # "seized a cargo ship"
    elif trig.subtype == "capture" and not _captured(text, te, clause_mentions):
        return None  # "seized cars", "captured the moment": no territory taken
    if trig.subtype == "strike" and (who := _ATTACKER_BEFORE.search(before)):
        # "a suicide bomber struck crowds": a bombing, not an army's strike
        bomb = who.group(1).lower().startswith("bomb")
        type_, subtype, cameo = ("attack", "bombing", "183") if bomb else (
            "attack", "armed attack", "180")
        if actor_mention is not None and actor_mention.role == "demonym":
            actor = None  # "a Pakistani suicide bomber" acts for no state
    elif type_ == "attack" and actor and len(actor) == 2 and subtype not in _STAYS_ATTACK:
        type_, subtype, cameo = "strike", "military attack", "190"
    if anaphor:  # "the attack" names an event told before: of its kind, if there was one
        last = next((r for r in reversed(earlier) if _same_type(r.type, type_)), None)
        if last is None and place is None and when is None:
            return None  # "has long cited the bombing": an event told elsewhere
        if last is not None and last.type != type_:
            type_, subtype, cameo = last.type, "strike", "195"
    if type_ == "strike" and subtype in ("strike", "military attack"):
        for pattern, sub, code in WEAPONS:
            if pattern.search(text[s:e]):
                subtype, cameo = sub, code
                break
    if subtype == "talks" and place is not None:
        type_ = "visit"  # a meeting held in a place (OUTPUTS.md); a summit without one stays
    elif subtype == "talks" and actor is None and not parties.target_of(
            text, te, ce, clause_mentions, ""):
        return None  # a council's meeting: no state takes part
    visitor = parties.visitor(text, trig, (s, e), (cs, ce), ts, te, people,
                              place.place.country if place else None) if type_ == "visit" \
        else None
    if visitor:  # "Ukrainian President Volodymyr Zelenskyy travelled to Bakhmut": his state
        actor = visitor
    elif type_ == "visit" and place is not None and actor == place.place.country:
        actor = None  # the host, not the visitor
    if subtype in _NO_PLACE_SUBTYPES:
        place = None
    if subtype == "summons" and place is None:
        return None  # a routine rebuke, kept only where the text says it was made
    if type_ == "conflict" and place is None:
        return None
    violent_toll = type_ in ("strike", "attack", "armed_clash")
    fatalities = death_toll(text[cs:ce]) if violent_toll else None
    if violent_toll and fatalities is None and (cause_at := _recalled_cause(
            text, sentence, ts, earlier)) is not None and (place is None or place.start < cause_at):
        return None  # the cause recalled of a visit or a move told first, not an event here
    if place is None and when is None and fatalities is None and not (
        type_ == "diplomatic" and actor
        and (named or post or parties.target_of(text, te, ce, clause_mentions, actor)
             or parties.partner(text, actor_mention, clause_mentions))
    ):
        return None  # nothing for the map, the calendar or the toll, nor a pair of states
    target = named or post or (parties.partner(text, actor_mention, clause_mentions)
                               if type_ == "diplomatic" else None) or parties.target(
        type_, actor, place, text, te, ce, clause_mentions)
    if target == actor or (visitor and place is not None and place.place.country == actor):
        # a leader's trip at home ("travelled to Bakhmut, the focus of Russia's offensive"):
        # no other state is party to it
        target = None
    if target is None and type_ == "diplomatic":  # "Xi of China and Biden held a call"
        target = next((cc for m in clause_mentions
                       if m.end <= ts and (cc := parties.country_of(m)) and cc != actor), None)
    avenger = earlier[-1].actor if cause and earlier and earlier[-1].sentence == sentence \
        else None
    if avenger and type_ in _VIOLENT and avenger != actor and (
            target is None or (place is not None and target == place.place.country)):
        target = avenger  # "struck X in retaliation for an attack on troops": on its troops
    if target is None and type_ in _VIOLENT:
        target = parties.speaker(text, s, ts, mentions, actor)
    confidence = trig.weight * (0.6 + 0.2 * (place is not None) + 0.2 * (when is not None))
    said = bool(when and when.start > 0 and _SAID_BEFORE.search(
        text, max(s, when.start - 40), when.start))
    return _Report(trig, ts, te, sentence, type_, subtype, cameo, place, when,
                   "planned" if planned else "occurred", actor, target, fatalities, confidence,
                   said=said, distinct=bool(_SEPARATE.search(text, s, ts)))




# "The agreement was announced ... on Friday following talks in Beijing": the sentence after
# an undated report that names it again says when (and, for a deal, where it was made)
_NAMED_AGAIN = re.compile(
    r"\s*(?:The|This|That|Its|Their)\s+(?:[\w-]+\s+)?(?:agreement|deal|accord|attack|strike|"
    r"bombing|blast|explosion|raid|assault|shelling|visit|trip|decision|announcement)\b")
_TALKS_IN = re.compile(r"\b(?:talks|negotiations|meetings?|summit|ceremony)\s+(?:\w+\s+){0,3}?"
                       r"(?:in|at)\s+(?:the\s+)?$")


def _told_next(
    text: str, r: _Report, nxt: tuple[int, int], published: date | None,
    mentions: Sequence[Mention],
) -> None:
    """Date an undated report from the next sentence when that one opens by naming it
    again ("The attack began shortly after 10.30am on Friday")."""
    s, e = nxt
    if not _NAMED_AGAIN.match(text, s, e):
        return
    dated = [d for d in _dates_in(text, s, e, published) if d.date is not None
             and d.relative_days is None and d.text[:5].lower() != "since"]
    if not dated:
        return
    r.when = dated[0]
    if published and r.when.date and r.when.date > published:
        r.status = "planned"
    if r.type == "diplomatic" and r.place is None:
        r.place = next((m for m in mentions if s <= m.start < e and m.role == "location"
                        and m.place.kind in ("city", "facility")
                        and _TALKS_IN.search(text, max(s, m.start - 40), m.start)), None)


def _scene_date(
    text: str, r: _Report, scene: tuple[set[str], list[TimeExpression], list[_Report]],
    gap_from: int, gap_to: int, published: date | None,
) -> TimeExpression | None:
    """The day of the sentence just before, for an undated event of the same kind told right
    after it in the same paragraph ("Fighting continued on Wednesday. Officials reported
    shelling of X"): only when that day is the one time the sentence gives, and it is the
    scene's own day, not the day another event began or the day of the cause it names."""
    types, dates, told = scene
    if len(dates) != 1 or "\n" in text[gap_from:gap_to] or r.background:
        return None
    if r.type not in types and not (r.type in _VIOLENT and types & _VIOLENT):
        return None
    [d] = dates
    if d.date is None or d.precision != "day" or d.relative_days is not None or d.is_deadline \
            or d.text[:5].lower() == "since" or (published and d.date > published):
        return None
    if _ONSET_BEFORE.search(text, max(d.start - 160, 0), d.start):
        return None  # "since the war began on October 7": when a longer state started
    if _CAUSE_CLAUSE.search(text, max(d.start - 200, 0), d.start):
        return None  # "fired at X in response to a bombing on May 3": the cause's day
    owners = {p.type for p in told if p.when is not None and p.when.start == d.start}
    kin_told = r.type in types or any(p.type == r.type for p in told)
    if owners and r.type not in owners and kin_told:
        return None  # the day of another kind of event than the one the sentence tells
    return d


# "since the conflict began on", "after the war broke out on": the day a longer state started
_ONSET_BEFORE = re.compile(
    r"\b(?:began|begun|started|erupted|broke\s+out|flared\s+up)\s+"
    r"(?:(?:on|in)\s+)?$|\bsince\b[^.;,]*$", re.I)
_CAUSE_CLAUSE = re.compile(r"\b(?:in\s+retaliation\s+for|in\s+response\s+to)\s[^.;]*$", re.I)


def _claimed(
    text: str, spans: list[tuple[int, int]], n: int, mentions: Sequence[Mention],
    reports: list[_Report], names_it: bool,
) -> None:
    """'Al-Shabaab claimed responsibility for the attack': the claimant is the actor of the
    last violent report of this or the two sentences before, where none was named."""
    s, e = spans[n]
    at = parties.claim_at(text, s, e)
    if at is None:
        return
    cs, _ = _clause(text, s, e, at)
    claimant = parties.claimant(text, cs, at, e, mentions)
    if claimant is None:
        return
    since = spans[max(0, n - 2)][0]
    for r in reversed(reports):
        if r.start < since:
            break
        if r.type in _VIOLENT:
            if r.actor is None:
                r.actor = claimant
            if not names_it or r.start < s:
                break


def _guest_of(r: _Report, main: set[str]) -> None:
    """The visitor of unsaid state is the story's other main state (parties.guest_of)."""
    r.actor = parties.guest_of(r.place.place.country if r.place else r.target, main)
    if r.target == r.actor:
        r.target = None


_HOME_AFTER = re.compile(r"\s+(?:his|her|their|its)\s+(?:own\s+)?(?:home|native)\b|"
                         r"\s+(?:home|family|relatives)\b", re.I)
_ERRAND_AFTER = re.compile(r"\s+(?:(?:their|his|her|its)\s+)?(?:jobs?|work|workplaces?|schools?|"
                           r"class(?:es)?|offices?|shops?|shopping|markets?|hospitals?)\b", re.I)
_TRAFFIC_BEFORE = re.compile(r"\b(?:commuters|motorists|drivers|lorries|trucks|traffic|"
                             r"passengers|workers|shoppers)\s+$", re.I)
_WHO_IS = re.compile(r",\s+who\s+(?:is|was|are|were)\s+(?:\w+\s+)?$")


def _home_trip(text: str, s: int, cs: int, te: int, mentions: Sequence[Mention]) -> bool:
    """Whether 'X's envoy, who is visiting X' or 'the Iranian envoy, who is visiting Iran':
    the one visiting is of the country visited, and is there at home."""
    if not _WHO_IS.search(text, max(s, cs - 30), te - 8):
        return False
    there = next((m for m in mentions if te < m.start <= te + 3), None)
    if there is None or there.place.kind != "country":
        return False
    head = [m for m in mentions if max(s, cs - 50) <= m.start < cs - 5
            and (m.role == "demonym" or text.startswith(("'s", "’s"), m.end))]
    return bool(head) and head[0].place.country == there.place.country


# "summoned the envoy to protest", "lodged a strong protest", "conveyed its strongest protest"
_NOTE_OF_PROTEST = re.compile(
    r"\b(?:summon\w*|lodg\w*|convey\w*|register\w*|deliver\w*|hand(?:ed|s|ing)?\s+(?:\w+\s+)?"
    r"(?:over|a|an)|called\s+in)\b[^.;]{0,80}$|"
    r"\b(?:formal|strong|strongest|diplomatic|official|firm)\s+$|\bnote\s+of\s+$", re.I)
# "seized a British-owned cargo ship", "hijacked the tanker": a ship or plane taken
_VESSEL_AFTER = re.compile(
    r"\s+(?:an?\s+|the\s+|two\s+|three\s+)?(?:[\w-]+\s+){0,3}?(?:ships?|vessels?|tankers?|"
    r"freighters?|carriers?|boats?|dhows?|trawlers?|airliners?|planes?)\b", re.I)
_CAUSE_BEFORE = re.compile(r"\b(?:in\s+retaliation\s+for|in\s+response\s+to)\s+$", re.I)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+been\s+(?:\w+\s+)?$")
_REPEATED = re.compile(r"\b(?:(?:several|many|numerous|multiple|countless|two|three|four|five|"
                       r"\d+)\s+times|repeatedly|regularly|frequently)\b")
_RELATIVE = re.compile(r",\s(?:who|which)\b")
_SINCE = re.compile(r"\bsince\b", re.I)
_SINCE_BEFORE = re.compile(r"\b(?:since|until|before)\s+(?:the|a|its|their)\s+(?:\w+\s+)?$", re.I)
# an adjective, perhaps quoted: "the 'cowardly' attack"
_ADJ = r"(?:[\"“'‘]?[\w-]+[\"”'’]?\s+)?"
_ANAPHOR = re.compile(
    r"\b(?:said|says|cited|cites|claimed|claims|called|described|blamed)\s+"
    rf"(?:(?:in|on|at)\s+[\w'’-]+\s+)?(?:that\s+)?(?:the|this|that)\s+{_ADJ}$|"
    # "condemned Iran's strike", "to protest the attack": a reaction to an event told before
    r"\b(?:condemn\w*|denounc\w*|protest(?:s|ed|ing)?|deplor\w*|decr[iy]\w*)\s+"
    rf"(?:the|this|that|these|those|(?-i:[A-Z][\w-]+)['’]s)\s+{_ADJ}$|"
    r"\b(?:responsib\w+|blamed?\s+\w+|behind)\s+(?:for\s+)?(?:the|this|that)\s+(?:\w+\s+)?$|"
    # "recalled its ambassador over that attack", "fled after Sunday's strikes"
    r"\b(?:over|after|following)\s+(?:that|this|these|those|(?-i:[A-Z][a-z]+day)['’]s)\s+"
    rf"{_ADJ}$|"
    r"\b(?:carry|carried|carrying)\s+out\s+(?:that|this|the)\s+$|"
    r"\b(?:in|by|during|from)\s+(?:that|this|the same)\s+$", re.I)
_STATE_SUBJECT = re.compile(r"\s+(?:(?:has|have|had|also|formally|strongly|officially|"
                            r"repeatedly|long)\s+){0,3}$")
_FORCES_BEFORE = re.compile(
    r"\b(?:troops|soldiers|forces|police|policemen|fighters|militants|rebels|reinforcements|"
    r"tanks|units|convoys?)\s+(?:\w+\s+)?$", re.I)
# "the visit", "his state visit" without "to X" after it: a trip the story has told already
_THE_VISIT = re.compile(r"\b(?:the|this|that|his|her|its|their)\s+(?:[\w-]+\s+)?$", re.I)
_VISIT_TO = re.compile(r"\s+(?:to|in|of)\b")
_CRAFT = re.compile(r"\b(?:plane|flight|aircraft|airliner|jet|helicopter)s?\b", re.I)
_QUOTED = re.compile(r"[\"“][^\"“”]{2,}[\"”]")


def _quotes(text: str, s: int, e: int, at: int) -> tuple[bool, list[tuple[int, int]]]:
    """Whether the trigger at `at` is quoted, and the quotations of its sentence."""
    if '"' not in text[s:e] and "“" not in text[s:e]:
        return False, []
    spans = [m.span() for m in _QUOTED.finditer(text, s, e)]
    inside = [(a, b) for a, b in spans if a <= at < b]
    return (True, inside) if inside else (False, spans)


def _with(quotes: tuple[bool, list[tuple[int, int]]], at: int) -> bool:
    """Whether offset `at` is on the trigger's side of the quotes: 'flying over Gaza today',
    quoted, is neither the place nor the day of the visit the speaker made outside them."""
    quoted, spans = quotes
    if quoted:
        return any(a <= at < b for a, b in spans)
    return not any(a <= at < b for a, b in spans)


def _since(text: str, te: int, d: TimeExpression) -> bool:
    """Whether a date starts a span ("since April") or sits in a 'since' clause after the
    trigger ("the third protest since the death of ... on May 25"): not the event's date."""
    return d.text[:5].lower() == "since" or (d.start > te and bool(_SINCE.search(text, te,
                                                                               d.start)))


_TERRITORY = re.compile(
    r"^\s+(?:the |a |an |its |their |two |three |several |key |strategic )?(?:[\w'’-]+\s+){0,3}?"
    r"(?:city|cities|town|towns|village|villages|base|bases|capital|airport|garrison|"
    r"headquarters|province|region|district|territory|positions?|hills?|bridge|crossing|port|"
    r"stronghold|outpost|area)\b", re.I)


def _captured(text: str, te: int, mentions: list[Mention]) -> bool:
    """Whether a capture's object is ground: a place named right after the verb ('seized
    Kidal', 'took control of the city of X') or a word for territory ('the main base')."""
    return bool(_TERRITORY.match(text, te, te + 80)) or any(
        te <= m.start <= te + 25 and m.role == "location" for m in mentions)


_LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+)?|\s+and\s+)$")


def _listed(text: str, report: _Report, mentions: list[Mention]) -> list[_Report]:
    """"Strikes in Iraq, Syria and Pakistan": one violent report per place of the list."""
    if report.type not in _VIOLENT or report.place is None:
        return []
    kind = report.place.place.kind
    out: list[_Report] = []
    last = report.place
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start <= last.start:
            continue
        if m.role != "location" or m.place.kind != kind or not _LIST_GAP.match(
            text[last.end : m.start]
        ):
            break
        if m.place.country and m.place.country == report.actor:
            break
        target = m.place.country if m.place.country != report.actor else None
        out.append(dataclasses.replace(report, place=m, target=target, fatalities=None))
        last = m
    return out


#: acts of the expelling state: the envoy's post abroad is not where they happen
_ENVOY_MOVES = frozenset({"expulsion of diplomats"})

_KIND_OF_AFTER = re.compile(
    r"\s+(?:city|town|village|port|capital|district|province|region|state)\s+of\s+[A-Z]"
)


def _place(
    text: str, trig: Trigger, ts: int, te: int, mentions: list[Mention], actor: Mention | None
) -> Mention | None:
    """The most specific place the clause ties to the event; objects after the trigger win."""
    scored: list[tuple[float, Mention]] = []
    violent = trig.type in _VIOLENT
    for m in mentions:
        if m.role != "location" or m is actor:
            continue
        kind = m.place.kind
        before = text[max(0, m.start - 30) : m.start]
        locative = bool(parties.LOCATIVE_BEFORE.search(before))
        gap = m.start - te if m.start >= te else ts - m.end
        if _FORCES_AFTER.match(text[m.end : m.end + 30]) or parties.BACKER_AFTER.match(
            text[m.end : m.end + 12]
        ) or _PARTY_BEFORE.search(before):
            continue  # "US forces", "Iran-backed", "ties to Beijing": a party, not the place
        if _ORIGIN_BEFORE.search(text, max(0, m.start - 60), m.start):
            continue  # "bombers flown from Dyess Air Force Base in Texas": whence, not where
        if _KIND_OF_AFTER.match(text, m.end):
            continue  # "the Black Sea city of Batumi": the name that follows is the place
        if kind == "country" and (trig.type == "diplomatic" or (violent and not locative)):
            continue  # a state as a party to the act, not where it happened
        if kind == "region" and not _RIGHT_AFTER.match(text[te : m.start]):
            continue
        score = _SPECIFICITY.get(kind, 1.0)
        if m.start >= te:
            score += 2.5 if gap < 30 else 1.0 if gap < 90 else 0.0
        else:
            score += 0.5 if gap < 40 else 0.0
        if locative:
            score += 0.3
        if violent and actor is not None and m.place.country == actor.place.country:
            score -= 2.5  # states strike abroad; their own territory is where they strike from
        scored.append((score, m))
    if not scored:
        return None
    scored.sort(key=lambda x: (-x[0], x[1].start))
    top_score, top = scored[0]
    inner = [(sc, m) for sc, m in scored[1:]
             if sc >= top_score - 1.5 and _contains(top.place, m.place)
             and _SPECIFICITY.get(m.place.kind, 0) > _SPECIFICITY.get(top.place.kind, 0)]
    return max(inner, key=lambda x: x[0])[1] if inner else top


# "after the neighbours carried out strikes", "since Iran fired missiles": a cause told with
# its own subject and verb
_CAUSE_TOLD = re.compile(
    r"\s(?:after|since|following|because)\s+(?:the\s+|its\s+|their\s+|both\s+)?"
    r"(?:[\w'’-]+\s+){1,3}?(?:had\s+|have\s+)?(?:carried\s+out|launched|exchanged|struck|"
    r"fired|attacked|traded|bombed|shelled)\b")


def _recalled_cause(text: str, sentence: tuple[int, int], ts: int,
                    earlier: list[_Report]) -> int | None:
    """Where the cause clause holding trigger `ts` starts, when it follows a visit or a
    diplomatic move told first in the sentence ("arrived for talks after the neighbours
    exchanged strikes"): the backdrop of that event, not a report of its own."""
    for r in earlier:
        if r.sentence == sentence and r.type not in _VIOLENT and r.end <= ts:
            c = _CAUSE_TOLD.search(text, r.end, ts + 1)
            if c is not None and c.start() < ts <= c.end() + 40:
                return c.start()
    return None


_SEPARATE = re.compile(r"\b(?:in|during)\s+(?:a|another)\s+(?:separate|unrelated|different)\s+"
                       r"(?:incident|attack|development|episode)\b", re.I)
# "officials said on Monday", "told the Knesset on Monday", "said in a statement on Friday"
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|stated|added)\s+"
                          r"(?:[\w'’-]+\s+){0,3}?$")
_POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}")


def _date(
    text: str, at: int, dates: list[TimeExpression], earlier: list[_Report]
) -> TimeExpression | None:
    """The time phrase nearest after the trigger, else before it ("KYIV, April 5 - A missile
    struck ... on Friday"); 'two days later' counts from the last event."""
    if not dates:
        return None
    # "Monday's suicide bombing": the day owns the event, whatever date follows
    owner = next((d for d in dates if d.end <= at <= d.end + 40
                  and _POSSESSIVE_GAP.fullmatch(text, d.end, at)), None)
    after = [d for d in dates if d.start >= at]
    if len(after) < len(dates):
        # "visited Bucha, the town where bodies were found at the end of March": the date of
        # a clause the place heads is not the visit's when the sentence gives one before it
        after = [d for d in after if not _SUBORDINATE.search(text, at, d.start)]
    when = owner or min(after or dates, key=lambda d: (abs(d.start - at), d.start))
    if when.relative_days is not None:
        anchor = next((r.when for r in reversed(earlier) if r.when and r.when.date), None)
        if anchor is None or anchor.date is None:
            return dataclasses.replace(when, precision="unknown")
        return resolve_relative(when, anchor.date, anchor.precision)
    if when.date is None and when.precision == "unknown":
        return when
    return when


# "last visited the White House in 2021", "had previously visited": a former time, told as
# background, never the same event as this one's
_EARLIER_TIME = re.compile(r"\b(?:last|previously|once|earlier)\s+(?:\w+\s+)?$", re.I)
_SUBORDINATE = re.compile(r"\b(?:where|when|after|before|until|since|because)\b")
_NUMBERS = {**NUMBER_WORDS, "a": 1, "an": 1}
# "The visit came a day after Zelenskyy travelled to Bakhmut": the trip is a day before it
_COUNTED_AFTER = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(days?|weeks?)\s+(after|before)\s+"
    r"(?:[\w'’.-]+\s+){1,4}$", re.I)


def _counted_from_last(
    text: str, s: int, ts: int, earlier: list[_Report]
) -> TimeExpression | None:
    """The date of an event told in an 'N days after ...' clause, counted back from the
    last dated event, which the sentence's main clause refers to."""
    if "after" not in text[s:ts] and "before" not in text[s:ts]:
        return None
    m = _COUNTED_AFTER.search(text, max(s, ts - 90), ts)
    anchor = next((r.when for r in reversed(earlier) if r.when and r.when.date), None)
    if m is None or anchor is None or anchor.date is None:
        return None
    return _counted(text, m, anchor)


def _counted_from_main(text: str, s: int, ts: int, when: TimeExpression) -> TimeExpression:
    """'Pakistan on Wednesday recalled its envoy, a day after missiles struck X': the date
    told before the 'N days after' clause is the main clause's; the strike's is N days off."""
    if when.date is None or when.relative_days is not None or when.precision != "day" or (
            "after" not in text[when.end:ts] and "before" not in text[when.end:ts]):
        return when
    m = _COUNTED_AFTER.search(text, max(s, ts - 90), ts)
    if m is None or when.end > m.start():
        return when
    return _counted(text, m, when)


def _counted(text: str, m: re.Match[str], anchor: TimeExpression) -> TimeExpression:
    """The day an '(N days) (after|before)' match counts from the anchor's day."""
    assert anchor.date is not None
    word, weeks = m.group(1).lower(), m.group(2).lower().startswith("week")
    days = (int(word) if word.isdigit() else _NUMBERS.get(word, 1)) * (7 if weeks else 1)
    rel = TimeExpression(text[m.start() : m.end(3)], m.start(), m.end(3), None,
                         "week" if weeks else "day",
                         relative_days=-days if m.group(3).lower() == "after" else days)
    return resolve_relative(rel, anchor.date, anchor.precision)


_AGREED = re.compile(r"\bagree(?:d|s)? to\s+(?:\w+\s+)?$", re.I)

# ------------------------------------------------------------------------------ document


def _main_countries(mentions: Sequence[Mention]) -> set[str]:
    """The two countries the story is most about (by mentions, demonyms included)."""
    counts = Counter(m.place.country for m in mentions
                     if m.place.country and m.role in ("location", "metonym", "demonym"))
    if not counts:
        return set()
    top = counts.most_common(2)
    peak = top[0][1]
    return {cc for cc, n in top if n >= max(1, peak // 3)} or {top[0][0]}


def _opening_end(text: str, spans: Sequence[tuple[int, int]]) -> int:
    """Where the story's opening ends: its headline lines, then the lede, the first line that
    reads as prose (ends as a sentence does), at most three of its sentences."""
    for n, (s, _) in enumerate(spans):
        line_end = text.find("\n", s)
        line_end = len(text) if line_end < 0 else line_end
        if text[s:line_end].rstrip().endswith((".", "!", "?", '"', "”", "’")):
            lede = [sp for sp in spans[n : n + 3] if sp[0] < line_end]
            return lede[-1][1]
    return 0


def _opens_story(r: _Report, earlier_time: bool, published: date | None) -> bool:
    """Whether a report of the headline or the lede tells the story's own event: not a war
    in the background, nor a past event recalled ("last year", a date months before)."""
    if r.type == "conflict" or earlier_time:
        return False
    when = r.when.date if r.when else None
    return not (when and published and (published - when).days > 31)


def _sides(r: _Report) -> set[str]:
    """The states an event involves: who acted, who was hit, where it happened."""
    sides = {cc for cc in (r.actor, r.target) if cc and len(cc) == 2}
    if r.place is not None and r.place.place.country:
        sides.add(r.place.place.country)
    return sides


# "struck back", "in retaliation", "retaliatory strikes": a reply to an event told before;
# "in response to a bombing" names another one
_REPLY = re.compile(
    r"\bin\s+(?:retaliation|response|reprisal)\b(?!\s+(?:for|to)\s+(?:an?|another)\b)|"
    r"\b(?:retaliat(?:ed|es|ing|ory)|(?:struck|hit|fired|strikes|hits|fires)\s+back)\b", re.I)


def _joins_story(text: str, r: _Report, story: set[str]) -> bool:
    """Whether a later report tells more of the opening's events: a party to them acts or is
    hit in one of their states, or replies to them ("struck back", "in retaliation")."""
    if r.type == "conflict" or not story or not ({r.actor, r.target} & story):
        return False
    if r.place is None or r.place.place.country in story:
        return True
    return bool(_REPLY.search(text, *r.sentence))


def _is_background(r: _Report, main: set[str]) -> bool:
    """Context: an event away from the countries the story is about (for a visit or a
    diplomatic move, also by a state the story is not about)."""
    if not main or r.place is None:
        return False
    country = r.place.place.country
    if r.type in ("visit", "diplomatic") and r.actor in main:
        return False
    if country is None:
        return r.actor not in main
    return country not in main


def _contains(outer: Place, inner: Place) -> bool:
    if outer.kind == "country":
        return inner.country == outer.country
    if outer.kind in ("admin1", "region"):
        return inner.country == outer.country and inner.admin1 == outer.name
    return False


def _places_agree(a: Mention | None, b: Mention | None) -> bool:
    if a is None or b is None:
        return True
    pa, pb = a.place, b.place
    return pa == pb or _contains(pa, pb) or _contains(pb, pa)


def _dates_agree(a: TimeExpression | None, b: TimeExpression | None) -> bool:
    if a is None or b is None or a.date is None or b.date is None:
        return True
    slack = {"day": 1, "week": 7, "month": 31, "year": 366}
    tolerance = max(slack.get(a.precision, 0), slack.get(b.precision, 0))
    return abs((a.date - b.date).days) <= tolerance


def _same_type(a: str, b: str) -> bool:
    return a == b or {a, b} == {"strike", "attack"}


def _talks_of_visit(a: _Report, b: _Report) -> bool:
    """Whether one is a visit and the other talks told without a place, with a party in
    common: the talks the visitor held ("arrived in X ... held talks with his counterpart")."""
    visit, talks = (a, b) if a.type == "visit" else (b, a)
    return (visit.type == "visit" and visit.place is not None and talks.subtype == "talks"
            and talks.place is None
            and talks.type == "diplomatic" and bool({visit.actor, visit.target} - {None}
                                                    & {talks.actor, talks.target}))


def _same_event(a: _Report, b: _Report) -> bool:
    talks = _talks_of_visit(a, b)
    if not (_same_type(a.type, b.type) or talks) or a.background != b.background:
        return False
    if (a.distinct or b.distinct) and a.sentence != b.sentence:
        return False
    if a.type != b.type and not talks and not (
        (a.actor and a.actor == b.actor)
        or (a.target and a.target == b.target and a.when and b.when and a.when.date
            and a.when.date == b.when.date)
    ):
        return False
    if a.type == b.type == "diplomatic" and a.subtype != b.subtype:
        return False
    if a.actor and b.actor and a.actor != b.actor:
        return False
    if a.target and b.target and a.target != b.target:
        return False
    if a.status != b.status and not _known_alike(a, b):
        return False  # a visit announced for next week is not the governor's trip on Monday
    if not _places_agree(a.place, b.place) or not _dates_agree(a.when, b.when):
        return False
    if a.type == "visit" and _days_apart(a.when, b.when):
        return False  # a state visit's days: arrival in the capital, then the talks
    # a report naming no place, a day apart from another, is another day's incident
    return (a.place is not None and b.place is not None) or _told_later(a, b) or _told_later(
        b, a) or not _days_apart(a.when, b.when)


def _told_later(a: _Report, b: _Report) -> bool:
    """Whether a's date is that of a statement made no earlier than b's event: Monday's
    words about Sunday night's strike tell of it, not of another day's."""
    return bool(a.said and a.when and b.when and a.when.date and b.when.date
                and a.when.date >= b.when.date)


def _known_alike(a: _Report, b: _Report) -> bool:
    """Whether two reports name the same actor or places that agree: what it takes to read
    an announced event and a report of one that happened as the same event."""
    return bool((a.actor and a.actor == b.actor)
                or (a.place is not None and b.place is not None
                    and _places_agree(a.place, b.place)))


def _days_apart(a: TimeExpression | None, b: TimeExpression | None) -> bool:
    return bool(a and b and a.date and b.date and a.precision == b.precision == "day"
                and a.date != b.date)


def _richness(r: _Report) -> tuple:
    spec = _SPECIFICITY.get(r.place.place.kind, 0) if r.place else -1
    precision = {"day": 4, "week": 3, "month": 2, "year": 1}.get(
        r.when.precision if r.when and r.when.date else "", 0)
    return (r.place is not None and r.when is not None, spec, precision)


def _consolidate(reports: list[_Report]) -> list[_Report]:
    """One report per event in this document: each joins the single group it agrees with."""
    groups: list[list[_Report]] = []
    for r in sorted(reports, key=lambda r: (not (r.place and r.when and r.actor), r.start)):
        fits = [g for g in groups if all(_same_event(r, o) for o in g)]
        if not fits:
            groups.append([r])
            continue
        # agreeing equally with several events, it goes with the one the story tells most,
        # then with the latest: news dates the past events it recalls, not its own
        ranked = sorted(((_affinity(r, g), len(g), _latest(g), n) for n, g in enumerate(fits)),
                        reverse=True)
        if len(ranked) == 1 or ranked[0][:3] > ranked[1][:3]:
            fits[ranked[0][3]].append(r)
        else:  # no more with one than with another: none of them can claim it
            groups.append([r])
    return sorted((_combine(g) for g in groups), key=lambda r: r.start)


def _latest(group: list[_Report]) -> date:
    return max((r.when.date for r in group if r.when and r.when.date), default=date.min)


def _affinity(r: _Report, group: list[_Report]) -> int:
    """How much more than mere compatibility a report shares with a group."""
    score = 0
    for o in group:
        score += 2 * bool(r.actor and r.actor == o.actor or o.actor in r.origins
                          or r.actor in o.origins)
        score += bool(r.place and o.place and r.place.place == o.place.place)
        score += bool(r.when and o.when and r.when.date and r.when.date == o.when.date)
        score += bool(r.type == o.type)
    return score


def _combine(group: list[_Report]) -> _Report:
    best = max(group, key=lambda r: (_richness(r), r.confidence, -r.start))
    place_from = max(group, key=lambda r: (_SPECIFICITY.get(r.place.place.kind, 0)
                                           if r.place else -1, -r.start))
    dated = [r for r in group if r.when and r.when.date]
    when_from = max(dated, key=lambda r: ({"day": 4, "week": 3, "month": 2, "year": 1}.get(
        r.when.precision, 0), not r.said, -r.start)) if dated else best  # type: ignore[union-attr]
    occurred = any(r.status == "occurred" for r in group)
    typed = next((r for r in group if r.type == "strike"), best)
    fatalities = [r.fatalities for r in group if r.fatalities is not None]
    subtypes = [r.subtype for r in group
                if r.type == typed.type and r.subtype not in ("strike", "military attack")]
    subtypes.sort(key=lambda sub: not any(w in sub for w in ("missile", "drone", "air")))
    actor = best.actor or next((r.actor for r in group if r.actor), None)
    target = best.target or next((r.target for r in group if r.target and r.target != actor),
                                 None)
    return dataclasses.replace(
        best,
        place=place_from.place,
        when=when_from.when,
        actor=actor,
        target=None if target == actor else target,
        fatalities=max(fatalities) if fatalities else None,
        status="occurred" if occurred else "planned",
        type=typed.type,
        cameo=typed.cameo if typed is not best else best.cameo,
        subtype=subtypes[0] if subtypes else best.subtype,
        confidence=min(0.99, max(r.confidence for r in group) + 0.05 * (len(group) - 1)),
    )


def _with_actor_place(r: _Report, mentions: Sequence[Mention]) -> _Report:
    """An expulsion or recall whose report names no place happened in the acting state:
    the country where the text places it, else the place of that state it names most."""
    if r.place is not None or r.subtype not in _ENVOY_MOVES or not r.actor:
        return r
    own = [m for m in mentions if m.role == "location" and m.place.country == r.actor]
    if not own:
        return r
    country = next((m for m in own if m.place.kind == "country"), None)
    if country is None:
        counts = Counter(m.place for m in own)
        country = next(m for m in own if m.place == counts.most_common(1)[0][0])
    return dataclasses.replace(r, place=country)


def _with_target_place(r: _Report, mentions: Sequence[Mention]) -> _Report:
    """An attack on a state whose report names no place sits on that state."""
    if r.place is not None or r.type not in _VIOLENT or not r.target or len(r.target) != 2:
        return r
    country = next((m for m in mentions if m.place.kind == "country"
                    and m.place.country == r.target and m.role == "location"), None)
    if country is None:
        return r
    return dataclasses.replace(r, place=country, background=r.background)


def _to_event(doc: Document, r: _Report, text: str) -> Event:
    s, e = r.sentence
    when = r.when
    return Event(
        doc=doc.id,
        type=r.type,  # type: ignore[arg-type]
        subtype=r.subtype,
        cameo=r.cameo,
        date=when.date if when else None,
        date_precision=(when.precision if when and when.date else "unknown"),  # type: ignore
        date_text=when.text if when else None,
        status=r.status,  # type: ignore[arg-type]
        place=r.place.place if r.place else None,
        actor=r.actor,
        target=r.target,
        fatalities=r.fatalities,
        evidence=text[s:e],
        evidence_start=s,
        evidence_end=e,
        confidence=r.confidence,
        background=r.background,
    )
