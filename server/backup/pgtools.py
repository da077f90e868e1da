"""PostgreSQL's own tools, `pg_dump` and `pg_restore`, driven for a backup: found for the server's version,
given the connection without its password on the command line (the password travels in PGPASSWORD, never
in argv, where any user's `ps` would show it), their failures said in one line with the password blanked.
"""

from __future__ import annotations

import functools
import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

from server.backup.sealed import BackupError, BackupRefused

DEBIAN_BINARIES = "/usr/lib/postgresql/{version}/bin"  # Debian keeps each major version's tools apart


@functools.lru_cache(maxsize=8)
def find_tool(name: str, server_major: int) -> str:
    """The `name` (pg_dump, pg_restore) of the server's major version, else the oldest newer one: pg_dump
    refuses a server newer than itself, and pg_restore an archive newer than itself. Debian's per-version
    directories first (its /usr/bin/pg_dump is a wrapper that picks by cluster), then PATH."""
    candidates: list[str] = []
    exact = Path(DEBIAN_BINARIES.format(version=server_major)) / name
    if exact.is_file():
        candidates.append(str(exact))
    candidates += sorted(glob.glob(DEBIAN_BINARIES.format(version="*") + f"/{name}"), key=_major_in_path)
    on_path = shutil.which(name)
    if on_path:
        candidates.append(on_path)
    for candidate in candidates:
        if _tool_major(candidate) >= server_major:
            return candidate
    raise BackupError(
        f"{name} for PostgreSQL {server_major} (or newer) is not installed: install the PostgreSQL client "
        f"tools of that version (Debian: postgresql-client-{server_major})."
    )


def _major_in_path(path: str) -> int:
    found = re.search(r"/postgresql/(\d+)/", path)
    return int(found.group(1)) if found else 0


def _tool_major(path: str) -> int:
    """`pg_dump (PostgreSQL) 15.4 (Debian 15.4-1)` → 15; 0 when it does not answer."""
    try:
        done = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30, check=False)
    except OSError:
        return 0
    found = re.search(r"\)\s+(\d+)", done.stdout)
    return int(found.group(1)) if found else 0


def connection(url: str) -> tuple[str, dict[str, str]]:
    """`url` as (a libpq connection string without the password, for `--dbname`; the environment that
    carries the password)."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    try:
        params = conninfo_to_dict(url)
    except ProgrammingError:  # its message quotes the URL, password included
        raise BackupRefused("The database URL is not a valid postgresql:// URL.") from None
    password = params.pop("password", None)
    env = {**os.environ, "PGAPPNAME": "rundun-backup"}
    if password is not None:  # else libpq's own ways, as for the server: PGPASSWORD, ~/.pgpass
        env["PGPASSWORD"] = str(password)
    return make_conninfo(**{k: str(v) for k, v in params.items() if v is not None}), env


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    from server.store.postgres import redact

    return redact(url)


def run_tool(argv: list[str], url: str, what: str) -> None:
    """Run a PostgreSQL tool against `url`; a failure is a `BackupError` with its last error line."""
    conninfo, env = connection(url)
    done = subprocess.run(
        [*argv, f"--dbname={conninfo}"], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{what} failed: {_last_error(done.stderr, env.get('PGPASSWORD'))}")


def _last_error(stderr: str, password: str | None) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower() or "fatal" in line.lower()]
    line = (errors or lines or ["(no message)"])[-1]
    if password:
        line = line.replace(password, "***")
    return line


class Dumping:
    """A running `pg_dump` of exactly the exported snapshot (which the caller holds open until `wait`
    returns) into `target`, in the custom format (compressed; pg_restore checks it before a restore
    touches anything). It runs beside the caller's own work: the archive writes the photos meanwhile."""

    def __init__(self, url: str, snapshot_id: str, server_major: int, target: Path):
        conninfo, env = connection(url)
        self.target, self._password = target, env.get("PGPASSWORD")
        # Its messages go to a file (a pipe left unread while the photos are written could fill and stall
        # it), closed by `stop`.
        self._stderr = open(target.with_suffix(".log"), "w+")  # noqa: SIM115
        self._proc = subprocess.Popen(
            [find_tool("pg_dump", server_major), "--format=custom", f"--snapshot={snapshot_id}",
             f"--file={target}", f"--dbname={conninfo}"],
            env=env, stdout=subprocess.DEVNULL, stderr=self._stderr,
        )  # fmt: skip

    def wait(self) -> Path:
        """The finished dump; a failure is a `BackupError` with pg_dump's last error line."""
        code = self._proc.wait()
        self._stderr.seek(0)
        if code != 0:
            raise BackupError(f"pg_dump failed: {_last_error(self._stderr.read(), self._password)}")
        return self.target

    def stop(self) -> None:
        """End it if it still runs (the backup failed elsewhere) and let go of its log."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._stderr.close()


def check_dump(dump_file: Path, server_major: int) -> None:
    """pg_restore reads the dump's table of contents (its format version, its entries): a dump this
    pg_restore cannot read is refused before the database is touched."""
    tool = find_tool("pg_restore", server_major)
    done = subprocess.run([tool, "--list", str(dump_file)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"The backup's database dump cannot be read: {_last_error(done.stderr, None)}")


def restore(url: str, dump_file: Path, server_major: int) -> None:
    """`pg_restore` into the (empty) database in one transaction: an error leaves it as it was. Owners and
    grants are the restoring user's, whoever owned the backed-up database."""
    run_tool(
        [find_tool("pg_restore", server_major), "--single-transaction", "--exit-on-error", "--no-owner",
         "--no-privileges", str(dump_file)],
        url, "pg_restore",
    )  # fmt: skip
