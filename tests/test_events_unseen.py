"""Events on kinds of news the seeds do not cover: wire datelines, protests, sieges, embassy
raids, expulsions. Each case is a short paragraph written for the test, about no seed place."""

from __future__ import annotations

from datetime import date

import pytest

from geo.events import extract_events
from geo.models import Document, Event
from geo.places import extract_places


def _events(text: str, published: date | None) -> list[Event]:
    doc = Document("t.txt", text, published)
    return extract_events(doc, extract_places(text, published))


def _one(text: str, published: date | None, type_: str) -> Event:
    found = [e for e in _events(text, published) if e.type == type_]
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------------------ dates


def test_a_bare_month_in_a_past_clause_is_the_one_before_publication() -> None:
    e = _one("Government troops shelled the town of Kidal in November, officials said.",
             date(2023, 10, 5), "strike")
    assert (e.date, e.date_precision) == (date(2022, 11, 1), "month")


def test_a_date_in_a_since_clause_does_not_date_the_event() -> None:
    e = _one("About 300 farmers protested outside the prefecture in Lyon, the fifth rally in "
             "the region since the reform was announced on March 3.", date(2024, 5, 10),
             "protest")
    assert e.place is not None and e.place.name == "Lyon"
    assert e.date != date(2024, 3, 3)


def test_an_event_dated_after_publication_is_planned() -> None:
    e = _one("The protesters in Marseille said they would be back on Saturday.",
             date(2024, 5, 8), "protest")
    assert (e.date, e.status) == (date(2024, 5, 11), "planned")


# ------------------------------------------------------------------------------ consolidation


def test_an_announced_visit_is_not_merged_into_another_trip_that_happened() -> None:
    text = ("The provincial governor travelled to Goma on Monday to meet displaced families. "
            "The president said he would visit the region next week with several ministers.")
    visits = [e for e in _events(text, date(2024, 5, 8)) if e.type == "visit"]
    assert {(e.status, e.date_precision) for e in visits} == {("occurred", "day"),
                                                               ("planned", "week")}


def test_a_report_naming_no_place_keeps_its_own_death_toll() -> None:
    text = ("Rebels clashed with troops near Butembo on Tuesday, the army said. In a separate "
            "incident, soldiers reported a firefight on Monday with militiamen in the hills, "
            "in which two fighters died.")
    clashes = [e for e in _events(text, date(2024, 5, 8)) if e.type == "armed_clash"]
    near = [e for e in clashes if e.place is not None and e.place.name == "Butembo"]
    assert len(near) == 1 and near[0].fatalities is None
    assert any(e.fatalities == 2 for e in clashes)


def test_a_report_fitting_two_events_equally_is_kept_on_its_own() -> None:
    text = ("Russian drones struck Kharkiv on Tuesday. Russian missiles struck Sumy the same "
            "day. Elsewhere, shelling killed four people, the governor said.")
    strikes = [e for e in _events(text, date(2024, 5, 8)) if e.type == "strike"]
    assert any(e.fatalities == 4 for e in strikes), strikes


def test_a_place_then_the_army_is_the_place_not_the_party() -> None:
    e = _one("In Kindu, the army reported a clash on Monday with militiamen.",
             date(2024, 5, 8), "armed_clash")
    assert e.place is not None and e.place.name == "Kindu"


# ------------------------------------------------------------------------------ triggers


def test_taking_a_town_is_an_armed_clash_there() -> None:
    e = _one("PORT-AU-PRINCE, May 3 - Armed gangs said on Thursday they had taken control of "
             "Mirebalais after two days of fighting with the police.", date(2024, 5, 3),
             "armed_clash")
    assert e.place is not None and e.place.name == "Mirebalais"
    assert (e.subtype, e.cameo, e.date) == ("capture", "192", date(2024, 5, 2))


def test_seizing_goods_is_no_capture() -> None:
    text = "Customs officers seized two tonnes of cocaine in Guayaquil on Monday."
    assert [e for e in _events(text, date(2024, 5, 8)) if e.type == "armed_clash"] == []


def test_a_state_storming_an_embassy_is_an_attack_not_a_military_strike() -> None:
    e = _one("Bolivian police stormed the Peruvian embassy in La Paz on Friday night.",
             date(2024, 5, 11), "attack")
    assert e.subtype == "embassy raid" and e.place is not None and e.place.name == "La Paz"


def test_talks_held_in_a_place_are_a_visit() -> None:
    e = _one("The German chancellor held talks with President Lula in Brasilia on Monday.",
             date(2024, 5, 8), "visit")
    assert e.place is not None and e.place.name == "Brasilia"
    assert e.date == date(2024, 5, 6)


def test_travel_with_words_between_and_a_city_after_ties_to_a_capital() -> None:
    text = ("From Hanoi, the premier will travel on Friday to Laos, where the prime minister, "
            "who has close ties to Beijing, will host him in Vientiane.")
    e = _one(text, date(2024, 5, 8), "visit")
    assert e.place is not None and e.place.name == "Vientiane"
    assert (e.status, e.date) == ("planned", date(2024, 5, 10))


# ------------------------------------------------------------------------------ no event


def _types(text: str, published: date = date(2024, 5, 8)) -> list[tuple[str, str | None]]:
    return [(e.type, e.place.name if e.place else None) for e in _events(text, published)]


@pytest.mark.parametrize(("text", "kind"), [
    ("The leaders spoke for two hours, seeking to keep tensions from spilling into conflict "
     "in Kosovo.", "conflict"),
    ("Hanoi has protested against Chinese fishing rules in the Gulf of Tonkin.", "protest"),
    ("The fighting began on Sunday when troops arrived in Kidal, residents said.", "visit"),
])
def test_words_of_an_event_that_is_not_one(text: str, kind: str) -> None:
    """Tensions kept from spilling into conflict, a state's protest note, troops arriving."""
    assert [t for t, _ in _types(text) if t == kind] == []


