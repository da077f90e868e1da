"""Fixtures for the TDL tests: the two templates of the public reference, and small builders."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

# The request body of POST /v1/templates in reference/rundun-templates.txt, verbatim.
STR_TURNOVER: dict[str, Any] = {
    "name": "STR turnover check",
    "description": "Cleaning and preparation checklist for short-term rental turnover",
    "tags": ["STR", "cleaning"],
    "settings": {"allow_skip": False, "signature_on_complete": False, "est_minutes": 15},
    "sections": [
        {
            "id": "g-kit1",
            "title": "Kitchen",
            "steps": [
                {
                    "id": "s-kc01",
                    "type": "boolean",
                    "label": "Dishes washed and put away?",
                    "required": True,
                    "photo": False,
                    "geo": False,
                    "config": {"true_label": "Yes", "false_label": "No"},
                },
                {
                    "id": "s-kp01",
                    "type": "photo",
                    "label": "Photo of clean kitchen",
                    "required": True,
                    "config": {"min": 1, "max": 3},
                },
            ],
        },
        {
            "id": "g-bed1",
            "title": "Bedroom",
            "steps": [
                {
                    "id": "s-bl01",
                    "type": "boolean",
                    "label": "Fresh linen on all beds?",
                    "required": True,
                    "photo": {"min": 0, "max": 2},
                    "geo": False,
                    "config": {"true_label": "Yes", "false_label": "No"},
                }
            ],
        },
    ],
    "execution": {"scope": "any", "identity_required": "none"},
}

# The response of POST /v1/templates/generate in the same page, verbatim.
VEHICLE_INSPECTION: dict[str, Any] = {
    "name": "Vehicle pre-rental inspection",
    "description": "Pre-rental condition check before handing keys to customer",
    "tags": ["vehicle", "rental", "inspection"],
    "settings": {"allow_skip": False, "signature_on_complete": True, "est_minutes": 5},
    "sections": [
        {
            "id": "g-ext1",
            "title": "Exterior",
            "steps": [
                {
                    "id": "s-od01",
                    "type": "number",
                    "label": "Odometer reading",
                    "hint": None,
                    "required": True,
                    "photo": False,
                    "geo": False,
                    "config": {"unit": "km", "min": 0, "decimal": 0},
                },
                {
                    "id": "s-fu01",
                    "type": "choice",
                    "label": "Fuel level",
                    "required": True,
                    "photo": False,
                    "geo": False,
                    "config": {
                        "options": [
                            {"id": "o-fu1", "label": "Full"},
                            {"id": "o-fu2", "label": "3/4"},
                            {"id": "o-fu3", "label": "1/2"},
                            {"id": "o-fu4", "label": "1/4"},
                        ]
                    },
                },
                {
                    "id": "s-dm01",
                    "type": "boolean",
                    "label": "Any pre-existing damage?",
                    "required": True,
                    "photo": False,
                    "geo": False,
                    "config": {"true_label": "Yes", "false_label": "No"},
                },
                {
                    "id": "s-dm02",
                    "type": "text",
                    "label": "Describe the damage",
                    "required": True,
                    "photo": {"min": 1, "max": 6},
                    "geo": False,
                    "condition": {"when": {"step": "s-dm01", "op": "eq", "value": True}},
                    "config": {"multiline": True, "placeholder": "Location and description"},
                },
            ],
        },
        {
            "id": "g-int1",
            "title": "Interior",
            "steps": [
                {
                    "id": "s-cl01",
                    "type": "rating",
                    "label": "Interior cleanliness",
                    "required": True,
                    "photo": {"min": 0, "max": 3},
                    "geo": False,
                    "config": {"min": 1, "max": 5, "low_label": "Very dirty", "high_label": "Spotless"},
                }
            ],
        },
    ],
    "execution": {"scope": "any", "identity_required": "none"},
}

CHOICE_OPTIONS = [
    {"id": "o-red", "label": "Red"},
    {"id": "o-green", "label": "Green"},
    {"id": "o-blue", "label": "Blue"},
]

# A config that validates for each type, for building steps of any type.
SAMPLE_CONFIGS: dict[str, dict[str, Any]] = {
    "boolean": {},
    "number": {"min": 0, "max": 100, "decimal": 1},
    "text": {"max_length": 20},
    "choice": {"options": CHOICE_OPTIONS},
    "multi_choice": {"options": CHOICE_OPTIONS, "min_selected": 1, "max_selected": 2},
    "rating": {"min": 1, "max": 5},
    "photo": {"min": 2, "max": 4},
    "date": {"min": "2026-01-01", "max": "2026-12-31"},
    "time": {},
    "signature": {},
    "instruction": {"body": "Read this first."},
}


def _step(step_id: str, step_type: str, label: str | None = None, **fields: Any) -> dict[str, Any]:
    """A step dict; options of choice steps get ids prefixed with the step id so they stay unique."""
    body: dict[str, Any] = {
        "id": step_id,
        "type": step_type,
        "label": f"Step {step_id}" if label is None else label,
    }
    if "config" not in fields:
        config = copy.deepcopy(SAMPLE_CONFIGS[step_type])
        if "options" in config:
            suffix = step_id[2:]
            config["options"] = [{**o, "id": f"{o['id']}-{suffix}"} for o in config["options"]]
        body["config"] = config
    body.update(fields)
    return body


def _body(*steps: dict[str, Any], **top: Any) -> dict[str, Any]:
    """A one-section template body holding `steps`."""
    body: dict[str, Any] = {
        "name": "Test template",
        "sections": [{"id": "g-main", "title": "Main", "steps": list(steps)}],
    }
    body.update(top)
    return body


@pytest.fixture
def str_body() -> dict[str, Any]:
    return copy.deepcopy(STR_TURNOVER)


@pytest.fixture
def vehicle_body() -> dict[str, Any]:
    return copy.deepcopy(VEHICLE_INSPECTION)


@pytest.fixture
def make_step() -> Callable[..., dict[str, Any]]:
    return _step


@pytest.fixture
def make_body() -> Callable[..., dict[str, Any]]:
    return _body


def _invalid(body: Any) -> Any:
    """The TdlError that validating `body` raises (fails the test when it validates)."""
    from server.tdl import TdlError, validate_template

    with pytest.raises(TdlError) as caught:
        validate_template(body)
    return caught.value


@pytest.fixture
def invalid() -> Callable[[Any], Any]:
    return _invalid


def by_path(error: Any) -> dict[str, list[str]]:
    """{path: [messages]} of a TdlError."""
    out: dict[str, list[str]] = {}
    for detail in error.details:
        out.setdefault(detail["path"], []).append(detail["message"])
    return out


@pytest.fixture
def problems(invalid: Callable[[Any], Any]) -> Callable[[Any], dict[str, list[str]]]:
    """body → {path: [messages]} of the TdlError it raises."""
    return lambda body: by_path(invalid(body))
