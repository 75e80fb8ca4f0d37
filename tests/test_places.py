"""Places: the seeds against their hand annotation, and texts the code has never seen."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gazetteer.normalize import fold_name
from geo.documents import read_inputs
from geo.models import Mention
from geo.places import extract_places
from geo.resolve import haversine_km

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))
SEEDS = {d.id: d for d in read_inputs([str(ROOT / "seeds")])}


def _is(m: Mention, name: str) -> bool:
    """Whether a mention resolves to the gold place `name` (id, name or nearby same kind)."""
    g = GOLD["places"][name]
    p = m.place
    if g.get("geonameid") and p.geonameid == g["geonameid"]:
        return True
    names = {fold_name(name), *(fold_name(a) for a in g.get("aliases", []))}
    if fold_name(p.name) in names and p.country == g["country"]:
        return True
    near = haversine_km(p.lat, p.lon, g["lat"], g["lon"]) < 100
    return p.country == g["country"] and p.kind == g["kind"] and near


def _mentions(doc_id: str) -> list[Mention]:
    return [m for m in extract_places(SEEDS[doc_id].text) if m.role != "demonym"]


@pytest.mark.parametrize("doc_id", sorted(GOLD["documents"]))
def test_seed_places_are_found_with_their_roles(doc_id: str) -> None:
    mentions = _mentions(doc_id)
    for name, role in GOLD["documents"][doc_id]["places"].items():
        roles = {m.role for m in mentions if _is(m, name)}
        if role == "location":
            assert "location" in roles, f"{name} not found as a location"
        elif role == "metonym":
            assert roles and "location" not in roles, f"{name}: {roles}"
        elif role == "boilerplate":
            assert roles == {"boilerplate"}, f"{name}: {roles}"


@pytest.mark.parametrize("doc_id", sorted(GOLD["documents"]))
def test_seed_precision_over_distinct_places(doc_id: str) -> None:
    mentions = _mentions(doc_id)
    gold = GOLD["documents"][doc_id]["places"]
    distinct = {(m.place.name, m.place.country): m for m in mentions}
    right = [m for m in distinct.values() if any(_is(m, name) for name in gold)]
    assert len(right) / len(distinct) >= 0.95, sorted(distinct)


@pytest.mark.parametrize("doc_id", sorted(GOLD["documents"]))
def test_seed_not_places_are_never_places(doc_id: str) -> None:
    text = SEEDS[doc_id].text
    spans = [(m.start, m.end) for m in extract_places(text)]
    for name in GOLD["documents"][doc_id]["not_places"]:
        for hit in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            overlapping = [s for s in spans if s[0] < hit.end() and hit.start() < s[1]]
            assert not overlapping, f"{name!r} at {hit.start()} taken for a place"


def test_offsets_slice_the_text() -> None:
    for doc in SEEDS.values():
        for m in extract_places(doc.text):
            assert doc.text[m.start : m.end] == m.text


def _places(text: str, role: str | None = "location") -> list[tuple[str, str | None]]:
    return [(m.text, m.place.country) for m in extract_places(text)
            if role is None or m.role == role]


def test_cities_of_another_war_resolve_to_their_country() -> None:
    text = ("Russian missiles struck Kharkiv and Odesa overnight, Ukrainian officials said. "
            "Air defences were active over Kyiv and Lviv.")
    found = dict(_places(text))
    assert found == {"Kharkiv": "UA", "Odesa": "UA", "Kyiv": "UA", "Lviv": "UA"}


def test_comma_pattern_picks_the_contained_place() -> None:
    assert ("Paris", "US") in _places("A tornado hit Paris, Texas, on Sunday night.")
    assert ("Atlanta", "US") in _places("The CDC is based in Atlanta, Georgia.")
    assert ("Georgia", "US") in _places("The CDC is based in Atlanta, Georgia.")


def test_country_names_are_countries() -> None:
    found = extract_places("Lebanon said its army was deployed to the south.")
    assert [(m.place.kind, m.place.country) for m in found] == [("country", "LB")]


def test_country_cue_disambiguates_a_city() -> None:
    found = extract_places("Militants attacked a checkpoint near the Iranian city of Saravan.")
    assert [(m.text, m.place.country) for m in found if m.role == "location"] == [
        ("Saravan", "IR")]


def test_names_inside_people_and_organisations_are_not_places() -> None:
    text = ("Foreign Minister Jalil Abbas Jilani met Hossein Amir Abdollahian. The Kashmir "
            "Liberation Front and the Balochistan Liberation Army denied it. Jordan Henderson "
            "scored twice.")
    assert _places(text, role=None) == []


def test_capital_standing_for_its_government_is_a_metonym() -> None:
    found = extract_places("Moscow said it would respond. He flew to Moscow on Monday.")
    assert [m.role for m in found] == ["metonym", "location"]


def test_demonyms_point_to_their_country() -> None:
    found = extract_places("Iranian and Pakistani officials met.")
    assert [(m.role, m.place.country) for m in found] == [("demonym", "IR"), ("demonym", "PK")]


def test_related_links_are_boilerplate() -> None:
    text = ("Floods killed 12 people in Sindh on Tuesday, officials said.\n\n"
            "Also Read: Heatwave grips Karachi as power cuts spread\n")
    roles = {m.text: m.role for m in extract_places(text)}
    assert roles == {"Sindh": "location", "Karachi": "boilerplate"}


def test_spelling_variants_meet() -> None:
    for variant in ("Sīstān va Balūchestān", "Sistan-Baluchestan", "Sistan and Baluchistan"):
        found = extract_places(f"Clashes broke out in {variant} province.")
        assert [(m.place.name, m.place.kind) for m in found] == [
            ("Sistan and Baluchestan", "admin1")], variant


def test_everyday_words_are_not_places() -> None:
    text = "More than 100 people died. Reading the report, one official said at least more."
    assert _places(text, role=None) == []


def test_gaza_is_the_gaza_strip_not_a_namesake() -> None:
    found = extract_places("Israeli strikes hit Rafah and Khan Younis in Gaza.")
    assert {m.place.country for m in found if m.role == "location"} == {"PS"}


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.kind) for m in extract_places(text) if m.role == "location"]


def test_a_name_followed_by_region_is_the_region() -> None:
    text = ("A drone hit energy infrastructure in the Kharkiv region. Shelling killed two "
            "people in the city of Belgorod. Drones were downed over the Belgorod and Kursk "
            "regions, and over the Mykolaiv, Dnipropetrovsk and Kirovohrad regions.")
    assert _kinds(text) == [
        ("Kharkiv", "admin1"), ("Belgorod", "city"), ("Belgorod", "admin1"),
        ("Kursk", "admin1"), ("Mykolaiv", "admin1"), ("Dnipropetrovsk", "admin1"),
        ("Kirovohrad", "admin1")]


def test_wire_credits_are_boilerplate() -> None:
    text = ("Ecuador's police stormed the Mexican embassy in Quito on Friday.\n\n"
            "(Reporting by Sarah Morland in Mexico City; Editing by Daniel Wallis)\n"
            "Associated Press writer Gonzalo Solano in Lima contributed to this report.\n")
    roles = {m.text: m.role for m in extract_places(text) if m.role != "demonym"}
    assert roles["Quito"] == "location"
    assert roles["Mexico City"] == "boilerplate"
    assert roles["Lima"] == "boilerplate"


def test_a_sea_is_the_sea_and_a_state_named_after_it_the_state() -> None:
    sea = extract_places("Egypt said the Houthis attacked ships in the Red Sea.")[1]
    assert (sea.text, sea.place.kind) == ("Red Sea", "feature")
    state = extract_places("Port Sudan, the capital of Red Sea state, is calm.")[1]
    assert (state.text, state.place.kind, state.place.country) == ("Red Sea", "admin1", "SD")


def test_seats_of_government_are_places_and_stand_for_their_governments() -> None:
    found = extract_places("The White House said Kishida would arrive at the White House "
                           "on Wednesday. The Kremlin denied it.")
    assert [(m.text, m.place.country, m.role) for m in found] == [
        ("White House", "US", "metonym"), ("White House", "US", "location"),
        ("Kremlin", "RU", "metonym")]


def test_countries_countryinfo_lacks_and_names_that_are_their_own_demonym() -> None:
    found = extract_places("Palestinians marched in Ramallah. Kosovo recalled its envoy. "
                           "A summit opened in Djibouti.")
    assert [(m.text, m.place.country, m.role) for m in found] == [
        ("Palestinians", "PS", "demonym"), ("Ramallah", "PS", "location"),
        ("Kosovo", "XK", "location"), ("Djibouti", "DJ", "location")]


def test_the_capital_of_a_country_in_the_story_beats_a_namesake_village() -> None:
    text = ("Biden spoke to Xi from the White House. Washington wants calm in the South China "
            "Sea, where a Philippine boat was hit. U.S. officials in California and Oregon "
            "said cooperation among Washington, Tokyo and Manila would deepen.")
    found = {m.text: m.place.country for m in extract_places(text)}
    assert found["Manila"] == "PH"


def test_the_us_state_of_georgia_is_not_the_country() -> None:
    for text in ("Protests spread to Atlanta, in the U.S. state of Georgia.",
                 "Protests spread to the US state of Georgia."):
        found = [m for m in extract_places(text) if m.text == "Georgia"]
        assert [(m.place.country, m.place.kind) for m in found] == [("US", "admin1")], text


def test_demonyms_inside_compounds_and_names_are_not_demonyms() -> None:
    text = ("The Organization of American States and the Inter-American Commission met a Latin "
            "American envoy. American and Iranian officials spoke.")
    found = [(m.text, m.place.country) for m in extract_places(text) if m.role == "demonym"]
    assert found == [("American", "US"), ("Iranian", "IR")]


def test_everyday_other_names_and_news_agencies_are_not_places() -> None:
    text = ("Xi was welcomed in front of the Palace of Serbia in Belgrade, "
            "China's Xinhua news agency said.")
    found = [(m.text, m.place.country) for m in extract_places(text) if m.role == "location"]
    assert found == [("Serbia", "RS"), ("Belgrade", "RS"), ("China", "CN")]


def test_a_place_after_in_ends_a_long_organisation_name() -> None:
    text = "said a researcher at the Mercator Institute for China Studies in Berlin."
    assert ("Berlin", "DE") in _places(text)


def test_more_ways_a_capital_stands_for_its_government() -> None:
    text = ("Beijing has long cited the bombing. Kyiv and its Western allies have condemned "
            "the vote. Protesters in Moscow said they would return. Bogota reacted angrily.")
    assert [(m.text, m.role) for m in extract_places(text)] == [
        ("Beijing", "metonym"), ("Kyiv", "metonym"), ("Moscow", "location"),
        ("Bogota", "metonym")]


def test_a_town_that_speaks_is_a_person_and_a_virus_is_no_place() -> None:
    text = ("Thomas said the Marburg virus and West Nile fever were spreading. Officials in "
            "Tyler said schools would close. Clifford told reporters in Reston, Virginia.")
    assert _places(text) == [("Tyler", "US"), ("Reston", "US"), ("Virginia", "US")]


def test_a_currency_is_not_its_country() -> None:
    text = "A US$460 million settlement was paid in HK$ bonds, US health officials said."
    assert [(m.text, m.start) for m in extract_places(text)] == [("US", 51)]


def test_words_and_codes_in_capitals_are_not_places() -> None:
    text = ("PROTESTERS ARE BACK AND ALL CAN SEE THEM. The EST deadline passed; NSW police and "
            "the DRC army said so.")
    assert _places(text) == [("NSW", "AU"), ("DRC", "CD")]


def test_a_town_inside_a_facility_name_is_still_a_town_elsewhere() -> None:
    text = ("The situation in SOS Children's Village Malakal is stable. Aid groups returned to "
            "Darfur and Malakal.")
    assert ("Malakal", "SS") in _places(text)


def test_the_city_of_x_is_the_city_and_congo_follows_the_story() -> None:
    found = extract_places("Israeli strikes hit the city of Nabatieh. Rebels attacked Beni, in "
                           "eastern Congo, the DRC army said. Serbia has close ties to Beijing.")
    got = {m.text: (m.place.country, m.place.kind, m.role) for m in found}
    assert got["Nabatieh"] == ("LB", "city", "location")
    assert got["Congo"] == ("CD", "country", "location")
    assert got["Beijing"] == ("CN", "city", "metonym")


def test_letters_without_a_decomposition_and_an_apostrophe_after_one_capital() -> None:
    text = "Troops flew to N'Djamena. Rescuers reached Nurdagi, in Turkey."
    assert _places(text) == [("N'Djamena", "TD"), ("Nurdagi", "TR"), ("Turkey", "TR")]


def test_an_irish_surname_is_no_town_but_an_elided_city_name_is_a_place() -> None:
    text = ("O'Brien was in Tbilisi. The quake hit L'Aquila on Monday. A gosling found in the "
            "community of O'Leary in Canada was sick.")
    assert _places(text) == [("Tbilisi", "GE"), ("L'Aquila", "IT"), ("O'Leary", "CA"),
                             ("Canada", "CA")]


def test_a_country_named_close_by_outweighs_the_story_s_main_country() -> None:
    text = ("The United States reported 4,000 new cases on Monday. U.S. officials said cases in "
            "Wisconsin, Texas and Ohio were slowing, and the U.S. Centers for Disease Control "
            "expected more U.S. states to report. Most U.S. cases were mild, and the United "
            "States has enough vaccine, U.S. officials said. "
            "In the United Kingdom, 27 new cases were confirmed in England, and five people in "
            "the Glasgow area are in hospital, in Paisley. Scotland has the highest rate.")
    found = {m.text: m.place for m in extract_places(text) if m.role == "location"}
    assert {name: (found[name].country, found[name].kind) for name in
            ("England", "Glasgow", "Paisley", "Scotland")} == {
        "England": ("GB", "admin1"), "Glasgow": ("GB", "city"), "Paisley": ("GB", "city"),
        "Scotland": ("GB", "admin1")}


def test_a_name_keeps_the_reading_its_cued_mention_gives_it() -> None:
    text = ("Most new cases in the United States were in Texas. In Australia, the state of "
            "Victoria has 752 infected people. Singapore urged its residents not to travel to "
            "Victoria.")
    places = [m.place for m in extract_places(text) if m.text == "Victoria"]
    assert [(p.country, p.kind) for p in places] == [("AU", "admin1"), ("AU", "admin1")]


def test_a_name_listed_among_provinces_is_a_province() -> None:
    text = ("The breakdown of cases in Canada by province: fifteen in British Columbia, twelve "
            "in Ontario, eight in Alberta, one in New Brunswick, and one in Quebec.")
    kinds = {m.text: (m.place.country, m.place.kind) for m in extract_places(text)}
    assert kinds["New Brunswick"] == ("CA", "admin1")
    assert kinds["Quebec"] == ("CA", "admin1")


def test_a_big_city_known_by_an_other_name_beats_its_province() -> None:
    found = extract_places("Pilgrims arrived in Mecca for the hajj.")
    assert [(m.place.country, m.place.kind) for m in found] == [("SA", "city")]


def test_a_list_of_countries_is_not_a_place_and_its_container() -> None:
    text = ("Iran fired missiles at bases in Iraq on Wednesday. Airlines avoided flying over "
            "Iraq, Iran and the Gulf.")
    assert {(m.text, m.place.country, m.place.kind) for m in extract_places(text)
            if m.text == "Iraq"} == {("Iraq", "IQ", "country")}


def test_a_small_town_s_namesake_written_as_a_group_is_the_group_throughout() -> None:
    text = ("The mercenary Wagner Group seized the city of Rostov-on-Don. Wagner fighters "
            "later left, and residents cheered as Wagner tanks rolled out.")
    assert [m.text for m in extract_places(text)] == ["Rostov-on-Don"]


def test_a_sentence_with_short_lower_case_verbs_is_no_headline() -> None:
    text = ("BEIJING (AP) — U.S. Secretary of State Antony Blinken met Chinese President Xi "
            "Jinping in Beijing on Monday.")
    assert "Antony" not in [m.text for m in extract_places(text)]


def test_a_name_that_goes_on_with_al_is_not_its_first_word() -> None:
    found = extract_places("Missiles hit Ain al-Asad air base in western Iraq.")
    assert "Ain" not in [m.text for m in found]


def test_a_rank_is_not_a_place() -> None:
    found = extract_places("The commander, Maj. Gen. Tran Van Minh, said troops were ready.")
    assert [m.text for m in found] == []


def test_names_in_a_byline_or_credit_are_people_not_places() -> None:
    text = ("Ceasefire holds in the north\n\nBy Paul Kirby, Global News\n\nThe truce held on "
            "Sunday in Idlib.\n\n(Reporting by Dana Whitfield in Amman; Editing by Tom Reid)")
    found = {m.text: m.role for m in extract_places(text)}
    assert found == {"Idlib": "location", "Amman": "boilerplate"}


def test_a_world_capital_beats_a_small_namesake_in_the_story_s_country() -> None:
    found = extract_places("The samples were tested at a United States military laboratory "
                           "in Cairo.")
    assert [(m.text, m.place.country) for m in found] == [
        ("United States", "US"), ("Cairo", "EG")]


def test_a_namesake_of_a_world_capital_wins_with_its_own_cue() -> None:
    found = extract_places("Residents of Paris, Texas, marched on Saturday. Paris police "
                           "said the march in Paris was peaceful.")
    assert {m.place.country for m in found if m.text == "Paris"} == {"US"}


def test_a_name_s_own_first_reading_does_not_bring_its_country_into_the_story() -> None:
    text = ("PARIS — More than 150 people gathered outside the courthouse in downtown Paris on "
            "Thursday to call for the removal of a Confederate monument. Similar statues came "
            "down in Dallas and Houston this month, and Texas lawmakers in Austin debated the "
            "issue. Paris police said the rally was peaceful.")
    assert {m.place.country for m in extract_places(text) if m.text == "Paris"} == {"US"}


def test_a_frequent_word_that_a_small_town_bears_needs_a_place_preposition() -> None:
    text = ("Zelenskyy told a joint meeting of Congress that aid was an investment. NATO "
            "members met in Brussels. The group Hamas said it fired rockets.")
    assert [m.text for m in extract_places(text)] == ["Brussels"]


def test_the_city_of_a_province_s_namesake_is_the_city() -> None:
    text = "Russian shelling hit the southern city of Kherson, which troops retook in November."
    assert [k for k in _kinds(text) if k[0] == "Kherson"] == [("Kherson", "city")]


def test_a_kind_word_before_a_list_applies_to_each_name() -> None:
    text = "Crowds gathered in the southern cities of Basra and Najaf on Friday."
    assert _kinds(text) == [
        ("Basra", "city"), ("Najaf", "city")]


def test_a_small_town_of_a_country_the_story_never_points_to_is_dropped() -> None:
    text = ("Gunmen killed 160 people in Burkina Faso overnight. The attackers struck the "
            "village of Solhan, near the border with Niger, the government said.")
    assert [m.text for m in extract_places(text)] == ["Burkina Faso", "Niger"]


def test_the_gulf_is_the_arabian_gulf_region_unless_a_province_is_meant() -> None:
    found = extract_places("Bahrain followed Riyadh in severing relations, and other Gulf "
                           "states downgraded theirs.")
    assert [(m.text, m.place.kind) for m in found if m.text == "Gulf"] == [("Gulf", "region")]
    found = extract_places("Officials met in Kerema, in Gulf Province.")
    assert [(m.text, m.place.country) for m in found if m.text == "Gulf"] == [("Gulf", "PG")]


@pytest.mark.parametrize(
    ("text", "capital", "role"),
    [
        ("Japan condemned Pyongyang's weapons testing on Tuesday.", "Pyongyang", "metonym"),
        ("Crowds filled Moscow's central squares on Sunday.", "Moscow", "location"),
        ("Washington was coordinating with European partners.", "Washington", "metonym"),
        ("Protesters in Lima were demanding new elections.", "Lima", "location"),
        ("Bahrain and Sudan followed Riyadh in severing relations.", "Riyadh", "metonym"),
        ("The envoy urged Tehran to free the crew.", "Tehran", "metonym"),
    ],
)
def test_a_capital_s_government_by_possessive_progressive_or_object(
    text: str, capital: str, role: str
) -> None:
    assert [(m.text, m.role) for m in extract_places(text) if m.text == capital] == [
        (capital, role)]


def test_bases_valleys_and_lines_that_conflict_news_names_are_places() -> None:
    text = ("Missiles targeted Ain al-Asad air base. Jets struck targets across the Line of "
            "Control. Strikes hit Dahiyeh and the Bekaa Valley.")
    assert _kinds(text) == [
        ("Ain al-Asad", "facility"), ("Line of Control", "region"), ("Dahiyeh", "region"),
        ("Bekaa Valley", "region")]


def test_provinces_listed_with_their_leaders_are_peers() -> None:
    text = ("Premiers including Alberta's Jason Kenney, Saskatchewan's Scott Moe and Quebec's "
            "François Legault opposed the plan.")
    assert _kinds(text) == [
        ("Alberta", "admin1"), ("Saskatchewan", "admin1"), ("Quebec", "admin1")]


@pytest.mark.parametrize(
    ("text", "town", "admin1"),
    [
        ("Flooding hit Cairo, Ill., on Monday.", "Cairo", "Illinois"),
        ("The bridge links Windsor, Ont., to Detroit.", "Windsor", "Ontario"),
        ("He was born in Paris, Tex., in 1950.", "Paris", "Texas"),
    ],
)
def test_a_press_abbreviation_of_a_state_places_the_town(
    text: str, town: str, admin1: str
) -> None:
    found = [(m.text, m.place.admin1, m.place.kind) for m in extract_places(text)]
    assert (town, admin1, "city") in found
    abbreviation = text.split(", ")[1].split(",")[0]
    assert (abbreviation, admin1, "admin1") in found  # "Ill." names Illinois itself
    assert all(name in (town, abbreviation, "Detroit") for name, _, _ in found)


def test_a_town_missing_from_the_gazetteer_is_not_a_namesake_outside_its_province() -> None:
    found = extract_places("A blockade at the crossing in Emerson, Man., south of Winnipeg, "
                           "remained in place.")
    assert [m.text for m in found] == ["Man.", "Winnipeg"]


def test_cues_that_disagree_leave_a_name_to_the_story() -> None:
    text = ("Georgia's parliament passed the law on Tuesday. Protests were held in Kutaisi, "
            "Georgia's third-largest city. Students in Atlanta, the capital of the US state of "
            "Georgia, held a vigil. The EU said Georgia's path to membership was at risk.")
    found = [(m.place.country, m.place.kind) for m in extract_places(text)
             if m.text == "Georgia"]
    assert found == [("GE", "country")] * 2 + [("US", "admin1"), ("GE", "country")]


def test_a_world_city_beats_a_village_of_the_story_country() -> None:
    text = ("The United States reported new cases. Passengers arrived in Boston from Toronto "
            "on Sunday, U.S. health officials said.")
    found = {m.text: m.place.country for m in extract_places(text) if m.role == "location"}
    assert found["Toronto"] == "CA"


def test_a_province_named_like_its_big_city_is_the_city_after_in() -> None:
    meeting = "Brazil's envoy spoke at a meeting in Sao Paulo. Diplomats met in New York."
    found = {m.text: m.place.kind for m in extract_places(meeting) if m.role == "location"}
    assert found["New York"] == "city"
    state = ("New York has 28 cases. Officials in New York state and New Jersey said "
             "seven people died in New York since April.")
    assert {m.place.kind for m in extract_places(state) if m.text == "New York"} == {"admin1"}
    spelled = "Cases rose in New York City and on Long Island. A boy was treated in New York."
    assert [m.place.kind for m in extract_places(spelled) if m.text == "New York"] == ["admin1"]


def test_a_province_named_like_its_big_city_is_the_city_in_a_dateline() -> None:
    text = ("NEW YORK, Sept 20 (Reuters) - Brazil's envoy told the General Assembly the talks "
            "had stalled. Officials in Rio de Janeiro disagreed.")
    assert ("NEW YORK", "city") in _kinds(text)


def test_small_arab_towns_the_press_spells_its_own_way_are_found() -> None:
    text = ("Storm damage was reported in Abraq, Qirnada and Qandula, east of Benghazi, "
            "Libyan officials said.")
    found = {m.text: m.place.country for m in extract_places(text) if m.role == "location"}
    assert (found.get("Abraq"), found.get("Qirnada"), found.get("Qandula")) == ("LY",) * 3


def test_where_the_writers_sat_is_boilerplate() -> None:
    text = ("Floods cut roads in Ecuador\n\nBy Ana Ruiz in Lima and Tom Hale in Bogota\n\n"
            "Floods cut the road between Guayaquil and Cuenca on Monday.\n")
    roles = {m.text: m.role for m in extract_places(text) if m.role != "demonym"}
    assert roles == {"Ecuador": "location", "Lima": "boilerplate", "Bogota": "boilerplate",
                     "Guayaquil": "location", "Cuenca": "location"}
    credit = ("Wildfires forced evacuations near Kelowna on Sunday.\n\n"
              "- With files from Ann Roy in Regina and Jo Tse in Halifax\n")
    roles = {m.text: m.role for m in extract_places(credit)}
    assert roles == {"Kelowna": "location", "Regina": "boilerplate", "Halifax": "boilerplate"}
    wire = ("BEIRUT/LONDON, May 3 (Reuters) - Israeli jets struck a village near Tyre in "
            "southern Lebanon on Friday, the army said.")
    roles = {m.text: m.role for m in extract_places(wire) if m.role != "demonym"}
    assert (roles["BEIRUT"], roles["LONDON"], roles["Tyre"]) == (
        "location", "boilerplate", "location")


def test_half_of_a_hyphenated_name_we_lack_is_no_place() -> None:
    """A name doubled by a hyphen is a longer name the gazetteer lacks, not its half twice;
    a name glued to a number is a weapon's."""
    text = ("The boat sank off Sado-Sado islet, west of Niigata. Iran unveiled the "
            "Khorramshahr-4 missile; protesters gathered in Khorramshahr.")
    assert [(m.text, m.start) for m in extract_places(text) if m.role == "location"] == [
        ("Niigata", 43), ("Iran", 52), ("Khorramshahr", 117)]


