"""validate_template reports every structural and semantic problem at once, with its path."""

from __future__ import annotations

import pytest

from server.tdl import TdlError, path_of, validate_template


def test_many_problems_are_all_reported_with_paths(problems):
    body = {
        "name": "",
        "colour": "blue",
        "tags": ["ok", ""],
        "settings": {"allow_skip": "yes", "est_minutes": 0},
        "execution": {"scope": "everyone"},
        "sections": [
            {
                "id": "g-one",
                "title": "One",
                "steps": [
                    {"id": "s-a", "type": "choice", "label": "Pick"},
                    {
                        "id": "s-a",
                        "type": "number",
                        "label": "Count",
                        "photo": True,
                        "config": {"min": 5, "max": 1},
                    },
                    {
                        "id": "s-c",
                        "type": "text",
                        "label": "Notes",
                        "condition": {
                            "when": {
                                "all": [
                                    {"step": "s-d", "op": "eq", "value": 1},
                                    {"step": "s-e", "op": "eq", "value": "x"},
                                ]
                            }
                        },
                    },
                    {
                        "id": "s-d",
                        "type": "photo",
                        "label": "Pics",
                        "photo": {"min": 1, "max": 2},
                        "config": {"min": 4, "max": 2},
                    },
                    {"id": "s-e", "type": "wheel", "label": "?"},
                ],
            },
            {"id": "one", "title": "", "steps": []},
        ],
    }
    found = problems(body)
    assert set(found) == {
        "name",
        "colour",
        "tags[1]",
        "settings.allow_skip",
        "settings.est_minutes",
        "execution.scope",
        "sections[0].steps[0].config.options",
        "sections[0].steps[1].id",
        "sections[0].steps[1].photo",
        "sections[0].steps[1].config.min",
        "sections[0].steps[2].condition.when.all[0].step",
        "sections[0].steps[2].condition.when.all[1].step",
        "sections[0].steps[3].photo",
        "sections[0].steps[3].config.min",
        "sections[0].steps[4].type",
        "sections[1].id",
        "sections[1].title",
        "sections[1].steps",
    }
    assert found["sections[0].steps[1].id"] == [
        "must be unique within the template; also used at sections[0].steps[0]"
    ]
    assert found["colour"] == ["is not a known field (check the spelling)"]
    assert found["sections[0].steps[0].config.options"] == ["is required"]
    assert "comes later" in found["sections[0].steps[2].condition.when.all[0].step"][0]
    assert "must be false for a photo step" in found["sections[0].steps[3].photo"][0]


def test_details_come_in_document_order(invalid):
    body = {
        "name": "T",
        "sections": [
            {"id": "g-1", "title": "A", "steps": [{"id": "s-1", "type": "text", "label": ""}]},
            {"id": "g-2", "title": "B", "steps": [{"id": "s-1", "type": "text", "label": "ok"}]},
        ],
        "junk": 1,
    }
    paths = [d["path"] for d in invalid(body).details]
    assert paths.index("sections[0].steps[0].label") < paths.index("sections[1].steps[0].id")


def test_missing_flag_set_for_absent_required_fields(invalid, make_body):
    error = invalid({"sections": [{"id": "g-1", "title": "A", "steps": [{"id": "s-1", "type": "text"}]}]})
    assert error.missing is True
    assert {"path": "name", "message": "is required"} in error.details
    assert {"path": "sections[0].steps[0].label", "message": "is required"} in error.details


def test_missing_flag_clear_when_everything_is_present_but_invalid(invalid, make_body, make_step):
    error = invalid(make_body(make_step("s-a", "text", label=""), name=""))
    assert error.missing is False
    assert len(error.details) == 2


def test_options_required_by_the_type_are_invalid_not_missing(invalid, make_body, make_step):
    error = invalid(make_body({"id": "s-a", "type": "choice", "label": ""}))
    assert error.missing is False
    assert {d["path"] for d in error.details} == {
        "sections[0].steps[0].label",
        "sections[0].steps[0].config.options",
    }


def test_missing_flag_set_alongside_invalid_fields(invalid, make_body, make_step):
    error = invalid(make_body({"id": "s-a", "type": "choice", "config": {"options": []}}))
    assert error.missing is True
    assert {d["path"] for d in error.details} == {
        "sections[0].steps[0].label",
        "sections[0].steps[0].config.options",
    }


@pytest.mark.parametrize("body", [None, [], "template", 3])
def test_non_object_body(invalid, body):
    error = invalid(body)
    assert error.details == [{"path": "", "message": "must be an object"}]


