"""`rundun-server` commands refuse in one line, exit code 2, and change nothing: a mistyped data dir, a port in
use, a second server on the same SQLite data dir."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
from pathlib import Path

import pytest

from tests.support.fixtures import first_org_id
from tests.support.server_process import ServerProcess, init_org, run_cli

pytestmark = pytest.mark.sqlite_only


def one_line(done) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    return done.stderr


def test_credits_add_on_a_data_dir_without_a_database_creates_nothing(tmp_path: Path):
    typo = tmp_path / "typo"
    line = one_line(run_cli("credits", "add", "--data-dir", str(typo), "--org", "org-x", "5"))
    assert line.startswith(f"error: no Rundun database at {typo / 'rundun.db'}")
    assert not typo.exists()


def test_serve_on_a_port_in_use_is_one_line(tmp_path: Path):
    init_org(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_cli("serve", "--data-dir", str(tmp_path), "--host", "127.0.0.1", "--port", str(port))
    assert one_line(done).startswith(f"error: cannot listen on 127.0.0.1:{port}: ")


def test_a_second_server_on_the_same_sqlite_data_dir_is_refused_until_the_first_is_gone(tmp_path: Path):
    """Two servers on one SQLite file ran two webhook workers (double deliveries). The second `serve` is refused
    in one line; the lock goes with the first process however it ends (kill -9 here); a connection another
    program holds open on the database (a sqlite3 shell, a script) refuses nothing (commit 5453d16)."""
    init_org(tmp_path)
    with sqlite3.connect(tmp_path / "rundun.db") as shell:
        assert shell.execute("SELECT count(*) FROM orgs").fetchone() == (1,)
        first = ServerProcess(tmp_path).start()
        try:
            assert first.proc is not None
            done = run_cli("serve", "--data-dir", str(tmp_path), "--host", "127.0.0.1", "--port", "0")
            assert one_line(done) == (
                f"error: the data dir {tmp_path} is in use by another rundun-server (process {first.proc.pid}): "
                "one server per SQLite data dir; stop that one first\n"
            )
            first.kill()  # SIGKILL: no clean-up of its own
            again = ServerProcess(tmp_path).start()  # the kernel released the lock with the process
            again.stop()
        finally:
            first.stop()
        shell.execute("SELECT 1")


def test_credits_add_keeps_the_balance_a_whole_number_json_keeps_exactly(tmp_path: Path):
    init_org(tmp_path)
    org = first_org_id(tmp_path, {})
    add = ("credits", "add", "--data-dir", str(tmp_path), "--org", org)
    assert "must be from 1 to 9007199254740991" in one_line(run_cli(*add, "99999999999999999999"))
    assert run_cli(*add, str(2**53 - 1)).returncode == 0
    assert "nothing added" in one_line(run_cli(*add, "1"))
    with sqlite3.connect(tmp_path / "rundun.db") as conn:
        assert conn.execute("SELECT typeof(run_credits), run_credits FROM orgs").fetchone() == (
            "integer",
            2**53 - 1,
        )


def test_a_small_size_in_a_refusal_is_written_in_kb():
    from server.services.storage import _mb

    assert _mb(20_000) == "20 kB" and _mb(16 * 2**20) == "16.0 MB"


@pytest.mark.parametrize(
    ("env", "flags", "said"),
    [
        ({"RUNDUN_RATE_LIMIT": "lots"}, (), "RUNDUN_RATE_LIMIT='lots' must be a whole number"),
        ({"RUNDUN_MAX_PHOTO_MB": "-1"}, (), "RUNDUN_MAX_PHOTO_MB='-1' must be more than 0"),
        ({}, ("--port", "99999"), "--port 99999 must be at most 65535"),
        (
            {"RUNDUN_WEBHOOK_RETRY_SCHEDULE": "10,x"},
            (),
            "RUNDUN_WEBHOOK_RETRY_SCHEDULE='10,x' must be comma-separated seconds, such as 10,60,300",
        ),
        # each of these started the server: uvicorn's KeyError and a traceback; links leading nowhere; a proxy
        # never trusted, all its clients in one rate-limit bucket
        (
            {"RUNDUN_LOG_LEVEL": "loud"},
            (),
            "RUNDUN_LOG_LEVEL='loud' must be one of critical, error, warning, info, debug, trace",
        ),
        ({}, ("--log-level", "verbose"), "--log-level verbose must be one of critical, error, warning, info"),
        (
            {"RUNDUN_PUBLIC_URL": "rundun.example.com"},
            (),
            "RUNDUN_PUBLIC_URL='rundun.example.com' must start with",
        ),
        (
            {"RUNDUN_TRUSTED_PROXIES": "10.0.0.1,proxy.internal"},
            (),
            "RUNDUN_TRUSTED_PROXIES='10.0.0.1,proxy.internal' must list IP addresses or networks (CIDR)",
        ),
    ],
)
def test_a_bad_setting_is_one_line_naming_it_as_it_was_given(tmp_path: Path, env, flags, said):
    """pydantic's report was eight lines naming the settings' field (`rate_limit`), not the variable or flag
    the operator set, with a link to pydantic's documentation."""
    done = run_cli("serve", "--data-dir", str(tmp_path / "data"), *flags, env=env)
    assert one_line(done).startswith(f"error: {said}")
    assert not (tmp_path / "data" / "rundun.db").exists()


