"""`serve --workers N`'s supervisor (server/workers.py) with stand-in workers, in a real forked process
tree: a stop that comes while a crashed worker's replacement is pending ends everything, instead of
starting a worker nobody tells to stop (the parent then waited for it forever: a CI run's SIGTERM
ended in a SIGKILL 15 s later)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

SUPERVISED = """
import logging, os, signal, sys
from pathlib import Path
from server import workers

logging.basicConfig(level=logging.WARNING, format="%(message)s")
workers.RESTART_PAUSE_S = 3600  # only a stop can end the pause before a replacement starts
crashed = Path(sys.argv[1])

def serve():
    if not crashed.exists():  # the first worker crashes at once
        crashed.write_text("x")
        raise RuntimeError("a worker that fails its start-up")
    signal.pause()  # the others serve until they are stopped

sys.exit(workers.serve_forked(serve, 1))
"""


def test_a_stop_during_a_crashed_workers_restart_pause_ends_the_supervisor(tmp_path: Path):
    log = tmp_path / "supervisor.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", SUPERVISED, str(tmp_path / "crashed")],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60  # a guard, not a duration
        while "starting another" not in log.read_text():
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.02)
        proc.send_signal(signal.SIGTERM)  # within the hour-long pause
        assert proc.wait(timeout=60) == 0, log.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


SERVING = """
import os, signal, sys
from pathlib import Path
from server import workers

def serve():
    Path(sys.argv[1]).write_text(str(os.getpid()))
    signal.pause()

sys.exit(workers.serve_forked(serve, 1))
"""


def _ended(pid: int) -> bool:
    """Gone, or a zombie nobody has reaped yet (it no longer runs)."""
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split()[0] in ("Z", "X")
    except (FileNotFoundError, IndexError):
        return True


def test_a_worker_ends_with_its_supervisor_even_when_that_is_sigkilled(tmp_path: Path):
    """A SIGKILLed supervisor cannot tell its workers: the kernel does (Linux's parent-death signal), so no
    worker serves on unsupervised (two such were found still running an hour after a CI test)."""
    pid_file = tmp_path / "worker.pid"
    proc = subprocess.Popen([sys.executable, "-c", SERVING, str(pid_file)])
    worker = None
    try:
        deadline = time.monotonic() + 60  # a guard, not a duration
        while not pid_file.exists() or not pid_file.read_text():
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        worker = int(pid_file.read_text())
        proc.kill()
        proc.wait()
        while not _ended(worker):
            assert time.monotonic() < deadline + 60, "the worker outlived its SIGKILLed supervisor"
            time.sleep(0.02)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if worker is not None and not _ended(worker):
            os.kill(worker, signal.SIGKILL)


HELD_AT_START = """
import os, signal, sys, threading, time
from server import workers

lock = threading.Lock()
lock.acquire()


def holder():  # start-up's leftover thread: a lock held a moment longer (a database connection being made)
    time.sleep(0.5)
    lock.release()


threading.Thread(target=holder, daemon=True).start()


def serve():
    got = lock.acquire(timeout=10)  # the lock as the fork left it
    print("the worker took the lock" if got else "the worker waited for it in vain", flush=True)
    os.kill(os.getppid(), signal.SIGTERM)  # done: stop the supervisor, which stops this worker
    signal.pause()


sys.exit(workers.serve_forked(serve, 1))
"""


def test_the_workers_are_forked_once_start_ups_threads_have_ended(tmp_path: Path):
    """A fork copies only the forking thread: a lock another thread holds at that instant stays held for ever
    in the child. A CI run found a worker whose first database connection waited on one (start-up's PostgreSQL
    listener, still connecting when its database was closed): it never started, ignored SIGTERM and outlived
    its test by 10 minutes. The supervisor now waits for such threads to end before it forks."""
    out = subprocess.run(
        [sys.executable, "-c", HELD_AT_START], check=False, capture_output=True, text=True, timeout=120
    )
    assert "the worker took the lock" in out.stdout, out.stdout + out.stderr
    assert out.returncode == 0, out.stdout + out.stderr
