"""`rundun-server init | serve | credits add | backup | restore | migrate`: bootstrap, serve, top up an
organisation, back a data dir up and restore it, move a SQLite install to PostgreSQL."""

from __future__ import annotations

import argparse
import errno
import gc
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from server.allocator import keep_freed_pages
from server.media import BadMediaStore, open_media_store
from server.store.backends import BadDatabase, is_postgresql, open_database

# Each command imports what it needs: `backup` and `restore` are jobs timed against `sqlite3 .backup` +
# `tar` (bench/backup.py), and the settings, the store and the services cost ~0.5 s of imports.
if TYPE_CHECKING:
    from server.settings import Settings


# Where a PostgreSQL password goes: not in a URL on the command line, where `ps` shows it to every user
PASSWORD_ELSEWHERE = "the password in PGPASSWORD or ~/.pgpass"


class CannotStart(Exception):
    """A command refused before it changed anything: one line, exit code 2."""


def _require_database(settings: Settings) -> None:
    """A command that works on an existing install refuses a data dir without one (a mistyped --data-dir made
    `credits add` create a new, empty install there)."""
    if not is_postgresql(settings.database_url) and not settings.db_path.is_file():
        raise CannotStart(
            f"no Rundun database at {settings.db_path}: give the data dir of an install (--data-dir)"
        )


def _settings(args: argparse.Namespace) -> Settings:
    """`RUNDUN_*` variables, overridden by the flags given."""
    from server.settings import Settings

    overrides = {
        name: getattr(args, name)
        for name in (
            "data_dir",
            "database_url",
            "workers",
            "host",
            "port",
            "public_url",
            "rate_limit",
            "log_level",
        )
        if getattr(args, name, None) is not None
    }
    if getattr(args, "allow_private_webhooks", False):
        overrides["webhook_allow_private"] = True
    from pydantic import ValidationError

    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise CannotStart(_bad_settings(exc, overrides)) from None


# What a value refused by `Settings` must be, in words, by pydantic's error type (its own message otherwise)
_MUST_BE = {
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "bool_parsing": "must be 1 or 0",
    "greater_than": "must be more than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be at most {le}",
}


def _bad_settings(exc: Exception, flags: dict[str, object]) -> str:
    """pydantic's report on bad settings (eight lines, a field name and a link for each) as one line naming
    each value as the operator gave it: `--port 99999 must be at most 65535`, `RUNDUN_RATE_LIMIT='lots' must
    be a whole number`."""
    said = []
    for error in exc.errors():  # type: ignore[attr-defined]
        name = str(error["loc"][0]) if error["loc"] else ""
        if name in flags:
            flag = (
                "--allow-private-webhooks"
                if name == "webhook_allow_private"
                else f"--{name.replace('_', '-')}"
            )
            where = f"{flag} {error['input']}"
        else:
            where = f"RUNDUN_{name.upper()}={error['input']!r}"
        words = _MUST_BE.get(error["type"])
        if words is not None:
            words = words.format(
                **{k: f"{v:g}" if isinstance(v, float) else v for k, v in error.get("ctx", {}).items()}
            )
        else:
            words = str(error["msg"]).removeprefix("Value error, ").replace("Input should be", "must be")
        said.append(f"{where} {words}")
    return "; ".join(said)


def _data_dir(args: argparse.Namespace) -> Path:
    """`--data-dir`, else `RUNDUN_DATA_DIR` or the default (the settings, only when needed)."""
    return args.data_dir if args.data_dir is not None else _settings(args).data_dir


def _plan(name: str) -> str:
    from server.services.orgs import PLANS

    if name not in PLANS:
        raise argparse.ArgumentTypeError(f"unknown plan {name!r} (choose from {', '.join(PLANS)})")
    return name


class _Version(argparse.Action):
    """`--version`, reading the installed metadata only when asked."""

    def __call__(self, parser, namespace, values, option_string=None):
        from server.version import version

        print(f"rundun-server {version()}")
        parser.exit()


def cmd_init(args: argparse.Namespace) -> int:
    from server.bootstrap import init_org
    from server.services.orgs import PLANS

    settings = _settings(args)
    db = open_database(settings.database_url, settings.db_path)
    try:
        org, key = init_org(db, args.org, args.plan)
    finally:
        db.close()
    print(f"Created organisation {org['name']!r} ({org['id']}) on the {PLANS[org['plan']]['name']} plan.")
    print(f"Data directory: {settings.data_dir}")
    print("Your API key (shown once; Rundun stores only its SHA-256):")
    print(key)
    return 0


