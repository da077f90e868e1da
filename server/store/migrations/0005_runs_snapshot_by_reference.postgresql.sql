-- PostgreSQL's form of 0005: runs keep their snapshot by reference (NULL), which ALTER can allow in place
-- (SQLite had to rebuild the table).
ALTER TABLE runs ALTER COLUMN snapshot DROP NOT NULL;
