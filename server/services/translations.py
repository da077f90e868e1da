"""Translator files for a template (SPEC §15): export one language as XLIFF 1.2 or CSV, import it back.

An import changes only the language it names: a non-empty target sets that text's translation, an empty
one removes it, a key the file leaves out keeps what it had. The result is one new template version,
validated as a whole like any PATCH (`templates.patch`): a text over its field's limit, or a key that names
nothing, is 422 and nothing is stored. Importing a language the template does not have yet adds it.
"""

from __future__ import annotations

import sqlite3

from server import tdl
from server.errors import ValidationFailed
from server.services import templates
from server.tdl import translation_files as files
from server.tdl.languages import LANGUAGE_TAG


def check_tag(template: dict, tag: str) -> None:
    """422 naming `tag` when it is no language tag, or is the template's first (source) language."""
    if not LANGUAGE_TAG.match(tag):
        problem = f"'{tag}' is not a BCP 47 language tag such as 'de' or 'pt-BR'"
    elif tag == tdl.template_languages(template)[0]:
        problem = f"'{tag}' is the template's first language: its texts are the source, not a translation"
    else:
        return
    raise ValidationFailed(
        "That language cannot be translated.", details=[{"path": "tag", "message": problem}]
    )


def export(conn: sqlite3.Connection, org_id: str, template_id: str, tag: str, file_format: str) -> bytes:
    """Every text of the current version with its `tag` translation, as a translator's file."""
    template = templates.get(conn, org_id, template_id)
    check_tag(template, tag)
    return files.export_file(template, tag, file_format, original=template_id)


def import_file(
    conn: sqlite3.Connection, org_id: str, template_id: str, tag: str, file_format: str, data: bytes
) -> dict:
    """Apply a translator's file for `tag` as a new version (see the module's docstring); the new document."""
    current = templates.get(conn, org_id, template_id)
    check_tag(current, tag)
    targets = _targets(data, file_format, tag)
    unknown = files.unknown_keys(current, targets)
    if unknown:
        raise ValidationFailed(
            "The file names texts this template does not have.",
            details=[
                {"path": f"translations.{tag}.{key}", "message": f"'{key}' names no text of this template"}
                for key in unknown
            ],
        )
    table = files.merged_translations(current, tag, targets)
    languages = tdl.template_languages(current)
    changes = {"translations": table, "languages": languages if tag in languages else [*languages, tag]}
    return templates.patch(conn, org_id, template_id, changes, None)


def _targets(data: bytes, file_format: str, tag: str) -> dict[str, str]:
    try:
        targets = files.read_file(data, file_format)
        stated = files.xliff_target_language(data) if file_format == "xliff" else tag
    except files.TranslationFileError as exc:
        # 422, not 400: the body arrived whole and is a string; it is its content that is not a translator's
        # file (as a TDL body that parses but breaks a rule is 422).
        raise ValidationFailed(
            f"The file cannot be read as {file_format.upper()}.",
            details=[{"path": "body", "message": str(exc)}],
        ) from None
    if stated not in (None, tag):
        raise ValidationFailed(
            "The file is for another language.",
            details=[
                {"path": "body.target-language", "message": f"is '{stated}'; this import is for '{tag}'"}
            ],
        )
    return targets