def test_a_spokesman_saying_the_attack_killed_people_adds_the_toll_not_an_event() -> None:
    text = ("Militants attacked a police checkpoint in Kunduz on Monday, officials said. "
            "A German army spokesman said the attack killed two guards.")
    found = _events(text, date(2024, 5, 8))
    assert len(found) == 1, found
    assert found[0].place is not None and found[0].place.name == "Kunduz"
    assert found[0].fatalities == 2 and found[0].actor != "DE"


def test_citing_or_claiming_an_attack_is_no_attack_where_the_speaker_is() -> None:
    text = ("Moscow has long cited the bombing as proof of Western hostility. A rebel "
            "spokesman claimed the attack in a statement from Sanaa, which the group has held "
            "since 2014.")
    assert _types(text) == []


def test_a_place_inside_a_quote_is_not_where_the_speaker_visited() -> None:
    text = ('"Our jets are flying over Idlib today," the minister said during a visit to an '
            'air base.')
    assert [p for t, p in _types(text) if t == "visit"] == []


def test_a_council_meeting_is_no_diplomacy() -> None:
    text = "The county council is scheduled to discuss the statue at its meeting on Monday."
    assert _types(text) == []


# ------------------------------------------------------------------------------ fatalities


def test_members_of_one_family_killed_counts_the_members() -> None:
    e = _one("Six members of one family were killed when a drone strike hit their home in "
             "Khan Younis on Tuesday, medics said.", date(2024, 5, 8), "strike")
    assert e.fatalities == 6


def test_the_toll_of_that_attack_goes_to_the_attack_told_before() -> None:
    text = ("A Russian missile struck the port of Mykolaiv on March 2. Four people were "
            "killed in that attack.")
    strikes = _events(text, date(2024, 3, 10))
    assert len(strikes) == 1, strikes
    assert (strikes[0].type, strikes[0].fatalities) == ("strike", 4)


def test_the_black_sea_city_of_batumi_is_batumi() -> None:
    text = "Thousands of protesters marched in the Black Sea city of Batumi on Tuesday."
    assert _types(text) == [("protest", "Batumi")]


def test_a_call_between_two_leaders_has_both_states() -> None:
    text = "Chinese President Xi Jinping and US President Joe Biden held a phone call on Tuesday."
    (call,) = _events(text, date(2024, 5, 16))
    assert (call.subtype, {call.actor, call.target}) == ("phone call", {"CN", "US"})


def test_a_countrys_paramilitary_is_not_its_state() -> None:
    text = "Sudan's paramilitary Rapid Support Forces shelled El Fasher on Monday, killing 12."
    (shelling,) = _events(text, date(2024, 5, 16))
    assert shelling.actor == "Rapid Support Forces"
    assert shelling.place is not None and shelling.place.name == "El Fasher"


@pytest.mark.parametrize(("text", "expected"), [
    ("A gunman killed 18 people at a bowling alley in Lewiston on Wednesday night.",
     [("attack", "Lewiston")]),
    ("Civilians were killed in Kupwara on Monday as Pakistani troops fired artillery shells "
     "across the border.", [("strike", "Kupwara")]),
    ("Rescuers searched Pazarcik after the earthquake that struck Turkey on Monday.", []),
])
def test_shootings_and_shells_are_events_and_an_earthquake_is_not(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _types(text, date(2023, 10, 27)) == expected


def test_an_ultimatum_to_leave_expels_the_envoy() -> None:
    text = "The junta gave the French ambassador 48 hours to leave Niamey on August 25."
    assert [(e.type, e.subtype) for e in _events(text, date(2023, 9, 27))] == [
        ("diplomatic", "expulsion of diplomats")]


def test_the_other_party_of_broken_ties_is_not_the_actor_of_the_recall() -> None:
    text = ("Congo's government said on Sunday it was breaking diplomatic ties with Rwanda and "
            "recalled its diplomats from Kigali.")
    found = {e.subtype: (e.actor, e.target) for e in _events(text, date(2025, 1, 27))}
    assert found["ambassador recall"] == ("CD", "RW")


# ------------------------------------------------------------------ expulsions, closures


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Britain on Wednesday ordered the expulsion of 23 Russian diplomats.", "GB", "RU"),
        ("On Tuesday India ordered a senior Canadian diplomat to leave within five days.",
         "IN", "CA"),
    ],
)
def test_an_expulsion_s_target_is_the_state_its_diplomats_serve(
    text: str, actor: str, target: str
) -> None:
    e = _one(text, date(2023, 9, 19), "diplomatic")
    assert (e.subtype, e.actor, e.target) == ("expulsion of diplomats", actor, target)


def test_closing_a_consulate_is_a_diplomatic_move_against_the_state_it_serves() -> None:
    found = _events("On Monday Washington ordered the closure of the Russian consulate in "
                    "Seattle.", date(2018, 3, 26))
    closures = [e for e in found if e.subtype == "closure of a diplomatic mission"]
    assert [(e.place.name if e.place else None, e.actor, e.target) for e in closures] == [
        ("Seattle", "US", "RU")]


def test_a_capitalised_adjective_is_not_the_group_that_acted() -> None:
    e = _one("Heavy shelling hit Kharkiv on Friday, killing two people.", date(2022, 4, 8),
             "strike")
    assert e.actor is None


# ------------------------------------------------------------------------------ QA round 3


def test_warplanes_that_hit_a_camp_report_a_strike_there() -> None:
    e = _one("On Sunday, Turkey said its warplanes had hit a camp run by the PKK near the town "
             "of Zakho.", date(2024, 6, 10), "strike")
    assert (e.place.country, e.place.kind, e.actor, e.subtype) == ("IQ", "city", "TR",
                                                                    "airstrike")


def test_missiles_that_targeted_an_air_base_report_a_strike_on_its_province() -> None:
    e = _one("The rockets, launched from Lebanese territory, targeted Ramat David air base in "
             "Israel's northern Haifa district.", date(2024, 9, 22), "strike")
    assert e.actor == "LB" and e.place is not None and e.place.country == "IL"


