// Drains a run's outbox to the server in order, in the background of the open page (SPEC §8, §5):
// answers in batches through /sync, photos one by one over tus (resuming from the server's Upload-Offset,
// never restarting a file), the signature, and `complete` last, only once everything before it is
// acknowledged. Network failures retry with exponential backoff and jitter (1 s to 5 min) and at once when
// the browser says it is online again. A run the server refuses keeps its local data.

import { acknowledge, pendingOps, updateOp } from "./db.js";

const CHUNK = 1024 * 1024;
const BATCH = 200;
const APP = "rundun-browser/1";

class HttpError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.error;
    this.body = body;
  }
}

const b64 = (text) => btoa(unescape(encodeURIComponent(text)));

async function sha256Base64(blob) {
  if (!crypto.subtle) return null; // not a secure context: the chunk goes without a checksum
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
  let bin = "";
  for (const byte of digest) bin += String.fromCharCode(byte);
  return btoa(bin);
}

export class Syncer {
  // `host` gives the run ({run_id, token}), applies what the server answered, and hears about changes.
  constructor(host) {
    this.host = host;
    this.running = false;
    this.again = false;
    this.delay = 0;
    this.timer = null;
    this.state = { waiting: 0, photos: 0, bytes: 0, error: null, retryIn: 0, sending: false, refused: null };
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

  async count() {
    const ops = await pendingOps(this.host.run().run_id);
    const photos = ops.filter((op) => op.kind === "photo" || op.kind === "signature");
    Object.assign(this.state, {
      waiting: ops.length, photos: photos.length, bytes: photos.reduce((n, op) => n + (op.blob ? op.blob.size : 0), 0),
    });
    return ops;
  }

  async fetch(path, init = {}) {
    const run = this.host.run();
    const headers = new Headers(init.headers || {});
    headers.set("Authorization", `Bearer ${run.token}`);
    headers.set("Rundun-Device", `pending-ops=${this.state.waiting}; pending-bytes=${this.state.bytes}; failed-ops=0; app=${APP}`);
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
        const ops = await this.count();
        this.host.changed();
        if (!ops.length) break;
        if (!navigator.onLine) throw new TypeError("offline");
        this.state.sending = true;
        const op = ops[0];
        if (op.kind === "answer") await this.sendAnswers(ops.slice(0, BATCH).filter((o, i, all) => all.slice(0, i + 1).every((x) => x.kind === "answer")));
        else if (op.kind === "photo") await this.sendPhoto(op);
        else if (op.kind === "photo_delete") await this.deletePhoto(op);
        else if (op.kind === "signature") await this.sendSignature(op);
        else if (op.kind === "complete") await this.complete(op);
        this.delay = 0;
        this.state.error = null;
      }
      this.state.sending = false;
    } catch (error) {
      this.state.sending = false;
      if (error instanceof HttpError && [401, 403, 404, 409, 410].includes(error.status) && error.code !== "idempotency_key_in_use") {
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

  async sendAnswers(ops) {
    const body = { ops: ops.map((op) => ({ op_id: op.op_id, step_id: op.step_id, value: op.value, geo: op.geo, at: op.at, skipped: op.skipped })) };
    const response = await this.fetch(`/v1/runs/${this.host.run().run_id}/sync`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const result = await response.json();
    const rejected = result.results.filter((r) => r.status === "rejected");
    await acknowledge(ops.map((op) => op.seq));
    await this.host.fromServer({ status: result.status, progress: result.progress, rejected });
  }

  async sendPhoto(op) {
    const base = `/v1/runs/${this.host.run().run_id}/uploads/`;
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
      const meta = `step_id ${b64(op.step_id)},photo_index ${b64(String(op.photo_index))},filename ${b64(op.name || "photo.jpg")}`;
      const created = await this.fetch(base, { method: "POST", headers: { ...tus, "Upload-Length": String(op.blob.size), "Upload-Metadata": meta } });
      op.upload_url = created.headers.get("Location");
      await updateOp(op); // a retry after a cut resumes this upload instead of creating another
    }
    while (offset < op.blob.size) {
      const chunk = op.blob.slice(offset, offset + CHUNK);
      const headers = { ...tus, "Content-Type": "application/offset+octet-stream", "Upload-Offset": String(offset) };
      const sum = await sha256Base64(chunk);
      if (sum) headers["Upload-Checksum"] = `sha256 ${sum}`;
      const response = await this.fetch(op.upload_url, { method: "PATCH", headers, body: chunk });
      offset = Number(response.headers.get("Upload-Offset"));
    }
    await acknowledge([op.seq]);
    await this.host.fromServer({ photoSent: op });
  }

  async deletePhoto(op) {
    try {
      await this.fetch(`/v1/runs/${this.host.run().run_id}/answers/${op.step_id}/photos/${op.photo_index}`, { method: "DELETE" });
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 404)) throw error;
    }
    await acknowledge([op.seq]);
  }

  async sendSignature(op) {
    await this.fetch(`/v1/runs/${this.host.run().run_id}/signature`, { method: "PUT", headers: { "Content-Type": "image/png" }, body: op.blob });
    await acknowledge([op.seq]);
    await this.host.fromServer({ signatureSent: true });
  }

  async complete(op) {
    try {
      const response = await this.fetch(`/v1/runs/${this.host.run().run_id}/complete`, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ at: op.at }),
      });
      const doc = await response.json();
      await acknowledge([op.seq]);
      await this.host.fromServer({ status: doc.status || "completed" });
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 422)) throw error;
      await acknowledge([op.seq]); // the server names what is missing; the executor fixes it and completes again
      await this.host.fromServer({ incomplete: (error.body && error.body.details) || [] });
    }
  }
}