def _located(text: str) -> dict[str, tuple[str | None, str | None, str]]:
    return {m.text: (m.place.country, m.place.admin1, m.place.kind)
            for m in extract_places(text) if m.role == "location"}


def test_us_local_news_counties_and_press_abbreviations() -> None:
    found = _located(
        "LOUISVILLE, Ky. (AP) — A tornado tore through Jefferson County early Saturday, "
        "damaging homes in Okolona and Fern Creek, county officials said. Crews from Bullitt "
        "County and from Clarksville, Ind., helped. In Marion County, Ind., schools in Beech "
        "Grove were closed.")
    assert found["Jefferson County"] == ("US", "Kentucky", "admin2")
    assert found["Marion County"] == ("US", "Indiana", "admin2")
    assert found["Clarksville"] == ("US", "Indiana", "city")
    assert (found["Okolona"][:2], found["Beech Grove"][:2]) == (
        ("US", "Kentucky"), ("US", "Indiana"))


def test_uk_local_news_a_county_named_inside_a_council_s_name_stays_a_place() -> None:
    found = _located(
        "Residents of a village in Norfolk objected to plans for 40 homes, North Norfolk "
        "District Council said. Flooding closed roads near Fakenham and Holt, while in "
        "Cornwall, St Ives and Camborne were cut off.")
    assert found["Norfolk"][0] == "GB"
    assert {found[n][0] for n in ("Fakenham", "Holt", "Cornwall", "St Ives", "Camborne")} == {
        "GB"}


