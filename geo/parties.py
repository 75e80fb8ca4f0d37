"""The parties to an event: the state or group that acts, the one it targets, visitor and host."""

from __future__ import annotations

import re
from collections.abc import Sequence

from geo.models import Mention
from geo.triggers import Trigger

_SPEAKER_AFTER = re.compile(
    r"^\W{0,3}(?:has |have |had )?(?:said|says|claimed|claims|reported|reports|added|adds|"
    r"stated|states|announced|announces|confirmed|confirms|accused|denied|insisted)\b"
)
_ACTOR_PREP_BEFORE = re.compile(r"\b(?:from|by)\s+(?:the\s+)?$", re.I)
#: "a rocket fired from Lebanon", "drones launched from Yemen": whence a weapon came, a side of
#: the event but not the state that acted
_LAUNCHED_FROM = re.compile(r"\b(?:fired|launched)\s+from\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$",
                            re.I)
_BACKER_BEFORE = re.compile(
    r"\b(?:supported|backed|funded|sponsored|armed|allied)\s+(?:by|with)\s+$", re.I)
# "Tehran claimed to have fired", "Pakistan said it struck": the speaker is the one acting.
_AGENT_SPEAKER = re.compile(
    r"^['’]s\b|^\W{0,3}(?:has |had )?\w+ (?:to have|it had|it has|it would|it|its)\b")
#: "Iran-backed", "Kabul-based": a name qualifying a party, not the one acting or hit
BACKER_AFTER = re.compile(
    r"^[-‐‑–\s](?:backed|supported|funded|sponsored|allied|aligned|based)\b")

_PARTNER_BEFORE = re.compile(r"\b(?:and|&)\s+$")

#: "in", "near the", "against": the words that make the name after them a place
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|into|inside|near|around|at|on|to|against|across|over|within|of|toward|towards)"
    r"\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.I,
)

# "Ukrainian President Volodymyr Zelenskyy", "Iran's foreign minister, Hossein Amir-Abdollahian",
# "China, whose President Xi Jinping": a state's title holder, named.
_TITLE = (r"(?:(?:then|former|new|acting|interim|top)\s+)?(?:[Pp]resident|[Pp]rime\s+[Mm]inister|"
          r"PM|[Pp]remier|[Cc]hancellor|[Kk]ing|[Qq]ueen|[Ee]mir|[Cc]rown\s+[Pp]rince|"
          r"[Ss]upreme\s+[Ll]eader|(?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior)\s+[Mm]inister|"
          r"[Ss]ecretary\s+of\s+[Ss]tate|[Ff]oreign\s+[Ss]ecretary|[Vv]ice[\s-][Pp]resident|"
          r"[Ll]eader|[Mm]inister)")
_NAME = (r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:(?:al|el|bin|ibn|van|von|de)[\s-]+)?"
         r"[A-Z][\w'’-]+){0,3})")
_TITLED_AFTER = re.compile(rf"(?:['’]s|,\s+whose)?\s+{_TITLE},?\s+{_NAME}")
_TITLED_BEFORE = re.compile(rf"\b{_TITLE}\s+{_NAME}\s+of\s+(?:the\s+)?$")
_HEAD_TITLED = re.compile(rf"\b(?:President|Prime\s+Minister|PM|Premier|Chancellor|King|Emir)"
                          rf"\s+{_NAME}")
#: the state of a head of state or government the text names without saying which
UNSAID = "?"
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "de"})


def people(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int, str]]:
    """Where the text names a state's title holder, and his state: every occurrence, by
    start, of each part of a name the text ties to one state by a title ("Indian Prime
    Minister Narendra Modi" ... "Modi arrived")."""
    states: dict[str, set[str]] = {}
    for m in mentions:
        cc = country_of(m) if m.place.kind == "country" or m.role != "location" else None
        if not cc:
            continue
        found = _TITLED_AFTER.match(text, m.end)
        if found is None:
            found = _TITLED_BEFORE.search(text, max(0, m.start - 80), m.start)
        if found is None:
            continue
        for part in re.split(r"[\s-]+", found.group("name")):
            part = part.rstrip(".,'’")
            if len(part) > 1 and part.lower() not in _NAME_PARTICLES:
                states.setdefault(part, set()).add(cc)
    known = {name: next(iter(ccs)) for name, ccs in states.items() if len(ccs) == 1}
    for found in _HEAD_TITLED.finditer(text):  # "Prime Minister Narendra Modi": state unsaid
        for part in re.split(r"[\s-]+", found.group("name")):
            part = part.rstrip(".,'’")
            if len(part) > 1 and part.lower() not in _NAME_PARTICLES and part not in states:
                known[part] = UNSAID
    if not known:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(known, key=len,
                                                                   reverse=True))) + r")\b")
    return [(m.start(), m.end(), known[m.group()]) for m in pattern.finditer(text)]


