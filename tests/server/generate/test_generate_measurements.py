"""A reading the prompt bounds is a number with its unit flagged at the bound, and the prompt's own name
words stay (audit E, finding 5): each read as yes/no or lost its name before."""

from __future__ import annotations

from typing import Any

import pytest

from server.services.generate import offline_template
from server.services.generate.from_library import library_name
from server.services.library import get_template


def _steps(prompt: str) -> dict[str, dict[str, Any]]:
    template = offline_template(prompt)
    return {s["label"]: s for sec in template["sections"] for s in sec["steps"]}


@pytest.mark.parametrize(
    ("prompt", "label", "unit", "flag"),
    [
        (
            "Bakery opening: oven on and at 220 °C, display fridge below 5 °C",
            "Display fridge temperature",
            "°C",
            {"below": None, "above": 5},
        ),
        (
            "Check the fridge temperature is below 5°C and the freezer below -18 °C",
            "Freezer temperature",
            "°C",
            {"below": None, "above": -18},
        ),
        ("Boiler room: pressure between 1 and 2 bar, no leaks", "Pressure", "bar", {"below": 1, "above": 2}),
        ("Vaccine fridge: temperature 2-8 °C, door closed", "Temperature", "°C", {"below": 2, "above": 8}),
    ],
)
def test_a_bounded_reading_is_a_number_flagged_past_its_bound(
    prompt: str, label: str, unit: str, flag: dict[str, float | None]
) -> None:
    step = _steps(prompt)[label]
    assert step["type"] == "number" and step["config"]["unit"] == unit
    assert step["flag"] == flag


def test_a_reading_at_a_value_is_the_things_reading_not_a_question_of_its_own() -> None:
    steps = _steps("Bakery opening: oven on and at 220 °C, display fridge below 5 °C")
    assert "At 220 °C?" not in steps and "Oven on?" in steps
    oven = steps["Oven temperature"]
    assert oven["type"] == "number" and oven["config"]["unit"] == "°C" and oven["hint"] == "Should be 220 °C"


def test_the_prompts_frequency_replaces_the_librarys() -> None:
    entry = get_template("construction-daily-safety")
    name = library_name(entry, "", "Building site weekly walk: scaffolding, excavations", [])
    assert name == "Construction site weekly safety walk"


def test_a_prompt_named_only_by_its_kind_of_document_is_not_named_twice() -> None:
    assert offline_template("Inspection: door 1, door 2, door 3")["name"] == "Inspection"
