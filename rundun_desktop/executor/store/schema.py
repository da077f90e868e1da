"""The executor store's schema: its tables, in numbered migrations recorded in `PRAGMA user_version`, and the
names of the states its rows hold."""

from __future__ import annotations

from server import tdl

SIGNATURE_STEP = tdl.SIGNATURE_STEP  # the run-level signature, as the server names it
DB_NAME = "executor.db"
BUSY_TIMEOUT_MS = 10_000

# local_state of a run
OPEN, COMPLETING, COMPLETED, EXITING, EXITED, REFUSED = (
    "open",
    "completing",
    "completed",
    "exiting",
    "exited",
    "refused",
)
FINISHED = (COMPLETED, EXITED, REFUSED)

# outbox op kinds and states
ANSWER, PHOTO, DELETE_PHOTO, SIGNATURE, COMPLETE, EXIT = (
    "answer",
    "photo",
    "delete_photo",
    "signature",
    "complete",
    "exit",
)
PENDING, FAILED, BLOCKED = "pending", "failed", "blocked"

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE runs (
        run_id TEXT PRIMARY KEY,
        base_url TEXT NOT NULL,
        token TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        template_name TEXT NOT NULL,
        identity TEXT,
        expires_at TEXT,
        server_status TEXT NOT NULL,
        server_progress TEXT,
        local_state TEXT NOT NULL DEFAULT 'open',
        refusal TEXT,
        attention TEXT,
        last_error TEXT,
        opened_at TEXT NOT NULL,
        synced_at TEXT
    );
    CREATE TABLE answers (
        run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
        step_id TEXT NOT NULL,
        value TEXT,
        geo TEXT,
        skipped INTEGER NOT NULL DEFAULT 0,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        PRIMARY KEY (run_id, step_id)
    );
    CREATE TABLE photos (
        run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
        step_id TEXT NOT NULL,
        photo_index INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        file TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (run_id, step_id, photo_index)
    );
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
        op_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        step_id TEXT,
        photo_index INTEGER,
        body TEXT NOT NULL,
        bytes INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'pending',
        upload_url TEXT,
        upload_offset INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX outbox_by_run ON outbox (run_id, state, seq);
    """,
    # 2: a run is bound to its server's identity (the organisation it belongs to), not only to an address:
    # the embedded server's port may change, and its runs follow it (`move_server`). Runs kept by an older
    # version have none; the app binds them when their server answers for them (`bind_server`).
    """
    ALTER TABLE runs ADD COLUMN server_id TEXT;
    CREATE INDEX runs_by_server ON runs (server_id);
    """,
]
