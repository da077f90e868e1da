-- The rate limiter's shared token buckets (issue 15: "rate limits are per key across processes"). Only a
-- database that several server processes share uses it (PostgreSQL: see 0014_rate_buckets.postgresql.sql,
-- where it is UNLOGGED); a SQLite install is one process and keeps its buckets in memory, so here the table
-- stays empty. `key` is `key:<sha256 of an API key>` or `addr:<client address>`, never a plaintext key.
CREATE TABLE rate_buckets (
    key TEXT PRIMARY KEY,
    tokens REAL NOT NULL,     -- whole and fractional tokens left at `stamp`
    stamp REAL NOT NULL,      -- seconds since the epoch, by the database's clock
    granted INTEGER NOT NULL  -- tokens the last lease took (returned with the row)
);
