// Drains a run's outbox to the server in order, in the background of the open page (SPEC §8, §5):
// answers in batches through /sync, photos over tus (resuming from the server's Upload-Offset, never
// restarting a file), the signature, and `complete` last, only once everything before it is acknowledged.
// Network failures retry with exponential backoff and jitter (1 s to 5 min) and at once when the browser
// says it is online again. A run the server refuses keeps its local data; an operation the server refuses
// (a rejected answer, a photo it will not take) stays in the outbox marked `failed` with the server's words
// and its error code (`refusal`, which the page says in the person's language) until a newer one replaces
// it, and is counted in `Rundun-Device` (SPEC §10).
//
// Why it is fast (bench/browser_runner.py): the outbox is read once per pass, not once per operation.
// Answers and photos commute on the server (an answer keeps its step's photos; a photo lands in its slot
// whatever the answer), so a run of them goes at once: the answers' /sync batches beside PARALLEL_PHOTOS
// photo lanes. A photo is one request: tus creation-with-upload, its Blob from IndexedDB as the body (no copy
// in the page), its SHA-256 (computed once, when it was taken) in Upload-Metadata so the server checks the
// whole file; no HEAD unless an upload was cut. Acknowledgements are group-committed: those that arrive while
// one IndexedDB transaction is written go into the next one, with the run record (which holds no photo bytes).

import { acknowledge, outboxSince, updateOp } from "./db.js";
import { uploadTrail } from "./uploads.js";

export const CHUNK_BYTES = 32 * 1024 * 1024; // above the server's photo limit: a photo in one request
const BATCH = 200;
const PARALLEL_PHOTOS = 3; // as the desktop: a few photos at once hide each request's round trips
export const APP = "rundun-browser/1";
// The backoff of a request the server did not answer: 1 s, then twice as long each time up to 5 min, each wait
// drawn between half and all of it (jitter) so that phones a server came back for do not all ask at once.
export const longer = (delay) => Math.min(300000, delay ? delay * 2 : 1000);
export const jittered = (delay) => delay / 2 + Math.random() * delay / 2;
const REFUSED_RUN = [401, 403, 404, 410]; // expired, token gone: stop, keep everything
// A 409 closes the run only for these codes; another (the run's unfinished uploads at their cap, an upload
// busy elsewhere) passes, and is tried again: it stopped every sending until the page was reloaded.
const CLOSED_RUN = ["run_closed", "run_already_opened"];
const REFUSED_OP = [400, 413, 415, 422, 460]; // this operation will never be taken as it is
const TUS = { "Tus-Resumable": "1.0.0" };

class HttpError extends Error {
  constructor(response, body) {
    super((body && body.message) || `HTTP ${response.status}`);
    this.status = response.status;
    this.code = body && body.error;
    this.body = body;
    this.location = response.headers.get("Location"); // an upload created before the error: resumable
  }
}

const b64 = (text) => btoa(unescape(encodeURIComponent(text)));
const unb64 = (text) => decodeURIComponent(escape(atob(text)));
const carriesBytes = (op) => op.kind === "photo" || op.kind === "signature";
// The run's signature, or a signature step's image (its photo slot): named apart on the status line.
const isSignature = (op) => op.kind === "signature" || (op.kind === "photo" && op.name === "signature.png");
const together = (op) => op.kind === "answer" || op.kind === "photo";
const slotOf = (op) => `${op.step_id}/${op.photo_index}`;
const NO_BODY = [101, 204, 205, 304]; // a Response with one of these statuses takes no body

// A request that carries a photo's or a signature's bytes goes by XMLHttpRequest, which says how much of its
// body has left (`onSent(bytes)`); fetch says nothing until the answer, and a photo on a slow link waited
// "sending now…" for a minute with no sign of life. It answers as fetch does: a Response, or a TypeError
// when no answer came (offline, the connection cut), which the drain takes for "unreachable". `started(xhr)`:
// the request, to abort it (a photo removed while it is sent).
function sendBytes(path, { method, headers, body, started }, onSent) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    if (started) started(xhr);
    xhr.open(method, path);
    xhr.responseType = "blob";
    headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (event) => onSent(event.loaded);
    xhr.onload = () => {
      const answered = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/\r?\n/)) {
        const colon = line.indexOf(":");
        if (colon > 0) answered.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      }
      resolve(new Response(NO_BODY.includes(xhr.status) ? null : xhr.response, { status: xhr.status, headers: answered }));
    };
    xhr.onerror = xhr.onabort = xhr.ontimeout = () => reject(new TypeError("the request got no answer"));
    xhr.send(body);
  });
}
// What the page needs to say a refusal in words: the server's error code, status and (English) message.
const refusalOf = (error) => ({ code: error.code || null, status: error.status || null, message: error.message });

