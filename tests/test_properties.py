"""Properties of the two extraction steps on any text: they never raise, and every offset
they report slices exactly the text they report (what `text == body[start:end]` promises)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from geo.events import extract_events
from geo.models import Document
from geo.places import extract_places

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

#: Words that make the extractors work: places, demonyms, event triggers, dates.
NEWS_WORDS = (
    "Iran Pakistan Saravan Balochistan Islamabad Tehran Gaza Kyiv Kharkiv Paris Georgia "
    "Jordan Chad Nice Reading Sudan Darfur Iranian Pakistani Israeli US U.S. UK "
    "strike strikes struck airstrike shelling missile drone attack bombing killed clashes "
    "visit visited will met talks ambassador recalled protest protesters war fighting "
    "Monday Tuesday January 17 2024 last week next yesterday two days later on in at near "
    "the of and said city province border village Mount River New York Sistan-Baluchestan"
).split()

capitalised = st.from_regex(r"[A-Z][a-z]{1,12}", fullmatch=True)
word = st.one_of(st.sampled_from(NEWS_WORDS), capitalised,
                 st.text(min_size=1, max_size=12))
punctuation = st.sampled_from([" ", " ", " ", ", ", ". ", "; ", " - ", "\n", "\n\n", "'s ",
                               "\u2019s ", " (", ") ", "\"", ": ", "\t", " \u00a0", "/"])


@st.composite
def news_like(draw: st.DrawFn) -> str:
    """Words (place names, triggers, random capitalised words, any unicode) and punctuation."""
    parts = draw(st.lists(st.tuples(word, punctuation), max_size=60))
    return "".join(w + p for w, p in parts)


ACTORS = ["Pakistan", "Iran", "Israel", "Russian forces", "The US", "Iranian", "Rebels"]
TRIGGERS = ["struck", "launched strikes", "shelled", "will visit", "recalled its ambassador",
            "attacked", "bombed", "clashed with protesters", "fired missiles"]
PLACES = ["Saravan", "Balochistan", "Islamabad", "Tehran", "Gaza", "Kharkiv", "Paris",
          "Sistan and Baluchestan", "Darfur", "Reading", "Georgia", "New York"]
WHEN = ["on Thursday", "on January 17", "last week", "next week", "two days later", "", "in 2023"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """Sentences shaped like news (actor, trigger, place, date) with junk spliced in anywhere."""
    out = []
    for _ in range(draw(st.integers(1, 6))):
        parts = [draw(st.sampled_from(ACTORS)), draw(st.sampled_from(TRIGGERS)),
                 draw(st.sampled_from(["in", "near", "targets in", "the city of", ""])),
                 draw(st.sampled_from(PLACES)), draw(st.sampled_from(WHEN))]
        if draw(st.booleans()):
            parts.insert(draw(st.integers(0, len(parts))), draw(word))
        out.append(" ".join(p for p in parts if p) + draw(st.sampled_from([".", ",", ";", ""])))
    return draw(st.sampled_from([" ", "\n", "\n\n", " \u00a0"])).join(out)


texts = st.one_of(
    sentences(),
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=500),
    st.text(alphabet=st.characters(categories=["Cc", "Zs", "Zl", "Zp", "Cf", "Mn"]),
            max_size=200),
    news_like(),
    st.builds(lambda w, n: " ".join([w] * n), capitalised, st.integers(1, 50)),
    st.builds(lambda w, n: w * n, capitalised, st.integers(50, 3000)),  # very long words
)


def _places(text: str):
    mentions = extract_places(text, date(2024, 1, 19))
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
    return mentions


@SETTINGS
@given(texts)
def test_extract_places_never_raises_and_offsets_slice(text: str) -> None:
    _places(text)


@SETTINGS
@given(texts)
def test_extract_events_never_raises_and_evidence_slices(text: str) -> None:
    mentions = _places(text)
    doc = Document(id="x", text=text, published=date(2024, 1, 19))
    events = extract_events(doc, mentions)
    event(f"mentions: {bool(mentions)}, events: {bool(events)}")
    for e in events:
        assert 0 <= e.evidence_start <= e.evidence_end <= len(text)
        assert text[e.evidence_start:e.evidence_end] == e.evidence
        assert e.evidence.strip()


def test_a_news_sentence_yields_events_with_exact_evidence() -> None:
    """The checks above have something to check: such words do make mentions and events."""
    text = "Pakistan's strikes near Saravan on Thursday killed nine, Iran said. "
    doc = Document(id="x", text=text, published=date(2024, 1, 19))
    events = extract_events(doc, _places(text))
    assert events and events[0].place is not None
    assert text[events[0].evidence_start:events[0].evidence_end] == events[0].evidence


@SETTINGS
@given(st.one_of(news_like(), st.text()))
@example("ΟΔΥΣΣΕΥΣ “Café” – Zürich/Genève")
@example("İstanbul ΑΣ")
def test_fast_folding_equals_the_character_table(text: str) -> None:
    from gazetteer.normalize import _fold_by_table, fold

    assert fold(text) == _fold_by_table(text)
    assert len(fold(text)) == len(text)
