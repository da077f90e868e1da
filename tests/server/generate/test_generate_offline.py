"""The offline generator: prompts from many domains become the steps a person would have written."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.services.generate import generate_offline, offline_template, validate_prompt
from server.services.generate.library_match import normalize
from server.services.generate.offline import build_offline
from server.tdl import validate_template
from tests.server.generate.cases import CASES

ID = re.compile(r"^[gso]-[A-Za-z0-9_-]{1,64}$")


def _expected(spec: str) -> list[tuple[str, str, str]]:
    """ "odometer = number km; fuel level = choice Full" -> [("odometer", "number", "km"), …]."""
    out = []
    for part in spec.split("; "):
        words, _, rest = part.partition(" = ")
        type_, _, detail = rest.partition(" ")
        out.append((words, type_, detail))
    return out


def _steps(template: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for section in template["sections"] for step in section["steps"]]


def _find(template: dict[str, Any], words: str) -> dict[str, Any]:
    """The step asking `words`: in those words, else holding every one of them (a library step that asks
    the item in its own order, "Bedding dry and clean?" for "bedding clean and dry", is not doubled)."""
    for step in _steps(template):
        if words in step["label"].lower() and not step["condition"]:
            return step
    wanted = [w for w in normalize(words) if w not in {"and", "or", "of", "the", "any", "in", "on", "for"}]
    for step in _steps(template):
        if not step["condition"] and set(wanted) <= set(normalize(step["label"])):
            return step
    labels = [s["label"] for s in _steps(template)]
    raise AssertionError(f"no step about {words!r} in {labels}")


@pytest.mark.parametrize(("prompt", "signature", "spec"), CASES, ids=[c[0][:40] for c in CASES])
def test_listed_items_become_fitting_steps(prompt: str, signature: bool, spec: str) -> None:
    template = generate_offline(prompt)
    validate_template(template)
    assert template["settings"]["signature_on_complete"] is signature
    assert not any("signature" in s["label"].lower() for s in _steps(template))
    steps = _steps(template)
    for words, type_, detail in _expected(spec):
        step = _find(template, words)
        assert step["type"] == type_, (words, step)
        config = step["config"]
        if type_ == "number" and detail:
            assert config.get("unit", "-") == detail, (words, config)
        elif type_ == "choice" and detail:
            assert config["options"][0]["label"] == detail, (words, config)
        elif type_ == "rating":
            assert (config["min"], config["max"]) in {(1, 5), (0, 10)}
            assert not detail or config["low_label"] == detail, (words, config)
        elif type_ == "boolean":
            assert step["label"].endswith("?")
            follow = steps[steps.index(step) + 1]
            assert follow["type"] == "text" and follow["required"] is True
            assert follow["config"]["multiline"] is True
            # 1-6 photos; a step taken from the library about people, a sound or a test asks fewer or none
            assert follow["photo"] in ({"min": 1, "max": 6}, {"min": 0, "max": 6}, False), (words, follow)
            bad = {"Y": True, "N": False}[detail]
            assert follow["condition"] == {"when": {"step": step["id"], "op": "eq", "value": bad}}, words
        elif type_ == "photo":
            assert config == {"min": 1, "max": 3}
        assert step["label"][0].isupper() or step["label"].startswith("pH"), step["label"]


@pytest.mark.parametrize("prompt", [c[0] for c in CASES], ids=[c[0][:40] for c in CASES])
def test_template_is_complete_valid_and_deterministic(prompt: str) -> None:
    template = generate_offline(prompt)
    assert template == generate_offline(prompt)
    assert "id" not in template
    validate_template(template)
    assert template["name"] and template["description"]
    assert template["tags"] and all(t == t.lower() for t in template["tags"])
    assert template["settings"]["est_minutes"] >= 1
    assert template["execution"] == {"scope": "any", "identity_required": "none"}
    ids = [s["id"] for s in template["sections"]] + [s["id"] for s in _steps(template)]
    ids += [o["id"] for s in _steps(template) if s["type"] == "choice" for o in s["config"]["options"]]
    assert len(ids) == len(set(ids))
    assert all(ID.match(i) for i in ids)
    assert all(1 <= len(s["steps"]) <= 500 and s["title"] for s in template["sections"])


def test_reference_vehicle_prompt_matches_the_documented_style() -> None:
    prompt = CASES[0][0]
    template = generate_offline(prompt)
    assert template["name"] == "Vehicle pre-rental inspection"
    assert template["tags"][:3] == ["vehicle", "rental", "inspection"]
    titles = [s["title"] for s in template["sections"]]
    assert titles.index("Exterior") < titles.index("Interior")
    odometer = _find(template, "odometer")
    assert odometer["label"] == "Odometer reading"
    assert {k: v for k, v in odometer["config"].items() if v is not None} == {
        "unit": "km",
        "min": 0,
        "decimal": 0,
    }
    fuel = _find(template, "fuel level")
    assert fuel["label"] == "Fuel level"
    assert [o["label"] for o in fuel["config"]["options"]] == ["Full", "3/4", "1/2", "1/4", "Empty"]
    assert all(o["id"].startswith("o-") for o in fuel["config"]["options"])
    cleanliness = _find(template, "interior cleanliness")
    assert cleanliness["config"] == {"min": 1, "max": 5, "low_label": "Very dirty", "high_label": "Spotless"}
    exterior = next(s for s in template["sections"] if s["title"] == "Exterior")
    assert "Exterior condition" in [s["label"] for s in exterior["steps"]]


def test_prompt_groups_become_sections_in_order() -> None:
    """Without a library match the prompt's groups are the sections; with one, each group's items join
    the library section of that name."""
    own = generate_offline(
        "Kitchen: dishes washed and put away, fridge empty and clean, photo of the clean kitchen. Bedroom: "
        "fresh linen on all beds, towels replaced. Bathroom: toilet clean, any damage? Finish with notes."
    )
    assert [s["title"] for s in own["sections"]] == ["Kitchen", "Bedroom", "Bathroom", "Notes"]
    assert "Photo of the clean kitchen" in [s["label"] for s in own["sections"][0]["steps"]]
    template = generate_offline(CASES[1][0])
    by_title = {s["title"]: [step["label"] for step in s["steps"]] for s in template["sections"]}
    assert "Photo of the clean kitchen" in by_title["Kitchen"]
    assert "Towels replaced?" in by_title["Bedrooms"]
    assert "Toilet clean?" in by_title["Bathrooms"]
    headed = generate_offline(CASES[25][0])
    titles = [s["title"] for s in headed["sections"]]
    assert titles.index("Kitchen") < titles.index("Bedrooms") < titles.index("General")


@pytest.mark.parametrize(
    ("prompt", "label"),
    [
        ("Check that the fire extinguisher is present", "Fire extinguisher present?"),
        ("doors locked", "Doors locked?"),
        ("check for leaks", "Any leaks?"),
        ("No pests", "Any pests?"),
        ("Please make sure the exits are clear", "Exits clear?"),
        ("Empty the bins", "Bins emptied?"),
        ("Any pre-existing damage?", "Any pre-existing damage?"),
    ],
)
def test_yes_no_labels_read_like_a_person_wrote_them(prompt: str, label: str) -> None:
    assert _steps(generate_offline(prompt))[0]["label"] == label


def test_bad_answer_follows_the_wording() -> None:
    template = generate_offline(
        "Any pre-existing damage, fire extinguisher present, exits free of obstructions"
    )
    conditions = {
        s["condition"]["when"]["step"]: s["condition"]["when"]["value"]
        for s in _steps(template)
        if s["condition"]
    }
    by_label = {s["label"]: s["id"] for s in _steps(template)}
    assert conditions[by_label["Any pre-existing damage?"]] is True
    assert conditions[by_label["Fire extinguisher present?"]] is False
    assert conditions[by_label["Exits free of obstructions?"]] is False
    assert "Describe the damage" in by_label


def test_units_asked_for_in_the_prompt_are_used() -> None:
    template = generate_offline(
        "Fridge temperature (°F), tyre pressure in bar, odometer in miles, load weight (lbs)"
    )
    fridge = _find(template, "fridge temperature")["config"]
    assert fridge["unit"] == "°F" and fridge["min"] == 23 and fridge["max"] == 59
    assert _find(template, "tyre pressure")["config"]["unit"] == "bar"
    assert _find(template, "odometer")["config"]["unit"] == "mi"
    assert _find(template, "load weight")["config"]["unit"] == "lb"


def test_prompt_settings_are_read() -> None:
    template = generate_offline("Daily pool maintenance: pH, free chlorine. Should take about 10 minutes.")
    assert template["settings"]["est_minutes"] == 10
    assert generate_offline("Bins emptied. Steps can be skipped.")["settings"]["allow_skip"] is True


def test_notes_are_optional_multiline_text() -> None:
    notes = _find(generate_offline("Kitchen clean, additional comments"), "additional comments")
    assert notes["type"] == "text" and notes["required"] is False and notes["config"]["multiline"] is True


def test_est_minutes_grows_with_the_steps() -> None:
    small = generate_offline("doors locked")["settings"]["est_minutes"]
    large = generate_offline(CASES[20][0])["settings"]["est_minutes"]
    assert 1 <= small < large


@pytest.mark.parametrize(
    "prompt",
    [
        "Office fire safety",
        "Pool maintenance checklist",
        "Hello",
        "???",
        "a, b, c",
        "x" * 4000,
        "fridge temperature, " * 200,
        "\n".join(f"- item {i} checked" for i in range(300)),
        "Check.",
        "   !!! \n\n",
    ],
)
def test_any_prompt_gives_a_valid_template_with_a_step(prompt: str) -> None:
    template = offline_template(prompt)
    assert sum(len(s["steps"]) for s in template["sections"]) >= 1
    assert "id" not in template


def test_a_named_domain_without_items_gets_its_usual_checks() -> None:
    template = generate_offline("Office fire safety")
    assert template["name"] == "Office fire safety checklist"
    assert _find(template, "fire exits clear")["type"] == "boolean"


@pytest.mark.parametrize(
    ("prompt", "ok"),
    [("x", True), ("x" * 4000, True), ("", False), ("   \n", False), ("x" * 4001, False), (None, False)],
)
def test_validate_prompt(prompt: Any, ok: bool) -> None:
    assert (validate_prompt(prompt) is None) is ok


_WORDS = [w for c in CASES for w in re.findall(r"[\w'-]+|[,.:;?\n-]", c[0])]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(min_size=1, max_size=400),
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=120).map(" ".join),
    )
)
def test_every_prompt_gives_a_valid_deterministic_template(prompt: str) -> None:
    if validate_prompt(prompt) is not None:
        return
    template = offline_template(prompt)
    assert sum(len(s["steps"]) for s in template["sections"]) >= 1
    assert generate_offline(prompt) == generate_offline(prompt)


def test_same_prompt_same_template_across_processes() -> None:
    """Ids and order never depend on hash seeds: a saved template regenerates identically."""
    code = (
        "import json, sys; from server.services.generate import generate_offline; "
        "print(json.dumps([generate_offline(p) for p in json.loads(sys.stdin.read())], sort_keys=True))"
    )
    prompts = json.dumps([c[0] for c in CASES])
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            input=prompts,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert json.loads(outputs.pop()) == json.loads(json.dumps([generate_offline(c[0]) for c in CASES]))


def _labels(template: dict[str, Any]) -> list[str]:
    return [s["label"] for s in _steps(template) if not s["condition"]]


def test_instructions_without_their_article_read_as_done_and_share_their_verb() -> None:
    """ "wipe desks" read "Wipe desks OK?", "empty bins" "Empty bins emptied?", and the hallway of "vacuum
    carpets and hallway" was "Hallway OK?"; a thing named by the same word stays a thing ("clean linen")."""
    labels = _labels(
        generate_offline(
            "Weekly kitchen clean: empty bins, mop floors, vacuum carpets and hallway, restock soap, clean linen on beds"
        )
    )
    assert {
        "Bins emptied?",
        "Floors mopped?",
        "Carpets vacuumed?",
        "Hallway vacuumed?",
        "Soap restocked?",
    } <= set(labels)
    assert "Clean linen on beds?" in labels
    closing = _labels(
        generate_offline(
            "Shop close-down: turn off heaters, empty and clean fridges, take out rubbish, wash and dry mugs, set alarm"
        )
    )  # "Turn off heaters OK?", "Empty OK?", "Clean fridges clean?", "Take out rubbish emptied?", "Wash OK?"
    assert {
        "Heaters turned off?",
        "Fridges emptied and cleaned?",
        "Rubbish taken out?",
        "Mugs washed and dried?",
        "Alarm set?",
    } <= set(closing), closing
    assert not [
        label for label in labels if label.endswith(" OK?") or label.startswith(("Empty ", "Vacuum "))
    ]


