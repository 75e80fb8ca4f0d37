"""Death tolls: the number a clause says were killed ("killed nine people", "11 dead")."""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a hundred": 100, "hundreds": 200,
    "dozens": 24, "a dozen": 12, "scores": 40,
}
_NUM = r"(\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_VICTIMS = (r"(?:people|persons|civilians|children|kids|soldiers|troops|militants|fighters|"
            r"members|officers|policemen|police|women|men|others|workers|villagers|residents|"
            r"security forces|personnel|guards|passengers)")
_FATALITIES = (
    re.compile(rf"\b(?:killed|killing|kills|left|leaving|claimed the lives of)\s+(?:at least\s+|"
               rf"more than\s+|over\s+|nearly\s+|some\s+|about\s+|around\s+)?{_NUM}\b", re.I),
    re.compile(rf"\b(?:at least\s+|more than\s+)?{_NUM}\s+(?:\w+\s+){{0,2}}{_VICTIMS}?\s*"
               rf"(?:were\s+|had been\s+|have been\s+|are\s+)?(?:killed|dead|died|dying)\b", re.I),
    # "Seven members of one family were killed": the count, not the family
    re.compile(rf"\b{_NUM}\s+(?:\w+\s+)?(?:members|relatives|residents|people|civilians|"
               rf"children)\s+of\s+(?:\w+\s+){{1,3}}?(?:were\s+|had been\s+|have been\s+)?"
               rf"(?:killed|dead|died)\b", re.I),
    re.compile(rf"\bdeaths? of\s+(?:at least\s+)?{_NUM}\b", re.I),
    re.compile(rf"\b{_NUM}\s+(?:deaths|casualties|fatalities|dead)\b", re.I),
)

def _number(word: str) -> int | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def death_toll(clause: str) -> int | None:
    """The largest death toll the clause states ("killed nine people", "at least 11 dead")."""
    found = [n for pattern in _FATALITIES for m in pattern.finditer(clause)
             if (n := _number(m.group(1))) is not None and n < 100_000]
    return max(found) if found else None
