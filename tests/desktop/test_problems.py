"""One error type and one place for its words: the app's `ApiClient` and the executor's `ExecutorClient` read
the real server's refusals into the same `ApiError`, worded by `rundun_desktop.problems`."""

from __future__ import annotations

import pytest

from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.executor.protocol import (
    OFFLINE,
    REFUSED,
    REJECTED,
    ExecutorClient,
    ProtocolError,
    new_http,
)
from rundun_desktop.problems import MAX_DETAILS, problem_text, step_problem_lines
from rundun_desktop.widgets.common import error_text
from tests.desktop.conftest import run
from tests.support.samples import minimal


def test_a_refusal_reads_the_same_from_either_client(client, live_server, aloop):
    """The same 422 through the app's client and the executor's: one type, one set of words."""
    bad = {"name": "", "sections": []}
    with pytest.raises(ApiError) as app_side:
        run(aloop, client.create_template(bad))
    http = new_http()
    executor = ExecutorClient(http)
    try:
        with pytest.raises(ProtocolError) as executor_side:
            run(
                aloop,
                executor._send(
                    "POST",
                    f"{live_server.url}/v1/templates",
                    live_server.url,
                    json=bad,
                    headers={"Authorization": f"Bearer {live_server.api_key}"},
                ),
            )
    finally:
        run(aloop, http.aclose())
    mine, theirs = app_side.value, executor_side.value
    assert isinstance(theirs, ApiError) and theirs.kind == REJECTED
    assert (
        (mine.status, mine.code, mine.details)
        == (theirs.status, theirs.code, theirs.details)
        != (422, "", [])
    )
    assert mine.words() == theirs.words() == str(mine) == error_text(mine)
    first = mine.details[0]
    assert mine.words().splitlines()[0] == mine.message
    assert f"• {first['path']}: {first['message']}" in mine.words().splitlines()


def test_a_run_the_server_does_not_know_is_refused_for_good(live_server, aloop):
    http = new_http()
    try:
        with pytest.raises(ProtocolError) as refused:
            run(aloop, ExecutorClient(http).open_run(live_server.url, "run_" + "0" * 26))
    finally:
        run(aloop, http.aclose())
    assert refused.value.status == 404 and refused.value.kind == REFUSED
    assert refused.value.words() == refused.value.message  # no details: the message alone


def test_an_unreachable_server_reads_the_same_from_either_client(aloop):
    dead = "http://127.0.0.1:9"
    api = ApiClient(dead, None, timeout=2)
    http = new_http(timeout=2)
    try:
        with pytest.raises(ApiError) as app_side:
            run(aloop, api.health())
        with pytest.raises(ProtocolError) as executor_side:
            run(aloop, ExecutorClient(http).open_run(dead, "run_" + "0" * 26))
    finally:
        run(aloop, api.close())
        run(aloop, http.aclose())
    assert app_side.value.offline and executor_side.value.offline and executor_side.value.kind == OFFLINE
    assert app_side.value.words() == executor_side.value.words()
    assert app_side.value.words().startswith(f"Cannot reach the server at {dead}")


def test_problem_text_words_each_detail_and_counts_the_rest():
    details = [
        {"path": f"sections.{i}.title", "message": "must not be empty"} for i in range(MAX_DETAILS + 3)
    ]
    details[0] = {"path": "email", "message": "String should match pattern '^[^@ ]+@'"}
    lines = problem_text("The template is not valid.", details).splitlines()
    assert lines[0] == "The template is not valid."
    assert lines[1] == "• email: is not an email address (it looks like name@example.com)"
    assert lines[2] == "• sections.1.title: must not be empty"
    assert len(lines) == 1 + MAX_DETAILS + 1 and lines[-1] == "• and 3 more"
    assert problem_text("Refused.", [{"message": "no path here"}]) == "Refused.\n• no path here"


def test_step_problems_drop_the_value_prefix():
    details = [
        {"path": "value", "message": "is required"},
        {"path": "value.2", "message": "is not one of the options"},
        {"path": "geo.lat", "message": "must be between -90 and 90"},
        {"path": "", "message": "cannot be skipped"},
    ]
    assert step_problem_lines(details) == [
        "is required",
        "2: is not one of the options",
        "Latitude: must be between -90 and 90",
        "cannot be skipped",
    ]


def test_a_locations_problems_name_its_fields_in_words_not_paths(speak):
    """The location's error named its path ("geo.lat: must be a number from -90 to 90"), in English in every
    language, on the step's card and in the server's refusal alike."""
    details = [
        {"path": "geo.lat", "message": "must be a number from -90 to 90"},
        {"path": "geo.lng", "message": "is required"},
        {"path": "geo.accuracy_m", "message": "must be a number of metres, 0 or more, or null"},
    ]
    assert step_problem_lines(details) == [
        "Latitude must be a number from -90 to 90",
        "Longitude is missing",
        "Accuracy must be a number of metres, 0 or more, or empty",
    ]
    refusal = problem_text(
        "Refused.", [{"path": "answers.s-1.geo.lng", "message": "must be a number from -180 to 180"}]
    )
    assert refusal == "Refused.\n• Longitude must be a number from -180 to 180"
    # A step's answer the server refused (on its card): no path at all.
    refused = [{"path": "value", "message": "must be at most 100"}]
    assert problem_text("Refused.", refused, of_answer=True) == "Refused.\n• must be at most 100"
    # A template's own geo problem (for its designer) keeps its path.
    template = {
        "path": "sections.0.steps.1.geo",
        "message": "must be false for an instruction step; it is never answered",
    }
    assert problem_text("Invalid.", [template]).endswith(
        "• sections.0.steps.1.geo: must be false for an instruction step; it is never answered"
    )
    speak("de")
    assert step_problem_lines(details[:1]) == ["Breitengrad muss eine Zahl von -90 bis 90 sein"]


def test_the_app_client_still_returns_bodies(client, aloop):
    created = run(aloop, client.create_template(minimal("Boiler")))
    assert run(aloop, client.delete_template(created["id"])) is None  # 204: no body
