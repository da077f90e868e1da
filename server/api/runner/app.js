// The browser runner (SPEC §11): opens the run, shows its steps with the server's rules (rules.js), keeps
// every action in IndexedDB with an outbox before the screen confirms it (db.js) and sends the outbox in
// the background (sync.js). Works offline once opened: the service worker (/r/sw.js) caches this page.

import { answerOf, checkAnswer, completionProblems, computeProgress, isAnswered, iterSteps, stepsById, visibleStepIds } from "./rules.js";
import { commit, getRun, keepChecklist, keptChecklist, pendingSeqs, putRun, withdrawPhoto } from "./db.js";
import { tabClaim } from "./tabs.js";
import { jittered, longer, Syncer } from "./sync.js";
import { Reach } from "./reach.js";
import { dataUrl, preparePhoto, sha256Hex } from "./photos.js";
import { archiveName, unsentArchive } from "./export.js";
import { signaturePad } from "./signature.js";
import { el, fieldValue, forStep, heldOf, putHeld, sayFor, showAnswer, showCount, showSignature, signatureBox, stepCard } from "./view.js";
import {
  acceptLanguage, describeProblem, describeProblems, describeRefusal, describeRetry, describeRunRefusal, formatDate, languageName,
  languageSwitch, matchLanguage, numberExpected, preferredLanguage, t, useLanguage,
} from "./strings.js";

const runId = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop());
const root = document.getElementById("runner");
const statusLine = document.getElementById("sync-status");
let run = null; // {run_id, token, template, answers, has_signature, status, done_locally}
let storageNote = ""; // a key of the words table: shown in the language of the moment
const pads = new Map();
const keepers = new Map(); // a pad's id → what its "Keep this signature" does
// A run the sender or time closed, or whose token the server no longer takes ("access_ended": opened again on
// another device, or the token damaged): no more answers, nothing more sent.
const CLOSED = ["cancelled", "expired", "access_ended"];
let missingShown = false; // the list of what completion misses is on screen: it follows every answer
// A smaller tus PATCH can be asked for (a test cutting a photo mid-file; a link that drops long requests).
const chunkBytes = Number(localStorage.getItem("rundun.chunk-bytes")) || undefined;
// What the fixed status bar and the sticky progress bar cover, kept as the page's scroll padding (runner.css): a
// field reached by Tab (or a step by its link) was scrolled to the screen's edge, under one of them.
const covers = new ResizeObserver(() => {
  const style = document.documentElement.style;
  style.setProperty("--status-height", `${statusLine ? statusLine.offsetHeight : 0}px`);
  style.setProperty("--progress-height", `${document.getElementById("progress")?.offsetHeight || 0}px`);
});
if (statusLine) covers.observe(statusLine);
const syncer = new Syncer({ run: () => run, changed: syncChanged, fromServer }, { chunkBytes });
// Whether the server answers while nothing waits to be sent; a shorter interval can be asked for (a test).
const reach = new Reach(syncer, {
  wanted: () => Boolean(run?.token && !tabs.parked && !["completed", ...CLOSED].includes(run.status)),
  ended: () => refreshFromServer(),
  every: Number(localStorage.getItem("rundun.probe-ms")) || undefined,
});

const newId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);
const nowIso = () => new Date().toISOString();
const blank = () => ({ value: null, photos: [], skipped: false, geo: null });
// One tab of this browser fills the run in at a time: two tabs took answers apart, each sure of its own.
const tabs = tabClaim(runId, { lost: park, finished: finishedInOtherTab, received: answeredInOtherTab });

async function start() {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/r/sw.js", { scope: "/r/" }).catch(() => {});
    navigator.serviceWorker.ready.then((reg) => reg.active && reg.active.postMessage({ keepPage: location.href }));
  }
  run = await getRun(runId);
  // The runner's words follow the person (the switch, else the browser's languages), and so does the
  // checklist where the template has that language (followLanguage).
  useLanguage(preferredLanguage());
  const header = document.querySelector("header");
  if (header) header.prepend(languageSwitch(showAgain));
  showPageWords();
  if (run) {
    tabs.take();
    showRunner();
    await answerTypedAsThePageWent();
    refreshFromServer();
    followLanguage(); // switched while offline, or on another tab: the checklist catches up
  } else {
    showOpenOrFinished();
  }
  askPersistence();
  window.addEventListener("online", showStatus);
  window.addEventListener("online", () => languageRetry.timer && retryLanguage(true));
  window.addEventListener("offline", showStatus);
  // Back to a page left open: the run may have been completed, cancelled or taken elsewhere meanwhile.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") keepFieldInProgress();
    else if (run && !tabs.parked && !run.done_locally) refreshFromServer();
  });
  window.addEventListener("pagehide", keepTypingAsThePageGoes);
}

// The page goes (a reload, pull to refresh, Back): the field's change event starts an answer that IndexedDB
// does not finish before the page is gone, and the text was lost without a word. Its text is kept at once
// where a write is synchronous, and becomes that answer after the reload (answerTypedAsThePageWent).
const typingKey = `rundun.typing.${runId}`;
function keepTypingAsThePageGoes() {
  const field = document.activeElement;
  if (run && !run.done_locally && root.contains(field) && field.id.endsWith("-input") && field.matches("input:not([type=file]), textarea")) {
    try { localStorage.setItem(typingKey, JSON.stringify({ id: field.id, text: field.value })); } catch { /* storage full: as before */ }
  }
  keepFieldInProgress();
}

async function answerTypedAsThePageWent() {
  let kept = null;
  try { kept = JSON.parse(localStorage.getItem(typingKey)); localStorage.removeItem(typingKey); } catch { return; }
  const step = kept && stepsById(run.template).get(kept.id.slice(0, -"-input".length));
  const field = step && document.getElementById(kept.id);
  // its answer reached the record after all (the field shows it), or the run was finished meanwhile
  if (!field || run.done_locally || field.value === kept.text) return;
  field.value = kept.text;
  showCount(field);
  await keeping(answer(step, fieldValue(step, field), {}));
}

// A phone hides the page (the camera, another app, the lock screen) and may discard it without a word: the
// field being typed in is kept first, as when the finger leaves it (its change event). Its text was lost.
function keepFieldInProgress() {
  const field = document.activeElement;
  if (field && root.contains(field) && field.matches("input:not([type=file]), textarea")) field.blur();
}

// Answers on their way into IndexedDB (a field's change event starts one and cannot wait for it).
const answering = new Set();
function keeping(promise) {
  answering.add(promise);
  promise.finally(() => answering.delete(promise)).catch(() => {});
  return promise;
}

// What is being typed, kept as an answer before a run found finished counts what it has not sent: the field
// being typed in as the run closed was dropped with the form, neither sent nor counted nor saved.
async function keepTyped() {
  keepFieldInProgress();
  await Promise.allSettled([...answering]);
}

// What the server's page says of the run: {sender, steps, expires, status}.
function pageFacts() {
  const facts = document.querySelector("[data-facts]");
  return facts ? JSON.parse(facts.dataset.facts) : {};
}

const finishedOnServer = () => ["completed", ...CLOSED].includes(pageFacts().status);

