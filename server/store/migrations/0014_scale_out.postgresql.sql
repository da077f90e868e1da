-- PostgreSQL's form of 0014 (see the portable file), and statement-level rollups (below). UNLOGGED: a
-- bucket is worth nothing after a crash (it refills within a minute anyway), and a transaction that only
-- touches unlogged tables writes no WAL, so a lease never waits for a WAL flush; acknowledged writes
-- elsewhere keep `synchronous_commit=on`.
CREATE UNLOGGED TABLE rate_buckets (
    key TEXT PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    stamp DOUBLE PRECISION NOT NULL,
    granted BIGINT NOT NULL
);

-- Dispatch's hot path (bench/server_throughput.py): the rollups of inserted runs (0008, 0010) are counted
-- once per INSERT statement from its transition table instead of by two plpgsql calls and two upserts per
-- row; a group of dispatches is one multi-row INSERT, so its rollups cost two upserts in all. (Updates and
-- deletes keep their row triggers: they touch a run at a time, and transition tables exclude column lists.)
CREATE FUNCTION runs_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO run_rollups (org_id, template_id, slot, template_v, status, runs, flagged_runs)
    SELECT org_id, template_id, rundun_slot(created_at), template_v, status, count(*),
        count(*) FILTER (WHERE flagged > 0)
    FROM inserted_runs GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (org_id, template_id, slot, template_v, status)
    DO UPDATE SET runs = run_rollups.runs + excluded.runs,
        flagged_runs = run_rollups.flagged_runs + excluded.flagged_runs;
    INSERT INTO run_rollups_hourly (org_id, template_id, slot, template_v, status, runs, flagged_runs)
    SELECT org_id, template_id, substr(created_at, 1, 13), template_v, status, count(*),
        count(*) FILTER (WHERE flagged > 0)
    FROM inserted_runs GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (org_id, template_id, slot, template_v, status)
    DO UPDATE SET runs = run_rollups_hourly.runs + excluded.runs,
        flagged_runs = run_rollups_hourly.flagged_runs + excluded.flagged_runs;
    RETURN NULL;
END
$$;
DROP TRIGGER runs_rollup_insert ON runs;
DROP TRIGGER runs_rollup_hourly_insert ON runs;
CREATE TRIGGER runs_rollup_inserted AFTER INSERT ON runs REFERENCING NEW TABLE AS inserted_runs
    FOR EACH STATEMENT EXECUTE FUNCTION runs_rollup_inserted();
