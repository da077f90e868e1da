"""Issue 16 on PostgreSQL: what a photo's attach and a /sync batch cost the single writer in round trips.

Each round trip is a wake-up of a PostgreSQL backend and of the writer thread, and every write job of the
process waits behind the one running: a photo's attach made seven (a read each, then its writes), and a
/sync batch one more per answer (each event's `RETURNING seq`). Counted here on the writer's connection:
every `execute` that sends, every `executemany` and every `fetch_together` is one.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from server.services import answering, photos
from server.store import events as event_store
from server.store.postgres import PgConn
from server.tdl.device import format_device
from tests.support.executor import NOW, Executor, jpeg
from tests.support.fixtures import Api, make_api, sql

V = {"Tus-Resumable": "1.0.0"}


@pytest.fixture
def pg_api(tmp_path: Path, pg_cluster) -> Iterator[Api]:
    yield from make_api(tmp_path, database_url=pg_cluster.new_database(), media_store="files")


class Trips:
    """The round trips made on the writer's connection while a given write job runs, each named by what sent
    it (the COMMIT that follows a job is the same for every job, and is not counted); without a job, all of
    them, COMMITs included."""

    def __init__(self, monkeypatch, module=None, job_name: str = ""):
        self.made: list[str] = []
        self.inside = module is None
        if module is not None:
            real_job = getattr(module, job_name)

            def job(*args, **kwargs):
                self.inside = True
                try:
                    return real_job(*args, **kwargs)
                finally:
                    self.inside = False

            monkeypatch.setattr(module, job_name, job)
        for name in ("execute", "executemany", "fetch_together"):
            real = getattr(PgConn, name, None)
            if real is None:  # an engine without reads sent together
                continue

            def counted(conn, *args, _real=real, _name=name, **kwargs):
                if self.inside and threading.current_thread().name == "rundun-db-writer":
                    self.made.append(f"{_name} {str(args[0])[:50]}")
                return _real(conn, *args, **kwargs)

            monkeypatch.setattr(PgConn, name, counted)


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def test_a_photo_sent_whole_is_one_round_trip_of_its_write_job(pg_api, monkeypatch):
    """Its reads together (after the blob's lock); its writes go with the COMMIT, the upload's row among them
    (a creation that carries bytes writes no row of its own)."""
    trips = Trips(monkeypatch, photos, "_attach_job")
    ex = Executor.start(pg_api)
    data = jpeg(50_000)
    meta = f"step_id {b64('s-photo')},photo_index {b64('0')},sha256 {b64(hashlib.sha256(data).hexdigest())}"
    headers = {
        **V,
        "Content-Type": "application/offset+octet-stream",
        "Upload-Length": str(len(data)),
        "Upload-Metadata": meta,
    }
    r = ex.call("POST", "/uploads/", content=data, headers=headers)
    assert r.status_code == 201, r.text
    assert len(trips.made) == 1, trips.made
    assert [p["sha256"] for p in ex.state()["photos"]] == [hashlib.sha256(data).hexdigest()]
    history = pg_api.get(f"/v1/runs/{ex.run_id}/history").json()["data"]
    assert [entry["kind"] for entry in history] == ["photo_attached"]


def test_a_photo_that_reports_a_new_device_state_is_still_one_round_trip_of_its_write_job(
    pg_api, monkeypatch
):
    """Issue 16: while a backlog drains, every photo's `Rundun-Device` says a new pending count, and its note
    (riding in the attach's job) read the run, wrote, and read it back: three round trips more a photo,
    ~7% of a drain on PostgreSQL. The note now takes the run as the attach's job holds it, and its writes go
    with the COMMIT; what it records and announces is unchanged."""
    ex = Executor.start(pg_api)
    trips = Trips(monkeypatch)  # the attach's job, its note, and their COMMIT
    data = jpeg(50_000)
    device = {"Rundun-Device": format_device(3, 7_000_000, 1, "rundun-desktop/9")}
    r = ex.call("POST", "/uploads/", content=data, headers={**photo_headers(data), **device})
    assert r.status_code == 201, r.text
    assert [trip.split()[0] for trip in trips.made] == ["fetch_together", "execute"], trips.made  # + COMMIT
    run = pg_api.get(f"/v1/runs/{ex.run_id}").json()
    assert run["status"] == "in_progress"
    assert {k: run["device"][k] for k in ("pending_ops", "pending_bytes", "failed_ops", "app")} == {
        "pending_ops": 3,
        "pending_bytes": 7_000_000,
        "failed_ops": 1,
        "app": "rundun-desktop/9",
    }
    assert run["updated_at"] == run["device"]["last_contact_at"]  # a change moves `updated_at`
    announced = [
        b
        for _, b in pg_api.ctx.db.read(event_store.events_after, pg_api.org["id"], 0)
        if b["event"] == "run.device"
    ]
    assert [(e["data"]["status"], e["data"]["device"]) for e in announced] == [("in_progress", run["device"])]


def test_a_sync_batch_costs_the_same_round_trips_whatever_its_answers(pg_api, monkeypatch):
    """A /sync of one answer and one of fifty make as many round trips: one, its reads together (the run,
    its answers and photos, the ops it has seen); the answers, the events, their webhook deliveries, the
    history entries and the ops go with the COMMIT (issue 16: eight round trips, 22 ms of the writer's
    time for a batch of 250 answers, 9 ms on SQLite)."""
    template = {
        "name": "Readings",
        "sections": [
            {
                "id": "g-readings",
                "title": "Readings",
                "steps": [{"id": f"s-{i}", "type": "number", "label": f"Reading {i}"} for i in range(51)],
            }
        ],
    }
    ex = Executor.start(pg_api, template, webhook={"url": "https://hooks.example.com/rundun"})
    trips = Trips(monkeypatch, answering, "_sync_job")

    def sync_trips(steps: range, tag: str) -> int:
        ops = [{"op_id": f"op-{tag}-{i}", "step_id": f"s-{i}", "value": i, "at": NOW} for i in steps]
        trips.made.clear()
        r = ex.sync(ops)
        assert r.status_code == 200 and {x["status"] for x in r.json()["results"]} == {"applied"}, r.text
        return len(trips.made)

    one = sync_trips(range(1), "a")
    fifty = sync_trips(range(1, 51), "b")
    assert fifty == one == 1, trips.made
    history = pg_api.get(f"/v1/runs/{ex.run_id}/history", params={"per_page": 200}).json()["data"]
    assert [entry["step_id"] for entry in history] == [f"s-{i}" for i in range(51)]
    delivered = sql(  # each event's delivery names that event (its seq, found by the event's id)
        pg_api,
        "SELECT e.body FROM webhook_deliveries d JOIN events e ON e.seq = d.event_seq "
        "WHERE d.run_id = ? AND e.event = 'step.completed' ORDER BY d.event_seq",
        (ex.run_id,),
    )
    assert [json.loads(body)["data"]["step_id"] for (body,) in delivered] == [f"s-{i}" for i in range(51)]


class Sent:
    """Every statement any of the process's PostgreSQL connections sends (its reader's, the writer's, a
    claim's), in order (a deferred one as it is queued, to go with the next)."""

    def __init__(self, monkeypatch):
        self.statements: list[str] = []
        for name in ("execute", "executemany", "fetch_together", "defer"):
            real = getattr(PgConn, name)

            def sent(conn, *args, _real=real, **kwargs):
                first = args[0]
                texts = [sql for sql, _ in first] if isinstance(first, list) else [str(first)]
                self.statements.extend(" ".join(text.split()) for text in texts)
                return _real(conn, *args, **kwargs)

            monkeypatch.setattr(PgConn, name, sent)

    def like(self, *fragments: str) -> list[str]:
        return [s for s in self.statements if any(fragment in s for fragment in fragments)]


def photo_headers(data: bytes) -> dict:
    meta = f"step_id {b64('s-photo')},photo_index {b64('0')},sha256 {b64(hashlib.sha256(data).hexdigest())}"
    return {
        **V,
        "Content-Type": "application/offset+octet-stream",
        "Upload-Length": str(len(data)),
        "Upload-Metadata": meta,
    }


def test_a_photo_sent_whole_makes_no_round_trip_beyond_its_authentication_and_its_attach(pg_api, monkeypatch):
    """Issue 16: a creation that carries a whole photo took the upload's claim (and gave it back), counted the
    run's unfinished uploads in a read of its own, and its commit woke the webhook worker for a pass of two
    reads, on a run with no webhook: five round trips a photo besides its authentication and its attach. The
    count rides with the authentication's read now, the claim waits for a first acknowledged byte (the part
    file's own lock keeps other processes off it until then), and only a commit that wrote a delivery wakes
    the worker."""
    ex = Executor.start(pg_api)
    sent = Sent(monkeypatch)
    data = jpeg(50_000)
    r = ex.call("POST", "/uploads/", content=data, headers=photo_headers(data))
    assert r.status_code == 201, r.text
    assert pg_api.get("/v1/health").status_code == 200  # what the attach's commit woke has run since
    assert sent.like("pg_try_advisory_lock", "pg_advisory_unlock") == []
    assert sent.like("webhook_deliveries") == []
    counts = sent.like("FROM uploads WHERE run_id")
    assert len(counts) == 1 and counts[0].startswith("SELECT id, status"), counts  # the run's, with its count
    assert [p["sha256"] for p in ex.state()["photos"]] == [hashlib.sha256(data).hexdigest()]


def test_a_photo_with_device_news_writes_the_runs_row_once_and_its_uploads_row_once(pg_api, monkeypatch):
    """Issue 16: a photo sent whole wrote its upload's row and then updated it to finished, and its attach
    updated the run's row (progress, status) before its device note updated it again: each an UPDATE of
    every index of the row (the run's has a dozen). Now the upload's row is written finished, and the note's
    UPDATE carries the attach's columns; what they record is unchanged."""
    ex = Executor.start(pg_api)
    sent = Sent(monkeypatch)
    data = jpeg(50_000)
    device = {"Rundun-Device": format_device(3, 7_000_000, 1, "rundun-desktop/9")}
    r = ex.call("POST", "/uploads/", content=data, headers={**photo_headers(data), **device})
    assert r.status_code == 201, r.text
    assert len(sent.like("UPDATE runs ")) == 1, sent.like("UPDATE runs ")
    assert [s.split(" (")[0] for s in sent.like("INTO uploads", "UPDATE uploads")] == ["INSERT INTO uploads"]
    run = pg_api.get(f"/v1/runs/{ex.run_id}").json()
    assert run["status"] == "in_progress" and run["progress"]["answered"] == 1
    assert (run["device"]["pending_ops"], run["device"]["failed_ops"]) == (3, 1)
    head = ex.call("HEAD", "/uploads/" + r.headers["Location"].rsplit("/", 1)[1], headers=V)
    assert head.headers["Upload-Offset"] == head.headers["Upload-Length"] == str(len(data))


def test_a_creation_that_acknowledges_part_of_a_file_claims_the_upload_before_its_row(pg_api, monkeypatch):
    """From its row on, any process may resume the upload: the claim comes first, then the row."""
    ex = Executor.start(pg_api)
    sent = Sent(monkeypatch)
    data = jpeg(50_000)
    r = ex.call("POST", "/uploads/", content=data[:20_000], headers=photo_headers(data))
    assert r.status_code == 201 and r.headers["Upload-Offset"] == "20000", r.text
    order = [s for s in sent.statements if "pg_try_advisory_lock" in s or s.startswith("INSERT INTO uploads")]
    assert [s.split("(")[0] for s in order] == ["SELECT pg_try_advisory_lock", "INSERT INTO uploads "], order
    patch = {**V, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "20000"}
    upload = "/uploads/" + r.headers["Location"].rsplit("/", 1)[1]
    assert ex.call("PATCH", upload, content=data[20_000:], headers=patch).status_code == 204
    assert [p["sha256"] for p in ex.state()["photos"]] == [hashlib.sha256(data).hexdigest()]


def test_a_sync_batchs_rows_reach_postgresql_as_one_statement_a_kind(pg_api, monkeypatch):
    """Its 50 answers, 50 ops, 50 events and 50 history rows, deferred one by one, go as ONE statement each in
    the batch's pipeline (issue 16: first 200 `execute`s, then an `executemany` a kind, whose per-row work on
    the writer thread was most of a batch's COMMIT: 19–33 ms for 250 answers). Counted over the whole batch:
    they go with its COMMIT, each a JSON array PostgreSQL turns into the table's rows. With a webhook on the
    run, each event's delivery goes after the events (one `executemany`), where it split them into 100
    statements of one row."""
    ex = Executor.start(
        pg_api,
        {
            "name": "Readings",
            "sections": [
                {
                    "id": "g-readings",
                    "title": "Readings",
                    "steps": [{"id": f"s-{i}", "type": "number", "label": f"Reading {i}"} for i in range(50)],
                }
            ],
        },
        webhook={"url": "https://hooks.example.com/rundun"},
    )
    trips = Trips(monkeypatch)  # the whole batch, its BEGIN and COMMIT included
    sent: list[str] = []
    for name in ("execute", "executemany"):  # psycopg's `Connection.execute` goes through its cursor's
        real = getattr(psycopg.Cursor, name)

        def counted(self, query, *args, _real=real, _name=name, **kwargs):
            if trips.inside and threading.current_thread().name == "rundun-db-writer":
                sent.append(f"{_name} {' '.join(str(query).split())}")
            return _real(self, query, *args, **kwargs)

        monkeypatch.setattr(psycopg.Cursor, name, counted)
    ops = [{"op_id": f"op-{i}", "step_id": f"s-{i}", "value": i, "at": NOW} for i in range(50)]
    r = ex.sync(ops)
    assert r.status_code == 200 and {x["status"] for x in r.json()["results"]} == {"applied"}, r.text
    # (The webhook worker's own statements may interleave: it runs on the writer too, and its host is fake.)
    batch_tables = ("answers", "events", "run_history", "sync_ops", "webhook_deliveries")
    inserts = [s.split(" (")[0] for s in sent if s.split(" (")[0].endswith(batch_tables)]
    assert sorted(inserts) == [
        *[f"execute INSERT INTO {table}" for table in ("answers", "events", "run_history", "sync_ops")],
        "executemany INSERT INTO webhook_deliveries",
    ], inserts
    assert inserts[-1] == "executemany INSERT INTO webhook_deliveries", inserts  # after the events they name
    for table in ("answers", "sync_ops", "events", "run_history"):
        inserts = [s for s in sent if s.startswith(f"execute INSERT INTO {table} ")]
        assert len(inserts) == 1 and "json_populate_recordset" in inserts[0], (table, sent)
    answers = pg_api.get(f"/v1/runs/{ex.run_id}").json()["answers"]
    assert [answers[f"s-{i}"]["value"] for i in range(50)] == list(range(50))
    history = pg_api.get(f"/v1/runs/{ex.run_id}/history", params={"per_page": 100}).json()["data"]
    assert [entry["step_id"] for entry in history] == [f"s-{i}" for i in range(50)]
    events = sql(
        pg_api,
        "SELECT body FROM events WHERE run_id = ? AND event = 'step.completed' ORDER BY seq",
        (ex.run_id,),
    )
    assert [json.loads(body)["data"]["step_id"] for (body,) in events] == [f"s-{i}" for i in range(50)]
    delivered = sql(  # each event's delivery names that event
        pg_api,
        "SELECT e.body FROM webhook_deliveries d JOIN events e ON e.seq = d.event_seq "
        "WHERE d.run_id = ? AND e.event = 'step.completed' ORDER BY d.event_seq",
        (ex.run_id,),
    )
    assert [json.loads(body)["data"]["step_id"] for (body,) in delivered] == [f"s-{i}" for i in range(50)]
    assert [x["status"] for x in ex.sync(ops[:3]).json()["results"]] == ["duplicate"] * 3  # the ops recorded


@pytest.fixture
def pg_media_api(tmp_path: Path, pg_cluster) -> Iterator[Api]:
    """The server with its photos in PostgreSQL (the default media store there)."""
    yield from make_api(tmp_path, database_url=pg_cluster.new_database(), media_store="postgresql")


class ByConnection:
    """The round trips each PostgreSQL connection makes (an `execute`, `executemany` or `fetch_together`:
    what `defer` queued goes with the next), each as the statements it sent, in order."""

    def __init__(self, monkeypatch):
        self.trips: dict[int, list[list[str]]] = {}
        self.queued: dict[int, list[str]] = {}
        self.order: list[str] = []  # every statement, from every connection, as it was queued or sent
        for name in ("execute", "executemany", "fetch_together", "defer"):
            real = getattr(PgConn, name)

            def sent(conn, *args, _real=real, _name=name, **kwargs):
                first = args[0]
                texts = [sql for sql, _ in first] if isinstance(first, list) else [str(first)]
                texts = [" ".join(text.split()) for text in texts]
                self.order.extend(texts)
                queued = self.queued.setdefault(id(conn), [])
                if _name == "defer":
                    queued.extend(texts)
                else:
                    self.trips.setdefault(id(conn), []).append([*queued, *texts])
                    queued.clear()
                return _real(conn, *args, **kwargs)

            monkeypatch.setattr(PgConn, name, sent)

    def of_connection_sending(self, fragment: str) -> list[list[str]]:
        (trips,) = [t for t in self.trips.values() if any(fragment in s for trip in t for s in trip)]
        return trips


def test_a_photo_kept_in_postgresql_is_four_round_trips_of_its_connection_and_one_wal_flush(
    pg_media_api, monkeypatch
):
    """Issue 16, photos in the database: a photo sent whole made nine round trips on its media connection
    (the part's cut and its sum, a BEGIN, the INSERT, its first bytes read back for the image check, then the
    promote's sum, INSERT, UPDATE and COMMIT) and two WAL flushes (the promote's COMMIT and the attach's).
    Now the cut is one trip, the BEGIN and the UPDATE ride with the next statement, the first bytes are
    kept as they arrive, and the promote's COMMIT leaves the flush to the attach's, which follows it before
    anything is acknowledged (the WAL is flushed in order, so it carries the photo's too)."""
    ex = Executor.start(pg_media_api)
    seen = ByConnection(monkeypatch)
    data = jpeg(50_000)
    r = ex.call("POST", "/uploads/", content=data, headers=photo_headers(data))
    assert r.status_code == 201, r.text
    trips = seen.of_connection_sending("INSERT INTO media_chunks")
    # The upload's claim is taken and given back on that connection: its bytes are written under the claim
    # (server.store.postgres.AdvisoryClaim), where the claim's two trips were a connection of their own.
    claim = [trip for trip in trips if any("advisory" in s for s in trip)]
    media = [trip for trip in trips if trip not in claim]
    assert len(claim) == 2 and len(media) == 4, trips
    assert not any(
        "substr(data" in s for trip in media for s in trip
    )  # the image check's bytes not read back
    promote = media[-1]
    assert promote[0].startswith("UPDATE media_chunks SET owner") and promote[-1] == "COMMIT", promote
    assert "SET LOCAL synchronous_commit = off" in promote
    # The attach's commit, which flushes: after the photo's, on a session that waits for the flush (the test
    # cluster's default is off: the server's own setting is what counts).
    flush_left = seen.order.index("SET LOCAL synchronous_commit = off")
    assert flush_left < next(i for i, s in enumerate(seen.order) if "INTO photos" in s)
    assert [s for s in seen.order if "synchronous_commit" in s] == ["SET LOCAL synchronous_commit = off"]
    assert pg_media_api.ctx.db.read(lambda c: c.execute("SHOW synchronous_commit").fetchone()[0]) == "on"
    assert [p["sha256"] for p in ex.state()["photos"]] == [hashlib.sha256(data).hexdigest()]
    blob = pg_media_api.ctx.media.open_blob(hashlib.sha256(data).hexdigest())
    assert blob is not None and b"".join(blob.chunks()) == data
