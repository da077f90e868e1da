-- What a step's input showed that is kept here only, never sent, so that a restart (a crash, a kill) loses none
-- of what was typed: `aside`, the answer a step had when "Skip this step" was ticked (it comes back when the skip
-- is unticked); `held`, an answer the step's checks refuse ("✎ Not saved yet": 500 where 100 is the most),
-- shown again until it is put right. A run removed from the computer takes its drafts with it.
CREATE TABLE drafts (
    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    step_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT,
    geo TEXT,
    PRIMARY KEY (run_id, step_id, kind)
);