// The server's page around the runner (its lead and the desktop link) in the person's language.
function showPageWords() {
  const facts = document.querySelector("[data-facts]");
  if (facts) {
    const { sender, steps, expires } = pageFacts();
    // Once open, the progress bar counts the steps (the preview's count disagreed with it: hidden steps,
    // instructions): the lead names only the sender.
    const lines = [run ? t("open_lead_started", { sender }) : t("open_lead", { sender, n: steps })];
    // A deadline to open it, while it is not: once opened here it stays open for this phone past it (the offline grace).
    if (expires && !finishedOnServer() && !run) lines.push(t("open_before", { date: formatDate(expires) }));
    facts.replaceChildren(...lines.flatMap((line, i) => (i ? [el("br"), line] : [line])));
  }
  const brand = document.querySelector("header small");
  if (brand) brand.textContent = t("brand");
  // The checklist's name in the language it opened in (the page was served with the run's own).
  const title = document.querySelector("header.preview h1");
  if (title && run?.template?.name) document.title = title.textContent = run.template.name;
  const link = document.querySelector("p.desktop a");
  if (link) link.parentElement.replaceChildren(el("a", { href: link.getAttribute("href") }, t("desktop_link")));
  showChecklistNote();
}

// After the language switch: the screen again in the new words, then the checklist in the new language.
function showAgain() {
  showPageWords();
  if (tabs.parked) showParked();
  else if (run) showRunner();
  else showOpenOrFinished();
  showStatus();
  followLanguage();
}

async function askPersistence() {
  if (!navigator.storage || !navigator.storage.persist) return;
  const granted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
  storageNote = granted ? "storage_persisted" : "storage_refused";
  showStatus();
}

// -- opening --------------------------------------------------------------------------------------------
// A link to a run finished already (completed on another device, cancelled) has nothing to start: it says so.
function showOpenOrFinished() {
  if (finishedOnServer()) showFinished(pageFacts().status, "completed_already");
  else showOpen();
}

function showOpen(kind = null, message = "") {
  // What was typed stays when the form comes back (a Start that met no network): retyped, a name or an email
  // could differ from the one a lost answer already opened the run with.
  const typed = Object.fromEntries(["who-name", "who-email", "who-token"]
    .map((id) => [id, document.getElementById(id)?.value ?? ""]));
  const fields = [];
  if (kind === "external") {
    fields.push(el("h2", { text: t("identity_external") }),
      // The server's limits (OpenIn): a longer name was refused in the server's English words.
      el("label", { for: "who-name", text: t("name") }), el("input", { id: "who-name", autocomplete: "name", required: true, maxlength: 200 }),
      el("label", { for: "who-email", text: t("email") }),
      el("input", { id: "who-email", type: "email", autocomplete: "email", required: true, maxlength: 320 }));
  } else if (kind === "member") {
    fields.push(el("h2", { text: t("identity_member") }),
      el("label", { for: "who-token", text: t("member_token") }), el("input", { id: "who-token", autocomplete: "off", required: true }));
  }
  const form = el("form", { class: "open", onsubmit: (e) => { e.preventDefault(); openRun(kind); } },
    ...fields, el("p", { class: "problem", role: "alert", id: "open-problem", text: message }),
    el("button", { type: "submit", id: "start" }, t("open_button")));
  root.replaceChildren(form);
  for (const [id, value] of Object.entries(typed)) {
    const input = document.getElementById(id);
    if (input && value) input.value = value;
  }
  // Asked who they are after tapping Start: the first field takes the focus (the button it was on is gone).
  if (kind && !message) form.querySelector("input").focus();
}

// The open's Idempotency-Key (SPEC §5): a random secret of this phone, kept before the open is sent, so a Start
// tapped again after an answer the network lost gets the same token back. Without it that retry was 409 "opened
// on another device" for ever, the executor locked out of the run they had opened. Dropped once the run is kept.
const openKeyName = `rundun.open-key.${runId}`;
let openKeyHeld = null; // storage refused (some private modes): a retry from this page still matches

function openKey() {
  try { openKeyHeld = openKeyHeld || localStorage.getItem(openKeyName); } catch { /* refused */ }
  if (!openKeyHeld) {
    openKeyHeld = Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, "0")).join("");
    try { localStorage.setItem(openKeyName, openKeyHeld); } catch { /* memory only */ }
  }
  return openKeyHeld;
}

function forgetOpenKey() {
  openKeyHeld = null;
  try { localStorage.removeItem(openKeyName); } catch { /* refused */ }
}

async function openRun(kind) {
  // The tap taken, said on the button, which takes no other until the server answers (a slow network showed
  // nothing for seconds, and took every further tap). Any answer but the run's puts the form back (showOpen).
  const start = document.getElementById("start");
  if (start) {
    start.disabled = true;
    start.setAttribute("aria-busy", "true");
    start.textContent = t("opening");
  }
  const headers = { "Content-Type": "application/json", "Idempotency-Key": openKey(), "Accept-Language": acceptLanguage() };
  const body = {};
  if (kind === "external") { body.name = document.getElementById("who-name").value; body.email = document.getElementById("who-email").value; }
  if (kind === "member") headers.Authorization = `Bearer ${document.getElementById("who-token").value.trim()}`;
  let response;
  try {
    response = await fetch(`/v1/runs/${runId}/open`, { method: "POST", headers, body: JSON.stringify(body) });
  } catch {
    // No answer: the phone has no network, or it has one and the server does not answer (it was told to connect).
    return showOpen(kind, t(navigator.onLine ? "open_unreachable" : "needs_network"));
  }
  const doc = await response.json().catch(() => ({}));
  if (response.status === 400 && !kind && (doc.details || []).some((d) => d.path === "name" || d.path === "email")) return showOpen("external");
  if (response.status === 401 && kind !== "member") return showOpen("member");
  // An email the browser's field let through that the server's does not (it needs a dot after the @: "a@b"):
  // said in the page's words by the field (it read "Could not open the checklist: The request failed
  // validation.", in English, naming no field).
  if (kind === "external" && (doc.details || []).some((d) => d.path === "email")) {
    showOpen(kind, t("open_email_invalid"));
    const field = document.getElementById("who-email");
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", "open-problem");
    return field.focus();
  }
  if (doc.error === "run_already_opened") return showFinished("opened_elsewhere"); // a Start that can only fail: none
  if (!response.ok) return showOpen(kind, t("open_failed", { message: describeRunRefusal({ code: doc.error, message: doc.message }) || response.status }));
  // `template` comes resolved to the run's `language` (SPEC §15); the runner's own words follow the person.
  // `reopen`: the same open again (its key, so the same token and nothing fired) fetches the checklist in
  // another language (followLanguage); a member's open would need their member token, which is not kept.
  const language = doc.language || "en";
  run = { run_id: runId, token: doc.executor_token, template: doc.template, language, languages: doc.languages || [language],
    reopen: kind === "member" ? null : { key: openKey(), body }, answers: {}, has_signature: Boolean(doc.signature), status: doc.status, done_locally: false };
  mergeServer(doc);
  await putRun(run);
  reach.heard({ answered: true }); // the open was answered: the next probe in a while
  forgetOpenKey();
  tabs.take();
  showPageWords(); // its "open it before" is done with
  showRunner();
  followLanguage(); // a language the template lacks: said beside the switch
  // The Start button is gone: the focus goes to the checklist's first heading (it fell to the body, and a
  // screen reader started again from the top of the page with no word of what had changed).
  root.querySelector("[data-section]:not([hidden]) h2")?.focus();
}

