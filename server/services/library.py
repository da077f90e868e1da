"""The template library (SPEC §12): curated TDL documents in `resources/library/`, one `<slug>.json` each,
in English, with their translations (SPEC §15) in `translations/<tag>/<slug>.json`, each `{key: text}`.

Read-only and the same for every organisation, so it is loaded once per process and kept in memory.
`library_dir()` is the one place that knows where the files live (the package data of `rundun_resources`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rundun_resources import resource

from server.services.library_words import in_library_words, normalize
from server.tdl import TdlError, normalize_template, step_counts, validate_template
from server.tdl.languages import match_language, parse_accept_language, rebase_template, template_languages

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def library_dir() -> Path:
    """Where the library's JSON files are: package data of `rundun_resources` (the repository's `resources/`),
    the same from a checkout, a wheel and the PyInstaller bundle."""
    return Path(str(resource("library")))


@dataclass(frozen=True)
class LibraryTemplate:
    """One library template: its slug (the file name) and its validated, normalized TDL document, English
    first, with the translations the library ships."""

    slug: str
    template: dict[str, Any]

    @property
    def name(self) -> str:
        return self.template["name"]

    @property
    def languages(self) -> list[str]:
        return template_languages(self.template)

    def text_in(self, language: str, key: str) -> str:
        """The template's `name` or `description` in `language`, else in English."""
        entries = self.template["translations"].get(language) or {}
        return entries.get(key) or self.template.get(key) or ""

    def in_language(self, language: str) -> dict[str, Any]:
        """A copy of the document re-based on `language` (one of its languages): its texts in that language,
        the others (English among them) as its translations."""
        return rebase_template(self.template, language)

    def untranslated(self) -> dict[str, Any]:
        """A copy of the document in English alone, as the library was before it was translated: what the
        generator builds on (a prompt's name and its new steps are English; a German name beside them
        would name the library's checklist, not the one built)."""
        document = json.loads(json.dumps(self.template))
        return {**document, "languages": self.languages[:1], "translations": {}}

    @property
    def tags(self) -> list[str]:
        return list(self.template.get("tags") or [])

    @property
    def step_count(self) -> int:
        return sum(len(section["steps"]) for section in self.template["sections"])

    def summary(self, language: str = "en") -> dict[str, Any]:
        """What the list shows of it, its name and description in `language` where it has them."""
        at_start, conditional = step_counts(self.template)
        return {
            "slug": self.slug,
            "name": self.text_in(language, "name"),
            "description": self.text_in(language, "description"),
            "tags": self.tags,
            "step_count": self.step_count,
            "start_step_count": at_start,
            "conditional_step_count": conditional,
            "languages": self.languages,
        }


@cache
def load_library(directory: Path | None = None, *, translated: bool = True) -> tuple[LibraryTemplate, ...]:
    """Every template in the library, sorted by its English name, with its translations merged in (not with
    `translated=False`: the translators' check reads the English alone, so that a bad file is listed rather
    than stopping it). A file that is not valid TDL, or a translation that names nothing or breaks a limit,
    is a packaging bug: it raises here (the library test catches it) rather than being served half-checked."""
    folder = directory or library_dir()
    translations = _translation_files(folder) if translated else {}
    found = []
    for path in sorted(folder.glob("*.json")):
        if not SLUG.match(path.stem):
            raise ValueError(f"library file name is not a slug: {path.name}")
        document = _with_translations(
            json.loads(path.read_text(encoding="utf-8")), translations.pop(path.stem, {})
        )
        try:
            document = normalize_template(validate_template(document))
        except TdlError as exc:
            exc.add_note(f"in the library template {path} or its translations")  # which file to mend
            raise
        document.pop("id", None)
        found.append(LibraryTemplate(path.stem, document))
    if translations:
        orphans = sorted(str(p) for files in translations.values() for p in files.values())
        raise ValueError(f"library translations of no library template: {', '.join(orphans)}")
    return tuple(sorted(found, key=lambda t: t.name.lower()))


