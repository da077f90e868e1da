"""The offline generator starts from the library template a prompt names, adds what it lists, and keeps
what it asks for; with no library match it still builds from the prompt's items and says so."""

from __future__ import annotations

import re

import pytest

from server.services.generate import offline_template
from server.services.generate.offline import build_offline
from server.services.library import get_template
from server.tdl import validate_template
from tests.server.generate.coverage import coverage, has_step, main_steps
from tests.server.generate.natural_prompts import PROMPTS, NaturalPrompt

ISSUE_PROMPT = "Weekly forklift safety inspection with photos of the forks and the operator's signature"


@pytest.mark.parametrize("case", PROMPTS, ids=[f"{c.kind}:{c.prompt[:40]}" for c in PROMPTS])
def test_natural_prompts_give_what_they_ask_for(case: NaturalPrompt) -> None:
    result = build_offline(case.prompt)
    template = offline_template(case.prompt)
    validate_template(template)
    assert (result.library.slug if result.library else None) == case.library
    share, missing = coverage(template, case.expect)
    assert share == 1.0, (missing, [s["label"] for s in main_steps(template)])
    if case.signature:
        assert template["settings"]["signature_on_complete"] is True
    assert case.name_has.lower() in template["name"].lower()
    if case.library:
        library_steps = sum(len(s["steps"]) for s in get_template(case.library).template["sections"])
        assert len([s for sec in template["sections"] for s in sec["steps"]]) >= library_steps
        assert set(get_template(case.library).tags) <= set(template["tags"]) or len(template["tags"]) == 20


def test_the_issue_prompt_gives_the_full_forklift_check_with_what_it_asks() -> None:
    result = build_offline(ISSUE_PROMPT)
    template = offline_template(ISSUE_PROMPT)
    assert result.library is not None and result.library.name == "Forklift pre-shift check"
    labels = [s["label"] for s in main_steps(template)]
    library_labels = [s["label"] for s in main_steps(result.library.template)]
    assert set(library_labels) <= set(labels), "every check of the library template is kept"
    photo = next(s for s in main_steps(template) if s["type"] == "photo" and "fork" in s["label"].lower())
    assert photo["config"]["min"] >= 1
    forks = next(s for s in main_steps(template) if s["label"].startswith("Forks"))
    assert labels.index(photo["label"]) == labels.index(forks["label"]) + 1, "the photo sits by its check"
    assert template["settings"]["signature_on_complete"] is True
    assert "Weekly" in template["name"]
    assert result.added == 1


@pytest.mark.parametrize(
    "prompt",
    [
        "forklift",
        "Forklift",
        "fork lifts",
        "lift truck",
        "FORKLIFT PRE-SHIFT",
        "forklfit",
        "fork-lift inspections",
    ],
)
def test_a_prompt_naming_a_kind_of_work_never_gives_one_step(prompt: str) -> None:
    result = build_offline(prompt)
    assert result.library is not None and result.library.slug == "forklift-pre-shift"
    assert len(main_steps(offline_template(prompt))) >= 10


def test_no_library_match_still_builds_from_the_items_and_says_so() -> None:
    prompt = (
        "Bouncy castle hire: blower fan working, anchor stakes in place, any tears in the seams, wind speed"
    )
    result = build_offline(prompt)
    assert result.library is None
    template = offline_template(prompt)
    for words in ("blower fan working", "anchor stakes", "tears seams = boolean", "wind speed = number"):
        assert has_step(template, words), words
    assert result.added == 4


def test_items_the_library_asks_already_are_not_doubled() -> None:
    template = offline_template("Forklift check: horn, forks, seat belt, fire extinguisher")
    labels = [s["label"].lower() for s in main_steps(template)]
    for word in ("horn", "seat belt", "fire extinguisher"):
        assert sum(word in label for label in labels) == 1, (word, labels)


