"""SPEC §10: the `Rundun-Device` header kept on the run as `device`, in the run, the list and the event stream."""

from __future__ import annotations

import base64

import pytest

from server.store import events as event_store
from server.tdl.device import format_device, parse_device
from tests.support.executor import Executor, dispatch, every_type, jpeg

HEADER = "Rundun-Device"


@pytest.fixture
def ex(api) -> Executor:
    return Executor.start(api, executor_ref="ref-d")


def put(ex: Executor, step_id: str, value, header: str):
    body = {"value": value, "at": "2026-05-22T08:31:00Z"}
    return ex.call("PUT", f"/answers/{step_id}", json=body, headers={HEADER: header})


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def device_of(api, run_id: str) -> dict | None:
    r = api.get(f"/v1/runs/{run_id}")
    assert r.status_code == 200, r.text
    return r.json()["device"]


def test_the_header_round_trips_through_the_shared_format():
    text = format_device(2, 14_000_000, 1, "rundun-desktop/1.4.0")
    assert parse_device(text) == {
        "pending_ops": 2,
        "pending_bytes": 14_000_000,
        "failed_ops": 1,
        "app": "rundun-desktop/1.4.0",
    }


@pytest.mark.parametrize(
    "text, kept",
    [
        ("", {}),
        ("garbage", {}),
        ("pending-ops=-1; pending-bytes=12", {"pending_bytes": 12}),
        ("pending-ops=1.5; failed-ops=x; app=no version", {}),
        ("pending-ops=99999999999999999999", {}),
        ("PENDING-OPS = 3 ;; unknown=1; app=a/1", {"pending_ops": 3, "app": "a/1"}),
        ("pending-ops=٣", {}),  # a non-ASCII digit is not a count
        ("pending-ops=1; " + "x" * 2000, {}),
    ],
)
def test_malformed_fields_are_left_out(text, kept):
    assert parse_device(text) == kept


def test_a_run_never_heard_from_has_no_device(api):
    run_id = dispatch(api, every_type())
    assert device_of(api, run_id) is None
    listed = api.get("/v1/runs").json()["data"]
    assert listed[0]["device"] is None


def test_the_latest_header_is_kept_on_the_run_and_in_the_list(api, ex):
    r = put(ex, "s-bool", True, format_device(3, 5_000_000, 0, "rundun-desktop/1.0"))
    assert r.status_code == 200, r.text
    device = device_of(api, ex.run_id)
    assert device["pending_ops"] == 3 and device["pending_bytes"] == 5_000_000 and device["failed_ops"] == 0
    assert device["app"] == "rundun-desktop/1.0" and device["last_contact_at"].endswith("Z")
    ex.call("GET", "/state", headers={HEADER: format_device(0, 0, 1, "rundun-desktop/1.0")})
    device = device_of(api, ex.run_id)
    assert (device["pending_ops"], device["pending_bytes"], device["failed_ops"]) == (0, 0, 1)
    listed = {row["run_id"]: row for row in api.get("/v1/runs").json()["data"]}
    assert listed[ex.run_id]["device"] == device


def test_a_malformed_header_is_never_an_error_and_keeps_what_was_known(api, ex):
    ex.call("GET", "/state", headers={HEADER: format_device(2, 100, 0, "rundun-desktop/1.0")})
    before = device_of(api, ex.run_id)
    for text in ("nonsense", "pending-ops=lots", "app=", "x" * 5000):
        r = put(ex, "s-bool", True, text)
        assert r.status_code == 200, r.text
    assert device_of(api, ex.run_id) == before
    # one good field among bad ones is kept; the bad ones keep their last value
    ex.call("GET", "/state", headers={HEADER: "pending-ops=0; pending-bytes=-5; app=???"})
    after = device_of(api, ex.run_id)
    assert (
        after["pending_ops"] == 0 and after["pending_bytes"] == 100 and after["app"] == "rundun-desktop/1.0"
    )


def test_a_refused_request_still_counts_as_contact_but_a_bad_token_does_not(api, ex):
    r = ex.call(
        "PUT",
        "/answers/s-num",
        json={"value": "x", "at": "2026-05-22T08:31:00Z"},
        headers={HEADER: format_device(4, 0, 0, "rundun-desktop/1.0")},
    )
    assert r.status_code == 422
    assert device_of(api, ex.run_id)["pending_ops"] == 4
    wrong = api.request(
        "GET",
        f"/v1/runs/{ex.run_id}/state",
        auth=False,
        headers={"Authorization": "Bearer rde_" + "0" * 32, HEADER: format_device(9, 9, 9, "a/1")},
    )
    assert wrong.status_code == 401
    assert device_of(api, ex.run_id)["pending_ops"] == 4