def _translation_files(folder: Path) -> dict[str, dict[str, Path]]:
    """`translations/<tag>/<slug>.json` by slug, then tag."""
    out: dict[str, dict[str, Path]] = {}
    for path in sorted((folder / "translations").glob("*/*.json")):
        out.setdefault(path.stem, {})[path.parent.name] = path
    return out


def _with_translations(document: Any, files: dict[str, Path]) -> Any:
    """The template with each file's `{key: text}` as its translation into the file's language: `languages`
    becomes its own (English) then those tags, sorted. Validation checks every key and text after."""
    if not files or not isinstance(document, dict):
        return document
    table = dict(document.get("translations") or {})
    for tag, path in sorted(files.items()):
        table[tag] = json.loads(path.read_text(encoding="utf-8"))
    own = template_languages(document)
    return {
        **document,
        "languages": [*own, *(t for t in sorted(files) if t not in own)],
        "translations": table,
    }


def library_languages() -> list[str]:
    """Every language some library template has: English, then the translations' tags, sorted."""
    tags = {tag for entry in load_library() for tag in entry.languages}
    return ["en", *sorted(tags - {"en"})]


def choose_language(lang: str | None, accept_language: str | None, available: list[str] | None = None) -> str:
    """The language of `available` (default: the library's) that `lang` names, else the best match for
    `Accept-Language`, else English: SPEC §15's matching (`de-AT` is `de`), as `GET /v1/templates/{id}?lang=`
    chooses. Never an error: an unknown or malformed tag is only a language the library lacks."""
    wanted = parse_accept_language(f"{lang}, {accept_language or ''}" if lang else accept_language)
    languages = available or library_languages()
    return match_language(wanted, languages) or languages[0]


def list_templates(
    q: str | None = None, tag: str | None = None, language: str = "en"
) -> list[dict[str, Any]]:
    """Summaries in `language` of the templates whose name, description or tags hold every word of `q`
    (in English or in `language`), and that carry `tag` (case-insensitive). The words are read as typed (a
    word's start finds it: "fork"), else as the library spells them: a search in German, Spanish or Arabic
    ("Gabelstapler", "mudanza", "سقالة") finds the template of that kind of work even untranslated."""
    wanted_tag = (tag or "").strip().lower()
    rows = []
    for entry in load_library():
        tags = [t.lower() for t in entry.tags]
        if wanted_tag and wanted_tag not in tags:
            continue
        summary = entry.summary(language)
        texts = [entry.name, entry.template.get("description") or "", summary["name"], summary["description"]]
        if _holds(" ".join([*dict.fromkeys(texts), *tags]), q or ""):  # English's words once, not twice
            rows.append(summary)
    return sorted(rows, key=lambda row: row["name"].casefold())  # by name as the reader reads it


def _holds(text: str, q: str) -> bool:
    """Whether `text` holds every word of `q`, as typed or as the library says it."""
    typed = q.lower().split()
    if all(word in text.lower() for word in typed):
        return True
    said = in_library_words(normalize(q))
    spelled = " ".join(normalize(text))
    return bool(said) and all(word in spelled for word in said)


def get_template(slug: str) -> LibraryTemplate | None:
    """The library template called `slug`, or None."""
    return next((entry for entry in load_library() if entry.slug == slug), None)


def template_copy(slug: str) -> dict[str, Any] | None:
    """A deep copy of the template's document, safe for the caller to change."""
    entry = get_template(slug)
    return json.loads(json.dumps(entry.template)) if entry else None


def template_in(slug: str, lang: str, accept_language: str | None) -> tuple[dict[str, Any], str] | None:
    """A copy of the template re-based on the language `lang` names among its own (else Accept-Language's
    best match, else English), and that language; None when there is no such template."""
    entry = get_template(slug)
    if entry is None:
        return None
    language = choose_language(lang, accept_language, entry.languages)
    return entry.in_language(language), language
