"""The local store on its own (a fresh SQLite file per test): migrations and pragmas, one transaction per
action with its outbox op, superseding unsent ops, photo slots and files, the outbox's head, export."""

from __future__ import annotations

import errno
import json
import pathlib
import sqlite3
import time

import pytest

from rundun_desktop import i18n
from rundun_desktop.executor import store as st
from rundun_desktop.executor.store.export import export_failure_words
from tests.support.executor import every_type, jpeg, png

RUN = "r-00000000-0000-4000-8000-000000000001"


@pytest.fixture
def store(tmp_path):
    s = st.LocalStore(tmp_path / "exe")
    s.add_run(
        "http://127.0.0.1:9",
        {
            "run_id": RUN,
            "template": every_type(),
            "status": "pending",
            "expires_at": None,
            "progress": {"total": 12, "answered": 0, "skipped": 0},
            "answers": {},
            "photos": [],
        },
        "rde_" + "0" * 32,
    )
    yield s
    s.close()


def test_schema_is_migrated_once_and_durable_pragmas_are_on(store, tmp_path):
    assert store.schema_version() == len(st.schema_migrations())
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    again = st.LocalStore(tmp_path / "exe")  # reopening applies nothing twice
    assert (
        again.schema_version() == len(st.schema_migrations())
        and again.run(RUN)["template_name"] == "Every type"
    )
    again.close()


def test_an_answer_and_its_op_are_one_commit_and_a_newer_one_supersedes_the_unsent_op(store):
    first = store.set_answer(RUN, "s-num", 12)
    store.set_answer(RUN, "s-bool", True)
    second = store.set_answer(RUN, "s-num", 13.5)
    ops = store.ops(RUN)
    assert [(o.step_id, o.body["value"]) for o in ops] == [("s-bool", True), ("s-num", 13.5)]
    assert first.op_id not in {o.op_id for o in ops} and second.body["at"] > first.body["at"]
    assert store.answers(RUN)["s-num"]["value"] == 13.5
    assert store.pending_totals()[0] == 2


def test_a_pasted_nul_is_dropped_from_a_text_answer_the_server_would_refuse_with_its_batch(store):
    op = store.set_answer(RUN, "s-text", "gate\x00 code")
    assert op.body["value"] == "gate code" and store.answers(RUN)["s-text"]["value"] == "gate code"


def test_answers_never_go_back_in_time_even_when_the_clock_does(store, monkeypatch):
    store.set_answer(RUN, "s-num", 1)
    later = store.answers(RUN)["s-num"]["at"]
    monkeypatch.setattr(time, "time", lambda: 1_000_000.0)  # 1970: the clock stepped back
    op = store.set_answer(RUN, "s-num", 2)
    assert op.body["at"] > later


def test_photos_take_the_first_free_slot_replace_and_free_their_files(store, tmp_path):
    a, b = st.write_photo(store.root, jpeg(500)), st.write_photo(store.root, png(500))
    assert store.add_photo(RUN, "s-photo", a, limit=2)[0] == 0
    assert store.add_photo(RUN, "s-photo", b, limit=2)[0] == 1
    with pytest.raises(st.StoreError, match="at most 2 photos"):
        store.add_photo(RUN, "s-photo", a, limit=2)
    store.remove_photo(RUN, "s-photo", 0)
    assert not (store.root / a.file).exists()  # no row names it any more
    kinds = [(o.kind, o.photo_index) for o in store.ops(RUN)]
    assert kinds == [("photo", 1), ("delete_photo", 0)]  # the unsent upload of slot 0 went with it
    assert store.add_photo(RUN, "s-photo", b, limit=2)[0] == 0
    assert [p["sha256"] for p in store.photos(RUN, "s-photo")] == [b.sha256, b.sha256]


def test_a_chosen_photo_is_noted_until_the_photo_it_becomes_is_kept_and_its_staged_bytes_go_with_it(store):
    """Migration 5: a photo is noted when chosen; keeping it takes the note (and a staged image's bytes) away in
    the same transaction; a run removed takes its notes and their staged bytes with it."""
    [dropped, chosen] = store.note_intake(RUN, "s-photo", [(None, ""), ("/media/card/p1.jpg", "p1.jpg")], 1.0)
    staged = st.stage_bytes(store.root, jpeg(300))
    store.stage_intake(dropped.id, staged)
    assert [(n.id, n.path(store.root)) for n in store.intakes(RUN)] == [
        (dropped.id, store.root / staged),
        (chosen.id, pathlib.Path("/media/card/p1.jpg")),
    ]
    store.add_photo(RUN, "s-photo", st.write_photo(store.root, jpeg(300)), limit=2, intake_id=dropped.id)
    assert [n.id for n in store.intakes(RUN)] == [chosen.id] and not (store.root / staged).exists()
    store.lose_intake(chosen.id, "The photo p1.jpg … was not kept")
    assert store.intakes(RUN) == [] and store.lost_photos(RUN) == {
        "s-photo": ["The photo p1.jpg … was not kept"]
    }
    [again] = store.note_intake(RUN, "s-photo", [(None, "")], 2.0)
    store.stage_intake(again.id, staged := st.stage_bytes(store.root, png(300)))
    store.remove_run(RUN)
    assert not (store.root / staged).exists()
    assert store.conn.execute("SELECT count(*) FROM photo_intake").fetchone()[0] == 0


