// DOM for the runner: one element per step, built once and updated in place (a re-render would take the
// focus and the keyboard away from a phone's text field). Views lay out; app.js decides.

import { checklistWord, editableNumber, formatNumber, numberExpected, readNumber, t } from "./strings.js";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

// A control's name that says which step it acts on: its visible words, then the step's title. Every step's
// "Skip this step" was one name, read ten times over in a screen reader's list of buttons; the visible words
// stay, and come first (the name holds what is seen: speech input finds the control by them).
export const forStep = (words, title) => `${words}: ${title}`;

// A control's words, and its name with the step's title (`forStep`).
export function sayFor(node, words, title) {
  if (node.textContent !== words) node.textContent = words;
  node.setAttribute("aria-label", forStep(words, title));
}

// `id`: a multi-choice's group is its step's field (`<step>-input`): what is ticked there is held when the step
// does not take it, as a number field holds what was typed (app.js).
function choiceGroup(step, name, options, type, on, id = null) {
  return el("div", { id, class: "choices", role: type === "radio" ? "radiogroup" : "group", "aria-labelledby": `${step.id}-label` },
    options.map(([value, label]) => el("label", { class: "choice" },
      el("input", { type, name, value: String(value), onchange: on }),
      el("span", { text: label }))));
}

// A field's own hint (what a number step takes, a text's count) is what describes it, save while a problem does.
function ownHint(hint) {
  return hint ? { "aria-describedby": hint.id, "data-hint": hint.id } : {};
}

// A text field's count of characters against its step's room, kept as the field's text changes.
export function showCount(field, counter = document.getElementById(`${field.id}-count`)) {
  if (counter) counter.textContent = `${formatNumber(Array.from(field.value).length)} / ${formatNumber(Number(field.dataset.max))}`;
}

// A text's room (`data-max`) in characters, as the counter and the server count them (code points): what goes
// past it is not taken, the characters just put in before the caret dropped, as maxlength dropped them. maxlength
// counted UTF-16 units, an emoji two: the field stopped at "17 / 20" and said nothing. An IME's composition is
// left alone until it ends. Whether it cut anything.
function keepWithin(field, event) {
  const max = Number(field.dataset.max);
  if (!max || (event && event.isComposing)) return false;
  const excess = Array.from(field.value).length - max;
  if (excess <= 0) return false;
  const caret = field.selectionStart ?? field.value.length;
  const before = Array.from(field.value.slice(0, caret));
  const after = Array.from(field.value.slice(caret));
  const cut = Math.min(excess, before.length);
  const kept = before.slice(0, before.length - cut).join("");
  field.value = kept + after.slice(0, after.length - (excess - cut)).join("");
  field.setSelectionRange(kept.length, kept.length);
  return true;
}

// The answer a step's own field holds: null when empty, NaN for what a number field holds that is no number
// ("1e", "--2", "1,23,4"): an answer that is not a number, never an empty one.
export function fieldValue(step, input) {
  if (step.type === "multi_choice") {
    const picked = [...input.querySelectorAll("input:checked")].map((box) => box.value);
    return picked.length ? picked : null;
  }
  if (step.type === "number") return input.value.trim() === "" ? null : readNumber(input.value) ?? NaN;
  if (step.type === "text") return input.value.trim() ? input.value : null;
  return input.value || null;
}

// A yes/no step's label as its designer wrote it; null for tdl's English default ("Yes", "No", written into every
// template whose designer chose none), which is said in the checklist's language instead (`checklistWord`).
function ownLabel(label, englishDefault) {
  return label && label !== englishDefault ? label : null;
}

