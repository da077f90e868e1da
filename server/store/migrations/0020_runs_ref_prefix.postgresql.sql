-- The run monitor's search by the first letters of a reference (`GET /v1/runs?executor_ref_prefix=`): the
-- store compares `executor_ref COLLATE "C"` (code points, as SQLite's BINARY), since in a language's
-- collation (en_US.UTF-8) a prefix's range holds texts that do not start with it ('van0' beside 'van-0')
-- and misses some that do. runs_org_ref is in the database's collation, which equality (the exact filter)
-- and `sort=executor_ref` need; this one serves the prefix's range.
CREATE INDEX runs_org_ref_c ON runs (org_id, executor_ref COLLATE "C", created_at DESC);
