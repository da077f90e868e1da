// The changes a run's server will no longer take (the run cancelled or expired while they waited on the phone,
// the executor's access ended) saved from the phone as one ZIP file, to hand to whoever sent the checklist:
// `run.json` as the desktop's Export writes it (the template, the answers as this phone has them, each
// change not sent) and the files of the photos and signatures not sent. They were stranded on the phone.

import { outboxSince } from "./db.js";
import { zipOf } from "./zip.js";

// A change as it was made, without its bytes (a file of the archive) or the outbox's own bookkeeping.
function changeOf(op) {
  const { blob, run_id: runId, seq, failed, refusal, ...change } = op;
  return change;
}

// The archive's file for a change's bytes: `photos/<step>-<index>.jpg`, `signature.png`; a name taken
// already (a photo replaced while offline) gets the change's number.
function fileName(op, taken) {
  const ext = op.blob.type === "image/png" ? ".png" : ".jpg";
  const base = op.kind === "signature" ? "signature" : `photos/${op.step_id}-${op.photo_index}`;
  const name = taken.has(base + ext) ? `${base}-${op.seq}${ext}` : base + ext;
  taken.add(name);
  return name;
}

export async function unsentArchive(run, origin) {
  const { added: ops } = await outboxSince(run.run_id, 0);
  const files = [];
  const taken = new Set();
  const unsent = ops.map((op) => {
    const entry = { kind: op.kind, change: changeOf(op), state: op.failed ? "refused" : "waiting", error: op.failed || null };
    if (op.blob) {
      entry.file = fileName(op, taken);
      files.push({ name: entry.file, blob: op.blob });
    }
    return entry;
  });
  const answers = Object.fromEntries(Object.entries(run.answers || {}).map(([stepId, answer]) => [stepId,
    { ...answer, photos: (answer.photos || []).map(({ thumb, ...photo }) => photo) }]));
  const doc = {
    run_id: run.run_id,
    server: origin,
    template: run.template,
    // "done" only when the person tapped Complete here: a run the sender closed while it was being filled in
    // was "done" too, read as "the executor finished".
    status: { local: run.completed_here ? "done" : "open", server: run.status },
    exported_at: new Date().toISOString(),
    answers,
    unsent,
  };
  const json = new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" });
  return zipOf([{ name: "run.json", blob: json }, ...files]);
}

export const archiveName = (run) => `rundun-${run.run_id}-not-sent.zip`;
