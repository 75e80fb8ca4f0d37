"""Load the compiled index and look names up: candidates with the facts that rank them."""

from __future__ import annotations

import itertools
import math
import pickle
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import marisa_trie

from gazetteer.build import ALIAS, KINDS, PRIMARY, build, index_path
from gazetteer.normalize import fold_name
from geo.models import Place

_KIND_WEIGHT = {"country": 1.0, "admin1": 0.9, "region": 0.95, "feature": 0.95,
                "facility": 0.8, "admin2": 0.45, "city": 0.0}
_NAME_WEIGHT = {PRIMARY: 1.0, ALIAS: 0.9}


def prior(place: Place, quality: int, capital: bool) -> float:
    """How likely a place is meant by a name before reading any context (0..1): its kind,
    its size, whether it is a capital, and whether the name is its main one."""
    pop = place.population
    size = min(1.0, math.log10(pop + 1) / 7.0) if pop else 0.0
    base = max(_KIND_WEIGHT[place.kind], size) + (0.15 if capital else 0.0)
    return min(1.0, base) * _NAME_WEIGHT.get(quality, 0.6)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may stand for, with what the name tells of it."""

    idx: int
    place: Place
    quality: int  # PRIMARY, ALIAS or ALTERNATE name
    capital: bool
    prior: float = 0.0

    @classmethod
    def of(cls, idx: int, place: Place, quality: int, capital: bool) -> Candidate:
        return cls(idx, place, quality, capital, prior(place, quality, capital))


class Gazetteer:
    """The compiled index: a memory-mapped trie of keys and the places they point to."""

    def __init__(self, directory: Path) -> None:
        self.path = directory
        self.trie = marisa_trie.Trie()
        self.trie.mmap(str(directory / "keys.marisa"))
        with open(directory / "places.pickle", "rb") as fh:
            data = pickle.load(fh)
        self._data = data
        self._names: list[str] | None = None
        self.acronyms: dict[str, tuple[int, ...]] = data["acronyms"]
        self.demonyms: dict[str, str] = data["demonyms"]
        #: first words of the demonyms of two words or more ("South" of "South Korean")
        self.demonym_heads = frozenset(d.split(" ", 1)[0] for d in self.demonyms if " " in d)
        self.common: frozenset[str] = data["common"]
        #: lower-case English words of everyday frequency ("heavy", "cold")
        self.everyday: frozenset[str] = data["everyday"]
        #: press abbreviations of states and provinces ("Ill.") → (country, admin1 name)
        self.abbreviations: dict[str, tuple[str, str]] = data["abbreviations"]
        #: (a folded key's id or None, whether longer keys start with it), memoised: news
        #: repeats the same capitalised words all day. An attribute, not a method, because
        #: the scanner calls it a hundred times per article.
        self.probe = lru_cache(maxsize=1 << 18)(self._probe_uncached)
        self._place = lru_cache(maxsize=200_000)(self._make_place)
        self._by_key = lru_cache(maxsize=200_000)(self._candidates_for_key)

    @classmethod
    def load(cls, extra_csv: tuple[Path, ...] = ()) -> Gazetteer:
        """The index for the installed sources (and extra CSVs), built first if missing."""
        path = index_path(extra_csv)
        if not (path / "places.pickle").exists():
            build(path, extra_csv)
        return cls(path)

    def __len__(self) -> int:
        return len(self._data["kind"])

    @property
    def names(self) -> list[str]:
        if self._names is None:
            self._names = self._data["names"].split("\n")
        return self._names

    def _make_place(self, idx: int) -> Place:
        d = self._data
        cc = d["country"][2 * idx : 2 * idx + 2]
        gid = d["geonameid"][idx]
        return Place(
            name=self.names[idx],
            country=None if cc == "--" else cc,
            admin1=d["admin1_table"][d["admin1"][idx]] or None,
            lat=d["lat"][idx],
            lon=d["lon"][idx],
            kind=KINDS[d["kind"][idx]],  # type: ignore[arg-type]
            geonameid=None if gid < 0 else gid,
            population=d["population"][idx],
        )

    def place(self, idx: int) -> Place:
        return self._place(idx)

    def is_capital(self, idx: int) -> bool:
        return bool(self._data["capital"][idx])

    def key_id(self, key: str) -> int | None:
        """The id of an exact (folded) key, or None."""
        return self.trie.get(key)

    def _probe_uncached(self, key: str) -> tuple[int | None, bool]:
        longer = any(k != key for k in itertools.islice(self.trie.iterkeys(key), 2))
        return self.trie.get(key), longer

    def has_prefix(self, prefix: str) -> bool:
        return next(self.trie.iterkeys(prefix), None) is not None

    def _candidates_for_key(self, key_id: int) -> tuple[Candidate, ...]:
        """Candidates for a key, most likely first by prior alone."""
        d = self._data
        lo, hi = d["offsets"][key_id], d["offsets"][key_id + 1]
        found = [
            Candidate.of(i, self.place(i), d["qualities"][j], self.is_capital(i))
            for j, i in zip(range(lo, hi), d["place_ids"][lo:hi], strict=True)
        ]
        return tuple(sorted(found, key=lambda c: (-c.prior, c.idx)))

    def candidates_for_key(self, key_id: int) -> tuple[Candidate, ...]:
        return self._by_key(key_id)

    def lookup(self, name: str) -> list[Candidate]:
        """Every place `name` may stand for, most likely first (by prior alone)."""
        found: dict[int, Candidate] = {}
        key = fold_name(name)
        key_id = self.key_id(key)
        if key_id is None and key.endswith("ah") and len(key) > 5:
            key_id = self.key_id(key[:-1])  # Arabic names: "Hodeidah" is "Hodeida"
        if key_id is not None:
            found.update((c.idx, c) for c in self.candidates_for_key(key_id))
        for idx in self.acronyms.get(name.strip(), ()):
            found.setdefault(idx, Candidate.of(idx, self.place(idx), ALIAS, self.is_capital(idx)))
        return sorted(found.values(), key=lambda c: (-c.prior, c.idx))

    def nearest(self, lat: float, lon: float, limit: int = 1) -> list[Candidate]:
        """The populated places nearest to a point (a scan over every place)."""
        d = self._data
        city = KINDS.index("city")
        coslat = math.cos(math.radians(lat))
        best: list[tuple[float, int]] = []
        for idx, (plat, plon) in enumerate(zip(d["lat"], d["lon"], strict=True)):
            if d["kind"][idx] != city:
                continue
            dist = (plat - lat) ** 2 + ((plon - lon) * coslat) ** 2
            if len(best) < limit or dist < best[-1][0]:
                best.append((dist, idx))
                best.sort()
                del best[limit:]
        return [Candidate.of(i, self.place(i), PRIMARY, self.is_capital(i)) for _, i in best]

    def country(self, iso: str) -> Place | None:
        """The country entry for an ISO alpha-2 code."""
        return self._countries().get(iso)

    @lru_cache(maxsize=1)  # noqa: B019 - one gazetteer per process
    def _countries(self) -> dict[str, Place]:
        out: dict[str, Place] = {}
        kinds = self._data["kind"]
        country_kind = KINDS.index("country")
        for idx in range(len(kinds)):
            if kinds[idx] == country_kind:
                p = self.place(idx)
                if p.country:
                    out.setdefault(p.country, p)
            elif out:
                break
        return out


_LOCK = threading.Lock()
_DEFAULT: Gazetteer | None = None


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer for the installed sources, loaded once."""
    global _DEFAULT
    with _LOCK:
        if _DEFAULT is None:
            _DEFAULT = Gazetteer.load()
        return _DEFAULT