// A failed answer is replaced by any later operation on the same step; a failed `complete` by a later one.
function superseded(op, later) {
  if (op.kind === "answer") return later.some((o) => o.kind === "answer" && o.step_id === op.step_id);
  if (op.kind === "complete") return later.some((o) => o.kind === "complete");
  if (op.kind === "photo") return later.some((o) => o.step_id === op.step_id && o.photo_index === op.photo_index);
  return false;
}

// tus Upload-Metadata ("key base64,key base64") as an object.
function metadataOf(header) {
  const out = {};
  for (const pair of (header || "").split(",")) {
    const [key, value] = pair.trim().split(" ");
    if (key) {
      try { out[key] = value ? unb64(value) : ""; } catch { /* not base64: not ours */ }
    }
  }
  return out;
}

export class Syncer {
  // `host` gives the run ({run_id, token, …}, the record kept in IndexedDB), applies in memory what the
  // server answered (`fromServer`), and hears about changes. `chunkBytes` is the most a tus request carries.
  constructor(host, { chunkBytes = CHUNK_BYTES } = {}) {
    this.host = host;
    this.chunkBytes = chunkBytes;
    this.uploads = uploadTrail();
    this.outbox = []; // the run's operations as read by the last pass
    this.readUpTo = 0; // the highest seq read so far
    this.running = false;
    this.again = false;
    this.delay = 0;
    this.timer = null;
    this.acking = []; // acknowledged by the server, waiting for the next IndexedDB transaction
    this.nextAck = null; // that transaction, while it has not started
    this.lastAck = Promise.resolve(); // the transaction being written: one at a time
    this.unawaited = []; // acknowledgements of the segment being sent, still being written
    // `counted`: the outbox has been read once; until then nothing is known of what waits (the page said
    // "Everything is saved on the server" on every reload while changes waited on the phone).
    this.state = { counted: false, waiting: 0, photos: 0, signatures: 0, bytes: 0, failed: 0, failures: [], error: null, unreachable: false, retryIn: 0, sending: false, refused: null };
    // Of each photo or signature on its way (by its slot, "_run" for the run's signature): how many of its
    // bytes are on the server or have left, and its size. The page shows it on the photo and the status line.
    this.state.onTheirWay = new Map();
    // Photos removed from the screen before the server acknowledged them (`withdraw`), by op id: not sent, or
    // their request aborted and what the server got of them taken back (`takeBack`, queued in `takeBacks`).
    this.withdrawn = new Set();
    this.takeBacks = [];
    this.photosSending = new Map(); // op id → its request on its way (null between requests)
    this.landed = new Set(); // op ids of photos the server has taken (their acknowledgement may be unwritten)
    window.addEventListener("online", () => this.kick(true));
  }

  // Another tab of this browser took the run: nothing more is sent from here (its acknowledgements would
  // write this tab's copy of the run over the other's) until it is taken back here (`resume`).
  pause() {
    this.paused = true;
    clearTimeout(this.timer);
  }

  resume() {
    Object.assign(this, { paused: false, outbox: [], readUpTo: 0 }); // the other tab changed the outbox
    this.state.refused = null;
    this.kick(true);
  }

