// The runner's local store (IndexedDB): the opened run (snapshot, token, answers as the screen shows them)
// and an outbox of operations in order. An action is one transaction over both, and the screen confirms it
// only once that transaction has committed, so a reload, a closed tab or a crash loses nothing confirmed.

const DB_NAME = "rundun-runner";
const DB_VERSION = 1;
let opening = null;

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("transaction aborted"));
  });
}

export function openDb() {
  if (!opening) {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore("runs", { keyPath: "run_id" });
      const outbox = db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
      outbox.createIndex("run", "run_id");
    };
    opening = request(req);
  }
  return opening;
}

export async function getRun(runId) {
  const db = await openDb();
  return request(db.transaction("runs").objectStore("runs").get(runId));
}

export async function putRun(run) {
  const db = await openDb();
  const tx = db.transaction("runs", "readwrite");
  tx.objectStore("runs").put(run);
  return done(tx);
}

// One action: the run as it now reads and the operations that carry it to the server, committed together.
export async function commit(run, ops = []) {
  const db = await openDb();
  const tx = db.transaction(["runs", "outbox"], "readwrite");
  tx.objectStore("runs").put(run);
  for (const op of ops) tx.objectStore("outbox").add({ ...op, run_id: run.run_id });
  return done(tx);
}

// The run's outbox as its seqs in order (keys only: no record is read), from a snapshot.
export async function pendingSeqs(runId) {
  const db = await openDb();
  return request(db.transaction("outbox").objectStore("outbox").index("run").getAllKeys(runId));
}

// The run's outbox seqs in order, and its records added after `afterSeq` (those the caller has not read
// yet: seqs only grow), from one snapshot. Reading only those keeps a pass cheap however long the outbox.
export async function outboxSince(runId, afterSeq) {
  const db = await openDb();
  const outbox = db.transaction("outbox").objectStore("outbox");
  const [seqs, added] = await Promise.all([
    request(outbox.index("run").getAllKeys(runId)),
    // the first read through the run's index; later ones by key: few records, nearly all of this run
    request(afterSeq ? outbox.getAll(IDBKeyRange.lowerBound(afterSeq, true)) : outbox.index("run").getAll(runId)),
  ]);
  return { seqs, added: added.filter((op) => op.run_id === runId) };
}

export async function updateOp(op) {
  const db = await openDb();
  const tx = db.transaction("outbox", "readwrite");
  tx.objectStore("outbox").put(op);
  return done(tx);
}

// Remove acknowledged operations, and save the run as the server's answer left it, in one transaction.
export async function acknowledge(seqs, run = null) {
  const db = await openDb();
  const tx = db.transaction(["runs", "outbox"], "readwrite");
  for (const seq of seqs) tx.objectStore("outbox").delete(seq);
  if (run) tx.objectStore("runs").put(run);
  return done(tx);
}

// A photo removed from the screen, with the run as it now reads, in one transaction: the slot's photo
// operations still waiting are dropped (the server never sees a photo removed before it was sent), and only
// when none waited (the server has the photo) is `removal` (a photo_delete) added. Returns the dropped ones.
export async function withdrawPhoto(run, stepId, index, removal) {
  const db = await openDb();
  const tx = db.transaction(["runs", "outbox"], "readwrite");
  tx.objectStore("runs").put(run);
  const outbox = tx.objectStore("outbox");
  const ops = await request(outbox.index("run").getAll(run.run_id));
  const dropped = ops.filter((op) => op.kind === "photo" && op.step_id === stepId && op.photo_index === index);
  for (const op of dropped) outbox.delete(op.seq);
  if (!dropped.length) outbox.add({ ...removal, run_id: run.run_id });
  await done(tx);
  return dropped;
}

// The checklist in each language this phone has fetched it in (the language switch after Start), apart from
// the run record, which is written at every action and keeps only the language on screen: one entry per run
// and language, in a database of its own (a new store in "rundun-runner" would have to wait for every other
// tab holding it open to close).
let openingChecklists = null;

function checklistsDb() {
  if (!openingChecklists) {
    const req = indexedDB.open("rundun-checklists", 1);
    req.onupgradeneeded = () => req.result.createObjectStore("checklists", { keyPath: ["run_id", "language"] });
    openingChecklists = request(req);
  }
  return openingChecklists;
}

export async function keepChecklist(runId, language, template) {
  const db = await checklistsDb();
  const tx = db.transaction("checklists", "readwrite");
  tx.objectStore("checklists").put({ run_id: runId, language, template });
  return done(tx);
}

export async function keptChecklist(runId, language) {
  const db = await checklistsDb();
  const found = await request(db.transaction("checklists").objectStore("checklists").get([runId, language]));
  return found ? found.template : null;
}