def test_a_thing_checked_for_something_asks_whether_there_is_any() -> None:
    labels = _labels(generate_offline("Check the bathroom for mould and the kitchen for leftovers"))
    assert {"Any mould in bathroom?", "Any leftovers in kitchen?"} <= set(labels)
    scaffold = _labels(generate_offline("Scaffold check: base plates, check boards for splits"))
    assert "Any splits on boards?" in scaffold and "Boards for splits?" not in scaffold
    van = _labels(generate_offline("Van check: spare wheel, jack for changing wheels"))
    assert not [label for label in van if "Any changing" in label]  # what a jack is for is no fault


@pytest.mark.parametrize(
    ("prompt", "name"),
    [
        ("Inspect the scaffold on site 3: base plates, ties, toe boards fitted", "Scaffold inspection"),
        (
            "Check the boiler room: pressure reading, any leaks, carbon monoxide detector tested",
            "Boiler room check",
        ),
    ],
)
def test_a_prompt_that_opens_with_what_to_look_over_names_the_work(prompt: str, name: str) -> None:
    """ "Check the boiler room: …" was named "Check", "Inspect the scaffold on site 3: …" "Checklist" (read as
    a lead-in, like "Check the following:"), and the scaffold one started from no library template."""
    result = build_offline(prompt)
    assert result.template["name"] == name
    if "scaffold" in prompt:
        assert result.library is not None and result.library.slug == "scaffold-inspection"
    lead_in = generate_offline("Check the following: doors locked, lights off")
    assert {"Doors locked?", "Lights off?"} <= set(_labels(lead_in))


