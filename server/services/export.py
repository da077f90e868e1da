"""`GET /v1/templates/{id}/runs.csv`: the runs of one template version with their answers, one row per run and
one column per step, streamed chunk by chunk (CHUNK runs per read), so a million runs export in the memory
of one chunk (bench/csv_export.py measures it against the sqlite3 command-line tool)."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import AsyncIterator

from server.errors import TemplateNotFound
from server.services import media
from server.services.context import Context
from server.store import export as export_store
from server.store import templates as template_store
from server.store.rows import loads
from server.tdl import SIGNATURE_STEP
from server.tdl.readable import cell_text

CHUNK = 500  # runs per read: the bound-parameter limit of the chunk's answer and photo queries
RUN_HEADERS = [
    "run_id",
    "status",
    "template_v",
    "executor_ref",
    "executor",
    "created_at",
    "opened_at",
    "completed_at",
    "updated_at",
    "answered",
    "skipped",
    "total",
    "findings",
]


def _template(conn: sqlite3.Connection, org_id: str, template_id: str, v: int | None) -> dict:
    template = template_store.get_template(conn, org_id, template_id, v)
    if template is None:
        raise TemplateNotFound("No such template (or version) in your organisation.")
    return template


def _chunk(conn: sqlite3.Connection, org_id: str, template_id: str, v: int, after, status) -> tuple:
    runs = export_store.run_chunk(conn, org_id, template_id, v, after=after, limit=CHUNK, status=status)
    ids = [run["id"] for run in runs]
    return runs, export_store.chunk_answers(conn, ids), export_store.chunk_photos(conn, ids)


def executor_text(identity_json: str | None) -> str:
    """Who executed the run, in one cell: `name <email>`, the member's user id, or `anonymous`."""
    identity = loads(identity_json) or {}
    mode = identity.get("mode")
    if mode == "external":
        return f"{identity.get('name') or ''} <{identity.get('email') or ''}>"
    if mode == "member":
        return str(identity.get("user_id") or "member")
    return mode or ""


async def runs_csv(
    ctx: Context, org_id: str, template_id: str, v: int | None, status: str | None
) -> tuple[dict, AsyncIterator[bytes]]:
    """The template version (404 before anything streams) and the CSV's bytes, header first."""
    template = await ctx.db.read_async(_template, org_id, template_id, v)
    steps = [
        step
        for section in template.get("sections") or []
        for step in section.get("steps") or []
        if step.get("type") != "instruction"
    ]

    def url(run_id: str, step_id: str, photo: tuple) -> str:
        return media.signed_url(ctx, run_id, step_id, photo[0], photo[1])

    async def chunks() -> AsyncIterator[bytes]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            [
                *RUN_HEADERS,
                *(f"{step.get('label') or step['id']} ({step['id']})" for step in steps),
                "signature",
            ]
        )
        after = None
        while True:
            runs, answers, photos = await ctx.db.read_async(
                _chunk, org_id, template_id, template["v"], after, status
            )
            for run in runs:
                run_answers, run_photos = answers.get(run["id"], {}), photos.get(run["id"], {})
                cells = []
                for step in steps:
                    value, skipped = run_answers.get(step["id"], (None, False))
                    shots = [url(run["id"], step["id"], p) for p in run_photos.get(step["id"], ())]
                    cells.append(cell_text(step, value, skipped=skipped, photo_urls=shots))
                signature = " ".join(
                    url(run["id"], SIGNATURE_STEP, p) for p in run_photos.get(SIGNATURE_STEP, ())
                )
                writer.writerow(
                    [
                        run["id"],
                        run["status"],
                        run["template_v"],
                        run["executor_ref"] or "",
                        executor_text(run["executor_identity"]),
                        run["created_at"],
                        run["opened_at"] or "",
                        run["completed_at"] or "",
                        run["updated_at"],
                        run["progress_answered"],
                        run["progress_skipped"],
                        run["progress_total"],
                        run["flagged"],
                        *cells,
                        signature,
                    ]
                )
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
            if len(runs) < CHUNK:
                return
            after = (runs[-1]["created_at"], runs[-1]["_rowid"])

    return template, chunks()