def test_an_abduction_is_an_attack_whoever_carries_it_out() -> None:
    e = _one("Armed men stormed a village in Zamfara State on Tuesday and abducted 40 "
             "farmers.", date(2024, 5, 30), "attack")
    assert (e.subtype, e.cameo, e.place.name) == ("abduction", "181", "Zamfara")


def test_a_blockade_at_a_crossing_is_a_protest_but_a_naval_blockade_is_not() -> None:
    e = _one("Farmers kept up the blockade at the border crossing near Medyka on Monday.",
             date(2024, 2, 20), "protest")
    assert (e.subtype, e.place.name) == ("blockade", "Medyka")
    assert not [e for e in _events("The naval blockade of Hodeidah tightened on Monday.",
                                   date(2024, 2, 20)) if e.type == "protest"]


def test_explosions_lighting_up_the_sky_are_no_bombing() -> None:
    assert not [e for e in _events("Sirens wailed and explosions lit up the sky over Lviv as "
                                   "interceptors rose.", date(2024, 3, 1)) if e.type == "attack"]


def test_publicly_attacking_a_minister_is_no_violence() -> None:
    assert not [e for e in _events(
        "The warlord had for weeks publicly attacked Interior Minister Hamdan in Tripoli.",
        date(2024, 3, 1)) if e.type in ("attack", "strike")]


def test_a_state_right_before_the_strike_is_its_actor_after_in_a() -> None:
    e = _one("The commander was killed in a U.S. drone strike near Mosul on Friday.",
             date(2024, 3, 10), "strike")
    assert e.actor == "US"


def test_the_subject_of_the_main_clause_is_not_the_actor_of_an_after_clause() -> None:
    e = _one("Lebanon vowed to respond after an air strike destroyed a building in Tyre.",
             date(2024, 3, 10), "strike")
    assert e.actor != "LB" and e.place.name == "Tyre"


def test_the_place_of_a_burial_is_not_where_the_attack_it_followed_was() -> None:
    text = ("Rebels shelled the town of Goma on Monday. The attack came hours after the general "
            "was buried in his home town of Bukavu.")
    assert all(e.place is None or e.place.name != "Bukavu" for e in _events(text,
                                                                            date(2024, 3, 5)))


def test_responsibility_for_the_attack_is_no_attack_by_that_state() -> None:
    text = ("Ministers meeting in Vienna last week agreed that Iran was responsible for the "
            "attack, officials said.")
    assert not [e for e in _events(text, date(2024, 3, 5)) if e.type in ("attack", "strike")]


def test_a_second_violent_event_in_a_came_after_clause_is_its_own() -> None:
    text = ("The raid came two weeks after a Russian missile exploded near a convoy during a "
            "visit to Mykolaiv on March 2.")
    strikes = [e for e in _events(text, date(2024, 3, 16)) if e.type == "strike"]
    assert [(e.place.name, e.date, e.actor) for e in strikes] == [
        ("Mykolaiv", date(2024, 3, 2), "RU")]


def test_the_place_of_the_victims_in_a_relative_clause_is_the_events() -> None:
    e = _one("Militants kidnapped 30 villagers on Sunday, who had gone to fetch water near "
             "Maiduguri.", date(2024, 3, 5), "attack")
    assert e.place.name == "Maiduguri"


def test_a_weapon_model_is_not_a_group_actor() -> None:
    e = _one("The governor said two Kalibr-M missiles hit a depot in Mykolaiv on Tuesday.",
             date(2024, 3, 6), "strike")
    assert e.actor != "Kalibr-M"


def test_a_plan_that_was_dropped_is_planned() -> None:
    e = _one("The minister had originally planned to travel to Hanoi in May, but the trip was "
             "postponed.", date(2024, 8, 6), "visit")
    assert e.status == "planned"


def test_a_possessive_day_before_the_trigger_dates_the_event() -> None:
    # Thursday 7 March 2024: the toll rose on Wednesday, the bombing was on Tuesday
    e = _one("The death toll from Tuesday's car bombing at a market in Mogadishu rose to 30 "
             "on Wednesday, officials said.", date(2024, 3, 7), "attack")
    assert e.date == date(2024, 3, 5)


def test_a_month_of_last_year_keeps_an_old_raid_apart_from_this_week() -> None:
    text = ("Soldiers raided the village of Tillaberi on Monday, killing six. "
            "In August last year, soldiers raided Tillaberi and killed nine.")
    dates = sorted(str(e.date) for e in _events(text, date(2024, 3, 7)) if e.type in
                   ("attack", "strike"))
    assert dates == ["2023-08-01", "2024-03-04"]


def test_ordering_another_states_envoy_and_staff_to_leave_is_an_expulsion() -> None:
    text = ("On Tuesday, Niger ordered France's ambassador and all his staff to leave the "
            "country within 48 hours after a row over the mayor of Paris. Troops patrolled "
            "the streets of Niamey.")
    e = _one(text, date(2024, 3, 7), "diplomatic")
    assert (e.subtype, e.actor, e.target) == ("expulsion of diplomats", "NE", "FR")
    assert e.place is not None and e.place.country == "NE"
    assert e.date == date(2024, 3, 5)


def test_the_envoys_state_before_a_recall_is_not_the_state_recalling() -> None:
    text = ("Peru has expelled Mexico's ambassador and recalled its own charge d'affaires "
            "from Mexico City after a row over asylum in Lima.")
    got = {e.subtype: (e.actor, e.target, e.place.country if e.place else None)
           for e in _events(text, date(2024, 3, 7)) if e.type == "diplomatic"}
    assert got == {"expulsion of diplomats": ("PE", "MX", "PE"),
                   "ambassador recall": ("PE", "MX", "MX")}


def test_a_car_rammed_into_a_crowd_is_an_attack_by_a_person_not_a_state() -> None:
    e = _one("On Wednesday a Syrian man rammed his van into shoppers on a street in "
             "central Marseille, wounding five.", date(2024, 3, 7), "attack")
    assert (e.place.name, e.actor, e.date) == ("Marseille", None, date(2024, 3, 6))


