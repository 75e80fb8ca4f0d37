"""Compile the packaged sources into one on-disk index that loads in a fraction of a second.

The index holds every lookup key in a memory-mapped trie (marisa-trie: it loads instantly and
answers prefix queries, which the text scanner uses to stop early), the places as compact
columns with each key's postings, the demonyms, and the keys that are also common English
words. It is cached under a name derived from the sources and this builder, so it is
rebuilt whenever either changes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import tempfile
import time
from array import array
from collections.abc import Iterable
from pathlib import Path

import marisa_trie

from gazetteer import counties, normalize, sources
from gazetteer.normalize import fold_name, name_keys
from gazetteer.sources import Entry

#: Bump when the index layout or the build rules change.
BUILD_VERSION = "1"

#: How names rank: the main name beats a curated alias beats a GeoNames alternate name.
PRIMARY, ALIAS, ALTERNATE = 3, 2, 1

_CODE_LIKE = re.compile(r"\d|^[A-Z0-9 .-]+$")


def cache_dir() -> Path:
    """Where compiled indexes live: $GEO_CACHE_DIR, else the user's cache directory."""
    env = os.environ.get("GEO_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "geo"


def _code_digest() -> str:
    h = hashlib.sha1(BUILD_VERSION.encode())
    for module in (__file__, sources.__file__, counties.__file__, normalize.__file__):
        h.update(Path(module).read_bytes())
    return h.hexdigest()


#: Read once, when this code is imported: a process that loaded older builder code must not
#: file the index it builds under the name of the code on disk now.
_CODE_DIGEST = _code_digest()


def builder_digest() -> str:
    """A digest of the builder's version and code: an index from other code is another's."""
    return _CODE_DIGEST


def fingerprint(extra: Iterable[Path] = ()) -> str:
    """A digest of the builder and every source file's size and mtime."""
    h = hashlib.sha1(builder_digest().encode())
    for path in [*sources.source_files(), sources.package_file("zipcodes"), *extra]:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            st = f.stat()
            h.update(f"{f.name}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:16]


def index_path(extra: Iterable[Path] = ()) -> Path:
    return cache_dir() / f"gazetteer-{fingerprint(extra)}"


def collect_entries(extra_csv: Iterable[Path] = ()) -> list[Entry]:
    """Every place from every source, countries first (their order is the tie-breaker)."""
    admin1 = sources.admin1_names()
    capitals = sources.capitals()
    entries = [
        *sources.countries(),
        *sources.continents(),
        *sources.regions(),
        *sources.subdivisions(admin1),
        *counties.us_counties(admin1),
        *sources.cities(admin1, capitals),
    ]
    for path in extra_csv:
        import csv

        with open(path, encoding="utf-8", newline="") as fh:
            entries.extend(sources.entries_from_csv(csv.DictReader(fh)))
    return entries


def _usable(name: str) -> bool:
    return len(name) >= 3 and not _CODE_LIKE.search(name)


def common_words(postings: dict[str, dict[int, int]], entries: list[Entry]) -> frozenset[str]:
    """Keys that are also everyday lower-case English words ("more", "reading", "split"), or
    frequent words of news that only small towns are named ("Congress", "NATO", "Tyler")."""
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    lower = {w for w in get_english_words_set(["web2", "gcide"], lower=False) if w.islower()}
    out = set()
    for key, places in postings.items():
        everyday = key in lower and zipf_frequency(key, "en") >= 3.0
        if everyday or (" " not in key and all(entries[i].kind == "city"
                                               and entries[i].population < _SMALL_TOWN
                                               for i in places)
                        and zipf_frequency(key, "en") >= _FREQUENT_NAME):
            out.add(key)
    return frozenset(out)


def everyday_words() -> frozenset[str]:
    """Lower-case English words at least as frequent as wordfreq's Zipf 4 (once in ten
    thousand words): kept in the index so that readers need not load wordfreq's tables."""
    from wordfreq import top_n_list, zipf_frequency

    return frozenset(w for w in top_n_list("en", 20_000)
                     if w.isalpha() and zipf_frequency(w, "en") >= _EVERYDAY)


_EVERYDAY = 4.0
#: A town smaller than this whose name is a frequent word of news text is weak evidence.
_SMALL_TOWN = 100_000
#: wordfreq's Zipf scale: 3.5 is about three times in a million words ("Tyler", "Hamas").
_FREQUENT_NAME = 3.5
#: A city's other names that are at least this frequent in English are someone else's: the
#: Hamm spelled "Hamas" in some language is not what news means by it.
_FREQUENT_ALTERNATE = 3.0
_WORLD_FAMOUS = 1_000_000


KINDS = ("city", "admin1", "admin2", "country", "region", "facility", "feature")

#: GeoNames alternate names are kept for places of at least this many people; smaller places
#: are found by their main name, which keeps the index small and wrong matches few.
ALTERNATES_MIN_POPULATION = 15000


def _names(e: Entry) -> list[tuple[str, int]]:
    if e.kind != "city":
        return [(e.name, PRIMARY)] + [(a, ALIAS) for a in e.aliases]
    alts = e.aliases if e.population >= ALTERNATES_MIN_POPULATION else []
    if alts and e.population < _WORLD_FAMOUS:
        from wordfreq import zipf_frequency

        alts = [a for a in alts if " " in a or zipf_frequency(a, "en") < _FREQUENT_ALTERNATE]
    press = arabic_press_forms(e.name) if e.country in ARABIC_ROMANISED else []
    return [(e.name, PRIMARY)] + [(a, ALTERNATE) for a in alts] + press


#: Countries whose place names GeoNames romanises from Arabic (BGN/PCGN: "Sūsah", "Al Marj").
ARABIC_ROMANISED = frozenset(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())
#: The Arabic article as romanised before a name: "Al Marj", "Az Zāwiyah", "El Arish".
_ARTICLE = re.compile(r"^(?:[AE][lnrstdz]|Ash|Adh|Ath|Aẓ|Aḑ|Aţ|Aş)[ -](?=\w{4})")


def arabic_press_forms(name: str) -> list[tuple[str, int]]:
    """The spellings news gives an Arabic place name GeoNames spells otherwise: the feminine
    ending without its 'h' ("Sūsah" → "Susa", as a curated alias would be), and the name
    without its article ("Al Marj" → "Marj", weaker: the bare word may be a person's)."""
    forms: list[tuple[str, int]] = []
    plain = name[:-1] if len(name) >= 5 and name.endswith("ah") else None
    if plain:
        forms.append((plain, ALIAS))
    m = _ARTICLE.match(name)
    if m:
        from wordfreq import zipf_frequency

        for bare in (name[m.end():], plain[m.end():] if plain else None):
            if (bare and " " not in bare
                    and zipf_frequency(fold_name(bare), "en") < _FREQUENT_ALTERNATE):
                forms.append((bare, ALTERNATE))
    return forms


def compile_index(entries: list[Entry]) -> tuple[marisa_trie.Trie, dict]:
    """Entries → (a trie of lookup keys, the columns and postings it points into)."""
    postings: dict[str, dict[int, int]] = {}
    acronyms: dict[str, list[int]] = {}
    for idx, e in enumerate(entries):
        for name, quality in _names(e):
            if not _usable(name):
                continue
            for key in name_keys(name):
                slot = postings.setdefault(key, {})
                if slot.get(idx, 0) < quality:
                    slot[idx] = quality
        for acro in e.acronyms:
            acronyms.setdefault(acro, []).append(idx)
    trie = marisa_trie.Trie(postings)
    offsets, place_ids, qualities = array("I", [0]), array("I"), array("B")
    for key_id in range(len(trie)):
        for idx, quality in sorted(postings[trie.restore_key(key_id)].items()):
            place_ids.append(idx)
            qualities.append(quality)
        offsets.append(len(place_ids))
    admin1_table = sorted({e.admin1 for e in entries if e.admin1})
    admin1_id = {a: i + 1 for i, a in enumerate(admin1_table)}
    payload = {
        "version": BUILD_VERSION,
        "names": "\n".join(e.name for e in entries),
        "country": "".join(e.country or "--" for e in entries),
        "admin1_table": ["", *admin1_table],
        "admin1": array("I", (admin1_id.get(e.admin1 or "", 0) for e in entries)),
        "kind": array("B", (KINDS.index(e.kind) for e in entries)),
        "lat": array("d", (round(e.lat, 5) for e in entries)),
        "lon": array("d", (round(e.lon, 5) for e in entries)),
        "geonameid": array("q", (e.geonameid or -1 for e in entries)),
        "population": array("Q", (e.population for e in entries)),
        "capital": array("B", (e.capital for e in entries)),
        "offsets": offsets,
        "place_ids": place_ids,
        "qualities": qualities,
        "acronyms": {a: tuple(v) for a, v in acronyms.items()},
        "demonyms": sources.demonyms(),
        "common": common_words(postings, entries),
        "everyday": everyday_words(),
        "abbreviations": sources.abbreviations(),
    }
    return trie, payload


def build(path: Path | None = None, extra_csv: Iterable[Path] = ()) -> Path:
    """Build the index into directory `path` atomically; returns its path."""
    extra_csv = [Path(p) for p in extra_csv]
    path = path or index_path(extra_csv)
    trie, payload = compile_index(collect_entries(extra_csv))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=".gazetteer-"))
    try:
        trie.save(str(tmp / "keys.marisa"))
        with open(tmp / "places.pickle", "wb") as fh:
            pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
        (tmp / _EXTRA_LIST).write_text("".join(f"{p.resolve()}\n" for p in extra_csv), "utf-8")
        (tmp / _BUILDER).write_text(_builder_record(), "utf-8")
        if path.exists():
            shutil.rmtree(path)
        os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    remove_stale(path.parent)
    return path