// The server's copy of the run. Its answers replace the local ones only when nothing local waits to be sent;
// a run the sender cancelled, or that expired, is closed at once whatever waits: the form goes, what was not
// sent stays on the device (and the closed screen says so).
// A token the server no longer takes (401, 403; 404: no such run for it) ends this phone's access: the form
// goes, as for a closed run (it stayed open, "Everything is saved", its answers piling up unsent for ever).
// A run completed elsewhere (another tab, another device) shows the completed screen with the server's answers.
async function refreshFromServer() {
  if (!navigator.onLine) return syncer.kick();
  try {
    // Its answer also says whether the server answers (reach.js): the page shown again needs no probe beside it.
    const { state } = await reach.watch(async () => {
      const response = await fetch(`/v1/runs/${runId}/state`, { headers: { Authorization: `Bearer ${run.token}` }, cache: "no-store" });
      const body = await response.json(); // not JSON (a captive portal's page): no answer of this server
      const state = response.ok ? body
        : response.status === 410 ? { status: "expired" } : [401, 403, 404].includes(response.status) ? { status: "access_ended" } : null;
      return { answered: true, state, retryAfter: Number(response.headers.get("Retry-After")) || 0 };
    });
    if (state && ["completed", ...CLOSED].includes(state.status)) await keepTyped();
    const pending = state ? (await pendingSeqs(runId)).length : 0;
    if (state && CLOSED.includes(state.status)) return await closeRun(state.status, pending);
    if (state && state.status === "completed") return await closeRun("completed", pending, state);
    if (state && !pending) { mergeServer(state); await putRun(run); showRunner(); }
  } catch { /* offline: the local copy stands */ }
  syncer.kick();
}

// The run finished on the server (closed, or completed elsewhere): what waits here will not be sent, and the
// screen says how much (`pending` changes). The outbox keeps them on this phone.
async function closeRun(status, pending = 0, state = null) {
  if (state) mergeServer(state);
  run.status = status;
  run.done_locally = true;
  run.unsent = pending; // kept: the screen says it again after a reload
  syncer.stop();
  await putRun(run);
  showDone();
}

// The server's answers replace the local ones when nothing local is waiting to be sent.
function mergeServer(doc) {
  run.status = doc.status;
  if (doc.signature) run.has_signature = true;
  for (const [stepId, answer] of Object.entries(doc.answers || {})) {
    run.answers[stepId] = { value: answer.value, photos: answer.photos || [], skipped: answer.skipped, geo: answer.geo };
  }
  if (doc.status === "completed" || CLOSED.includes(doc.status)) run.done_locally = true;
}

// What the server answered, applied in memory; the syncer stores the run with the acknowledgement.
function fromServer(news) {
  if (news.runRefused) return refreshFromServer(); // cancelled, expired, completed elsewhere? the form closes
  if (news.status) run.status = news.status;
  if (news.status === "completed" && run.done_locally) showDone(); // the server has it all: say so
  if (news.incomplete) { run.done_locally = false; run.completed_here = false; run.incomplete = news.incomplete; }
  if (news.photoSent) {
    const photo = (run.answers[news.photoSent.step_id]?.photos || []).find((p) => p.photo_index === news.photoSent.photo_index);
    if (photo) photo.sent = true;
  }
  if (news.incomplete) showRunner();
}

// -- the checklist's language ---------------------------------------------------------------------------
// The checklist follows the language switch after Start, as the runner's words do: the template in the page's
// language when it has one (the best match, as the server matches Accept-Language), kept on the phone
// (keepChecklist) so that it stays after a reload and offline, and switching back needs no network. It comes
// from the open asked again with the run's own open key (the same token back, nothing changed or fired on
// the server, SPEC §5) and `{"language"}` (SPEC §15). The run's `language` on the server stays the dispatch's:
// the open only resolves the template, and nothing in the protocol records the executor's. Where the checklist
// cannot follow (the template lacks the language, no network yet, a member's run, a run opened by an older
// runner) a line beside the switch says in which language it stays, and why: its buttons in one language and
// its questions in another read as a fault.
let checklistNote = null; // a words key: why the checklist is not in the page's language

// A switch whose checklist the server did not give (no network, the server down or busy) is tried again as the
// outbox tries its sends: on its backoff (sync.js), at once when the browser says it is online, and at once when
// the outbox hears from the server again. It waited for the browser's `online` event alone, which a phone that
// is online already never gets: with the server down for a moment, the switch never came.
const languageRetry = { delay: 0, timer: 0 };

function retryLanguage(now = false) {
  clearTimeout(languageRetry.timer);
  if (now) languageRetry.delay = 0;
  languageRetry.timer = setTimeout(() => {
    languageRetry.timer = 0;
    followLanguage();
  }, now ? 0 : jittered(languageRetry.delay = longer(languageRetry.delay)));
}

let serverAway = false; // the outbox's last word: the server did not answer
function syncChanged() {
  const away = syncer.state.unreachable;
  if (serverAway && !away && languageRetry.timer) retryLanguage(true);
  serverAway = away;
  showStatus();
}

async function followLanguage() {
  clearTimeout(languageRetry.timer);
  languageRetry.timer = 0;
  if (!run || run.done_locally || tabs.parked) return sayChecklistLanguage(null);
  const page = document.documentElement.lang;
  const wanted = matchLanguage(page, run.languages || [run.language]);
  if (wanted === run.language) return sayChecklistLanguage(null);
  if (!wanted) return sayChecklistLanguage(run.languages ? "checklist_language_none" : "checklist_language_kept");
  const template = (await keptChecklist(runId, wanted).catch(() => null)) || (await fetchChecklist(wanted));
  if (!template || document.documentElement.lang !== page || !run || run.done_locally) return; // switched again meanwhile
  await keepChecklist(runId, run.language, run.template).catch(() => {}); // the one on screen, for a switch back
  run.template = template;
  run.language = wanted;
  await putRun(run);
  sayChecklistLanguage(null);
  showPageWords();
  showRunner();
}

async function fetchChecklist(language) {
  if (!run.reopen) return sayChecklistLanguage("checklist_language_kept");
  let response = null;
  try {
    response = await fetch(`/v1/runs/${runId}/open`, { method: "POST", body: JSON.stringify({ ...run.reopen.body, language }),
      headers: { "Content-Type": "application/json", "Idempotency-Key": run.reopen.key } });
  } catch { /* no network */ }
  if (!response || response.status === 429 || response.status >= 500) {
    retryLanguage();
    return sayChecklistLanguage(navigator.onLine ? "checklist_language_unreachable" : "checklist_language_offline");
  }
  languageRetry.delay = 0;
  const doc = response.ok ? await response.json().catch(() => null) : null;
  if (!doc?.template) return sayChecklistLanguage("checklist_language_kept");
  await keepChecklist(runId, language, doc.template).catch(() => {});
  return doc.template;
}

function sayChecklistLanguage(key) {
  checklistNote = key;
  showChecklistNote();
}

// The line beside the switch, in the page's words; none while no checklist is on screen.
function showChecklistNote() {
  const header = document.querySelector("header");
  let note = document.getElementById("checklist-language");
  if (!note && header) header.append(note = el("p", { id: "checklist-language", class: "hint", role: "status" }));
  if (!note) return;
  const shown = Boolean(checklistNote && run && !run.done_locally && !tabs.parked);
  const text = shown ? t(checklistNote, { wanted: languageName(document.documentElement.lang), language: languageName(run.language) }) : "";
  if (note.textContent !== text) note.textContent = text;
  note.hidden = !shown;
}

// -- the runner -----------------------------------------------------------------------------------------
function showRunner() {
  if (tabs.parked) return;
  if (run.done_locally) return showDone();
  desktopLink(true);
  drawForm();
}

