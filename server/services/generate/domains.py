"""What a prompt is about: places that make sections, domain words that make tags, and the usual
checks of a domain for a prompt that names one but lists nothing.
"""

from __future__ import annotations

import re


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


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
    (
        _re(
            r"\bhealthcare\b|\bhospital\b|\bclinic\b|\bwards?\b|\bpatients?\b|\bcare home\b|\bnursing\b|"
            r"\bdental\b|\bsurgery\b"
        ),
        "healthcare",
    ),
    (
        _re(
            r"\btenants?\b|\btenancy\b|\blandlords?\b|\blettings?\b|\bpropert(?:y|ies)\b|\bmove-(?:in|out)\b"
        ),
        "property",
    ),
    (_re(r"\bboats?\b|\bvessels?\b|\bmarine\b|\byachts?\b"), "boat"),
    (_re(r"\bchildcare\b|\bnursery\b|\bday ?care\b|\bpreschool\b"), "childcare"),
    (_re(r"\bsecurity\b|\bpatrols?\b"), "security"),
    (_re(r"\blifts?\b|\belevators?\b"), "elevator"),
    (_re(r"\bbaker(?:y|ies)\b"), "bakery"),
    (_re(r"\bhvac\b|\bair ?con\w*\b|\bheating\b"), "hvac"),
    (_re(r"\bdeliver(?:y|ies)\b|\bgoods[- ]in\b|\breceiving\b"), "delivery"),
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
    (
        "pool",
        [
            "pH",
            "free chlorine",
            "water temperature",
            "water clarity",
            "skimmer baskets emptied",
            "any damage to the pool area",
        ],
    ),
    (
        "server-room",
        [
            "server room temperature",
            "humidity",
            "UPS status",
            "any warning lights on equipment",
            "cabinets locked",
            "fire suppression system working",
        ],
    ),
    (
        "fire",
        [
            "fire extinguishers present and in date",
            "fire exits clear",
            "fire alarm tested",
            "emergency lighting working",
            "fire doors closed",
        ],
    ),
    (
        "truck",
        [
            "odometer",
            "fuel level",
            "tyre pressure",
            "lights working",
            "any pre-existing damage",
            "brakes working",
        ],
    ),
    (
        "vehicle",
        ["exterior condition", "interior cleanliness", "fuel level", "odometer", "any pre-existing damage"],
    ),
    (
        "str",
        [
            "beds made with fresh linen",
            "towels replaced",
            "kitchen clean",
            "bathroom clean",
            "bins emptied",
            "photo of the living room",
        ],
    ),
    (
        "hotel",
        [
            "bed made",
            "towels replaced",
            "bathroom clean",
            "minibar stocked",
            "any damage in the room",
            "room cleanliness",
        ],
    ),
    (
        "food",
        [
            "fridge temperature",
            "freezer temperature",
            "handwashing stations stocked",
            "any evidence of pests",
            "food labelled and in date",
        ],
    ),
    (
        "restaurant",
        [
            "fridge temperature",
            "freezer temperature",
            "surfaces sanitised",
            "dining area clean",
            "tills working",
        ],
    ),
    (
        "construction",
        ["PPE worn", "scaffolding secure", "any trip hazards", "first aid kit", "weather conditions"],
    ),
    (
        "warehouse",
        [
            "aisles clear",
            "racking in good condition",
            "forklift pre-use check done",
            "fire exits clear",
            "stock level",
        ],
    ),
    ("healthcare", ["blood pressure", "heart rate", "body temperature", "oxygen saturation", "pain score"]),
    ("retail", ["shelves stocked", "price labels correct", "floor clean", "tills working", "any spills"]),
    ("gym", ["equipment working", "any damaged equipment", "floor clean", "first aid kit", "cleanliness"]),
    (
        "farm",
        [
            "fresh water available",
            "feed available",
            "any signs of illness or injury",
            "body condition",
            "bedding clean",
        ],
    ),
    (
        "animal",
        ["fresh water available", "feed available", "any signs of illness or injury", "body condition"],
    ),
    (
        "office",
        [
            "fire exits clear",
            "fire extinguishers present",
            "first aid kit",
            "any trip hazards",
            "lights working",
        ],
    ),
]
