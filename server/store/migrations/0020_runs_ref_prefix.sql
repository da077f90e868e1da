-- The run monitor's search by the first letters of a reference (`GET /v1/runs?executor_ref_prefix=`) reads a
-- range of runs_org_ref (org_id, executor_ref, created_at DESC): `executor_ref >= 'van-0' AND executor_ref <
-- 'van-1'` in SQLite's BINARY collation, code point order. Nothing to add on SQLite; PostgreSQL's
-- migration adds the same range in the "C" collation (see the .postgresql.sql beside this).
SELECT 1;
