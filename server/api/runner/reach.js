// Whether the server answers while the outbox has nothing to send (SPEC §11). Only sending tested the server,
// so with nothing waiting a server that had stopped, or a phone on a captive Wi-Fi, still read "Online": the
// status line was true only while something was sent. A probe asks at the moments it matters: the page shown
// again, the window focused, the browser online again, and every so often while the page is seen.
//
// The probe is tus discovery on the run's uploads (OPTIONS): it proves this server (every answer on /uploads
// carries `Tus-Resumable`, which no captive portal's page does) and this run and token (the route checks both),
// only reads, and sends no body back (its `Rundun-Run-Status` says whether the run still takes answers) (no `Rundun-Device` either: it would write the run's last contact once a
// minute for every phone). Health proves neither the run nor the token; the run's state sends all its answers.
//
// Load: thousands of phones. One probe per phone at most every PROBE_EVERY (each drawn between half and all
// of it, so phones opened together drift apart), only while the page is visible and nothing is sent (the
// outbox's own requests say it then), none while hidden, never two at once. While the server does not answer,
// the wait doubles from a twelfth of it to five times it, jittered, so a server coming back is not met by
// every phone at once; a `Retry-After` (429, 503) is waited out.

import { jittered } from "./sync.js";

export const PROBE_EVERY = 60000;
const TUS = { "Tus-Resumable": "1.0.0" };
const RUN_ENDED = [401, 403, 404, 410]; // the token or the run gone: the page finds out what happened
const OPEN = ["pending", "in_progress"]; // the statuses that still take answers (server.tdl's OPEN_STATUSES)

// An answer of this server: tus' header, or its error body ({"error": code}) from a layer before the route (the
// rate limit's 429). A portal's login page, or a proxy's 502 for a server that is down, is neither.
async function ours(response) {
  if (response.headers.has("Tus-Resumable")) return true;
  try {
    const body = await response.json();
    return typeof body?.error === "string";
  } catch {
    return false;
  }
}

export class Reach {
  // `syncer`: the outbox (its state says whether the server is out of reach, and whether it is sending).
  // `wanted()`: whether the page has a run to keep in touch with (not finished, not taken by another tab).
  // `ended()`: the server no longer takes this run's token (the page asks what became of the run).
  constructor(syncer, { wanted, ended, every = PROBE_EVERY }) {
    Object.assign(this, { syncer, wanted, ended, every });
    this.delay = 0; // the wait while the server does not answer; 0 while it does
    this.timer = 0;
    this.busy = 0; // requests on their way that say whether the server answers: a probe, the run's state
    const soon = () => this.soon();
    document.addEventListener("visibilitychange", () => (document.visibilityState === "hidden" ? this.rest() : soon()));
    window.addEventListener("focus", soon);
    window.addEventListener("online", soon);
    window.addEventListener("offline", () => this.rest()); // the browser's `online` wakes it
  }

  // A probe in a moment: after whatever the same event started (the page shown again fetches the run's state,
  // which answers the same question; `watch`), so that the two are not sent at once.
  soon() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), 0);
  }

  rest() {
    clearTimeout(this.timer);
    this.timer = 0;
  }

  schedule(wait) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), wait);
  }

  // Nothing to probe: hidden, offline (the browser says so), no run, or a request that will say it already.
  idle() {
    const s = this.syncer;
    return document.visibilityState === "hidden" || !navigator.onLine || !this.wanted()
      || s.paused || s.stopped || s.state.refused || s.running || s.state.sending || s.state.waiting > 0;
  }

  async check() {
    this.timer = 0;
    if (this.busy) return; // its answer schedules the next
    if (this.idle()) {
      // the outbox sends or waits to: its retries ask the server; looked at again later, while the page is seen
      // (soon, if the outbox last found the server silent: what waited may be gone, a removed photo)
      const later = this.syncer.state.unreachable ? Math.max(this.delay, this.every / 12) : this.every;
      if (document.visibilityState !== "hidden" && navigator.onLine && this.wanted()) this.schedule(jittered(later));
      return;
    }
    const run = this.syncer.host.run();
    await this.watch(async () => {
      const response = await fetch(`/v1/runs/${run.run_id}/uploads/`, {
        method: "OPTIONS", cache: "no-store", headers: { ...TUS, Authorization: `Bearer ${run.token}` },
      });
      if (!(await ours(response))) return { answered: false };
      // the run cancelled, or completed elsewhere, answers as one still open: its status says it (the page
      // said all was well until it was shown again and fetched the run's state)
      const status = response.headers.get("Rundun-Run-Status");
      if (RUN_ENDED.includes(response.status) || (status && !OPEN.includes(status))) this.ended();
      return { answered: true, retryAfter: Number(response.headers.get("Retry-After")) || 0 };
    });
  }

  // `ask()` a request whose answer says whether the server answers, resolving to {answered, retryAfter, …}:
  // told to the outbox's state, and the next probe scheduled from it. A TypeError (no answer at all) or a
  // SyntaxError (a body that is no JSON of this server: a portal's page) is no answer.
  async watch(ask) {
    this.busy += 1;
    let heard = null;
    try {
      heard = await ask();
    } catch (error) {
      if (!(error instanceof TypeError || error instanceof SyntaxError)) throw error;
      heard = { answered: false };
    } finally {
      this.busy -= 1;
      if (heard) this.heard(heard);
    }
    return heard;
  }

  heard({ answered, retryAfter = 0 }) {
    this.syncer.heard(answered);
    this.delay = answered ? 0 : Math.min(5 * this.every, this.delay ? this.delay * 2 : this.every / 12);
    const wait = Math.max(jittered(this.delay || this.every), 1000 * retryAfter);
    if (!this.busy && document.visibilityState !== "hidden" && navigator.onLine) this.schedule(wait);
  }
}