#: The extra CSVs an index was built with, one path per line, and the builder that built it:
#: what tells later whether the index is stale.
_EXTRA_LIST = "extra-places.txt"
_BUILDER = "builder.txt"
#: An index from other builder code may belong to another installed version of geo, in use:
#: it is removed only once it is this old.
FOREIGN_MAX_AGE_S = 30 * 86400


def _builder_record() -> str:
    """The builder's digest and where its sources are: another checkout or installation of
    the same code keeps its own indexes."""
    return "\n".join([builder_digest(), *(str(p.resolve()) for p in sources.source_files())])


def remove_stale(directory: Path, now: float | None = None) -> list[Path]:
    """Delete the indexes in `directory` that no build would use any more (about 17 MB each):
    ours whose sources changed or whose extra CSVs are gone, and month-old ones from other
    builder code or another checkout. Returns what was removed."""
    now = time.time() if now is None else now
    ours = _builder_record()
    removed = []
    for index in sorted(directory.glob("gazetteer-*")):
        try:
            builder = (index / _BUILDER).read_text("utf-8")
            extra = [Path(p) for p in (index / _EXTRA_LIST).read_text("utf-8").splitlines()]
        except OSError:
            builder, extra = "", []
        if builder != ours:
            stale = now - index.stat().st_mtime > FOREIGN_MAX_AGE_S
        else:
            stale = not all(p.exists() for p in extra) or (
                index.name != f"gazetteer-{fingerprint(extra)}")
        if stale:
            shutil.rmtree(index, ignore_errors=True)
            removed.append(index)
    return removed