def test_burning_a_holy_book_outside_an_embassy_is_a_protest() -> None:
    e = _one("On Monday, two activists burned a copy of the Koran outside the Turkish embassy "
             "in Oslo.", date(2024, 3, 7), "protest")
    assert (e.subtype, e.place.name, e.date) == ("burning", "Oslo", date(2024, 3, 4))


def test_a_march_in_solidarity_with_a_city_is_where_the_marchers_are() -> None:
    e = _one("In Nantes, several hundred students marched through the old town on Tuesday in "
             "solidarity with Marseille.", date(2024, 3, 7), "protest")
    assert e.place.name == "Nantes"


def test_where_an_attacker_lived_and_where_a_bomber_flew_are_not_the_event_place() -> None:
    assert not [e for e in _events("The gunman, a resident of the Lyon area, was shot dead "
                                   "by a guard.", date(2024, 3, 7)) if e.place]
    e = _one("The shopping centre in Kharkiv was hit by a missile launched from a bomber "
             "flying over Russia's Belgorod region on Monday.", date(2024, 3, 7), "strike")
    assert e.place.name != "Belgorod Oblast" and e.place.country == "UA"


def test_a_diverted_plane_landing_is_no_visit_and_calling_an_attack_unacceptable_no_strike(
) -> None:
    text = ("The airliner was allowed to leave hours later and landed in Riga on Sunday. "
            "Norway's foreign minister called the attack unacceptable and summoned Russia's "
            "envoy in Oslo.")
    assert [e.type for e in _events(text, date(2024, 3, 7))
            if e.type in ("visit", "strike", "attack")] == []


# ------------------------------------------------------------------------------ visitors


def test_a_leader_named_with_his_state_is_the_visitor_whoever_else_the_sentence_names() -> None:
    e = _one("Kenyan President William Ruto told Japanese investors on Tuesday that his country "
             "was open for business, capping a three-day visit to Tokyo.", date(2024, 2, 7),
             "visit")
    assert (e.place.name, e.actor, e.target) == ("Tokyo", "KE", "JP")


def test_a_leader_visiting_a_town_of_his_own_state_keeps_his_state_as_actor() -> None:
    text = ("Brazilian President Luiz Inacio Lula da Silva said on Thursday that aid would "
            "reach every family. Lula visited Canoas on Friday, the town worst hit by the "
            "floods.")
    e = _one(text, date(2024, 5, 10), "visit")
    assert (e.place.name, e.actor, e.target) == ("Canoas", "BR", None)


def test_the_leader_met_on_a_visit_is_the_host_not_the_visitor() -> None:
    e = _one("Argentine Foreign Minister Diana Mondino met Brazilian President Lula in "
             "Brasilia on Monday, wrapping up a two-day visit.", date(2024, 3, 5), "visit")
    assert (e.place.name, e.actor, e.target) == ("Brasilia", "AR", "BR")


def test_a_leader_of_unsaid_state_visiting_one_of_the_storys_two_states_is_from_the_other(
) -> None:
    text = ("Prime Minister Anthony Albanese arrived in Beijing on Saturday, the first such "
            "trip since 2016. Australia's wine and barley exports to China have resumed, and "
            "China has lifted its curbs on Australian coal.")
    e = _one(text, date(2023, 11, 5), "visit")
    assert (e.place.name, e.actor, e.target) == ("Beijing", "AU", "CN")


def test_the_days_of_a_state_visit_are_separate_stops() -> None:
    text = ("Kenyan President William Ruto arrived in Atlanta on Wednesday evening. Kenyan "
            "President William Ruto began the main day of his state visit to the United States "
            "on Thursday morning.")
    visits = _events(text, date(2024, 5, 23))
    assert {(e.place.name, e.date) for e in visits if e.type == "visit"} == {
        ("Atlanta", date(2024, 5, 22)), ("United States", date(2024, 5, 23))}


def test_an_event_told_n_days_after_another_is_dated_back_from_it() -> None:
    text = ("Chilean President Gabriel Boric arrived in Madrid on Tuesday. The visit came two "
            "days after Boric travelled to Lisbon, where he met the Portuguese premier.")
    visits = {e.place.name: e for e in _events(text, date(2024, 3, 6)) if e.type == "visit"}
    assert visits["Madrid"].date == date(2024, 3, 5)
    assert (visits["Lisbon"].date, visits["Lisbon"].actor) == (date(2024, 3, 3), "CL")


def test_a_date_in_a_clause_the_place_heads_does_not_date_the_visit() -> None:
    e = _one("On Monday, the UN envoy visited Derna, the city where the dams burst at the end "
             "of September.", date(2023, 10, 11), "visit")
    assert (e.place.name, e.date) == ("Darnah", date(2023, 10, 9))


def test_a_last_visit_is_background_and_not_merged_with_the_current_one() -> None:
    text = ("Chilean President Gabriel Boric visited Buenos Aires on Monday. Boric last visited "
            "Buenos Aires in March 2022.")
    visits = sorted((e for e in _events(text, date(2024, 3, 6)) if e.type == "visit"),
                    key=lambda e: e.date or date.min)
    assert [(e.date, e.background) for e in visits] == [(date(2022, 3, 1), True),
                                                         (date(2024, 3, 4), False)]


def test_a_war_named_as_a_time_is_no_event() -> None:
    text = "Since the war began, the envoy has visited Khartoum only once, in June 2023."
    assert [e.type for e in _events(text, date(2024, 3, 6))] == ["visit"]


# ------------------------------------------------------------------------------ deals


