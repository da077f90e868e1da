-- The supervisor's numbers read per UTC day (SPEC §14), so that 30 days cost about the same whatever the
-- table holds (bench/stats.py: one template at 1,000,000 runs within 1.5 × its time at 100,000).
--
-- `run_rollups_daily`: runs per UTC day of created_at, template version and CURRENT status, as 0010 keeps
-- per hour. A day of another zone is read as whole UTC days plus the hours (or quarter hours) between its
-- bounds and the nearest UTC midnights (server.services.stats), so 30 days read ~30 × 5 rows per template and
-- a few hours at each bound, not 720 hours.
--
-- `run_completions`: the completed runs per UTC day of created_at and bucket of time to complete (seconds
-- below 100 exactly; above, their first two significant digits: 259200 s counts in the bucket 250000). The
-- percentiles walk these counts to the bucket holding the rank, then read only that bucket's exact values
-- (server.store.stats.completion_percentiles), instead of every completion time of the period.
--
-- Both are kept by triggers in the very transaction that writes the run, as 0008 and 0010 are. A dispatch
-- (a pending run) adds one upsert to `run_rollups_daily` and touches `run_completions` not at all
-- (bench/rollup_triggers.py).
CREATE TABLE run_rollups_daily (
    org_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    day TEXT NOT NULL,                 -- 'YYYY-MM-DD', UTC
    template_v INTEGER NOT NULL,
    status TEXT NOT NULL,
    runs INTEGER NOT NULL,
    flagged_runs INTEGER NOT NULL,
    PRIMARY KEY (org_id, template_id, day, template_v, status)
) WITHOUT ROWID;
CREATE INDEX run_rollups_daily_org_day ON run_rollups_daily (org_id, day);
INSERT INTO run_rollups_daily (org_id, template_id, day, template_v, status, runs, flagged_runs)
SELECT org_id, template_id, substr(slot, 1, 10), template_v, status, sum(runs), sum(flagged_runs)
FROM run_rollups_hourly GROUP BY 1, 2, 3, 4, 5;
CREATE TRIGGER runs_rollup_daily_insert AFTER INSERT ON runs BEGIN
    INSERT INTO run_rollups_daily (org_id, template_id, day, template_v, status, runs, flagged_runs)
    VALUES (NEW.org_id, NEW.template_id, substr(NEW.created_at, 1, 10), NEW.template_v, NEW.status, 1,
        NEW.flagged > 0)
    ON CONFLICT (org_id, template_id, day, template_v, status)
    DO UPDATE SET runs = runs + 1, flagged_runs = flagged_runs + excluded.flagged_runs;
END;
CREATE TRIGGER runs_rollup_daily_update AFTER UPDATE OF status, flagged ON runs
WHEN OLD.status IS NOT NEW.status OR (OLD.flagged > 0) IS NOT (NEW.flagged > 0) BEGIN
    UPDATE run_rollups_daily SET runs = runs - 1, flagged_runs = flagged_runs - (OLD.flagged > 0)
    WHERE org_id = OLD.org_id AND template_id = OLD.template_id AND day = substr(OLD.created_at, 1, 10)
        AND template_v = OLD.template_v AND status = OLD.status;
    INSERT INTO run_rollups_daily (org_id, template_id, day, template_v, status, runs, flagged_runs)
    VALUES (NEW.org_id, NEW.template_id, substr(NEW.created_at, 1, 10), NEW.template_v, NEW.status, 1,
        NEW.flagged > 0)
    ON CONFLICT (org_id, template_id, day, template_v, status)
    DO UPDATE SET runs = runs + 1, flagged_runs = flagged_runs + excluded.flagged_runs;
END;
CREATE TRIGGER runs_rollup_daily_delete AFTER DELETE ON runs BEGIN
    UPDATE run_rollups_daily SET runs = runs - 1, flagged_runs = flagged_runs - (OLD.flagged > 0)
    WHERE org_id = OLD.org_id AND template_id = OLD.template_id AND day = substr(OLD.created_at, 1, 10)
        AND template_v = OLD.template_v AND status = OLD.status;
END;

