"""`GET /v1/stats/runs` (SPEC §14) against a brute-force count of the runs themselves, on random data: any mix
of statuses, zones (half-hour and 45-minute offsets, DST, the date line), week boundaries, versions, findings,
executor references, and a second org whose runs must never count. Rows go in through the store, so the
rollups are kept by the very triggers that keep them in production (status changes included)."""

from __future__ import annotations

import itertools
import math
import zoneinfo
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.store import runs as run_store
from tests.support.fixtures import sql
from tests.support.samples import minimal

STATUSES = ("pending", "in_progress", "completed", "cancelled", "expired")
ZONES = (
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "America/St_Johns",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
)
BASE = datetime(2026, 3, 20, tzinfo=UTC)  # a week before Europe's change to summer time, after America's
FMT = "%Y-%m-%dT%H:%M:%SZ"
RUN_NUMBERS = itertools.count()
# Times to complete that share a bucket of migration 0016 (or sit at its bounds), so the percentiles must rank
# within one bucket, across the whole-day counts and the part days at the ends of the period.
CLUSTERED = (0, 99, 100, 101, 109, 110, 3600, 3600, 3640, 3699, 3700, 86399, 86400)


def make_template(api) -> str:
    r = api.post("/v1/templates", json=minimal())
    assert r.status_code == 201, r.text
    body = minimal()
    body["name"] = "Second version"
    assert api.patch(f"/v1/templates/{r.json()['id']}", json=body).status_code == 200
    return r.json()["id"]


run_specs = st.lists(
    st.tuples(
        st.integers(0, 30 * 24 * 60 - 1),  # minutes after BASE
        st.sampled_from(STATUSES),
        st.integers(0, 3),  # flagged count
        st.one_of(st.integers(0, 3 * 86400), st.sampled_from(CLUSTERED)),  # seconds to complete
        st.sampled_from(["a", "b", None]),  # executor_ref
        st.integers(0, 2),  # which template (2: the other), and its version from the minute
    ),
    max_size=60,
)


def insert(api, org_id: str, templates: list[str], specs) -> None:
    def job(conn) -> None:
        rows = []
        for n, (minutes, _, _, _, ref, which) in enumerate(specs):
            rows.append(
                {
                    "id": f"r-test-{next(RUN_NUMBERS)}",
                    "org_id": org_id,
                    "template_id": templates[which % len(templates)],
                    "template_v": 1 + minutes % 2,
                    "template_name": "x",
                    "executor_ref": ref,
                    "webhook": None,
                    "created_at": (BASE + timedelta(minutes=minutes, seconds=n % 60)).strftime(FMT),
                    "expires_at": None,
                    "progress_total": 1,
                }
            )
        run_store.insert_runs(conn, rows)
        for row, (_, status, flagged, seconds, _, _) in zip(rows, specs, strict=True):
            run_store.set_flags(conn, row["id"], flagged, {})
            if status == "pending":
                continue
            opened = datetime.strptime(row["created_at"], FMT).replace(tzinfo=UTC) + timedelta(minutes=5)
            fields = {"status": "in_progress", "opened_at": opened.strftime(FMT)}
            run_store.update_run(conn, row["id"], fields)  # a status moves twice: the rollups follow
            if status != "in_progress":
                fields = {"status": status}
                if status == "completed":
                    fields["completed_at"] = (opened + timedelta(seconds=seconds)).strftime(FMT)
                run_store.update_run(conn, row["id"], fields)

    api.ctx.db.write_sync(job)


