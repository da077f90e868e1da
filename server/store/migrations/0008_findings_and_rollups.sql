-- Findings and the supervisor's numbers (SPEC §14).
--
-- `answers.flagged` (0/1) and `runs.flagged` (how many visible steps hold a finding) are kept by the services
-- at every answer write and at completion (server.tdl.finding_step_ids); existing answers and runs had no
-- flag to match, so 0 is their truth. Every template step gains `"flag": null`, as a template saved now has.
ALTER TABLE runs ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answers ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
-- `GET /v1/runs?flagged=true`: the few runs with a finding, newest first, without walking the whole org.
CREATE INDEX runs_org_flagged ON runs (org_id, created_at DESC) WHERE flagged > 0;
-- Time to complete, for the percentiles of `GET /v1/stats/runs`: computed (never stored in the row), and kept
-- only in two partial indexes of the completed runs, so the percentiles read index entries, not runs, and a
-- dispatch (a pending run) touches neither index (bench/stats.py, bench/server_throughput.py).
ALTER TABLE runs ADD COLUMN time_to_complete_s INTEGER GENERATED ALWAYS AS (
    CASE WHEN opened_at IS NOT NULL AND completed_at IS NOT NULL
    THEN max(0, CAST(strftime('%s', completed_at) AS INTEGER) - CAST(strftime('%s', opened_at) AS INTEGER)) END
) VIRTUAL;
CREATE INDEX runs_completed_org ON runs (org_id, created_at, time_to_complete_s) WHERE status = 'completed';
CREATE INDEX runs_completed_template ON runs (org_id, template_id, created_at, time_to_complete_s)
    WHERE status = 'completed';

UPDATE template_versions SET body = json_set(body, '$.sections', (
    SELECT json_group_array(json_set(section.value, '$.steps', (
        SELECT json_group_array(json_set(step.value, '$.flag', json('null')))
        FROM json_each(section.value, '$.steps') AS step
    )))
    FROM json_each(template_versions.body, '$.sections') AS section
)) WHERE json_type(body, '$.sections') = 'array';
UPDATE templates SET body = json_set(body, '$.sections', (
    SELECT json_group_array(json_set(section.value, '$.steps', (
        SELECT json_group_array(json_set(step.value, '$.flag', json('null')))
        FROM json_each(section.value, '$.steps') AS step
    )))
    FROM json_each(templates.body, '$.sections') AS section
)) WHERE json_type(body, '$.sections') = 'array';

-- Runs counted per quarter of an hour (UTC) of their created_at, by template version and CURRENT status,
-- with how many of them hold a finding. A quarter hour never straddles a day in any zone of today's tz
-- database (every offset is a multiple of 15 minutes), so `GET /v1/stats/runs` reads at most 96 slots a day
-- whatever the zone asked for, instead of every run (bench/stats.py). Triggers keep it exact in the very
-- transaction that inserts a run or changes its status or findings: no code path can forget it.
CREATE TABLE run_rollups (
    org_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    slot TEXT NOT NULL,                -- 'YYYY-MM-DDTHH:MM', MM in 00 15 30 45, UTC
    template_v INTEGER NOT NULL,
    status TEXT NOT NULL,
    runs INTEGER NOT NULL,
    flagged_runs INTEGER NOT NULL,
    PRIMARY KEY (org_id, template_id, slot, template_v, status)
) WITHOUT ROWID;
CREATE INDEX run_rollups_org_slot ON run_rollups (org_id, slot);

INSERT INTO run_rollups (org_id, template_id, slot, template_v, status, runs, flagged_runs)
SELECT org_id, template_id,
    substr(created_at, 1, 14) || CASE WHEN substr(created_at, 15, 2) < '15' THEN '00'
        WHEN substr(created_at, 15, 2) < '30' THEN '15' WHEN substr(created_at, 15, 2) < '45' THEN '30' ELSE '45' END,
    template_v, status, count(*), sum(flagged > 0)
FROM runs GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER runs_rollup_insert AFTER INSERT ON runs BEGIN
    INSERT INTO run_rollups (org_id, template_id, slot, template_v, status, runs, flagged_runs)
    VALUES (NEW.org_id, NEW.template_id,
        substr(NEW.created_at, 1, 14) || CASE WHEN substr(NEW.created_at, 15, 2) < '15' THEN '00'
            WHEN substr(NEW.created_at, 15, 2) < '30' THEN '15' WHEN substr(NEW.created_at, 15, 2) < '45' THEN '30'
            ELSE '45' END,
        NEW.template_v, NEW.status, 1, NEW.flagged > 0)
    ON CONFLICT (org_id, template_id, slot, template_v, status)
    DO UPDATE SET runs = runs + 1, flagged_runs = flagged_runs + excluded.flagged_runs;
END;

CREATE TRIGGER runs_rollup_update AFTER UPDATE OF status, flagged ON runs
WHEN OLD.status IS NOT NEW.status OR (OLD.flagged > 0) IS NOT (NEW.flagged > 0) BEGIN
    UPDATE run_rollups SET runs = runs - 1, flagged_runs = flagged_runs - (OLD.flagged > 0)
    WHERE org_id = OLD.org_id AND template_id = OLD.template_id AND template_v = OLD.template_v
        AND status = OLD.status
        AND slot = substr(OLD.created_at, 1, 14) || CASE WHEN substr(OLD.created_at, 15, 2) < '15' THEN '00'
            WHEN substr(OLD.created_at, 15, 2) < '30' THEN '15' WHEN substr(OLD.created_at, 15, 2) < '45' THEN '30'
            ELSE '45' END;
    INSERT INTO run_rollups (org_id, template_id, slot, template_v, status, runs, flagged_runs)
    VALUES (NEW.org_id, NEW.template_id,
        substr(NEW.created_at, 1, 14) || CASE WHEN substr(NEW.created_at, 15, 2) < '15' THEN '00'
            WHEN substr(NEW.created_at, 15, 2) < '30' THEN '15' WHEN substr(NEW.created_at, 15, 2) < '45' THEN '30'
            ELSE '45' END,
        NEW.template_v, NEW.status, 1, NEW.flagged > 0)
    ON CONFLICT (org_id, template_id, slot, template_v, status)
    DO UPDATE SET runs = runs + 1, flagged_runs = flagged_runs + excluded.flagged_runs;
END;

CREATE TRIGGER runs_rollup_delete AFTER DELETE ON runs BEGIN
    UPDATE run_rollups SET runs = runs - 1, flagged_runs = flagged_runs - (OLD.flagged > 0)
    WHERE org_id = OLD.org_id AND template_id = OLD.template_id AND template_v = OLD.template_v
        AND status = OLD.status
        AND slot = substr(OLD.created_at, 1, 14) || CASE WHEN substr(OLD.created_at, 15, 2) < '15' THEN '00'
            WHEN substr(OLD.created_at, 15, 2) < '30' THEN '15' WHEN substr(OLD.created_at, 15, 2) < '45' THEN '30'
            ELSE '45' END;
END;
