"""Name folding shared by the index and the text scanner.

`fold` keeps the text's length so that a match in folded text has the same offsets in the
original; `name_keys` gives every spelling a name is looked up under.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE_LIKE = "-‐‑‒–—―_\n\r\t\u00a0/"
_QUOTES = "’‘ʼʻ`´"
# ASCII is folded by one static table; other characters are added as texts bring them.
_TABLE: dict[int, str] = {
    **{ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    **{ord(c): " " for c in _SPACE_LIKE},
    **{ord(c): "'" for c in _QUOTES},
}


# Letters Unicode does not decompose into a base letter and a mark (Turkish dotless i,
# Azerbaijani schwa, Polish l with stroke, Nordic o with stroke...), written so in English.
_LETTERS = dict(zip("ıəƏłŁøØđĐħĦŧŦ", "ieellooddhhtt", strict=True))


def _fold_char(ch: str) -> str:
    """One character folded to one: its base letter in lower case, else itself."""
    if ch in _LETTERS:
        return _LETTERS[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    low = base.lower()
    if len(low) == 1:
        return low
    return ch.lower() if len(ch.lower()) == 1 else ch


def fold(text: str) -> str:
    """Lower-case, strip diacritics, hyphens and slashes to spaces; same length as `text`."""
    if text.isascii():
        return text.translate(_TABLE)  # CPython's fast path for ASCII
    low = text.lower()
    # lower() is C-fast but changes the length of a few letters (İ) and lowers Greek capital
    # sigma by its place in the word: those texts take the table, a dictionary look-up per
    # character (ten times slower)
    if len(low) != len(text) or "Σ" in text or "Ϲ" in text:
        return _fold_by_table(text)
    for ch, to in _ASCII_CHANGES:
        if ch in low:
            low = low.replace(ch, to)
    return _NON_ASCII.sub(_fold_match, low)


def _fold_by_table(text: str) -> str:
    for ch in set(text):
        if ord(ch) > 127 and ord(ch) not in _TABLE:
            _TABLE[ord(ch)] = _fold_char(ch)
    return text.translate(_TABLE)


_ASCII_CHANGES = [(chr(k), v) for k, v in _TABLE.items() if k < 128 and not chr(k).isupper()]
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_FOLDED: dict[str, str] = {}


def _fold_match(m: re.Match[str]) -> str:
    ch = m.group()
    out = _FOLDED.get(ch)
    if out is None:
        out = _FOLDED[ch] = _TABLE.get(ord(ch)) or _fold_char(ch)
    return out


_MULTISPACE = re.compile(r"\s+")


def fold_name(name: str) -> str:
    """The canonical key of a name: folded, single-spaced, trimmed."""
    return _MULTISPACE.sub(" ", fold(name)).strip(" ,")


# Spelling alternations common in the romanisation of place names (Persian, Urdu, Arabic).
_VARIANTS = (
    (" and ", " va "),
    (" and ", " "),
    (" and ", " & "),
    ("baluch", "baloch"),
    ("saint ", "st "),
    ("saint ", "st. "),
    ("sankt ", "st. "),
)


_STAN = re.compile(r"(?<=[a-z]{3})([ei])stan\b")


def _swap_stan(m: re.Match[str]) -> str:
    return ("i" if m.group(1) == "e" else "e") + "stan"


#: Turkish and Azerbaijani letters English spells with two: Daşkəsən is Dashkesan.
_TWO_LETTERS = str.maketrans({"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch"})


def name_keys(name: str) -> set[str]:
    """Every key a name is found under: its folded form and its common spelling variants."""
    base = fold_name(name)
    keys = {base, fold_name(name.translate(_TWO_LETTERS))}
    if base.startswith("the "):
        keys.add(base[4:])
    for a, b in _VARIANTS:
        for key in list(keys):
            if a in key:
                keys.add(key.replace(a, b))
            if b in key and b.strip():
                keys.add(key.replace(b, a))
    for _ in range(2):
        keys.update(
            k[: m.start()] + _swap_stan(m) + k[m.end() :]
            for k in list(keys)
            for m in _STAN.finditer(k)
        )
    keys.update(k.replace("'", "") for k in list(keys) if "'" in k)
    return {k for k in keys if k}