def test_a_setting_a_flag_overrides_is_named_by_the_flag(tmp_path: Path):
    done = run_cli(
        "serve",
        "--data-dir",
        str(tmp_path),
        "--workers",
        "0",
        "--rate-limit",
        "0",
        env={"RUNDUN_WORKERS": "2"},
    )
    assert one_line(done) == "error: --workers 0 must be at least 1; --rate-limit 0 must be at least 1\n"


@pytest.mark.parametrize("command", [("serve", "--port", "0"), ("init", "--org", "Acme")])
def test_a_data_dir_that_cannot_be_made_is_one_line(tmp_path: Path, command):
    """A data dir through a file (or a folder of another user, a read-only disk) ended `serve` and `init` with
    a traceback of `mkdir`."""
    (tmp_path / "file").write_text("not a folder")
    data_dir = tmp_path / "file" / "data"
    done = run_cli(command[0], "--data-dir", str(data_dir), *command[1:])
    assert one_line(done) == (
        f"error: cannot use the data dir {data_dir}: Not a directory ({data_dir}); give a folder this user can "
        "create or write (--data-dir, RUNDUN_DATA_DIR)\n"
    )


@pytest.mark.parametrize("command", [("serve", "--port", "0"), ("init", "--org", "Acme")])
def test_a_postgresql_url_libpq_cannot_read_is_one_line(tmp_path: Path, command):
    """An unclosed IPv6 bracket or an unknown URL parameter ended the start with psycopg's ProgrammingError
    and a traceback; an unreachable database was already one line."""
    url = "postgresql://rundun@[::1/rundun"
    done = run_cli(command[0], "--data-dir", str(tmp_path), "--database-url", url, *command[1:])
    assert one_line(done).startswith(f"error: cannot use the database {url}: not a URL libpq can read: ")


def test_a_database_down_at_start_names_where_and_why(tmp_path: Path):
    """libpq's last line alone was the report: "Is the server running on that host and accepting TCP/IP
    connections?", without the address tried or that the connection was refused."""
    with socket.socket() as closed:  # a port where nothing listens
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    url = f"postgresql://rundun:secret@127.0.0.1:{port}/rundun"
    line = one_line(run_cli("serve", "--data-dir", str(tmp_path), "--database-url", url, "--port", "0"))
    assert line.startswith(
        f"error: cannot use the database postgresql://rundun:***@127.0.0.1:{port}/rundun: "
    )
    assert f'"127.0.0.1", port {port} failed: Connection refused' in line and "secret" not in line


@pytest.mark.parametrize("given", ["closed", "file", "not listening", "x", "-1", ""])
def test_a_bad_fd_is_one_line_naming_it_before_anything_is_touched(tmp_path: Path, given):
    """`serve --fd N` on a descriptor that is closed, not a socket or not listening ended in a traceback of
    socket() (exit 1); a value that is no number in argparse's usage and error (two lines and more)."""
    with contextlib.ExitStack() as stack:
        passed: tuple[int, ...] = ()
        if given == "file":
            passed = (stack.enter_context(open(tmp_path / "f", "w")).fileno(),)
        elif given == "not listening":
            sock = stack.enter_context(socket.socket())
            sock.bind(("127.0.0.1", 0))
            passed = (sock.fileno(),)
        fd = str(passed[0]) if passed else "987" if given == "closed" else given
        done = run_cli("serve", "--data-dir", str(tmp_path / "data"), "--fd", fd, pass_fds=passed)
    line = one_line(done)
    said = {
        "closed": f"--fd {fd} is not open",
        "file": f"--fd {fd} is not a socket",
        "not listening": f"--fd {fd} is not a listening TCP socket",
    }.get(given, f"--fd {fd!r} must be the number of an inherited listening socket")
    assert line.startswith(f"error: {said}"), line
    assert not (tmp_path / "data").exists()
