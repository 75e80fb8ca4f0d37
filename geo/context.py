"""What the words around a span say about it: the cues the resolver weighs.

Pure functions over the text and token offsets; no gazetteer here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words after a name that make it part of an organisation's name.
ORG_WORDS = _words("""
Army Front Liberation Group Party Movement Forces Force Guard Guards Council Ministry
University College School Times Post News Herald Tribune Journal Airlines Airways Bank
Company Corp Corporation Inc Ltd Club FC United Police Department Agency Institute Committee
Commission Association Union Federation League Brigade Brigades Battalion Corps Navy
Mujahideen Organisation Organization Foundation Society Network Radio Television TV
Broadcasting Press Daily Review Senate Parliament Assembly Court Authority Board Office
Service Services Centre Center Hospital Clinic Museum Stadium Street Road Avenue Boulevard
Lane Square Hotel Mosque Church Cathedral Temple Palace Prison Jail Declaration Accord
Accords Agreement Treaty Convention Protocol Conference Summit Cup Open Games Marathon
Festival Award Prize Fund Trust Group Holdings Energy Oil Gas Petroleum Telecom Motors
Electric Steel Mining Railway Railways Express Mail Observer Standard Gazette Chronicle
Telegraph Independent Guardian Sun Star Today Weekly Tigers Eagles Lions Jihad
""")

# Words next to a name that keep it a place ("Balochistan province", "Northern Gaza").
AFFIX_AFTER = _words("""
province Province state State region Region district District county County city City town
Town village Village governorate Governorate oblast Oblast prefecture Prefecture
municipality Municipality Strip valley Valley river River mountains Mountains island Island
islands Islands border Border crossing Crossing airport Airport camp Camp port Port bay Bay
lake Lake desert Desert hills Hills heights Heights peninsula Peninsula coast Coast area
Area
""")
AFFIX_BEFORE = _words("""
North South East West Northern Southern Eastern Western Central Upper Lower Greater New Old
Northeast Northwest Southeast Southwest Northeastern Northwestern Southeastern Southwestern
""")

# Titles and honorifics: a capitalised word after one of these is a person's name.
TITLES = _words("""
President Minister Ministers Premier Prime Chancellor Secretary Ambassador Envoy Governor
Mayor Senator Sen Rep Representative Congressman Congresswoman General Gen Lt Col Colonel
Major Captain Capt Commander Admiral Sergeant Sgt King Queen Prince Princess Sheikh Sheik
Emir Sultan Ayatollah Imam Pope Cardinal Bishop Archbishop Rabbi Father Sister Brother Mr
Mrs Ms Miss Dr Prof Professor Judge Justice Chief Spokesman Spokeswoman Spokesperson
Counterpart Director Chairman Chairwoman Chair CEO Lord Lady Sir Dame Mullah Maulana Marshal
Field Deputy Acting Caretaker Vice Leader Commissioner Inspector Officer Detective Agent
Coach Captain Saint
""")

# Lower-case words before a name that say it is used as a place.
LOCATIVE = _words("""
in at near from to into across outside inside around toward towards through via of off
between within throughout beyond over under along neighbouring neighboring visited visiting
visit reached entered left landed struck hit bombed shelled attacked targeting targeted
""")

# A verb after a capital city that makes it stand for its government ("Tehran said").
_METONYM_AFTER = re.compile(
    r"^(?:,[^,.;]{1,60},\s*|\s+and\s+(?:its\s+(?:\w+\s+)?allies\s+|[A-Z][\w-]+\s+)|\s+)"
    r"(?:(?:has|have|had|also|quickly|later|then|swiftly|publicly|officially|long|repeatedly|"
    r"again|already|now|previously|strongly|firmly|immediately|reportedly|still)\s+){0,2}"
    r"(?:said|says|say|claimed|claims|denied|denies|warned|warns|accused|accuses|announced|"
    r"announces|recalled|recalls|condemned|condemns|expelled|expels|urged|urges|insisted|"
    r"insists|responded|responds|retaliated|retaliates|rejected|rejects|demanded|demands|"
    r"agreed|agrees|moved|moves|blamed|blames|called|calls|threatened|threatens|vowed|vows|"
    r"sought|seeks|hopes|hoped|wants|wanted|refused|refuses|believes|believed|argued|"
    r"argues|alleged|alleges|described|describes|backed|backs|supports|supported|issued|"
    r"summoned|summons|signalled|signaled|protested|protests|welcomed|welcomes|confirmed|"
    r"confirms|reacted|reacts|cited|cites|told|tells|asked|asks|views|viewed|considers|"
    r"considered|regards|regarded|maintains|maintained|acknowledged|acknowledges|admitted|"
    r"admits|imposed|imposes|pledged|pledges|promised|promises|declined|declines|criticised|"
    r"criticized|criticises|criticizes|slammed|slams|praised|praises|approved|approves|"
    r"ordered|orders|could|would|will|is\s+(?:expected|likely|seeking|trying|ready|prepared|"
    r"willing)|was\s+(?:quick|ready|willing)|(?:is|was|were|are)\s+(?:\w+ly\s+)?(?:coordinating|"
    r"working|seeking|pushing|pressing|weighing|considering|preparing|planning|negotiating|"
    r"demanding|insisting|refusing|trying|reviewing|monitoring))\b"
)
_METONYM_BEFORE = re.compile(
    r"(?:opposed\s+to|against|backed\s+by|supported\s+by|(?:ties|relations|talks|contacts?)"
    r"\s+with|(?:ties|relations)\s+to|pressure\s+(?:on|from)|accused|criticised|criticized|condemned\s+by|"
    r"(?:rift|tensions?|talks)\s+between|blamed|followed|joined|urged|urging|pressed|pressing|"
    r"warned|told|asked|called\s+on|allied\s+with|sided\s+with)\s+$"
)
# A capital as the subject of a perfect tense of what governments do: "Beijing has invested
# billions", "Lima had given the diplomats 72 hours", "Algiers has expressed concern".
_METONYM_PERFECT = re.compile(
    r"\s+(?:has|have|had)\s+(?:(?:also|long|already|repeatedly|now|previously|recently|"
    r"reportedly|since|quietly|publicly|officially)\s+)?(?:given|invested|expressed|offered|"
    r"sent|provided|supplied|granted|signed|deployed|recognised|recognized|suspended|severed|"
    r"restored|lodged|extended|sought|dispatched|vetoed|sanctioned|invited|pledged|allowed|"
    r"blocked|banned|mediated|brokered|ratified|pushed|pressed|tried|struggled|"
    r"refrained|stepped\s+up|cut\s+(?:ties|off))\b"
)
# A capital's possessive before what only a government has: "Pyongyang's weapons testing".
_METONYM_POSSESSIVE = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:government|policy|policies|weapons?|nuclear|missiles?|decision|"
    r"response|stance|position|military|foreign|ambassador|envoy|relations|ties|support|"
    r"demands?|claims?|actions?|moves?|programme|program|testing|tests|threats?|officials|"
    r"leaders?|leadership|regime|allies|ally|backing|invasion|offensive|forces|troops|"
    r"sanctions|diplomats?|negotiators?|approach|strategy|ambitions|aggression|retaliation)\b"
)

_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|into|near|inside|outside|via)\s+(?:the\s+)?$")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$|\n")


@dataclass(frozen=True, slots=True)
class Surroundings:
    """Cues around one span."""

    before_words: tuple[str, ...]  # capitalised words directly before, nearest last
    after_words: tuple[str, ...]  # capitalised words directly after, nearest first
    prev_word: str  # the word just before (any case), '' at a sentence start
    prev_prev_word: str  # the word before that
    next_word: str
    sentence_start: bool
    comma_next: bool  # "X, Y": a comma follows directly


#: A word: letters and digits (the tokens every step counts in).
WORD = re.compile(r"[^\W_]+")
#: The phrase around a name ends at a line or one of these.
_SEGMENT = re.compile(r"[^:.!?|–—\n]*")
#: Up to six words (on the reversed text: the six before a position).
_WORDS = re.compile(r"(?:[\W_]*[^\W_]+){1,6}")
_TITLE_LOWER = frozenset("with from into over after than onto upon amid that this their the and "
                         "but for nor via per off its".split())
_LONG_WORD = re.compile(r"[^\W\d_]{3,}")


#: The non-word characters and then the word at a position; on the reversed text, the ones
#: before it. One C call instead of a loop over characters.
GAP_WORD = re.compile(r"([\W_]*)([^\W_]*)")


def word_end(text: str, end: int) -> int:
    """The end of the last word that starts before `end` ("U.S." → after the S)."""
    while end > 0 and not text[end - 1].isalnum():
        end -= 1
    return end


def is_title_case(text: str, rev: str, start: int, end: int) -> bool:
    """Whether the words at [start, end) sit in a headline in title case: every longer word of
    the phrase around them (up to six words either side, within a colon, dash or line) is
    capitalised, so a headline glued to the first paragraph still counts."""
    n = len(text)
    seg = _SEGMENT.match(rev, n - start)
    assert seg is not None
    words = _WORDS.match(rev, n - start, seg.end())
    left = n - words.end() if words else start
    seg = _SEGMENT.match(text, end)
    assert seg is not None
    words = _WORDS.match(text, end, seg.end())
    right = words.end() if words else end
    found = [w for w in _LONG_WORD.findall(text, left, right) if w not in _TITLE_LOWER]
    return len(found) >= 3 and all(w[0].isupper() for w in found)


def surroundings(text: str, rev: str, start: int, end: int) -> Surroundings:
    """Cues for the words at [start, end): `start` begins a word and `end` ends one. `rev` is
    `text` reversed, to read the words before the span with forward matches."""
    n = len(text)
    back = GAP_WORD.match(rev, n - start)
    assert back is not None
    gap, word = back.groups()
    prev_end = start - len(gap)
    prev_word = word[::-1]
    before: list[str] = []
    while gap == " " and word and len(before) < 4:
        w = word[::-1]
        if not w[0].isupper() or w in _BREAKERS:
            break
        before.append(w)
        m = GAP_WORD.match(rev, back.end())
        assert m is not None
        back = m
        gap, word = back.groups()
    after: list[str] = []
    fwd = GAP_WORD.match(text, end)
    assert fwd is not None
    next_word = fwd.group(2)
    while fwd.group(1) == " " and fwd.group(2) and len(after) < 4:
        w = fwd.group(2)
        if not w[0].isupper() or w in _BREAKERS:
            break
        after.append(w)
        m = GAP_WORD.match(text, fwd.end())
        assert m is not None
        fwd = m
    sentence_start = prev_end == 0 or bool(_SENTENCE_END.search(text, prev_end, start))
    prev_prev_word = ""
    if sentence_start:
        prev_word = ""
    else:
        pp = GAP_WORD.match(rev, n - prev_end + len(prev_word))
        assert pp is not None
        prev_prev_word = pp.group(2)[::-1]
    if text[max(0, start - 3) : start].endswith(("'s ", "’s ")):
        prev_word = "'s"
    return Surroundings(
        before_words=tuple(reversed(before)),
        after_words=tuple(after),
        prev_word=prev_word,
        prev_prev_word=prev_prev_word,
        next_word=next_word,
        sentence_start=sentence_start,
        comma_next=text[end : end + 2] == ", ",
    )


_BREAKERS = frozenset(
    {
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "To",
        "And",
        "But",
        "Or",
        "Of",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "I",
        "He",
        "She",
        "We",
        "They",
        "It",
    }
    # words capitalised only because they open a sentence: "Both Islamabad and Tehran"
    | _words("""Both Neither Either All Only Even Unlike Like While When After Before Since
    Although Though Despite Once Unless Until If As With Without During Amid Among Meanwhile
    Also Yet So Then Now Many Most Some Few Several Every Each No Not Just Why How What Where
    Who Whether This That These Those Its Their His Her Our Instead Whereas""")
)


def metonymic(text: str, start: int, end: int) -> bool:
    """Whether a capital at [start, end) stands for its government ("Tehran said"), not
    where something happens ("protesters in Tehran said")."""
    if _METONYM_BEFORE.search(text[max(0, start - 40) : start]):
        return True  # "opposed to Tehran", "ties with Islamabad"
    if _PLACE_BEFORE.search(text, max(0, start - 12), start):
        return False
    after = text[end : end + 90]
    return bool(_METONYM_AFTER.match(after) or _METONYM_POSSESSIVE.match(after)
                or _METONYM_PERFECT.match(after))


_COUNTRY_CUE = re.compile(
    r"(?:the\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2,3}|(?:[A-Z]\.){2,3})\s+(?:city|town|"
    r"village|province|region|"
    r"capital|port|border\s+town|district|state|county)\s+of\s+$"
)


_NAME = r"[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*"
_LIST_KIND = re.compile(
    rf"(?:,\s+{_NAME})*,?\s+(?:and|or)\s+{_NAME}\s+(regions|provinces|states|oblasts|"
    r"governorates|prefectures|cities|towns|villages)\b"
)


def list_kind(text: str, end: int) -> str:
    """ "the Belgorod and Kursk regions" → 'region' for each name of the list ('' if none)."""
    m = _LIST_KIND.match(text, end)
    if not m:
        return ""
    return singular(m.group(1))


def singular(word: str) -> str:
    """ "regions" → "region", "cities" → "city": enough for the kind words after a name."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