CREATE TABLE run_completions (
    org_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    day TEXT NOT NULL,                 -- 'YYYY-MM-DD' of created_at, UTC
    bucket INTEGER NOT NULL,           -- the least time to complete (s) of the bucket
    runs INTEGER NOT NULL,
    PRIMARY KEY (org_id, template_id, day, bucket)
) WITHOUT ROWID;
CREATE INDEX run_completions_org_day ON run_completions (org_id, day, bucket, runs);  -- covering: the whole org reads no table row
INSERT INTO run_completions (org_id, template_id, day, bucket, runs)
SELECT org_id, template_id, substr(created_at, 1, 10),
    CASE WHEN time_to_complete_s < 100 THEN time_to_complete_s ELSE CAST(
        substr(CAST(time_to_complete_s AS TEXT), 1, 2)
        || substr('00000000000000000000', 1, length(CAST(time_to_complete_s AS TEXT)) - 2) AS INTEGER) END,
    count(*)
FROM runs WHERE status = 'completed' AND time_to_complete_s IS NOT NULL GROUP BY 1, 2, 3, 4;
-- A run counts while it is completed with both stamps: it enters, leaves or moves bucket on a change of
-- its status or stamps (never on a dispatch: a new run is pending).
CREATE TRIGGER runs_completions_insert AFTER INSERT ON runs
WHEN NEW.status = 'completed' AND NEW.time_to_complete_s IS NOT NULL BEGIN
    INSERT INTO run_completions (org_id, template_id, day, bucket, runs)
    VALUES (NEW.org_id, NEW.template_id, substr(NEW.created_at, 1, 10),
        CASE WHEN NEW.time_to_complete_s < 100 THEN NEW.time_to_complete_s ELSE CAST(
            substr(CAST(NEW.time_to_complete_s AS TEXT), 1, 2)
            || substr('00000000000000000000', 1, length(CAST(NEW.time_to_complete_s AS TEXT)) - 2) AS INTEGER) END,
        1)
    ON CONFLICT (org_id, template_id, day, bucket) DO UPDATE SET runs = runs + 1;
END;
CREATE TRIGGER runs_completions_update AFTER UPDATE OF status, opened_at, completed_at ON runs
WHEN (OLD.status = 'completed' AND OLD.time_to_complete_s IS NOT NULL)
    OR (NEW.status = 'completed' AND NEW.time_to_complete_s IS NOT NULL) BEGIN
    UPDATE run_completions SET runs = runs - 1
    WHERE OLD.status = 'completed' AND OLD.time_to_complete_s IS NOT NULL
        AND org_id = OLD.org_id AND template_id = OLD.template_id AND day = substr(OLD.created_at, 1, 10)
        AND bucket = CASE WHEN OLD.time_to_complete_s < 100 THEN OLD.time_to_complete_s ELSE CAST(
            substr(CAST(OLD.time_to_complete_s AS TEXT), 1, 2)
            || substr('00000000000000000000', 1, length(CAST(OLD.time_to_complete_s AS TEXT)) - 2) AS INTEGER) END;
    INSERT INTO run_completions (org_id, template_id, day, bucket, runs)
    SELECT NEW.org_id, NEW.template_id, substr(NEW.created_at, 1, 10),
        CASE WHEN NEW.time_to_complete_s < 100 THEN NEW.time_to_complete_s ELSE CAST(
            substr(CAST(NEW.time_to_complete_s AS TEXT), 1, 2)
            || substr('00000000000000000000', 1, length(CAST(NEW.time_to_complete_s AS TEXT)) - 2) AS INTEGER) END,
        1
    WHERE NEW.status = 'completed' AND NEW.time_to_complete_s IS NOT NULL
    ON CONFLICT (org_id, template_id, day, bucket) DO UPDATE SET runs = runs + 1;
END;
CREATE TRIGGER runs_completions_delete AFTER DELETE ON runs
WHEN OLD.status = 'completed' AND OLD.time_to_complete_s IS NOT NULL BEGIN
    UPDATE run_completions SET runs = runs - 1
    WHERE org_id = OLD.org_id AND template_id = OLD.template_id AND day = substr(OLD.created_at, 1, 10)
        AND bucket = CASE WHEN OLD.time_to_complete_s < 100 THEN OLD.time_to_complete_s ELSE CAST(
            substr(CAST(OLD.time_to_complete_s AS TEXT), 1, 2)
            || substr('00000000000000000000', 1, length(CAST(OLD.time_to_complete_s AS TEXT)) - 2) AS INTEGER) END;
END;
