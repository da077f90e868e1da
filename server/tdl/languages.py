"""Templates in several languages (SPEC §15): the translatable texts, the checks on `languages` and
`translations`, and the one function that resolves a template to a language.

A template's plain text fields are in its first language; `translations[tag][key]` holds the others, each
key naming one text by stable ids (`s-1.label`, `o-yes`, `name`) so that reordering keeps translations.
The server, the editor's preview, both runners and the reports all call `resolve_template`, so a text
falls back to the first language in exactly one way everywhere.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from .configs import CONFIG_MODELS, Option, config_value
from .errors import Loc, Problem, humanize

DEFAULT_LANGUAGES: tuple[str, ...] = ("en",)
MAX_LANGUAGES = 20
# Well-formed BCP 47 (RFC 5646) for what a template needs: language, script, region, variants.
LANGUAGE_TAG = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"
)
# The config fields that a person reads, in the order a translator meets them.
CONFIG_TEXT_FIELDS = ("true_label", "false_label", "low_label", "high_label", "placeholder", "unit", "body")


@dataclass(frozen=True)
class Text:
    """One translatable text: its key, where it sits in the template, its source (first-language) text,
    and the model field whose limits every translation of it must also meet."""

    key: str
    loc: Loc
    source: str
    owner: str  # "template", "section", "step", "option" or a step type (its config)
    field: str


def _text(out: dict[str, Text], key: str, loc: Loc, value: Any, owner: str, field: str) -> None:
    if isinstance(value, str) and value and key not in out:  # a duplicate id is reported elsewhere
        out[key] = Text(key, loc, value, owner, field)


def template_texts(data: Any) -> dict[str, Text]:
    """Every non-empty text of a (raw or normalized) template body by key, in document order."""
    out: dict[str, Text] = {}
    if not isinstance(data, Mapping):
        return out
    _text(out, "name", ("name",), data.get("name"), "template", "name")
    _text(out, "description", ("description",), data.get("description"), "template", "description")
    sections = data.get("sections")
    for i, section in enumerate(sections if isinstance(sections, list) else []):
        if not isinstance(section, dict) or not isinstance(section.get("id"), str):
            continue
        _text(
            out, f"{section['id']}.title", ("sections", i, "title"), section.get("title"), "section", "title"
        )
        steps = section.get("steps")
        for j, step in enumerate(steps if isinstance(steps, list) else []):
            if isinstance(step, dict) and isinstance(step.get("id"), str):
                _step_texts(out, step, ("sections", i, "steps", j))
    return out


def _step_texts(out: dict[str, Text], step: dict[str, Any], loc: Loc) -> None:
    sid = step["id"]
    _text(out, f"{sid}.label", loc + ("label",), step.get("label"), "step", "label")
    _text(out, f"{sid}.hint", loc + ("hint",), step.get("hint"), "step", "hint")
    step_type = step.get("type")
    if not isinstance(step_type, str) or step_type not in CONFIG_MODELS:  # a list or an object: unhashable
        return
    raw_config = step.get("config")
    cfg: dict[str, Any] = raw_config if isinstance(raw_config, dict) else {}
    fields = CONFIG_MODELS[step_type].model_fields
    for name in CONFIG_TEXT_FIELDS:
        if name in fields:
            value = config_value(step_type, cfg, name)
            _text(out, f"{sid}.{name}", loc + ("config", name), value, step_type, name)
    options = cfg.get("options") if step_type in ("choice", "multi_choice") else None
    for k, option in enumerate(options if isinstance(options, list) else []):
        if isinstance(option, dict) and isinstance(option.get("id"), str):
            _text(
                out,
                option["id"],
                loc + ("config", "options", k, "label"),
                option.get("label"),
                "option",
                "label",
            )


@functools.cache
def _limit_of(owner: str, field: str) -> TypeAdapter[Any]:
    """The validator of the model field a text lives in: a translation meets the field's own limits."""
    from . import models  # models imports this module (through semantics); loaded by the time a check runs

    owners: dict[str, Any] = {
        "template": models.Template,
        "section": models.Section,
        "step": models.Step,
        "option": Option,
    }
    info = (owners.get(owner) or CONFIG_MODELS[owner]).model_fields[field]
    annotation: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(annotation)


