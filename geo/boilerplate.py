"""Where the story is not: related-article links, author bios, comment forms, share bars.

Returns character ranges; places found inside them get the role `boilerplate`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# A line that starts one of these ends the story: everything after it is page furniture.
_TAIL = re.compile(
    r"^\s*(?:leave a (?:reply|comment)|please enter your (?:comment|name)|related articles?"
    r"|related (?:stories|posts|news|coverage)|source link|you may also like|recommended for you"
    r"|more from|most read|trending now|hot topics|share this(?: article)?|about the author"
    r"|follow us|subscribe to|sign up for|all rights reserved|copyright ©|©)\b",
    re.IGNORECASE | re.MULTILINE,
)

# A line that starts one of these is a link to another story: that line alone.
_LINK_LINE = re.compile(
    r"^[ \t]*(?:also read|read also|read more|more to read|related|see also|watch|listen"
    r"|recommended|must read|don't miss|more on this story|related topics?|read next)"
    r"\s*[:|–—-].*$",
    re.IGNORECASE | re.MULTILINE,
)

# An author bio: a paragraph in the first person about the site or the writer.
_BIO = re.compile(
    r"^[ \t]*(?:I'm|I am|I’m)\b[^\n]*\b(?:author|writer|editor|journalist|blogger|founder)\b"
    r"[^\n]*$|^[ \t]*[^\n]{0,80}\bis an? (?:author|writer|editor|journalist|reporter)\b"
    r"[^\n]*\b(?:covering|who covers|based in)\b[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)

# A line of "Published 18 January 2024" style timestamps for other stories.
_STAMP_LINE = re.compile(r"^[ \t]*-?\s*Published\s*\d[^\n]*$", re.MULTILINE)


# Wire credits: "(Reporting by Alexandra Valencia in Quito; Editing by Daniel Wallis)", "With
# files from Ann Roy in Regina" (Canadian Press),
# "Associated Press writer Jon Gambrell in Dubai contributed to this report." The places in
# them are where the reporters sat, not where the story happened.
_CREDIT = re.compile(
    r"\((?:Additional )?(?:[Rr]eporting|Writing|Editing|Compiled|Reported) by\b[^()]*\)"
)
_CREDIT_LINE = re.compile(
    r"^[ \t]*(?:[-–—•*][ \t]*)?(?:(?:Additional )?[Rr]eporting by|Writing by|Editing by"
    r"|[Ww]ith files from)\b[^\n]*$", re.MULTILINE
)
# A byline: "By Paul Kirby, BBC News", "By MATTHEW LEE", "By Ana Ruiz in Lima and Tom Hale
# in Quito" — a short line of capitalised words, where each writer may say where they sat.
_BYLINE = re.compile(r"^[ \t]*By[ \t]+(?:(?:[A-Z][\w.'’-]*(?![\w.'’-])|in(?=[ \t]+[A-Z]))"
                     r"(?:[ \t]+|,[ \t]*|[ \t]+(?:and|&)[ \t]+)?){1,14}$", re.MULTILINE)
# The other cities of a shared dateline, "KHARTOUM/WASHINGTON, April 23 (Reuters) -": where
# the co-writers sat. The first city is where the story is told from.
_DATELINE_MORE = re.compile(r"[ \t]*[A-Z][A-Z.'’ -]*[A-Z]((?:/[A-Z][A-Z.'’ -]*[A-Z])+),? ")
_DATELINE_MORE_NL = re.compile("\n" + _DATELINE_MORE.pattern)
_CONTRIBUTED = re.compile(r"contributed (?:to )?(?:this )?(?:report|reporting|story)\b")


def _after_newline(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The line-anchored `pattern` behind a literal newline, as group 1: re finds a literal
    first character fast, while a leading '^' is tried at every position."""
    assert pattern.pattern.startswith("^")
    return re.compile(r"\n(" + pattern.pattern[1:] + ")", pattern.flags)


_TAIL_NL = _after_newline(_TAIL)
_LINES = tuple((p, _after_newline(p))
               for p in (_LINK_LINE, _BIO, _STAMP_LINE, _CREDIT_LINE, _BYLINE))


@lru_cache(maxsize=4)
def boilerplate_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of `text` that are page furniture rather than story, sorted, merged.
    Memoised: the places step and the events step both ask for each document's ranges."""
    ranges: list[tuple[int, int]] = []
    tail = _TAIL_NL.search(text, _min_story_start(text) - 1)
    if tail:
        ranges.append((tail.start(1), len(text)))
    for first_line, other_lines in _LINES:
        first = first_line.match(text)
        if first:
            ranges.append(first.span())
        ranges.extend(m.span(1) for m in other_lines.finditer(text))
    ranges.extend(m.span() for m in _CREDIT.finditer(text))
    first = _DATELINE_MORE.match(text)
    if first:
        ranges.append(first.span(1))
    ranges.extend(m.span(1) for m in _DATELINE_MORE_NL.finditer(text))
    for m in _CONTRIBUTED.finditer(text):  # the whole line it ends
        end = text.find("\n", m.end())
        ranges.append((text.rfind("\n", 0, m.start()) + 1, len(text) if end < 0 else end))
    return tuple(_merge(ranges))


def _min_story_start(text: str) -> int:
    """The tail markers only count after the first few hundred characters of story."""
    return min(len(text), 200)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def in_ranges(pos: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether a character offset falls inside one of the (sorted) ranges."""
    return any(start <= pos < end for start, end in ranges)
