-- The executor store's first schema (SPEC §8): opened runs with their snapshot and token, the answers, the
-- photos (content-addressed files named by their SHA-256) and the outbox of operations in order.
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
