-- PostgreSQL's form of 0011 (templates in several languages; see the portable file). The two fields are
-- appended to the stored JSON text as SQLite's json_set appends them (jsonb would reorder every key of the
-- stored documents). Takes effect once the branch that adds 0011_languages.sql is merged.
ALTER TABLE runs ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
UPDATE template_versions SET body = regexp_replace(body, '\}\s*$', ',"languages":["en"],"translations":{}}')
WHERE body::jsonb -> 'languages' IS NULL;
UPDATE templates SET body = regexp_replace(body, '\}\s*$', ',"languages":["en"],"translations":{}}')
WHERE body::jsonb -> 'languages' IS NULL;
