-- Runs counted per UTC hour of their created_at (SPEC §14), beside the quarter-hour rollups of 0008.
--
-- A day of a zone whose offset is a whole number of hours (UTC, Europe/…, America/…: nearly every zone asked
-- for) starts on the hour, so its counts sum at most 24 slots a day here instead of 96 there: 30 days of one
-- template read ~4× fewer rows (bench/stats.py). Zones with a :30 or :45 offset keep reading 0008's table.
-- Same rules as 0008: by template version and CURRENT status, with the runs holding a finding, kept by
-- triggers in the very transaction that inserts a run or changes its status or findings.
-- Plain triggers (no procedural code): one upsert per inserted run, one update and one upsert per status or
-- findings change (bench/rollup_triggers.py measures what they cost a dispatch).
CREATE TABLE run_rollups_hourly (
    org_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    slot TEXT NOT NULL,                -- 'YYYY-MM-DDTHH', UTC
    template_v INTEGER NOT NULL,
    status TEXT NOT NULL,
    runs INTEGER NOT NULL,
    flagged_runs INTEGER NOT NULL,
    PRIMARY KEY (org_id, template_id, slot, template_v, status)
) WITHOUT ROWID;
CREATE INDEX run_rollups_hourly_org_slot ON run_rollups_hourly (org_id, slot);
INSERT INTO run_rollups_hourly (org_id, template_id, slot, template_v, status, runs, flagged_runs)
SELECT org_id, template_id, substr(slot, 1, 13), template_v, status, sum(runs), sum(flagged_runs)
FROM run_rollups GROUP BY 1, 2, 3, 4, 5;
CREATE TRIGGER runs_rollup_hourly_insert AFTER INSERT ON runs BEGIN
    INSERT INTO run_rollups_hourly (org_id, template_id, slot, template_v, status, runs, flagged_runs)
    VALUES (NEW.org_id, NEW.template_id, substr(NEW.created_at, 1, 13), NEW.template_v, NEW.status, 1,
        NEW.flagged > 0)
    ON CONFLICT (org_id, template_id, slot, template_v, status)
    DO UPDATE SET runs = runs + 1, flagged_runs = flagged_runs + excluded.flagged_runs;
END;
CREATE TRIGGER runs_rollup_hourly_update AFTER UPDATE OF status, flagged ON runs
WHEN OLD.status IS NOT NEW.status OR (OLD.flagged > 0) IS NOT (NEW.flagged > 0) BEGIN
    UPDATE run_rollups_hourly SET runs = runs - 1, flagged_runs = flagged_runs - (OLD.flagged > 0)
    WHERE org_id = OLD.org_id AND template_id = OLD.template_id AND slot = substr(OLD.created_at, 1, 13)
        AND template_v = OLD.template_v AND status = OLD.status;
    INSERT INTO run_rollups_hourly (org_id, template_id, slot, template_v, status, runs, flagged_runs)
    VALUES (NEW.org_id, NEW.template_id, substr(NEW.created_at, 1, 13), NEW.template_v, NEW.status, 1,
        NEW.flagged > 0)
    ON CONFLICT (org_id, template_id, slot, template_v, status)
    DO UPDATE SET runs = runs + 1, flagged_runs = flagged_runs + excluded.flagged_runs;
END;
CREATE TRIGGER runs_rollup_hourly_delete AFTER DELETE ON runs BEGIN
    UPDATE run_rollups_hourly SET runs = runs - 1, flagged_runs = flagged_runs - (OLD.flagged > 0)
    WHERE org_id = OLD.org_id AND template_id = OLD.template_id AND slot = substr(OLD.created_at, 1, 13)
        AND template_v = OLD.template_v AND status = OLD.status;
END;