def test_indian_local_news_a_list_after_in_ends_with_a_place_not_a_speaker() -> None:
    found = _located(
        "Heavy rain lashed Kozhikode and Malappuram in Kerala on Tuesday. In Maharashtra, "
        "two people died in Ratnagiri, officials in Thane and Palghar said.")
    assert {n: found[n][:2] for n in ("Kozhikode", "Ratnagiri", "Thane", "Palghar")} == {
        "Kozhikode": ("IN", "Kerala"), "Ratnagiri": ("IN", "Maharashtra"),
        "Thane": ("IN", "Maharashtra"), "Palghar": ("IN", "Maharashtra")}


def test_australian_local_news_towns_and_state_abbreviations() -> None:
    found = _located(
        "Bushfires threatened homes near Bairnsdale and Orbost, Victoria, on Sunday. In NSW, "
        "residents of Batemans Bay were told to leave. Wagga Wagga council opened a centre.")
    assert {n: found[n][:2] for n in ("Bairnsdale", "Orbost", "NSW", "Batemans Bay",
                                      "Wagga Wagga")} == {
        "Bairnsdale": ("AU", "Victoria"), "Orbost": ("AU", "Victoria"),
        "NSW": ("AU", "New South Wales"), "Batemans Bay": ("AU", "New South Wales"),
        "Wagga Wagga": ("AU", "New South Wales")}


