"""Organisations: plans, monthly usage and the quota check made in the dispatch transaction."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from server.errors import NotFound, QuotaExceeded
from server.store import orgs as org_store

PLANS: dict[str, dict] = {
    "starter": {"name": "Starter", "runs_included": 30},
    "team": {"name": "Team", "runs_included": 1000},
    "business": {"name": "Business", "runs_included": 10000},
    "unlimited": {"name": "Unlimited", "runs_included": None},
}


def month_bounds(now: datetime | None = None) -> tuple[str, str, str]:
    """(`YYYY-MM`, period_start, period_end) of the current UTC calendar month."""
    now = now or datetime.now(UTC)
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    return start.strftime("%Y-%m"), start.strftime(fmt), end.strftime(fmt)


def org_document(conn: sqlite3.Connection, org_id: str) -> dict:
    org = org_store.get_org(conn, org_id)
    if org is None:
        raise NotFound("No such organisation.")
    month, start, end = month_bounds()
    return {
        "id": org["id"],
        "name": org["name"],
        "plan": org["plan"],
        "usage": {
            "runs_included": PLANS[org["plan"]]["runs_included"],
            "runs_used_this_month": org_store.runs_used(conn, org_id, month),
            "run_credits": org["run_credits"],
            "period_start": start,
            "period_end": end,
        },
        "settings": {"default_expires_in_hours": _number(org["default_expires_in_hours"])},
    }


def charge_run(conn: sqlite3.Connection, org: dict) -> None:
    """Count one dispatched run against the plan, else a run credit, else raise `QuotaExceeded`.

    Runs inside the dispatch's write transaction, so concurrent dispatches can never overspend.
    """
    plan = PLANS[org["plan"]]
    month, _, _ = month_bounds()
    included = plan["runs_included"]
    if included is None:
        org_store.count_run(conn, org["id"], month, use_credit=False)
        return
    used = org_store.runs_used(conn, org["id"], month)
    if used < included:
        org_store.count_run(conn, org["id"], month, use_credit=False)
    elif org["run_credits"] > 0:
        org_store.count_run(conn, org["id"], month, use_credit=True)
    else:
        raise QuotaExceeded(
            f"You have used all {included} runs included in your {plan['name']} plan this month. "
            "Upgrade or purchase a run pack to continue."
        )


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
