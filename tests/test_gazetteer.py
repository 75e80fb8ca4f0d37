"""The gazetteer: name folding, the compiled index, look-ups, user places, the geopy geocoder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from geopy.location import Location

from gazetteer.build import index_path
from gazetteer.geocoder import OfflineGazetteer
from gazetteer.index import Gazetteer, default_gazetteer
from gazetteer.normalize import fold, fold_name, name_keys
from geo.places import extract_places


def test_fold_keeps_length_and_strips_marks() -> None:
    for text in ("Sīstān va Balūchestān", "São Paulo’s", "İstanbul", "Straße", "Kyiv—Odesa"):
        assert len(fold(text)) == len(text)
    assert fold("Sīstān-Balūchestān") == "sistan baluchestan"
    assert fold_name("  Pakistan’s   capital ") == "pakistan's capital"


def test_name_keys_cover_romanisation_variants() -> None:
    keys = name_keys("Sīstān va Balūchestān")
    assert {"sistan and baluchestan", "sistan baluchistan", "sistan and balochistan"} <= keys
    assert "st. louis" in name_keys("Saint Louis")
    assert name_keys("Kazakhstan") == {"kazakhstan"}


def test_index_is_real_geonames_data() -> None:
    g = default_gazetteer()
    assert len(g) > 200_000
    saravan = g.lookup("Saravan")[0].place
    assert (saravan.geonameid, saravan.country, saravan.admin1) == (
        1159713, "IR", "Sistan and Baluchestan")
    assert g.lookup("Islamabad")[0].place.geonameid == 1176615


@pytest.mark.parametrize(("name", "country", "kind"), [
    ("Balochistan", "PK", "admin1"), ("Baluchistan", "PK", "admin1"),
    ("Sistan-Baluchestan", "IR", "admin1"), ("Lebanon", "LB", "country"),
    ("Middle East", None, "region"), ("Gaza Strip", "PS", "region"), ("Red Sea", None, "feature"),
    ("Kashmir", None, "region"), ("U.S.", "US", "country"), ("Tehran", "IR", "city"),
])
def test_lookup_ranks_the_expected_place_first(name: str, country: str | None, kind: str) -> None:
    best = default_gazetteer().lookup(name)[0].place
    assert (best.country, best.kind) == (country, kind)


def test_demonyms_and_common_words() -> None:
    g = default_gazetteer()
    assert g.demonyms["Iranian"] == "IR" and g.demonyms["Pakistanis"] == "PK"
    assert {"reading", "split"} <= g.common
    assert "saravan" not in g.common


def test_frequent_words_are_weak_names() -> None:
    """An everyday word that is only a city's other name is no key ("More"); a frequent word
    of news that only small towns bear ("Congress", "NATO") is a common word."""
    g = default_gazetteer()
    assert g.lookup("More") == [] and g.lookup("Hamas") == []
    assert {"congress", "nato"} <= g.common
    assert g.lookup("Mumbai")[0].place.name == g.lookup("Bombay")[0].place.name


def test_geopy_geocoder_interface() -> None:
    geocoder = OfflineGazetteer()
    loc = geocoder.geocode("Saravan")
    assert isinstance(loc, Location)
    assert round(loc.latitude, 2) == 27.37 and loc.raw["country"] == "IR"
    assert geocoder.geocode("Santa Ana, California").raw["country"] == "US"
    assert geocoder.geocode("Springfield", country_codes="US").raw["country"] == "US"
    assert len(geocoder.geocode("Springfield", exactly_one=False)) > 3
    assert geocoder.geocode("Nowhereville Xyzzy") is None
    assert geocoder.reverse((33.72, 73.04)).raw["name"] == "Islamabad"


@pytest.mark.slow
def test_user_places_extend_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    csv = tmp_path / "extra.csv"
    csv.write_text("name,aliases,lat,lon,country,kind\n"
                   "Camp Lemonnier,Lemonnier|Camp Lemonier,11.547,43.159,DJ,facility\n",
                   encoding="utf-8")
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    g = Gazetteer.load((csv,))
    assert index_path((csv,)).parent == tmp_path / "cache"
    hit = g.lookup("Camp Lemonier")[0].place
    assert (hit.name, hit.kind, hit.country) == ("Camp Lemonnier", "facility", "DJ")
    lookup = subprocess.run(
        [sys.executable, "-m", "geo", "gazetteer", "lookup", "Lemonnier", "--places", str(csv)],
        capture_output=True, text=True, check=True,
        env={**_env(), "GEO_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert '"facility"' in lookup.stdout


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


def test_stale_indexes_are_removed(tmp_path: Path) -> None:
    import os
    import time

    from gazetteer.build import FOREIGN_MAX_AGE_S, _builder_record, fingerprint, remove_stale

    ours = _builder_record()
    made = {
        "current": (f"gazetteer-{fingerprint()}", ours, ""),
        "sources changed": ("gazetteer-0123456789abcdef", ours, ""),
        "extra CSV gone": (f"gazetteer-{fingerprint()}x", ours, "/nowhere/x.csv\n"),
        "another version, recent": ("gazetteer-1111111111111111", "other", ""),
        "another version, old": ("gazetteer-2222222222222222", "other", ""),
        "no record, old": ("gazetteer-3333333333333333", None, None),
    }
    for name, builder, extra in made.values():
        index = tmp_path / name
        index.mkdir()
        if builder is not None:
            (index / "builder.txt").write_text(builder, "utf-8")
            (index / "extra-places.txt").write_text(extra, "utf-8")
    old = time.time() - FOREIGN_MAX_AGE_S - 60
    for key in ("another version, old", "no record, old"):
        os.utime(tmp_path / made[key][0], (old, old))
    removed = {p.name for p in remove_stale(tmp_path)}
    assert removed == {made[k][0] for k in (
        "sources changed", "extra CSV gone", "another version, old", "no record, old")}
    assert {p.name for p in tmp_path.iterdir()} == {
        made["current"][0], made["another version, recent"][0]}


def test_letters_unicode_does_not_decompose_fold_to_their_english_spelling() -> None:
    assert fold("Nurdağı Daşkəsən Łódź Tromsø") == "nurdagi daskesen lodz tromso"
    assert "dashkesen" in name_keys("Daşkəsən")


def test_a_subdivision_never_takes_a_sibling_s_name() -> None:
    """ISO 3166-2 lists "Washington" among the District of Columbia's other names; the name
    belongs to the state, and "Washington, D.C." stays one name."""
    admin1s = [c.place for c in default_gazetteer().lookup("Washington")
               if c.place.kind == "admin1"]
    assert [(p.name, p.lat > 45) for p in admin1s] == [("Washington", True)]
    dc = [c.place for c in default_gazetteer().lookup("District of Columbia")]
    assert dc[0].name == "Washington, D.C." and dc[0].kind == "admin1"


@pytest.mark.parametrize("acronym", ["CNN", "BST", "IDF"])
def test_a_news_acronym_is_no_province_code(acronym: str) -> None:
    assert default_gazetteer().lookup(acronym) == []


def test_the_builder_digest_is_the_imported_code_s(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that imported the builder before its files changed names its index after the
    code it runs, not after the files on disk now: else a stale index takes the new name."""
    from gazetteer.build import builder_digest

    before = builder_digest()
    monkeypatch.setattr(Path, "read_bytes", lambda self: b"edited since")
    assert builder_digest() == before


def test_arabic_names_are_found_as_the_press_spells_them() -> None:
    """GeoNames writes 'Al Marj' and 'Qandulah'; news writes 'Marj' and 'Qandula'."""
    from gazetteer.build import ALIAS, ALTERNATE, arabic_press_forms

    assert arabic_press_forms("Qandulah") == [("Qandula", ALIAS)]
    assert arabic_press_forms("Al Marj") == [("Marj", ALTERNATE)]
    assert arabic_press_forms("Al Hussein") == []  # a bare name frequent in English is a person
    g = default_gazetteer()
    for name in ("Marj", "Qandula"):
        assert [c.place.country for c in g.lookup(name)][:1] == ["LY"], name


def test_only_a_province_s_code_is_an_acronym() -> None:
    g = default_gazetteer()
    assert "NSW" in g.acronyms  # AU-NSW, a state
    assert "MDR" not in g.acronyms and "ORD" not in g.acronyms  # districts' codes
    text = "Cases of MDR-TB rose in Manila, while flights from ORD were delayed."
    assert [m.text for m in extract_places(text)] == ["Manila"]
