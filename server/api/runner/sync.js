// Drains a run's outbox to the server in order, in the background of the open page (SPEC §8, §5):
// answers in batches through /sync, photos one by one over tus (resuming from the server's Upload-Offset,
// never restarting a file), the signature, and `complete` last, only once everything before it is
// acknowledged. Network failures retry with exponential backoff and jitter (1 s to 5 min) and at once when
// the browser says it is online again. A run the server refuses keeps its local data; an operation the
// server refuses (a rejected answer, a photo it will not take) stays in the outbox marked `failed` with the
// server's words until a newer one replaces it, and is counted in `Rundun-Device` (SPEC §10).
//
// Why it is fast (bench/browser_runner.py): the outbox is read once per pass, not once per operation; a
// photo goes in one PATCH (`chunkBytes`), its SHA-256 (computed once, when it was taken) travels in
// Upload-Metadata so the server checks the whole file, and a cut PATCH keeps what the server acknowledged
// (it checkpoints every MiB), so big chunks lose little; each acknowledgement is one IndexedDB transaction
// with the run record, which holds no photo bytes.

import { acknowledge, pendingOps, updateOp } from "./db.js";

export const CHUNK_BYTES = 32 * 1024 * 1024; // above the server's photo limit: one PATCH per photo
const BATCH = 200;
const PARALLEL_PHOTOS = 3; // as the desktop: a few photos at once hide each request's round trips
export const APP = "rundun-browser/1";
const REFUSED_RUN = [401, 403, 404, 409, 410]; // expired, cancelled, closed, token gone: stop, keep everything
const REFUSED_OP = [400, 413, 415, 422, 460]; // this operation will never be taken as it is

class HttpError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.error;
    this.body = body;
  }
}

const b64 = (text) => btoa(unescape(encodeURIComponent(text)));
const carriesBytes = (op) => op.kind === "photo" || op.kind === "signature";

// A failed answer is replaced by any later operation on the same step; a failed `complete` by a later one.
function superseded(op, later) {
  if (op.kind === "answer") return later.some((o) => o.kind === "answer" && o.step_id === op.step_id);
  if (op.kind === "complete") return later.some((o) => o.kind === "complete");
  if (op.kind === "photo") return later.some((o) => o.step_id === op.step_id && o.photo_index === op.photo_index);
  return false;
}

export class Syncer {
  // `host` gives the run ({run_id, token, …}, the record kept in IndexedDB), applies in memory what the
  // server answered (`fromServer`), and hears about changes. `chunkBytes` is the tus PATCH size.
  constructor(host, { chunkBytes = CHUNK_BYTES } = {}) {
    this.host = host;
    this.chunkBytes = chunkBytes;
    this.running = false;
    this.again = false;
    this.delay = 0;
    this.timer = null;
    this.state = { waiting: 0, photos: 0, bytes: 0, failed: 0, failures: [], error: null, retryIn: 0, sending: false, refused: null };
    window.addEventListener("online", () => this.kick(true));
  }

  kick(now = false) {
    if (now) this.delay = 0;
    if (this.running) { this.again = true; return; }
    clearTimeout(this.timer);
    this.running = true;
    this.drain().finally(() => {
      this.running = false;
      if (this.again) { this.again = false; this.kick(); }
    });
  }

  // One read of the outbox: the operations still to send, in order; failed ones are counted, and dropped
  // once something newer replaces them.
  async pending() {
    const all = await pendingOps(this.host.run().run_id);
    const gone = all.filter((op, i) => op.failed && superseded(op, all.slice(i + 1)));
    if (gone.length) await acknowledge(gone.map((op) => op.seq));
    const failed = all.filter((op) => op.failed && !gone.includes(op));
    const ops = all.filter((op) => !op.failed);
    this.state.failed = failed.length;
    this.state.failures = failed.map((op) => op.failed);
    this.state.waiting = ops.length;
    this.state.photos = ops.filter(carriesBytes).length;
    this.state.bytes = ops.reduce((n, op) => n + (op.blob ? op.blob.size : 0), 0);
    return ops;
  }