def cmd_credits_add(args: argparse.Namespace) -> int:
    from server.store import orgs as org_store

    if not 1 <= args.count <= org_store.MAX_CREDITS:
        print(f"error: the number of credits must be from 1 to {org_store.MAX_CREDITS}", file=sys.stderr)
        return 2

    settings = _settings(args)
    _require_database(settings)
    db = open_database(settings.database_url, settings.db_path)
    try:
        if db.read(org_store.get_org, args.org) is None:
            print(f"error: no organisation {args.org}", file=sys.stderr)
            return 1
        balance = db.write_sync(org_store.add_credits, args.org, args.count)
    finally:
        db.close()
    if balance is None:
        print(
            f"error: the balance would pass {org_store.MAX_CREDITS} run credits; nothing added",
            file=sys.stderr,
        )
        return 2
    print(f"Added {args.count} run credits to {args.org}; balance {balance}.")
    return 0


def preload_serve() -> None:
    """Import what `serve` needs, before it is asked to serve (the desktop's child server, while the app
    takes its workspace's lock: rundun_desktop/server_child.py)."""
    from server.import_costs import trim_import_costs

    trim_import_costs()
    import server.app
    import server.bootstrap
    import server.serving
    import server.store.db  # noqa: F401


def cmd_serve(args: argparse.Namespace) -> int:
    from server.import_costs import trim_import_costs

    trim_import_costs()
    from server.app import create_app
    from server.bootstrap import UNNAMED_ORG, create_first_org, has_org
    from server.serving import Server, config_for

    settings = _settings(args)
    if settings.workers > 1 and not is_postgresql(settings.database_url):
        raise BadDatabase(
            f"--workers {settings.workers} needs a PostgreSQL database (RUNDUN_DATABASE_URL / --database-url): "
            "SQLite is one process's database"
        )
    inherited = _inherited_socket(args.fd) if args.fd is not None else None  # a bad one: before anything
    if not is_postgresql(settings.database_url):
        # Before anything else touches the data dir; held until this process ends (server/data_dir_lock.py)
        from server.data_dir_lock import DataDirInUse, DataDirUnusable, hold

        try:
            hold(settings.data_dir)
        except (DataDirInUse, DataDirUnusable) as exc:
            raise CannotStart(str(exc)) from None
    if inherited is not None:
        sock = inherited
    else:
        sock = socket.socket(socket.AF_INET6 if ":" in settings.host else socket.AF_INET)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((settings.host, settings.port))
        except OSError as exc:
            sock.close()
            raise CannotStart(f"cannot listen on {settings.host}:{settings.port}: {exc.strerror}") from None
    settings = settings.model_copy(update={"port": sock.getsockname()[1]})
    db = open_database(settings.database_url, settings.db_path)
    try:
        open_media_store(settings.media_store, settings.data_dir, db).close()  # a bad one: one line, exit 2
        if not has_org(db):  # the usual restart costs one read; the check that decides is in the write
            made = create_first_org(db, UNNAMED_ORG)
            if made is None:
                print(
                    "First start: an organisation exists already, made by another process starting at the "
                    "same time (its log shows the API key)",
                    flush=True,
                )
            else:
                org, key = made
                print(
                    f"First start: created organisation {org['id']} with this API key (shown once):",
                    flush=True,
                )
                print(key, flush=True)
    finally:
        db.close()
    print(
        f"Rundun API on {settings.base_url}/v1 (docs: {settings.base_url}/docs); data in {_where_data(settings)}",
        flush=True,
    )
    _log_to_stderr(settings.log_level)
    config = config_for(create_app(settings), settings)
    # Everything built so far (modules, the app, its routes and models) lives as long as the process: moved
    # out of the collector's reach, a full collection no longer walks it. Those walks were the p99 of
    # dispatch under load (60-75 ms; 18 ms without them, bench/server_throughput.py). No collection first:
    # it found ~800 unreachable objects of ~117 000 and cost ~80 ms of CPU before the first request, which
    # the desktop's cold start waits for (bench/desktop_startup.py); those few are frozen with the rest.
    gc.freeze()
    keep_freed_pages()  # before any worker is forked: they inherit it
    if settings.workers > 1:
        from server.workers import serve_forked

        return serve_forked(lambda: Server(config).run(sockets=[sock]), settings.workers)
    gc.enable()  # the desktop's child server imports with the collector off (rundun_desktop/server_child.py)
    Server(config).run(sockets=[sock])
    return 0


