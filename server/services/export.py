"""`GET /v1/templates/{id}/runs.csv`: the runs of one template version with their answers, one row per run and
one column per step, streamed chunk by chunk (CHUNK runs per read), so a million runs export in the memory
of a couple of chunks (bench/csv_export.py measures it against the sqlite3 command-line tool).

Both the read and the writing of a chunk run on worker threads, never on the event loop, and the next chunk
is read while one is written: the database does most of a read outside the GIL, so on two cores the two
overlap (the export took 3.7× the sqlite3 tool's time when the loop did one thing after the other)."""

from __future__ import annotations

import asyncio
import csv
import io
import sqlite3
from collections.abc import AsyncIterator

from server.errors import TemplateNotFound
from server.services import media
from server.services.context import Context
from server.services.runs import expire_due_in_org
from server.spreadsheet import inert_row
from server.store import export as export_store
from server.store import templates as template_store
from server.store.export import (
    ANSWERED,
    ANSWERS,
    COMPLETED_AT,
    CREATED_AT,
    EXECUTOR_IDENTITY,
    EXECUTOR_REF,
    FLAGGED,
    ID,
    OPENED_AT,
    PHOTOS,
    ROWID,
    SKIPPED,
    STATUS,
    TEMPLATE_V,
    TOTAL,
    UPDATED_AT,
)
from server.store.rows import loads
from server.tdl import SIGNATURE_STEP
from server.tdl.readable import SKIPPED as SKIPPED_TEXT
from server.tdl.readable import plain_reader, with_photos

CHUNK = 2000  # runs per read: per-chunk costs (a query, two thread hops, a write) vanish, memory stays small
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
_MISSING = object()


def _template(conn: sqlite3.Connection, org_id: str, template_id: str, v: int | None) -> dict:
    template = template_store.get_template(conn, org_id, template_id, v)
    if template is None:
        raise TemplateNotFound("No such template (or version) in your organisation.")
    return template


def executor_text(identity_json: str | None) -> str:
    """Who executed the run, in one cell: `name <email>`, the member's user id, or `anonymous`."""
    identity = loads(identity_json) or {}
    mode = identity.get("mode")
    if mode == "external":
        return f"{identity.get('name') or ''} <{identity.get('email') or ''}>"
    if mode == "member":
        return str(identity.get("user_id") or "member")
    return mode or ""


class Sheet:
    """The CSV of one template version's runs: its header, and the text of a chunk of runs as the store
    reads them (`server.store.export`). Each step's reader is made once, not once per cell."""

    def __init__(self, ctx: Context, steps: list[dict]):
        self.ctx, self.steps = ctx, steps
        self.readers = [(step["id"], plain_reader(step)) for step in steps]

    def header(self) -> bytes:
        steps = [f"{step.get('label') or step['id']} ({step['id']})" for step in self.steps]
        return self._csv([[*RUN_HEADERS, *steps, "signature"]])

    def text(self, runs: list) -> bytes:
        return self._csv(self.row(run) for run in runs)

    @staticmethod
    def _csv(rows) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer).writerows(map(inert_row, rows))  # nothing an executor typed runs as a formula
        return buffer.getvalue().encode()

    def row(self, run) -> list:
        answers = loads(run[ANSWERS]) if run[ANSWERS] else {}
        get = answers.get
        cells = [
            ""
            if (value := get(step_id, _MISSING)) is _MISSING
            else SKIPPED_TEXT
            if value is None
            else read(value)
            for step_id, read in self.readers
        ]
        signature = ""
        if run[PHOTOS] and run[PHOTOS] != "[]":
            urls = self._photo_urls(run[ID], loads(run[PHOTOS]))
            signature = " ".join(urls.pop(SIGNATURE_STEP, ()))
            for i, step in enumerate(self.steps):
                if step["id"] in urls and get(step["id"], _MISSING) is not None:  # a skipped step stays so
                    cells[i] = with_photos(step, cells[i], urls[step["id"]])
        return [
            run[ID],
            run[STATUS],
            run[TEMPLATE_V],
            run[EXECUTOR_REF] or "",
            executor_text(run[EXECUTOR_IDENTITY]),
            run[CREATED_AT],
            run[OPENED_AT] or "",
            run[COMPLETED_AT] or "",
            run[UPDATED_AT],
            run[ANSWERED],
            run[SKIPPED],
            run[TOTAL],
            run[FLAGGED],
            *cells,
            signature,
        ]

    def _photo_urls(self, run_id: str, photos: list) -> dict[str, list[str]]:
        """`{step_id: [signed URL, …]}` in photo index order."""
        urls: dict[str, list[str]] = {}
        for step_id, index, content_type in sorted(photos):
            urls.setdefault(step_id, []).append(
                media.signed_url(self.ctx, run_id, step_id, index, content_type)
            )
        return urls


async def runs_csv(
    ctx: Context, org_id: str, template_id: str, v: int | None, status: str | None
) -> tuple[dict, AsyncIterator[bytes]]:
    """The template version (404 before anything streams) and the CSV's bytes, header first."""
    template = await ctx.db.read_async(_template, org_id, template_id, v)
    await expire_due_in_org(ctx, org_id)  # each row's status as `GET /v1/runs/{id}` gives it
    sheet = Sheet(
        ctx,
        [
            step
            for section in template.get("sections") or []
            for step in section.get("steps") or []
            if step.get("type") != "instruction"
        ],
    )

    def read(after: tuple[str, int] | None):
        return ctx.db.read_async(
            export_store.run_chunk,
            org_id,
            template_id,
            template["v"],
            after=after,
            limit=CHUNK,
            status=status,
        )

    async def chunks() -> AsyncIterator[bytes]:
        yield sheet.header()
        runs = await read(None)
        following: asyncio.Future | None = None
        try:
            while runs:
                if len(runs) == CHUNK:  # the next chunk is read while this one is written
                    following = asyncio.ensure_future(read((runs[-1][CREATED_AT], runs[-1][ROWID])))
                yield await asyncio.to_thread(sheet.text, runs)
                runs, following = (await following if following else []), None
        finally:
            if following is not None:  # the client went away mid-stream
                following.cancel()

    return template, chunks()
