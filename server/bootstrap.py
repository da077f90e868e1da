"""Creating an organisation and its first API key: `rundun-server init` and the desktop's first start.

`ensure_desktop_org` is the one door the desktop has into the server besides HTTP, `server.tdl` and the
app factory (import-linter forbids it the store and the services): the desktop never opens the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from server.services.orgs import PLANS
from server.store import orgs as org_store
from server.store.db import Database
from server.store.writer import GroupCommitWriter


def init_org(db: GroupCommitWriter, name: str, plan: str = "unlimited") -> tuple[dict, str]:
    """Create an org with a first API key named 'Default'; returns (org, plaintext key)."""
    if plan not in PLANS:
        raise ValueError(f"unknown plan {plan!r}; choose one of {', '.join(PLANS)}")
    return db.write_sync(_org_with_key, name, plan)


def _org_with_key(conn, name: str, plan: str) -> tuple[dict, str]:
    org = org_store.create_org(conn, name, plan)
    _, key = org_store.create_api_key(conn, org["id"], "Default")
    return org, key


def has_org(db: GroupCommitWriter) -> bool:
    return bool(db.read(org_store.list_orgs))


def create_first_org(db: GroupCommitWriter, name: str) -> tuple[dict, str] | None:
    """An unlimited org with its first key, as `init_org`, unless the database has one by the time the write
    runs: then None. The check is inside the write: every write transaction holds one lock from its BEGIN
    (on PostgreSQL an advisory lock, `server.store.postgres.WRITE_LOCK`, as the migrations hold theirs;
    on SQLite `BEGIN IMMEDIATE`), so of processes starting together on an empty database exactly one
    makes it. A check before the write, as there was, let three processes each find none and make three."""

    def job(conn):
        return None if org_store.list_orgs(conn) else _org_with_key(conn, name, "unlimited")

    return db.write_sync(job)


@dataclass(frozen=True)
class DesktopAccess:
    """What `ensure_desktop_org` did: whether it made the organisation, and a new plaintext key if it made
    one (to keep in the keyring; Rundun stores only its hash)."""

    created: bool
    api_key: str | None


# The name a first start gives the organisation (the desktop's embedded server, `serve` on an empty database):
# a person opening a run link reads "My organisation sent you a checklist" until someone names it; the
# desktop's dispatch dialog asks for the name while it is this one.
UNNAMED_ORG = "My organisation"


def ensure_desktop_org(data_dir: Path, org_name: str, *, need_key: bool = False) -> DesktopAccess:
    """The embedded server's organisation and a key for the desktop, before the server starts.

    On an empty data dir: an unlimited org named `org_name` with its first key. Otherwise nothing, unless
    `need_key` (the data dir was made by `rundun-server serve`, or the keyring was wiped): then a new key
    named "Desktop" for the first org, as `rundun-server init` would make one.
    """
    db = Database(Path(data_dir) / "rundun.db")
    try:
        made = None if has_org(db) else create_first_org(db, org_name)
        if made is not None:
            return DesktopAccess(True, made[1])
        if not need_key:
            return DesktopAccess(False, None)
        org_id = db.read(org_store.list_orgs)[0]["id"]
        _, key = db.write_sync(org_store.create_api_key, org_id, "Desktop")
        return DesktopAccess(False, key)
    finally:
        db.close()