def test_opening_with_the_header_records_the_device(api):
    run_id = dispatch(api, every_type())
    r = api.post(
        f"/v1/runs/{run_id}/open",
        json={},
        auth=False,
        headers={HEADER: format_device(0, 0, 0, "rundun-desktop/2.0")},
    )
    assert r.status_code == 200, r.text
    assert device_of(api, run_id)["app"] == "rundun-desktop/2.0"


def test_waiting_on_device_filters_the_list(api, ex):
    idle = Executor.start(api, executor_ref="ref-idle")
    idle.call("GET", "/state", headers={HEADER: format_device(0, 0, 0, "a/1")})
    ex.call("GET", "/state", headers={HEADER: format_device(2, 10, 0, "a/1")})
    never = dispatch(api, every_type())
    waiting = api.get("/v1/runs", params={"waiting_on_device": "true"}).json()
    assert [row["run_id"] for row in waiting["data"]] == [ex.run_id] and waiting["pagination"]["total"] == 1
    others = {
        row["run_id"] for row in api.get("/v1/runs", params={"waiting_on_device": "false"}).json()["data"]
    }
    assert others == {idle.run_id, never}
    bad = api.get("/v1/runs", params={"waiting_on_device": "maybe"})
    assert bad.status_code == 422


def test_a_change_is_announced_once_as_run_device_and_a_repeat_writes_nothing(api, ex):
    def device_events():
        return [
            b
            for _, b in api.ctx.db.read(event_store.events_after, api.org["id"], 0)
            if b["event"] == "run.device"
        ]

    header = {HEADER: format_device(1, 10, 0, "a/1")}
    ex.call("GET", "/state", headers=header)
    ex.call("GET", "/state", headers=header)  # the same, within a minute: no write, no event
    events = device_events()
    assert len(events) == 1 and events[0]["data"]["device"]["pending_ops"] == 1
    ex.call("GET", "/state", headers={HEADER: format_device(0, 0, 0, "a/1")})
    assert [e["data"]["device"]["pending_ops"] for e in device_events()] == [1, 0]


def test_a_change_moves_updated_at_so_live_monitors_polling_by_it_see_it(api, ex):
    ex.call("GET", "/state", headers={HEADER: format_device(1, 10, 0, "a/1")})
    changed = api.get(f"/v1/runs/{ex.run_id}").json()["updated_at"]
    listed = api.get("/v1/runs", params={"updated_since": changed, "sort": "updated_at"}).json()["data"]
    assert ex.run_id in [row["run_id"] for row in listed]
    assert [row["device"]["pending_ops"] for row in listed if row["run_id"] == ex.run_id] == [1]


def test_each_photo_of_a_drain_reports_what_is_left_on_the_run_and_on_the_stream(api):
    """Issue 16: a photo's note is written by its attach's own job, from the run as that job holds it (no read
    of its own): what it records and announces is the same as any request's, a webhook on the run or not."""
    ex = Executor.start(api, executor_ref="ref-p", webhook={"url": "https://hooks.example.com/rundun"})
    data = [jpeg(40_000 + i) for i in range(2)]  # as many as the step takes
    for i, photo in enumerate(data):
        left = data[i:]
        headers = {
            "Tus-Resumable": "1.0.0",
            "Content-Type": "application/offset+octet-stream",
            "Upload-Length": str(len(photo)),
            "Upload-Metadata": f"step_id {b64('s-photo')},photo_index {b64(str(i))}",
            HEADER: format_device(len(left), sum(map(len, left)), 0, "rundun-desktop/3"),
        }
        r = ex.call("POST", "/uploads/", content=photo, headers=headers)
        assert r.status_code == 201, r.text
    run = api.get(f"/v1/runs/{ex.run_id}").json()
    assert (run["status"], run["device"]["pending_ops"], run["device"]["pending_bytes"]) == (
        "in_progress",
        1,
        len(data[1]),
    )
    assert len(run["answers"]["s-photo"]["photos"]) == 2
    announced = [
        b["data"]
        for _, b in api.ctx.db.read(event_store.events_after, api.org["id"], 0)
        if b["event"] == "run.device"
    ]
    assert [(d["status"], d["executor_ref"], d["device"]["pending_ops"]) for d in announced] == [
        ("in_progress", "ref-p", 2),
        ("in_progress", "ref-p", 1),
    ]
    assert announced[-1]["device"] == run["device"]
    assert api.get(f"/v1/runs/{ex.run_id}/history").json()["data"][-1]["kind"] == "photo_attached"