// The input for a step's value; `on.value(v)` sends what the executor chose (null clears).
function valueInput(step, template, on) {
  const typed = (e) => on.value(fieldValue(step, e.target));
  const cfg = step.config || {};
  const id = `${step.id}-input`;
  switch (step.type) {
    case "boolean":
      return choiceGroup(step, id, [["true", ownLabel(cfg.true_label, "Yes") || checklistWord(template, "yes")],
        ["false", ownLabel(cfg.false_label, "No") || checklistWord(template, "no")]], "radio",
        (e) => on.value(e.target.value === "true"));
    case "choice":
      return choiceGroup(step, id, cfg.options.map((o) => [o.id, o.label]), "radio", (e) => on.value(e.target.value));
    case "multi_choice":
      return choiceGroup(step, id, cfg.options.map((o) => [o.id, o.label]), "checkbox",
        (e) => on.value(fieldValue(step, e.target.closest(".choices"))), id);
    case "rating": {
      const values = [];
      for (let n = cfg.min; n <= cfg.max; n++) values.push([n, String(n)]);
      return el("div", { class: "rating" },
        cfg.low_label ? el("span", { class: "hint", text: cfg.low_label }) : null,
        choiceGroup(step, id, values, "radio", (e) => on.value(Number(e.target.value))),
        cfg.high_label ? el("span", { class: "hint", text: cfg.high_label }) : null);
    }
    case "number": {
      const places = cfg.decimal === null || cfg.decimal === undefined ? 6 : cfg.decimal;
      // A text field read by readNumber: type=number dropped a decimal comma the browser's language did not
      // expect ("12,5" became 125). iOS's decimal and numeric pads have no minus key: only a step that cannot go
      // below zero gets them (a freezer's -18 °C could not be typed); the others get the full keyboard.
      const signless = typeof cfg.min === "number" && cfg.min >= 0;
      const inputmode = signless ? (places ? "decimal" : "numeric") : null;
      // What the step takes, said before anything is typed (the desktop's runner says it beside the field);
      // hidden while a problem says it (runner.css).
      const limited = ["min", "max", "decimal"].some((key) => typeof cfg[key] === "number");
      const expected = limited ? el("p", { class: "hint expect", id: `${step.id}-expect`, text: numberExpected(cfg) }) : null;
      return el("div", { class: "number" },
        el("div", { class: "row" },
          // dir="ltr": a number reads left to right in a right-to-left page ("-12.5" showed as "12.5-"), and
          // its unit keeps its own order (<bdi>: "°C" showed as "C°").
          el("input", { id, type: "text", inputmode, dir: "ltr", autocomplete: "off", spellcheck: "false",
            "aria-labelledby": `${step.id}-label`, ...ownHint(expected), onchange: typed }),
          cfg.unit ? el("bdi", { class: "unit", text: cfg.unit }) : null),
        expected);
    }
    case "text": {
      // How much of the step's room the text takes ("12 / 20", as the desktop counts it): the field stops
      // taking characters at the limit, which said nothing of the ones it dropped.
      const counter = cfg.max_length ? el("p", { class: "hint count", id: `${id}-count` }) : null;
      // Text pasted past the room was cut without a word (the count read "200 / 200", the end of the text gone):
      // the cut is said under the field until the text changes again without one.
      const cutNote = counter ? el("p", { class: "hint cut", id: `${id}-cut`, role: "status" }) : null;
      const within = (e) => {
        const cut = keepWithin(e.target, e);
        if (!e.isComposing) cutNote.textContent = cut ? t("text_cut", { max: Number(e.target.dataset.max) }) : "";
        showCount(e.target);
      };
      // A step without a limit has no count to keep (its field threw at every key: no note to write into).
      const field = el(cfg.multiline ? "textarea" : "input", { id, type: cfg.multiline ? null : "text", "data-max": cfg.max_length,
        placeholder: cfg.placeholder, rows: cfg.multiline ? 3 : null, "aria-labelledby": `${step.id}-label`, ...ownHint(counter),
        onchange: typed, oninput: counter && within, oncompositionend: counter && within });
      if (!counter) return field;
      showCount(field, counter);
      return el("div", { class: "text" }, field, counter, cutNote);
    }
    case "date":
      return el("input", { id, type: "date", min: cfg.min, max: cfg.max, "aria-labelledby": `${step.id}-label`, onchange: typed });
    case "time":
      return el("input", { id, type: "time", "aria-labelledby": `${step.id}-label`, onchange: typed });
    default:
      return null;
  }
}

export function photoPicker(step, label, on) {
  const input = el("input", { type: "file", accept: "image/*", multiple: true, class: "visually-hidden", id: `${step.id}-file`, "aria-label": forStep(t("add_photo"), label),
    onchange: (e) => { on.photos([...e.target.files]); e.target.value = ""; } });
  return el("div", { class: "photos" },
    el("div", { class: "thumbs", "data-thumbs": step.id }),
    el("label", { class: "button secondary", for: `${step.id}-file` }, t("add_photo")),
    input,
    el("p", { class: "hint", "data-photo-count": step.id }));
}

// A signature pad with the signature kept so far (an image and words that say it is kept), and a place
// for its problems (keeping an empty pad). `title`: its step's, or the run's signature.
export function signatureBox(id, on, title) {
  const canvas = el("canvas", { class: "pad", "aria-label": forStep(t("sign_here"), title), role: "img" });
  // The way to sign from a keyboard: the name typed is written into the pad (signature.js), kept as a drawing is.
  const typed = `${id}-typed-name`;
  return el("div", { class: "signature", "data-signature": id },
    el("p", { class: "hint", text: t("sign_here") }),
    canvas,
    el("label", { for: typed, class: "typed-name", text: t("sign_typed") }),
    el("input", { id: typed, type: "text", autocomplete: "name", "data-typed-name": id, "aria-label": forStep(t("sign_typed"), title), oninput: (e) => on.type(e.target.value) }),
    el("div", { class: "kept", hidden: true },
      el("img", { class: "signed", alt: t("signature_saved") }),
      el("p", { class: "hint", text: t("signature_kept_hint") })),
    el("p", { class: "problem", role: "alert", "data-sign-problem": id }),
    el("div", { class: "row" },
      el("button", { type: "button", class: "secondary", "aria-label": forStep(t("sign_clear"), title), onclick: () => on.clear() }, t("sign_clear")),
      el("button", { type: "button", "aria-label": forStep(t("sign_save"), title), onclick: () => on.save() }, t("sign_save"))));
}

