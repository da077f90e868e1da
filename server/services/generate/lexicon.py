"""What the words for values mean: readings and counts (number), levels (choice), judgements (rating).

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
    quantity: str | None = (
        None  # "temperature", "pressure", "distance", "weight": the prompt may switch units
    )
    suffix: str | None = None  # appended to the label when missing ("Odometer" -> "Odometer reading")


def _n(pattern: str, unit: str | None, lo: float | None, hi: float | None, dec: int, **kw: str) -> NumberKind:
    return NumberKind(_re(pattern), unit, lo, hi, dec, **kw)


VITALS = "Vital signs"
WATER = "Water chemistry"
TEMPS = "Temperatures"

# Order matters: the specific before the general (freezer before fridge before any temperature).
NUMBERS: list[NumberKind] = [
    _n(r"\b(?:cash|float|takings|petty cash|tips|revenue|sales total)\b", None, 0, None, 2, theme="Cash"),
    _n(
        r"^(?:total )?(?:number|no\.|count|quantity|qty) of\b|^how many\b|\w \b(?:count|tally)\b|\bheadcount\b",
        None,
        0,
        None,
        0,
        theme="Counts",
    ),
    _n(
        r"\b(?:response|wait|waiting|cooking|cycle|down|idle|travel|driving|rest|break) ?times?\b|\bduration\b|"
        r"\btime (?:taken|spent)\b",
        "min",
        0,
        None,
        0,
    ),
    _n(r"\bodo(?:meter)?\b", "km", 0, None, 0, quantity="distance", suffix="reading"),
    _n(r"\b(?:mileage|kilomet(?:er|re)s? driven|distance driven)\b", "km", 0, None, 0, quantity="distance"),
    _n(
        r"\b(?:engine|machine|run(?:ning)?) hours\b|\bhours? run\b|\bhour ?meter\b|\bhours worked\b",
        "h",
        0,
        None,
        1,
    ),
    _n(_temp(r"freezer|frozen|blast chiller"), "°C", -40, 0, 1, theme=TEMPS, quantity="temperature"),
    _n(
        _temp(r"fridge|refrigerat\w*|chiller|cold|walk-in|display case|delivery"),
        "°C",
        -5,
        15,
        1,
        theme=TEMPS,
        quantity="temperature",
    ),
    _n(
        _temp(r"hot|cook\w*|core|probe|oven|reheat\w*|food"),
        "°C",
        0,
        120,
        1,
        theme=TEMPS,
        quantity="temperature",
    ),
    _n(
        _temp(r"autoclave|sterili[sz]\w*|dishwasher|rinse|wash"),
        "°C",
        0,
        150,
        1,
        theme=TEMPS,
        quantity="temperature",
    ),
    _n(_temp(r"body|patient|resident|animal"), "°C", 34, 43, 1, theme=VITALS, quantity="temperature"),
    _n(_temp(r"pool|spa|hot tub|water"), "°C", 0, 45, 1, theme=WATER, quantity="temperature"),
    _n(_temp(r"engine|coolant|oil"), "°C", 0, 150, 0, quantity="temperature"),
    _n(
        _temp(r"room|ambient|air|server|office|rack|indoor|outdoor"),
        "°C",
        -10,
        50,
        1,
        theme=TEMPS,
        quantity="temperature",
    ),
    _n(r"\btemp(?:erature)?s?\b", "°C", -50, 150, 1, theme=TEMPS, quantity="temperature"),
    _n(r"\bblood pressure\b|\bbp\b", "mmHg", 40, 250, 0, theme=VITALS),
    _n(
        r"\b(?:tyre|tire)s? pressures?\b|\bpressure of (?:the )?(?:tyres|tires)\b",
        "psi",
        0,
        100,
        0,
        theme="Tyres",
        quantity="pressure",
    ),
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
    _n(
        r"\b(?:electricity|electric|power|energy) meter\b",
        "kWh",
        0,
        None,
        0,
        theme="Meters",
        suffix="reading",
    ),
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
    _n(
        r"\b(?:cpu|disk|memory|ram|ups|storage|bandwidth)\b.*\b(?:usage|utili[sz]ation|load|space|capacity)\b",
        "%",
        0,
        100,
        0,
    ),
    _n(r"\btread(?: depth)?\b", "mm", 0, 20, 1, theme="Tyres"),
    _n(r"\bfuel (?:added|purchased|volume|litres|liters|used)\b|\blit(?:re|er)s\b", "L", 0, None, 1),
    _n(r"\bspeed\b", "km/h", 0, None, 0),
    _n(r"\bfrequency\b", "Hz", 0, None, 1),
    _n(r"\bair ?flow\b|\bface velocity\b", "m/s", 0, None, 2),
    _n(r"\brainfall\b", "mm", 0, None, 1),
    _n(r"\b(?:length|width|height|depth|distance)\b", "m", 0, None, 2),
    _n(r"\breadings?\b", None, None, None, 1),
]

# Units a prompt may ask for instead of the defaults above, keyed by quantity.
UNIT_HINTS: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "temperature": [(_re(r"°\s?f\b|\bfahrenheit\b|\bdeg(?:rees)? f\b"), "°F")],
    "pressure": [
        (_re(r"\bpsi\b"), "psi"),
        (_re(r"\bkpa\b"), "kPa"),
        (_re(r"\d\s*bar\b|\bin bar\b|\(bar\)"), "bar"),
    ],
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
    _c(
        r"^(?:(?:current|remaining|starting|return) )?fuel(?: (?:levels?|gauge|tank))?$|\bfuel (?:levels?|gauge)\b",
        ("Full", "3/4", "1/2", "1/4", "Empty"),
        suffix="level",
    ),
    _c(r"\b(?:toner|ink)\b", ("Full", "Half", "Low", "Empty"), theme="Supplies", suffix="level"),
    _c(
        r"\b(?:stock|inventory|supply|supplies|consumables?|soap|sanitis\w*|sanitiz\w*|paper|towels?|feed|hay|salt)"
        r"\b.*\blevels?\b",
        FULL_TO_EMPTY,
        theme="Supplies",
    ),
    _c(
        r"^(?:engine )?(?:oil|coolant|brake fluid|washer fluid|screen ?wash|hydraulic (?:fluid|oil)|adblue|def|"
        r"transmission fluid|power steering fluid)(?: levels?)?$",
        ("Full", "OK", "Low"),
        suffix="level",
    ),
    _c(r"\bwater levels?\b", ("Too high", "Normal", "Too low"), theme=WATER),
    _c(r"\bwater clarity\b|\bclarity\b", ("Clear", "Slightly cloudy", "Cloudy"), theme=WATER),
    _c(r"\b(?:risk|priority|threat)(?: levels?| rating)?$", ("Low", "Medium", "High")),
    _c(r"\bseverity\b", ("Minor", "Moderate", "Major", "Critical")),
    _c(r"\bweather\b", ("Clear", "Cloudy", "Rain", "Wind", "Snow or ice"), theme="Conditions"),
    _c(r"\bshift$", ("Morning", "Afternoon", "Night"), theme="Details"),
    _c(r"\boccupancy\b|\broom status\b", ("Occupied", "Vacant", "Out of order")),
    _c(r"\bmobility\b", ("Independent", "Walks with aid", "Needs assistance", "Bed-bound"), theme=VITALS),
    _c(
        r"\b(?:consciousness|alertness|avpu)\b",
        ("Alert", "Responds to voice", "Responds to pain", "Unresponsive"),
        theme=VITALS,
    ),
    _c(r"\bmood\b", ("Calm", "Anxious", "Agitated", "Distressed")),
    _c(r"\bappetite\b", ("Normal", "Reduced", "Not eating")),
    _c(r"\b(?:rag|traffic light) status\b", ("Green", "Amber", "Red")),
    _c(r"\bpayment method\b", ("Cash", "Card", "Other"), theme="Details"),
    _c(
        r"\b(?:overall |inspection |audit |test )?(?:result|outcome|verdict)$",
        ("Pass", "Pass with remarks", "Fail"),
        theme="Result",
    ),
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
    RatingKind(
        _re(r"\b(?:cleanliness|tidiness|housekeeping)\b"), "Very dirty", "Spotless", theme="Cleanliness"
    ),
    RatingKind(_re(r"\bsatisfaction\b"), "Very dissatisfied", "Very satisfied", theme="Feedback"),
    RatingKind(_re(r"\bcomfort\b"), "Very uncomfortable", "Very comfortable"),
    RatingKind(_re(r"\b(?:smell|freshness)\b"), "Unpleasant", "Fresh"),
    RatingKind(
        _re(
            r"\b(?:condition|quality|state|appearance|presentation|wear and tear|workmanship|finish|hygiene|"
            r"rating|score|impression|grade|morale)\b"
        ),
        "Poor",
        "Excellent",
    ),
]