def text_problem(text: Text, translation: Any) -> str | None:
    """Why `translation` cannot stand for `text` (not a string, empty, over the field's limit), or None."""
    if not isinstance(translation, str):
        return "must be a string"
    if not translation.strip():
        return "must not be empty; leave the key out to use the source text"
    try:
        _limit_of(text.owner, text.field).validate_python(translation)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        return humanize(err["type"], err.get("msg", ""), err.get("ctx") or {})
    return None


def template_languages(data: Any) -> list[str]:
    """The template's languages, first = the language of its plain text fields (`["en"]` when unset)."""
    languages = data.get("languages") if isinstance(data, Mapping) else getattr(data, "languages", None)
    if isinstance(languages, list) and languages and all(isinstance(t, str) for t in languages):
        return list(languages)
    return list(DEFAULT_LANGUAGES)


def language_problems(data: Any) -> list[Problem]:
    """Every problem of a raw body's `languages` and `translations` (their shapes are pydantic's to report)."""
    if not isinstance(data, Mapping):
        return []
    out: list[Problem] = []
    languages = data.get("languages")
    seen: dict[str, int] = {}
    for k, tag in enumerate(languages if isinstance(languages, list) else []):
        if not isinstance(tag, str):
            continue
        if not LANGUAGE_TAG.match(tag):
            out.append(
                Problem(("languages", k), f"'{tag}' is not a BCP 47 language tag such as 'de' or 'pt-BR'")
            )
        elif tag.lower() in seen:
            out.append(
                Problem(("languages", k), f"must be unique; '{tag}' is also languages[{seen[tag.lower()]}]")
            )
        else:
            seen[tag.lower()] = k
    translations = data.get("translations")
    if isinstance(translations, dict):
        out.extend(_translation_problems(data, template_languages(data), translations))
    return out


def _translation_problems(data: Mapping[str, Any], languages: list[str], translations: dict) -> list[Problem]:
    out: list[Problem] = []
    texts = template_texts(data)
    for tag, entries in translations.items():
        if tag == languages[0]:
            out.append(
                Problem(
                    ("translations", tag), f"'{tag}' is the first language: its texts are the template's own"
                )
            )
        elif tag not in languages:
            out.append(
                Problem(
                    ("translations", tag),
                    f"'{tag}' is not one of the template's languages ({', '.join(languages)}); add it there first",
                )
            )
        if not isinstance(entries, dict):
            continue
        for key, translation in entries.items():
            text = texts.get(key)
            if text is None:
                out.append(Problem(("translations", tag, key), f"'{key}' names no text of this template"))
                continue
            message = text_problem(text, translation)
            if message:
                out.append(Problem(("translations", tag, key), message))
    return out


RIGHT_TO_LEFT_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv"})


def is_right_to_left(tag: str) -> bool:
    """Whether text in this language runs right to left (by its primary subtag)."""
    return tag.split("-")[0].lower() in RIGHT_TO_LEFT_LANGUAGES


# -- choosing a language -----------------------------------------------------------------------------------
def parse_accept_language(header: str | None) -> list[str]:
    """The tags of an `Accept-Language` header, best first by quality (q=0 means "not this one")."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "")[:1000].split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag.strip() and 0 < quality <= 1:
            ranked.append((-quality, position, tag.strip()))
    return [tag for _, _, tag in sorted(ranked)]


def match_language(wanted: Iterable[str], available: Sequence[str]) -> str | None:
    """The first of `wanted` that one of `available` serves (RFC 4647 lookup: `de-AT` falls back to `de`;
    `de` takes `de-CH` when that is all there is), case-insensitively; None when none fits."""
    lowered = {tag.lower(): tag for tag in available}
    for tag in wanted:
        parts = tag.lower().split("-")
        while parts:
            found = lowered.get("-".join(parts))
            if found:
                return found
            parts.pop()
        primary = tag.lower().split("-")[0]
        for candidate in available:
            if candidate.lower().split("-")[0] == primary and primary != "*":
                return candidate
    return None


def negotiate_language(data: Any, accept_language: str | None, default: str | None = None) -> str:
    """The template's language that best fits an `Accept-Language` header, else `default` (a run's
    language), else the template's first."""
    languages = template_languages(data)
    found = match_language(parse_accept_language(accept_language), languages)
    return found or (default if default in languages else languages[0])


