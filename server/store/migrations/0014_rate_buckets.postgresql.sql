-- PostgreSQL's form of 0014 (see the portable file). UNLOGGED: a bucket is worth nothing after a crash (it
-- refills within a minute anyway), and a transaction that only touches unlogged tables writes no WAL, so a
-- lease never waits for a WAL flush; acknowledged writes elsewhere keep `synchronous_commit=on`.
CREATE UNLOGGED TABLE rate_buckets (
    key TEXT PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    stamp DOUBLE PRECISION NOT NULL,
    granted BIGINT NOT NULL
);
