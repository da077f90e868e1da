"""The offline executor against the REAL server process (SPEC §8):

- the server stopped while an executor answers everything and attaches photos in the real runner: nothing
  lost, all queued; the server back: everything synced once and `run.completed` delivered;
- the server SIGKILLed mid-photo: the upload resumes from the server's `Upload-Offset` on the same upload;
- the sync engine in a subprocess SIGKILLed at random moments, 200+ times: after the last restart every
  confirmed answer is on the server with its latest value, no photo is duplicated, and the local store
  passes `PRAGMA integrity_check`.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt

from rundun_desktop.executor import store as st
from rundun_desktop.executor.opening import open_into
from rundun_desktop.executor.sync import SyncConfig, SyncEngine
from tests.desktop.conftest import (  # noqa: F401 - the qasync loop fixture; English plurals ("13 changes")
    aloop,
    english_plurals,
    run,
    wait_until,
)
from tests.desktop.executor.conftest import activate, drop
from tests.desktop.executor_sim import image_bytes
from tests.support.org import Org
from tests.support.receiver import Receiver
from tests.support.server_process import ServerProcess, init_org

pytestmark = pytest.mark.e2e
WORKER = Path(__file__).with_name("offline_worker.py")
FAST = SyncConfig(backoff_base=0.05, backoff_cap=0.5, probe_interval=0.1, chunk_size=64 * 1024)
ENV = {
    "RUNDUN_RATE_LIMIT": "1000000",
    "RUNDUN_WEBHOOK_ALLOW_PRIVATE": "1",
    "RUNDUN_WEBHOOK_RETRY_SCHEDULE": "0.2,0.5,1",
}


class Server(Org):
    """The real server process plus the org's client, restartable on the same port and data dir."""

    def __init__(self, data_dir: Path, db_env: dict | None = None):
        self.key = init_org(data_dir, env=db_env)
        self.process = ServerProcess(data_dir, env={**ENV, **(db_env or {})}).start()
        super().__init__(self.process.url, self.key)

    def close(self) -> None:
        self.http.close()
        self.process.stop()


@pytest.fixture
def server(tmp_path, db_env):
    (tmp_path / "server").mkdir()
    s = Server(tmp_path / "server", db_env)
    yield s
    s.close()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def served_shas(doc: dict, step_id: str) -> dict[int, str]:
    return {p["photo_index"]: p["sha256"] for p in doc["answers"].get(step_id, {}).get("photos", [])}


# -- the runner, offline then online -------------------------------------------------------------------------------
EVERYTHING = {
    "name": "Van check",
    "settings": {"signature_on_complete": True},
    "sections": [
        {
            "id": "g-1",
            "title": "Outside",
            "steps": [
                {"id": "s-ok", "type": "boolean", "label": "Bodywork OK?"},
                {
                    "id": "s-why",
                    "type": "text",
                    "label": "What is wrong?",
                    "config": {"multiline": True},
                    "condition": {"when": {"step": "s-ok", "op": "eq", "value": False}},
                },
                {
                    "id": "s-km",
                    "type": "number",
                    "label": "Odometer",
                    "config": {"unit": "km", "min": 0, "decimal": 0},
                },
                {
                    "id": "s-pics",
                    "type": "photo",
                    "label": "Photos of each side",
                    "config": {"min": 2, "max": 4},
                },
            ],
        },
        {
            "id": "g-2",
            "title": "Inside",
            "steps": [
                {
                    "id": "s-fuel",
                    "type": "choice",
                    "label": "Fuel",
                    "config": {
                        "options": [{"id": "o-full", "label": "Full"}, {"id": "o-half", "label": "Half"}]
                    },
                },
                {"id": "s-clean", "type": "rating", "label": "Clean", "config": {"min": 1, "max": 5}},
                {"id": "s-day", "type": "date", "label": "Day"},
                {"id": "s-time", "type": "time", "label": "Time"},
                {
                    "id": "s-damage",
                    "type": "multi_choice",
                    "label": "Damage",
                    "config": {
                        "options": [
                            {"id": "o-dent", "label": "Dent"},
                            {"id": "o-scratch", "label": "Scratch"},
                        ]
                    },
                },
            ],
        },
    ],
}


