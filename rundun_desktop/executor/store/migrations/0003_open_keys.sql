-- The Idempotency-Key of a run's open (SPEC §5), kept before the open is sent: a retry after an answer the
-- network lost sends the same key and gets the same token back (a new key was 409 run_already_opened for
-- ever). The row goes when the run is kept (`add_run`); keys of opens never finished go after 30 days.
CREATE TABLE open_keys (
    run_id TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    created_at TEXT NOT NULL
);
