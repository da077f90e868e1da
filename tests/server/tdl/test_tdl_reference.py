"""The templates of the public reference validate, normalize canonically and round-trip."""

from __future__ import annotations

import json

import pytest

from server import tdl
from server.tdl import (
    STEP_TYPES,
    NumberConfig,
    PhotoRequirement,
    Template,
    iter_steps,
    normalize_template,
    validate_template,
)


def test_str_turnover_template_validates(str_body):
    t = validate_template(str_body)
    assert isinstance(t, Template)
    assert [(i, j, s.id) for i, j, s in iter_steps(t)] == [
        (0, 0, "s-kc01"),
        (0, 1, "s-kp01"),
        (1, 0, "s-bl01"),
    ]
    assert t.sections[1].steps[0].photo == PhotoRequirement(min=0, max=2)


def test_vehicle_template_validates(vehicle_body):
    t = validate_template(vehicle_body)
    od = t.steps_by_id()["s-od01"]
    assert isinstance(od.config, NumberConfig)
    assert (od.config.unit, od.config.min, od.config.max, od.config.decimal) == ("km", 0, None, 0)
    assert t.steps_by_id()["s-dm02"].condition is not None


def test_normalize_fills_every_default(str_body):
    normal = normalize_template(validate_template(str_body))
    photo_step = normal["sections"][0]["steps"][1]
    assert photo_step == {
        "id": "s-kp01",
        "type": "photo",
        "label": "Photo of clean kitchen",
        "hint": None,
        "required": True,
        "photo": False,
        "geo": False,
        "condition": None,
        "config": {"min": 1, "max": 3},
        "flag": None,
    }
    assert normal["execution"] == {"scope": "any", "identity_required": "none"}
    assert normal["settings"] == {"allow_skip": False, "signature_on_complete": False, "est_minutes": 15}


def test_normalize_minimal_body_fills_configs_and_top_level_defaults(make_body):
    body = make_body(
        {"id": "s-a", "type": "text", "label": "Notes"},
        {"id": "s-b", "type": "rating", "label": "Mood"},
        {
            "id": "s-c",
            "type": "number",
            "label": "Count",
            "condition": {"when": {"step": "s-a", "op": "answered"}},
        },
    )
    normal = normalize_template(validate_template(body))
    assert normal["description"] is None
    assert normal["tags"] == []
    assert normal["settings"] == {"allow_skip": False, "signature_on_complete": False, "est_minutes": None}
    steps = normal["sections"][0]["steps"]
    assert steps[0]["config"] == {"multiline": False, "placeholder": None, "max_length": None}
    assert steps[1]["config"] == {"min": 1, "max": 5, "low_label": None, "high_label": None}
    assert steps[2]["config"] == {"unit": None, "min": None, "max": None, "decimal": None}
    assert steps[2]["condition"] == {"when": {"step": "s-a", "op": "answered", "value": None}}


@pytest.mark.parametrize("step_type", STEP_TYPES)
def test_omitted_config_takes_type_defaults(make_body, step_type):
    step = {"id": "s-x", "type": step_type, "label": "X"}
    if step_type in ("choice", "multi_choice"):
        step["config"] = {"options": [{"id": "o-1", "label": "One"}]}
    normal = normalize_template(validate_template(make_body(step)))
    expected = tdl.CONFIG_MODELS[step_type].model_validate(step.get("config", {})).model_dump()
    assert normal["sections"][0]["steps"][0]["config"] == expected


@pytest.mark.parametrize("fixture", ["str_body", "vehicle_body"])
def test_normalize_is_idempotent_and_json_safe(request, fixture):
    body = request.getfixturevalue(fixture)
    once = normalize_template(validate_template(body))
    twice = normalize_template(validate_template(once))
    assert twice == once
    assert json.loads(json.dumps(once)) == once


def test_normalized_keeps_numbers_as_written(vehicle_body):
    vehicle_body["sections"][0]["steps"][0]["config"]["max"] = 999999.5
    normal = normalize_template(validate_template(vehicle_body))
    config = normal["sections"][0]["steps"][0]["config"]
    assert config["min"] == 0 and isinstance(config["min"], int)
    assert config["max"] == 999999.5


def test_nested_condition_normalizes_idempotently(make_body, make_step):
    body = make_body(
        make_step("s-a", "boolean"),
        make_step("s-b", "choice"),
        make_step(
            "s-c",
            "text",
            condition={
                "when": {
                    "any": [
                        {"step": "s-a", "op": "eq", "value": True},
                        {
                            "all": [
                                {"step": "s-b", "op": "in", "value": ["o-red-b"]},
                                {"step": "s-a", "op": "answered"},
                            ]
                        },
                    ]
                }
            },
        ),
    )
    once = normalize_template(validate_template(body))
    assert once["sections"][0]["steps"][2]["condition"]["when"]["any"][1]["all"][1] == {
        "step": "s-a",
        "op": "answered",
        "value": None,
    }
    assert normalize_template(validate_template(once)) == once


def test_template_instance_is_accepted_by_model_validate_directly(vehicle_body):
    # A Template instance is always valid: the model runs the cross-step rules itself.
    vehicle_body["sections"][0]["steps"][3]["condition"]["when"]["step"] = "s-cl01"
    with pytest.raises(ValueError):
        Template.model_validate(vehicle_body)


def test_json_schema_describes_the_tdl():
    schema = Template.model_json_schema()
    assert "sections" in schema["required"]
    assert "StepCondition" in schema["$defs"] and "ChoiceConfig" in schema["$defs"]
    Template.model_json_schema(mode="serialization")


def test_public_api_names():
    for name in (
        "TdlError",
        "validate_template",
        "normalize_template",
        "Template",
        "Section",
        "Step",
        "Settings",
        "Execution",
        "Option",
        "STEP_TYPES",
        "OPS_BY_TYPE",
        "iter_steps",
        "evaluate_condition",
        "visible_step_ids",
        "hidden_step_ids",
        "check_answer",
        "skip_allowed",
        "compute_progress",
        "completion_problems",
        "path_of",
        "Condition",
        "StepCondition",
        "AllOf",
        "AnyOf",
    ):
        assert hasattr(tdl, name), name
    assert len(STEP_TYPES) == 11
    assert set(tdl.OPS_BY_TYPE) == set(STEP_TYPES)


def test_package_imports_no_http_sql_or_qt():
    import subprocess
    import sys

    code = (
        "import sys, server.tdl; "
        "bad = [m for m in ('fastapi', 'starlette', 'sqlite3', 'sqlite_utils', 'PySide6', 'httpx') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
