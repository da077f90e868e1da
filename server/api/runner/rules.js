// The checklist rules of server/tdl (visibility.py, progress.py, answers.py, values.py) in JavaScript.
// One truth: tests/browser/test_conformance.py runs vectors generated from server.tdl against this module,
// and any disagreement fails CI. Pure functions: a template snapshot and an answer map in, plain data out.
// Answers are the run's map {step_id: {value, photos, skipped, geo}}; missing keys read as null/[]/false.

const MAX_DECIMAL_PLACES = 6;
// tdl's LARGEST_EXACT: past it a typed number's last digits were changed silently (a JavaScript number).
const LARGEST_EXACT = Number.MAX_SAFE_INTEGER;
const DEFAULT_TEXT_MAX_LENGTH = 10000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export function* iterSteps(template) {
  for (const section of template.sections || []) for (const step of section.steps || []) yield step;
}

export function stepsById(template) {
  const out = new Map();
  for (const step of iterSteps(template)) out.set(step.id, step);
  return out;
}

const answerable = (step) => step.type !== "instruction";
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

export function answerOf(answers, stepId) {
  const entry = isObject(answers) ? answers[stepId] : undefined;
  if (!isObject(entry)) return { value: null, photos: [], skipped: false, geo: null };
  return {
    value: entry.value === undefined ? null : entry.value,
    photos: Array.isArray(entry.photos) ? entry.photos : [],
    skipped: Boolean(entry.skipped),
    geo: entry.geo === undefined ? null : entry.geo,
  };
}

export function isNumber(v) {
  return typeof v === "number" && Number.isFinite(v);
}

function photoMinOf(step) {
  return isObject(step.photo) ? step.photo.min || 0 : 0;
}

export function photosNeeded(step) {
  if (step.type === "photo") return Math.max(1, (step.config && step.config.min) || 0);
  return step.type === "signature" ? 1 : 0;
}

export function isAnswered(step, answer) {
  if (answer.skipped || !answerable(step)) return false;
  if (step.type === "photo" || step.type === "signature") return answer.photos.length >= photosNeeded(step);
  return answer.value !== null;
}

