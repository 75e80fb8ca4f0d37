"""Temporal expressions in news text → dates, resolved against the publication date.

One compiled regex finds every candidate in a single scan; each match is then checked
against its context (capitals, neighbouring words, tense of its clause) and resolved with
plain calendar arithmetic, so relative phrases follow the rules below rather than a
general-purpose parser's guesses:

- bare weekdays follow the tense of their clause: past → latest such day on or before
  publication, future → next such day after it (same day only with "today"/"this");
- "last/this/next week|month|year" → that period, dated by its first day;
- "two days later", "the next day"... → `relative_days`, counted from another event;
- a month and day without a year → the year that puts it nearest to publication;
- a month alone → the latest such month on or before publication in a past-tense clause,
  the next one on or after it in a future-tense clause, else the nearest.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta

from geo.models import Precision, TimeExpression

__all__ = [
    "date_in_words",
    "find_dates",
    "published_from_text",
    "resolve_relative",
]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "couple of": 2,
}
_MONTH_NAMES = list(calendar.month_name)

# ---------------------------------------------------------------------------- pattern

_MON = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
    r"(?![A-Za-z])"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![A-Za-z\d])"
_YEAR = r"(?:19|20)\d{2}(?![\dA-Za-z]|[,.]\d)"
_NUM = (
    r"(?i:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|(?:a\s+)?couple\s+of)"
)
_PREP = (
    r"(?i:(?:earl(?:y|ier)|later?)\s+on|no\s+later\s+than|as\s+of|on|by|since|until|till"
    r"|through|from|before|after|in|during)"
)
_PERIOD_MOD = (
    r"(?i:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)"
)


_Y4 = r"(?:19|20)\d{2}"
_D2 = r"\d{1,2}"
_RANGE = r"(?:\s*[-–]\s*\d{1,2}(?!\d))?"
_WD_MOD = r"(?i:this\s+(?:past|coming)|last|next|this|coming|past)"
_TIME_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night))"
_DAY_WORD = (
    r"(?i:(?:earlier|later)\s+today|today|tonight|yesterday|tomorrow|last\s+night"
    r"|this\s+(?:morning|afternoon|evening))"
)
_REL_DIR = r"(?i:later|earlier|afterwards?|after\s+that|before\s+that)"
_NEXT_DAY = (
    r"(?i:the\s+(?:next|following)\s+(?:day|morning|evening|night)|the\s+following\s+week"
    r"|the\s+(?:previous|preceding)\s+(?:day|morning|evening|night|week)"
    r"|the\s+day\s+(?:before|after)(?=\s*(?:[,.;:!?)]|$))"
    r"|later\s+(?:that|the\s+same)\s+day|(?:that|the)\s+same\s+day"
    r"|(?:(?:a\s+few|several|\d{1,2}|two|three|four|five|six)\s+)?(?:hours|minutes|moments)"
    r"\s+later)"
)
_ORD_PREP = r"(?i:on|by|for|since|until|till|from|before|after)"
_YEAR_PREP = r"(?i:in|since|during|until|till|through|throughout|by|from|before|after)"


def _g(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


def _pre(kind: str, body: str = _PREP) -> str:
    """An optional leading preposition, kept in the span ("on", "by", "earlier on")."""
    return "(?:" + _g(kind + "_pre", body) + r"\s+)?"


_ALTERNATIVES = [
    # 2024-01-29
    _g("iso", _pre("iso") + r"\b" + _g("iso_y", _Y4) + "-" + _g("iso_m", r"0[1-9]|1[0-2]")
       + "-" + _g("iso_d", r"0[1-9]|[12]\d|3[01]") + r"(?!\d)"),
    # 29/01/2024, 29.01.2024
    _g("num", _pre("num") + r"\b" + _g("num_a", _D2) + _g("num_s", "[/.]") + _g("num_b", _D2)
       + "(?P=num_s)" + _g("num_y", _YEAR)),
    # 2024/01/29
    _g("ymd", _pre("ymd") + r"\b" + _g("ymd_y", _Y4) + "/" + _g("ymd_m", _D2) + "/"
       + _g("ymd_d", _D2) + r"(?!\d)"),
    # (on) (Monday,) January 29(, 2024)
    _g("md", _pre("md") + "(?:" + _g("md_wd", _WD) + r",?\s+)?(?:the\s+)?\b"
       + _g("md_mon", _MON) + r"\s+" + _g("md_d", _DAY) + _RANGE
       + r"(?:,?\s+" + _g("md_y", _YEAR) + ")?"),
    # (on) (Monday,) (the) 29(th) (of) January( 2024)
    _g("dm", _pre("dm") + "(?:" + _g("dm_wd", _WD) + r",?\s+)?(?:the\s+)?\b"
       + _g("dm_d", _DAY) + _RANGE + r"\s+(?:of\s+)?" + _g("dm_mon", _MON)
       + r"(?:,?\s+" + _g("dm_y", _YEAR) + ")?"),
    # (in) (mid-)January 2024
    _g("my", _pre("my") + "(?:" + _g("my_mod", _PERIOD_MOD) + r"[\s-]+)?\b"
       + _g("my_mon", _MON) + r",?\s+(?:of\s+)?" + _g("my_y", _YEAR)),
    # (on) (last) Thursday (night) (of last week)
    _g("wd", _pre("wd") + "(?:" + _g("wd_mod", _WD_MOD) + r"\s+)?\b" + _g("wd_day", _WD)
       + _TIME_OF_DAY + r"?(?:\s+(?:of\s+)?" + _g("wd_week", r"(?i:last|this|next)")
       + r"\s+(?i:week))?"),
    # yesterday, today, tonight, last night, this morning
    _g("dw", r"\b" + _g("dw_w", _DAY_WORD) + _TIME_OF_DAY + r"?(?![A-Za-z])"),
    # (earlier) this week, last month, next year, over the weekend
    _g("per", _pre("per", r"(?i:by|until|since|over|at|during)") + r"\b(?:"
       + _g("per_mod", r"(?i:early|earlier|late|later|mid)") + r"[\s-]+)?"
       + _g("per_rel", r"(?i:last|next|this|the)") + r"\s+"
       + _g("per_unit", r"(?i:week|month|year|weekend)") + r"(?![A-Za-z])"),
    # three days ago
    _g("ago", r"\b" + _g("ago_n", _NUM) + r"\s+" + _g("ago_u", r"(?i:days?|weeks?|months?|years?)")
       + r"\s+(?i:ago)(?![A-Za-z])"),
    # two days later, a day earlier
    _g("rel", r"\b" + _g("rel_n", _NUM) + r"\s+" + _g("rel_u", r"(?i:days?|weeks?)") + r"\s+"
       + _g("rel_dir", _REL_DIR) + r"(?![A-Za-z])"),
    # the next day, the previous day, hours later
    _g("nd", r"\b" + _g("nd_w", _NEXT_DAY) + r"(?![A-Za-z])"),
    # on the 17th (of this month)
    _g("ord", r"\b" + _g("ord_pre", _ORD_PREP) + r"\s+the\s+" + _g("ord_d", r"[12]\d|3[01]|[1-9]")
       + r"(?:st|nd|rd|th)(?![A-Za-z\d])(?:\s+of\s+" + _g("ord_rel", r"(?i:this|last|next|the)")
       + r"\s+month)?"),
    # in January, mid-January, a December attack
    _g("mo", r"\b(?:" + _g("mo_pre", _PREP) + r"\s+(?:" + _g("mo_mod", _PERIOD_MOD)
       + r"[\s-]+)?|" + _g("mo_mod2", _PERIOD_MOD + r"|(?i:last|next|this)") + r"[\s-]+|"
       + _g("mo_art", r"(?i:an?)") + r"\s+)" + _g("mo_mon", _MON)
       + r"(?:\s+(?:of\s+)?" + _g("mo_of", r"(?i:this|last|next)") + r"\s+(?i:year))?"),
    # in 2023, since 2019, late 2023
    _g("yr", r"\b" + _pre("yr", _YEAR_PREP) + "(?:" + _g("yr_mod", _PERIOD_MOD) + r"[\s-]+)?"
       + _g("yr_y", _YEAR)),
]

_SCAN = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z0-9])(?:" + "|".join(_ALTERNATIVES) + ")")
# Every expression holds a number or one of these words. Walking the text's words is cheap;
# the full pattern is then tried only at the few word starts just before each that may open
# a match (`_OPENERS`), which keeps find_dates fast on long texts.
_ANCHORS = frozenset({
    *_MONTHS, "january", "february", "march", "april", "june", "july", "august", "sept",
    "september", "october", "november", "december", *_WEEKDAYS, "today", "tonight",
    "yesterday", "tomorrow", "night", "morning", "afternoon", "evening", "weekend", "week",
    "weeks", "month", "months", "year", "years", "day", "days", "hours", "minutes", "moments",
})
_OPENERS = frozenset({
    "early", "earlier", "late", "later", "no", "as", "on", "by", "for", "since", "until",
    "till", "through", "throughout", "from", "before", "after", "in", "during", "over", "at",
    "this", "last", "next", "coming", "past", "mid", "the", "end", "beginning", "start",
    "middle", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "couple", "several", "few", "that",
})
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_BACK, _AHEAD = 40, 100

# ---------------------------------------------------------------------------- context

_WD_BEFORE = {
    "bloody", "black", "good", "holy", "ash", "palm", "easter", "cyber", "super",
    "maundy", "shrove", "whit", "low", "mail",
}
_WD_AFTER = {
    "times", "telegraph", "express", "mirror", "people", "post", "herald", "mail",
    "sport", "school", "agreement", "independent", "star", "tribune", "live",
}
_NAME_AFTER = {
    "alliance", "movement", "coalition", "revolution", "party", "group", "brigade",
    "brigades", "martyrs", "youth", "front", "uprising", "bloc", "committee", "accord",
    "accords", "agreement", "declaration", "bridge", "street", "avenue", "square",
    "stadium", "university", "city", "road",
}
_FUNCTION_S = {
    "was", "has", "is", "as", "his", "its", "this", "thus", "across", "towards", "unless",
    "whereas", "always", "besides", "yes", "does", "goes",
}
_ORD_NEXT_OK = {
    "and", "or", "when", "at", "after", "before", "in", "as", "but", "while", "with", "to",
}

_DEADLINE_PREPS = {"by", "no later than"}
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^\S\n]*$")
_WORD_AFTER = re.compile(r"^[^\S\n]*([A-Za-z]+)")
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘'(]*[A-Z])|[\n;]")
_CLAUSE_SEP = re.compile(
    r"[,:;—–]|\s-\s|\b(?:that|and|but|while|whereas|although|though|which|who|because)\b"
)
_FUTURE = re.compile(
    r"\b(?:will|would(?!\s+have)|shall|won't|wouldn't(?!\s+have)|going\s+to|to\s+be\s+held"
    r"|(?:is|are|was|were|be|been)\s+(?:set|due|likely)\s+to"
    r"|(?:scheduled|expected|slated|poised|planning|plans?|intends?|intending|aims?"
    r"|agreed|promised|pledged|vowed|hopes?)\s+to|(?:is|are)\s+to"
    # "has invited Yoon to attend the summit in May": the invitation is to what comes
    r"|invit(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){0,3}?to)\b|'ll\b|’ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|met|held|struck|hit|took|came|went|left|began|fought"
    r"|made|saw|gave|spoke|sent|flew|ran|won|lost|broke|fell|fled|led|rose|drew|withdrew|threw"
    r"|stood|brought|sought|found|kept|became|got|shot|wrote|drove|[a-z]{2,}ed)\b",
    re.IGNORECASE,
)
#: "to" before a verb ("to visit"), not before a noun phrase ("set fire to the embassy",
#: "flew to Paris"), which says nothing of the tense.
_WEAK_FUTURE = re.compile(
    r"\bto\s+(?!(?:be|the|an?|his|her|its|their|this|that|these|those|our|my|your|some|all"
    r"|both|each|more|about|them|him|us|me|it|which|whom|what|one|two|three|several|many"
    r"|other|another|local|such)\b)[a-z]{3,}\b|\b(?i:upcoming|next|coming)\b"
)
_GLUED_DAY = re.compile(r"(?<=[A-Za-z])([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+$")


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1) if m else ""


def _word_after(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text[end:end + 40])
    return m.group(1) if m else ""


def _possessive(text: str, end: int) -> bool:
    return text[end:end + 2] in ("'s", "’s")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around [start, end), looking at most 600 characters away."""
    lo = max(0, start - 600)
    s = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        s = m.end()
    m = _SENTENCE_END.search(text, end, min(len(text), end + 600))
    return s, (m.start() + 1 if m else min(len(text), end + 600))


