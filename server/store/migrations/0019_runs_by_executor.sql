-- One executor reference's runs, newest first: the run monitor's search box (`GET /v1/runs?executor_ref=`),
-- with or without a status, and the dashboard's executor filter. runs_org_ref (org_id, executor_ref) found
-- the reference but not the order, so SQLite (without ANALYZE) walked runs_org_created instead and read
-- every run of the org to find a driver's 40 (bench/fleet_api_times.py: a year of a fleet, 30,000 runs).
-- With created_at in the index the same seek gives the rows in order and the dashboard's day ranges; the
-- `sort=executor_ref` listing reads it as before, now without sorting each reference's runs.
DROP INDEX runs_org_ref;
CREATE INDEX runs_org_ref ON runs (org_id, executor_ref, created_at DESC);