def test_only_images_the_server_accepts_are_taken(tmp_path):
    with pytest.raises(st.StoreError, match="not a JPEG, PNG, WebP, HEIC or HEIF"):
        st.write_photo(tmp_path, b"GIF89a" + b"\0" * 100)
    with pytest.raises(st.StoreError, match="Cannot read"):
        st.write_photo_file(tmp_path, tmp_path / "missing.jpg")
    with i18n.words_in("es"), pytest.raises(st.StoreError, match="no es una imagen JPEG"):
        st.write_photo(tmp_path, b"GIF89a" + b"\0" * 100)


def test_the_head_is_the_answers_and_photos_before_the_first_other_op_else_that_op(store):
    """Answers and photos commute (issue 16: the engine sends them at once), so the head takes both, each up
    to its limit, as far as the first op of another kind; that op then goes alone, in its place."""
    for i in range(5):
        store.set_answer(RUN, "s-num", i)  # superseded: one op
    store.set_answer(RUN, "s-bool", True)
    store.add_photo(RUN, "s-photo", st.write_photo(store.root, jpeg()))
    store.add_photo(RUN, "s-photo", st.write_photo(store.root, jpeg()))
    store.set_answer(RUN, "s-text", "later")
    store.remove_photo(RUN, "s-photo", 1)  # drops that slot's photo op; its deletion goes last
    store.add_photo(RUN, "s-geo", st.write_photo(store.root, jpeg()))  # after the deletion: waits for it
    shown = [(o.kind, o.step_id) for o in store.head(RUN, 250, 50)]
    assert shown == [("answer", "s-num"), ("answer", "s-bool"), ("photo", "s-photo"), ("answer", "s-text")]
    assert [(o.kind, o.step_id) for o in store.head(RUN, 1, 1)] == [("answer", "s-num"), ("photo", "s-photo")]
    assert [o.kind for o in store.head(RUN, 250)] == ["answer", "answer", "photo", "answer"]
    store.acknowledge(RUN, [o.op_id for o in store.head(RUN, 250, 50)])
    assert [(o.kind, o.photo_index) for o in store.head(RUN, 250, 50)] == [("delete_photo", 1)]
    store.acknowledge(RUN, [o.op_id for o in store.head(RUN, 250, 50)])
    assert [(o.kind, o.step_id) for o in store.head(RUN, 250, 50)] == [("photo", "s-geo")]


def test_complete_queues_last_and_freezes_the_run(store):
    store.set_answer(RUN, "s-num", 1)
    store.request_complete(RUN)
    assert store.run(RUN)["local_state"] == st.COMPLETING
    with pytest.raises(st.StoreError, match="This run is being completed: it takes no more changes"):
        store.set_answer(RUN, "s-num", 2)
    with i18n.words_in("de"), pytest.raises(st.StoreError, match="Dieser Durchlauf wird abgeschlossen"):
        store.set_answer(RUN, "s-num", 2)  # in the app's language (it said "This run is completing" in any)
    assert [o.kind for o in store.ops(RUN)][-1] == "complete"
    store.reopen(RUN, "The server refused …")
    assert store.run(RUN)["local_state"] == st.OPEN and store.run(RUN)["attention"] == "The server refused …"


def test_export_writes_the_answers_and_photo_files(store, tmp_path):
    store.set_answer(RUN, "s-text", "Dent")
    store.add_photo(RUN, "s-photo", st.write_photo(store.root, jpeg(800)))
    path = store.export(RUN, tmp_path / "out")
    doc = json.loads(path.read_text())
    assert doc["answers"]["s-text"]["value"] == "Dent"
    photo = doc["answers"]["s-photo"]["photos"][0]
    assert (path.parent / photo["file"]).read_bytes()[:3] == b"\xff\xd8\xff"
    assert [u["kind"] for u in doc["unsent"]] == ["answer", "photo"]
    assert doc["template"]["name"] == "Every type" and store.integrity_check() == "ok"