// The signature kept for a pad: `src` its image, or null when none (`kept` without an image: the server has one).
export function showSignature(box, src, kept = Boolean(src)) {
  const shown = box.querySelector(".kept");
  const img = shown.querySelector("img");
  shown.hidden = !kept;
  img.hidden = !src;
  if (src && img.src !== src) img.src = src;
}

// One step's card: label, hint, its input, photos, location, skip and a place for its problems.
export function stepCard(step, template, on) {
  const required = step.required !== false;
  const card = el("section", { class: `step step-${step.type}`, id: step.id, "data-step": step.id, "aria-labelledby": `${step.id}-label` });
  // A space between the label and its badge: the heading names the step's group ("Boiler kind required"; it
  // was "Boiler kindrequired" to a screen reader).
  card.append(el("h3", { id: `${step.id}-label`, class: "label" }, step.label,
    step.type === "instruction" ? null : [" ", el("span", { class: "badge", text: required ? t("required") : t("optional") })]));
  if (step.hint) card.append(el("p", { class: "hint", text: step.hint }));
  if (step.type === "instruction") {
    card.append(el("p", { class: "body", text: (step.config && step.config.body) || "" }));
    return card;
  }
  const input = valueInput(step, template, on);
  if (input) card.append(input);
  if (step.type === "photo" || (step.photo && step.type !== "signature")) card.append(photoPicker(step, step.label, on));
  if (step.type === "signature") card.append(signatureBox(step.id, on.signature, step.label));
  if (step.geo) {
    // The step asks for a location: said on its card from the start (it was said only by Complete); an optional
    // step needs it only once answered.
    const needed = required ? t("location_needed") : t("location_needed_if_answered");
    card.append(el("p", { class: "hint", id: `${step.id}-geo-needed`, "data-geo-needed": step.id, text: needed }),
      el("div", { class: "row" },
        el("button", { type: "button", class: "secondary", "data-locate": step.id, "aria-describedby": `${step.id}-geo-needed`, "aria-label": forStep(t("location"), step.label), onclick: () => on.locate() }, t("location")),
        el("span", { class: "hint", "data-geo": step.id })));
  }
  if (template.settings && template.settings.allow_skip) {
    card.append(el("button", { type: "button", class: "link", "data-skip": step.id, "aria-label": forStep(t("skip"), step.label), onclick: () => on.skip() }, t("skip")));
  }
  card.append(el("p", { class: "problem", role: "alert", id: `${step.id}-problem`, "data-problem": step.id }));
  return card;
}

// What a field holds as the run record keeps it while the step does not take it (`run.typed`): its text, or
// a multi-choice's ticked options; `putHeld` shows it again after a reload.
export function heldOf(step, field) {
  return step.type === "multi_choice" ? fieldValue(step, field) || [] : field.value;
}

export function putHeld(step, field, held) {
  if (step.type !== "multi_choice") field.value = held;
  else for (const box of field.querySelectorAll("input")) box.checked = held.includes(box.value);
}

function shownValue(step, value) {
  if (value === null || value === undefined) return "";
  return step.type === "number" && typeof value === "number" ? editableNumber(value) : String(value);
}

// Put a step's stored answer into its inputs (after a reload, or when the server's copy arrives).
export function showAnswer(card, step, answer) {
  const value = answer ? answer.value : null;
  // A multi-choice holding what the step does not take keeps its ticks (app.js), as a field keeps its text.
  const held = step.type === "multi_choice" && card.querySelector(".choices[aria-invalid]");
  for (const input of held ? [] : card.querySelectorAll(".choices input")) {
    if (step.type === "multi_choice") input.checked = Array.isArray(value) && value.includes(input.value);
    else input.checked = value !== null && String(value) === input.value;
  }
  const field = card.querySelector(`#${CSS.escape(step.id)}-input`);
  // A field holding what the step does not take keeps it (app.js): it is not the answer, and not dropped.
  if (field && step.type !== "multi_choice" && document.activeElement !== field && !field.hasAttribute("aria-invalid")) {
    field.value = shownValue(step, value);
    showCount(field);
  }
  const skipped = Boolean(answer && answer.skipped);
  card.classList.toggle("skipped", skipped);
  // A skipped step says so where it said "required" (a dashed border alone told nothing).
  const badge = card.querySelector(".badge");
  if (badge) badge.textContent = skipped ? t("skipped") : step.required !== false ? t("required") : t("optional");
  const skip = card.querySelector("[data-skip]");
  if (skip) sayFor(skip, answer && answer.skipped ? t("unskip") : t("skip"), step.label);
  // A skipped step's signature pad takes nothing (a drawing there was sent, and stored beside "skipped").
  const pad = card.querySelector(".signature");
  if (pad) pad.inert = skipped;
}