# "Blinken met Chinese President Xi Jinping in Beijing, wrapping up a visit": the host
_HOST_BEFORE = re.compile(r"\b(?:met|meets|meet|meeting|with|welcomed|hosted|by)\s+"
                          r"(?:[A-Z][\w.'’-]*\s+){0,4}$")
_HE_SHE = re.compile(r"\b(?:he|she|He|She)\b")
_HIM = re.compile(r"\s+(?:him|her)\b")

_CLAIM = re.compile(r"\b(?:claimed|claims|claiming|admitted|accepted|took)\s+(?:\w+\s+)?"
                    r"responsibility\b")

_NOT_CLAIMED = re.compile(r"\b(?:not|never|yet to|n't)\s+(?:\w+\s+)?$")


def claim_at(text: str, s: int, e: int) -> int | None:
    """Where sentence [s, e) claims responsibility ("Al-Shabaab claimed responsibility for
    the attack"); None where it has none or denies one ("Israel has not claimed")."""
    m = _CLAIM.search(text, s, e)
    if m is None or _NOT_CLAIMED.search(text, max(s, m.start() - 25), m.start()):
        return None
    return m.start()


def claimant(text: str, cs: int, at: int, e: int, mentions: Sequence[Mention]) -> str | None:
    """Who claims responsibility at `at`, in the clause from `cs`: an armed group, a group
    named as subject, else the state named right before the claim."""
    who = armed_group(text, cs, at, e, e) or group_actor(
        text[cs:at], [o for o in mentions if cs <= o.start < at])
    if who is None:
        who = next((cc for o in mentions if cs <= o.start and at - 25 < o.end <= at
                    and (cc := country_of(o))), None)
    return who


def guest_of(host: str | None, main: set[str]) -> str | None:
    """A leader of unsaid state visiting one of the story's two states comes from the other:
    the story of Modi's state visit is about the US and India."""
    others = main - {host}
    return next(iter(others)) if host in main and len(others) == 1 else None


def visitor(
    text: str, trig: Trigger, sentence: tuple[int, int], clause: tuple[int, int], ts: int,
    te: int, people: Sequence[tuple[int, int, str]], host: str | None = None,
) -> str | None:
    """The state of the named title holder who makes a visit: the subject before the verb
    ("Modi arrived", or "he" after him), the guest after it for a host ("hosted Modi"); never
    one of the host state where the visit is (Xi, named in 'Macron's state visit in Beijing')
    when one of another state is named."""
    if not people:
        return None
    s, _ = sentence
    cs, ce = clause
    if trig.subtype == "hosted visit":
        guest = next((cc for a, _, cc in people if ts <= a < ce), None)
        if guest is None and _HIM.match(text, te):  # "Xi will host him": the one named before
            guest = next((cc for a, _, cc in people if s <= a < ts and cc != host), None)
        return guest
    before = [cc for a, _, cc in people if s <= a < ts
              and not _HOST_BEFORE.search(text, max(s, a - 50), a)]
    if before:  # a leader travelling at home is one of the host's, if no one else is named
        return next((cc for cc in reversed(before) if cc != host), before[-1])
    if _HE_SHE.search(text, cs, ts):
        return next((cc for a, _, cc in reversed(people) if a < s and s - a < 1500), None)
    return None


def country_of(m: Mention) -> str | None:
    """The state a mention can stand for as an actor: a country, a demonym, a capital used
    for its government."""
    if m.place.kind == "country" or m.role in ("demonym", "metonym"):
        return m.place.country
    return None


_ENVOYS_LEAVE = frozenset({"ambassador recall", "expulsion of diplomats"})


