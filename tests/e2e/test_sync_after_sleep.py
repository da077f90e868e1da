"""The executor's sync after the laptop sleeps: answers made while the server could not answer are sent
once both wake up, without anything done by the user.

Real processes: the server (`rundun-server serve`) and an executor process running the app's own sync
engine with the app's own timings (tests/e2e/offline_worker.py with RUNDUN_WORKER_APP_SYNC=1). The server
is paused (SIGSTOP) before the answers are made, so every attempt to send them hangs or fails; then the
executor process is paused too — the laptop sleeps — and both are continued (SIGCONT)."""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import time

import pytest

from rundun_desktop.executor import store as st
from rundun_desktop.executor.opening import open_into
from tests.e2e.test_offline_sync import (
    WORKER,
    Server,
    Zygote,
    expected_state,
    kill_plan,
    kill_template,
    served_shas,
    worker_log,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path / "server")
    yield s
    s.close()


@pytest.mark.timeout(300)
def test_answers_made_while_the_server_slept_sync_after_the_laptop_wakes(server, tmp_path, monkeypatch):
    assert WORKER.exists()
    rng = random.Random(20261203)
    root = tmp_path / "exe"
    run_id = asyncio.run(open_into(root, server.dispatch(kill_template())))
    plan = kill_plan(run_id, tmp_path, rng, answers=60, photos=5)
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan))
    monkeypatch.setenv("RUNDUN_WORKER_APP_SYNC", "1")
    zygote = Zygote(root, plan_file, tmp_path / "worker.log")
    server_pid = server.process.proc.pid
    os.kill(server_pid, signal.SIGSTOP)  # the server stops answering: nothing can be sent
    try:
        pid = zygote.go(complete=True)
        while zygote.confirmed < len(plan) - 1:  # every answer and photo is in the local store
            zygote.expect("confirmed", 120)
        store = st.LocalStore(root)
        try:
            assert store.ops(run_id), "the answers are waiting to be sent"
        finally:
            store.close()
        os.kill(pid, signal.SIGSTOP)  # the laptop sleeps: the executor stops where it is, too
        time.sleep(2.0)  # asleep for a while (the stimulus, not a wait for a condition)
        os.kill(server_pid, signal.SIGCONT)  # it wakes up: nobody touches anything
        os.kill(pid, signal.SIGCONT)
        zygote.expect("done", 180)  # the outbox emptied and the run completed by itself
        status = int(zygote.expect("exit", 60).split()[2])
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, worker_log(tmp_path)
    finally:
        os.kill(server_pid, signal.SIGCONT)
        zygote.close()

    values, slots = expected_state(plan)
    doc = server.run_doc(run_id)
    assert doc["status"] == "completed"
    assert {k: v["value"] for k, v in doc["answers"].items() if k.startswith("s-n")} == values
    for step_id, expected in slots.items():
        assert served_shas(doc, step_id) == expected
    store = st.LocalStore(root)
    try:
        assert store.ops() == [] and store.run(run_id)["local_state"] == st.COMPLETED
    finally:
        store.close()
