"""Prompts as people write them, and what a good template for each holds (the bench prints the table).

Each prompt has a kind (domain: names only the work; items: lists only what to check; mixed: both;
misspelt; phrasing: other ways of asking), the library template it should start from (None: it names
no kind of work the library knows), and the steps expected: "words" (every word in one step's label)
or "words = type". Signature True means the prompt asks for one; `name_has` is a word the name must hold
(any case).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NaturalPrompt:
    prompt: str
    kind: str
    library: str | None
    expect: tuple[str, ...] = ()
    signature: bool | None = None
    name_has: str = ""
    extra: dict[str, str] = field(default_factory=dict)


P = NaturalPrompt

PROMPTS: list[NaturalPrompt] = [
    # -- the example -------------------------------------------------------------------------
    P(
        "Weekly forklift safety inspection with photos of the forks and the operator's signature",
        "mixed",
        "forklift-pre-shift",
        ("forks = photo", "forks = boolean", "horn", "brake", "hydraulic leaks", "seat belt"),
        signature=True,
        name_has="Weekly",
    ),
    # -- domain only ---------------------------------------------------------------------------------
    P("Forklift pre-shift checklist", "domain", "forklift-pre-shift", ("forks", "horn", "mast chains")),
    P(
        "Monthly fire extinguisher inspection",
        "domain",
        "fire-extinguisher-monthly",
        ("pressure gauge", "safety pin", "tag"),
        name_has="Monthly",
    ),
    P(
        "Construction site daily safety walk",
        "domain",
        "construction-daily-safety",
        ("hard hat", "edge protection", "excavations"),
    ),
    P("Scaffold inspection", "domain", "scaffold-inspection", ("base plates", "guard rails", "toe boards")),
    P(
        "HACCP temperature log",
        "domain",
        "haccp-temperature-log",
        ("fridge 1 temperature = number", "freezer temperature = number", "hot holding"),
    ),
    P(
        "Hotel room inspection before release",
        "domain",
        "hotel-room-inspection",
        ("bed made", "minibar", "towels"),
    ),
    P(
        "Playground inspection for the parks team",
        "domain",
        "playground-inspection",
        ("swings", "slides", "surface"),
    ),
    P("Solar panel maintenance visit", "domain", "solar-panel-maintenance", ("inverter", "panels cleaned")),
    P("HVAC filter change", "domain", "hvac-filter-change", ("new filters fitted", "condensate drain")),
    P("Data centre walk", "domain", "data-centre-walk", ("cold aisle temperature", "ups load", "humidity")),
    P(
        "Elevator machine room check",
        "domain",
        "elevator-machine-room",
        ("machine room temperature", "brake"),
    ),
    P("Equipment rental return", "domain", "equipment-rental-return", ("accessories returned", "hour meter")),
    P("Event venue setup checklist", "domain", "event-venue-setup", ("microphones", "fire exits")),
    P("Restaurant closing checklist", "domain", "restaurant-closing", ("alarm set", "cash counted", "fryer")),
    P("Move-out inspection", "domain", "move-in-move-out", ("meter reading", "smoke alarms")),
    P(
        "Fleet van weekly check",
        "domain",
        "fleet-van-weekly",
        ("tread depth", "mileage", "washers"),
        name_has="Weekly",
    ),
    # -- items only (no kind of work named) ----------------------------------------------------------
    P(
        "doors locked, windows closed, lights off, alarm set",
        "items",
        None,
        ("doors locked = boolean", "windows closed = boolean", "lights off", "alarm set"),
    ),
    P(
        "Fridge temperature, freezer temperature, handwashing sink stocked, any pests",
        "items",
        None,
        (
            "fridge temperature = number",
            "freezer temperature = number",
            "handwashing sink",
            "pests = boolean",
        ),
    ),
    P(
        "- odometer\n- fuel level\n- tyre pressure\n- any new damage\n- photo of the dashboard",
        "items",
        None,
        (
            "odometer = number",
            "fuel level = choice",
            "tyre pressure = number",
            "damage = boolean",
            "photo dashboard = photo",
        ),
    ),
    P(
        "Check the first aid box, eyewash bottles in date, defibrillator pads in date, signature",
        "mixed",
        "first-aid-kit",
        ("eyewash bottles", "defibrillator pads", "plasters"),
        signature=True,
    ),
    P(
        "Record the meter readings: electricity, gas and water",
        "items",
        None,
        ("electricity", "gas", "water"),
    ),
    # -- mixed: a kind of work plus items -------------------------------------------------------------
    P(
        "Forklift check: forks, chains, horn, tyre pressure in psi and a photo of the data plate",
        "mixed",
        "forklift-pre-shift",
        ("tyre pressure = number", "data plate = photo", "horn", "chains"),
    ),
    P(
        "Car rental return inspection: fuel level, mileage in miles, new scratches, photos of all four sides, "
        "customer signature",
        "mixed",
        "vehicle-handover",
        ("fuel level = choice", "mileage = number", "scratches", "photos four sides = photo"),
        signature=True,
    ),
    P(
        "Airbnb turnover for our beach house. Also check the hot tub is clean and covered, and count the "
        "beach towels.",
        "mixed",
        "str-turnover",
        ("hot tub", "beach towels = number", "fresh linen"),
    ),
    P(
        "Daily HACCP log for the kitchen with the walk-in fridge, the blast chiller and the bain-marie "
        "temperatures",
        "mixed",
        "haccp-temperature-log",
        ("walk-in fridge temperature = number", "blast chiller temperature = number", "bain-marie"),
        name_has="Daily",
    ),
    P(
        "Scaffold inspection after the storm, include a photo of the scaff tag and check the ties",
        "mixed",
        "scaffold-inspection",
        ("photo scaff tag = photo", "ties"),
    ),
    P(
        "Pool daily check: chlorine, pH, water clarity, lifeguard on duty, pool cover stored",
        "mixed",
        "pool-daily",
        ("chlorine", "ph", "water clarity", "lifeguard on duty", "pool cover"),
    ),
    P(
        "Truck pre-trip inspection (miles, psi) with the reefer unit temperature and the seal number",
        "mixed",
        "truck-pre-trip",
        ("reefer unit temperature = number", "seal number", "odometer"),
    ),
    P(
        "Hotel room inspection: check the safe works, the balcony door locks, and rate the overall "
        "cleanliness",
        "mixed",
        "hotel-room-inspection",
        ("safe", "balcony door", "cleanliness = rating"),
    ),
    P(
        "Fire extinguisher monthly check and photo of each extinguisher, technician signs at the end",
        "mixed",
        "fire-extinguisher-monthly",
        ("photo extinguisher = photo", "pressure gauge"),
        signature=True,
        name_has="Monthly",
    ),
    # -- misspelt --------------------------------------------------------------------------------------
    P("forklfit inspecton weekly", "misspelt", "forklift-pre-shift", ("forks", "horn"), name_has="Weekly"),
    P("scafolding inspection", "misspelt", "scaffold-inspection", ("base plates", "guard rails")),
    P(
        "resturant opening cheklist with the float count",
        "misspelt",
        "restaurant-opening",
        ("float", "walk-in fridge"),
    ),
    P("fire extinguiser monthy check", "misspelt", "fire-extinguisher-monthly", ("pressure gauge", "tag")),
    P(
        "Playgrond saftey inspection, photo of the swings",
        "misspelt",
        "playground-inspection",
        ("photo swings = photo", "slides"),
    ),
    P("warehose loading dock check", "misspelt", "warehouse-dock", ("dock leveller", "wheel chocks")),
    # -- other phrasing --------------------------------------------------------------------------------
    P(
        "I need something for our drivers to fill in before they take a van out each week",
        "phrasing",
        "fleet-van-weekly",
        ("tread depth", "lights"),
        name_has="",
    ),
    P(
        "Can you make a list for checking a lift truck at the start of a shift?",
        "phrasing",
        "forklift-pre-shift",
        ("forks", "horn"),
    ),
    P(
        "What the cleaner does between guests at a holiday let",
        "phrasing",
        "str-turnover",
        ("fresh linen", "bins"),
    ),
    P(
        "Our night security guard's patrol round",
        "phrasing",
        "security-patrol",
        ("forced entry", "alarm panel"),
    ),
    P(
        "Checking the tenants' flat when they move in, with meter readings and their signature",
        "phrasing",
        "move-in-move-out",
        ("electricity meter reading = number", "smoke alarms"),
        signature=True,
    ),
    P("Toolbox talk sign-in sheet for the crew", "phrasing", "toolbox-talk", ("topic", "attendees")),
    P("Near miss report form", "phrasing", "incident-report", ("description", "witness")),
    # -- other languages, and a compound whose head is not the work (audit E) --------------------------
    P(
        "Mietwagen Rückgabe: Tankfüllstand, Kilometerstand, neue Kratzer, Innenraum sauber, Schlüssel zurück",
        "language",
        "vehicle-handover",
        ("odometer = number", "kilometerstand"),
    ),
    P(
        "Inspección diaria de carretilla elevadora: horquillas, frenos, claxon, nivel de batería, fugas",
        "language",
        "forklift-pre-shift",
        ("forks", "horquillas"),
    ),
    P(
        "Limpieza de apartamento turístico entre huéspedes: sábanas cambiadas, baño limpio, cocina, toallas",
        "language",
        "str-turnover",
        ("fresh linen", "toallas"),
    ),
    P(
        "Food truck hygiene check before service: handwash sink, fridge temperature, gas bottle secured, "
        "fire extinguisher, waste water tank",
        "phrasing",
        "food-hygiene-audit",
        ("handwash sink", "fridge temperature = number", "gas bottle"),
    ),
    P(
        "Bakery opening checklist: oven on and at 220 °C, display fridge below 5 °C, floor swept",
        "items",
        None,
        ("oven temperature = number", "display fridge temperature = number", "floor swept"),
        name_has="Bakery",
    ),
]