  // The run is finished on the server (closed, completed elsewhere): nothing more is tried, and no answer
  // from the server is missing (the status line said "Offline" for ever after the network came back).
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.state.unreachable = false;
    this.state.error = null;
  }

  // The outbox counted as the page opens, before anything is sent (which waits for the server's copy of the
  // run): what waits is said at once. Once only; a pass of `drain` counts it too.
  count() {
    if (this.counting || this.running || this.state.counted) return;
    this.counting = true;
    this.running = true; // a pass started meanwhile waits for this count (`again`)
    this.pending().catch(() => {}).finally(() => {
      this.running = false;
      this.host.changed();
      if (this.again) { this.again = false; this.kick(); }
    });
  }

  // What a request beside the outbox found (reach.js: a probe while nothing waits, the run's state fetched):
  // whether the server answered. Not while the outbox sends: its own answers are the newer word.
  heard(answered) {
    if (this.state.sending || this.stopped) return;
    const unreachable = !answered && navigator.onLine;
    if (unreachable === this.state.unreachable) return;
    this.state.unreachable = unreachable;
    this.host.changed();
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

  // The operations still to send, in order; failed ones are counted, and dropped once something newer
  // replaces them. A pass reads the outbox's keys and only the records added since the last pass (an
  // operation never changes once written, but for the `failed` mark this syncer sets on its own copy).
  async pending() {
    const { seqs, added } = await outboxSince(this.host.run().run_id, this.readUpTo);
    const known = new Map(this.outbox.map((op) => [op.seq, op]));
    for (const op of added) {
      known.set(op.seq, op);
      this.readUpTo = Math.max(this.readUpTo, op.seq);
    }
    const all = seqs.map((seq) => known.get(seq));
    if (all.includes(undefined)) { // not expected (seqs only grow): read it all again
      [this.outbox, this.readUpTo] = [[], 0];
      return this.pending();
    }
    const gone = all.filter((op, i) => op.failed && superseded(op, all.slice(i + 1)));
    if (gone.length) await acknowledge(gone.map((op) => op.seq));
    const failed = all.filter((op) => op.failed && !gone.includes(op));
    const ops = all.filter((op) => !op.failed);
    this.outbox = all.filter((op) => !gone.includes(op));
    this.state.failed = failed.length;
    this.state.failures = failed; // the operations themselves: the page names their steps
    this.state.waiting = ops.length;
    this.state.photos = ops.filter(carriesBytes).length;
    this.state.signatures = ops.filter(isSignature).length;
    this.state.bytes = ops.reduce((n, op) => n + (op.blob ? op.blob.size : 0), 0);
    this.state.counted = true;
    return ops;
  }

  sent(ops) {
    for (const op of ops) {
      this.state.waiting -= 1;
      if (carriesBytes(op)) { this.state.photos -= 1; this.state.bytes -= op.blob ? op.blob.size : 0; }
      this.state.onTheirWay.delete(op.seq);
      if (isSignature(op)) this.state.signatures -= 1;
    }
  }

  // `error`: an HttpError, or a /sync result's {code, status, message}.
  async fail(op, error) {
    op.failed = error.message || error.code || "refused"; // kept as before: an older page reads this one
    op.refusal = refusalOf(error);
    await updateOp(op);
    this.sent([op]);
    this.state.failed += 1;
    this.state.failures.push(op);
  }

  deviceHeader() {
    const s = this.state;
    return `pending-ops=${s.waiting}; pending-bytes=${Math.max(0, s.bytes)}; failed-ops=${s.failed}; app=${APP}`;
  }

  // Each request counts its own change as waiting (it is, until the server answers), so the last one left
  // the monitor saying "1 change on the device" for a run whose every change was on the server. One more
  // request that changes nothing there (tus discovery) says that none is waiting now, as the desktop's engine
  // does; a failure (offline again, the run closed) is for the next contact to say.
  async lastWord() {
    try {
      await this.fetch(`/v1/runs/${this.host.run().run_id}/uploads/`, { method: "OPTIONS", headers: TUS });
    } catch {
      /* nothing to do */
    }
  }

  // `sent` of `op`'s bytes are on the server or have left for it; null: it is no longer on its way (it failed;
  // an acknowledged one leaves in `sent`). The page hears of it at most once a frame.
  onItsWay(op, sent) {
    if (sent === null) this.state.onTheirWay.delete(op.seq);
    else this.state.onTheirWay.set(op.seq, { op, sent: Math.min(sent, op.blob.size), size: op.blob.size });
    if (this.progressShown) return;
    this.progressShown = requestAnimationFrame(() => {
      this.progressShown = 0;
      this.host.changed();
    });
  }

  async fetch(path, init = {}) {
    const run = this.host.run();
    const headers = new Headers(init.headers || {});
    headers.set("Authorization", `Bearer ${run.token}`);
    headers.set("Rundun-Device", this.deviceHeader());
    const response = init.onSent ? await sendBytes(path, { ...init, headers }, init.onSent) : await fetch(path, { ...init, headers });
    // An answer of this server (tus' header, which no portal sends: a cut photo's HEAD) says it is in reach again
    // at once: the line said "Can't reach the server" while the rest of the photo went, until its last byte.
    if (this.state.unreachable && response.headers.has("Tus-Resumable")) {
      this.state.unreachable = false;
      this.host.changed();
    }
    if (!response.ok) {
      let body = null;
      try { body = await response.json(); } catch { /* not JSON */ }
      throw new HttpError(response, body);
    }
    return response;
  }

  async drain() {
    const run = this.host.run();
    if (!run || !run.token || this.state.refused || this.paused || this.stopped) return;
    let sent = false;
    try {
      while (!this.paused && !this.stopped) {
        const ops = await this.pending();
        this.host.changed();
        if (!ops.length && !this.takeBacks.length) break;
        sent = true;
        if (!navigator.onLine) throw new TypeError("offline");
        while (this.takeBacks.length) await this.takeBack(...this.takeBacks.shift());
        this.state.sending = true;
        for (let i = 0; i < ops.length;) {
          const segment = this.segment(ops, i);
          if (together(segment[0])) await this.sendTogether(segment);
          else await this.send(segment);
          i += segment.length;
          this.delay = 0;
          this.state.error = null;
          this.state.unreachable = false;
          this.host.changed();
        }
      }
      if (sent) await this.lastWord();
      this.state.sending = false;
    } catch (error) {
      this.state.sending = false;
      const closed = REFUSED_RUN.includes(error.status) || (error.status === 409 && CLOSED_RUN.includes(error.code));
      if (error instanceof HttpError && closed) {
        this.state.refused = refusalOf(error); // expired, cancelled, closed: keep everything local, stop trying
        this.state.unreachable = false; // the server answered
        this.host.fromServer({ runRefused: error.status });
      } else {
        // No answer at all: the server is out of reach, whatever navigator.onLine says (a dead Wi-Fi, a portal).
        // Offline is navigator.onLine's to say: "unreachable" is a server that does not answer a phone with a
        // network (it stayed set as the network came back, and the page said the server was out of reach).
        const noAnswer = error instanceof TypeError; // fetch failed, or offline (drain)
        this.state.unreachable = noAnswer && navigator.onLine;
        this.state.error = noAnswer ? null : refusalOf(error);
        this.delay = longer(this.delay);
        const wait = jittered(this.delay);
        this.state.retryIn = Math.round(wait / 1000);
        this.timer = setTimeout(() => this.kick(), wait);
      }
    }
    this.host.changed();
  }

  // The operations from `i` sent as one step: a run of answers and photos (each photo its own slot: a
  // second photo for a slot waits for the first), or a single other operation (a photo's removal, the
  // signature, `complete`), which waits for everything before it.
  segment(ops, i) {
    if (!together(ops[i])) return [ops[i]];
    const slots = new Set();
    let j = i;
    for (; j < ops.length && together(ops[j]); j += 1) {
      if (ops[j].kind !== "photo") continue;
      if (slots.has(slotOf(ops[j]))) break;
      slots.add(slotOf(ops[j]));
    }
    return ops.slice(i, j);
  }

  // The answers' batches (in order, one after the other) beside PARALLEL_PHOTOS photo lanes that share one
  // queue. Every lane runs to its end; then the first failure (offline…) is raised.
  async sendTogether(segment) {
    const answers = segment.filter((op) => op.kind === "answer");
    const queue = segment.filter((op) => op.kind === "photo").values();
    const answerLane = async () => {
      for (let i = 0; i < answers.length; i += BATCH) await this.send(answers.slice(i, i + BATCH));
    };
    const photoLane = async () => {
      for (let next = queue.next(); !next.done; next = queue.next()) await this.send([next.value]);
    };
    const lanes = [answerLane(), ...Array.from({ length: PARALLEL_PHOTOS }, photoLane)];
    const results = await Promise.allSettled(lanes);
    const acks = this.unawaited.splice(0);
    results.push(...(await Promise.allSettled(acks)));
    const failure = results.find((r) => r.status === "rejected");
    if (failure) throw failure.reason;
  }

  // A lane goes on with its next request while its acknowledgement is written; the segment waits for it.
  inBackground(ack) {
    ack.catch(() => null); // handled: its failure is raised with the segment's
    this.unawaited.push(ack);
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

  // Acknowledged by the server: gone from the outbox, and the run record saved as the server's answer left
  // it, in one transaction shared by every acknowledgement that arrives while the previous one is written.
  async done(ops, news = null) {
    if (news) this.host.fromServer(news);
    this.acking.push(...ops);
    if (!this.nextAck) {
      this.nextAck = (async () => {
        await this.lastAck; // read before this function's first await: the transaction before this one
        const batch = this.acking;
        this.acking = [];
        this.nextAck = null;
        await acknowledge(batch.map((op) => op.seq), this.paused ? null : this.host.run());
        this.uploads.forget(batch);
        this.sent(batch);
      })();
      this.lastAck = this.nextAck.catch(() => null);
    }
    await this.nextAck;
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
      await this.fail(op, { code: r.error, status: 422, message: r.message || r.error });
    }
  }

  // One request when nothing was cut: the creation carries the whole photo. A cut upload resumes from the
  // server's offset (HEAD), one whose creation never answered is looked up first (`findUpload`).
  // A photo removed meanwhile (`withdraw`) is not sent, or its request is aborted and taken back.
  async sendPhoto(op) {
    if (this.withdrawn.has(op.op_id)) return;
    const size = op.blob.size;
    const started = (xhr) => this.photosSending.set(op.op_id, xhr);
    const wanted = () => { if (this.withdrawn.has(op.op_id)) throw new TypeError("removed"); };
    this.photosSending.set(op.op_id, null);
    try {
      let { url, offset } = await this.resumePoint(op);
      this.onItsWay(op, offset);
      wanted();
      if (!url && offset < size) ({ url, offset } = await this.createUpload(op, started));
      while (offset < size) {
        wanted();
        const from = offset;
        const headers = { ...TUS, "Content-Type": "application/offset+octet-stream", "Upload-Offset": String(offset) };
        const response = await this.fetch(url, { method: "PATCH", headers, body: op.blob.slice(offset, offset + this.chunkBytes),
          onSent: (bytes) => this.onItsWay(op, from + bytes), started });
        offset = Number(response.headers.get("Upload-Offset"));
      }
    } catch (error) {
      this.onItsWay(op, null);
      this.photosSending.delete(op.op_id);
      if (this.withdrawn.has(op.op_id)) return this.takeBack(op, false);
      if (error instanceof HttpError && error.status === 460) this.uploads.remember(op, null); // terminated
      throw error;
    }
    this.photosSending.delete(op.op_id);
    this.landed.add(op.op_id);
    if (this.withdrawn.has(op.op_id)) return this.takeBack(op, true); // removed as its last byte was taken
    this.inBackground(this.done([op], { photoSent: op }));
  }

  // Photo operations the page dropped from the outbox (db.js withdrawPhoto: removed from the screen before the
  // server acknowledged them) go no further: not sent, their request aborted, their count off the status line,
  // what the server got of them taken back. True when one of them had landed already (the server took it, its
  // acknowledgement not yet written): that photo needs a photo_delete like any photo the server has.
  withdraw(ops) {
    let landed = false;
    for (const op of ops) {
      if (this.landed.has(op.op_id)) { landed = true; continue; }
      this.withdrawn.add(op.op_id);
      if (this.photosSending.has(op.op_id)) this.photosSending.get(op.op_id)?.abort(); // its catch takes it back
      else if (this.uploads.known(op) != null) this.takeBacks.push([op, false]); // an upload begun before a reload
      const counted = this.outbox.find((o) => o.seq === op.seq);
      if (!counted) continue; // read by no pass yet: never counted
      this.outbox = this.outbox.filter((o) => o !== counted);
      if (counted.failed) {
        this.state.failed -= 1;
        this.state.failures = this.state.failures.filter((o) => o.seq !== op.seq);
      } else {
        this.sent([counted]);
      }
    }
    this.host.changed();
    return landed;
  }

  // What the server got of a withdrawn photo, taken back: its unfinished tus upload terminated, or the photo
  // deleted from its slot had it landed (the slot's next photo is sent by a later pass: it cannot be the one
  // deleted). No upload ever created for it (`uploads` knows none): nothing to do, no request. Unreachable:
  // tried again with the next pass.
  async takeBack(op, landed) {
    try {
      const known = this.uploads.known(op);
      const point = landed ? { url: null, offset: op.blob.size } : known == null ? null : await this.findUpload(op);
      if (point && point.url && point.offset < op.blob.size) await this.fetch(point.url, { method: "DELETE", headers: TUS });
      else if (point && point.offset >= op.blob.size) await this.deleteSlot(op);
    } catch (error) {
      if (!(error instanceof HttpError)) {
        this.takeBacks.push([op, landed]);
        throw error;
      }
    }
    this.uploads.remember(op, null);
  }

  // Where this photo's bytes stand on the server: {url, offset}; no url and offset 0 to create an upload, no
  // url and the whole size when the photo is attached already.
  async resumePoint(op) {
    const known = this.uploads.known(op) ?? op.upload_url ?? null; // upload_url: kept by an older runner
    if (known === null) return { url: null, offset: 0 };
    if (known === "") return this.findUpload(op);
    try {
      const head = await this.fetch(known, { method: "HEAD", headers: TUS, cache: "no-store" });
      return { url: known, offset: Number(head.headers.get("Upload-Offset")) };
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 404)) throw error;
      return { url: null, offset: 0 }; // the server forgot it (abandoned): this photo starts again
    }
  }

  async createUpload(op, started) {
    let meta = `step_id ${b64(op.step_id)},photo_index ${b64(String(op.photo_index))},filename ${b64(op.name || "photo.jpg")}`;
    if (op.sha256) meta += `,sha256 ${b64(op.sha256)}`; // the server checks the finished file against it
    const headers = { ...TUS, "Upload-Length": String(op.blob.size), "Upload-Metadata": meta, "Content-Type": "application/offset+octet-stream" };
    const body = op.blob.size <= this.chunkBytes ? op.blob : op.blob.slice(0, this.chunkBytes);
    this.uploads.remember(op, ""); // before a byte leaves: should the answer be lost, the upload is looked up
    let created;
    try {
      created = await this.fetch(`/v1/runs/${this.host.run().run_id}/uploads/`, { method: "POST", headers, body,
        onSent: (bytes) => this.onItsWay(op, bytes), started });
    } catch (error) {
      if (error instanceof HttpError && error.location) this.uploads.remember(op, error.location);
      throw error;
    }
    const url = created.headers.get("Location");
    const offset = Number(created.headers.get("Upload-Offset") || 0);
    if (offset < op.blob.size) this.uploads.remember(op, url); // the rest goes in PATCHes, resumable
    return { url, offset };
  }

  // The upload a creation made for `op` when its answer never came (a cut connection, a closed tab): the
  // server lists the run's photos and unfinished uploads (slot, length), and HEAD tells an upload's sha256.
  async findUpload(op) {
    const size = op.blob.size;
    const same = (sha, bytes) => (op.sha256 ? sha === op.sha256 : bytes === size);
    const response = await this.fetch(`/v1/runs/${this.host.run().run_id}/state`, { cache: "no-store" });
    const state = await response.json();
    const mine = (item) => item.step_id === op.step_id && item.photo_index === op.photo_index;
    if ((state.photos || []).some((p) => mine(p) && same(p.sha256, p.bytes))) return { url: null, offset: size };
    for (const upload of (state.uploads || []).filter((u) => mine(u) && u.length === size).reverse()) {
      try {
        const head = await this.fetch(upload.url, { method: "HEAD", headers: TUS, cache: "no-store" });
        if (same(metadataOf(head.headers.get("Upload-Metadata")).sha256, size)) {
          this.uploads.remember(op, upload.url);
          return { url: upload.url, offset: Number(head.headers.get("Upload-Offset")) };
        }
      } catch (error) {
        if (!(error instanceof HttpError && error.status === 404)) throw error;
      }
    }
    return { url: null, offset: 0 };
  }

  async deletePhoto(op) {
    await this.deleteSlot(op);
    await this.done([op]);
  }

  async deleteSlot(op) {
    try {
      await this.fetch(`/v1/runs/${this.host.run().run_id}/answers/${op.step_id}/photos/${op.photo_index}`, { method: "DELETE" });
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 404)) throw error;
    }
  }

  async sendSignature(op) {
    try {
      await this.fetch(`/v1/runs/${this.host.run().run_id}/signature`, { method: "PUT", headers: { "Content-Type": "image/png" }, body: op.blob,
        onSent: (bytes) => this.onItsWay(op, bytes) });
    } catch (error) {
      this.onItsWay(op, null);
      throw error;
    }
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