def _inherited_socket(given: str) -> socket.socket:
    """`--fd N`: a listening socket handed down by the process that started this one (the desktop app: it
    chose and holds the port, so no other program can take it between that choice and this start). A
    descriptor that is closed, not a socket or not listening ended in a traceback of socket() or, later, of
    uvicorn's; now one line naming it, before anything is touched."""
    if not (given.isascii() and given.isdigit()):
        raise CannotStart(f"--fd {given!r} must be the number of an inherited listening socket")
    try:
        sock = socket.socket(fileno=int(given))
    except OSError as exc:
        why = "is not open" if exc.errno == errno.EBADF else "is not a socket"
        raise CannotStart(f"--fd {given} {why}: give the number of an inherited listening socket") from None
    listening = (
        sock.family in (socket.AF_INET, socket.AF_INET6)
        and sock.type == socket.SOCK_STREAM
        and sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
    )
    if not listening:
        sock.detach()  # not ours to close
        raise CannotStart(f"--fd {given} is not a listening TCP socket: give one that listen() was called on")
    return sock


def _where_data(settings: Settings) -> str:
    """Where the runs and the photos are, for the start line. On PostgreSQL it named the (unused) default data
    dir, and an operator checking the line after a migrate read that the server was on a folder."""
    from server.media import chosen_store

    on_postgresql = is_postgresql(settings.database_url)
    if on_postgresql:
        from server.store.postgres import redact

        where = redact(settings.database_url)  # type: ignore[arg-type]
    else:
        where = str(settings.data_dir)
    photos = chosen_store(settings.media_store, on_postgresql)
    if photos == "files":
        return where if not on_postgresql else f"{where}, photos in {settings.media_dir}"
    return f"{where}, photos in {photos}" if photos.startswith("s3://") else f"{where} (photos too)"


def _log_to_stderr(level_name: str) -> None:
    """The server's own lines (the `rundun.*` loggers: "pruned …", "expired N runs", webhook failures) on
    stderr beside uvicorn's, at the same level. Without a handler only WARNING and above reached stderr,
    through Python's last resort, and the INFO lines never appeared. Under systemd, journald keeps them."""
    import logging

    level = logging.getLevelName(level_name.upper())
    logger = logging.getLogger("rundun")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(name)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level if isinstance(level, int) else logging.DEBUG)  # uvicorn's "trace": everything


def _database_url(args: argparse.Namespace) -> str | None:
    """`--database-url`, else RUNDUN_DATABASE_URL (read from the environment alone: the settings' imports are
    most of a small backup's time)."""
    return args.database_url or os.environ.get("RUNDUN_DATABASE_URL") or None


def cmd_backup(args: argparse.Namespace) -> int:
    from server.backup.commands import backup

    return backup(_data_dir(args), args.to, args.passphrase_file, _database_url(args))


def cmd_restore(args: argparse.Namespace) -> int:
    from server.backup.commands import restore

    return restore(_data_dir(args), args.source, args.passphrase_file, _database_url(args))