def test_an_agreement_to_restore_ties_is_a_deal_made_dated_and_placed_by_the_next_sentence(
) -> None:
    text = ("Morocco and Algeria have agreed to restore diplomatic relations and reopen their "
            "embassies within three months, in a deal brokered by Qatar. The agreement was "
            "announced on Tuesday after three days of talks in Doha.")
    e = _one(text, date(2024, 5, 9), "diplomatic")
    assert (e.subtype, e.status, e.actor, e.target) == ("restoration of ties", "occurred",
                                                        "MA", "DZ")
    assert (e.date, e.place.name if e.place else None) == (date(2024, 5, 7), "Doha")


def test_a_state_that_brokered_a_deal_is_not_its_target() -> None:
    e = _one("Ethiopia agreed on Monday to restore ties with its neighbour in a Qatar-brokered "
             "accord.", date(2024, 5, 9), "diplomatic")
    assert (e.actor, e.target) == ("ET", None)


# ------------------------------------------------------------------------------ actors


def test_a_state_that_undergoes_the_violence_is_not_its_actor() -> None:
    e = _one("Bandits abduct 40 pupils from Gusau school as Nigeria reels from fresh mass "
             "kidnappings", date(2024, 5, 9), "attack")
    assert e.actor != "NG"


def test_a_state_whose_envoy_was_wounded_is_not_the_attacker() -> None:
    e = _one("Pakistan's ambassador to Afghanistan was lightly wounded in an attack on the "
             "embassy compound in Kabul on Friday.", date(2022, 12, 3), "attack")
    assert (e.actor, e.place.name) == (None, "Kabul")


def test_the_state_fighters_came_from_is_not_the_actor() -> None:
    found = _events("By dawn, the rebels had crossed from Sudan into Chad and captured the "
                    "border town of Adre.", date(2024, 5, 9))
    assert found and all(e.actor != "SD" for e in found)


# ------------------------------------------------------------------------------ armed groups


@pytest.mark.parametrize(("text", "actor"), [
    ("Gunmen on motorcycles raided a village near Maiduguri on Tuesday and kidnapped 40 women.",
     "gunmen"),
    ("On Monday, dozens of armed bandits attacked a village in Zamfara, killing 20 people.",
     "bandits"),
    ("Fighters of the Islamic State attacked an army base near Deir ez-Zor on Friday.",
     "Islamic State"),
    ("Houthi rebels attacked a tanker off Hodeidah on Monday.", "Houthi rebels"),
    ("The Somali militant group al-Shabaab attacked a base in Kismayo on Monday.", "al-Shabaab"),
    ("Pakistani Taliban militants attacked a checkpoint in Bannu on Monday.",
     "Pakistani Taliban militants"),
    ("The abduction of 80 pupils from a school in Dapchi by Boko Haram jihadists on Monday "
     "drew outrage.", "Boko Haram jihadists"),
])
def test_an_armed_group_named_by_a_common_noun_is_the_actor_as_written(
        text: str, actor: str) -> None:
    [e] = [e for e in _events(text, date(2024, 3, 14)) if e.type == "attack"]
    assert e.actor == actor


@pytest.mark.parametrize("text", [
    "Residents said a soldier who chased the gunmen was shot dead in Zamfara on Monday.",
    "Six militants were killed in an airstrike in Khost on Monday.",
    "The group attacked a convoy near Gao on Monday.",
])
def test_a_group_hit_chased_or_unnamed_is_not_the_actor(text: str) -> None:
    events = [e for e in _events(text, date(2024, 3, 14)) if e.type in ("attack", "strike")]
    assert events and all(e.actor is None for e in events), events


def test_an_undated_report_goes_with_the_story_event_not_a_recalled_one() -> None:
    text = ("A car bomb exploded at a market in Kirkuk on Monday, killing 30 people. The bombing "
            "was the deadliest in Kirkuk in years. In March 2016, militants attacked a wedding "
            "in Kirkuk and killed 40 people.")
    events = _events(text, date(2024, 3, 14))
    assert sorted((e.date, e.actor) for e in events) == [
        (date(2016, 3, 1), "militants"), (date(2024, 3, 11), None)]


def test_a_place_attacked_several_times_is_a_habit_not_an_event() -> None:
    assert _events("Gao, a town on the Niger river, has been attacked by jihadists several "
                   "times since 2012.", date(2024, 3, 14)) == []


@pytest.mark.parametrize(("text", "actor"), [
    ("A car bomb exploded outside a market in Mogadishu on Saturday, killing 12 people. "
     "Al-Shabaab claimed responsibility for the attack.", "Al-Shabaab"),
    ("A roadside bomb killed three soldiers near Gao on Monday. The army blamed jihadists. In a "
     "statement, the Islamic State group claimed responsibility.", "Islamic State group"),
    ("Gunmen attacked a church in Kaduna on Sunday. No group has claimed responsibility for "
     "the attack.", "gunmen"),
])
def test_who_claimed_responsibility_is_the_actor_of_the_last_attack(text: str, actor: str) -> None:
    [e] = _events(text, date(2024, 3, 14))
    assert e.actor == actor


def test_a_state_that_has_not_claimed_an_attack_is_not_its_actor() -> None:
    [e] = _events("A missile strike hit a warehouse in Aleppo on Monday. Turkey has not claimed "
                  "responsibility for the strike.", date(2024, 3, 14))
    assert e.actor is None


# ------------------------------------------------------------------------------ scene dates


def test_an_undated_strike_takes_the_day_of_the_fighting_told_just_before() -> None:
    e = _one("Heavy fighting raged around Avdiivka on Tuesday. Russian shelling of the town of "
             "Pokrovsk killed three civilians, officials said.", date(2024, 3, 14), "strike")
    assert (e.place.name, e.date) == ("Pokrovsk", date(2024, 3, 12))


