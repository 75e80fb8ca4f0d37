"""Death tolls read from a clause."""

from __future__ import annotations

from geo.fatalities import death_toll


def test_the_largest_toll_in_words_or_digits() -> None:
    assert death_toll("the blast killed at least twelve people") == 12
    assert death_toll("3 soldiers were killed and 1,200 dead in the region") == 1200


def test_no_toll_without_deaths() -> None:
    assert death_toll("twelve people were wounded") is None


def test_members_of_a_family_count_as_the_number_killed() -> None:
    assert death_toll("Five members of one family were killed") == 5