def actor(
    text: str, trig: Trigger, ts: int, te: int, mentions: list[Mention]
) -> tuple[Mention | None, str | None]:
    """The state that acted: 'from/by X' after the trigger, else the nearest state before
    it that is neither a place ('in X') nor only the speaker ('X said')."""
    # "withdrew its diplomats from Chile", "expelled diplomats from Peru": whence they go
    envoys_from = trig.type == "diplomatic" and trig.subtype in _ENVOYS_LEAVE
    for m in mentions:
        if te <= m.start < te + 40 and _ACTOR_PREP_BEFORE.search(text[te : m.start]) and not (
                envoys_from and text[te : m.start].rstrip().lower().endswith(("from", "the"))
                and "by" not in text[te : m.start].split()) and not _LAUNCHED_FROM.search(
                text, max(ts, m.start - 40), m.start):
            cc = country_of(m)
            if cc:
                return m, cc
    for m in sorted((m for m in mentions if m.end <= ts), key=lambda m: -m.start):
        cc = country_of(m)
        if not cc:
            continue
        before = text[max(0, m.start - 40) : m.start]
        if _is_locative(before) and m.role != "demonym" and not _ATTRIBUTIVE.match(
                text, m.end, ts):
            continue
        if _ROUTE_BEFORE.search(before) and m.role != "demonym":
            continue  # "crossed from occupied Ukraine into Russia and took": the way they came
        if _UNDERGOES_AFTER.match(text, m.end) or _HARMED_BETWEEN.search(text, m.end, ts):
            continue  # "as Nigeria reels from kidnappings", "Iran's envoy was wounded by": hit
        if _OTHER_CLAUSE.search(text, m.end, ts):
            continue  # "Iran vowed to retaliate after an air strike": the subject of another verb
        if _COUNTERPART_BEFORE.search(before):
            continue  # "breaking ties with Rwanda and recalled": the other party
        if _BACKER_BEFORE.search(before) or BACKER_AFTER.match(text[m.end : m.end + 12]):
            continue
        if trig.type == "diplomatic" and (_ENVOY_AFTER.match(text, m.end) or (
                m.role == "demonym" and _DEMONYM_ENVOY_AFTER.match(text, m.end))):
            continue  # "expelled Sweden's ambassador and recalled": the envoy's state
        if m.role == "demonym" and _PERSON_AFTER.match(text, m.end):
            continue  # "a Palestinian man rammed his car": a person, not a state
        if _NON_STATE_AFTER.match(text, m.end):
            continue  # "Sudan's paramilitary RSF": a group of the country, not its state
        after = text[m.end : m.end + 30]
        if _SPEAKER_AFTER.match(after) and not _AGENT_SPEAKER.match(after):
            continue
        if _PARTNER_BEFORE.search(before):  # "the US and UK struck": the first is named first
            first = next((o for o in mentions if o.end <= m.start and
                          _PARTNER_BEFORE.search(text[o.end : m.start]) and country_of(o)),
                         None)
            if first is not None and text[first.end : m.start].strip() in ("and", "&"):
                return first, country_of(first)
        return m, cc
    return None, None


def launch_origins(text: str, mentions: Sequence[Mention]) -> set[str]:
    """The states weapons were fired from ('a rocket fired from Lebanon'): sides of an
    event that the text does not name as its actor."""
    return {cc for m in mentions if (cc := m.place.country)
            and _LAUNCHED_FROM.search(text, max(0, m.start - 40), m.start)}


def _is_locative(before: str) -> bool:
    """Whether the words before a name make it a place ("in Gaza"), not a date then a
    subject ("On Tuesday India ordered")."""
    m = LOCATIVE_BEFORE.search(before)
    if not m:
        return False
    between = [w for w in m.group().split()[1:] if w.lower() != "the"]
    if between and between[-1].lower() in ("that", "whether"):
        return False  # "said on Monday that Chile was": the subject of what was said
    return not (between and all(w in _CALENDAR for w in between))


# "killed in a U.S. drone strike": a state named right before the trigger, whatever the
# preposition before it, is the one that struck.
_ATTRIBUTIVE = re.compile(r"[\s-]*(?:(?:air|drone|missile|rocket|military|naval|army|police|"
                          r"forces?)\s+)?$")
_OTHER_CLAUSE = re.compile(r"\b(?:after|before|following|since|when|amid)\s+(?:an?|the|its|"
                           r"their|his|her)\s")
_ROUTE_BEFORE = re.compile(r"\b(?:from|via|through)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
_UNDERGOES_AFTER = re.compile(r"\s+(?:is\s+|was\s+)?(?:reel|grappl|struggl|suffer|mourn|"
                              r"recover)(?:s|ed|es|ing)?\b")
_HARMED_BETWEEN = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?(?:wounded|killed|"
                             r"injured|hurt|maimed)\b")
_COUNTERPART_BEFORE = re.compile(r"\b(?:with|between)\s+(?:the\s+)?$")
_ENVOY_AFTER = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+)?(?:ambassador|envoy|diplomat|charg[eé])", re.I)
_DEMONYM_ENVOY_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:ambassador|envoy|diplomat|charg[eé])", re.I)

_PERSON_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:man|woman|men|women|youths?|teenagers?|boys?|girls?|gunm[ae]n|"
    r"assailants?|attackers?|nationals?|residents?|assassins?|suspects?|militants?|rebels?|"
    r"jihadists?|insurgents?|bandits?|separatists?|extremists?|guerrill?as?|militiam[ae]n)\b")