@pytest.mark.parametrize("before", [
    "Talks were held in Geneva on Tuesday.",  # another kind of event
    "The ceasefire collapsed on Tuesday, a week after fighting began on March 1.",  # two times
    "Heavy fighting raged around Avdiivka on Tuesday.\n\n",  # another paragraph
    # the day a longer state began, the day of the cause, the day of another kind of event
    "Shelling has spread along the front, especially since the war began on Tuesday.",
    "Ukraine shelled Russian positions in retaliation for the sinking of a ferry on Tuesday.",
    "The mayor spoke to reporters. He asked for help. Schools were closed. Power was cut. "
    "Russia kept up its shelling, and a car bomb exploded in Donetsk on Tuesday.",
])
def test_an_undated_strike_keeps_no_date_from_another_scene(before: str) -> None:
    e = _one(before + " Russian shelling of the town of Pokrovsk killed three civilians.",
             date(2024, 3, 14), "strike")
    assert e.date is None


def test_strikes_named_again_take_no_date_from_the_day_a_war_began() -> None:
    text = ("Air raids have grown more frequent, especially since the war between the army and "
            "the rebels began on March 2. Sudan attributed its strikes in Khartoum and Omdurman "
            "to rebel attacks on its bases.")
    strikes = [e for e in _events(text, date(2024, 3, 14)) if e.type == "strike"]
    assert strikes and all(e.date is None for e in strikes), strikes


@pytest.mark.parametrize("text", [
    "Residents heard loud explosions as the two dams above the town gave way on Sunday night.",
    "A gas cylinder explosion tore through a restaurant in Karachi on Tuesday, killing four.",
])
def test_explosions_of_nature_or_accident_are_no_bombing(text: str) -> None:
    assert not [e for e in _events(text, date(2023, 9, 12)) if e.subtype == "bombing"]


def test_an_explosion_in_an_attack_is_still_a_bombing() -> None:
    e = _one("An explosion at a checkpoint in Quetta killed six soldiers on Monday, police said.",
             date(2023, 9, 12), "attack")
    assert e.subtype == "bombing"


def test_a_bomber_who_struck_made_a_bombing_not_a_military_strike() -> None:
    text = ("A suicide bomber struck a crowded market in Mogadishu on Saturday, killing at "
            "least nine people, police said.")
    e = _one(text, date(2024, 3, 10), "attack")
    assert (e.subtype, e.place.name if e.place else None, e.date) == (
        "bombing", "Mogadishu", date(2024, 3, 9))
    assert not [x for x in _events(text, date(2024, 3, 10)) if x.type == "strike"]


# ------------------------------------------------------------------------------ statements


@pytest.mark.parametrize("text", [
    "The governor again urged lawmakers in Columbus to pass a ban on assault rifles.",
    "On Sunday, hundreds of people gathered for a prayer vigil at a church in Uvalde.",
    "The envoys said in Harare that they were concerned by allegations that journalists had "
    "been abducted.",
    "In Moscow, the Kremlin said it saw no sign that Kyiv was ready for peace talks.",
])
def test_words_ceremonies_and_mourning_are_no_event(text: str) -> None:
    assert _events(text, date(2024, 6, 2)) == []


def test_killed_in_a_shooting_at_a_place_is_a_gunman_s_attack() -> None:
    e = _one("Five killed in shooting at Colorado Springs nightclub", date(2022, 11, 20),
             "attack")
    assert (e.subtype, e.place.name if e.place else None) == ("shooting", "Colorado Springs")
    assert not [x for x in _events("Five killed in shooting at Colorado Springs nightclub",
                                   date(2022, 11, 20)) if x.type == "strike"]


def test_the_building_a_speech_was_given_in_is_not_where_the_bombing_was() -> None:
    e = _one("The mayor told the White House on Monday that the bombing had shocked the city.",
             date(2024, 6, 3), "attack")
    assert e.place is None


@pytest.mark.parametrize("text", [
    "Students marched on Wednesday during a row over Taiwan.",
    "Protests broke out on Wednesday amid tensions with Serbia.",
])
def test_what_tension_is_over_is_not_where_a_protest_was(text: str) -> None:
    assert _one(text, date(2024, 6, 6), "protest").place is None


def test_the_visit_named_again_is_not_a_second_trip() -> None:
    text = ("Indian Prime Minister Narendra Modi arrived in Canberra on Tuesday. "
            "The visit comes at a time of tension over Fiji. "
            "State media gave the visit wide coverage, praising Modi for shunning Beijing.")
    visits = [e for e in _events(text, date(2024, 6, 4)) if e.type == "visit"]
    assert [e.place.name if e.place else None for e in visits] == ["Canberra"]


# ------------------------------------------------------------------------------ said on


def test_the_day_a_strike_is_told_gives_way_to_its_own_day() -> None:
    text = ("A missile strike on a hotel in Kharkiv killed three people, officials said on "
            "Friday. The strike on Thursday night hit the hotel in central Kharkiv.")
    e = _one(text, date(2024, 5, 31), "strike")
    assert e.date == date(2024, 5, 30)


def test_a_time_told_again_in_gmt_is_not_another_day() -> None:
    e = _one("A drone strike hit a market in Idlib at around 1 a.m. (2200 GMT Monday), local "
             "officials said on Tuesday.", date(2024, 6, 4), "strike")
    assert e.date == date(2024, 6, 4)


def test_a_separate_incident_is_another_event() -> None:
    text = ("An air strike hit a camp in Khan Younis on Sunday night, killing 12 people. "
            "In a separate incident on Monday, a soldier was killed in an exchange of fire "
            "near Khan Younis.")
    strikes = [e for e in _events(text, date(2024, 5, 27)) if e.type == "strike"]
    assert len(strikes) == 2


# ------------------------------------------------------------------------------ visitor and host


def test_the_visitor_is_not_the_host_named_first_in_the_sentence() -> None:
    e = _one("German Chancellor Olaf Scholz called on Indian Prime Minister Narendra Modi on "
             "Tuesday to help end the war, as the two leaders held talks in New Delhi during a "
             "two-day state visit.", date(2024, 6, 4), "visit")
    assert (e.actor, e.target) == ("DE", "IN")