  sent(ops) {
    for (const op of ops) {
      this.state.waiting -= 1;
      if (carriesBytes(op)) { this.state.photos -= 1; this.state.bytes -= op.blob ? op.blob.size : 0; }
    }
  }

  async fail(op, error) {
    op.failed = error.message;
    await updateOp(op);
    this.sent([op]);
    this.state.failed += 1;
    this.state.failures.push(op.failed);
  }

  deviceHeader() {
    const s = this.state;
    return `pending-ops=${s.waiting}; pending-bytes=${Math.max(0, s.bytes)}; failed-ops=${s.failed}; app=${APP}`;
  }

  async fetch(path, init = {}) {
    const run = this.host.run();
    const headers = new Headers(init.headers || {});
    headers.set("Authorization", `Bearer ${run.token}`);
    headers.set("Rundun-Device", this.deviceHeader());
    const response = await fetch(path, { ...init, headers });
    if (!response.ok) {
      let body = null;
      try { body = await response.json(); } catch { /* not JSON */ }
      throw new HttpError(response.status, body);
    }
    return response;
  }

  async drain() {
    const run = this.host.run();
    if (!run || !run.token || this.state.refused) return;
    try {
      for (;;) {
        const ops = await this.pending();
        this.host.changed();
        if (!ops.length) break;
        if (!navigator.onLine) throw new TypeError("offline");
        this.state.sending = true;
        for (let i = 0; i < ops.length;) {
          const batch = ops[i].kind === "answer" ? this.answers(ops, i) : ops[i].kind === "photo" ? this.photos(ops, i) : [ops[i]];
          if (ops[i].kind === "photo") await this.sendPhotos(batch);
          else await this.send(batch);
          i += batch.length;
          this.delay = 0;
          this.state.error = null;
          this.host.changed();
        }
      }
      this.state.sending = false;
    } catch (error) {
      this.state.sending = false;
      if (error instanceof HttpError && REFUSED_RUN.includes(error.status) && error.code !== "idempotency_key_in_use") {
        this.state.refused = error.message; // expired, cancelled, closed: keep everything local, stop trying
      } else {
        this.state.error = error instanceof HttpError ? error.message : "no connection";
        this.delay = Math.min(300000, this.delay ? this.delay * 2 : 1000);
        const wait = this.delay / 2 + Math.random() * this.delay / 2;
        this.state.retryIn = Math.round(wait / 1000);
        this.timer = setTimeout(() => this.kick(), wait);
      }
    }
    this.host.changed();
  }

  answers(ops, i) {
    let j = i;
    while (j < ops.length && j - i < BATCH && ops[j].kind === "answer") j += 1;
    return ops.slice(i, j);
  }

  // Consecutive photos for distinct slots, sent at once.
  photos(ops, i) {
    const slots = new Set();
    let j = i;
    while (j < ops.length && j - i < PARALLEL_PHOTOS && ops[j].kind === "photo" && !slots.has(`${ops[j].step_id}/${ops[j].photo_index}`)) {
      slots.add(`${ops[j].step_id}/${ops[j].photo_index}`);
      j += 1;
    }
    return ops.slice(i, j);
  }

  // Every photo of the group runs to its end; then the first failure (offline…) is raised.
  async sendPhotos(group) {
    const results = await Promise.allSettled(group.map((op) => this.send([op])));
    const failure = results.find((r) => r.status === "rejected");
    if (failure) throw failure.reason;
  }

  async send(batch) {
    const op = batch[0];
    try {
      if (op.kind === "answer") return await this.sendAnswers(batch);
      if (op.kind === "photo") return await this.sendPhoto(op);
      if (op.kind === "photo_delete") return await this.deletePhoto(op);
      if (op.kind === "signature") return await this.sendSignature(op);
      if (op.kind === "complete") return await this.complete(op);
    } catch (error) {
      if (!(error instanceof HttpError && REFUSED_OP.includes(error.status) && op.kind !== "complete")) throw error;
      await this.fail(op, error); // the server will never take it as it is: say so, go on with the rest
    }
  }

