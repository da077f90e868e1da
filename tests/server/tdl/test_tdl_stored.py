"""A template version the server stored is parsed, not judged again (issue 16: a run's first request after a
start parsed its version with every check, 11 ms for 550 steps, before anything else it did)."""

from __future__ import annotations

import pytest

from server.tdl import TdlError, validate_template


@pytest.mark.parametrize("name", ["vehicle_body", "str_body"])
def test_a_stored_body_parses_to_the_very_model_the_full_validation_gives(request, name):
    body = request.getfixturevalue(name)
    stored, checked = validate_template(body, stored=True), validate_template(body)
    assert stored == checked and stored.model_dump() == checked.model_dump()
    assert stored.steps_by_id().keys() == checked.steps_by_id().keys()


def test_a_stored_body_is_not_judged_by_the_cross_checks_again(make_body, make_step):
    """A rule tightened since a version was stored must not make that version, and its runs, unreadable: its
    cross-field and cross-step checks ran when it was stored, and a new body still gets them all."""
    body = make_body(
        make_step("s-a", "number", config={"min": 5, "max": 1}),  # a config's cross-field rule
        make_step("s-a", "text"),  # a cross-step rule: ids unique
    )
    with pytest.raises(TdlError) as refused:
        validate_template(body)
    assert [detail["path"] for detail in refused.value.details] == [
        "sections[0].steps[0].config.min",
        "sections[0].steps[1].id",
    ]
    model = validate_template(body, stored=True)
    assert [step.id for step in model.sections[0].steps] == ["s-a", "s-a"]
    assert model.sections[0].steps[0].config.min == 5


def test_a_stored_body_is_still_parsed_field_by_field(make_body, make_step):
    """What is not a model cannot be used as one: a field of the wrong type fails a stored body too."""
    with pytest.raises(TdlError):
        validate_template(make_body(make_step("s-a", "number", config={"min": "five"})), stored=True)