def test_a_town_after_an_organisation_s_of_the_is_the_organisation_s() -> None:
    text = ("The Society of the Cincinnati met in Washington. The Bank of the Ozarks opened a "
            "branch in Little Rock.")
    assert [m.text for m in extract_places(text) if m.role == "location"] == [
        "Washington", "Little Rock"]


def test_a_word_that_opens_a_sentence_is_no_first_name() -> None:
    text = ("Both Windhoek and Gaborone said the talks went well. Neither Maseru nor Mbabane "
            "replied. Diplomats met in Windhoek and in Maseru on Friday.")
    assert [m.text for m in extract_places(text)].count("Windhoek") == 2
    assert [m.text for m in extract_places(text)].count("Maseru") == 2


def test_a_town_inside_a_group_s_name_stays_a_place_where_the_story_puts_things_in_it() -> None:
    text = ("Jane Hill, of the Better Ipswich Transport group, said the bridge was late. "
            "Traffic in Ipswich was at a standstill, and Ipswich's mayor apologised.")
    found = [m for m in extract_places(text) if m.text == "Ipswich"]
    assert [m.start for m in found] == [text.index("in Ipswich") + 3,
                                        text.index("Ipswich's")]


def test_a_dateline_s_state_abbreviation_is_the_story_s_home_for_its_small_towns() -> None:
    found = _located(
        "COOKEVILLE, Tenn. - Storms knocked out power near Sparta and Livingston on Monday, and "
        "a barn burned in Franklin County. Crews from Lebanon and Carthage helped, as did a "
        "team from Bowling Green, Ky., the county said.")
    assert {n: found[n][:2] for n in ("Sparta", "Livingston", "Franklin County", "Carthage",
                                      "Bowling Green")} == {
        "Sparta": ("US", "Tennessee"), "Livingston": ("US", "Tennessee"),
        "Franklin County": ("US", "Tennessee"), "Carthage": ("US", "Tennessee"),
        "Bowling Green": ("US", "Kentucky")}
    assert (found["Tenn."], found["Ky."]) == (("US", "Tennessee", "admin1"),
                                              ("US", "Kentucky", "admin1"))


