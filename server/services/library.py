"""The template library (SPEC §12): curated TDL documents in `resources/library/`, one `<slug>.json` each.

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
from server.tdl import normalize_template, validate_template

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def library_dir() -> Path:
    """Where the library's JSON files are: package data of `rundun_resources` (the repository's `resources/`),
    the same from a checkout, a wheel and the PyInstaller bundle."""
    return Path(str(resource("library")))


@dataclass(frozen=True)
class LibraryTemplate:
    """One library template: its slug (the file name) and its validated, normalized TDL document."""

    slug: str
    template: dict[str, Any]

    @property
    def name(self) -> str:
        return self.template["name"]

    @property
    def tags(self) -> list[str]:
        return list(self.template.get("tags") or [])

    @property
    def step_count(self) -> int:
        return sum(len(section["steps"]) for section in self.template["sections"])

    def summary(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "name": self.name,
            "description": self.template.get("description") or "",
            "tags": self.tags,
            "step_count": self.step_count,
        }


@cache
def load_library(directory: Path | None = None) -> tuple[LibraryTemplate, ...]:
    """Every template in the library, sorted by name. A file that is not valid TDL is a packaging bug:
    it raises here (the library test catches it) rather than being served half-checked."""
    folder = directory or library_dir()
    found = []
    for path in sorted(folder.glob("*.json")):
        if not SLUG.match(path.stem):
            raise ValueError(f"library file name is not a slug: {path.name}")
        document = normalize_template(validate_template(json.loads(path.read_text(encoding="utf-8"))))
        document.pop("id", None)
        found.append(LibraryTemplate(path.stem, document))
    return tuple(sorted(found, key=lambda t: t.name.lower()))


def list_templates(q: str | None = None, tag: str | None = None) -> list[dict[str, Any]]:
    """Summaries of the templates whose name, description or tags hold every word of `q`, and that carry
    `tag` (case-insensitive). The words are read as typed (a word's start finds it: "fork"), else as the
    library spells them: a search in German, Spanish or Arabic ("Gabelstapler", "mudanza", "سقالة") finds
    the English template of that kind of work."""
    wanted_tag = (tag or "").strip().lower()
    rows = []
    for entry in load_library():
        tags = [t.lower() for t in entry.tags]
        if wanted_tag and wanted_tag not in tags:
            continue
        if _holds(" ".join([entry.name, entry.template.get("description") or "", *tags]), q or ""):
            rows.append(entry.summary())
    return rows


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
