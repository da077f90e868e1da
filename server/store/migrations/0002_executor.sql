-- The executor protocol: precise answer times, processed sync op ids, resumable (tus) uploads.

-- Milliseconds since the epoch of the executor's `at` (after clamping): "last at wins" compares these,
-- while `at` keeps the API's second-precision text.
ALTER TABLE answers ADD COLUMN at_ms INTEGER;

-- Blobs are content-addressed and may be shared: deleting one first asks whether any row still uses it.
CREATE INDEX photos_sha ON photos (sha256);

-- One row per applied (or stale) /sync op, so that replaying an op_id is a no-op.
CREATE TABLE sync_ops (
    run_id TEXT NOT NULL REFERENCES runs(id),
    op_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    status TEXT NOT NULL,              -- applied | stale
    created_at TEXT NOT NULL,
    PRIMARY KEY (run_id, op_id)
) WITHOUT ROWID;

-- tus 1.0 uploads: the bytes acknowledged so far live in DATA_DIR/uploads/<id>.part; `upload_offset` is the
-- durable truth (the file may hold an unacknowledged tail after a crash; it is cut back to it).
CREATE TABLE uploads (
    id TEXT PRIMARY KEY,               -- upl_<32 hex>
    run_id TEXT NOT NULL REFERENCES runs(id),
    step_id TEXT NOT NULL,
    photo_index INTEGER NOT NULL,
    length INTEGER NOT NULL,
    upload_offset INTEGER NOT NULL DEFAULT 0,
    metadata TEXT NOT NULL,            -- JSON of the decoded Upload-Metadata pairs
    status TEXT NOT NULL,              -- receiving | attached
    sha256 TEXT,                       -- of the attached photo
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX uploads_run ON uploads (run_id, status);