def test_a_unit_the_prompt_asks_for_replaces_the_librarys() -> None:
    template = offline_template("Fleet van weekly check with the mileage in miles")
    mileage = next(s for s in main_steps(template) if s["label"] == "Mileage")
    assert mileage["config"]["unit"] == "mi"


def test_the_prompts_groups_join_the_library_sections_of_that_name() -> None:
    template = offline_template(
        "Hotel room inspection.\nBathroom: hairdryer working, bath plug present\nBedroom: iron and ironing board"
    )
    by_title = {s["title"]: [step["label"] for step in s["steps"]] for s in template["sections"]}
    assert any("Hairdryer" in label for label in by_title["Bathroom"])
    assert any("Iron" in label for label in by_title["Bedroom"])


def test_library_generation_is_deterministic() -> None:
    for case in PROMPTS[:10]:
        assert offline_template(case.prompt) == offline_template(case.prompt)


def _labels(prompt: str) -> list[str]:
    return [s["label"] for s in main_steps(offline_template(prompt))]


def test_a_fault_looked_for_on_a_thing_reads_as_a_question() -> None:
    labels = _labels("Apartment move-out inspection: check each room for damage with photos")
    assert "Any damage in each room?" in labels
    hotel = _labels("Hotel room inspection: check bathroom for mould")
    assert "Any mould in bathroom?" in hotel
    assert not [label for label in labels + hotel if re.match(r"Any (?:each|bathroom)\b", label)]


def test_a_thing_checked_for_a_fault_the_library_names_absent_is_not_asked_twice() -> None:
    labels = _labels("Daily forklift check: check forks for cracks, horn works")
    assert [label for label in labels if "crack" in label.lower()] == [
        "Forks free of cracks, bends and excessive wear?"
    ]
    assert sum("horn" in label.lower() for label in labels) == 1


def test_a_reading_shared_by_a_list_is_read_for_each_thing() -> None:
    labels = _labels("Apartment move-out inspection: meter readings for electricity and water")
    assert "Water available?" not in labels  # "water" was read alone
    assert [label for label in labels if "meter reading" in label.lower()] == [
        "Electricity meter reading",
        "Gas meter reading",
        "Water meter reading",
    ]
    kitchen = _labels("Kitchen log: temperature of fridge and freezer")
    assert {"Temperature of fridge", "Temperature of freezer"} <= set(kitchen)


def test_a_library_step_holding_every_word_of_an_item_asks_it_and_takes_its_photos() -> None:
    template = offline_template("Car rental return check: scratches and dents with photos, fuel level")
    dents = [s for s in main_steps(template) if "dent" in s["label"].lower()]
    assert [s["label"] for s in dents] == ["Any new scratches, dents or paint damage?"]
    assert dents[0]["photo"]
    labels = _labels("Hotel room inspection: TV remote works, bedding clean")
    assert [label for label in labels if "remote" in label.lower()] == ["TV, remote and lamps working?"]


def test_an_item_the_library_asks_in_other_words_stands_right_before_that_step() -> None:
    template = offline_template(
        "Apartment move-out inspection: smoke detector works, number of keys returned"
    )
    for section in template["sections"]:
        labels = [s["label"] for s in section["steps"] if not s.get("condition")]
        if "Smoke detector working?" in labels:
            at = labels.index("Smoke detector working?")
            assert labels[at + 1] == "Smoke alarms tested and working?"
        if "Number of keys returned" in labels:
            assert labels[labels.index("Number of keys returned") + 1] == "Keys handed over"
    labels = [s["label"] for s in main_steps(template)]
    assert {"Smoke detector working?", "Number of keys returned"} <= set(labels)


def test_one_item_the_library_lacks_joins_also_asked_for_not_a_section_of_its_theme() -> None:
    template = offline_template("Car rental return check: fuel level, keys returned")
    titled = {
        step["label"]: section["title"] for section in template["sections"] for step in section["steps"]
    }
    assert titled["Keys returned?"] == "Also asked for"  # it stood alone under "Safety"