def brute_force(api, org_id: str, first: date, last: date, tz: str, bucket: str, template_id, executor_ref):
    zone = zoneinfo.ZoneInfo(tz)
    rows = sql(
        api,
        "SELECT created_at, status, flagged, opened_at, completed_at, template_id, executor_ref FROM runs "
        "WHERE org_id = ?",
        (org_id,),
    )
    if bucket == "day":
        starts = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    else:
        monday = first - timedelta(days=first.weekday())
        starts = [monday + timedelta(weeks=i) for i in range((last - monday).days // 7 + 1)]

    def empty():
        return {"created": 0, "by_status": dict.fromkeys(STATUSES, 0), "flagged_runs": 0}

    buckets = {s: empty() for s in starts}
    totals = empty()
    seconds = []
    for created, status, flagged, opened, completed, tid, ref in rows:
        if template_id is not None and tid != template_id:
            continue
        if executor_ref is not None and ref != executor_ref:
            continue
        day = datetime.strptime(created, FMT).replace(tzinfo=UTC).astimezone(zone).date()
        if not first <= day <= last:
            continue
        start = day if bucket == "day" else day - timedelta(days=day.weekday())
        for counts in (buckets[start], totals):
            counts["created"] += 1
            counts["by_status"][status] += 1
            counts["flagged_runs"] += flagged > 0
        if status == "completed":
            took = datetime.strptime(completed, FMT) - datetime.strptime(opened, FMT)
            seconds.append(max(0, int(took.total_seconds())))
    seconds.sort()

    def rank(p):
        return seconds[math.ceil(p * len(seconds)) - 1] if seconds else None

    completed = totals["by_status"]["completed"]
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "bucket": bucket,
        "tz": tz,
        "buckets": [{"start": s.isoformat(), **buckets[s]} for s in starts],
        "totals": totals,
        "completion_rate": completed / totals["created"] if totals["created"] else None,
        "time_to_complete_s": {"p50": rank(0.5), "p90": rank(0.9)},
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    specs=run_specs,
    tz=st.sampled_from(ZONES),
    bucket=st.sampled_from(["day", "week"]),
    offset=st.integers(-3, 25),
    days=st.integers(1, 40),
    template_filter=st.sampled_from([None, 0, 2]),
    executor_ref=st.sampled_from([None, "a"]),
)
def test_stats_equal_a_brute_force_count(api, specs, tz, bucket, offset, days, template_filter, executor_ref):
    org = api.second_org()
    templates = [make_template(org), make_template(org)]
    insert(api, org.org["id"], templates, specs)
    insert(api, api.org["id"], [make_template(api)], specs[:5])  # another org: never counted
    first = BASE.date() + timedelta(days=offset)
    last = first + timedelta(days=days - 1)
    params = {"from": first.isoformat(), "to": last.isoformat(), "tz": tz, "bucket": bucket}
    template_id = None if template_filter is None else templates[template_filter % 2]
    if template_id:
        params["template_id"] = template_id
    if executor_ref:
        params["executor_ref"] = executor_ref
    r = org.get("/v1/stats/runs", params=params)
    assert r.status_code == 200, r.text
    expected = brute_force(api, org.org["id"], first, last, tz, bucket, template_id, executor_ref)
    assert r.json() == expected


def test_every_bucket_is_listed_and_weeks_start_on_monday(api):
    r = api.get("/v1/stats/runs", params={"from": "2026-03-04", "to": "2026-03-17", "bucket": "week"})
    assert r.status_code == 200, r.text
    starts = [b["start"] for b in r.json()["buckets"]]
    assert starts == ["2026-03-02", "2026-03-09", "2026-03-16"]  # Mondays, the first one before `from`
    assert all(b["created"] == 0 and b["flagged_runs"] == 0 for b in r.json()["buckets"])
    assert r.json()["completion_rate"] is None
    assert r.json()["time_to_complete_s"] == {"p50": None, "p90": None}
    days = api.get("/v1/stats/runs", params={"from": "2026-02-27", "to": "2026-03-01"}).json()["buckets"]
    assert [b["start"] for b in days] == ["2026-02-27", "2026-02-28", "2026-03-01"]


def test_a_period_in_a_year_before_1000_is_counted_like_any_other(api):
    """Schemathesis found `from=0373-08-30` a 500: the day bounds were formatted with strftime, which writes
    the year 373 as "373" (glibc), a text that neither parses back nor sorts among ISO 8601 stamps."""
    monday = date(373, 8, 30) - timedelta(days=date(373, 8, 30).weekday())
    for bucket, starts in (
        ("day", ["0373-08-30", "0373-08-31", "0373-09-01"]),
        ("week", [monday.isoformat()]),
    ):
        params = {"from": "0373-08-30", "to": "0373-09-01", "bucket": bucket, "tz": "Asia/Tokyo"}
        r = api.get("/v1/stats/runs", params=params)
        assert r.status_code == 200, r.text
        assert [b["start"] for b in r.json()["buckets"]] == starts
        assert (r.json()["from"], r.json()["to"]) == ("0373-08-30", "0373-09-01")


def test_the_default_period_is_the_last_30_days_in_the_zone(api):
    body = api.get("/v1/stats/runs", params={"tz": "Pacific/Kiritimati"}).json()
    today = datetime.now(zoneinfo.ZoneInfo("Pacific/Kiritimati")).date()
    assert body["to"] in (today.isoformat(), (today - timedelta(days=1)).isoformat())  # midnight may pass
    assert len(body["buckets"]) == 30
    assert body["bucket"] == "day" and body["tz"] == "Pacific/Kiritimati"


def test_bad_parameters_are_422_naming_each_and_change_nothing(api):
    cases = [
        ({"from": "2026-05-02", "to": "2026-05-01"}, ["query.from"]),
        ({"from": "2025-01-01", "to": "2026-01-02"}, ["query.to"]),  # 367 days
        ({"bucket": "month"}, ["query.bucket"]),
        ({"tz": "Mars/Olympus"}, ["query.tz"]),
        ({"tz": "../../etc/passwd"}, ["query.tz"]),
        ({"tz": ""}, ["query.tz"]),
        ({"from": "2026-5-1"}, ["query.from"]),
        ({"to": "2026-02-30"}, ["query.to"]),
        (
            {"from": "yesterday", "bucket": "hour", "tz": "Nowhere"},
            ["query.from", "query.bucket", "query.tz"],
        ),
    ]
    for params, paths in cases:
        r = api.get("/v1/stats/runs", params=params)
        assert r.status_code == 422, (params, r.text)
        assert r.json()["error"] == "validation_error"
        assert sorted(d["path"] for d in r.json()["details"]) == sorted(paths), params
    ok = api.get("/v1/stats/runs", params={"from": "2025-01-01", "to": "2026-01-01"})  # 366 days
    assert ok.status_code == 200 and len(ok.json()["buckets"]) == 366


def test_stats_need_an_api_key(api):
    assert api.get("/v1/stats/runs", auth=False).status_code == 401