def test_the_guest_a_host_receives_as_him_is_the_one_named_before() -> None:
    text = ("German Chancellor Olaf Scholz met Indian Prime Minister Narendra Modi. On Friday, "
            "Scholz will fly to the city of Bengaluru, where Modi will host him for a dinner.")
    e = _one(text, date(2024, 6, 4), "visit")
    assert (e.actor, e.target, e.status) == ("DE", "IN", "planned")


def test_a_leader_travelling_at_home_is_still_the_visitor() -> None:
    e = _one("Ukrainian President Volodymyr Zelenskiy travelled to Kharkiv on Monday.",
             date(2024, 6, 4), "visit")
    assert (e.actor, e.target) == ("UA", None)


# ------------------------------------------------------------------------------ the lede's day


def test_an_undated_report_of_the_lede_s_kind_takes_the_lede_s_day() -> None:
    text = ("LAGOS, Aug 2 (Reuters) - Thousands of protesters rallied in Lagos on Tuesday "
            "against fuel prices.\n\nThe protests spread beyond the city. Demonstrators "
            "marched in the city of Ibadan and in Kano.")
    dates = {e.place.name: e.date for e in _events(text, date(2023, 8, 2))
             if e.type == "protest" and e.place}
    assert dates.get("Ibadan") == date(2023, 8, 1)


@pytest.mark.parametrize("later", [
    "Demonstrators have marched in Ibadan for weeks.",
    "The 2012 protests in Ibadan drew thousands.",
])
def test_a_report_of_another_time_does_not_take_the_lede_s_day(later: str) -> None:
    text = ("LAGOS, Aug 2 (Reuters) - Thousands of protesters rallied in Lagos on Tuesday "
            "against fuel prices.\n\n" + later)
    dates = {e.place.name: e.date for e in _events(text, date(2023, 8, 2))
             if e.type == "protest" and e.place}
    assert dates.get("Ibadan", "absent") in (None, "absent", date(2012, 1, 1))


def test_a_visit_under_consideration_is_planned() -> None:
    e = _one("Chancellor Olaf Scholz is considering a visit to Brasilia.", date(2023, 3, 16),
             "visit")
    assert e.status == "planned"


# ------------------------------------------------------------------------------ no new event


def _at(text: str, published: date = date(2024, 1, 17)) -> set[tuple[str, str | None]]:
    return {(e.type, e.place.name if e.place else None) for e in _events(text, published)}


@pytest.mark.parametrize(("text", "not_there"), [
    # a reaction names the attack told before; it is no attack where the reaction was
    ('A car bomb exploded in Mogadishu on Monday, killing five people. Residents in Baidoa '
     'condemned the "cowardly" attack.', "Baidoa"),
    ("Rockets hit a market in Goma on Monday. Rwanda recalled its ambassador from Kinshasa "
     "over that attack.", "Kinshasa"),
    ('Israeli jets struck targets in Lebanon on Friday. The spokesman said in Doha that the '
     'strikes were "a reckless mistake" by Washington.', "Washington"),
    ("Drone strikes killed 12 people in Kidal on Sunday. Families in Gao fled towards the "
     "border after Sunday's strikes.", "Gao"),
    # a record, a party's forces, an aircraft's origin, where the press was told
    ("The militia, which has carried out attacks on soldiers in Cabo Delgado, denied any role.",
     "Cabo Delgado"),
    ("Rebels said they killed dozens of soldiers and fighters of Russia's Wagner Group in an "
     "ambush.", "Russia"),
    ("B-52 bombers flown from Fairford air base in Gloucestershire took part in the raids on "
     "Tuesday.", "Gloucestershire"),
    ("The strikes hit seven sites, a general told reporters in Brussels.", "Brussels"),
])
def test_a_sentence_that_tells_no_new_event_there_puts_none_there(text: str,
                                                                 not_there: str) -> None:
    violent = {"strike", "attack", "armed_clash", "conflict"}
    assert not any(name == not_there and t in violent for t, name in _at(text))


def test_summoning_an_envoy_to_protest_an_attack_is_no_protest_nor_attack() -> None:
    text = ("Drones struck a fuel depot in Kherson on Tuesday. Moldova's foreign ministry "
            "summoned the Russian ambassador in Chisinau on Wednesday to protest the attack.")
    assert not {t for t, name in _at(text) if name == "Chisinau"} & {"protest", "strike"}


def test_the_attack_retaliated_for_is_not_dated_by_the_retaliation_and_hit_the_avenger() -> None:
    text = ("Britain struck targets in Yemen on Friday in retaliation for a drone attack in Oman "
            "that killed two sailors.")
    [e] = [e for e in _events(text, date(2024, 1, 17)) if e.place and e.place.name == "Oman"]
    assert (e.date, e.target) == (None, "GB")


def test_the_state_whose_soldiers_were_hit_is_the_target_not_the_host() -> None:
    text = ("Three soldiers were killed on Sunday when a drone struck Camp Lemonnier, a small "
            "French base in northern Djibouti.")
    [e] = [e for e in _events(text, date(2024, 1, 17)) if e.type == "strike"]
    assert e.target == "FR"


@pytest.mark.parametrize("text", [
    "Nigeria recalled its ambassador from Accra on Monday and told Ghana's envoy, who is "
    "currently visiting his home country, not to return.",
    '"The Ghanaian ambassador to Nigeria, who is currently visiting Ghana, may not return," '
    'she said.',
    "Commuters traveling to jobs in Leeds face delays.",
])
def test_a_trip_home_or_to_work_is_no_visit(text: str) -> None:
    assert not any(t == "visit" for t, _ in _at(text))


# ------------------------------------------------------------------------------ counted days


def test_an_event_n_days_before_the_main_clause_s_day_is_n_days_earlier() -> None:
    text = ("Ecuador on Wednesday recalled its ambassador from Lima, a day after Peruvian drones "
            "struck a village near Tumbes.")
    e = _one(text, date(2024, 3, 14), "strike")
    assert e.date == date(2024, 3, 12)


