"""A throwaway PostgreSQL cluster for the tests: initdb in a temp dir, a free port, torn down after.

PostgreSQL refuses to run as root, so when the tests run as root the cluster belongs to an unprivileged
system user (`postgres`, which Debian's package creates; made here if absent) and initdb/pg_ctl run as it
through `runuser`. The server binaries come from Debian's `postgresql` package, which `make test`
installs (scripts/system_packages.sh). Durability settings are relaxed (fsync off): a test cluster is
thrown away, and the server's own `synchronous_commit=on` is unaffected in meaning.

Each test gets its own database, copied from a template database already migrated (`CREATE DATABASE …
TEMPLATE`), so a test pays tens of milliseconds, not a schema's worth of migrations.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from tests.support.server_process import free_port

USER = "rundun"
PASSWORD = "rundun-test"
TEMPLATE = "rundun_template"
RUN_AS = "postgres"


def _bin(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if found is None:
        raise RuntimeError(
            f"PostgreSQL's {name} is not installed: run `sh scripts/system_packages.sh postgresql` (make test does)"
        )
    return found


def _as_owner(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    if subprocess.run(["id", "-u", RUN_AS], capture_output=True, check=False).returncode != 0:
        subprocess.run(["useradd", "--system", "--no-create-home", RUN_AS], check=True)
    return ["runuser", "-u", RUN_AS, "--", *argv]


@dataclass
class Cluster:
    root: Path
    durable: bool = False  # fsync on, as in production (the benchmarks); off for the tests
    in_memory: bool = False  # its folder on tmpfs: its WAL kept smaller (see start_cluster)
    port: int = field(default_factory=free_port)
    _names: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres", *, password: str = PASSWORD) -> str:
        return f"postgresql://{USER}:{password}@127.0.0.1:{self.port}/{database}"

    def start(self) -> Cluster:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "pw").write_text(PASSWORD + "\n")
        if os.geteuid() == 0:
            shutil.chown(self.root, RUN_AS if _has_user(RUN_AS) else None)
            subprocess.run(_as_owner(["true"]), check=True)  # makes the user when absent
            shutil.chown(self.root, RUN_AS)
            shutil.chown(self.root / "pw", RUN_AS)
        subprocess.run(
            _as_owner([
                _bin("initdb"), "-D", str(self.data), "-U", USER, f"--pwfile={self.root / 'pw'}",
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
            ]),
            check=True, capture_output=True,
        )  # fmt: skip
        self._serve()
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
        from server.store.postgres import PostgresDatabase

        PostgresDatabase(self.url(TEMPLATE)).close()  # the migrated schema every test database copies
        return self

    def _serve(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root} "
            "-c max_connections=300 -c shared_buffers=128MB"
        )
        if not self.durable:
            options += " -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        if self.in_memory:
            options += " -c max_wal_size=256MB -c min_wal_size=32MB"
        subprocess.run(
            _as_owner([_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-o", options, "-w", "start"]),
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip

    def crash_and_restart(self) -> None:
        """PostgreSQL stopped as a crash stops it, then started again: it recovers from its WAL."""
        self.crash()
        self.restart()

    def crash(self) -> None:
        """PostgreSQL stopped as a crash stops it (`immediate`: no checkpoint, what is only in its shared
        memory is lost; what it wrote to its files stays, as the machine did not go down)."""
        subprocess.run(
            _as_owner([_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]),
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip

    def restart(self) -> None:
        """Started again after `crash`, on the same port."""
        self._serve()

    def new_database(self) -> str:
        """A fresh, migrated database of its own; returns its URL."""
        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            for attempt in range(50):  # the template must have no other connection while it is copied
                try:
                    conn.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
                    break
                except psycopg.errors.ObjectInUse:
                    time.sleep(0.05 * (attempt + 1))
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drops the database of `url` (its connections ended first), if the cluster still answers."""
        name = url.rsplit("/", 1)[1]
        try:
            with psycopg.connect(self.url(), autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        except psycopg.OperationalError:
            pass  # stopped by its test: the cluster's folder goes whole at the end

    def empty_database(self) -> str:
        """A new database with no schema at all (what `createdb` makes; a restore's target); returns its URL."""
        name = f"e{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            _as_owner([_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]),
            check=False, capture_output=True, timeout=60,
        )  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)


def _has_user(name: str) -> bool:
    return subprocess.run(["id", "-u", name], capture_output=True, check=False).returncode == 0


# Where the tests' clusters keep their files when the machine has room there: memory (tmpfs). On this VM's ext4,
# PostgreSQL took 250-380 ms of CPU to create a database, an empty one too, and 16-30 ms on tmpfs; the suite
# creates some 600, and removing a cluster of 300 databases from the disk took 7 s at the end of each worker.
MEMORY = Path("/dev/shm")
MEMORY_ROOM = 4 << 30  # bytes free there, at least (each test's databases are dropped when it ends)


def _memory_dir() -> str | None:
    if MEMORY.is_dir() and os.access(MEMORY, os.W_OK) and shutil.disk_usage(MEMORY).free >= MEMORY_ROOM:
        return str(MEMORY)
    return None  # the temporary folder's disk, as the benchmarks' clusters always use


def start_cluster(*, durable: bool = False, in_memory: bool = False) -> Cluster:
    """`in_memory`: the cluster's files in memory when there is room (the tests; never with `durable`, whose
    fsyncs a benchmark measures)."""
    assert not (durable and in_memory), "a durable cluster's fsyncs must reach a disk"
    # The temporary folder is the cluster's root, so that `stop` removes it whole (a folder inside it left
    # the temporary one behind, empty, at every start).
    memory = _memory_dir() if in_memory else None
    root = tempfile.mkdtemp(prefix="rundun-pg-", dir=memory)
    return Cluster(Path(root), durable=durable, in_memory=memory is not None).start()