  async done(ops, news = null) {
    if (news) this.host.fromServer(news);
    await acknowledge(ops.map((op) => op.seq), this.host.run()); // one transaction: outbox and run record
    this.sent(ops);
  }

  async sendAnswers(ops) {
    const body = { ops: ops.map((op) => ({ op_id: op.op_id, step_id: op.step_id, value: op.value, geo: op.geo, at: op.at, skipped: op.skipped })) };
    const response = await this.fetch(`/v1/runs/${this.host.run().run_id}/sync`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const result = await response.json();
    const rejected = new Map(result.results.filter((r) => r.status === "rejected").map((r) => [r.op_id, r]));
    await this.done(ops.filter((op) => !rejected.has(op.op_id)), { status: result.status, progress: result.progress });
    for (const op of ops.filter((o) => rejected.has(o.op_id))) {
      const r = rejected.get(op.op_id);
      await this.fail(op, new Error(r.message || r.error));
    }
  }

  async sendPhoto(op) {
    const tus = { "Tus-Resumable": "1.0.0" };
    let offset = 0;
    if (op.upload_url) {
      try {
        const head = await this.fetch(op.upload_url, { method: "HEAD", headers: tus, cache: "no-store" });
        offset = Number(head.headers.get("Upload-Offset"));
      } catch (error) {
        if (!(error instanceof HttpError && error.status === 404)) throw error;
        op.upload_url = null; // the server forgot it (abandoned): start this photo again
      }
    }
    if (!op.upload_url) {
      let meta = `step_id ${b64(op.step_id)},photo_index ${b64(String(op.photo_index))},filename ${b64(op.name || "photo.jpg")}`;
      if (op.sha256) meta += `,sha256 ${b64(op.sha256)}`; // the server checks the finished file against it
      const created = await this.fetch(`/v1/runs/${this.host.run().run_id}/uploads/`, {
        method: "POST", headers: { ...tus, "Upload-Length": String(op.blob.size), "Upload-Metadata": meta },
      });
      op.upload_url = created.headers.get("Location");
      await updateOp(op); // a retry after a cut resumes this upload instead of creating another
    }
    try {
      while (offset < op.blob.size) {
        const chunk = op.blob.slice(offset, offset + this.chunkBytes);
        const headers = { ...tus, "Content-Type": "application/offset+octet-stream", "Upload-Offset": String(offset) };
        const response = await this.fetch(op.upload_url, { method: "PATCH", headers, body: chunk });
        offset = Number(response.headers.get("Upload-Offset"));
      }
    } catch (error) {
      if (error instanceof HttpError && error.status === 460) { op.upload_url = null; await updateOp(op); } // terminated
      throw error;
    }
    await this.done([op], { photoSent: op });
  }

  async deletePhoto(op) {
    try {
      await this.fetch(`/v1/runs/${this.host.run().run_id}/answers/${op.step_id}/photos/${op.photo_index}`, { method: "DELETE" });
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 404)) throw error;
    }
    await this.done([op]);
  }

  async sendSignature(op) {
    await this.fetch(`/v1/runs/${this.host.run().run_id}/signature`, { method: "PUT", headers: { "Content-Type": "image/png" }, body: op.blob });
    await this.done([op], { signatureSent: true });
  }

  async complete(op) {
    try {
      const response = await this.fetch(`/v1/runs/${this.host.run().run_id}/complete`, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ at: op.at }),
      });
      const doc = await response.json();
      await this.done([op], { status: doc.status || "completed" });
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 422)) throw error;
      // the server names what is missing; the executor fixes it and completes again
      await this.done([op], { incomplete: (error.body && error.body.details) || [] });
    }
  }
}
