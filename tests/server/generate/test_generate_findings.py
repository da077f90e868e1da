"""The generator and the library set `flag` where a step's domain makes the finding obvious (SPEC §14):
the rules one by one, the library's templates, and a generated template over HTTP from the real server
whose runs then count the findings."""

from __future__ import annotations

import httpx
import pytest

from server.services.generate.obvious_flags import obvious_flag, with_obvious_flags
from server.services.library import get_template, load_library


def _step(kind: str, label: str, **config) -> dict:
    return {"id": "s-1", "type": kind, "label": label, "config": config}


def _options(*labels: str) -> dict:
    return {"options": [{"id": f"o-{i}", "label": label} for i, label in enumerate(labels)]}


@pytest.mark.parametrize(
    ("step", "flag"),
    [
        (_step("boolean", "Any hydraulic leaks?"), True),
        (_step("boolean", "Is there any damage to the bodywork?"), True),
        (_step("boolean", "Was anyone injured?"), True),
        (_step("boolean", "Does the score need escalating to the nurse in charge?"), True),
        (_step("boolean", "Brakes working?"), False),
        (_step("boolean", "Forks free of cracks, bends and excessive wear?"), False),
        (_step("boolean", "Alarm panel normal with no faults?"), False),
        # A negation of no known fault names what must be absent: the good case (these flagged yes).
        (_step("boolean", "Tyres inflated with no cuts?"), False),
        (_step("boolean", "Walked to the back: no child left on board?"), False),
        (_step("boolean", "Waste skips not overfilled?"), False),
        (_step("boolean", "Pallets stored square with nothing overhanging?"), False),
        (_step("boolean", "Feet present, not worn and clean?"), False),
        (_step("boolean", "Accident book present?"), False),
        (_step("boolean", "Lights not working?"), True),  # the only state, negated: asks about the fault
        (_step("boolean", "Fire doors not closing properly?"), True),
        (_step("choice", "Result", **_options("Pass", "Fail - withdrawn from use")), ["o-1"]),
        (_step("choice", "Outcome", **_options("Pass", "Needs service", "Replace")), ["o-1", "o-2"]),
        (_step("choice", "Fuel level", **_options("Full", "3/4", "1/2", "1/4", "Empty")), ["o-4"]),
        (_step("choice", "Type of event", **_options("Near miss", "Injury", "Property damage")), None),
        (_step("choice", "Colour", **_options("Red", "Broken white")), None),  # every option "bad": no scale
        (_step("number", "Walk-in fridge temperature", unit="°C"), {"above": 5}),
        (_step("number", "Freezer temperature", unit="°C"), {"above": -18}),
        (_step("number", "Hot holding temperature", unit="°C"), {"below": 63}),
        (_step("number", "Tread depth, worst tyre", unit="mm"), {"below": 1.6}),
        (_step("number", "Fridge temperature", unit="°F"), None),  # another unit: no guess
        (_step("number", "Odometer reading", unit="km"), None),
        (_step("rating", "Cleanliness", min=1, max=5, low_label="Dirty"), {"below": 3}),
        (_step("rating", "Hygiene rating", min=0, max=5, low_label="Urgent improvement"), {"below": 3}),
        (_step("rating", "Body condition", min=1, max=5, low_label="Emaciated"), None),
        (_step("text", "Any damage? Describe it"), None),
    ],
)
def test_the_obvious_finding_of_each_kind_of_step(step: dict, flag) -> None:
    assert obvious_flag(step) == flag


def test_a_flag_already_set_is_kept_and_the_input_untouched() -> None:
    template = {"sections": [{"steps": [_step("boolean", "Any leaks?") | {"flag": False}]}]}
    assert with_obvious_flags(template) == template
    bare = {"sections": [{"steps": [_step("boolean", "Any leaks?")]}]}
    assert with_obvious_flags(bare)["sections"][0]["steps"][0]["flag"] is True
    assert "flag" not in bare["sections"][0]["steps"][0]


def _steps(slug: str) -> dict[str, dict]:
    template = get_template(slug).template
    return {step["label"]: step for section in template["sections"] for step in section["steps"]}


def test_the_library_flags_what_its_domains_make_obvious() -> None:
    forklift = _steps("forklift-pre-shift")
    status = forklift["Truck status"]
    bad = [o["id"] for o in status["config"]["options"] if o["label"].startswith("Out of service")]
    assert status["flag"] == bad
    assert forklift["Any hydraulic leaks under the truck or on the mast?"]["flag"] is True
    assert forklift["Horn working?"]["flag"] is False
    haccp = _steps("haccp-temperature-log")
    assert haccp["Fridge 1 temperature"]["flag"] == {"below": None, "above": 5}  # normalized: both limits
    assert haccp["Freezer temperature"]["flag"] == {"below": None, "above": -18}
    assert _steps("patient-observations")["Oxygen saturation"]["flag"] == {
        "below": 94,
        "above": None,
    }  # NEWS2: ≤ 93 scores
    flagged = [
        t
        for t in load_library()
        if any(s.get("flag") is not None for g in t.template["sections"] for s in g["steps"])
    ]
    assert len(flagged) == len(load_library())  # every inspection template has at least one finding


def test_the_library_flags_each_yes_no_step_as_the_generator_would() -> None:
    """One rule for both (the module's promise): a library step whose flag disagrees with it is a slip in one."""
    differ = [
        (t.slug, step["label"], step.get("flag"))
        for t in load_library()
        for section in t.template["sections"]
        for step in section["steps"]
        if step["type"] == "boolean" and step.get("flag") != obvious_flag(step)
    ]
    assert differ == []


def test_a_generated_template_flags_its_findings_and_its_runs_count_them(server_process) -> None:
    server, key = server_process
    prompt = (
        "Cold store check: any ice build-up on the evaporator? door seals intact? freezer temperature in °C"
    )
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60) as http:
        generated = http.post("/v1/templates/generate", json={"prompt": prompt})
        assert generated.status_code == 200
        steps = [s for g in generated.json()["sections"] for s in g["steps"]]
        flags = {s["label"]: s["flag"] for s in steps if s.get("flag") is not None}
        assert any(flag is True for flag in flags.values()), flags  # "Any ice build-up…?": yes is a finding
        assert any(flag is False for flag in flags.values()), flags  # "Door seals intact?": no is a finding
        created = http.post("/v1/templates", json=generated.json())
        assert created.status_code == 201
        stored = [s for g in created.json()["sections"] for s in g["steps"]]
        assert {s["label"]: s["flag"] for s in stored if s.get("flag") is not None} == flags
