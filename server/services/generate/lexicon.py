"""What words mean to the offline generator: readings, levels, ratings, predicates, places, domains.

Pure data (ordered tables, first match wins) kept apart from the parsing and the classification, so that
teaching the generator a new word is a one-line change here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _temp(context: str) -> str:
    """A temperature reading of something named by `context` (either word order)."""
    return rf"^(?=.*\b(?:{context})).*\btemp(?:erature)?s?\b"


@dataclass(frozen=True)
class NumberKind:
    """A reading or count: the number config it gets and where it goes when nothing else groups it."""

    pattern: re.Pattern[str]
    unit: str | None
    min: float | None
    max: float | None
    decimal: int
    theme: str = "Readings"
    quantity: str | None = None  # "temperature", "pressure", "distance", "weight": the prompt may switch units
    suffix: str | None = None  # appended to the label when missing ("Odometer" -> "Odometer reading")


def _n(pattern: str, unit: str | None, lo: float | None, hi: float | None, dec: int, **kw: str) -> NumberKind:
    return NumberKind(_re(pattern), unit, lo, hi, dec, **kw)


VITALS = "Vital signs"
WATER = "Water chemistry"
TEMPS = "Temperatures"

# Order matters: the specific before the general (freezer before fridge before any temperature).
NUMBERS: list[NumberKind] = [
    _n(r"\b(?:cash|float|takings|petty cash|tips|revenue|sales total)\b", None, 0, None, 2, theme="Cash"),
    _n(r"^(?:total )?(?:number|no\.|count|quantity|qty) of\b|^how many\b|\b(?:count|headcount|tally)$",
       None, 0, None, 0, theme="Counts"),
    _n(r"\b(?:response|wait|waiting|cooking|cycle|down|idle|travel|driving|rest|break) ?times?\b|\bduration\b",
       "min", 0, None, 0),
    _n(r"\bodo(?:meter)?\b", "km", 0, None, 0, quantity="distance", suffix="reading"),
    _n(r"\b(?:mileage|kilomet(?:er|re)s? driven|distance driven)\b", "km", 0, None, 0, quantity="distance"),
    _n(r"\b(?:engine|machine|run(?:ning)?) hours\b|\bhour ?meter\b|\bhours worked\b", "h", 0, None, 1),
    _n(_temp(r"freezer|frozen|blast chiller"), "°C", -40, 0, 1, theme=TEMPS, quantity="temperature"),
    _n(_temp(r"fridge|refrigerat\w*|chiller|cold|walk-in|display case|delivery"), "°C", -5, 15, 1,
       theme=TEMPS, quantity="temperature"),
    _n(_temp(r"hot|cook\w*|core|probe|oven|reheat\w*|food"), "°C", 0, 120, 1, theme=TEMPS,
       quantity="temperature"),
    _n(_temp(r"body|patient|resident|animal"), "°C", 34, 43, 1, theme=VITALS, quantity="temperature"),
    _n(_temp(r"pool|spa|hot tub|water"), "°C", 0, 45, 1, theme=WATER, quantity="temperature"),
    _n(_temp(r"engine|coolant|oil"), "°C", 0, 150, 0, quantity="temperature"),
    _n(_temp(r"room|ambient|air|server|office|rack|indoor|outdoor"), "°C", -10, 50, 1, theme=TEMPS,
       quantity="temperature"),
    _n(r"\btemp(?:erature)?s?\b", "°C", -50, 150, 1, theme=TEMPS, quantity="temperature"),
    _n(r"\bblood pressure\b|\bbp\b", "mmHg", 40, 250, 0, theme=VITALS),
    _n(r"\b(?:tyre|tire)s? pressures?\b|\bpressure of (?:the )?(?:tyres|tires)\b", "psi", 0, 100, 0,
       theme="Tyres", quantity="pressure"),
    _n(r"\bhydraulic pressure\b", "bar", 0, 400, 0, quantity="pressure"),
    _n(r"\bpressures?\b", "bar", 0, None, 1, quantity="pressure"),
    _n(r"\bhumidity\b|\brh\b", "%", 0, 100, 0),
    _n(r"\b(?:oxygen saturation|spo2|o2 sat\w*|sats)\b", "%", 50, 100, 0, theme=VITALS),
    _n(r"\b(?:heart rate|pulse)\b", "bpm", 20, 250, 0, theme=VITALS),
    _n(r"\b(?:respiratory|respiration|breathing) rate\b", "breaths/min", 0, 60, 0, theme=VITALS),
    _n(r"\bblood (?:glucose|sugar)\b", "mmol/L", 0, 40, 1, theme=VITALS),
    _n(r"\b(?:body|patient|resident|animal|birth|live) ?weight\b", "kg", 0, None, 1, quantity="weight"),
    _n(r"\b(?:load|payload|gross|cargo) weight\b|\bpayload\b", "kg", 0, None, 0, quantity="weight"),
    _n(r"\bweights?\b|\bmass\b", "kg", 0, None, 1, quantity="weight"),
    _n(r"\b(?:electricity|electric|power|energy) meter\b", "kWh", 0, None, 0, theme="Meters", suffix="reading"),
    _n(r"\bgas meter\b", "m³", 0, None, 1, theme="Meters", suffix="reading"),
    _n(r"\bwater meter\b", "m³", 0, None, 1, theme="Meters", suffix="reading"),
    _n(r"\bmeter\b", None, 0, None, 1, theme="Meters", suffix="reading"),
    _n(r"\bph\b", "pH", 0, 14, 1, theme=WATER),
    _n(r"\b(?:free |total |combined )?(?:chlorine|bromine)\b", "ppm", 0, 10, 1, theme=WATER),
    _n(r"\balkalinity\b", "ppm", 0, 500, 0, theme=WATER),
    _n(r"\bcalcium hardness\b|\bhardness\b", "ppm", 0, 1000, 0, theme=WATER),
    _n(r"\b(?:cyanuric acid|stabili[sz]er|cya)\b", "ppm", 0, 300, 0, theme=WATER),
    _n(r"\b(?:co2|carbon dioxide)\b", "ppm", 0, 10000, 0),
    _n(r"\b(?:carbon monoxide|co level)\b", "ppm", 0, 1000, 0),
    _n(r"\b(?:noise|sound) levels?\b|\bdecibels?\b", "dB", 0, 140, 0),
    _n(r"\bbattery (?:level|charge|percentage)\b|\bstate of charge\b", "%", 0, 100, 0),
    _n(r"\bvoltage\b|\bvolts\b", "V", 0, None, 1),
    _n(r"\b(?:current draw|amps|amperage)\b", "A", 0, None, 1),
    _n(r"\b(?:cpu|disk|memory|ram|ups|storage|bandwidth)\b.*\b(?:usage|utili[sz]ation|load|space|capacity)\b",
       "%", 0, 100, 0),
    _n(r"\btread(?: depth)?\b", "mm", 0, 20, 1, theme="Tyres"),
    _n(r"\bfuel (?:added|purchased|volume|litres|liters|used)\b|\blit(?:re|er)s\b", "L", 0, None, 1),
    _n(r"\bspeed\b", "km/h", 0, None, 0),
    _n(r"\brainfall\b", "mm", 0, None, 1),
    _n(r"\b(?:length|width|height|depth|distance)\b", "m", 0, None, 2),
    _n(r"\breadings?\b", None, None, None, 1),
]

# Units a prompt may ask for instead of the defaults above, keyed by quantity.
UNIT_HINTS: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "temperature": [(_re(r"°\s?f\b|\bfahrenheit\b|\bdeg(?:rees)? f\b"), "°F")],
    "pressure": [(_re(r"\bpsi\b"), "psi"), (_re(r"\bkpa\b"), "kPa"), (_re(r"\d\s*bar\b|\bin bar\b|\(bar\)"), "bar")],
    "distance": [(_re(r"\bmiles\b|\bmi\b"), "mi")],
    "weight": [(_re(r"\blbs?\b|\bpounds\b"), "lb")],
}


@dataclass(frozen=True)
class ChoiceKind:
    """A level or category read off a closed list."""

    pattern: re.Pattern[str]
    options: tuple[str, ...]
    theme: str = "Readings"
    suffix: str | None = None


def _c(pattern: str, options: tuple[str, ...], **kw: str) -> ChoiceKind:
    return ChoiceKind(_re(pattern), options, **kw)


FULL_TO_EMPTY = ("Full", "Low", "Empty")

CHOICES: list[ChoiceKind] = [
    _c(r"^(?:(?:current|remaining|starting|return) )?fuel(?: (?:levels?|gauge|tank))?$|\bfuel (?:levels?|gauge)\b",
       ("Full", "3/4", "1/2", "1/4", "Empty"), suffix="level"),
    _c(r"\b(?:toner|ink)\b", ("Full", "Half", "Low", "Empty"), theme="Supplies", suffix="level"),
    _c(r"\b(?:stock|inventory|supply|supplies|consumables?|soap|sanitis\w*|sanitiz\w*|paper|towels?|feed|hay|salt)"
       r"\b.*\blevels?\b", FULL_TO_EMPTY, theme="Supplies"),
    _c(r"^(?:engine )?(?:oil|coolant|brake fluid|washer fluid|screen ?wash|hydraulic (?:fluid|oil)|adblue|def|"
       r"transmission fluid|power steering fluid)(?: levels?)?$", ("Full", "OK", "Low"), suffix="level"),
    _c(r"\bwater levels?\b", ("Too high", "Normal", "Too low"), theme=WATER),
    _c(r"\bwater clarity\b|\bclarity\b", ("Clear", "Slightly cloudy", "Cloudy"), theme=WATER),
    _c(r"\b(?:risk|priority|threat)(?: levels?| rating)?$", ("Low", "Medium", "High")),
    _c(r"\bseverity\b", ("Minor", "Moderate", "Major", "Critical")),
    _c(r"\bweather\b", ("Clear", "Cloudy", "Rain", "Wind", "Snow or ice"), theme="Conditions"),
    _c(r"\bshift$", ("Morning", "Afternoon", "Night"), theme="Details"),
    _c(r"\boccupancy\b|\broom status\b", ("Occupied", "Vacant", "Out of order")),
    _c(r"\bmobility\b", ("Independent", "Walks with aid", "Needs assistance", "Bed-bound"), theme=VITALS),
    _c(r"\b(?:consciousness|alertness|avpu)\b", ("Alert", "Responds to voice", "Responds to pain", "Unresponsive"),
       theme=VITALS),
    _c(r"\bmood\b", ("Calm", "Anxious", "Agitated", "Distressed")),
    _c(r"\bappetite\b", ("Normal", "Reduced", "Not eating")),
    _c(r"\b(?:rag|traffic light) status\b", ("Green", "Amber", "Red")),
    _c(r"\bpayment method\b", ("Cash", "Card", "Other"), theme="Details"),
    _c(r"\b(?:overall |inspection |audit |test )?(?:result|outcome|verdict)$", ("Pass", "Pass with remarks", "Fail"),
       theme="Result"),
    _c(r"\bstatus$", ("OK", "Needs attention", "Out of service")),
    _c(r"\blevels?$", ("High", "Normal", "Low")),
]


@dataclass(frozen=True)
class RatingKind:
    """A judgement on a scale, with the words for its two ends."""

    pattern: re.Pattern[str]
    low: str
    high: str
    min: int = 1
    max: int = 5
    theme: str = "Condition"


RATINGS: list[RatingKind] = [
    RatingKind(_re(r"\bpain\b"), "No pain", "Worst pain", 0, 10, VITALS),
    RatingKind(_re(r"\bbody condition\b"), "Very thin", "Obese"),
    RatingKind(_re(r"\b(?:cleanliness|tidiness|housekeeping)\b"), "Very dirty", "Spotless", theme="Cleanliness"),
    RatingKind(_re(r"\bsatisfaction\b"), "Very dissatisfied", "Very satisfied", theme="Feedback"),
    RatingKind(_re(r"\bcomfort\b"), "Very uncomfortable", "Very comfortable"),
    RatingKind(_re(r"\b(?:smell|freshness)\b"), "Unpleasant", "Fresh"),
    RatingKind(_re(r"\b(?:condition|quality|state|appearance|presentation|wear and tear|workmanship|finish|hygiene|"
                   r"rating|score|impression|grade|morale|standard)\b"), "Poor", "Excellent"),
]

# Words that make an item a fault to look for ("Any leaks?"): the bad answer is yes.
PROBLEMS = _re(
    r"\b(?:damage[sd]?|dents?|dented|scratch(?:es|ed)?|cracks?|cracked|chipped|leaks?|leaking|spills?|stains?|"
    r"stained|rust|rusty|corrosion|corroded|mou?ld|mildew|pests?|rodents?|droppings|vermin|infestation|"
    r"hazards?|obstructions?|obstructed|blocked|blockages?|injur(?:y|ies|ed)|lameness|lame|wounds?|sores|"
    r"illness|sick|defects?|defective|faults?|faulty|errors?|warning lights?|broken|missing|expired|out of date|"
    r"overdue|loose|worn (?:out|down)|frayed|exposed|torn|ripped|dirty|odou?rs?|spoiled|contaminat\w+|graffiti|"
    r"vandalism|litter|debris|overflowing|unsecured|unsafe|damp|issues?|problems?|complaints?|incidents?|"
    r"accidents?|near miss(?:es)?|discrepanc(?:y|ies)|symptoms?|distress|abnormal\w*|bugs?|smoking)\b")

# Words that turn a fault around ("Free of pests?", "Spills cleaned up?"): the bad answer is no.
NEGATORS = _re(
    r"\b(?:not|no|none|never|without|free (?:of|from)|clear of|removed|cleared|fixed|repaired|resolved|disposed|"
    r"discarded|thrown away|reported|cleaned up|addressed|replaced|rectified|logged|nothing|marked|signposted|"
    r"fenced off|controlled|managed|mitigated|isolated|contained|treated|taped off|checked|inspected|assessed|"
    r"monitored|recorded|looked)\b|n't\b|-free\b")

# A word like these after the subject makes an item a yes/no statement ("Doors locked", "Kitchen clean").
STATES = {
    "clean", "tidy", "clear", "present", "working", "functional", "operational", "available", "stocked", "full",
    "empty", "secure", "intact", "ready", "dry", "safe", "visible", "accessible", "valid", "current", "correct",
    "ok", "okay", "set", "free", "charged", "legible", "complete", "done", "fitted", "attached", "tight",
    "adequate", "sufficient", "good", "fine", "shut", "away", "worn", "open", "undamaged", "fit", "hygienic",
    "compliant", "unlocked", "tidied", "working", "functioning", "running",
}

# Multi-word states ("in place", "up to date") and the last-word-only ones ("Lights on").
STATE_PHRASES = _re(
    r"\b(?:in (?:place|date|stock|order|position|use|good (?:condition|order|repair|shape)|working order)|"
    r"up to date|within (?:range|limits|date|spec\w*|tolerance)|out of (?:date|order|stock|service)|"
    r"(?:switched|turned) (?:on|off)|put away|set up|topped up|cleaned up|thrown away)\b|\b(?:on|off)$")

# Adjectives that qualify what follows an "and" rather than name a thing of their own ("hot and cold water").
SHARED_ADJECTIVES = {
    "hot", "cold", "fresh", "clean", "dry", "wet", "front", "rear", "back", "left", "right", "inner", "outer",
    "upper", "lower", "internal", "external", "indoor", "outdoor", "male", "female", "men's", "women's", "top",
    "bottom", "near", "far", "north", "south", "east", "west", "main", "spare",
}

NOT_PARTICIPLES = {"bed", "shed", "seed", "feed", "speed", "breed", "need", "red", "led", "reed", "weed", "sled",
                   "hundred", "bled", "fed", "shred"}

# What a bare thing is checked for ("Fire extinguisher" -> "Fire extinguisher present?"), and its theme.
PREDICATES: list[tuple[re.Pattern[str], str, str]] = [
    (_re(r"\bfirst aid\b|\baed\b|defibrillator|eye ?wash|spill kit|emergency kit|medical kit"), "stocked", "Safety"),
    (_re(r"\bfire doors?\b"), "closed", "Safety"),
    (_re(r"extinguishers?|fire blankets?|warning triangles?|spare (?:tyre|tire|wheel)|\bjack\b|\bkeys?\b"),
     "present", "Safety"),
    (_re(r"\bppe\b|hard hats?|helmets?|gloves|goggles|safety (?:glasses|boots|shoes)|harness(?:es)?|"
         r"hi-?vis|high[- ]vis\w*|ear (?:defenders|protection)|\bmasks?\b|aprons?|hair ?nets?"), "worn", "Safety"),
    (_re(r"\bsign(?:s|age)\b|\bnotices?\b|\blabels?\b|\bposters?\b"), "in place", "Safety"),
    (_re(r"documents?|paperwork|registration|insurance|licen[cs]es?|permits?|certificates?|log ?books?|manuals?"),
     "present", "Documents"),
    (_re(r"alarms?|detectors?|\blights?\b|lighting|lamps?|bulbs?|indicators?|brakes?|\bhorn\b|wipers?|heating|"
         r"heaters?|air ?con\w*|\bac\b|hvac|\bfans?\b|pumps?|\bups\b|wi-?fi|internet|\btv\b|television|remotes?|"
         r"appliances?|\blifts?\b|elevators?|boilers?|ovens?|dishwashers?|extractors?|cctv|cameras?|\blocks?\b|"
         r"card readers?|\btills?\b|\bpos\b|printers?|phones?|radios?|generators?|filters?|skimmers?|thermostats?|"
         r"equipment|machines?|treadmills?|bikes?|ventilation|sprinklers?|intercom|hand dryers?|toilets? flush"),
     "working", "Equipment"),
    (_re(r"exits?|escape routes?|walkways?|aisles?|corridors?|stair(?:s|ways?|wells?)|access routes?|"
         r"evacuation routes?|pathways?|drains?|gangways?|fire points?"), "clear", "Safety"),
    (_re(r"doors?|windows?|gates?|shutters?|cabinets?|\bsafe\b|fenc(?:es?|ing)|perimeter|hoarding"), "secure",
     "Security"),
    (_re(r"\bbins?\b|trash|rubbish|garbage|waste"), "emptied", "Cleaning"),
    (_re(r"\bbeds?\b"), "made", "Cleaning"),
    (_re(r"\blinens?\b|\bsheets\b|\bpillowcases?\b|\bduvet covers?\b"), "changed", "Cleaning"),
    (_re(r"\btowels?\b"), "replaced", "Cleaning"),
    (_re(r"\bdishes\b|cutlery|\bglasses\b|crockery|\bpots\b|\bpans\b|utensils"), "washed", "Cleaning"),
    (_re(r"soap|sanitis\w*|sanitiz\w*|paper towels?|toilet (?:paper|rolls?)|tissues|supplies|consumables|minibar|"
         r"mini-bar|amenities|toiletries|handwash(?:ing)? (?:stations?|basins?|sinks?)|coffee|\btea\b|condiments|"
         r"napkins|shelves|welcome pack"), "stocked", "Supplies"),
    (_re(r"floors?|surfaces?|counters?|countertops?|worktops?|toilets?|sinks?|showers?|\bbaths?\b|bathtubs?|mirrors?|"
         r"fridges?|microwaves?|tables?|chairs?|\bmats?\b|carpets?|rugs?|kitchen|bathroom|bedroom|\brooms?\b|"
         r"\bareas?\b|benches?|upholstery|seats?|windscreen|windshield|dashboard|\bcab\b|bedding|stalls?|pens?\b|"
         r"boards?|hobs?|grills?|fryers?|\bbar\b"), "clean", "Cleaning"),
    (_re(r"\bdates\b"), "checked", "Food safety"),
    (_re(r"\bwater\b|\bfeed\b|\bfood\b|troughs?|\bhay\b"), "available", "Welfare"),
    (_re(r"\bshelter\b|\bspace\b|\bshade\b"), "adequate", "Welfare"),
    (_re(r"tyres?|tires?|wheels?|bodywork|paint|\bglass\b|seat ?belts?|\bbelts?\b|hoses?|cables?|wiring|cords?|"
         r"ladders?|scaffold\w*|racking|\bracks?\b|shelving|pallets?|forklifts?|\btools?\b|guard ?rails?|guards|"
         r"railings?|handrails?|barriers?|\broof\b|gutters?|walls?|ceilings?|furniture|mattress(?:es)?|weights|"
         r"\bropes?\b|\bnets?\b|\blid\b|covers?"), "in good condition", "Condition"),
]

# The theme of a yes/no statement, by what it talks about (checked in order).
STATE_THEMES: list[tuple[re.Pattern[str], str]] = [
    (_re(r"\bfire\b|extinguisher|\bexits?\b|alarm|first aid|\bppe\b|hazard|emergency|evacuat|harness|hard hats?|"
         r"scaffold|hi-?vis|guard ?rails?|\bsafety\b"), "Safety"),
    (_re(r"\bpests?\b|rodent|droppings|vermin|infestation|hand ?wash|hygiene|\bfood\b|use-by|best before|"
         r"allergen|raw|cooked"), "Food safety"),
    (_re(r"damage|dents?|scratch|crack|chip|rust|corros|wear|condition"), "Condition"),
    (_re(r"\bclean\w*|wash\w*|wip\w+|mop\w*|swept|sweep|vacuum\w*|hoover\w*|dust\w*|sanitis\w*|sanitiz\w*|"
         r"disinfect\w*|emptied|\bmade\b|changed|replaced|polish\w*|tid\w+|spotless|stains?"), "Cleaning"),
    (_re(r"stock\w*|refill\w*|topped up|supplies|available"), "Supplies"),
    (_re(r"working|tested|functional|operational|charged|calibrat\w+|\bon\b|running|serviced|leak"), "Equipment"),
    (_re(r"lock\w*|secure\w*|closed|\bshut\b|\bset\b"), "Security"),
]

# Places that give a section of their own when a prompt's items name two or more of them.
PLACES: list[tuple[re.Pattern[str], str]] = [
    (_re(r"\bexterior\b|\boutside\b|\bbodywork\b|\bexternal\b"), "Exterior"),
    (_re(r"\binterior\b|\binside\b|\bcabin\b|\binternal\b"), "Interior"),
    (_re(r"\bkitchen\w*\b"), "Kitchen"),
    (_re(r"\bbedrooms?\b"), "Bedroom"),
    (_re(r"\bbathrooms?\b|\btoilets?\b|\brestrooms?\b|\bwashrooms?\b|\bshowers?\b|\bwc\b"), "Bathroom"),
    (_re(r"\bliving room\b|\blounge\b|\bsitting room\b"), "Living room"),
    (_re(r"\bdining\b"), "Dining area"),
    (_re(r"\bengine\b|\bunder the (?:hood|bonnet)\b"), "Engine"),
    (_re(r"\bcab\b"), "Cab"),
    (_re(r"\btrailer\b"), "Trailer"),
    (_re(r"\breception\b|\blobby\b|\bentrance\b"), "Entrance"),
    (_re(r"\bgarden\b|\byard\b|\bpatio\b|\bbalcony\b|\bterrace\b|\boutdoor\b"), "Outdoor areas"),
    (_re(r"\bstore ?room\b|\bstock ?room\b|\bstorage\b"), "Storage"),
    (_re(r"\bloading dock\b|\bloading bay\b"), "Loading dock"),
]

# Lowercase domain words for tags: the first group of each row is the word's stem, the value the tag.
DOMAIN_TAGS: list[tuple[re.Pattern[str], str]] = [
    (_re(r"\b(?:vehicles?|cars?|vans?)\b"), "vehicle"),
    (_re(r"\b(?:trucks?|lorr(?:y|ies)|hgvs?)\b"), "truck"),
    (_re(r"\bfleet\b"), "fleet"),
    (_re(r"\b(?:short-term rental|str|airbnb|holiday (?:let|rental)|vacation rental)\b"), "str"),
    (_re(r"\brent(?:al|als|ing)?\b"), "rental"),
    (_re(r"\bturnovers?\b|\bchangeovers?\b"), "turnover"),
    (_re(r"\bclean(?:ing|er|ers)?\b|\bhousekeeping\b"), "cleaning"),
    (_re(r"\bfood\b|\bhaccp\b"), "food"),
    (_re(r"\bfire\b"), "fire"),
    (_re(r"\bsafety\b"), "safety"),
    (_re(r"\bhygiene\b"), "hygiene"),
    (_re(r"\bconstruction\b|\bbuilding site\b"), "construction"),
    (_re(r"\bsite\b"), "site"),
    (_re(r"\bwarehouses?\b|\bdistribution cent(?:er|re)\b"), "warehouse"),
    (_re(r"\bforklifts?\b"), "forklift"),
    (_re(r"\bhealthcare\b|\bhospital\b|\bclinic\b|\bwards?\b|\bpatients?\b|\bcare home\b|\bnursing\b"), "healthcare"),
    (_re(r"\bretail\b|\bstores?\b|\bshops?\b|\bsupermarket\b"), "retail"),
    (_re(r"\bserver rooms?\b|\bdata ?cent(?:er|re)s?\b|\bservers?\b"), "server-room"),
    (_re(r"\bhotels?\b"), "hotel"),
    (_re(r"\bgyms?\b|\bfitness\b"), "gym"),
    (_re(r"\boffices?\b"), "office"),
    (_re(r"\brestaurants?\b|\bcaf[eé]s?\b|\bbistro\b"), "restaurant"),
    (_re(r"\bkitchens?\b"), "kitchen"),
    (_re(r"\bfarms?\b"), "farm"),
    (_re(r"\banimals?\b|\blivestock\b|\bcattle\b|\bsheep\b|\bpigs?\b|\bpoultry\b|\bhorses?\b"), "animal"),
    (_re(r"\bwelfare\b"), "welfare"),
    (_re(r"\bpools?\b|\bspa\b"), "pool"),
    (_re(r"\bmaintenance\b|\bservic(?:e|ing)\b"), "maintenance"),
    (_re(r"\binspections?\b|\binspect\b|\bpre-trip\b|\bwalkthrough\b|\bwalk-through\b"), "inspection"),
    (_re(r"\baudits?\b"), "audit"),
    (_re(r"\bopening\b"), "opening"),
    (_re(r"\bclosing\b"), "closing"),
    (_re(r"\bequipment\b"), "equipment"),
]

# What to ask when a prompt names a domain but lists nothing: keyed by the tags above, first hit wins.
DOMAIN_DEFAULTS: list[tuple[str, list[str]]] = [
    ("pool", ["pH", "free chlorine", "water temperature", "water clarity", "skimmer baskets emptied",
              "any damage to the pool area"]),
    ("server-room", ["server room temperature", "humidity", "UPS status", "any warning lights on equipment",
                     "cabinets locked", "fire suppression system working"]),
    ("fire", ["fire extinguishers present and in date", "fire exits clear", "fire alarm tested",
              "emergency lighting working", "fire doors closed"]),
    ("truck", ["odometer", "fuel level", "tyre pressure", "lights working", "any pre-existing damage",
               "brakes working"]),
    ("vehicle", ["exterior condition", "interior cleanliness", "fuel level", "odometer",
                 "any pre-existing damage"]),
    ("str", ["beds made with fresh linen", "towels replaced", "kitchen clean", "bathroom clean", "bins emptied",
             "photo of the living room"]),
    ("hotel", ["bed made", "towels replaced", "bathroom clean", "minibar stocked", "any damage in the room",
               "room cleanliness"]),
    ("food", ["fridge temperature", "freezer temperature", "handwashing stations stocked",
              "any evidence of pests", "food labelled and in date"]),
    ("restaurant", ["fridge temperature", "freezer temperature", "surfaces sanitised", "dining area clean",
                    "tills working"]),
    ("construction", ["PPE worn", "scaffolding secure", "any trip hazards", "first aid kit",
                      "weather conditions"]),
    ("warehouse", ["aisles clear", "racking in good condition", "forklift pre-use check done",
                   "fire exits clear", "stock level"]),
    ("healthcare", ["blood pressure", "heart rate", "body temperature", "oxygen saturation", "pain score"]),
    ("retail", ["shelves stocked", "price labels correct", "floor clean", "tills working", "any spills"]),
    ("gym", ["equipment working", "any damaged equipment", "floor clean", "first aid kit", "cleanliness"]),
    ("farm", ["fresh water available", "feed available", "any signs of illness or injury", "body condition",
              "bedding clean"]),
    ("animal", ["fresh water available", "feed available", "any signs of illness or injury", "body condition"]),
    ("office", ["fire exits clear", "fire extinguishers present", "first aid kit", "any trip hazards",
                "lights working"]),
]
