"""The process the kill-loop test SIGKILLs: an executor answering a plan while the sync engine drains.

Run as a zygote (`python offline_worker.py STORE_DIR PLAN_JSON`): it imports everything once, then for each
`go <k> [complete]` line on stdin forks a child that carries out plan actions k, k+1, … — each committed to
the local store (answer or photo, with its outbox op, in one transaction) and only then reported as
`confirmed <k>` — while the real sync engine sends them to the real server. The zygote prints
`pid <pid>` for the test to kill, then `exit <pid> <status>` once the child is gone. With `complete` the
child requests completion after the last action and exits once the outbox is empty (`done`).

Forking a process that has imported everything (but started no thread and no loop) keeps each of the
hundreds of starts to milliseconds; the child is still a separate process, killed with SIGKILL.
"""

from __future__ import annotations

import asyncio
import faulthandler
import json
import os
import random
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rundun_desktop.executor import store as st
from rundun_desktop.executor.sync import SyncConfig, SyncEngine
from rundun_desktop.executor.worker import StoreWorker


def dump_tasks() -> None:
    for task in asyncio.all_tasks():
        task.print_stack(file=sys.stderr)
    sys.stderr.flush()


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # one write: lines from the zygote and its children never interleave


async def child(root: Path, plan: list[dict], start: int, complete: bool) -> None:
    def uploads(event: str, data) -> None:
        if event == "upload" and data["resumed"] and data["offset"] > 0:
            say(f"resumed {data['op_id']} {data['offset']} {data['length']}")
        elif event == "upload" and 0 < data["offset"] < data["length"]:
            say(f"uploading {data['op_id']} {data['offset']}")  # a kill now lands mid-photo

    config = SyncConfig(
        batch_size=25, chunk_size=16 * 1024, backoff_base=0.05, backoff_cap=0.5, probe_interval=0.1
    )
    if (
        os.environ.get("RUNDUN_WORKER_APP_SYNC") == "1"
    ):  # the app's own timings (backoff to 5 min, 30 s requests)
        config = SyncConfig()
    engine = SyncEngine(root, config=config, listener=uploads)
    engine.start()
    ui = StoreWorker(root, "executor")  # the runner's own connection, as in the app
    run_id = plan[0]["run_id"]
    rng = random.Random(os.getpid())
    for k in range(start, len(plan)):
        action = plan[k]
        if action["kind"] == "answer":
            await ui.call(st.LocalStore.set_answer, run_id, action["step"], action["value"])
        else:
            photo = await asyncio.to_thread(st.write_photo_file, root, action["file"])
            await ui.call(st.LocalStore.add_photo, run_id, action["step"], photo, action["index"])
        say(f"confirmed {k}")
        engine.wake()
        await asyncio.sleep(rng.uniform(0, 0.02))  # an executor taking a moment between answers
    if complete:
        asyncio.get_running_loop().call_later(60, dump_tasks)  # stuck? show where, in the log
        run = await ui.call(st.LocalStore.run, run_id)
        if run["local_state"] == st.OPEN:
            await ui.call(st.LocalStore.request_complete, run_id)
        engine.wake()
        while not await engine.drain(30):
            pass
        say("done")
    else:  # synced: stay until killed, as an app left open would
        await engine.drain(None)
        await asyncio.Event().wait()
    await engine.stop()
    await ui.close()


def main() -> None:
    root, plan = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text())
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] != "go":
            continue
        pid = os.fork()
        if pid == 0:
            faulthandler.dump_traceback_later(90, exit=True)  # a hung child shows where, in the log
            try:
                asyncio.run(child(root, plan, int(words[1]), "complete" in words))
            except BaseException:  # noqa: BLE001 - reported, then the child ends with status 1
                traceback.print_exc()
                os._exit(1)
            os._exit(0)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"exit {pid} {status}")


if __name__ == "__main__":
    main()