def test_an_export_cut_short_leaves_the_earlier_run_json_whole(store, tmp_path, monkeypatch):
    """A disk that fills while `run.json` is written: the export fails, the folder keeps the earlier export's
    `run.json` whole (it used to be left half-written), and no temporary file stays behind."""
    store.set_answer(RUN, "s-text", "First")
    path = store.export(RUN, tmp_path / "out")
    store.set_answer(RUN, "s-text", "Second")
    real_write_text = pathlib.Path.write_text

    def disk_fills(self, data, *args, **kwargs):
        real_write_text(self, data[: len(data) // 2], *args, **kwargs)
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(pathlib.Path, "write_text", disk_fills)
    with pytest.raises(OSError, match="No space left"):
        store.export(RUN, tmp_path / "out")
    monkeypatch.undo()
    assert json.loads(path.read_text())["answers"]["s-text"]["value"] == "First"
    assert sorted(p.name for p in path.parent.iterdir()) == ["photos", "run.json"]
    assert export_failure_words(OSError(errno.ENOSPC, "No space left on device", "/m/run.json")) == (
        "No space left on device: /m/run.json"
    )


def test_resume_hints_and_photo_acknowledgements_commit_without_their_own_fsync(store, tmp_path):
    """Issue 16: `set_upload` and `acknowledge(durable=False)` commit (another connection sees them) with
    `synchronous=NORMAL`, and the connection is back to FULL for every action that follows, even after a
    failed one."""
    _, op = store.add_photo(
        RUN, "s-photo", st.write_photo(tmp_path / "exe", jpeg()), taken_at="2026-05-22T08:31:00+02:00"
    )
    assert op.body["taken_at"] == "2026-05-22T08:31:00+02:00"
    store.set_upload(op.op_id, "http://127.0.0.1:9/v1/runs/x/uploads/upl_1", 0)
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    other = st.LocalStore(tmp_path / "exe")
    assert other.ops(RUN)[0].upload_url.endswith("upl_1")
    with pytest.raises(sqlite3.OperationalError), store.transaction(durable=False) as conn:
        conn.execute("SELECT nothing FROM nowhere")
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    store.acknowledge(RUN, [op.op_id], durable=False)
    assert other.ops(RUN) == [] and store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    other.close()


def test_drafts_are_kept_never_queued_and_go_with_their_answer_or_their_run(store):
    """What a step's input showed and the server never gets: a skip's answer set aside, a refused answer held.
    Kept across a restart (the store), never in the outbox; a real answer replaces them; removing the run
    removes them."""
    store.set_answer(RUN, "s-text", "soak test")
    store.set_answer(RUN, "s-text", None, skipped=True, aside=("soak test", None))
    store.hold(RUN, "s-num", (150, None))
    assert store.drafts(RUN, st.ASIDE) == {"s-text": ("soak test", None)}
    assert store.drafts(RUN, st.HELD) == {"s-num": (150, None)}
    assert [o.body["value"] for o in store.ops(RUN)] == [None]  # the skip; nothing of the drafts
    # The refused one is counted as not saved (the sync bar and the Inbox said all was synced), the aside not.
    assert store.pending_totals()[4] == 1 and store.runs()[0]["unsaved"] == 1
    store.set_answer(RUN, "s-num", 12)  # put right
    store.set_answer(RUN, "s-text", "soak test")  # unticked
    assert store.drafts(RUN, st.HELD) == {} and store.drafts(RUN, st.ASIDE) == {}
    assert store.pending_totals()[4] == 0 and store.runs()[0]["unsaved"] == 0
    store.set_answer(RUN, "s-text", None, skipped=True, aside=("soak test", None))
    store.hold(RUN, "s-num", (150, None))
    store.remove_run(RUN)
    assert store.conn.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0


def test_an_answer_held_on_a_step_a_condition_hides_is_not_counted_not_saved_and_stays_kept(store):
    """'Why not OK?' shows only when 'OK?' is No. An answer held there (its checks refuse it) was counted '1 answer
    not saved' in the sync bar and the Inbox while the step was hidden: the server does not ask for that step
    and never gets what is typed there. It is counted only while the step shows, and kept either way."""
    store.set_answer(RUN, "s-bool", False)
    store.hold(RUN, "s-why", ("far too long", None))
    assert store.pending_totals()[4] == 1 and store.runs()[0]["unsaved"] == 1
    store.set_answer(RUN, "s-bool", True)  # the condition hides the step
    assert store.pending_totals()[4] == 0 and store.runs()[0]["unsaved"] == 0
    assert store.drafts(RUN, st.HELD) == {"s-why": ("far too long", None)}  # kept for when it shows again
    store.set_answer(RUN, "s-bool", False)
    assert store.pending_totals()[4] == 1 and store.runs()[0]["unsaved"] == 1