// The checklist's form with the run's answers (and what fields held as typed).
function drawForm() {
  const template = run.template;
  pads.clear();
  // A field holding what its step does not take is carried into the new screen as it is, its text as typed;
  // after a reload, its text from the record.
  const holding = [...root.querySelectorAll('[aria-invalid="true"]')];
  // A field being typed in is carried too, with its focus and caret: the server's copy arriving just after a
  // reload made the screen anew under the person's fingers, and what they had typed so far was gone.
  const active = document.activeElement;
  const typing = root.contains(active) && active.id.endsWith("-input") ? active : null;
  const caret = typing && typing.selectionStart !== null ? [typing.selectionStart, typing.selectionEnd] : null;
  const sections = template.sections.map((section) => el("section", { class: "section", "data-section": section.id },
    el("h2", { text: section.title, tabindex: "-1" }),
    section.steps.map((step) => stepCard(step, template, handlers(step)))));
  const finish = el("div", { class: "finish" },
    template.settings.signature_on_complete ? el("div", { class: "step", id: "run-signature" }, el("h3", { text: t("run_signature") }),
      signatureBox("_run", runSignatureHandlers(), t("run_signature"))) : null,
    el("div", { id: "missing", role: "alert" }),
    el("button", { type: "button", id: "complete", onclick: completeRun }, t("complete")));
  root.replaceChildren(
    el("div", { class: "progress", role: "progressbar", "aria-label": t("progress_label"), "aria-valuemin": "0", id: "progress" },
      el("div", { class: "bar" }, el("div", { class: "fill", id: "progress-fill" })), el("p", { id: "progress-text" })),
    ...sections, finish);
  covers.observe(document.getElementById("progress"));
  for (const box of root.querySelectorAll("[data-signature]")) pads.set(box.dataset.signature, signaturePad(box.querySelector("canvas")));
  for (const field of new Set([...holding, typing].filter(Boolean))) document.getElementById(field.id)?.replaceWith(field);
  if (typing) {
    typing.focus({ preventScroll: true });
    if (caret) typing.setSelectionRange(...caret);
    showCount(typing);
  }
  for (const step of iterSteps(template)) {
    const field = fieldOf(step);
    const held = field && holding.includes(field);
    if (field && !held && field !== typing && run.typed?.[step.id]) { putHeld(step, field, run.typed[step.id]); showCount(field); }
    if (held || (field && run.typed?.[step.id])) checkField(step);
    showAnswer(document.getElementById(step.id), step, run.answers[step.id]);
  }
  refresh();
  if (run.incomplete) showMissing(serverMissing(run.incomplete));
}

function handlers(step) {
  return {
    value: (value) => keeping(answer(step, value, {})),
    skip: () => answer(step, null, { skipped: !(run.answers[step.id] || {}).skipped }),
    photos: (files) => addPhotos(step, files),
    locate: () => locate(step),
    // A step's signature is its photo slot 0: keeping another one replaces it (the server replaces a slot's photo).
    signature: signatureHandlers(step.id, async (blob, thumb) => addBlobs(step, [{ blob, thumb }], "signature.png", { replace: true })),
  };
}

function runSignatureHandlers() {
  return signatureHandlers("_run", async (blob, thumb) => {
    run.has_signature = true;
    run.signature_thumb = thumb;
    await commit(run, [{ kind: "signature", op_id: newId(), blob, at: nowIso() }]);
    refresh();
    syncer.kick();
  });
}

// A pad's buttons. Keeping a blank pad says so (it used to do nothing); a kept signature clears the pad, so
// the image below it is what was kept, and another can be drawn to replace it.
function signatureHandlers(id, keep) {
  const problem = () => root.querySelector(`[data-sign-problem="${id}"]`);
  // The name typed to sign goes with what the pad shows: cleared with it, and once it is kept.
  const forgetName = () => { const name = root.querySelector(`[data-typed-name="${id}"]`); if (name) name.value = ""; };
  const save = async () => {
    const pad = pads.get(id);
    if (pad.isEmpty()) { problem().textContent = t("sign_first"); return; }
    problem().textContent = "";
    const blob = await pad.toBlob();
    await keep(blob, await dataUrl(blob));
    pad.clear();
    forgetName();
  };
  keepers.set(id, save);
  return {
    clear: () => { pads.get(id).clear(); forgetName(); problem().textContent = ""; },
    type: (name) => { pads.get(id).writeName(name); problem().textContent = ""; },
    save,
  };
}

// A signature drawn but not kept is what the person meant to give: Complete keeps it first (it said the
// signature was missing, under the pad that showed it, its "Keep" button out of sight below). A hidden step's
// pad is passed over: its step is not asked for.
async function keepDrawnSignatures() {
  for (const [id, pad] of pads) {
    const box = root.querySelector(`[data-signature="${id}"]`);
    if (!pad.isEmpty() && box && !box.closest("[hidden], [inert]")) await keepers.get(id)(); // a skipped step's: no
  }
}

function problemOf(step, text) {
  const node = root.querySelector(`[data-problem="${step.id}"]`);
  if (node) { node.textContent = text; delete node.dataset.refused; }
}

// A step with an operation the server refused says so on its card too, where the person answers it, unless
// the card says something of its own; the words go once nothing refused is left there.
function showRefusals() {
  const said = new Map(syncer.state.failures.filter((op) => op.step_id).map((op) => [op.step_id, refusalText(op)]));
  for (const node of root.querySelectorAll("[data-problem]")) {
    const text = said.get(node.dataset.problem);
    if (text && (!node.textContent || node.dataset.refused)) {
      if (node.textContent !== text) node.textContent = text;
      node.dataset.refused = "true";
    } else if (!text && node.dataset.refused) {
      node.textContent = "";
      delete node.dataset.refused;
    }
  }
}

const fieldOf = (step) => document.getElementById(`${step.id}-input`);

// What is wrong with a field's value, in the page's language, and what the step takes (a number's range; its
// decimal places unless a problem just said them: "…at most 1 decimal place. … At most 1 decimal place.").
function invalidText(step, problems) {
  const said = t("invalid", { message: describeProblems(problems) });
  if (step.type !== "number") return said;
  const placesSaid = problems.some((p) => p.code === "decimal_places" || p.code === "whole_number");
  return `${said}. ${numberExpected(step.config, { places: !placesSaid })}`;
}

// A field whose value the step does not take is marked (aria-invalid, a red border) and keeps what was typed,
// which is neither saved nor sent: the answer stays as it was, and completion waits until it is corrected
// (whatIsMissing). Its text is kept in the run record (`typed`), so that a reload shows it again.
async function holdInvalid(step, problems) {
  const field = fieldOf(step);
  field.setAttribute("aria-invalid", "true");
  field.setAttribute("aria-describedby", `${step.id}-problem`);
  problemOf(step, invalidText(step, problems));
  run.typed = { ...run.typed, [step.id]: heldOf(step, field) };
  await putRun(run);
  if (!tabs.parked) refresh(); // kept as another tab took the run: this screen is gone
}

async function releaseField(step) {
  const field = fieldOf(step);
  if (field) {
    field.removeAttribute("aria-invalid");
    if (field.dataset.hint) field.setAttribute("aria-describedby", field.dataset.hint); // its own hint again
    else field.removeAttribute("aria-describedby");
  }
  if (run.typed && step.id in run.typed) {
    delete run.typed[step.id];
    await putRun(run);
  }
}

