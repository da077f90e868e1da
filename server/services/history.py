"""`GET /v1/runs/{id}/history` (SPEC §10): every write the server received for a run, oldest first.

The entries are appended by the write jobs themselves (answering, photos, closing) in the same transaction
as the change they record; this module only reads them, for the run's own organisation.
"""

from __future__ import annotations

import sqlite3

from server.errors import RunNotFound
from server.services.context import Context
from server.store import history as history_store
from server.store import runs as run_store


def _page(
    conn: sqlite3.Connection, org_id: str, run_id: str, page: int, per_page: int, after: int | None
) -> tuple[list[dict], int]:
    if run_store.get_run_summary(conn, run_id, org_id) is None:
        raise RunNotFound()
    if after is not None:
        rows = history_store.entries(conn, run_id, after=after, limit=per_page + 1)
    else:
        rows = history_store.entries(conn, run_id, after=0, limit=per_page + 1, offset=(page - 1) * per_page)
    return rows, history_store.count(conn, run_id)


async def history_page(
    ctx: Context, org_id: str, run_id: str, *, page: int, per_page: int, after: int | None
) -> dict:
    """One page of the run's history as the API shows it: `{data, pagination}` (404 for another org's run)."""
    rows, total = await ctx.db.read_async(_page, org_id, run_id, page, per_page, after)
    more = len(rows) > per_page
    rows = rows[:per_page]
    return {
        "data": [_public(row) for row in rows],
        "pagination": {
            "total": total,
            "page": page,
            "per_page": per_page,
            "next_page": page + 1 if more and after is None else None,
            "next_cursor": str(rows[-1]["seq"]) if more else None,
        },
    }


def _public(row: dict) -> dict:
    """Every entry has every key (null where it does not apply): answers fill value/skipped/op_id/source/
    outcome, photo, signature and exit entries put their facts in `details`."""
    answer = row["kind"] == "answer"
    return {
        "seq": row["seq"],
        "kind": row["kind"],
        "step_id": row["step_id"],
        "value": row["value"] if answer else None,
        "skipped": row["skipped"],
        "at": row["at"],
        "received_at": row["received_at"],
        "op_id": row["op_id"],
        "source": row["source"],
        "outcome": row["outcome"],
        "details": None if answer else row["value"],
    }
