-- PostgreSQL's form of 0010 (runs counted per UTC hour; see the portable file for the why): the same table,
-- filled from 0008's rollups, kept by a plpgsql trigger as 0008's are (SQLite's trigger bodies are not SQL
-- PostgreSQL runs). Takes effect once the branch that adds 0010_hourly_rollups.sql is merged.
CREATE TABLE run_rollups_hourly (
    org_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    slot TEXT NOT NULL,                -- 'YYYY-MM-DDTHH', UTC
    template_v BIGINT NOT NULL,
    status TEXT NOT NULL,
    runs BIGINT NOT NULL,
    flagged_runs BIGINT NOT NULL,
    PRIMARY KEY (org_id, template_id, slot, template_v, status)
);
CREATE INDEX run_rollups_hourly_org_slot ON run_rollups_hourly (org_id, slot);
INSERT INTO run_rollups_hourly (org_id, template_id, slot, template_v, status, runs, flagged_runs)
SELECT org_id, template_id, substr(slot, 1, 13), template_v, status, sum(runs), sum(flagged_runs)
FROM run_rollups GROUP BY 1, 2, 3, 4, 5;

CREATE FUNCTION runs_rollup_hourly() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE run_rollups_hourly SET runs = runs - 1,
            flagged_runs = flagged_runs - CASE WHEN OLD.flagged > 0 THEN 1 ELSE 0 END
        WHERE org_id = OLD.org_id AND template_id = OLD.template_id AND slot = substr(OLD.created_at, 1, 13)
            AND template_v = OLD.template_v AND status = OLD.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO run_rollups_hourly (org_id, template_id, slot, template_v, status, runs, flagged_runs)
        VALUES (NEW.org_id, NEW.template_id, substr(NEW.created_at, 1, 13), NEW.template_v, NEW.status, 1,
            CASE WHEN NEW.flagged > 0 THEN 1 ELSE 0 END)
        ON CONFLICT (org_id, template_id, slot, template_v, status)
        DO UPDATE SET runs = run_rollups_hourly.runs + 1,
            flagged_runs = run_rollups_hourly.flagged_runs + excluded.flagged_runs;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER runs_rollup_hourly_insert AFTER INSERT ON runs FOR EACH ROW EXECUTE FUNCTION runs_rollup_hourly();
CREATE TRIGGER runs_rollup_hourly_update AFTER UPDATE OF status, flagged ON runs FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR (OLD.flagged > 0) IS DISTINCT FROM (NEW.flagged > 0))
    EXECUTE FUNCTION runs_rollup_hourly();
CREATE TRIGGER runs_rollup_hourly_delete AFTER DELETE ON runs FOR EACH ROW EXECUTE FUNCTION runs_rollup_hourly();
