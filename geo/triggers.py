"""The words that report an event, each with its type, plain-words subtype and CAMEO code.

A table of patterns, not code: one row per way news says that something happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Trigger:
    """A pattern that reports an event of one kind."""

    type: str
    subtype: str
    cameo: str | None
    pattern: re.Pattern[str]
    weight: float  # how surely the words report an event of this type
    #: lower-case strings one of which a text must contain for the pattern to match at all:
    #: a substring test is far cheaper than a regex scan
    keywords: tuple[str, ...] = ()
    #: the same pattern, case-sensitive, for text already lower-cased (see `foldable`)
    folded: re.Pattern[str] | None = None


def _t(
    type_: str, subtype: str, cameo: str | None, keywords: tuple[str, ...], pattern: str,
    weight: float,
) -> Trigger:
    literal = re.sub(r"\\.", "", pattern)  # escapes such as \W and \S aside
    if not pattern.isascii() or literal.lower() != literal:
        raise ValueError(f"trigger patterns are ASCII and lower-case, so that lower-cased text "
                         f"can be searched: {pattern!r}")
    return Trigger(type_, subtype, cameo, re.compile(pattern, re.IGNORECASE), weight, keywords,
                   re.compile(pattern))


# Characters that IGNORECASE matches to an ASCII letter although str.lower() does not map
# them to it (dotted and dotless i, long s, Kelvin sign).
_UNFOLDABLE = re.compile("[\u0130\u0131\u017f\u212a]")


def foldable(text: str, low: str) -> bool:
    """Whether the case-sensitive `folded` patterns over `low` (text.lower()) find exactly
    what the IGNORECASE patterns find over `text`, at the same offsets."""
    return text.isascii() or (len(low) == len(text) and not _UNFOLDABLE.search(text))


_AMB = (r"(?:ambassadors?|envoys?|diplomats?|high commissioners?"
        r"|charg[e\u00e9]s? d['\u2019]affaires)")
_AMB_WORDS = ("ambassador", "envoy", "diplomat", "commissioner", "affaires")

TRIGGERS: tuple[Trigger, ...] = (
    # strikes: air, drone, missile, rocket, artillery
    _t("strike", "airstrike", "195", ("airstrike", "air strike", "air-strike", "air raid"),
       r"\bair[\s-]?strikes?\b|\bair raids?\b", 0.9),
    _t("strike", "missile strike", "195", ("missile",), r"\bmissile (?:strikes?|attacks?)\b", 0.9),
    _t("strike", "drone strike", "195", ("drone",), r"\bdrone (?:strikes?|attacks?)\b", 0.9),
    _t("strike", "rocket attack", "195", ("rocket",),
       r"\brocket (?:fire|attacks?|strikes?)\b", 0.85),
    _t("strike", "shelling", "194", ("shell", "artillery"),
       r"\bshell(?:ed|ing)\b|\bartillery (?:fire|strikes?)\b|"
       r"\bfired (?:\w+ )?(?:artillery|mortar|tank) (?:shells|rounds)\b",
       0.8),
    _t("strike", "bombardment", "195", ("bombard",), r"\bbombard(?:ed|ment|ing)\b", 0.8),
    _t("strike", "strike", "195", ("strik", "struck"),
       r"(?:p(?<!\w.)recision |m(?<!\w.)ilitary |c(?<!\w.)ross-border |r(?<!\w.)etaliatory |"
       r"m(?<!\w.)issile and (?:missile|drone) |d(?<!\w.)rone and (?:missile|drone) )"
       r"strikes?\b(?! a (?:deal|balance|chord|tone))|"
       r"s(?<!\w.)trikes?\b(?! a (?:deal|balance|chord|tone))|s(?<!\w.)truck\b|"
       r"s(?<!\w.)triking\b(?= (?:targets?|sites?|bases?|positions?))", 0.8),
    _t("strike", "missile fire", "195", ("fired", "launched", "barrage"),
       r"\bfired (?:\w+ )?(?:missiles?|rockets?|drones?)\b|\blaunched (?:\w+ ){0,2}(?:missiles?|"
       r"rockets?|drones?)\b|\b(?:missiles?|rockets?|drones?|mortars?) (?:were |was )?(?:fired|"
       r"launched)\b|\bbarrages? of (?:\w+ )?(?:missiles|rockets|drones|mortars|shells)\b", 0.8),
    _t("strike", "destruction of targets", "195", ("destr",),
       r"\bdestr(?:oyed|uction of)\b(?= (?:\w+ ){0,3}(?:bases?|targets?|sites?|positions?|"
       r"hideouts?|camps?|depots?))", 0.6),
    # "its jets had hit a camp", "missiles targeted the air base", "aircraft fired on the column"
    _t("strike", "strike", "195", ("hit ", "targeted", "pounded", "fired on", "fired at",
                                   "fired upon", "exploded", "landed", "slammed into"),
       r"\b(?:jets?|warplanes?|planes|aircraft|drones?|missiles?|rockets?|helicopters?|gunships?|"
       r"artillery|shells|warships?)\s+(?:\w+\s+){0,2}?(?:hit|targeted|pounded|fired (?:on|at|"
       r"upon)|exploded|landed|slammed into)\b|"
       r"\b(?:hit|targeted|pounded)\s+(?:[\w'-]+\s+){0,4}?(?:air ?bases?|military bases?|bases|"
       r"(?:training |militant |army )?camps?|targets|positions|airfields?|depots?|"
       r"hideouts?|barracks)\b", 0.75),
    # "Tuesday's operation by the IRGC against two bases", "launched a military operation"
    _t("strike", "military operation", "190", ("operation",),
       r"\boperations? (?:by (?:[\w()'\u2019-]+ ){1,8}?)?against (?:[\w'\u2019-]+ ){0,4}?"
       r"(?:bases?|targets?|positions?|camps?|hideouts?|strongholds?)\b|"
       r"\blaunch(?:ed|es|ing)? (?:an? |its |their )?(?:\w+ )?military operations?\b", 0.7),
    # "shooting at protesters", not "killed in a shooting at a mall" (a gunman's attack)
    _t("strike", "exchange of fire", "190", ("exchang", "shooting at", "firing at"),
       r"\bexchang\w* (?:of )?fire\b|(?<!\bin )(?<!\ba )(?<!\bthe )(?<!\bmass )\bshooting at\b|"
       r"\bfiring at\b", 0.7),
    # attacks by groups
    _t("attack", "bombing", "183", ("bomb", "explosion"),
       r"\b(?:suicide |car |roadside )?bombings?\b|\bbomb (?:blast|attack)s?\b|"
       # "explosions lit up the sky": interceptions seen from below, not a bombing
       r"\bexplosions?\b(?! (?:\w+ )?(?:lit|light|lighting|illuminat\w*) )|"
       r"\b(?:car|truck|roadside|suicide) bombs?\b|\bbombs? (?:exploded|went off|detonated)\b",
       0.8),
    # not a military strike even when a state's forces do it (see events._report)
    _t("attack", "embassy raid", "171", ("storm", "forced their way", "forced its way", "raid"),
       r"\b(?:storm(?:s|ed|ing)?|raid(?:s|ed|ing)?) (?:\w+ ){0,2}(?:embassy|consulate|"
       r"embassy compound)\b|\bforced (?:their|its) way into (?:\w+ ){0,2}(?:embassy|consulate)\b",
       0.85),
    _t("attack", "water cannon", "175", ("water cannon",), r"\bwater cannons?\b", 0.75),
    _t("attack", "shooting", "180", ("opened fire", "shot dead", "shooting", "gunm", "shooter"),
       r"\bopened fire\b|\bshot dead\b|\bmass shootings?\b|\bgunm[ae]n (?:\w+ ){0,2}(?:killed|"
       r"shot|wounded)\b|\bshooter (?:\w+ ){0,2}(?:killed|shot)\b|"
       r"\b(?:killed|wounded|injured|dead|died) in (?:an? |the )?shootings?\b", 0.8),
    # "rammed his car into pedestrians", "began stabbing people"
    _t("attack", "ramming attack", "180", ("ramm",),
       r"\brammed (?:his|her|their|an?|the) (?:\w+ )?(?:car|vehicle|truck|lorry|van|tractor|"
       r"bulldozer)s? into\b|\b(?:car-|vehicle-|truck-)?ramming attacks?\b", 0.85),
    _t("attack", "stabbing", "180", ("stabbing", "stabbed"),
       r"s(?<!\w.)tabbing (?:attacks?|spree)\b|b(?<!\w.)egan stabbing\b|"
       r"s(?<!\w.)tarted stabbing\b|"
       r"s(?<!\w.)tabbed (?:\w+ ){0,3}(?:to death|people|passers-by|worshippers|pedestrians)\b",
       0.8),
    # kidnappings, whoever carries them out (CAMEO 181)
    _t("attack", "abduction", "181", ("abduct", "kidnap", "hostage"),
       r"\babduct(?:s|ed|ing|ions?)\b|\bkidnap(?:s|p?ed|p?ings?)\b|"
       r"\b(?:took|taken|seized) (?:\w+ ){0,3}hostages?\b", 0.8),
    # "publicly attacked the defence minister": words, not violence
    _t("attack", "armed attack", "180", ("attack", "raid", "ambush", "targeting", "assault"),
       r"\battack(?<!publicly attack)(?<!verbally attack)(?<!openly attack)"
       r"(?<!sharply attack)(?:s|ed|ing)?\b"
       r"(?! (?!on |against |in |at |by )(?:\w+ ){0,2}(?:minister|president|premier|chancellor|"
       r"government|policy|policies|decision|critics|media|remarks|comments|record)\b"
       r"(?!'|\u2019))|"
       r"\bcounterattacks?\b|\braid(?:s|ed)?\b|\bambush(?:ed)?\b|\btargeting\b|"
       # "a ban on assault weapons": a kind of gun, not an assault
       r"\bassault(?:s|ed)?\b(?! (?:weapons?|rifles?|guns?|style|charges?)\b)", 0.6),
    # armed clashes and wars
    _t("armed_clash", "clashes", "190", ("clash", "battle", "firefight", "skirmish"),
       r"\bclash(?:es|ed)?\b|\bgun ?battles?\b|\bfirefights?\b|\bskirmish(?:es)?\b", 0.8),
    _t("armed_clash", "capture", "192",
       ("captur", "seiz", "control of", "overran", "overrun", "retook"),
       r"\b(?:re)?captur(?:ed|es|e|ing)\b|\bseiz(?:ed|es|e|ing)\b(?! (?:on|upon|up)\b)|"
       r"\b(?:took|taken|take|takes|taking|seized|gained|wrested|retook|retaken) (?:full |"
       r"effective |complete )?control of\b|\boverr(?:an|un)\b|\bretook\b", 0.75),
    _t("conflict", "war", "190", ("war", "fight", "conflict", "insurgency", "offensive"),
       r"w(?<!\w.)ar\b(?! (?:crimes?|criminals?|games?|chest|room|cabinet|footing))|"
       r"f(?<!\w.)ighting\b(?! for\b)|i(?<!\w.)n a fight with\b|c(?<!\w.)onflict\b|"
       r"i(?<!\w.)nsurgency\b|o(?<!\w.)ffensive\b", 0.6),
    # visits
    _t("visit", "visit", "042", ("visit", "trip to", "arriv", "landed in", "travel", "tour of",
                                "toured"),
       r"v(?<!\w.)isit(?:s|ed|ing)?\b|t(?<!\w.)rip to\b|a(?<!\w.)rriv(?:ed|es|ing) in\b|"
       r"l(?<!\w.)anded in\b|t(?<!\w.)ravel(?:l?ed|s|l?ing)? (?:(?!the |an? |\d)\w+ ){0,3}?to\b|"
       r"t(?<!\w.)our(?:ed)? of\b|t(?<!\w.)oured\b", 0.8),
    # "Biden welcomed Zelenskyy to the White House": the host receives a visitor
    _t("visit", "hosted visit", "043", ("host", "welcom"),
       r"\bhost(?:ed|s|ing)\b|\b(?:will|would|to|and) host\b|"
       r"\bwelcom(?:ed|es|ing) (?:[\w'\u2019.-]+ ){1,4}?to\b", 0.6),
    # diplomacy
    _t("diplomatic", "ambassador recall", "161", _AMB_WORDS,
       rf"\brecall(?:ed|s|ing)? (?:\w+ ){{0,3}}{_AMB}|\bwithdr[ae]w\w* (?:\w+ ){{0,3}}{_AMB}|"
       rf"\btook back (?:\w+ ){{0,3}}{_AMB}|"
       rf"\b{_AMB} (?:(?!and )\w+ ){{0,2}}(?:were |was )?recalled\b|"
       rf"\bbring (?:\w+ ){{0,2}}{_AMB} (?:back )?home\b", 0.9),
    # "summoned Ukraine's ambassador", "Iran's charge d'affaires had been summoned"
    _t("diplomatic", "summons", "111", ("summon",),
       rf"\bsummon(?:ed|s|ing)? (?:[\w'\u2019-]+ ){{0,4}}{_AMB}|"
       rf"\b{_AMB} (?:[\w'\u2019-]+ ){{0,3}}?(?:was|were|had been|has been|have been) "
       rf"summoned\b", 0.85),
    _t("diplomatic", "expulsion of diplomats", "163",
       (*_AMB_WORDS, "persona non grata", "hours to leave", "to leave"),
       rf"\b(?:expel(?:led|s|ling)?|expulsions? of) (?:[\w\"\u201c\u201d'\u2019-]+ ){{0,4}}{_AMB}|"
       rf"\b{_AMB} (?:were |was )?expelled\b|"
       # "ordered Latvia's ambassador and his entire staff to leave"
       rf"\b(?:ordered|told) (?:[\w'\u2019-]+ ){{0,4}}(?:{_AMB}|\w+ians|intelligence officers)"
       rf"(?: (?:and|with) (?:[\w-]+ ){{0,3}}[\w-]+)? to leave\b|"
       r"\bpersona non grata\b|\b(?:gave|given|giving) (?:\w+ ){0,3}(?:\d+|twenty-four|"
       r"forty-eight|seventy-two) hours to leave\b", 0.9),
    _t("diplomatic", "ambassadors return", "050", (*_AMB_WORDS, "resume"),
       rf"\breturn(?:ed|s|ing)? (?:of )?(?:\w+ ){{0,3}}{_AMB}|\b{_AMB}\b[^.]{{0,40}}\b(?:return|"
       rf"go(?:ing)? back|resume)\b|\bresume (?:their |his |her )?duties\b", 0.85),
    _t("diplomatic", "restoration of ties", "050", ("restor", "normali", "reopen"),
       r"\breopen(?:s|ed|ing)? (?:their |its |the )?(?:\w+ )?(?:embassies|embassy)\b|"
       r"\brestor(?:e|ed|es|ing|ation of) (?:\w+ ){0,2}(?:ties|relations)\b|\b(?:ties|relations)"
       r" (?:\w+ )?restored\b|\b(?:normali[sz]ed?|normali[sz]ation of) (?:\w+ )?(?:ties|"
       r"relations)\b", 0.85),
    _t("diplomatic", "downgrade of ties", "161",
       ("cut ", " cut", "sever ", "severed ", "severing ", "downgrad", "suspen", "broke",
        " break ", " breaks ", "breaking "),
       r"\b(?:cut(?:s|ting)?|sever(?:ed|s|ing)?|downgrad(?:e|ed|es|ing)|suspend(?:ed|s|ing)?|"
       r"suspension of|(?:broke|break(?:s|ing)?|broken)(?: off)?) (?:\w+ ){0,2}(?:ties|"
       r"relations)\b|\b(?:ties|relations) (?:were |was |have been |had been )?(?:broken|severed|"
       r"cut|suspended)\b", 0.85),
    _t("diplomatic", "closure of a diplomatic mission", "161",
       ("embass", "consulate", "mission"),
       r"(?:c(?<!\w.)losure of|c(?<!\w.)los(?:e|ed|ing)|s(?<!\w.)hut(?:ting)?(?: down)?) "
       r"(?:\w+ ){0,3}(?:embassy|consulate|consulates|embassies|mission)\b", 0.8),
    _t("diplomatic", "phone call", "041", ("phone", "call between"),
       r"\bphone call\b|\btelephone (?:call|conversation)\b|\b(?:talked|spoke|spoken) (?:\w+ )?"
       r"(?:on|by|over) (?:the )?(?:phone|telephone)\b|\bcall between\b|"
       r"\b(?:phoned|telephoned)\b", 0.85),
    _t("diplomatic", "talks", "036", ("talks", "summit", "meeting", "joint statement"),
       r"\btalks\b|\bsummit\b|\bmeeting\b|\bjoint statement\b", 0.5),
    # protests
    _t("protest", "protest", "141", ("protest", "rall", "demonstrat", "march"),
       r"\bprotest(?:s|ed|ers|ing)?\b|\brall(?:y|ies|ied)\b|\bdemonstrat(?:ion|ions|ors|ed)\b|"
       r"\bmarch(?:ed|es|ing)? (?:again |peacefully |together )?(?:on|through|to|from|around|"
       r"along|past)\b", 0.75),
    # a prayer vigil mourns or prays; it protests nothing
    _t("protest", "vigil", "141", ("vigil",),
       r"(?<!prayer )(?<!memorial )(?<!interfaith )\bvigils?\b", 0.7),
    # "burned a copy of the Quran outside the embassy", "effigies were burned"
    _t("protest", "burning", "141", ("burn",),
       r"\bburn(?:ed|t|s|ing)? (?:a copy of |copies of |pages of |pages from )?(?:the |an? |his |"
       r"their )?(?:\w+ )?(?:quran|koran|bible|torah|flags?|effig(?:y|ies))\b|"
       r"\b(?:quran|koran|flags?|effig(?:y|ies)) (?:was |were |had been |being )?"
       r"(?:burned|burnt)\b", 0.7),
    # protesters blocking a road or crossing (CAMEO 144); a naval or military blockade is not
    _t("protest", "blockade", "144", ("blockade",),
       r"\bblockade(?<!naval blockade)(?<!military blockade)(?<!economic blockade)s?\b"
       r"(?! of\b)", 0.7),
    _t("protest", "gathering", "141", ("gathered",),
       r"\bgathered\b(?=[^.;]{0,120}? to (?:demand|call for|protest|denounce|condemn|oppose|"
       r"press for|urge|voice)\b)", 0.7),
)

# Weapon words anywhere in the sentence make a generic strike more precise.
WEAPONS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"\bdrones?\b.*\bmissiles?\b|\bmissiles?\b.*\bdrones?\b", re.I),
     "missile and drone strike", "195"),
    (re.compile(r"\bdrones?\b", re.I), "drone strike", "195"),
    (re.compile(r"\bmissiles?\b", re.I), "missile strike", "195"),
    (re.compile(r"\bair ?strikes?\b|\bwarplanes?\b|\bjets?\b|\baircraft\b", re.I),
     "airstrike", "195"),
    (re.compile(r"\brockets?\b", re.I), "rocket attack", "195"),
    (re.compile(r"\bartillery\b|\bshell(?:s|ed|ing)\b|\bmortars?\b", re.I), "shelling", "194"),
)

# Nature's violence, told with the words of war ("the earthquake that struck Turkey").
_NATURE = (r"(?:(?:earth)?quakes?|storms?|typhoons?|hurricanes?|cyclones?|floods?|"
           r"tornado(?:es)?|tsunamis?|landslides?|wildfires?|aftershocks?)")

# Words before a trigger that make it no event (negated or hypothetical).
NOT_AN_EVENT = re.compile(
    r"\b(?:not|n't|never|no|without|threaten(?:ed|s|ing)? to|could|might|may|if|unless|"
    r"fears? (?:of|that)|concerns? (?:about|over|of|that)|risk of|threat of|prospect of|avoid|"
    r"prevent|averting|wider|broader|full-blown|potential|possible|any|end (?:to|of)|"
    # "concerned by allegations that protesters had been abducted", "ready for peace talks"
    r"concerned (?:by|about|over|at)|allegations? (?:that|of)|(?:ready|readiness|willing|"
    r"willingness) (?:for|to)|"
    r"from \w+ing(?: over)? into|(?:to|help|helps|helped) end)\b"
    r"[\w\s,'-]{0,30}$"
    # "fleeing an expected offensive" (but "is expected to visit" is a plan, see PLANNED)
    r"|\b(?:expected|anticipated|looming|impending|imminent)\s+(?:\w+\s+){0,2}$"
    # "the earthquake that struck Turkey": nature, not an army
    rf"|\b{_NATURE}\s+(?:that\s+|which\s+)?(?:has\s+|had\s+)?$",
    re.IGNORECASE,
)

# Words of a sentence that make its explosions nature's or an accident's, not a bomb's:
# "loud explosions as the dams gave way", "a gas cylinder explosion".
ACCIDENT = re.compile(
    rf"\b(?:{_NATURE}|dams?|levees?|flooding|floodwaters?|volcan\w*|eruption|"
    r"gas (?:leak|pipeline|main|cylinder|tank)s?|(?:chemical|industrial|fireworks) "
    r"(?:plant|factory|warehouse)|mine shaft)\b", re.IGNORECASE)

# Words right before a trigger that make it a habit, not one event ("several previous attacks").
HABITUAL = re.compile(
    r"\b(?:several|previous|repeated|numerous|frequent|a series of)\s+(?:\w+\s+)?$", re.I)

# A record told in the present perfect before a plural trigger: "a group that has carried out
# attacks on police", "has launched strikes against": what the party does, not one event.
RECORD = re.compile(
    r"\b(?:has|have)\s+(?:long\s+|repeatedly\s+|often\s+|also\s+)?(?:carried out|launched|"
    r"staged|mounted|conducted|waged)\s+$", re.I)

# Words in a trigger's clause that make it announced or scheduled rather than done.
PLANNED = re.compile(
    r"\b(?:will|would|shall|is|are|was|were) (?:\w+ )?(?:scheduled|expected|set|due|slated|"
    r"planning|going) to\b|\bwill\b|\bwould\b(?! not)|\bplans? to\b|\bintends? to\b|"
    r"\bagreed to\b|\bis to\b|\bare to\b|\b(?:was|were) to have been\b|\bplanned to\b|"
    r"\bconsider(?:s|ing)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$|"
    r"\bto (?=visit\b)|\binvit(?:ed|ation) to\b|"
    r"\b(?:confirmed|announced|planned|proposed|arranged|scheduled)\s+(?:the|a|an|his|her|"
    r"their|its)\s+$",
    re.IGNORECASE,
)
