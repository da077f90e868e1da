-- PostgreSQL's form of 0016 (runs per UTC day, completion-time buckets; see the portable file for the why):
-- the same tables, kept by plpgsql triggers as 0008's and 0010's are.
CREATE TABLE run_rollups_daily (
    org_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    day TEXT NOT NULL,                 -- 'YYYY-MM-DD', UTC
    template_v BIGINT NOT NULL,
    status TEXT NOT NULL,
    runs BIGINT NOT NULL,
    flagged_runs BIGINT NOT NULL,
    PRIMARY KEY (org_id, template_id, day, template_v, status)
);
CREATE INDEX run_rollups_daily_org_day ON run_rollups_daily (org_id, day);
INSERT INTO run_rollups_daily (org_id, template_id, day, template_v, status, runs, flagged_runs)
SELECT org_id, template_id, substr(slot, 1, 10), template_v, status, sum(runs), sum(flagged_runs)
FROM run_rollups_hourly GROUP BY 1, 2, 3, 4, 5;

CREATE FUNCTION runs_rollup_daily() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE run_rollups_daily SET runs = runs - 1,
            flagged_runs = flagged_runs - CASE WHEN OLD.flagged > 0 THEN 1 ELSE 0 END
        WHERE org_id = OLD.org_id AND template_id = OLD.template_id AND day = substr(OLD.created_at, 1, 10)
            AND template_v = OLD.template_v AND status = OLD.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO run_rollups_daily (org_id, template_id, day, template_v, status, runs, flagged_runs)
        VALUES (NEW.org_id, NEW.template_id, substr(NEW.created_at, 1, 10), NEW.template_v, NEW.status, 1,
            CASE WHEN NEW.flagged > 0 THEN 1 ELSE 0 END)
        ON CONFLICT (org_id, template_id, day, template_v, status)
        DO UPDATE SET runs = run_rollups_daily.runs + 1,
            flagged_runs = run_rollups_daily.flagged_runs + excluded.flagged_runs;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER runs_rollup_daily_insert AFTER INSERT ON runs FOR EACH ROW EXECUTE FUNCTION runs_rollup_daily();
CREATE TRIGGER runs_rollup_daily_update AFTER UPDATE OF status, flagged ON runs FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR (OLD.flagged > 0) IS DISTINCT FROM (NEW.flagged > 0))
    EXECUTE FUNCTION runs_rollup_daily();
CREATE TRIGGER runs_rollup_daily_delete AFTER DELETE ON runs FOR EACH ROW EXECUTE FUNCTION runs_rollup_daily();

-- The bucket of a time to complete: seconds below 100 exactly, above their first two significant digits.
CREATE FUNCTION rundun_completion_bucket(seconds BIGINT) RETURNS BIGINT LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CASE WHEN seconds < 100 THEN seconds
        ELSE CAST(substr(CAST(seconds AS TEXT), 1, 2) || repeat('0', length(CAST(seconds AS TEXT)) - 2) AS BIGINT)
    END
$$;
CREATE TABLE run_completions (
    org_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    day TEXT NOT NULL,                 -- 'YYYY-MM-DD' of created_at, UTC
    bucket BIGINT NOT NULL,            -- the least time to complete (s) of the bucket
    runs BIGINT NOT NULL,
    PRIMARY KEY (org_id, template_id, day, bucket)
);
CREATE INDEX run_completions_org_day ON run_completions (org_id, day, bucket, runs);  -- covering: the whole org reads no table row
INSERT INTO run_completions (org_id, template_id, day, bucket, runs)
SELECT org_id, template_id, substr(created_at, 1, 10), rundun_completion_bucket(time_to_complete_s), count(*)
FROM runs WHERE status = 'completed' AND time_to_complete_s IS NOT NULL GROUP BY 1, 2, 3, 4;

CREATE FUNCTION runs_completions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'completed' AND OLD.time_to_complete_s IS NOT NULL THEN
        UPDATE run_completions SET runs = runs - 1
        WHERE org_id = OLD.org_id AND template_id = OLD.template_id AND day = substr(OLD.created_at, 1, 10)
            AND bucket = rundun_completion_bucket(OLD.time_to_complete_s);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'completed' AND NEW.time_to_complete_s IS NOT NULL THEN
        INSERT INTO run_completions (org_id, template_id, day, bucket, runs)
        VALUES (NEW.org_id, NEW.template_id, substr(NEW.created_at, 1, 10),
            rundun_completion_bucket(NEW.time_to_complete_s), 1)
        ON CONFLICT (org_id, template_id, day, bucket) DO UPDATE SET runs = run_completions.runs + 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER runs_completions_insert AFTER INSERT ON runs FOR EACH ROW
    WHEN (NEW.status = 'completed') EXECUTE FUNCTION runs_completions();
CREATE TRIGGER runs_completions_update AFTER UPDATE OF status, opened_at, completed_at ON runs FOR EACH ROW
    WHEN (OLD.status = 'completed' OR NEW.status = 'completed') EXECUTE FUNCTION runs_completions();
CREATE TRIGGER runs_completions_delete AFTER DELETE ON runs FOR EACH ROW
    WHEN (OLD.status = 'completed') EXECUTE FUNCTION runs_completions();
