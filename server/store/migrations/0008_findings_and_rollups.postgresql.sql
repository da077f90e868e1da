-- PostgreSQL's form of 0008 (findings and the supervisor's numbers; see the SQLite file for the why).
-- A PostgreSQL database is always created empty by this code, so the rewrite of stored template bodies
-- (adding `"flag": null` to each step) has nothing to rewrite here and is left out.
ALTER TABLE runs ADD COLUMN flagged BIGINT NOT NULL DEFAULT 0;
ALTER TABLE answers ADD COLUMN flagged BIGINT NOT NULL DEFAULT 0;
CREATE INDEX runs_org_flagged ON runs (org_id, created_at DESC) WHERE flagged > 0;

-- The stamps are UTC ISO texts ending in 'Z', so their epoch never depends on the session's settings:
-- the function may be declared immutable, as a generated column requires.
CREATE FUNCTION rundun_epoch(stamp TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE STRICT AS
    $$ SELECT floor(extract(epoch FROM stamp::timestamptz))::bigint $$;
ALTER TABLE runs ADD COLUMN time_to_complete_s BIGINT GENERATED ALWAYS AS (
    CASE WHEN opened_at IS NOT NULL AND completed_at IS NOT NULL
    THEN greatest(0, rundun_epoch(completed_at) - rundun_epoch(opened_at)) END
) STORED;
CREATE INDEX runs_completed_org ON runs (org_id, created_at, time_to_complete_s) WHERE status = 'completed';
CREATE INDEX runs_completed_template ON runs (org_id, template_id, created_at, time_to_complete_s)
    WHERE status = 'completed';

CREATE TABLE run_rollups (
    org_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    slot TEXT NOT NULL,                -- 'YYYY-MM-DDTHH:MM', MM in 00 15 30 45, UTC
    template_v BIGINT NOT NULL,
    status TEXT NOT NULL,
    runs BIGINT NOT NULL,
    flagged_runs BIGINT NOT NULL,
    PRIMARY KEY (org_id, template_id, slot, template_v, status)
);
CREATE INDEX run_rollups_org_slot ON run_rollups (org_id, slot);

CREATE FUNCTION rundun_slot(created_at TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT substr(created_at, 1, 14) || CASE WHEN substr(created_at, 15, 2) < '15' THEN '00'
        WHEN substr(created_at, 15, 2) < '30' THEN '15' WHEN substr(created_at, 15, 2) < '45' THEN '30'
        ELSE '45' END
$$;

-- Kept exact by a trigger in the very transaction that inserts, updates or deletes a run (as on SQLite).
CREATE FUNCTION runs_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE run_rollups SET runs = runs - 1,
            flagged_runs = flagged_runs - CASE WHEN OLD.flagged > 0 THEN 1 ELSE 0 END
        WHERE org_id = OLD.org_id AND template_id = OLD.template_id AND template_v = OLD.template_v
            AND status = OLD.status AND slot = rundun_slot(OLD.created_at);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO run_rollups (org_id, template_id, slot, template_v, status, runs, flagged_runs)
        VALUES (NEW.org_id, NEW.template_id, rundun_slot(NEW.created_at), NEW.template_v, NEW.status, 1,
            CASE WHEN NEW.flagged > 0 THEN 1 ELSE 0 END)
        ON CONFLICT (org_id, template_id, slot, template_v, status)
        DO UPDATE SET runs = run_rollups.runs + 1,
            flagged_runs = run_rollups.flagged_runs + excluded.flagged_runs;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER runs_rollup_insert AFTER INSERT ON runs FOR EACH ROW EXECUTE FUNCTION runs_rollup();
CREATE TRIGGER runs_rollup_update AFTER UPDATE OF status, flagged ON runs FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR (OLD.flagged > 0) IS DISTINCT FROM (NEW.flagged > 0))
    EXECUTE FUNCTION runs_rollup();
CREATE TRIGGER runs_rollup_delete AFTER DELETE ON runs FOR EACH ROW EXECUTE FUNCTION runs_rollup();
