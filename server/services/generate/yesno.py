"""How yes/no checks are worded: faults ("Any leaks?"), states ("Doors locked"), what a bare thing is
checked for ("Fire extinguisher" -> "present"), and the theme a check belongs to.

Pure data, first match wins, kept apart so that a new word is a one-line change.
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string, to keep long word lists readable."""
    return frozenset(text.split())


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Words that make an item a fault to look for ("Any leaks?"): the bad answer is yes.
PROBLEMS = _re(
    r"\b(?:damage[sd]?|dents?|dented|scratch(?:es|ed)?|cracks?|cracked|chipped|leaks?(?! detect)|leaking|"
    r"spills?(?! kits?)|stains?|sharp edges|"
    r"stained|rust|rusty|corrosion|corroded|mou?ld|mildew|pests?(?! control)|rodents?|droppings|vermin|"
    r"infestation|hazards?(?! (?:signs?|tape|labels?|warnings?))|obstructions?|obstructed|blocked|blockages?|injur(?:y|ies|ed)|lameness|lame|wounds?|sores|"
    r"illness|sick|defects?|defective|faults?|faulty|errors?|warning lights?|broken|missing|expired|out of date|"
    r"overdue|loose|worn (?:out|down)|frayed|exposed|torn|ripped|dirty|odou?rs?|spoiled|contaminat\w+|graffiti|"
    r"vandalism|litter|debris|overflowing|unsecured|unsafe|damp|issues?|problems?|complaints?|incidents?|"
    r"accidents?(?! books?)|near miss(?:es)?|discrepanc(?:y|ies)|symptoms?|distress|abnormal\w*|bugs?|smoking|failed|deaths?|mortalit(?:y|ies)|"
    r"failures?)\b"
)

# A check about people: a photo of what is wrong would be of a child, a patient, a member of staff or a crew,
# or of nothing at all, so its follow-up asks none (audit E, finding 14: a run could not be completed without
# photographing the children when the ratios were not met). The library's steps are held to it too
# (tests/server/test_library.py); here in the languages a prompt is told in.
ABOUT_PEOPLE = _re(
    r"\b(?:staff|staffed|child|children|crew|patients?|people|person|occupants|anyone|everyone|operators|"
    r"customers|"
    r"personal(?!\s+(?:protective|protection|belongings|items|effects|hygiene|data))|mitarbeiter\w*|"
    r"beschäftigte\w*|kinder\w*|patient(?:en|in|innen)?|personen|jemand|kunden|besatzung|"
    r"betreuungsschlüssel|"
    r"niñ[oa]s?|pacientes?|personas?|alguien|clientes?|tripulación|emplead[oa]s?|trabajador(?:es|as?)?|"
    r"enfants?|personnes?|quelqu'un|équipage|employé(?:e|s|es)?|salarié(?:e|s|es)?|"
    r"طفل|أطفال|الأطفال|مريض|المريض|مرضى|المرضى|أشخاص|الأشخاص|أحد|عملاء|العملاء|طاقم|الطاقم|موظف|موظفين|"
    r"الموظفين|الموظفون)\b"
)


def about_people(label: str) -> bool:
    """Whether a check asks about people (staff, children, patients, a crew, anyone injured)."""
    return bool(ABOUT_PEOPLE.search(label))


# Words that say the opposite ("Exits not blocked?", "Doors not locked?"): they flip which answer is bad.
REVERSERS = _re(r"\b(?:not|no|none|never|nothing)\b|n't\b")

# Words that say a fault is absent or dealt with ("Free of pests?", "Spills cleaned up?"): no fault left.
FIXERS = _re(
    r"\b(?:free (?:of|from)|clear of|without|removed|cleared|fixed|repaired|resolved|disposed|discarded|thrown away|reported|cleaned up|addressed|"
    r"replaced|rectified|logged|marked|signposted|fenced off|controlled|managed|mitigated|isolated|contained|"
    r"treated|taped off|checked|inspected|assessed|monitored|recorded|looked|covered|labelled|labeled)\b|-free\b"
)

# A word like these after the subject makes an item a yes/no statement ("Doors locked", "Kitchen clean").
STATES = word_set(
    "clean tidy clear present working functional operational available stocked full empty secure intact "
    "ready dry safe visible accessible valid current correct ok okay set free charged legible complete "
    "done fitted attached tight adequate sufficient good fine shut away worn open undamaged fit hygienic "
    "compliant unlocked tidied functioning running made operating flushing draining closing properly "
    "correctly securely safely fully met passed failed taken given written thrown brought hung swept laid "
    "paid"
)

