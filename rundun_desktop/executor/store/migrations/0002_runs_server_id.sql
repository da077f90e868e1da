-- A run is bound to its server's identity (the organisation it belongs to), not only to an address: the
-- embedded server's port may change, and its runs follow it (`move_server`). Runs kept by an older version
-- have none; the app binds them when their server answers for them (`bind_server`).
ALTER TABLE runs ADD COLUMN server_id TEXT;
CREATE INDEX runs_by_server ON runs (server_id);