def cmd_migrate(args: argparse.Namespace) -> int:
    from server.move_to_postgres import migrate_to_postgres, report

    if not is_postgresql(args.to):
        raise BadDatabase(f"--to must be a postgresql:// URL, not {args.to[:20]!r}")
    moved = migrate_to_postgres(_data_dir(args), args.to, args.media_to)
    print(report(moved, args.to), flush=True)
    return 0 if moved.verified else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rundun-server", description="The Rundun /v1 API server.")
    parser.add_argument("--version", action=_Version, nargs=0, help="Print the version and exit.")
    sub = parser.add_subparsers(dest="command", required=True)

    def data_dir(p: argparse.ArgumentParser, words: str = "Holds rundun.db and media/") -> None:
        p.add_argument("--data-dir", type=Path, help=f"{words} (RUNDUN_DATA_DIR).")

    def database_url(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--database-url",
            help=f"postgresql://user@host:port/db ({PASSWORD_ELSEWHERE}); unset: SQLite in the data dir "
            "(RUNDUN_DATABASE_URL).",
        )

    init = sub.add_parser("init", help="Create an organisation and print its first API key (last line).")
    data_dir(init)
    database_url(init)
    init.add_argument("--org", required=True, help="The organisation's name.")
    init.add_argument(
        "--plan",
        default="unlimited",
        type=_plan,
        help="starter (30 runs a month), team (1,000), business (10,000) or unlimited (the default).",
    )
    init.set_defaults(func=cmd_init)

    serve = sub.add_parser(
        "serve",
        help="Serve the API (bootstraps an organisation on an empty database).",
        epilog="Every flag overrides its RUNDUN_* variable; the README's Configuration lists the others. Exit "
        "codes: 0 stopped; 2 refused to start, in one line (a bad setting, a data dir in use or unusable, a "
        "database that cannot be reached or used, a port in use).",
    )
    data_dir(serve, "Holds rundun.db and media/; an empty one gets an organisation and prints its key")
    database_url(serve)
    serve.add_argument(
        "--workers",
        type=int,
        help="Server processes on the one port (RUNDUN_WORKERS, default 1; more needs PostgreSQL).",
    )
    serve.add_argument("--host", help="Listen address (RUNDUN_HOST, default 127.0.0.1).")
    serve.add_argument("--port", type=int, help="Listen port (RUNDUN_PORT, default 8750; 0 picks one).")
    serve.add_argument(
        "--public-url", help="Base URL of run links and media (RUNDUN_PUBLIC_URL, default http://HOST:PORT)."
    )
    serve.add_argument(
        "--fd",
        metavar="N",
        help="Serve on this inherited listening TCP socket (its descriptor's number) instead of binding "
        "--host/--port.",
    )
    serve.add_argument(
        "--rate-limit", type=int, help="Requests per minute per key (RUNDUN_RATE_LIMIT, default 600)."
    )
    serve.add_argument(
        "--log-level",
        help="critical, error, warning, info, debug or trace (RUNDUN_LOG_LEVEL, default info).",
    )
    serve.add_argument(
        "--allow-private-webhooks",
        action="store_true",
        help="Allow webhooks to loopback, private and link-local addresses (RUNDUN_WEBHOOK_ALLOW_PRIVATE=1).",
    )
    serve.set_defaults(func=cmd_serve)

    backup = sub.add_parser(
        "backup",
        help="Write a consistent backup of the database and its photos (the server may keep serving) to one file.",
        epilog="Exit codes: 0 backed up; 1 failed (no archive written); 2 refused (bad arguments or "
        "configuration, a database that cannot be reached included); 3 written, but photos the database refers to are missing from the media store "
        "(the first few named on standard error; the archive holds everything else).",
    )
    data_dir(backup, "The data dir to back up; its server may keep serving")
    database_url(backup)
    backup.add_argument("--to", required=True, help="The archive to write ('-' for standard output).")
    backup.add_argument(
        "--passphrase-file", type=Path, help="Encrypt with the passphrase in this file (AES-256-GCM)."
    )
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser(
        "restore",
        help="Restore a backup into a new, empty data dir (and empty database; checked first).",
        epilog="Exit codes: 0 restored; 1 refused, nothing written (a wrong or missing passphrase, a damaged or "
        "newer backup, a target that is not new or empty; the reason on standard error); 2 refused before "
        "starting, nothing written (bad arguments or configuration: an unreadable passphrase file, a database "
        "that cannot be reached, a RUNDUN_MEDIA_STORE that is none).",
    )
    data_dir(restore, "A new or empty directory to restore into")
    database_url(restore)
    restore.add_argument(
        "--from", dest="source", required=True, help="The archive to read ('-' for standard input)."
    )
    restore.add_argument("--passphrase-file", type=Path, help="The passphrase of an encrypted backup.")
    restore.set_defaults(func=cmd_restore)

    move = sub.add_parser(
        "migrate", help="Copy a stopped SQLite install into an empty PostgreSQL database, and verify it."
    )
    data_dir(move, "The stopped SQLite install to copy")
    move.add_argument(
        "--to",
        required=True,
        help=f"postgresql://user@host:port/db, an empty database ({PASSWORD_ELSEWHERE}).",
    )
    move.add_argument(
        "--media-to",
        help="Copy the photos into this new or empty folder, or s3://bucket/prefix, instead of the PostgreSQL "
        "database's media tables (the default).",
    )
    move.set_defaults(func=cmd_migrate)

    credits = sub.add_parser("credits", help="Manage run credits.")
    credits_sub = credits.add_subparsers(dest="credits_command", required=True)
    add = credits_sub.add_parser("add", help="Add run credits to an organisation.")
    data_dir(add)
    database_url(add)
    add.add_argument("--org", required=True, help="The organisation's ID (org-…).")
    add.add_argument("count", type=int, help="How many run credits to add.")
    add.set_defaults(func=cmd_credits_add)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, BadDatabase, BadMediaStore, CannotStart) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