# Multi-word states ("in place", "up to date") and the last-word-only ones ("Lights on").
STATE_PHRASES = _re(
    r"\b(?:in (?:place|date|stock|order|position|use|good (?:condition|order|repair|shape)|working order)|"
    r"up to date|within (?:range|limits|date|spec\w*|tolerance)|out of (?:date|order|stock|service)|"
    r"(?:switched|turned) (?:on|off)|put away|set up|topped up|cleaned up|thrown away)\b|\b(?:on|off)$"
)

_STATE_WORDS = "|".join(sorted(STATES, key=len, reverse=True))
# A good state said ("Feet present") and one negated ("Lights not working?"): a question whose only state is
# negated asks about a fault; "Feet present, not worn and clean?" still states the good case.
STATE_SAID = _re(rf"\b(?:{_STATE_WORDS})\b")
NEGATED_STATE = _re(rf"(?:\bnot|n't)\s+(?:\w+\s+)?(?:{_STATE_WORDS})\b")

# Adjectives that qualify what follows an "and" rather than name a thing of their own ("hot and cold water").
SHARED_ADJECTIVES = word_set(
    "hot cold fresh clean dry wet front rear back left right inner outer upper lower internal external "
    "indoor outdoor male female men's women's top bottom near far north south east west main spare"
)

NOT_PARTICIPLES = word_set(
    "bed shed seed feed speed breed need red led reed weed sled hundred bled fed shred"
)

# What a bare thing is checked for ("Fire extinguisher" -> "Fire extinguisher present?"), and its theme.
PREDICATES: list[tuple[re.Pattern[str], str, str]] = [
    (
        _re(r"\bfirst aid\b|\baed\b|defibrillator|eye ?wash|spill kit|emergency kit|medical kit"),
        "stocked",
        "Safety",
    ),
    (_re(r"\bfire doors?\b"), "closed", "Safety"),
    (
        _re(r"extinguishers?|fire blankets?|warning triangles?|spare (?:tyre|tire|wheel)|\bjack\b|\bkeys?\b"),
        "present",
        "Safety",
    ),
    (
        _re(
            r"\bppe\b|hard hats?|helmets?|gloves|goggles|safety (?:glasses|boots|shoes)|harness(?:es)?|"
            r"hi-?vis|high[- ]vis\w*|ear (?:defenders|protection)|\bmasks?\b|aprons?|hair ?nets?"
        ),
        "worn",
        "Safety",
    ),
    (_re(r"\bsign(?:s|age)\b|\bnotices?\b|\blabels?\b|\bposters?\b"), "in place", "Safety"),
    (
        _re(
            r"documents?|paperwork|registration|insurance|licen[cs]es?|permits?|certificates?|log ?books?|manuals?"
        ),
        "present",
        "Documents",
    ),
    (
        _re(
            r"alarms?|detectors?|\blights?\b|lighting|lamps?|bulbs?|indicators?|brakes?|\bhorn\b|wipers?|heating|"
            r"heaters?|air ?con\w*|\bac\b|hvac|\bfans?\b|pumps?|\bups\b|wi-?fi|internet|\btv\b|television|remotes?|"
            r"appliances?|\blifts?\b|elevators?|boilers?|ovens?|dishwashers?|extractors?|cctv|cameras?|\blocks?\b|"
            r"seat ?belts?|card readers?|\btills?\b|\bpos\b|printers?|phones?|radios?|generators?|filters?|skimmers?|thermostats?|"
            r"equipment|machines?|treadmills?|bikes?|ventilation|sprinklers?|intercom|hand dryers?|toilets? flush"
        ),
        "working",
        "Equipment",
    ),
    (
        _re(
            r"exits?|escape routes?|walkways?|aisles?|corridors?|stair(?:s|ways?|wells?)|access routes?|"
            r"evacuation routes?|pathways?|drains?|gangways?|fire points?"
        ),
        "clear",
        "Safety",
    ),
    (
        _re(r"doors?|windows?|gates?|shutters?|cabinets?|\bsafe\b|fenc(?:es?|ing)|perimeter|hoarding"),
        "secure",
        "Security",
    ),
    (_re(r"\bbins?\b|trash|rubbish|garbage|waste"), "emptied", "Cleaning"),
    (_re(r"\bbeds?\b"), "made", "Cleaning"),
    (_re(r"\blinens?\b|\bsheets\b|\bpillowcases?\b|\bduvet covers?\b"), "changed", "Cleaning"),
    (_re(r"\btowels?\b"), "replaced", "Cleaning"),
    (_re(r"\bdishes\b|cutlery|\bglasses\b|crockery|\bpots\b|\bpans\b|utensils"), "washed", "Cleaning"),
    (
        _re(
            r"soap|sanitis\w*|sanitiz\w*|paper towels?|toilet (?:paper|rolls?)|tissues|supplies|consumables|minibar|"
            r"mini-bar|amenities|toiletries|handwash(?:ing)? (?:stations?|basins?|sinks?)|coffee|\btea\b|condiments|"
            r"napkins|shelves|welcome pack"
        ),
        "stocked",
        "Supplies",
    ),
    (
        _re(
            r"floors?|surfaces?|counters?|countertops?|worktops?|toilets?|sinks?|showers?|\bbaths?\b|bathtubs?|mirrors?|"
            r"fridges?|microwaves?|tables?|chairs?|\bmats?\b|carpets?|rugs?|kitchen|bathroom|bedroom|\brooms?\b|"
            r"\bareas?\b|benches?|upholstery|seats?|windscreen|windshield|dashboard|\bcab\b|bedding|stalls?|pens?\b|"
            r"hobs?|grills?|fryers?|\bbar\b"
        ),
        "clean",
        "Cleaning",
    ),
    (_re(r"\bdates\b"), "checked", "Food safety"),
    (_re(r"\bwater\b|\bfeed\b|\bfood\b|troughs?|\bhay\b"), "available", "Welfare"),
    (_re(r"\bshelter\b|\bspace\b|\bshade\b"), "adequate", "Welfare"),
    (
        _re(
            r"tyres?|tires?|wheels?|forks?|chains?|\bmast\b|bodywork|paint|\bglass\b|seat ?belts?|\bbelts?\b|hoses?|cables?|wiring|cords?|"
            r"ladders?|scaffold\w*|racking|\bracks?\b|shelving|pallets?|forklifts?|\btools?\b|guard ?rails?|guards|"
            r"railings?|handrails?|barriers?|\broof\b|gutters?|walls?|ceilings?|furniture|mattress(?:es)?|weights|"
            r"\bropes?\b|\bnets?\b|\blid\b|covers?"
        ),
        "in good condition",
        "Condition",
    ),
]