// A field shown again (another language, the server's copy, a reload) checked again as typed.
function checkField(step) {
  const field = fieldOf(step);
  const value = fieldValue(step, field);
  const problems = checkAnswer(run.template, step.id, value);
  if (problems.length && value !== null) {
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", `${step.id}-problem`);
    problemOf(step, invalidText(step, problems));
  } else {
    releaseField(step);
    showAnswer(document.getElementById(step.id), step, run.answers[step.id]);
  }
}

async function answer(step, value, { skipped = false, geo }) {
  const entry = run.answers[step.id] || blank();
  const nextGeo = geo === undefined ? entry.geo : geo;
  const problems = checkAnswer(run.template, step.id, skipped ? null : value, { skipped, geo: nextGeo });
  const field = fieldOf(step);
  const own = field && !skipped && geo === undefined; // the problem is with what the field holds
  if (problems.length && own && problems.every((p) => p.path.startsWith("value"))) return holdInvalid(step, problems);
  if (problems.length) return problemOf(step, t("invalid", { message: describeProblems(problems) }));
  problemOf(step, "");
  if (own || skipped) await releaseField(step);
  const at = nowIso();
  // Skipping a signature step drops its signature, kept or drawn: a skipped step is not signed.
  const unsigned = skipped && step.type === "signature" ? entry.photos : [];
  if (skipped && step.type === "signature") pads.get(step.id)?.clear();
  run.answers[step.id] = { ...entry, value: skipped ? null : value, skipped, geo: nextGeo, photos: unsigned.length ? [] : entry.photos };
  await commit(run, [{ kind: "answer", op_id: newId(), step_id: step.id, value: skipped ? null : value, geo: nextGeo, skipped, at },
    ...unsigned.map((p) => ({ kind: "photo_delete", op_id: newId(), step_id: step.id, photo_index: p.photo_index, at }))]);
  if (tabs.parked) return tabs.handOver(step.id, run.answers[step.id]); // typed as another tab took the run
  showAnswer(document.getElementById(step.id), step, run.answers[step.id]);
  refresh();
  syncer.kick();
}

function capacity(step) {
  if (step.type === "signature") return 1;
  if (step.type === "photo") return step.config.max;
  return step.photo ? step.photo.max : 0;
}

// Photos beyond the step's room are not taken, and the executor is told which (they were dropped silently).
async function addPhotos(step, files) {
  const room = Math.max(0, capacity(step) - ((run.answers[step.id] || blank()).photos.length));
  problemOf(step, files.length > room ? t("photos_too_many", { n: files.length - room, max: capacity(step) }) : "");
  const photos = [];
  for (const file of files.slice(0, room)) {
    // The browser's own (English) words are not spliced into the page's language.
    try { photos.push(await preparePhoto(file)); } catch { problemOf(step, t("photo_unreadable")); }
  }
  await addBlobs(step, photos, "photo.jpg");
}

// The bytes go into the outbox only (sent, then gone from the phone); the run record keeps a small thumbnail,
// so that writing it (at every action and acknowledgement) stays cheap.
async function addBlobs(step, items, name, { replace = false } = {}) {
  const entry = run.answers[step.id] || blank();
  if (replace) entry.photos = [];
  const ops = [];
  for (const { blob, thumb } of items) {
    const used = new Set(entry.photos.map((p) => p.photo_index));
    let index = 0;
    while (used.has(index)) index += 1;
    if (index >= capacity(step)) break;
    const sha256 = await sha256Hex(blob);
    entry.photos = [...entry.photos, { photo_index: index, sha256, bytes: blob.size, thumb }];
    ops.push({ kind: "photo", op_id: newId(), step_id: step.id, photo_index: index, blob, sha256, name, at: nowIso() });
  }
  run.answers[step.id] = entry;
  await commit(run, ops);
  refresh();
  syncer.kick();
}

// A photo the server has not acknowledged leaves the outbox (db.js withdrawPhoto) and the syncer (its upload
// aborted, what the server got of it taken back): only one the server has needs a photo_delete. A photo removed
// before it was sent was uploaded all the same, then deleted, and stayed in the run's history with its sha256.
async function removePhoto(step, index) {
  const entry = run.answers[step.id];
  entry.photos = entry.photos.filter((p) => p.photo_index !== index);
  const removal = { kind: "photo_delete", op_id: newId(), step_id: step.id, photo_index: index, at: nowIso() };
  const dropped = await withdrawPhoto(run, step.id, index, removal);
  if (syncer.withdraw(dropped)) await commit(run, [removal]); // it reached the server as it was removed
  refresh();
  syncer.kick();
}

const LOCATION_ERRORS = { 1: "location_denied", 2: "location_unavailable", 3: "location_timeout" };

function locate(step) {
  const note = root.querySelector(`[data-geo="${step.id}"]`);
  // Said at once: a phone may take up to 20 s to find itself, and the tap showed nothing meanwhile.
  note.textContent = t("locating");
  navigator.geolocation.getCurrentPosition(
    (pos) => answer(step, (run.answers[step.id] || blank()).value, {
      geo: { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy_m: Math.round(pos.coords.accuracy) } }),
    // In the page's words (the browser's were English: "User denied Geolocation"), and what to do about it.
    (error) => { note.textContent = t(LOCATION_ERRORS[error.code] || "location_unavailable"); },
    { enableHighAccuracy: true, timeout: 20000 });
}

// Visibility, progress, photos and the status line, from the local answers and the shared rules.
function refresh() {
  const template = run.template;
  const visible = visibleStepIds(template, run.answers);
  for (const step of iterSteps(template)) {
    const card = document.getElementById(step.id);
    card.hidden = !visible.has(step.id);
    const thumbs = card.querySelector("[data-thumbs]");
    if (thumbs || step.type === "signature") showThumbs(step, thumbs);
    const geo = card.querySelector("[data-geo]");
    const answerGeo = (run.answers[step.id] || {}).geo;
    if (geo && answerGeo) geo.textContent = t("location_kept", { m: answerGeo.accuracy_m ?? "?" });
    // Once a location is kept, the button takes a new one: it said "Add my location" still.
    const locateButton = card.querySelector("[data-locate]");
    if (locateButton) sayFor(locateButton, t(answerGeo ? "location_again" : "location"), step.label);
    const needed = card.querySelector("[data-geo-needed]");
    if (needed) needed.hidden = Boolean(answerGeo);
  }
  const runPad = root.querySelector('[data-signature="_run"]');
  if (runPad) showSignature(runPad, run.signature_thumb || null, run.has_signature);
  for (const section of root.querySelectorAll("[data-section]")) section.hidden = ![...section.querySelectorAll("[data-step]")].some((c) => !c.hidden);
  const progress = computeProgress(template, run.answers);
  // An answered step still short of its photos or its location is not done: "5 of 5 done" and a full bar
  // read above a Complete that refused the run for that step. It counts once it has them, and the line says
  // how many wait for theirs.
  const wanting = new Set(completionProblems(template, run.answers, run.has_signature).map((p) => p.path.slice(8)));
  const short = [...iterSteps(template)]
    .filter((step) => visible.has(step.id) && wanting.has(step.id) && isAnswered(step, answerOf(run.answers, step.id))).length;
  // A step whose field holds what it does not take (held, marked "Not accepted") is not done either, whatever
  // answer it kept: "2 of 2 done" read beside three ticks the page says are not saved.
  const heldAnswered = [...heldSteps()]
    .filter((id) => !wanting.has(id) && isAnswered(stepsById(template).get(id), answerOf(run.answers, id))).length;
  const done = progress.answered + progress.skipped - short - heldAnswered;
  document.getElementById("progress-fill").style.width = `${progress.total ? (100 * done) / progress.total : 100}%`;
  const bar = document.getElementById("progress");
  bar.setAttribute("aria-valuemax", String(progress.total));
  bar.setAttribute("aria-valuenow", String(done));
  document.getElementById("progress-text").textContent = t("progress", { done, total: progress.total })
    + (progress.skipped ? ` · ${t("progress_skipped", { skipped: progress.skipped })}` : "")
    + (short ? ` · ${t("progress_incomplete", { n: short })}` : "");
  if (missingShown) showMissing(whatIsMissing());
  showStatus();
}