def test_a_name_asked_with_the_signature_is_asked_too() -> None:
    template = generate_offline("Scaffold check: base plates, ties, inspector name and signature")
    assert "Inspector name" in _labels(template)
    assert template["settings"]["signature_on_complete"] is True


def test_what_a_list_shares_is_asked_of_each_of_its_things() -> None:
    """ "tyre pressure front and rear" dropped the rear; "temperature at start and end of shift" asked a
    choice of shifts; "floor free of ice, stock rotated" was one question ("stock" reads as in "in stock")."""
    labels = _labels(
        generate_offline(
            "Bike check: tyre pressure front and rear, temperature at start and end of shift, floor free of ice, "
            "stock rotated, photos of kitchen and signature"
        )
    )
    assert {
        "Tyre pressure front",
        "Tyre pressure rear",
        "Temperature at start of shift",
        "Temperature at end of shift",
        "Floor free of ice?",
        "Stock rotated?",
    } <= set(labels), labels
    assert not [label for label in labels if "signature" in label.lower()]


def test_each_item_keeps_its_own_verb() -> None:
    """ "count towels, note any breakages, check hot tub temperature, keys in lockbox" asked "Number of hot tub
    temperature" and "Number of keys in lockbox": the first item's verb was taken for the whole list's."""
    result = build_offline(
        "Airbnb check-out: count towels, note any breakages, check hot tub temperature, keys in lockbox"
    )
    labels = _labels(result.template)
    assert {"Number of towels", "Any breakages?", "Hot tub temperature", "Keys in lockbox?"} <= set(labels), (
        labels
    )
    assert result.library is not None and result.library.slug == "str-turnover"  # not the car's "check-out"
    counted = _labels(generate_offline("Count: towels, sheets, pillows"))
    assert {"Number of towels", "Number of sheets", "Number of pillows"} <= set(counted), counted
    assert "Staff fit for work?" in _labels(
        generate_offline("Kitchen opening: hot water running, staff fit for work")
    )
    minibus = _labels(generate_offline("Minibus check: seat belts, mileage at start and end"))
    assert {"Mileage at start", "Mileage at end"} <= set(minibus), minibus
