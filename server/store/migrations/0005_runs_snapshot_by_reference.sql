-- migrate: foreign_keys off
-- A run's snapshot is its template version verbatim, and every version stays in template_versions for
-- good (templates are only ever soft-deleted), so new runs keep it by reference: `snapshot` is NULL and
-- the document is rebuilt from (template_id, template_v). Writing ~3 KB per dispatch made each run fill a
-- page of its own; the dispatch benchmark (bench/server_throughput.py) showed the insert and its WAL
-- traffic as the writer's largest cost. Runs dispatched before this keep the snapshot they stored.
-- SQLite cannot drop NOT NULL in place: the table is rebuilt (the documented 12-step procedure, with
-- foreign keys off and checked before the commit).
CREATE TABLE runs_new (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    template_id TEXT NOT NULL,
    template_v INTEGER NOT NULL,
    template_name TEXT NOT NULL,
    snapshot TEXT,                     -- NULL: template_versions (template_id, template_v); else that JSON
    status TEXT NOT NULL,              -- pending | in_progress | completed | cancelled | expired
    executor_ref TEXT,
    webhook TEXT,                      -- JSON {url, secret, events} or NULL
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    opened_at TEXT,
    completed_at TEXT,
    expires_at TEXT,
    closed_reason TEXT,
    assigned_to TEXT,
    executor_identity TEXT,            -- JSON
    executor_token_hash TEXT,
    progress_total INTEGER NOT NULL DEFAULT 0,
    progress_answered INTEGER NOT NULL DEFAULT 0,
    progress_skipped INTEGER NOT NULL DEFAULT 0
);
INSERT INTO runs_new (rowid, id, org_id, template_id, template_v, template_name, snapshot, status, executor_ref,
    webhook, created_at, updated_at, opened_at, completed_at, expires_at, closed_reason, assigned_to,
    executor_identity, executor_token_hash, progress_total, progress_answered, progress_skipped)
SELECT rowid, id, org_id, template_id, template_v, template_name, snapshot, status, executor_ref,
    webhook, created_at, updated_at, opened_at, completed_at, expires_at, closed_reason, assigned_to,
    executor_identity, executor_token_hash, progress_total, progress_answered, progress_skipped
FROM runs;
DROP TABLE runs;
ALTER TABLE runs_new RENAME TO runs;
CREATE INDEX runs_org_created ON runs (org_id, created_at DESC);
CREATE INDEX runs_org_updated ON runs (org_id, updated_at);
CREATE INDEX runs_org_status ON runs (org_id, status, created_at DESC);
CREATE INDEX runs_org_template ON runs (org_id, template_id, created_at DESC);
CREATE INDEX runs_org_ref ON runs (org_id, executor_ref);
CREATE INDEX runs_expiry ON runs (status, expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX runs_org_expires ON runs (org_id, expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX runs_org_never_expires ON runs (org_id) WHERE expires_at IS NULL;
