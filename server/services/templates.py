"""Template rules: TDL validation with every problem at once, PATCH merging, versions."""

from __future__ import annotations

import sqlite3
from typing import Any

import orjson

from server import tdl
from server.errors import BadRequest, TemplateNotFound, ValidationFailed, VersionConflict
from server.store import templates as template_store

SERVER_FIELDS = ("id", "v", "org_id", "created_at", "updated_at")
MERGED_KEY_BY_KEY = ("settings", "execution")


def checked_body(data: Any) -> dict:
    """Validate a TDL body and return its normalized form; raise 400/422 naming every problem."""
    if not isinstance(data, dict):
        raise BadRequest(
            "The body must be a JSON object.", details=[{"path": "", "message": "must be an object"}]
        )
    body = {k: v for k, v in data.items() if k not in SERVER_FIELDS}
    try:
        model = tdl.validate_template(body)
    except tdl.TdlError as exc:
        error = BadRequest if exc.missing else ValidationFailed
        raise error("The template is not valid TDL.", details=exc.details) from None
    return tdl.normalize_template(model)


def merge_patch(current: dict, patch: Any) -> dict:
    """SPEC §3: top-level fields replace, `settings` and `execution` merge key by key, `sections` replaces."""
    if not isinstance(patch, dict):
        raise BadRequest(
            "The body must be a JSON object.", details=[{"path": "", "message": "must be an object"}]
        )
    merged = {k: v for k, v in current.items() if k not in SERVER_FIELDS}
    for key, value in patch.items():
        if key in SERVER_FIELDS:
            continue
        if key in MERGED_KEY_BY_KEY and isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def create(conn: sqlite3.Connection, org_id: str, body: dict) -> dict:
    return template_store.insert_template(conn, org_id, body)


def get(conn: sqlite3.Connection, org_id: str, template_id: str, v: int | None = None) -> dict:
    doc = template_store.get_template(conn, org_id, template_id, v)
    if doc is None:
        raise TemplateNotFound()
    return doc


def resolved(doc: dict, lang: str, accept_language: str | None) -> tuple[dict, str]:
    """`doc` in the language `lang` names (else Accept-Language's best match, else its first): SPEC §15."""
    language = tdl.negotiate_language(doc, f"{lang}, {accept_language}" if accept_language else lang)
    return tdl.resolve_template(doc, language), language


def patch(
    conn: sqlite3.Connection, org_id: str, template_id: str, changes: Any, expected_v: int | None
) -> dict:
    """Merge `changes` into the current version and store the result as v + 1 (unchanged when equal).

    Runs as one write job, so two PATCHes never merge into the same base and lose one another's edits.
    """
    current = get(conn, org_id, template_id)
    if expected_v is not None and expected_v != current["v"]:
        raise VersionConflict(
            f"The template is at version {current['v']}; you edited version {expected_v}.",
            details=[{"path": "v", "message": f"current version is {current['v']}"}],
        )
    body = checked_body(merge_patch(current, changes))
    if body == {k: v for k, v in current.items() if k not in SERVER_FIELDS}:
        return current
    return template_store.update_template(conn, org_id, template_id, current["v"] + 1, body)


def delete(conn: sqlite3.Connection, org_id: str, template_id: str) -> None:
    if not template_store.delete_template(conn, org_id, template_id):
        raise TemplateNotFound()


def snapshot_json(snapshot: dict) -> bytes:
    """A stored snapshot as the JSON its model is parsed from (keys sorted: the same snapshot, the same model)."""
    return orjson.dumps(snapshot, option=orjson.OPT_SORT_KEYS)


def model_of_json(text: bytes) -> tdl.Template:
    """The TDL model of a stored (already valid) snapshot, given as `snapshot_json` makes it (the model shares
    nothing with the caller's dict). `runs.version_model` keeps them, weighed by `len(text)`."""
    return tdl.validate_template(
        {k: v for k, v in orjson.loads(text).items() if k not in SERVER_FIELDS}, stored=True
    )
