-- Templates in several languages (SPEC §15).
--
-- Every run has the language it was dispatched in; runs from before were all English, as were their templates.
ALTER TABLE runs ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
-- Every stored template version gains the two fields a template saved now has: single-language English.
-- (JSON1 `json_set` as in 0008; the PostgreSQL port writes it as `body || '{"languages": …}'::jsonb`.)
UPDATE template_versions SET body = json_set(body, '$.languages', json('["en"]'), '$.translations', json('{}'))
WHERE json_type(body, '$.languages') IS NULL;
UPDATE templates SET body = json_set(body, '$.languages', json('["en"]'), '$.translations', json('{}'))
WHERE json_type(body, '$.languages') IS NULL;
-- Runs dispatched before 0005 keep their inline snapshot exactly as stored (test_migrations): a template without
-- `languages` reads as `["en"]` everywhere (server.tdl.template_languages).
