-- Core schema: organisations, credentials, templates with every version, runs with answers, events.

CREATE TABLE server_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE orgs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    plan TEXT NOT NULL,
    run_credits INTEGER NOT NULL DEFAULT 0,
    default_expires_in_hours REAL NOT NULL DEFAULT 72,
    created_at TEXT NOT NULL
);

CREATE TABLE usage_months (
    org_id TEXT NOT NULL REFERENCES orgs(id),
    month TEXT NOT NULL,               -- 'YYYY-MM', UTC
    runs_used INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, month)
) WITHOUT ROWID;

CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_keys_org ON api_keys (org_id, created_at);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX users_org ON users (org_id, created_at);

CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    v INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    tags TEXT NOT NULL DEFAULT '[]',   -- JSON list
    body TEXT NOT NULL,                -- normalized TDL of version v, JSON
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX templates_org ON templates (org_id, deleted_at, updated_at);

CREATE TABLE template_versions (
    template_id TEXT NOT NULL REFERENCES templates(id),
    v INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (template_id, v)
) WITHOUT ROWID;

CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    template_id TEXT NOT NULL,
    template_v INTEGER NOT NULL,
    template_name TEXT NOT NULL,
    snapshot TEXT NOT NULL,            -- the template version, verbatim, JSON
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
CREATE INDEX runs_org_created ON runs (org_id, created_at DESC);
CREATE INDEX runs_org_updated ON runs (org_id, updated_at);
CREATE INDEX runs_org_status ON runs (org_id, status, created_at DESC);
CREATE INDEX runs_org_template ON runs (org_id, template_id, created_at DESC);
CREATE INDEX runs_org_ref ON runs (org_id, executor_ref);
CREATE INDEX runs_expiry ON runs (status, expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE answers (
    run_id TEXT NOT NULL REFERENCES runs(id),
    step_id TEXT NOT NULL,
    value TEXT,                        -- JSON
    geo TEXT,                          -- JSON or NULL
    at TEXT NOT NULL,
    by TEXT,
    skipped INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, step_id)
) WITHOUT ROWID;

CREATE TABLE photos (
    run_id TEXT NOT NULL REFERENCES runs(id),
    step_id TEXT NOT NULL,             -- '_signature' for the run's completion signature
    photo_index INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (run_id, step_id, photo_index)
) WITHOUT ROWID;

CREATE TABLE idempotency_keys (
    org_id TEXT NOT NULL,
    key TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (org_id, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_created ON idempotency_keys (created_at);

-- The outbox: one row per event, written in the transaction of the state change that causes it.
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,           -- evt_<uuid>
    org_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    event TEXT NOT NULL,
    created_at TEXT NOT NULL,
    body TEXT NOT NULL                 -- the webhook body, JSON, exactly as delivered
);
CREATE INDEX events_org ON events (org_id, seq);
CREATE INDEX events_run ON events (run_id, seq);

-- One row per (event, webhook) to deliver; the delivery worker drains it.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,               -- whd_<uuid>
    event_seq INTEGER NOT NULL REFERENCES events(seq),
    run_id TEXT NOT NULL,
    url TEXT NOT NULL,
    secret TEXT,
    status TEXT NOT NULL,              -- pending | delivered | failed
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_status_code INTEGER,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_run ON webhook_deliveries (run_id, event_seq);

CREATE TABLE webhook_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id),
    attempted_at TEXT NOT NULL,
    status_code INTEGER,
    duration_ms INTEGER NOT NULL,
    error TEXT
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
