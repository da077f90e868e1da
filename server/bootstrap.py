"""Creating an organisation and its first API key: `rundun-server init` and the desktop's first start."""

from __future__ import annotations

from server.services.orgs import PLANS
from server.store import orgs as org_store
from server.store.db import Database


def init_org(db: Database, name: str, plan: str = "unlimited") -> tuple[dict, str]:
    """Create an org with a first API key named 'Default'; returns (org, plaintext key)."""
    if plan not in PLANS:
        raise ValueError(f"unknown plan {plan!r}; choose one of {', '.join(PLANS)}")

    def job(conn):
        org = org_store.create_org(conn, name, plan)
        _, key = org_store.create_api_key(conn, org["id"], "Default")
        return org, key

    return db.write_sync(job)


def has_org(db: Database) -> bool:
    return bool(db.read(org_store.list_orgs))