def _classify(segment: str) -> str | None:
    if _FUTURE.search(segment):
        return "future"
    if _PAST.search(segment):
        return "past"
    if _WEAK_FUTURE.search(segment):
        return "future"
    return None


def _tense(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None (no cue) for the clause of text[start:end].

    The clause is the stretch of the sentence between commas and conjunctions; a fronted
    adverbial ("On Monday, ...") takes the tense of the clause after it.
    """
    s, e = _sentence(text, start, end)
    sentence = text[s:start] + " " * (end - start) + text[end:e]
    cuts = [0] + [p for m in _CLAUSE_SEP.finditer(sentence) for p in (m.start(), m.end())]
    cuts.append(len(sentence))
    segments = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    rel = start - s
    idx = next((i for i, (a, b) in enumerate(segments) if a <= rel < b), 0)
    own = sentence[segments[idx][0]:segments[idx][1]]
    fronted = not own.strip()
    order = [idx]
    if fronted:
        order += list(range(idx + 1, len(segments))) + list(range(idx - 1, -1, -1))
    else:
        order += list(range(idx - 1, -1, -1)) + list(range(idx + 1, len(segments)))
    for i in order:
        a, b = segments[i]
        tense = _classify(sentence[a:b])
        if tense:
            return tense
    return None


# ---------------------------------------------------------------------------- arithmetic


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except (ValueError, OverflowError):
        return None


def _shift(d: date, days: int) -> date | None:
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return None


def _monday(d: date | None) -> date | None:
    return None if d is None else _shift(d, -d.weekday())


def _month_start(d: date, months: int) -> date | None:
    n = d.year * 12 + d.month - 1 + months
    return _safe_date(n // 12, n % 12 + 1, 1)


def _nearest_year(month: int, day: int, pub: date, tense: Callable[[], str | None]) -> date | None:
    """The date with this month and day nearest to `pub`; near the half-year point, where
    a past and a future candidate are within 60 days of each other, the clause's tense picks.
    """
    options = sorted(
        (abs((d - pub).days), d > pub, d)
        for y in (pub.year - 1, pub.year, pub.year + 1)
        if (d := _safe_date(y, month, day)) is not None
    )
    if not options:
        return None
    if len(options) > 1 and options[0][1] != options[1][1] and (
        options[1][0] - options[0][0] <= 60
    ):
        wanted = tense()
        if wanted:
            return next(o[2] for o in options[:2] if o[1] == (wanted == "future"))
    return options[0][2]


def _nearest_month(month: int, pub: date, tense: str, mod: str) -> date | None:
    """First day of the month named, chosen around `pub` by modifier, distance and tense."""
    here = pub.year * 12 + pub.month - 1
    options = [(y * 12 + month - 1) - here for y in (pub.year - 1, pub.year, pub.year + 1)]
    if mod == "last":
        options = [o for o in options if o < 0]
    elif mod == "next":
        options = [o for o in options if o > 0]
    elif mod == "this":
        options = [month - pub.month]
    elif tense == "past":  # "left the talks in March": the March before publication
        options = [o for o in options if o <= 0]
    elif tense == "future":
        options = [o for o in options if o >= 0]
    if not options:
        return None
    best = min(options, key=lambda o: (abs(o), (o < 0) if tense == "future" else (o > 0)))
    return _month_start(pub, best)


def _weekday(wd: int, pub: date, tense: str, mod: str) -> date | None:
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if mod == "last":
        return _shift(pub, -(back or 7))
    if mod == "next":
        return _shift(pub, ahead or 7)
    if mod in ("this coming", "coming"):
        return _shift(pub, ahead)
    if mod in ("this past", "past"):
        return _shift(pub, -back)
    if tense == "future":
        # wire copy names the day of publication by its weekday: "will meet on Thursday" in
        # Thursday's paper is that day; a week on would be "next Thursday"
        return _shift(pub, ahead)
    return _shift(pub, -back)


def _day_of_month(day: int, pub: date, tense: str, rel: str | None) -> date | None:
    if rel in ("this", "the"):
        return _safe_date(pub.year, pub.month, day)
    if rel in ("last", "next"):
        first = _month_start(pub, -1 if rel == "last" else 1)
        return _safe_date(first.year, first.month, day) if first else None
    step = 1 if tense == "future" else -1
    for k in range(0, 13):
        first = _month_start(pub, step * k)
        d = _safe_date(first.year, first.month, day) if first else None
        if d and (d > pub if tense == "future" else d <= pub):
            return d
    return None


def _count(word: str) -> int | None:
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    return _NUMBERS.get(w)


# ---------------------------------------------------------------------------- resolution

_Resolved = tuple[date | None, Precision, int | None]
_UNKNOWN: _Resolved = (None, "unknown", None)


def _month_of(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")[:3]]


def _explicit(
    y: str | None, m: int, d: int, pub: date | None, tense: Callable[[], str | None]
) -> _Resolved | None:
    if y:
        got = _safe_date(int(y), m, d)
        return (got, "day", None) if got else None
    if _safe_date(2000, m, d) is None:
        return None
    if pub is None:
        return _UNKNOWN
    return _nearest_year(m, d, pub, tense), "day", None


def _resolve(
    kind: str, g: dict[str, str | None], text: str, start: int, end: int, pub: date | None
) -> _Resolved | None:
    """Date, precision and relative days for one scanner match; None to drop the match."""

    def tense() -> str | None:
        return _tense(text, start, end)

    if kind == "iso":
        return _explicit(g["iso_y"], int(g["iso_m"]), int(g["iso_d"]), pub, tense)
    if kind == "num":
        a, b = int(g["num_a"]), int(g["num_b"])
        day, month = (a, b) if b <= 12 else (b, a)
        return _explicit(g["num_y"], month, day, pub, tense)
    if kind == "ymd":
        return _explicit(g["ymd_y"], int(g["ymd_m"]), int(g["ymd_d"]), pub, tense)
    if kind in ("md", "dm"):
        if _word_after(text, end).lower() in _NAME_AFTER and text[end:end + 1] == " ":
            return None
        day = int(re.match(r"\d+", g[f"{kind}_d"]).group())
        return _explicit(g[f"{kind}_y"], _month_of(g[f"{kind}_mon"]), day, pub, tense)
    if kind == "my":
        got = _safe_date(int(g["my_y"]), _month_of(g["my_mon"]), 1)
        return (got, "month", None) if got else None
    if kind == "yr":
        return _year(g, text, end)
    if kind == "mo":
        return _month_only(g, text, start, end, pub)
    if kind == "wd":
        return _weekday_expr(g, text, start, end, pub)
    if kind == "ord":
        nxt = _word_after(text, end)
        if nxt and nxt[0].islower() and nxt not in _ORD_NEXT_OK:
            return None
        if pub is None:
            return _UNKNOWN
        rel = (g["ord_rel"] or "").lower() or None
        tense = _tense(text, start, end)
        return _day_of_month(int(g["ord_d"]), pub, tense or "past", rel), "day", None
    if kind == "dw":
        return _day_word(g["dw_w"], text, start, pub)
    if kind == "per":
        return _period(g, text, start, end, pub)
    if kind == "ago":
        return _ago(g, pub)
    if kind == "rel":
        n = _count(g["rel_n"])
        if n is None:
            return None
        unit = g["rel_u"].lower()
        sign = -1 if g["rel_dir"].lower().startswith(("earlier", "before")) else 1
        return None, ("week" if unit.startswith("week") else "day"), sign * n * (
            7 if unit.startswith("week") else 1)
    if kind == "nd":
        w = " ".join(g["nd_w"].lower().split())
        if "later" in w or "same" in w:
            return None, "day", 0
        if w.endswith("week"):
            return None, "week", -7 if ("previous" in w or "preceding" in w) else 7
        back = "previous" in w or "preceding" in w or w.endswith("before")
        return None, "day", -1 if back else 1
    return None


def _year(g: dict[str, str | None], text: str, end: int) -> _Resolved | None:
    if not g["yr_pre"] and not g["yr_mod"]:
        return None
    nxt = _word_after(text, end)
    if nxt and nxt[0].islower() and nxt.endswith("s") and nxt not in _FUNCTION_S:
        return None
    if text[end:end + 1] in ("%", "$") or text[end:end + 2] in (" %",):
        return None
    return _safe_date(int(g["yr_y"]), 1, 1), "year", None


def _month_only(
    g: dict[str, str | None], text: str, start: int, end: int, pub: date | None
) -> _Resolved | None:
    mon = g["mo_mon"]
    if g["mo_art"] and mon in ("May", "March", "MAY", "MARCH", "Mar", "Mar."):
        return None
    if pub is None:
        return _UNKNOWN
    if g["mo_of"]:
        year = pub.year + {"last": -1, "this": 0, "next": 1}[g["mo_of"].lower()]
        return _safe_date(year, _month_of(mon), 1), "month", None
    mod = " ".join((g["mo_mod2"] or "").lower().split())
    mod = mod if mod in ("last", "next", "this") else ""
    tense = _tense(text, start, end)
    return _nearest_month(_month_of(mon), pub, tense or "", mod), "month", None


def _weekday_expr(
    g: dict[str, str | None], text: str, start: int, end: int, pub: date | None
) -> _Resolved | None:
    day_start = start + g["wd"].index(g["wd_day"]) if g["wd"] else start
    before = _word_before(text, day_start)
    if before.lower() in _WD_BEFORE and before[:1].isupper():
        return None
    if g["wd_pre"] and _word_before(text, start).lower() == "mail":
        return None
    after = _word_after(text, start + (end - start))
    if after.lower() in _WD_AFTER and after[:1].isupper() and not _possessive(text, end):
        return None
    if pub is None:
        return _UNKNOWN
    wd = _WEEKDAYS[g["wd_day"].lower()]
    if g["wd_week"]:
        week = {"last": -7, "this": 0, "next": 7}[g["wd_week"].lower()]
        monday = _monday(_shift(pub, week))
        return (_shift(monday, wd) if monday else None), "day", None
    mod = " ".join((g["wd_mod"] or "").lower().split())
    pre = " ".join((g["wd_pre"] or "").lower().split())
    tense = _tense(text, start, end)
    if tense is None:
        tense = "future" if pre in _DEADLINE_PREPS else "past"
    return _weekday(wd, pub, tense, mod), "day", None


def _day_word(word: str, text: str, start: int, pub: date | None) -> _Resolved | None:
    if word[:1].isupper():
        before = _word_before(text, start)
        gap = text[max(0, start - 1):start]
        if before and before[:1].isupper() and gap == " ":
            return None
    if pub is None:
        return _UNKNOWN
    w = word.lower()
    if "yesterday" in w or w.startswith("last"):
        return _shift(pub, -1), "day", None
    if "tomorrow" in w:
        return _shift(pub, 1), "day", None
    return pub, "day", None


def _period(
    g: dict[str, str | None], text: str, start: int, end: int, pub: date | None
) -> _Resolved | None:
    rel = g["per_rel"].lower()
    unit = g["per_unit"].lower()
    pre = (g["per_pre"] or "").lower()
    if rel == "the" and not (unit == "weekend" and pre in ("over", "at", "during")):
        return None
    if pub is None:
        return _UNKNOWN
    step = {"last": -1, "next": 1}.get(rel, 0)
    if unit == "week":
        return _monday(_shift(pub, 7 * step)), "week", None
    if unit == "month":
        return _month_start(pub, step), "month", None
    if unit == "year":
        return _safe_date(pub.year + step, 1, 1), "year", None
    monday = _monday(pub)
    saturday = _shift(monday, 5) if monday else None
    if saturday is None:
        return _UNKNOWN
    if rel == "last":
        saturday = _shift(saturday, -7)
    elif rel == "next":
        saturday = _shift(saturday, 7)
    elif rel == "the" and pub.weekday() < 5 and _tense(text, start, end) != "future":
        saturday = _shift(saturday, -7)
    return _monday(saturday), "week", None


def _ago(g: dict[str, str | None], pub: date | None) -> _Resolved | None:
    n = _count(g["ago_n"])
    if n is None:
        return None
    if pub is None:
        return _UNKNOWN
    unit = g["ago_u"].lower().rstrip("s")
    if unit == "day":
        return _shift(pub, -n), "day", None
    if unit == "week":
        return _monday(_shift(pub, -7 * n)), "week", None
    if unit == "month":
        return _month_start(pub, -n), "month", None
    return _safe_date(pub.year - n, 1, 1), "year", None


# ---------------------------------------------------------------------------- public API

def _matches(text: str) -> Iterator[re.Match[str]]:
    """The scanner's matches over `text`, leftmost first, none overlapping."""
    pos = 0
    openers: list[int] = []
    for tok in _TOKEN.finditer(text):
        word = tok.group().lower()
        here = tok.start()
        if here >= pos and (word[0].isdigit() or word in _ANCHORS):
            lo = max(pos, here - _BACK)
            for start in [*(o for o in openers if o >= lo), here]:
                m = _SCAN.match(text, start, here + _AHEAD)
                if m and m.end() > here:
                    pos = m.end()
                    yield m
                    break
        if word in _OPENERS:
            openers.append(here)
            if len(openers) > 8:
                del openers[:4]


def find_dates(text: str, published: date | None) -> list[TimeExpression]:
    """Every temporal expression in `text`, resolved against `published`, sorted by start.

    Spans never overlap (the scanner prefers the longest form at each position) and
    `text[e.start:e.end] == e.text`. Without `published`, phrases that count from it get
    `date=None` and precision 'unknown'; explicit dates with a year still resolve.
    """
    found: list[TimeExpression] = []
    last_end = 0
    for m in _matches(text):
        kind = m.lastgroup
        if kind is None:
            continue
        start, end = m.span()
        g = m.groupdict()
        got = _resolve(kind, g, text, start, end, published)
        if got is None:
            continue
        when, precision, rel = got
        if kind == "mo" and g["mo_art"]:
            start = m.start("mo_mon")
        elif kind == "my" and not g["my_pre"] and not g["my_mod"]:
            glued = _GLUED_DAY.search(text, max(last_end, start - 6), start)
            day = _safe_date(when.year, when.month, int(glued.group(1))) if glued else None
            if day:
                start, when, precision = glued.start(), day, "day"
        if when is None and rel is None:
            precision = "unknown"
        pre = g.get(f"{kind}_pre") or ""
        deadline = " ".join(pre.lower().split()) in _DEADLINE_PREPS and not _possessive(
            text, end
        )
        found.append(
            TimeExpression(text[start:end], start, end, when, precision, rel, deadline)
        )
        last_end = end
    return found


def resolve_relative(
    expr: TimeExpression, anchor: date, anchor_precision: Precision = "day"
) -> TimeExpression:
    """`expr` dated from `anchor` when it counts days from another event; else unchanged.

    The result is never more precise than the anchor: "two days later" after "last week"
    is dated by the Monday of the week it falls in, with week precision.
    """
    if expr.relative_days is None:
        return expr
    when = _shift(anchor, expr.relative_days)
    order = ["day", "week", "month", "year", "unknown"]
    precision: Precision = max(expr.precision, anchor_precision, key=order.index)
    if when is not None:
        if precision == "week":
            when = _monday(when)
        elif precision == "month":
            when = when.replace(day=1)
        elif precision == "year":
            when = when.replace(month=1, day=1)
    if precision == "unknown":
        when = None
    return replace(expr, date=when, precision=precision)


def date_in_words(d: date | None, precision: str) -> str:
    """A date as a reader says it: '18 January 2024', 'week of 29 January 2024', '2024'."""
    if d is None or precision not in ("day", "week", "month", "year"):
        return "date unknown"
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return f"{_MONTH_NAMES[d.month]} {d.year}"
    words = f"{d.day} {_MONTH_NAMES[d.month]} {d.year}"
    return f"week of {words}" if precision == "week" else words


# ---------------------------------------------------------------------------- publication

_FULL_DATE = re.compile(
    rf"(?:{_WD},?\s+)?(?:"
    rf"(?P<a_mon>{_MON})\s+(?P<a_d>{_DAY}),?\s+(?P<a_y>{_YEAR})"
    rf"|(?P<b_d>{_DAY})\s+(?:of\s+)?(?P<b_mon>{_MON}),?\s+(?P<b_y>{_YEAR})"
    rf"|(?P<c_y>(?:19|20)\d{{2}})-(?P<c_m>0[1-9]|1[0-2])-(?P<c_d>0[1-9]|[12]\d|3[01])(?!\d)"
    rf"|(?P<d_a>\d{{1,2}})(?P<d_s>[/.])(?P<d_b>\d{{1,2}})(?P=d_s)(?P<d_y>{_YEAR}))"
)
_LABEL = re.compile(
    r"^[\W_]*(?P<label>(?:first\s+)?published|posted|date(?:d)?|(?:last\s+)?updated|"
    r"publication\s+date)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
_TIME_TAIL = re.compile(
    r"^[\s,\-–—@]*(?:at\s+)?(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?i:[ap]\.?m\.?)?)?\s*"
    r"(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?[\s.)\]]*$"
)
_PARTS = re.compile(r"\s*[|•·]\s*")
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40},\s+(?:[A-Z][A-Za-z .'’-]{1,30},\s+)?")
_DATELINE_TAIL = re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*[-—–:]")
#: How much of a long line can hold a dateline ("PORT SUDAN, Sudan, Dec 19, 2023 (AFP) -").
_DATELINE_SPAN = 120


def _full_date(m: re.Match[str]) -> date | None:
    if m.group("a_mon"):
        day = int(re.match(r"\d+", m.group("a_d")).group())
        return _safe_date(int(m.group("a_y")), _month_of(m.group("a_mon")), day)
    if m.group("b_mon"):
        day = int(re.match(r"\d+", m.group("b_d")).group())
        return _safe_date(int(m.group("b_y")), _month_of(m.group("b_mon")), day)
    if m.group("c_y"):
        return _safe_date(int(m.group("c_y")), int(m.group("c_m")), int(m.group("c_d")))
    a, b = int(m.group("d_a")), int(m.group("d_b"))
    day, month = (a, b) if b <= 12 else (b, a)
    return _safe_date(int(m.group("d_y")), month, day)


def _line_date(line: str) -> tuple[int, date] | None:
    """(rank, date) when a header line states a date: labelled 1-2, bare 3, dateline 4."""
    label = _LABEL.match(line)
    rest = line[label.end():] if label else line.strip(" \t-–—•*|#>")
    m = _FULL_DATE.match(rest)
    if m and _TIME_TAIL.match(rest[m.end():]):
        d = _full_date(m)
        if d is None:
            return None
        if label:
            return (2 if "updat" in label.group("label").lower() else 1), d
        return 3, d
    head = _DATELINE.match(line)
    if head:
        m = _FULL_DATE.match(line, head.end())
        if m and _DATELINE_TAIL.match(line[m.end():]):
            d = _full_date(m)
            return (4, d) if d else None
    return None


def published_from_text(text: str, max_lines: int = 12) -> date | None:
    """A publication date the text states near its top ("Published 18 January 2024",
    a line holding only a date, a dateline "ISLAMABAD, Jan. 22, 2024 —"); None when unsure.

    Only the first `max_lines` non-empty lines are read, so dates of related articles
    further down are never taken; dates without a year are ignored.
    """
    best: tuple[int, date] | None = None
    lines = [ln.strip() for ln in text[:3000].splitlines() if ln.strip()][:max_lines]
    for line in lines:
        parts = [line, *_PARTS.split(line)]
        if len(line) > 200:  # a first paragraph: only its opening can be a dateline
            parts = [line[:_DATELINE_SPAN]]
        for part in parts:
            got = _line_date(part)
            if got and 1990 <= got[1].year <= 2100 and (best is None or got[0] < best[0]):
                best = got
    return best[1] if best else None