_NON_STATE_AFTER = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:paramilitary|rebels?|militias?|insurgents?|separatists?|opposition|"
    r"jihadists?|guerrillas?)\b"
)


_GROUP_SUBJECT = re.compile(
    r"((?:[A-Z][\w'’-]*|al-\w+)(?:\s+(?:[A-Z][\w'’-]*|al-\w+|of|the))*)\s+"
    r"(?:(?:have|has|had|also|reportedly|allegedly)\s+){0,2}(?:\w+ly\s+)?$"
)
_CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept "
    "Oct Nov Dec Today Yesterday Tomorrow Earlier Later Last Next".split())
_MODEL = re.compile(r"-[A-Z0-9]{1,4}$|\d")
_NOT_GROUPS = frozenset({"The", "It", "They", "He", "She", "We", "This", "That", "Officials",
                         "Police", "Witnesses", "Residents", "Sources", "Activists"})


# "Gunmen on motorbikes stormed", "Suspected Islamist militants attacked", "fighters of the
# Islamic State", "the militant group Hamas": an armed group a common noun names.
_GROUP_NOUN = (r"(?:gunm[ae]n|militants|jihadists|rebels|insurgents|bandits|fighters|extremists|"
               r"separatists|guerrill?as|militiam[ae]n|terrorists|(?P<org>group|movement|militia|"
               r"faction|organi[sz]ation))")
_GROUP_NAME = (r"(?-i:(?:[A-Z][\w'’-]*|(?:al|el)-\w+)"
               r"(?:\s+(?:[A-Z][\w'’-]*|(?:al|wal|el)-\w+)){0,3})")
_GROUP_NP = re.compile(
    rf"(?P<mods>(?:(?:(?-i:[A-Z][\w'’-]*)|al-\w+|suspected|armed|heavily|unidentified|unknown|"
    rf"masked|islamist|jihadist|militant|rebel|local)\s+){{0,4}}){_GROUP_NOUN}\b"
    rf"(?:\s+of\s+(?:the\s+)?(?P<of>{_GROUP_NAME}))?(?:,?\s+(?P<name>{_GROUP_NAME}))?", re.I)
