// Where each photo's tus upload stands, by op id: unknown (nothing sent yet), "" (a creation was sent and
// its answer not seen: the upload may exist, look it up), or the upload's URL (resume it from the server's
// offset). Kept in memory and in localStorage, so that a reloaded page or a reopened tab resumes rather than
// starts again. Not in the outbox record: writing that again would write its photo Blob again, and a store
// of its own would need an IndexedDB upgrade that a tab still open on an older runner blocks. Losing this
// trail (storage cleared) costs a photo sent again, never a photo lost.

const PREFIX = "rundun.upload.";

function storage() {
  try { return window.localStorage; } catch { return null; } // refused (some private modes)
}

export function uploadTrail(kept = storage()) {
  const memory = new Map();
  const read = (key) => { try { return kept ? kept.getItem(key) : null; } catch { return null; } };
  const write = (key, value) => {
    try {
      if (!kept) return;
      if (value === null) kept.removeItem(key);
      else kept.setItem(key, value);
    } catch { /* full or refused: memory still knows */ }
  };
  return {
    known(op) {
      if (memory.has(op.op_id)) return memory.get(op.op_id);
      return read(PREFIX + op.op_id) ?? undefined;
    },
    // `url` null: forget (the upload was terminated, or the photo is acknowledged).
    remember(op, url) {
      if (url === null) memory.delete(op.op_id);
      else memory.set(op.op_id, url);
      write(PREFIX + op.op_id, url);
    },
    forget(ops) {
      for (const op of ops) if (op.kind === "photo" && this.known(op) !== undefined) this.remember(op, null);
    },
  };
}
