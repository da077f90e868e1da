"""Organisations: plans, monthly usage and the quota check made in the dispatch transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from server.clock import current_month
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
    end = (
        start.replace(year=start.year + 1, month=1)
        if start.month == 12
        else start.replace(month=start.month + 1)
    )
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


@dataclass
class _Charged:
    """One org's quota as a write job sees it: read once, then counted in memory."""

    plan: dict
    used: int
    credits: int
    runs: int = 0
    credits_spent: int = 0


class Quota:
    """Charges dispatched runs to their orgs' plans inside one write job (one dispatch, or a group of them):
    each run is checked in order exactly as one by one, and each org's usage is written once, by `write()`.
    Running inside the dispatch's write transaction, concurrent dispatches can never overspend."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn, self.month = conn, current_month()
        self._orgs: dict[str, _Charged] = {}

    def charge(self, org: Mapping[str, Any] | sqlite3.Row) -> None:
        """Count one run against the plan, else a run credit, else raise `QuotaExceeded`. `org` needs `id`,
        `plan` and `run_credits`, as read in this transaction."""
        charged = self._orgs.get(org["id"])
        if charged is None:
            plan = PLANS[org["plan"]]
            used = (
                org_store.runs_used(self.conn, org["id"], self.month)
                if plan["runs_included"] is not None
                else 0
            )
            charged = self._orgs[org["id"]] = _Charged(plan, used, org["run_credits"])
        included = charged.plan["runs_included"]
        if included is not None and charged.used >= included:
            if charged.credits - charged.credits_spent <= 0:
                raise QuotaExceeded(
                    f"You have used all {included} runs included in your {charged.plan['name']} plan this month. "
                    "Upgrade or purchase a run pack to continue."
                )
            charged.credits_spent += 1
        charged.used += 1
        charged.runs += 1

    def write(self) -> None:
        for org_id, charged in self._orgs.items():
            if charged.runs:
                org_store.count_runs(self.conn, org_id, self.month, charged.runs, charged.credits_spent)


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