def test_two_days_later_counts_from_the_day_the_earlier_event_really_had() -> None:
    text = ("The spokesman spoke on Wednesday, a day after Sudan struck targets in Chad's Ouaddai "
            "province. Two days later, Chadian jets struck rebel camps near Geneina in Sudan.")
    dates = {e.actor: e.date for e in _events(text, date(2024, 3, 23)) if e.type == "strike"}
    assert dates == {"SD": date(2024, 3, 19), "TD": date(2024, 3, 21)}


def test_a_ship_seized_is_a_hijacking_and_the_headline_takes_the_lede_s_day() -> None:
    text = ("Somali pirates seize bulk carrier in Gulf of Aden\n\nMOGADISHU, March 14 (Reuters) - "
            "Somali pirates seized a Bangladesh-flagged bulk carrier with 23 crew on board in the "
            "Gulf of Aden on Tuesday, maritime officials said.")
    [e] = _events(text, date(2024, 3, 14))
    assert (e.type, e.subtype, e.date) == ("attack", "hijacking", date(2024, 3, 12))


def test_an_undated_protest_in_the_dateline_city_is_of_the_dateline_s_day() -> None:
    text = ("ACCRA, March 14 (Reuters) - Ghana's parliament passed the budget on Thursday.\n\n"
            "In central Accra, police detained a dozen activists who had gathered outside "
            "parliament to demand a vote on the bill.")
    e = _one(text, date(2024, 3, 14), "protest")
    assert e.date == date(2024, 3, 14)


# ------------------------------------------------------------------------------ more triggers


def test_an_envoy_summoned_is_a_diplomatic_summons_where_it_was_made() -> None:
    e = _one("Kenya's foreign ministry summoned Uganda's ambassador in Nairobi on Monday over "
             "the remarks.", date(2024, 3, 14), "diplomatic")
    assert (e.subtype, e.place and e.place.name, e.target) == ("summons", "Nairobi", "UG")


def test_an_operation_against_bases_is_a_strike() -> None:
    e = _one("The clashes followed Monday's operation by the army against two rebel bases near "
             "the town of Bentiu.", date(2024, 3, 14), "strike")
    assert e.place is not None and e.place.name == "Bentiu"


@pytest.mark.parametrize(("text", "where"), [
    ("The minister toured the port of Mombasa on Thursday.", "Mombasa"),
    ("President William Ruto welcomed Emmanuel Macron to Nairobi on Monday.", "Nairobi"),
])
def test_a_tour_or_a_welcome_to_a_place_is_a_visit(text: str, where: str) -> None:
    e = _one(text, date(2024, 3, 14), "visit")
    assert e.place is not None and e.place.name == where


def test_welcoming_a_decision_is_no_visit() -> None:
    text = "In Nairobi, Kenya welcomed the decision to reopen the border with Uganda."
    assert not [e for e in _events(text, date(2024, 3, 14)) if e.type == "visit"]


def test_a_state_withdrawing_its_diplomats_from_others_is_the_actor_not_the_first_of_them() -> None:
    e = _one("Foreign Minister Alberto van Klaveren said on Monday that Chile was withdrawing "
             "its diplomatic staff from Bolivia and Paraguay.", date(2024, 7, 30), "diplomatic")
    assert (e.actor, e.target) == ("CL", "BO")


# ------------------------------------------------------------------------------ background

_CAMP = (
    "Rocket strike on Adre refugee camp kills 7; Chad blames RSF\n\n"
    "N'DJAMENA, May 4 (AP) — A rocket fired from Sudan slammed into a refugee camp in Adre on "
    "Saturday, killing seven women. Chadian warplanes struck targets deep inside Sudan "
    "overnight, the army said on Sunday.\n\n"
    "The United States condemned the attack. American officials said Washington had urged "
    "restraint. The US State Department said the United States wanted calm. France said French "
    "diplomats would meet US envoys. The United States and France pledged more aid. In Tokyo, "
    "the Japanese foreign minister called for restraint. American and French officials met in "
    "Washington. France said it would send food.\n\n"
    "Israel has been fighting Hamas in Gaza since October. Elsewhere, Houthi rebels attacked "
    "ships in the Red Sea.")


def test_the_headline_and_lede_events_are_the_story_s_own_whoever_the_story_names_most() -> None:
    events = _events(_CAMP, date(2024, 5, 5))
    own = {(e.place.name, e.background) for e in events if e.place and e.type == "strike"}
    assert own == {("Adre", False), ("Sudan", False)}
    camp = next(e for e in events if e.place and e.place.name == "Adre")
    assert camp.actor is None  # fired from Sudan, by no state the text names
    assert all(e.background for e in events if e.place and e.place.name in ("Gaza", "Red Sea"))


def test_a_reply_to_the_opening_s_event_is_the_story_s_own_wherever_it_falls() -> None:
    text = _CAMP.replace("Elsewhere, Houthi", "Chad struck back at RSF bases in Libya on Sunday. "
                         "Elsewhere, Houthi")
    libya = [e for e in _events(text, date(2024, 5, 5)) if e.place and e.place.country == "LY"]
    assert libya and not any(e.background for e in libya)
    other = text.replace("struck back at", "struck")  # no reply: a war elsewhere
    libya = [e for e in _events(other, date(2024, 5, 5)) if e.place and e.place.country == "LY"]
    assert libya and all(e.background for e in libya)


def test_strikes_recalled_as_the_cause_of_a_visit_are_neither_its_place_nor_its_date() -> None:
    text = ("Addis Ababa, Ethiopia - Kenya's Foreign Minister Musalia Mudavadi has arrived in the "
            "Ethiopian capital, Addis Ababa, for talks aimed at easing tensions after the two "
            "neighbours carried out air strikes on each other's border posts earlier this month."
            "\n\nMudavadi landed on Monday morning and held talks with his Ethiopian "
            "counterpart at the foreign ministry.")
    events = _events(text, date(2024, 3, 18))
    assert [(e.type, e.place and e.place.name, e.date) for e in events] == [
        ("visit", "Addis Ababa", date(2024, 3, 18))]