def test_error_message_summarises_details(invalid, make_body, make_step):
    error = invalid(make_body(make_step("s-a", "text", label="")))
    assert "sections[0].steps[0].label: must not be empty" in str(error)


def test_duplicate_ids_across_kinds(problems, make_body, make_step):
    body = make_body(
        make_step(
            "s-a", "choice", config={"options": [{"id": "o-x", "label": "X"}, {"id": "o-x", "label": "Y"}]}
        ),
        make_step("s-b", "multi_choice", config={"options": [{"id": "o-x", "label": "Z"}]}),
        make_step("s-a", "text"),
    )
    body["sections"].append({"id": "g-main", "title": "Again", "steps": [make_step("s-c", "boolean")]})
    found = problems(body)
    assert found == {
        "sections[0].steps[0].config.options[1].id": [
            "must be unique within the template; also used at sections[0].steps[0].config.options[0]"
        ],
        "sections[0].steps[1].config.options[0].id": [
            "must be unique within the template; also used at sections[0].steps[0].config.options[0]"
        ],
        "sections[0].steps[2].id": ["must be unique within the template; also used at sections[0].steps[0]"],
        "sections[1].id": ["must be unique within the template; also used at sections[0]"],
    }


@pytest.mark.parametrize(
    ("path", "value", "kind"),
    [
        ("section", "s-main", "a section id: 'g-'"),
        ("section", "g-", "a section id"),
        ("step", "o-1", "a step id: 's-'"),
        ("step", "s-" + "x" * 65, "a step id"),
        ("step", "s-a b", "a step id"),
        ("option", "s-opt", "an option id: 'o-'"),
    ],
)
def test_id_prefix_and_pattern(problems, make_body, make_step, path, value, kind):
    body = make_body(make_step("s-a", "choice"))
    target = {
        "section": ("sections[0].id", body["sections"][0]),
        "step": ("sections[0].steps[0].id", body["sections"][0]["steps"][0]),
        "option": (
            "sections[0].steps[0].config.options[0].id",
            body["sections"][0]["steps"][0]["config"]["options"][0],
        ),
    }[path]
    target[1]["id"] = value
    found = problems(body)
    assert list(found) == [target[0]]
    assert found[target[0]][0].startswith(f"must be {kind}")


def test_longest_ids_are_fine(make_body, make_step):
    validate_template(make_body(make_step("s-" + "a" * 64, "text"), name="x"))


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"name": "x" * 201}, "name", "must be at most 200 characters"),
        ({"description": "x" * 2001}, "description", "must be at most 2000 characters"),
        ({"description": 5}, "description", "must be a string"),
        ({"tags": ["t"] * 21}, "tags", "must have at most 20 items"),
        ({"tags": ["x" * 51]}, "tags[0]", "must be at most 50 characters"),
        ({"tags": "STR"}, "tags", "must be a list"),
        ({"settings": {"est_minutes": 1441}}, "settings.est_minutes", "must be at most 1440"),
        ({"settings": {"est_minutes": 2.5}}, "settings.est_minutes", "must be a whole number"),
        (
            {"settings": {"signature_on_complete": 1}},
            "settings.signature_on_complete",
            "must be true or false",
        ),
        (
            {"settings": {"allow_skips": True}},
            "settings.allow_skips",
            "is not a known field (check the spelling)",
        ),
        (
            {"execution": {"identity_required": "admin"}},
            "execution.identity_required",
            "must be one of 'none', 'external' or 'member'",
        ),
        ({"sections": []}, "sections", "must have at least 1 item"),
        ({"sections": {}}, "sections", "must be a list"),
        ({"id": "t-1"}, "id", "is not a known field (check the spelling)"),
    ],
)
def test_top_level_fields(problems, make_body, make_step, change, path, message):
    body = make_body(make_step("s-a", "text"))
    body.update(change)
    assert problems(body) == {path: [message]}