# The theme of a yes/no statement, by what it talks about (checked in order).
STATE_THEMES: list[tuple[re.Pattern[str], str]] = [
    (
        _re(
            r"\bfire\b|extinguisher|\bexits?\b|alarm|first aid|\bppe\b|hazard|emergency|evacuat|harness|hard hats?|"
            r"scaffold|hi-?vis|guard ?rails?|\bsafety\b|eye ?wash|spill kit|fume|chemical|cylinder|\bgas\b|"
            r"life ?jackets?|sharp|escape"
        ),
        "Safety",
    ),
    (
        _re(
            r"\bpests?\b|rodent|droppings|vermin|infestation|hand ?wash|hygiene|\bfood\b|use-by|best before|"
            r"allergen|raw|cooked"
        ),
        "Food safety",
    ),
    (_re(r"illness|injur|\blame|deaths?|distress|sores|wounds?|symptoms?|welfare"), "Health"),
    (_re(r"damage|dents?|scratch|crack|chip|rust|corros|wear|condition"), "Condition"),
    (
        _re(
            r"\bclean\w*|wash\w*|wip\w+|mop\w*|swept|sweep|vacuum\w*|hoover\w*|dust\w*|sanitis\w*|sanitiz\w*|"
            r"disinfect\w*|emptied|\bmade\b|changed|replaced|polish\w*|tid\w+|spotless|stains?"
        ),
        "Cleaning",
    ),
    (_re(r"stock\w*|refill\w*|topped up|supplies|available"), "Supplies"),
    (_re(r"working|tested|functional|operational|charged|calibrat\w+|running|serviced|leak"), "Equipment"),
    (_re(r"lock\w*|secure\w*|closed|\bshut\b|\bset\b"), "Security"),
]