// A photo's thumbnail (a data: URL), or its bytes as kept by a runner before thumbnails (one object URL each).
const objectUrls = new WeakMap();
function picture(photo) {
  if (photo.thumb) return photo.thumb;
  if (!photo.blob) return null;
  if (!objectUrls.has(photo.blob)) objectUrls.set(photo.blob, URL.createObjectURL(photo.blob));
  return objectUrls.get(photo.blob);
}

function showThumbs(step, box) {
  const photos = (run.answers[step.id] || blank()).photos;
  const signature = step.type === "signature";
  if (signature) {
    const first = photos[0];
    showSignature(root.querySelector(`[data-signature="${step.id}"]`), first ? picture(first) : null, Boolean(first));
    return;
  }
  box.replaceChildren(...photos.map((photo, n) => el("figure", { class: "thumb", "data-slot": `${step.id}/${photo.photo_index}` },
    picture(photo) ? el("img", { src: picture(photo), alt: t("photo_alt", { n: n + 1, label: step.label }) })
      : el("span", { class: "placeholder", text: "✓" }),
    el("button", { type: "button", class: "remove", "aria-label": forStep(t("remove_photo", { n: n + 1 }), step.label), onclick: () => removePhoto(step, photo.photo_index) }, "×"))));
  const count = root.querySelector(`[data-photo-count="${step.id}"]`);
  const min = step.type === "photo" ? step.config.min : step.photo.min;
  // A step holding the most photos it takes offers no way to add one (a photo taken then would be refused),
  // and says how to make room, as the desktop's runner does.
  const full = photos.length >= capacity(step);
  const input = document.getElementById(`${step.id}-file`);
  if (input) input.disabled = full;
  root.querySelector(`label[for="${step.id}-file"]`)?.classList.toggle("disabled", full);
  const counted = photosCounted(photos.length, min, capacity(step));
  if (count) count.textContent = full ? `${counted}. ${t("photos_full")}` : counted;
}

// How many photos a step holds of what it takes: "0 of 1 photo" (not "0 of 1–1 photos"), "0 of at most 2 photos",
// "3 of 2–4 photos" (the noun agrees with the number taken, `n` of the words table).
function photosCounted(got, min, max) {
  if (min === max) return t("photos_count_exact", { n: max, got });
  if (!min) return t("photos_count_up_to", { n: max, got });
  return t("photos_count", { n: got, min, max });
}

// What completion misses, each step's line a link to that step, in the page's language. Written again only
// when it (or the language) changed: the box is an alert, which a screen reader reads out at every change.
function showMissing(problems) {
  const box = document.getElementById("missing");
  if (!box) return;
  const said = JSON.stringify([document.documentElement.lang, problems.map((p) => [p.path, p.message])]);
  if (box.dataset.said === said) return;
  box.dataset.said = said;
  box.replaceChildren(...(problems.length ? [el("h3", { text: t("missing_title") }),
    el("ul", {}, problems.map((p) => {
      // The run's signature in the executor's words (the shared rule's are a developer's), a link like a step's.
      const stepId = p.path.startsWith("answers.") ? p.path.slice(8) : p.path === "signature" ? "run-signature" : null;
      const text = p.path === "signature" ? t("missing_signature") : describeProblem(p);
      return el("li", {}, stepId ? el("a", { href: `#${stepId}`, text, onclick: (e) => goToStep(e, stepId) }) : text);
    }))] : []));
}

// A missing step's link: the step scrolled below the sticky progress bar, its first field focused (the
// phone's keyboard opens on a number or text), so the executor answers it at once.
function goToStep(event, stepId) {
  const card = document.getElementById(stepId);
  if (!card) return;
  event.preventDefault();
  card.scrollIntoView({ block: "start" });
  // A pad's name field is passed over: a phone's keyboard would open over the pad a finger signs on.
  const field = card.querySelector("input:not([type=file], [data-typed-name]), textarea, button");
  if (field) field.focus({ preventScroll: true });
}

// The visible steps whose field holds what the step does not take (holdInvalid).
function heldSteps() {
  return new Set([...root.querySelectorAll('[aria-invalid="true"]')]
    .map((field) => field.closest("[data-step]")).filter((card) => card && !card.hidden).map((card) => card.dataset.step));
}

// What completion misses, and every visible field holding what its step does not take (its answer is not
// what the screen shows), in document order: one line per step, the field's own first.
function whatIsMissing() {
  const held = heldSteps();
  const order = [...iterSteps(run.template)].map((step) => step.id);
  const steps = stepsById(run.template);
  const invalid = [...held].map((id) => ({ path: `answers.${id}`, message: heldText(steps.get(id)) }));
  const rest = completionProblems(run.template, run.answers, run.has_signature).filter((p) => !held.has(p.path.slice(8)));
  const at = (p) => (p.path.startsWith("answers.") ? order.indexOf(p.path.slice(8)) : order.length);
  return [...invalid, ...rest].sort((a, b) => at(a) - at(b));
}

// A held field's line in what completion misses: what the step takes (a number's range), or what is wrong with
// the options ticked ("must select at most 2 options": nothing was typed there).
function heldText(step) {
  const name = `\u2068${step.label}\u2069`;
  if (step.type === "multi_choice") {
    const problems = checkAnswer(run.template, step.id, fieldValue(step, fieldOf(step)));
    return t("invalid_choices", { name, problem: describeProblems(problems) });
  }
  return t("invalid_field", { name, expected: step.type === "number" ? numberExpected(step.config) : "" }).trim();
}

// What the server said completion misses (422 run_incomplete: English, by path) in the page's language: the
// phone's own line for that step where it sees the problem too, else the step by its title (a photo the server
// refused is still on the phone: only the server misses it).
function serverMissing(details) {
  const ours = new Map(whatIsMissing().map((p) => [p.path, p]));
  const steps = stepsById(run.template);
  return details.map((d) => {
    const step = String(d.path).startsWith("answers.") ? steps.get(d.path.slice(8)) : null;
    if (ours.has(d.path)) return ours.get(d.path);
    return step ? { path: d.path, message: t("incomplete_step", { name: `\u2068${step.label}\u2069` }) } : d;
  });
}

async function completeRun() {
  await keepDrawnSignatures();
  const problems = whatIsMissing();
  missingShown = problems.length > 0;
  showMissing(problems);
  if (problems.length) return document.getElementById("missing").scrollIntoView({ block: "center" });
  run.done_locally = true;
  run.completed_here = true; // the person tapped Complete (done_locally is also a run closed by the server)
  run.incomplete = null;
  await commit(run, [{ kind: "complete", op_id: newId(), at: nowIso() }]);
  showDone();
  syncer.kick();
}

// Completed here: "completed" once the server has taken the completion (everything before it went first);
// until then the screen says the answers are on this phone only (it said "completed" while nothing was sent).
function showDone() {
  if (tabs.parked) return;
  showDoneScreen();
  tabs.finished(run.status);
  showStatus();
}

