-- Photos chosen but not yet kept: a row is written the moment the person chooses a photo (a file, or an image
-- dropped or pasted, whose bytes are staged under `intake/` first), and goes in the same transaction as the
-- photo row and upload op it becomes. A kill while a photo is being prepared (read, checked, scaled: seconds
-- for a camera's 30 MB) leaves the row, and the next start takes the photo in again. `lost`: why the next start
-- could not (the file gone), said on the step until a photo is added to it.
CREATE TABLE photo_intake (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    step_id TEXT NOT NULL,
    source TEXT,
    staged TEXT,
    name TEXT NOT NULL,
    added_at REAL NOT NULL,
    lost TEXT
);
CREATE INDEX photo_intake_run ON photo_intake (run_id, step_id);