def language_choice_problem(data: Any, language: Any) -> str | None:
    """Why `language` cannot be chosen for a run of this template, or None."""
    languages = template_languages(data)
    if not isinstance(language, str) or language not in languages:
        return f"must be one of the template's languages: {', '.join(languages)}"
    return None


# -- resolving ---------------------------------------------------------------------------------------------
def resolve_template(data: Mapping[str, Any], language: str | None) -> dict[str, Any]:
    """The template in one language: each text translated where `translations` has it, else the first
    language's (the fallback); `languages` becomes `[that language]` and `translations` goes, so the result
    is itself a valid single-language template. A language the template lacks resolves to the nearest one
    it has (`de-AT` → `de`), else to its first. Server fields (`id`, `v`, …) are kept as they are."""
    languages = template_languages(data)
    chosen = match_language([language], languages) if language else None
    chosen = chosen or languages[0]
    resolved = copy.deepcopy(dict(data))
    table = resolved.pop("translations", None)
    entries = table.get(chosen) if isinstance(table, dict) and chosen != languages[0] else None
    if isinstance(entries, dict):
        for key, text in template_texts(data).items():
            translation = entries.get(key)
            if isinstance(translation, str) and translation:
                _put(resolved, text.loc, translation)
    resolved["languages"] = [chosen]
    return resolved


def rebase_template(data: Mapping[str, Any], tag: str) -> dict[str, Any]:
    """The same template with `tag` (one of its languages) as its first: its plain text fields in `tag`
    (a text `tag` lacks keeps the old first language's), the old first language's texts under
    `translations`, every other language's entries as they were. The template is still valid; a text another
    language lacks now falls back to `tag`'s, as SPEC §15 has it.

    `tag` and the old first language swap places in `languages` (the others keep theirs), and the old first
    language is given only the texts `tag` had, so re-basing back gives the same (normalized) template:
    a German designer can edit a library template in German and nothing English is lost."""
    languages = template_languages(data)
    if tag not in languages:
        raise ValueError(f"'{tag}' is not one of the template's languages ({', '.join(languages)})")
    first = languages[0]
    rebased = copy.deepcopy(dict(data))
    if tag == first:
        return rebased
    table = rebased.get("translations")
    table = dict(table) if isinstance(table, dict) else {}
    raw_entries = table.pop(tag, None)
    entries: dict[str, Any] = raw_entries if isinstance(raw_entries, dict) else {}
    was_first: dict[str, str] = {}
    for key, text in template_texts(data).items():
        translation = entries.get(key)
        if isinstance(translation, str) and translation:
            was_first[key] = text.source
            _put(rebased, text.loc, translation)
    if raw_entries is not None:  # an empty table stays one, so that re-basing back gives it back
        table[first] = was_first
    rebased["translations"] = table
    where = languages.index(tag)
    languages[0], languages[where] = tag, first
    rebased["languages"] = languages
    return rebased


def _put(document: dict[str, Any], loc: Loc, value: str) -> None:
    target: Any = document
    for part in loc[:-1]:
        if isinstance(part, str) and part == "config" and target.get("config") is None:
            target["config"] = {}
        target = target[part]
    target[loc[-1]] = value


def translation_counts(data: Any) -> dict[str, tuple[int, int]]:
    """Per language after the first: (texts translated, texts in all), as the editor shows "de: 41 of 44"."""
    texts = template_texts(data)
    raw_table = data.get("translations") if isinstance(data, Mapping) else None
    table: dict[str, Any] = raw_table if isinstance(raw_table, dict) else {}
    out = {}
    for tag in template_languages(data)[1:]:
        raw_entries = table.get(tag)
        entries: dict[str, Any] = raw_entries if isinstance(raw_entries, dict) else {}
        out[tag] = (sum(1 for key in texts if entries.get(key)), len(texts))
    return out