// Finished on the server with changes of this phone it will not take (`run.unsent`): how many, in words.
function showDoneScreen() {
  const finished = run.status === "completed" || CLOSED.includes(run.status);
  if (CLOSED.includes(run.status)) showClosedForm();
  else if (finished) showFinished(run.status, run.unsent ? "completed_elsewhere_body" : "completed_body");
  else showFinished("waiting", "completed_waiting_body");
  if (finished && run.unsent) {
    const saved = el("p", { class: "hint", id: "unsent-saved", role: "status" });
    root.querySelector(".done").append(
      el("p", { id: "done-unsent", text: t("not_sent", { n: run.unsent }) }),
      el("button", { type: "button", class: "secondary", id: "save-unsent", onclick: () => saveUnsent(saved) }, t("save_unsent")),
      saved);
  }
}

// A run closed by the sender, by time, or for this phone keeps its form on screen, read only, under the
// words that say why: the form went at once, and every answer typed went out of sight with it (those not sent
// only in a file to save). Drawn again after a reload from the record.
function showClosedForm() {
  drawForm(); // in the words of the moment (a language switched since), what fields held carried over
  for (const gone of root.querySelectorAll("#complete, #missing")) gone.remove();
  missingShown = false;
  // Disabled, not inert: a screen reader still reads every answer (inert took them out of its sight too).
  for (const part of root.querySelectorAll("[data-section], .finish")) {
    part.classList.add("closed");
    for (const control of part.querySelectorAll("input, textarea, select, button")) control.disabled = true;
    for (const pad of part.querySelectorAll(".signature")) pad.inert = true; // a canvas takes strokes, not focus
  }
  const notice = finishedNotice(run.status);
  notice.setAttribute("role", "alert"); // said at once: the person may be typing below it
  root.prepend(notice);
  showChecklistNote();
  window.scrollTo(0, 0);
  desktopLink(false);
}

// The changes not sent, as one file in the phone's downloads (export.js), and where it went.
async function saveUnsent(said) {
  const name = archiveName(run);
  const url = URL.createObjectURL(await unsentArchive(run, location.origin));
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000); // the download has read it by then
  said.textContent = t("unsent_saved", { name: `\u2068${name}\u2069` }); // the name kept left to right in Arabic
}

// The "Open in Rundun" desktop link, offered while there is something to fill in (runner.css hides it on phones).
function desktopLink(shown) {
  const link = document.querySelector("p.desktop");
  if (link) link.hidden = !shown;
}

// -- another tab of this browser --------------------------------------------------------------------------
// Another tab took the run: this one stops taking answers and sending, and says where the run is now.
// What was being typed here is kept first (its change event: answer), and handed to the tab that took the run.
function park() {
  syncer.pause();
  keepFieldInProgress();
  showParked();
}

// An answer typed in the tab that lost the run, kept there as it went: shown here, kept in this tab's record
// (the other tab wrote its own copy of the run over it) and sent from here (its operation is in the outbox).
async function answeredInOtherTab(stepId, answer) {
  if (!run || run.done_locally || !answer) return;
  run.answers[stepId] = answer;
  await putRun(run);
  const step = stepsById(run.template).get(stepId);
  const card = document.getElementById(stepId);
  if (step && card) { showAnswer(card, step, answer); refresh(); }
  syncer.kick();
}

function showParked() {
  missingShown = false;
  showChecklistNote();
  statusLine.hidden = true;
  root.replaceChildren(el("div", { class: "done", id: "elsewhere" },
    el("h2", { id: "done-title", text: t("other_tab_title") }),
    el("p", { id: "done-body", text: t("other_tab_body") }),
    el("button", { type: "button", id: "use-here", onclick: useHere }, t("other_tab_use_here"))));
  window.scrollTo(0, 0);
}

// "Use it here": the run as the other tab left it (IndexedDB), then the server's copy, and sending from here.
async function useHere() {
  run = await getRun(runId);
  tabs.take();
  statusLine.hidden = false;
  syncer.resume();
  showPageWords();
  if (!run) return showOpenOrFinished();
  showRunner();
  if (!run.done_locally) refreshFromServer();
  else showStatus();
  followLanguage();
}

// The other tab finished the run (the server has its completion, or closed it): a parked tab shows that
// screen rather than "open in another tab" (it stayed editable). The status line stays the other tab's.
// The message says how the run ended: the other tab's copy in IndexedDB may not say it yet (it is stored with
// the server's acknowledgement, after the screen changed), and this tab read it as still open on a busy phone.
async function finishedInOtherTab(status) {
  if (!(status === "completed" || CLOSED.includes(status))) return; // completed there but not sent: still its
  const kept = await getRun(runId);
  run = { ...(kept || run), status, done_locally: true };
  showDoneScreen();
}

// A screen with nothing left to fill in here: the run completed (`completedWords` say where its data is),
// completed on this phone but still "waiting" to be sent, closed by the sender or by time, or being filled
// in on another device ("opened_elsewhere").
function showFinished(status, completedWords) {
  showChecklistNote();
  window.scrollTo(0, 0); // a new screen starts at its top (the waiting screen kept the form's scroll)
  desktopLink(false); // nothing left to open in the desktop app
  root.replaceChildren(finishedNotice(status, completedWords));
}

// The words of a finished run: its title and what it means for the person.
function finishedNotice(status, completedWords) {
  const closed = CLOSED.includes(status);
  const [title, body] = closed ? [status === "access_ended" ? "access_ended_title" : "closed_title", `closed_${status}`]
    : status === "waiting" ? ["completed_waiting_title", completedWords]
      : status === "opened_elsewhere" ? ["opened_elsewhere_title", "opened_elsewhere_body"]
        : ["completed_title", completedWords];
  return el("div", { class: "done" },
    el("h2", { id: "done-title", text: t(title) }),
    el("p", { id: "done-body", text: t(body) }));
}

// The status bar, fixed above the keyboard: one short line (online or not, how many changes wait, how many
// the server refused) that its live region announces, and the whole story (why they wait, each refusal in
// words, the storage note) behind "Details". All of it was one paragraph: seven lines of a small phone.
const statusParts = { summary: null, more: null, details: null };

function statusBar() {
  if (!statusParts.summary) {
    statusParts.summary = el("span", { class: "summary", id: "sync-summary" });
    // focusable: a long story scrolls within the bar, and a keyboard must reach it to scroll it too
    statusParts.details = el("span", { class: "details", id: "sync-details", hidden: true, tabindex: "0" });
    statusParts.more = el("button", { type: "button", class: "more", id: "sync-more", "aria-expanded": "false", "aria-controls": "sync-details",
      onclick: () => {
        statusParts.details.hidden = !statusParts.details.hidden;
        statusParts.more.setAttribute("aria-expanded", String(!statusParts.details.hidden));
      } });
    statusLine.replaceChildren(statusParts.summary);
  }
  return statusParts;
}

