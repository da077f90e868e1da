"""The filtered runs list as CSV: one row per run summary, times in UTC as the API gives them."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from rundun_desktop import formatting as fmt
from server.spreadsheet import inert_row

COLUMNS = [
    ("run_id", lambda r: r["run_id"]),
    ("status", lambda r: r["status"]),
    ("template_id", lambda r: r.get("template_id")),
    ("template_name", lambda r: r.get("template_name")),
    ("template_v", lambda r: r.get("template_v")),
    ("executor_ref", lambda r: r.get("executor_ref")),
    (
        "executor",
        lambda r: fmt.identity_text(r.get("executor_identity")) if r.get("executor_identity") else "",
    ),
    ("answered", lambda r: (r.get("progress") or {}).get("answered", 0)),
    ("skipped", lambda r: (r.get("progress") or {}).get("skipped", 0)),
    ("total", lambda r: (r.get("progress") or {}).get("total", 0)),
    # What the Findings and On the device columns show, as numbers (the export of "With findings" had neither).
    ("findings", lambda r: r.get("flagged") or 0),
    ("device_pending_changes", lambda r: (r.get("device") or {}).get("pending_ops")),
    ("device_pending_bytes", lambda r: (r.get("device") or {}).get("pending_bytes")),
    ("device_failed_changes", lambda r: (r.get("device") or {}).get("failed_ops")),
    ("created_at", lambda r: r.get("created_at")),
    ("updated_at", lambda r: r.get("updated_at")),
    ("opened_at", lambda r: r.get("opened_at")),
    ("completed_at", lambda r: r.get("completed_at")),
    ("expires_at", lambda r: r.get("expires_at")),
    ("cancel_reason", lambda r: r.get("cancel_reason")),
]


def write_header(out: IO[str]) -> Any:  # a csv writer (the type `_csv.Writer` is private)
    writer = csv.writer(out)
    writer.writerow([name for name, _ in COLUMNS])
    return writer


def write_rows(writer, runs: Iterable[dict]) -> int:
    count = 0
    for run in runs:
        # An executor's name or an executor_ref that starts like a formula is not run by the spreadsheet.
        writer.writerow(inert_row(["" if (v := get(run)) is None else v for _, get in COLUMNS]))
        count += 1
    return count
