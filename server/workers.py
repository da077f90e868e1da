"""`rundun-server serve --workers N`: N server processes sharing one listening socket (PostgreSQL only).

The parent binds the socket, builds the app, then forks N children that each serve it (the kernel hands
each new connection to one of them); every child opens its own database connections in the app's
lifespan, after the fork. The parent only supervises: SIGTERM/SIGINT are passed on to every child and it
waits for them; a child that dies while the parent is not stopping is started again, so a crashed
worker costs its in-flight requests only. Separate `serve` processes on other machines need nothing of
this: the guarantees across processes live in the database (see `server.store.postgres`).
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable

log = logging.getLogger("rundun.workers")
RESTART_PAUSE_S = 1.0
STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}
PR_SET_PDEATHSIG = 1  # linux/prctl.h
ALONE_WAIT_S = 20.0  # the longest a thread left by start-up is waited for before the workers are forked


def serve_forked(serve: Callable[[], None], workers: int) -> int:
    """Run `serve()` in `workers` child processes until the parent is told to stop; returns the exit code."""
    stopping = False
    children: set[int] = set()

    def start_one() -> None:
        """Fork a worker. A stop can come at any instant, and a worker it missed would keep the parent
        waiting forever: the signals are held while the child is forked and recorded, and a stop handled
        before that is seen by the check after."""
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        parent = os.getpid()
        try:
            pid = os.fork()
            if pid == 0:
                _serve_in_child(serve, parent)  # never returns
            children.add(pid)
            if stopping:
                os.kill(pid, signal.SIGTERM)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            try:
                os.kill(pid, signum)
            except ProcessLookupError:
                children.discard(pid)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    wait_until_alone(ALONE_WAIT_S)
    for _ in range(workers):
        if not stopping:
            start_one()
    while children:
        try:
            pid, _status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        children.discard(pid)
        if not stopping:
            log.warning("worker %s exited; starting another", pid)
            pause_ends = time.monotonic() + RESTART_PAUSE_S
            while not stopping and time.monotonic() < pause_ends:  # a stop during the pause ends it
                time.sleep(0.05)
            if not stopping:  # a worker started after the stop would never be told to stop
                start_one()
    return 0


def wait_until_alone(timeout: float) -> bool:
    """Wait (up to `timeout` seconds) for every thread but this one to end; False if some did not. A fork
    copies only the thread that makes it: a lock another thread held at that instant stays held for ever in
    the child. Start-up's database (PostgreSQL's listener, still making its connection on a busy machine
    when the database was closed) left one so: the child's first connection waited on it for ever, its
    start-up never ended and it ignored SIGTERM (a worker seen still running 10 minutes after its test)."""
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if thread is not threading.current_thread():
            thread.join(max(0.0, deadline - time.monotonic()))
    left = [t.name for t in threading.enumerate() if t is not threading.current_thread()]
    if left:
        log.warning("forking the workers while other threads still run: %s", ", ".join(left))
    return not left


def _serve_in_child(serve: Callable[[], None], parent: int) -> None:
    """The child: default signal handling (a stop held back while it was forked ends it at once), stopped
    with its parent, serve, and never return into the parent's code."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _stop_with(parent)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    code = 0
    try:
        serve()
    except BaseException:
        log.exception("worker %s failed", os.getpid())
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _stop_with(parent: int) -> None:
    """Have the kernel send this worker a SIGTERM when `parent` ends, however it ends (Linux): a supervisor
    that was SIGKILLed had left its workers serving for ever, unsupervised, holding the port. Elsewhere
    (macOS) a worker outlives a killed supervisor."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        log.warning(
            "worker %s will outlive its supervisor: prctl failed (errno %s)", os.getpid(), ctypes.get_errno()
        )
    if os.getppid() != parent:  # it ended before the request was made
        os.kill(os.getpid(), signal.SIGTERM)