// Written only when it changed: the live region announces every change.
function sayOnce(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

// One refused operation in words: its step by its title, what the rules find wrong with a refused answer.
function refusalText(op) {
  const step = stepsById(run.template).get(op.step_id);
  const title = step ? step.label : op.kind === "signature" ? t("run_signature") : op.step_id || "";
  const problems = op.kind === "answer" && step
    ? checkAnswer(run.template, op.step_id, op.skipped ? null : op.value, { skipped: Boolean(op.skipped), geo: op.geo ?? null }) : [];
  return describeRefusal(op.refusal || { message: op.failed }, { step: title, kind: op.kind, problems });
}

// "sending now…", and once bytes are leaving, how much of what waits has left, in steps of a tenth: the
// line is a live region, and a figure that changed with every packet would be read out with every packet.
function sendingNow(s) {
  const sent = [...s.onTheirWay.values()].reduce((n, way) => n + way.sent, 0);
  if (!sent || !s.bytes) return t("why_sending");
  return t("why_sending_share", { pct: Math.min(100, Math.floor((10 * sent) / s.bytes) * 10) });
}

// The bytes on their way: a bar along the status line (a picture: the words above say it) and one on each
// photo being sent (a progress bar of its own, which is no live region), gone once the server has the photo.
function showOnTheirWay(s, moving) {
  const ways = moving ? [...s.onTheirWay.values()] : [];
  const sent = ways.reduce((n, way) => n + way.sent, 0);
  let bar = statusLine.querySelector(".sending");
  if (sent && s.bytes) {
    if (!bar) {
      bar = el("span", { class: "sending", "aria-hidden": "true" }, el("span", { class: "fill" }));
      statusLine.prepend(bar);
    }
    bar.firstChild.style.width = `${Math.min(100, (100 * sent) / s.bytes).toFixed(1)}%`;
  } else if (bar) {
    bar.remove();
  }
  const bySlot = new Map(ways.filter((way) => way.op.kind === "photo").map((way) => [slotOfOp(way.op), way]));
  for (const figure of root.querySelectorAll("figure.thumb[data-slot]")) {
    const way = bySlot.get(figure.dataset.slot);
    let meter = figure.querySelector(".upload");
    if (!way) { meter?.remove(); continue; }
    const pct = Math.round((100 * way.sent) / way.size);
    // Named by which photo of the step it is: two photos on their way in one step both said "Sending this
    // photo". Named once (not at every tick), and its value in steps of a tenth: a screen reader says a
    // progress bar's changes, and a figure that moved with every packet was said with every packet.
    const figures = [...figure.parentNode.querySelectorAll(":scope > figure.thumb")];
    const name = t("photo_sending", { n: figures.indexOf(figure) + 1, count: figures.length });
    if (!meter) {
      meter = el("span", { class: "upload", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-label": name },
        el("span", { class: "fill" }));
      figure.append(meter);
    }
    if (meter.getAttribute("aria-label") !== name) meter.setAttribute("aria-label", name);
    const said = String(Math.floor(pct / 10) * 10);
    if (meter.getAttribute("aria-valuenow") !== said) meter.setAttribute("aria-valuenow", said);
    meter.firstChild.style.width = `${pct}%`;
  }
}

const slotOfOp = (op) => `${op.step_id}/${op.photo_index}`;

function showStatus() {
  if (!run || !statusLine || tabs.parked) return;
  const s = syncer.state;
  // Offline (this phone has no network) and a server out of reach (the network is up, the server does not answer)
  // are said apart: "Offline" for a server that was down sent the person checking their phone's signal.
  const offline = !navigator.onLine;
  const reachable = !offline && !s.unreachable;
  const summary = [offline ? t("offline") : reachable ? t("online") : t("unreachable")];
  // Each part's shorter words, shown instead on a narrow screen (a phone zoomed to 200 %: runner.css)
  const shorter = new Map([[t("offline"), t("offline_short")], [t("unreachable"), t("unreachable_short")], [t("all_sent"), t("all_sent_short")]]);
  const held = heldSteps().size;
  const details = [];
  if (run.unsent && run.done_locally && (run.status === "completed" || CLOSED.includes(run.status))) {
    summary.push(t("sum_not_sent", { n: run.unsent })); // the screen says why: nothing more is tried
  } else if (!s.counted) {
    syncer.count(); // what waits on the phone is not known yet: no "Everything is saved" meanwhile
  } else if (s.waiting) {
    const answers = s.waiting - s.photos;
    const photos = s.photos - s.signatures; // a signature is sent as an image, but it is no photo to the executor
    let what = [];
    if (answers) what.push(t("waiting", { n: answers }));
    if (photos) what.push(t("waiting_photos", { n: photos, mb: Math.max(0.1, Math.round(s.bytes / 104857.6) / 10) }));
    if (s.signatures) what.push(t("waiting_signatures", { n: s.signatures }));
    what = what.join(", ");
    summary.push(t("sum_waiting", { n: s.waiting }));
    shorter.set(summary.at(-1), t("sum_waiting_short", { n: s.waiting }));
    if (s.refused) summary.push(t("sum_run_refused"));
    details.push(s.refused ? t("rejected", { what, message: describeRunRefusal(s.refused) })
      : !reachable ? t("waiting_because", { what, why: t(offline ? "why_offline" : "why_unreachable") })
      : s.error ? `${what}: ${t("why_retry", { error: describeRetry(s.error), s: s.retryIn })}` : `${what}: ${sendingNow(s)}`);
  } else if (!s.failed && !held) {
    summary.push(t("all_sent"));
  }
  // Answers a visible field holds that its step does not take (holdInvalid): on no server, sent once put right
  // ("Everything is saved" read beside a field saying that what it holds is not). One on a step a condition hides
  // is not counted: the server does not ask for that step (and drops its answers on completion); it is kept, and
  // counted again with its field if the step shows again.
  if (held) {
    summary.push(t("sum_held", { n: held }));
    details.push(t("held", { n: held }));
  }
  if (s.failed) {
    summary.push(t("sum_refused", { n: s.failed }));
    shorter.set(summary.at(-1), t("sum_refused_short", { n: s.failed }));
    // Not saved and refused, both the person's to put right, are one part on a narrow screen ("2 to fix"; the
    // refused part drawn empty): the fourth part took a third line of a 360 px phone at 200 %.
    if (held) {
      shorter.set(summary.at(-2), t("sum_to_fix_short", { n: held + s.failed }));
      shorter.set(summary.at(-1), "");
    }
    details.push(t("failed", { n: s.failed, message: [...new Set(s.failures.map(refusalText))].join(" ") }));
  }
  // The storage note matters while something waits on the phone only.
  if (storageNote && (s.waiting || s.failed)) details.push(t(storageNote));
  const { summary: line, more, details: rest } = statusBar();
  // Its parts unbroken ("· 1 refused" never split to leave the number alone on a line), breaks between them.
  // On a narrow screen a part shows its shorter words (data-short, a picture: runner.css), its own words kept for
  // a screen reader and the live region (the bar took some 40 % of a phone zoomed to 200 %).
  if (line.textContent !== summary.join(" · ")) {
    line.replaceChildren(...summary.flatMap((part, i) => [i ? el("span", { class: "sep", text: " · " }) : "",
      el("span", { class: "part", "data-short": shorter.get(part) ?? part }, el("span", { class: "words", text: part }))]));
  }
  if (details.length) {
    sayOnce(rest, details.join("\n")); // one paragraph each (white-space: pre-line)
    sayOnce(more, t("details"));
    if (!more.isConnected) statusLine.append(more, rest);
  } else if (more.isConnected) {
    more.remove();
    rest.remove();
    rest.hidden = true;
    more.setAttribute("aria-expanded", "false");
  }
  showOnTheirWay(s, reachable && !s.refused && !s.error);
  if (s.counted) statusLine.dataset.waiting = String(s.waiting);
  else delete statusLine.dataset.waiting;
  statusLine.dataset.online = String(navigator.onLine);
  showRefusals();
}

start();
