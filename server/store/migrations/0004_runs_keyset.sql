-- Keyset paging of runs by expiry (`GET /v1/runs?sort=expires_at&after=…`): no index ordered an org's runs
-- by expires_at, so every such page sorted the whole org (over a second at 1M runs). The rows with an expiry
-- are read in index order, then the never-expiring ones by rowid (the cursor's tie-breaker, implied at the
-- end of each index). Both are partial indexes on purpose: a plain (org_id, expires_at) index ties with
-- runs_org_created & co. for `WHERE org_id = ?` and SQLite (without ANALYZE) then picks it for every sort,
-- sorting the whole org. The other sorts are served by the indexes of 0001.
CREATE INDEX runs_org_expires ON runs (org_id, expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX runs_org_never_expires ON runs (org_id) WHERE expires_at IS NULL;