def test_a_continent_beats_a_namesake_town_near_the_story_s_towns() -> None:
    text = ("Health officials in Iloilo and Bacolod said on Monday that the outbreak was the "
            "worst in Asia this year, and Filipino doctors flew to Africa to help.")
    found = {m.text: (m.place.kind, m.place.country) for m in extract_places(text)}
    assert found["Asia"] == ("region", None)
    assert found["Iloilo"] == ("city", "PH")


def test_names_the_news_uses_for_no_place_are_none() -> None:
    text = ("Samoa's prime minister told Al Jazeera in Apia that the Commonwealth summit, the "
            "first in a Pacific island Commonwealth country, would go ahead.")
    assert [m.text for m in extract_places(text)] == ["Samoa", "Apia"]


def test_a_writer_in_a_wire_credit_is_no_town() -> None:
    text = ("Floods cut roads in Yunnan on Sunday.\n(Reporting by Austin Ramzy in Hong Kong; "
            "Writing by Lincoln Feast; Editing by Chester Dawson)")
    assert [m.text for m in extract_places(text)] == ["Yunnan", "Hong Kong"]


def test_a_capital_that_has_given_or_invested_is_its_government() -> None:
    text = ("Tokyo has invested billions in the port. Ankara had given the envoy 48 hours to "
            "leave, and Nairobi has expressed concern. Shops in Wellington have given away food.")
    roles = {m.text: m.role for m in extract_places(text)}
    assert roles == {"Tokyo": "metonym", "Ankara": "metonym", "Nairobi": "metonym",
                     "Wellington": "location"}


def test_the_last_town_of_a_comma_list_after_in_is_no_speaker() -> None:
    found = _located("Flooding hit New South Wales. Shop owners in Ballina, Lismore and Kyogle "
                     "said the water had reached their doors.")
    assert found["Kyogle"][:2] == ("AU", "New South Wales")


def test_a_speaker_after_a_place_and_a_comma_is_no_list() -> None:
    found = _located("Asked about the floods in Queensland, Albury said he was worried.")
    assert "Albury" not in found