# what may stand between the start of a clause and its subject: "On Monday, dozens of gunmen"
_SUBJECT_LEAD = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|then|when|after|as|since|while|but)\s+)(?:(?:the|some|several|a|"
    r"group|band|dozens|hundreds|scores|of|at|least|more|than|about|around|[\d,]+|two|three|four|"
    r"five|six|seven|eight|nine|ten)\s+)*$", re.I)
_LEAD_WORDS = frozenset({"the", "some", "several", "a", "an", "no", "any", "another", "other",
                         "suspected", "armed", "heavily", "unidentified", "unknown", "masked",
                         "local", "on", "in", "at", "by", "dozens", "hundreds", "scores", "of"})
# "militants were killed in an airstrike", "rebels said the army shelled": not the actor
_NOT_THEIR_ACT = re.compile(r"\b(?:was|were|been|being|are|is)\s+(?:\w+\s+)?\w+(?:ed|en)\b|"
                            r"\b(?:said|says|say|told|claimed|accused|blamed|denied)\b")


def armed_group(text: str, cs: int, ts: int, te: int, ce: int) -> str | None:
    """An armed group a common noun names as the subject before the trigger, or after 'by'
    following it ("the abduction of 200 girls by Boko Haram jihadists"), as written."""
    for m in _GROUP_NP.finditer(text, max(cs, ts - 200), ts):
        if _SUBJECT_LEAD.search(text, cs, m.start()) and not _NOT_THEIR_ACT.search(
                text, m.end(), ts):
            return _group_name(m)
    if "by " in text[te:ce]:
        for m in _GROUP_NP.finditer(text, te, min(ce, te + 160)):
            if text[max(te, m.start() - 8) : m.start()].lower().endswith(("by ", "by the ")):
                return _group_name(m)
    return None


def _group_name(m: re.Match[str]) -> str | None:
    """The group's own name where the text gives one, else its noun with its proper
    modifiers ("Houthi rebels"), generic words ("suspected", "armed") aside."""
    for key in ("of", "name"):
        if m.group(key) and m.group(key).split()[0] not in _CALENDAR:
            return m.group(key)
    mods = [w for w in m.group("mods").split() if w.lower() not in _LEAD_WORDS]
    while mods and not mods[0][0].isupper():
        mods.pop(0)
    noun = m.group(0)[len(m.group("mods")):].split()[0].rstrip(",")
    if m.group("org") and not mods:
        return None  # "the group attacked": a name told before, not one given here
    return " ".join([*mods, noun if mods else noun.lower()])


def group_actor(before: str, mentions: list[Mention]) -> str | None:
    """A non-state actor named as the subject ("the Rapid Support Forces shelled", "Houthi
    rebels attacked"), as written."""
    m = _GROUP_SUBJECT.search(before)
    if not m:
        return None
    name = m.group(1).strip()
    while name.split(" ")[0] in ("The", "the", "of"):
        name = name.split(" ", 1)[1] if " " in name else ""
    if not name or name in _NOT_GROUPS or len(name) < 3 or name.endswith(("'s", "’s")):
        return None
    if _MODEL.search(name):
        return None  # "two Iskander-M missiles hit": a weapon's model, not who fired it
    if any(w in _CALENDAR for w in name.split()):
        return None  # "Thursday's strikes", "a December attack"
    if " " not in name and _everyday_word(name):
        return None  # "Heavy shelling hit", "post-Cold War": a capitalised word, not a group
    if any(mm.text in name or name in mm.text for mm in mentions):
        return None  # a place or a state, handled as such
    return name


def _everyday_word(word: str) -> bool:
    """Whether a word is common English in lower case (Zipf 4 or more: about once in ten
    thousand words); group names (Hamas, Wagner, Taliban) are rarer."""
    from gazetteer.index import default_gazetteer

    return word.lower() in default_gazetteer().everyday


def target_of(
    text: str, te: int, ce: int, mentions: list[Mention], actor: str
) -> str | None:
    """The state named after the trigger, other than the actor ("severed ties with Ecuador")."""
    for m in mentions:
        cc = country_of(m)
        if te <= m.start < ce and cc and cc != actor and not _mediator(text, m):
            return cc
    return None


def speaker(
    text: str, s: int, ts: int, mentions: list[Mention], actor: str | None
) -> str | None:
    """The state that reports an attack on itself: 'Pakistan said an Iranian attack...'."""
    for m in mentions:
        if s <= m.start < ts and _SPEAKER_AFTER.match(text[m.end : m.end + 30]):
            cc = country_of(m)
            if cc and cc != actor:
                return cc
    return None


# "China-brokered", "brokered by Oman": the go-between, not a party
_MEDIATOR_AFTER = re.compile(r"[-‐‑–](?:brokered|mediated)\b")
_MEDIATOR_BEFORE = re.compile(r"\b(?:brokered|mediated|hosted)\s+by\s+(?:the\s+)?$")


def _mediator(text: str, m: Mention) -> bool:
    return bool(_MEDIATOR_AFTER.match(text, m.end)
                or _MEDIATOR_BEFORE.search(text, max(0, m.start - 20), m.start))


def partner(text: str, actor: Mention | None, mentions: list[Mention]) -> str | None:
    """The state named with the actor as joint subject: 'Iran and Saudi Arabia agreed'."""
    if actor is None:
        return None
    cc = country_of(actor)
    return next((oc for m in mentions if m.start > actor.end
                 and text[actor.end : m.start] in (" and ", " & ")
                 and (oc := country_of(m)) and oc != cc), None)


# "three American soldiers", "a U.S. logistics base": a state's people or posts, hit
_HIT_FORCES_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:troops|soldiers|service\s?(?:members|men|women)|forces|"
    r"personnel|bases?|outposts?|sailors|marines|servicemen|warships?|embassy)\b", re.I)


#: "an Israel-linked ship": a tie named, not the state that owns or flags what was hit
_LINKED_AFTER = re.compile(r"[-‐‑](?:linked|affiliated|connected|tied)\b")


def target(
    type_: str, actor: str | None, place: Mention | None, text: str, te: int, ce: int,
    mentions: list[Mention],
) -> str | None:
    if type_ not in ("strike", "attack", "visit", "diplomatic", "armed_clash"):
        return None
    if type_ != "visit" and type_ != "diplomatic":
        # "struck a small U.S. logistics base in Jordan": the state whose forces were hit
        hit = next((cc for m in mentions if te <= m.start < ce and (cc := country_of(m))
                    and cc != actor and _HIT_FORCES_AFTER.match(text, m.end)), None)
        if hit:
            return hit
    if place is not None and place.place.country and place.place.country != actor:
        return place.place.country
    for m in mentions:
        cc = country_of(m)
        if te <= m.start < ce and cc and cc != actor and not _mediator(text, m) and not (
                _LINKED_AFTER.match(text, m.end)):
            return cc
    return None