_KIND_BEFORE = re.compile(
    r"\b(city|town|village|community|province|region|state|governorate|district|oblast|"
    r"cities|towns|villages|provinces|regions|states)\s+of\s+(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"(?:,\s+|,?\s+(?:and|or)\s+))?$"
)


def kind_cue(text: str, start: int) -> str:
    """ "the city of Nabatieh" → 'city', "the province of Sindh" → 'province' ('' if none)."""
    before = text[max(0, start - 60) : start]
    tail = before.rstrip()
    if not tail.endswith(("of", ",", "and", "or")):
        return ""
    m = _KIND_BEFORE.search(before)
    return singular(m.group(1)) if m else ""


def demonym_cue(text: str, start: int) -> str | None:
    """'the Iranian city of X' → 'Iranian', 'the US state of X' → 'US' (the caller maps it to
    a country)."""
    before = text[max(0, start - 12) : start].rstrip()
    if not (before.endswith("of") and len(before) > 2 and before[-3].isspace()):
        return None  # the pattern ends in "of": most names need no search
    m = _COUNTRY_CUE.search(text[max(0, start - 60) : start])
    return m.group(1) if m else None


_POSSESSIVE_CUE = re.compile(
    r"([A-Z][\w.]+(?:\s[A-Z][\w]+)?)['’]s\s+(?:(?:(?:north|south|east|west)[a-z-]*|central|"
    r"restive|remote|troubled|border|mountainous|coastal|neighbou?ring|former|occupied|"
    r"disputed|breakaway|separatist|oil-rich|impoverished|volatile)\s+){0,2}$"
)


def possessive_cue(text: str, start: int) -> str | None:
    """ "Pakistan's southwestern Balochistan" → 'Pakistan' (the container of the place)."""
    window = text[max(0, start - 60) : start]
    if "s" not in window or ("'s" not in window and "’s" not in window):
        return None
    m = _POSSESSIVE_CUE.search(window)
    return m.group(1) if m else None