// Equality that never confuses true with 1 (JSON numbers 1 and 1.0 are one number here).
export function valuesEqual(a, b) {
  if (typeof a === "boolean" || typeof b === "boolean") return a === b;
  if (Array.isArray(a) || Array.isArray(b) || isObject(a) || isObject(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

export function compare(op, actual, expected) {
  switch (op) {
    case "answered": return true;
    case "not_answered": return false;
    case "eq": return valuesEqual(actual, expected);
    case "neq": return !valuesEqual(actual, expected);
    case "in":
    case "not_in": {
      if (!Array.isArray(expected)) return false;
      const found = expected.some((item) => valuesEqual(actual, item));
      return op === "in" ? found : !found;
    }
    case "contains":
      if (Array.isArray(actual)) return actual.some((item) => valuesEqual(item, expected));
      return typeof actual === "string" && typeof expected === "string" && actual.includes(expected);
    default: return ordered(op, actual, expected);
  }
}

function ordered(op, actual, expected) {
  // Numbers compare numerically; dates are ISO strings, so string order is date order.
  const numbers = isNumber(actual) && isNumber(expected);
  const strings = typeof actual === "string" && typeof expected === "string";
  if (!numbers && !strings) return false;
  if (strings) { // Python compares strings by code point; JS's < by UTF-16 unit: the same for BMP text
    const a = Array.from(actual), b = Array.from(expected);
    const c = a.join("") === b.join("") ? 0 : codePointOrder(a, b);
    return { gt: c > 0, gte: c >= 0, lt: c < 0, lte: c <= 0 }[op] || false;
  }
  return { gt: actual > expected, gte: actual >= expected, lt: actual < expected, lte: actual <= expected }[op] || false;
}

function codePointOrder(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a[i].codePointAt(0) - b[i].codePointAt(0);
    if (d) return d;
  }
  return a.length - b.length;
}

function evaluate(node, answers, steps, hidden) {
  if (Array.isArray(node.all)) return node.all.every((child) => evaluate(child, answers, steps, hidden));
  if (Array.isArray(node.any)) return node.any.some((child) => evaluate(child, answers, steps, hidden));
  const step = steps.get(node.step);
  const answer = answerOf(answers, node.step);
  if (!step || hidden.has(node.step) || !isAnswered(step, answer)) return node.op === "not_answered";
  return compare(node.op, answer.value, node.value === undefined ? null : node.value);
}

// Ids of the steps shown for these answers (instruction steps included), in one pass in document order.
export function visibleStepIds(template, answers) {
  const steps = stepsById(template);
  const hidden = new Set();
  const visible = new Set();
  for (const step of iterSteps(template)) {
    if (!step.condition || evaluate(step.condition.when, answers, steps, hidden)) visible.add(step.id);
    else hidden.add(step.id);
  }
  return visible;
}

export function computeProgress(template, answers) {
  const visible = visibleStepIds(template, answers);
  let total = 0, answered = 0, skipped = 0;
  for (const step of iterSteps(template)) {
    if (!answerable(step) || !visible.has(step.id)) continue;
    total += 1;
    const answer = answerOf(answers, step.id);
    if (answer.skipped) skipped += 1;
    else if (isAnswered(step, answer)) answered += 1;
  }
  return { total, answered, skipped };
}

const photosText = (n) => (n === 1 ? `${n} photo` : `${n} photos`);

// Each problem also carries a stable machine `code` and its `params`, so that the runner says it in the page's
// language (strings.js) while `message` stays the server's English word for word. Every code is a string literal,
// the first argument of each call of say in this file: a browser test walks them in this source (and
// PROBLEM_CODES) and checks that each has a translation in every language. code and params are not enumerable:
// JSON and the conformance vectors see exactly the server's {path, message}.
function say(code, params, message) {
  return { code, params, message };
}

function problem(path, { code, params, message }) {
  return Object.defineProperties({ path, message }, {
    code: { value: code, enumerable: false },
    params: { value: params, enumerable: false },
  });
}

export const PROBLEM_CODES = Object.freeze([
  "needs_photos", "needs_signature", "needs_answer", "needs_location", "run_signature",
  "not_a_step", "instruction_step", "skipping_not_allowed", "null_when_skipped", "photos_are_the_answer",
  "boolean", "number", "min", "max", "whole_number", "decimal_places", "text", "max_length",
  "option", "option_list", "option_twice", "min_selected", "max_selected", "rating", "date", "min_date",
  "max_date", "time", "geo", "geo_required", "geo_range", "geo_accuracy", "geo_unknown",
]);

export function completionProblems(template, answers, hasRunSignature) {
  const visible = visibleStepIds(template, answers);
  const allowSkip = Boolean(template.settings && template.settings.allow_skip);
  const out = [];
  for (const step of iterSteps(template)) {
    if (answerable(step) && visible.has(step.id)) out.push(...stepProblems(step, answers, allowSkip));
  }
  if (template.settings && template.settings.signature_on_complete && !hasRunSignature) {
    out.push(problem("signature", say("run_signature", {}, "this template needs the executor's signature before completion")));
  }
  return out;
}

function stepProblems(step, answers, allowSkip) {
  const answer = answerOf(answers, step.id);
  const path = `answers.${step.id}`;
  const name = `'${step.label}'`;
  if (answer.skipped && allowSkip) return [];
  const required = step.required === undefined ? true : Boolean(step.required);
  if (!isAnswered(step, answer)) {
    const started = step.type === "photo" && answer.photos.length > 0 && !answer.skipped;
    if (!(required || started)) return [];
    // A refused skip keeps the step's own code; params.skipped adds the refusal (the English appends it).
    const skipped = answer.skipped;
    const said = step.type === "photo" ? say("needs_photos", { name: step.label, n: photosNeeded(step), skipped }, `${name} needs at least ${photosText(photosNeeded(step))}`)
      : step.type === "signature" ? say("needs_signature", { name: step.label, skipped }, `${name} needs a signature`)
      : say("needs_answer", { name: step.label, skipped }, `${name} needs an answer`);
    if (skipped) said.message += "; this template does not allow skipping";
    return [problem(path, said)];
  }
  const out = [];
  if (answer.photos.length < photoMinOf(step)) {
    out.push(problem(path, say("needs_photos", { name: step.label, n: photoMinOf(step), skipped: false }, `${name} needs at least ${photosText(photoMinOf(step))}`)));
  }
  if (step.geo && !isObject(answer.geo)) out.push(problem(path, say("needs_location", { name: step.label }, `${name} needs a location`)));
  return out;
}

// -- answer checks (answers.py) -------------------------------------------------------------------------

// Python's str() of a number as the server's messages print it.
export function pyNumber(v) {
  if (Number.isInteger(v) && !Object.is(v, -0)) return String(v);
  const s = String(v);
  return s.includes("e") ? s.replace(/e([+-])(\d)$/, "e$10$2") : s;
}

function fmt(v) {
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return `'${v}'`;
  if (typeof v === "number") return pyNumber(v);
  return pyRepr(v);
}

// Python's repr() of a JSON list or object, as the server's messages print one ("got ['o-a', 1]").
function pyRepr(v) {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return pyNumber(v);
  if (typeof v === "string") return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
}

// Decimal places of a number written in its shortest form (1.50 → 1, 2.0 → 0, 1e-7 → 7).
export function decimalPlaces(v) {
  const [mantissa, exp] = String(v).toLowerCase().split("e");
  const frac = (mantissa.split(".")[1] || "").replace(/0+$/, "");
  return Math.max(0, frac.length - Number(exp || 0));
}

function isIsoDate(v) {
  if (typeof v !== "string" || !DATE_RE.test(v)) return false;
  const [y, m, d] = v.split("-").map(Number);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

const plural = (n, word) => `${n} ${word}${n !== 1 ? "s" : ""}`;

const CHECKS = {
  boolean: (cfg, v) => (typeof v === "boolean" ? [] : [["", say("boolean", {}, "must be true or false")]]),
  number(cfg, v) {
    if (!isNumber(v)) return [["", say("number", {}, "must be a number")]];
    const out = [];
    if (isNumber(cfg.min) && v < cfg.min) out.push(["", say("min", { min: cfg.min }, `must be at least ${pyNumber(cfg.min)}`)]);
    else if (v < -LARGEST_EXACT) out.push(["", say("min", { min: -LARGEST_EXACT }, `must be at least ${-LARGEST_EXACT}`)]);
    if (isNumber(cfg.max) && v > cfg.max) out.push(["", say("max", { max: cfg.max }, `must be at most ${pyNumber(cfg.max)}`)]);
    else if (v > LARGEST_EXACT) out.push(["", say("max", { max: LARGEST_EXACT }, `must be at most ${LARGEST_EXACT}`)]);
    const places = cfg.decimal === null || cfg.decimal === undefined ? MAX_DECIMAL_PLACES : cfg.decimal;
    if (decimalPlaces(v) > places) {
      out.push(["", places === 0 ? say("whole_number", {}, "must be a whole number")
        : say("decimal_places", { places }, `must have at most ${places} decimal place${places === 1 ? "" : "s"}`)]);
    }
    return out;
  },
  text(cfg, v) {
    if (typeof v !== "string" || !v.trim()) return [["", say("text", {}, "must be a non-empty string (send null to clear the answer)")]];
    const limit = cfg.max_length || DEFAULT_TEXT_MAX_LENGTH;
    return Array.from(v).length > limit ? [["", say("max_length", { max: limit }, `must be at most ${limit} characters`)]] : [];
  },
  choice(cfg, v) {
    const ids = (cfg.options || []).map((o) => o.id);
    if (typeof v === "string" && ids.includes(v)) return [];
    return [["", say("option", { options: ids, got: fmt(v) }, `must be one of this step's option ids (${ids.join(", ")}); got ${fmt(v)}`)]];
  },
  multi_choice(cfg, v) {
    if (!Array.isArray(v)) return [["", say("option_list", {}, "must be a list of option ids")]];
    const ids = (cfg.options || []).map((o) => o.id);
    const out = [];
    const seen = new Set();
    v.forEach((item, k) => {
      if (!(typeof item === "string" && ids.includes(item))) out.push([`[${k}]`, say("option", { options: ids, got: fmt(item) }, `must be one of this step's option ids (${ids.join(", ")}); got ${fmt(item)}`)]);
      else if (seen.has(item)) out.push([`[${k}]`, say("option_twice", { option: item }, `'${item}' is selected more than once`)]);
      else seen.add(item);
    });
    const min = cfg.min_selected || 0;
    if (v.length < min) out.push(["", say("min_selected", { n: min }, `must select at least ${plural(min, "option")}`)]);
    if (isNumber(cfg.max_selected) && v.length > cfg.max_selected) out.push(["", say("max_selected", { n: cfg.max_selected }, `must select at most ${plural(cfg.max_selected, "option")}`)]);
    return out;
  },
  rating(cfg, v) {
    const low = cfg.min === undefined ? 1 : cfg.min;
    const high = cfg.max === undefined ? 5 : cfg.max;
    if (!Number.isInteger(v) || v < low || v > high) return [["", say("rating", { min: low, max: high }, `must be a whole number from ${low} to ${high}`)]];
    return [];
  },
  date(cfg, v) {
    if (!isIsoDate(v)) return [["", say("date", {}, "must be a date written YYYY-MM-DD")]];
    const out = [];
    if (cfg.min && v < cfg.min) out.push(["", say("min_date", { date: cfg.min }, `must be on or after ${cfg.min}`)]);
    if (cfg.max && v > cfg.max) out.push(["", say("max_date", { date: cfg.max }, `must be on or before ${cfg.max}`)]);
    return out;
  },
  time: (cfg, v) => (typeof v === "string" && TIME_RE.test(v) ? [] : [["", say("time", {}, "must be a time written HH:MM, from 00:00 to 23:59")]]),
};

function geoProblems(geo) {
  if (!isObject(geo)) return [["", say("geo", {}, 'must be an object {"lat", "lng", "accuracy_m"} or null')]];
  const out = [];
  for (const [key, low, high] of [["lat", -90, 90], ["lng", -180, 180]]) {
    if (!(key in geo)) out.push([`.${key}`, say("geo_required", { field: key }, "is required")]);
    else if (!isNumber(geo[key]) || geo[key] < low || geo[key] > high) out.push([`.${key}`, say("geo_range", { field: key, min: low, max: high }, `must be a number from ${low} to ${high}`)]);
  }
  const acc = geo.accuracy_m;
  if (acc !== undefined && acc !== null && (!isNumber(acc) || acc < 0)) out.push([".accuracy_m", say("geo_accuracy", {}, "must be a number of metres, 0 or more, or null")]);
  for (const key of Object.keys(geo)) {
    if (!["lat", "lng", "accuracy_m"].includes(key)) out.push([`.${key}`, say("geo_unknown", { field: key }, "is not a known field (geo takes lat, lng and accuracy_m)")]);
  }
  return out;
}

// Every problem with one answer as [{path, message}], as the server's 422 details name them (plus code, params).
export function checkAnswer(template, stepId, value, { skipped = false, geo = null } = {}) {
  const step = stepsById(template).get(stepId);
  if (!step) return [problem("step_id", say("not_a_step", { step: stepId }, `'${stepId}' is not a step of this template`))];
  if (!answerable(step)) return [problem("step_id", say("instruction_step", { step: stepId }, `'${stepId}' is an instruction step; it cannot be answered`))];
  const out = [];
  if (skipped) {
    if (!(template.settings && template.settings.allow_skip)) out.push(problem("skipped", say("skipping_not_allowed", {}, "this template does not allow skipping steps")));
    if (value !== null) out.push(problem("value", say("null_when_skipped", {}, "must be null when the step is skipped")));
  } else if (value !== null) {
    const check = CHECKS[step.type];
    const found = check ? check(step.config || {}, value) : [["", say("photos_are_the_answer", {}, "must be null; the photos are the answer")]];
    for (const [sub, said] of found) out.push(problem(`value${sub}`, said));
  }
  if (geo !== null) for (const [sub, said] of geoProblems(geo)) out.push(problem(`geo${sub}`, said));
  return out;
}
