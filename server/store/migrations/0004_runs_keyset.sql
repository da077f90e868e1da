-- Keyset paging of runs by expiry (`GET /v1/runs?sort=expires_at&after=…`): no index ordered runs by
-- expires_at within an org, so every page sorted the whole org (over a second at 1M runs). rowid, implied
-- at the end of the index, is the cursor's tie-breaker. The other sorts are served by the indexes of 0001.
CREATE INDEX runs_org_expires ON runs (org_id, expires_at);