def test_section_limits(problems, make_step):
    steps = [make_step(f"s-{k}", "boolean") for k in range(501)]
    body = {"name": "Big", "sections": [{"id": "g-1", "title": "T" * 201, "steps": steps}]}
    assert problems(body) == {
        "sections[0].title": ["must be at most 200 characters"],
        "sections[0].steps": ["must have at most 500 items"],
    }
    too_many = {
        "name": "Many",
        "sections": [
            {"id": f"g-{k}", "title": "T", "steps": [make_step(f"s-{k}", "time")]} for k in range(101)
        ],
    }
    assert problems(too_many) == {"sections": ["must have at most 100 items"]}


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"label": "x" * 501}, "label", "must be at most 500 characters"),
        ({"hint": 3}, "hint", "must be a string"),
        ({"required": "true"}, "required", "must be true or false"),
        ({"geo": 1}, "geo", "must be true or false"),
        (
            {"photo": True},
            "photo",
            'must be false or {"min": …, "max": …}; true is not allowed, write {"min": 1, "max": 1} to ask for one photo',
        ),
        ({"photo": 2}, "photo", 'must be false or an object {"min": …, "max": …}'),
        ({"photo": {"min": 3, "max": 2}}, "photo.min", "must not be greater than max (2)"),
        ({"photo": {"min": 0, "max": 0}}, "photo.max", "must be at least 1"),
        ({"photo": {"min": 0, "max": 21}}, "photo.max", "must be at most 20"),
        ({"photo": {"min": -1, "max": 2}}, "photo.min", "must be at least 0"),
        ({"photo": {"max": 2}}, "photo.min", "is required"),
        (
            {"photo": {"min": 0, "max": 2, "count": 1}},
            "photo.count",
            "is not a known field (check the spelling)",
        ),
        ({"type": "Boolean"}, "type", None),
        ({"condition": {"step": "s-a"}}, "condition.when", "is required"),
        ({"config": []}, "config", "must be an object"),
    ],
)
def test_step_fields(problems, make_body, make_step, change, path, message):
    body = make_body(make_step("s-a", "boolean", **change))
    found = problems(body)
    full = f"sections[0].steps[0].{path}"
    assert full in found
    if message is not None:
        assert found[full] == [message]


def test_unknown_type_message_lists_types(problems, make_body):
    found = problems(make_body({"id": "s-a", "type": "slider", "label": "x", "config": {"max": 3}}))
    assert list(found) == ["sections[0].steps[0].type"]
    assert "'multi_choice'" in found["sections[0].steps[0].type"][0]


def test_condition_on_photo_field_with_true_and_other_problems_all_reported(problems, make_body, make_step):
    body = make_body(
        make_step("s-a", "number", photo=True, config={"min": 3, "max": 1, "decimal": 7, "typo": 1})
    )
    found = problems(body)
    assert set(found) == {
        "sections[0].steps[0].photo",
        "sections[0].steps[0].config.min",
        "sections[0].steps[0].config.decimal",
        "sections[0].steps[0].config.typo",
    }


@pytest.mark.parametrize("step_type", ["photo", "signature", "instruction"])
def test_step_photo_must_be_false_for_photo_signature_instruction(problems, make_body, make_step, step_type):
    found = problems(make_body(make_step("s-a", step_type, photo={"min": 0, "max": 1})))
    assert list(found) == ["sections[0].steps[0].photo"]
    article = "an" if step_type == "instruction" else "a"
    assert found["sections[0].steps[0].photo"][0].startswith(f"must be false for {article} {step_type} step")


def test_instruction_step_cannot_ask_for_geo(problems, make_body, make_step):
    found = problems(make_body(make_step("s-a", "instruction", geo=True)))
    assert found == {
        "sections[0].steps[0].geo": ["must be false for an instruction step; it is never answered"]
    }


@pytest.mark.parametrize(
    ("loc", "path"),
    [
        ((), ""),
        (("name",), "name"),
        (("sections", 0, "steps", 12, "config", "options"), "sections[0].steps[12].config.options"),
        (("body", "sections", 3), "body.sections[3]"),
        ((0, "x"), "[0].x"),
        (["answers", "s-od01"], "answers.s-od01"),
    ],
)
def test_path_of(loc, path):
    assert path_of(loc) == path


def test_tdl_error_carries_details_and_missing():
    error = TdlError([{"path": "name", "message": "is required"}], missing=True)
    assert error.details[0]["path"] == "name" and error.missing is True
    assert isinstance(error, Exception)


def test_model_validation_errors_translate_with_missing_flag(make_body, make_step):
    # Template.model_validate on its own reports semantic problems too, keeping the missing flag.
    from pydantic import ValidationError

    from server.tdl import Template
    from server.tdl.errors import problems_from_validation_error

    body = make_body(
        make_step("s-a", "boolean"), make_step("s-b", "text", condition={"when": {"step": "s-a", "op": "eq"}})
    )
    with pytest.raises(ValidationError) as caught:
        Template.model_validate(body)
    (problem,) = problems_from_validation_error(caught.value)
    assert problem.loc == ("sections", 0, "steps", 1, "condition", "when", "value")
    assert problem.message == "is required for 'eq'"
    assert problem.missing is True
