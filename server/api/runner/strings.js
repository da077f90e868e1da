// Every word the runner shows, through one lookup, so that languages can be added as more tables later
// (SPEC §15: one table per BCP 47 tag; only `en` today). t("key", {name: value}) fills {name} placeholders,
// numbers written the locale's way (Intl); an unknown key shows itself (easy to spot, never blank).
// useLanguage(tag) follows the run's language: the table (falling back to `en`, then to the key), the
// locale of numbers and dates, and <html lang dir> so that a screen reader speaks it and `ar`/`he` read
// right to left.

const EN = {
  loading: "Loading your checklist…",
  open_title: "Ready to start",
  open_lead: "{sender} sent you a checklist with {steps} steps.",
  open_button: "Start the checklist",
  identity_external: "Who is filling this in?",
  identity_member: "Sign in with your member token",
  name: "Your name",
  email: "Your email",
  member_token: "Member token (rdm_…)",
  desktop_link: "On a computer with Rundun desktop? Open in Rundun",
  progress_label: "Progress",
  progress: "{done} of {total} done",
  progress_skipped: "{skipped} skipped",
  required: "required",
  optional: "optional",
  yes: "Yes",
  no: "No",
  skip: "Skip this step",
  unskip: "Answer this step",
  skipped: "Skipped",
  clear: "Clear",
  add_photo: "Take or choose a photo",
  photos_count: "{n} of {min}–{max} photos",
  remove_photo: "Remove photo {n}",
  photo_alt: "Photo {n} of {label}",
  sign_here: "Sign in the box with your finger",
  sign_clear: "Clear signature",
  sign_save: "Keep this signature",
  signature_saved: "Signature kept",
  run_signature: "Your signature",
  location: "Add my location",
  location_kept: "Location kept (±{m} m)",
  location_failed: "Location unavailable: {why}",
  complete: "Complete the checklist",
  missing_title: "Before you can complete:",
  completed_title: "Checklist completed",
  completed_body: "Thank you. Everything you entered is kept on this device until the server has it.",
  closed_title: "This checklist is closed",
  online: "Online",
  offline: "Offline",
  all_sent: "Everything is saved on the server.",
  waiting: "{n} change(s) waiting to be sent",
  waiting_photos: "{n} photo(s) ({mb} MB) waiting to be sent",
  why_offline: "because this device is offline; they are kept here and will be sent when the network returns.",
  why_retry: "the last try failed ({error}); trying again in {s} s.",
  why_sending: "sending now…",
  rejected: "The server refused {what}: {message}",
  failed: "{n} change(s) refused by the server, kept here until you change them: {message}",
  storage_persisted: "This device keeps your answers even when space runs low.",
  storage_refused: "The browser did not grant persistent storage: if space runs low it may delete answers that are not sent yet. Stay online until everything is sent.",
  open_failed: "Could not open the checklist: {message}",
  needs_network: "Opening the checklist needs the network once. Connect and try again.",
  invalid: "Not accepted: {message}",
  photo_failed: "Could not read that image: {message}",
};

const TABLES = { en: EN };
const RIGHT_TO_LEFT = new Set(["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb"]);
let table = EN;
let locale = "en";
let numbers = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

export function useLanguage(tag) {
  try {
    locale = Intl.getCanonicalLocales(tag || "en")[0];
  } catch {
    locale = "en"; // not a BCP 47 tag
  }
  const base = locale.split("-")[0];
  table = TABLES[locale] || TABLES[base] || EN;
  numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  document.documentElement.lang = locale;
  document.documentElement.dir = RIGHT_TO_LEFT.has(base) ? "rtl" : "ltr";
}

export function formatNumber(value) {
  return numbers.format(value);
}

export function formatDate(iso, options = { dateStyle: "medium", timeStyle: "short" }) {
  return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
}

export function t(key, params = {}) {
  const text = table[key] ?? EN[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === "number" ? formatNumber(value) : String(value);
  });
}
