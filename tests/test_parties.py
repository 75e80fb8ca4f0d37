"""Parties: the acting state, the claimant of an attack, the visitor's state."""

from __future__ import annotations

from geo import parties
from geo.models import Mention, Place


def _m(text: str, name: str, cc: str, kind: str = "country", role: str = "location") -> Mention:
    at = text.index(name)
    return Mention(name, at, at + len(name), Place(name, cc, None, 0.0, 0.0, kind), role, 1.0)


def test_claimant_is_the_group_named_before_the_claim() -> None:
    text = "The Shining Path claimed responsibility for the ambush."
    at = parties.claim_at(text, 0, len(text))
    assert at is not None
    assert parties.claimant(text, 0, at, len(text), []) == "Shining Path"


def test_a_denied_claim_is_no_claim() -> None:
    text = "Chile has not claimed responsibility for the raid."
    assert parties.claim_at(text, 0, len(text)) is None


def test_guest_is_the_other_main_state() -> None:
    assert parties.guest_of("AR", {"AR", "BR"}) == "BR"
    assert parties.guest_of("CL", {"AR", "BR"}) is None


def test_people_ties_a_titled_name_to_its_state() -> None:
    text = "Peru's President Dina Boluarte arrived. Boluarte then left."
    found = parties.people(text, [_m(text, "Peru", "PE")])
    assert {(text[a:b], cc) for a, b, cc in found} >= {("Boluarte", "PE")}


def test_partner_is_the_joint_subject() -> None:
    text = "Chile and Bolivia agreed to restore ties."
    chile, bolivia = _m(text, "Chile", "CL"), _m(text, "Bolivia", "BO")
    assert parties.partner(text, chile, [chile, bolivia]) == "BO"


def test_a_broker_is_not_the_target() -> None:
    text = "restored ties in a deal brokered by Qatar"
    qatar = _m(text, "Qatar", "QA")
    assert parties.target_of(text, 0, len(text), [qatar], "CL") is None


def test_the_state_diplomats_are_withdrawn_from_is_not_the_actor() -> None:
    from geo.triggers import TRIGGERS

    recall = next(t for t in TRIGGERS if t.subtype == "ambassador recall")
    text = "Officials said its envoys were withdrawn from Bolivia."
    ts = text.index("withdrawn")
    bolivia = _m(text, "Bolivia", "BO")
    assert parties.actor(text, recall, ts, ts + len("withdrawn"), [bolivia]) == (None, None)


def test_the_state_a_weapon_was_fired_from_is_not_the_actor() -> None:
    from geo.triggers import TRIGGERS

    fire = next(t for t in TRIGGERS if t.subtype == "missile fire")
    text = "A rocket fired from Sudan hit a camp in Adre."
    te = text.index(" from")
    sudan = _m(text, "Sudan", "SD")
    assert parties.actor(text, fire, text.index("rocket"), te, [sudan]) == (None, None)
    assert parties.launch_origins(text, [sudan]) == {"SD"}
    struck = "The strike by Sudan hit a camp."
    by = _m(struck, "Sudan", "SD")
    assert parties.actor(struck, fire, 4, 10, [by])[1] == "SD"


def test_a_state_a_ship_is_only_linked_to_is_not_the_target() -> None:
    text = "seized a Greece-linked tanker in the Gulf of Guinea"
    greece = _m(text, "Greece", "GR", role="demonym")
    assert parties.target("attack", "NG", None, text, 6, len(text), [greece]) is None
    owned = "seized a Greek tanker in the Gulf of Guinea"
    greek = _m(owned, "Greek", "GR", role="demonym")
    assert parties.target("attack", "NG", None, owned, 6, len(owned), [greek]) == "GR"
