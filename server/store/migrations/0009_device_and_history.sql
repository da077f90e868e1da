-- What the supervisor sees of the device, and every change to an answer (SPEC §10).
--
-- The latest `Rundun-Device` header an executor sent for a run, one column per field so that "waiting on a
-- device" (`GET /v1/runs?waiting_on_device=true`) is a plain comparison in any SQL dialect. NULL contact: the
-- run was never heard from with the header.
ALTER TABLE runs ADD COLUMN device_contact_at TEXT;
ALTER TABLE runs ADD COLUMN device_pending_ops INTEGER;
ALTER TABLE runs ADD COLUMN device_pending_bytes INTEGER;
ALTER TABLE runs ADD COLUMN device_failed_ops INTEGER;
ALTER TABLE runs ADD COLUMN device_app TEXT;
-- The few runs with work still on a device, without walking the whole org.
CREATE INDEX runs_org_waiting_on_device ON runs (org_id, created_at DESC) WHERE device_pending_ops > 0;

-- Every write the executor sent for a run, in the order the server received it, never updated: answers
-- (applied, stale or duplicate, from PUT or /sync), photo attach/remove, signature, complete and exit.
-- `seq` counts per run from 1 (the writer assigns it inside the write's own transaction), so the primary key
-- is also the listing's order and cursor, without an engine-specific auto-increment.
CREATE TABLE run_history (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,          -- answer | photo_attached | photo_removed | signature | complete | exit
    step_id TEXT,
    value TEXT,                  -- JSON of the answer's value (answers), or of the entry's facts (others)
    skipped INTEGER,
    at TEXT,                     -- the device's time, as sent (answers, complete)
    received_at TEXT NOT NULL,   -- the server's clock when the write arrived
    op_id TEXT,
    source TEXT,                 -- put | sync (answers)
    outcome TEXT,                -- applied | stale | duplicate (answers)
    PRIMARY KEY (run_id, seq)
);