def test_server_down_while_answering_everything_then_back_syncs_once_and_completes(
    server,
    aloop,  # noqa: F811 - the fixture imported above
    qtbot,
    tmp_path,
):
    from rundun_desktop.executor import ExecutorPage

    receiver = Receiver().start()
    try:
        link = server.dispatch(EVERYTHING, webhook={"url": receiver.url()})
        page = ExecutorPage(None, data_dir=tmp_path / "exe", sync_config=FAST)
        qtbot.addWidget(page)
        page.resize(1100, 860)
        page.show()
        run_id = run(aloop, page.open_link(link))
        assert run_id and page.stack.currentWidget() is page.runner_view

        server.process.stop()  # the network is gone from here on
        runner = page.runner
        cards = runner.cards
        qtbot.mouseClick(cards["s-ok"].input.buttons[False], Qt.MouseButton.LeftButton)
        wait_until(aloop, lambda: cards["s-why"].isVisible(), 5)
        cards["s-why"].input.commit_text("Dent on the left door")
        cards["s-km"].input.commit_text("48211")
        files = []
        for i, colour in enumerate(("#c92a2a", "#2b8a3e", "#1864ab")):
            path = tmp_path / f"side{i}.jpg"
            path.write_bytes(image_bytes(colour, size=(900, 600)))
            files.append(path)
        drop(cards["s-pics"].photos, files[:2])  # dropped in, as from a file manager
        wait_until(aloop, lambda: len(cards["s-pics"].photos.thumbs) == 2, 10)
        cards["s-pics"].photos.files_added.emit([str(files[2])])  # "Add photos…"
        wait_until(aloop, lambda: len(cards["s-pics"].photos.thumbs) == 3, 10)

        activate(qtbot, page)
        qtbot.keyClick(page.runner_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert runner.current == 1
        cards["s-fuel"].input.radios["o-half"].click()
        qtbot.mouseClick(cards["s-clean"].input.buttons[4], Qt.MouseButton.LeftButton)
        cards["s-day"].input.commit_text("2026-05-22")
        cards["s-time"].input.commit_text("8:31")
        cards["s-damage"].input.boxes["o-dent"].click()
        signature = cards[st.SIGNATURE_STEP].signature
        signature.typed.setText("Ada Lovelace")
        signature.pad.set_typed("Ada Lovelace")
        qtbot.mouseClick(signature.save_button, Qt.MouseButton.LeftButton)
        run(aloop, runner.settle())
        assert runner.completion_problems() == []
        activate(qtbot, page)
        qtbot.keyClick(page.runner_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert page.runner_view.confirm_complete.isVisible()
        qtbot.mouseClick(page.runner_view.confirm_complete.ok, Qt.MouseButton.LeftButton)
        run(aloop, runner.settle())

        # Offline: everything is committed here and queued, nothing lost.
        store = st.LocalStore(tmp_path / "exe")
        answers = store.answers(run_id)
        assert answers["s-why"]["value"] == "Dent on the left door" and answers["s-km"]["value"] == 48211
        assert answers["s-time"]["value"] == "08:31" and answers["s-damage"]["value"] == ["o-dent"]
        assert len(answers["s-pics"]["photos"]) == 3 and len(answers[st.SIGNATURE_STEP]["photos"]) == 1
        kinds = Counter(op.kind for op in store.ops(run_id))
        assert kinds == {"answer": 8, "photo": 3, "signature": 1, "complete": 1}, kinds
        bar = page.sync_bar
        wait_until(
            aloop,
            lambda: bar.words.text().startswith("Offline · 13 changes waiting") and bar.error.text(),
            10,
        )
        assert "Cannot reach the server" in bar.error.text()
        assert "Completed on this computer" in page.runner_view.banner.text()

        server.process.start()  # back on the same port: the engine's probe notices and sends everything
        wait_until(aloop, lambda: store.run(run_id)["local_state"] == st.COMPLETED, 30)
        assert store.ops(run_id) == []
        wait_until(aloop, lambda: "Completed and sent" in page.runner_view.banner.text(), 10)
        doc = server.run_doc(run_id)
        assert doc["status"] == "completed"
        assert {k: v["value"] for k, v in doc["answers"].items() if v["value"] is not None} == {
            "s-ok": False,
            "s-why": "Dent on the left door",
            "s-km": 48211,
            "s-fuel": "o-half",
            "s-clean": 4,
            "s-day": "2026-05-22",
            "s-time": "08:31",
            "s-damage": ["o-dent"],
        }
        assert set(served_shas(doc, "s-pics").values()) == {sha(f.read_bytes()) for f in files}
        assert doc["signature"]["sha256"] == answers[st.SIGNATURE_STEP]["photos"][0]["sha256"]
        events = receiver.wait_for(lambda got: any(r.json["event"] == "run.completed" for r in got), 15)
        names = Counter(r.json["event"] for r in events if 200 <= r.status < 300)
        assert names["run.completed"] == 1
        steps = Counter(r.json["data"]["step_id"] for r in events if r.json["event"] == "step.completed")
        assert set(steps.values()) == {1} and len(steps) == 8  # each answer applied exactly once
        assert store.integrity_check() == "ok"
        store.close()
        run(aloop, page.aclose())
    finally:
        receiver.stop()


# -- the server killed mid-photo -----------------------------------------------------------------------------------
PHOTO = {
    "name": "One photo",
    "sections": [
        {
            "id": "g-1",
            "title": "Main",
            "steps": [{"id": "s-photo", "type": "photo", "label": "Meter", "config": {"min": 1, "max": 1}}],
        }
    ],
}


def test_server_killed_mid_photo_the_upload_resumes_from_the_servers_offset(server, tmp_path):
    root = tmp_path / "exe"
    run_id = asyncio.run(open_into(root, server.dispatch(PHOTO)))
    data = b"\xff\xd8\xff\xe0" + os.urandom(6 * 1024 * 1024)
    store = st.LocalStore(root)
    store.add_photo(run_id, "s-photo", st.write_photo(root, data), 0)

    async def scenario() -> list[dict]:
        events: list[dict] = []
        midway = asyncio.Event()

        def listen(event: str, payload) -> None:
            if event == "upload":
                events.append(payload)
                if payload["offset"] >= 1024 * 1024:
                    midway.set()

        engine = SyncEngine(
            root,
            config=SyncConfig(chunk_size=64 * 1024, backoff_base=0.05, backoff_cap=0.3, probe_interval=0.1),
            listener=listen,
        )
        engine.start()
        await asyncio.wait_for(midway.wait(), 30)
        await asyncio.to_thread(server.process.kill)  # SIGKILL mid-file
        killed_at = events[-1]["offset"]
        assert killed_at < len(data)
        await asyncio.sleep(0.5)
        assert engine.status.online is False
        await asyncio.to_thread(server.process.start)
        assert await engine.drain(30)
        await engine.stop()
        return events

    events = asyncio.run(scenario())
    resumed = [e for e in events if e["resumed"]]
    assert len(resumed) == 1, resumed
    first_url = events[0]["url"]
    assert resumed[0]["url"] == first_url  # the same tus upload, not a new one
    acknowledged_before = max(e["offset"] for e in events[: events.index(resumed[0])])
    # It resumes where the server's HEAD says (what it had fsynced), never from zero.
    assert 0 < resumed[0]["offset"] <= acknowledged_before + 64 * 1024
    after = [e["offset"] for e in events[events.index(resumed[0]) + 1 :]]
    assert after[0] == resumed[0]["offset"] + 64 * 1024 or after[0] == len(data)
    doc = server.run_doc(run_id)
    assert served_shas(doc, "s-photo") == {0: sha(data)}
    state = httpx.get(
        f"{server.process.url}/v1/runs/{run_id}/state",
        headers={"Authorization": f"Bearer {store.run(run_id)['token']}"},
    ).json()
    assert state["uploads"] == []  # finished, and no second upload was ever started
    assert store.ops(run_id) == [] and store.integrity_check() == "ok"
    store.close()


# -- 200+ SIGKILLs of the sync engine ------------------------------------------------------------------------------
NUMBERS, PHOTO_STEPS, SLOTS = 30, 3, 3
KILLS = 200


def kill_template() -> dict:
    steps = [{"id": f"s-n{i}", "type": "number", "label": f"Reading {i}"} for i in range(NUMBERS)]
    steps += [
        {"id": f"s-p{i}", "type": "photo", "label": f"Photo {i}", "config": {"min": 1, "max": SLOTS}}
        for i in range(PHOTO_STEPS)
    ]
    return {"name": "Kill loop", "sections": [{"id": "g-1", "title": "All", "steps": steps}]}


def kill_plan(
    run_id: str, folder: Path, rng: random.Random, answers: int = 1500, photos: int = 60
) -> list[dict]:
    files = []
    for i in range(10):
        path = folder / f"photo{i}.jpg"
        path.write_bytes(b"\xff\xd8\xff\xe0" + rng.randbytes(rng.randint(150_000, 300_000)))
        files.append(str(path))
    plan = [{"kind": "answer", "step": f"s-n{i}", "value": rng.randint(0, 10_000)} for i in range(NUMBERS)]
    plan += [
        {"kind": "photo", "step": f"s-p{i}", "index": 0, "file": rng.choice(files)}
        for i in range(PHOTO_STEPS)
    ]
    rest = [
        {"kind": "answer", "step": f"s-n{rng.randrange(NUMBERS)}", "value": rng.randint(0, 10_000)}
        for _ in range(answers - NUMBERS)
    ]
    rest += [
        {
            "kind": "photo",
            "step": f"s-p{rng.randrange(PHOTO_STEPS)}",
            "index": rng.randrange(SLOTS),
            "file": rng.choice(files),
        }
        for _ in range(photos - PHOTO_STEPS)
    ]
    rng.shuffle(rest)
    for action in plan + rest:
        action["run_id"] = run_id
    return plan + rest


def expected_state(plan: list[dict]) -> tuple[dict, dict]:
    values: dict[str, int] = {}
    slots: dict[str, dict[int, str]] = {}
    for action in plan:
        if action["kind"] == "answer":
            values[action["step"]] = action["value"]
        else:
            slots.setdefault(action["step"], {})[action["index"]] = sha(Path(action["file"]).read_bytes())
    return values, slots


class Zygote:
    def __init__(self, root: Path, plan_file: Path, log: Path):
        with open(log, "ab") as errors:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(
                [sys.executable, str(WORKER), str(root), str(plan_file)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
            )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.confirmed = -1
        self.resumed: list[str] = []
        self.uploading = False  # an upload reported partly sent since the last `go`

    def _read(self) -> None:
        for raw in self.proc.stdout:
            self.lines.put(raw.decode().strip())

    def go(self, complete: bool = False) -> int:
        self.uploading = False
        self.proc.stdin.write(f"go {self.confirmed + 1}{' complete' if complete else ''}\n".encode())
        self.proc.stdin.flush()
        return int(self.expect("pid").split()[1])

    def expect(self, word: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            if self._note(line) and line.startswith(word):
                return line

    def drain_for(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                self._note(self.lines.get(timeout=left))
            except queue.Empty:
                return

    def _note(self, line: str) -> bool:
        if line.startswith("confirmed "):
            self.confirmed = max(self.confirmed, int(line.split()[1]))
        elif line.startswith("resumed "):
            self.resumed.append(line)
        elif line.startswith("uploading "):
            self.uploading = True
        return True

    def drain_until_uploading(self, timeout: float) -> None:
        """Read lines until the worker reports a photo partly sent (or `timeout`: its plan may have no
        photo left to send)."""
        deadline = time.monotonic() + timeout
        while not self.uploading and (left := deadline - time.monotonic()) > 0:
            try:
                self._note(self.lines.get(timeout=left))
            except queue.Empty:
                return

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(10)


@pytest.mark.timeout(300)  # about 40 s here; room for a loaded machine
# SQLite only: what it kills 200 times is the desktop's sync engine; the server side (op ids applied once)
# runs on PostgreSQL in the other tests of this file and in tests/server/test_executor_answers.py.
@pytest.mark.sqlite_only
def test_sync_engine_sigkilled_200_times_loses_and_duplicates_nothing(server, tmp_path):
    rng = random.Random(20260522)
    root = tmp_path / "exe"
    run_id = asyncio.run(open_into(root, server.dispatch(kill_template())))
    plan = kill_plan(run_id, tmp_path, rng)
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan))
    zygote = Zygote(root, plan_file, tmp_path / "worker.log")
    kills = 0
    started = time.monotonic()
    try:
        while kills < KILLS:
            pid = zygote.go()
            pause = rng.uniform(0.005, 0.3)
            if not zygote.resumed and kills % 10 == 9:
                # Random moments alone may all miss the uploads on a busy machine: until one resume has
                # been seen, every tenth kill waits for a photo to be partly sent.
                zygote.drain_until_uploading(30)
            else:
                zygote.drain_for(pause)
            os.kill(pid, signal.SIGKILL)
            status = int(zygote.expect(f"exit {pid}").split()[2])
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                status,
                worker_log(tmp_path),
            )
            kills += 1
        loop_seconds, confirmed_in_loop = time.monotonic() - started, zygote.confirmed + 1
        zygote.go(complete=True)  # the last start: finish the plan, complete, drain
        zygote.expect("done", 120)
        status = int(zygote.expect("exit", 120).split()[2])
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, worker_log(tmp_path)
    finally:
        zygote.close()
    assert zygote.confirmed == len(plan) - 1
    assert zygote.resumed, "no kill landed mid-photo: the resume path was never exercised"

    values, slots = expected_state(plan)
    doc = server.run_doc(run_id)
    assert doc["status"] == "completed"
    assert {k: v["value"] for k, v in doc["answers"].items() if k.startswith("s-n")} == values
    for step_id, expected in slots.items():
        assert served_shas(doc, step_id) == expected  # each slot once, with the latest photo
    assert sum(len(v["photos"]) for v in doc["answers"].values()) == sum(len(s) for s in slots.values())
    store = st.LocalStore(root)
    assert store.integrity_check() == "ok"
    assert store.ops() == [] and store.run(run_id)["local_state"] == st.COMPLETED
    store.close()
    print(
        f"\n{kills} SIGKILLs in {loop_seconds:.1f} s, {confirmed_in_loop}/{len(plan)} actions confirmed meanwhile; "
        f"{len(zygote.resumed)} uploads resumed mid-file"
    )


def worker_log(tmp_path: Path) -> str:
    path = tmp_path / "worker.log"
    return path.read_text()[-3000:] if path.exists() else ""
