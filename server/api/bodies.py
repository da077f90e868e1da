"""Reading JSON bodies: by hand on hot endpoints with the same 400/422 rules as FastAPI-parsed ones, and the
checks every JSON body gets, wherever it is parsed: its values must be ones every store can keep.

- JSON may escape a lone UTF-16 surrogate (`"\\ud800"`); Python's parser turns it into a `str` that no UTF-8
  encoder accepts, so it would fail later in orjson or SQLite as a 500 (and a dropped connection).
- U+0000 (`"\\u0000"`): PostgreSQL's text cannot hold it, SQLite's can, so the same body was 422 on one and
  stored on the other (SPEC §9: the same API on both).
- An integer outside 64 bits (`10**30`): Python reads it, orjson (every stored document) cannot write it,
  so a template's `min`, a condition's value or a `geo.accuracy_m` failed as a 500.

Such a body is refused up front with 422 naming each path. The raw bytes are scanned first, so a body
without a surrogate escape, a NUL escape or a run of 19 digits (every honest one) costs three regex
searches and no second parse.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

from server.errors import UnsupportedMediaType

M = TypeVar("M", bound=BaseModel)
# `\uD800`–`\uDFFF` escaped in any case, or sent as (invalid) UTF-8 bytes, which Python's JSON parser
# decodes with `surrogatepass`: the two ways a surrogate gets into a parsed body.
SURROGATE = re.compile(rb"\\u[dD][89abcdefABCDEF][0-9a-fA-F]{2}|\xed[\xa0-\xbf]")
NOT_UTF8 = "holds a lone UTF-16 surrogate, which is not text UTF-8 can carry"
NUL_ESCAPE = re.compile(rb"\\u0000")  # a raw NUL byte is not JSON: the parser refuses it (400)
HOLDS_NUL = "holds the character U+0000 (NUL), which text may not"
LONG_DIGITS = re.compile(rb"\d{19}")  # the shortest integer outside 64 bits has 19 digits
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
NOT_INT64 = f"must be an integer from {INT64_MIN} to {INT64_MAX}"
NOT_JSON_NUMBERS = re.compile(rb"NaN|Infinity")  # what Python's and pydantic's parsers take and JSON has not
MAX_REPORTED = 20


def _is_json(content_type: str | None) -> bool:
    if not content_type:
        return True  # lenient: no Content-Type at all is read as JSON
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(key: str) -> str:
    """A key as it can appear in an error path (the error body must itself be UTF-8)."""
    return key.encode("utf-8", "backslashreplace").decode("utf-8")


def _text_problem(text: str) -> str | None:
    if "\x00" in text:
        return HOLDS_NUL
    return None if _encodable(text) else NOT_UTF8


def unstorable_paths(document: Any) -> list[tuple[tuple, str]]:
    """(loc tuple, why) of every string or object key in `document` that UTF-8 cannot encode or that holds
    U+0000, and of every integer outside 64 bits. Iterative: a 10,000-deep document must not exhaust the
    stack."""
    found: list[tuple[tuple, str]] = []
    stack: list[tuple[tuple, Any]] = [((), document)]
    while stack and len(found) < MAX_REPORTED:
        loc, value = stack.pop()
        if isinstance(value, str):
            if problem := _text_problem(value):
                found.append((loc, problem))
        elif isinstance(value, int) and not isinstance(value, bool):
            if not INT64_MIN <= value <= INT64_MAX:
                found.append((loc, NOT_INT64))
        elif isinstance(value, dict):
            for key, item in value.items():
                if problem := _text_problem(key):
                    found.append(((*loc, _shown(key)), problem))
                stack.append(((*loc, _shown(key)), item))
        elif isinstance(value, list):
            stack.extend(((*loc, i), item) for i, item in enumerate(value))
    return sorted(found, key=lambda found: [str(part) for part in found[0]])


def malformed(reason: str) -> RequestValidationError:
    """The 400 `bad_request` FastAPI gives a body that is not JSON, saying why."""
    return RequestValidationError(
        [{"type": "json_invalid", "loc": ("body",), "msg": reason, "ctx": {"error": reason}}]
    )


def _refuse_constant(token: str) -> None:
    raise ValueError(f"{token} is not a JSON number")


def check_json_numbers(raw: bytes) -> None:
    """400 for NaN, Infinity or -Infinity as a value: no JSON (RFC 8259), though Python's parser and pydantic's
    read them as floats, so `"expires_in_hours": NaN` reached the checks as a number. Only a body holding one
    of those words is parsed again (inside a string they are text, and pass)."""
    if not NOT_JSON_NUMBERS.search(raw):
        return
    try:
        json.loads(raw, parse_constant=_refuse_constant)
    except RecursionError:
        return  # the parse that follows reports it
    except ValueError as exc:
        if "is not a JSON number" in str(exc):
            raise malformed(str(exc)) from None


def check_text(raw: bytes) -> None:
    """The checks every JSON body gets before it is parsed: 400 for a number JSON has not
    (`check_json_numbers`), 422 `validation_error` naming every string that UTF-8 cannot carry or that holds
    U+0000, and every integer outside 64 bits. A body that does not parse is left alone: the parser that
    follows reports it as 400."""
    check_json_numbers(raw)
    if not (SURROGATE.search(raw) or NUL_ESCAPE.search(raw) or LONG_DIGITS.search(raw)):
        return
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError):
        return
    found = unstorable_paths(document)
    if found:
        raise RequestValidationError(
            [{"type": "value_not_storable", "loc": ("body", *loc), "msg": why} for loc, why in found]
        )


async def parse_body(request: Request, model: type[M]) -> M:
    """The body as `model`, or the error FastAPI's own parsing would give (see api/errors.py)."""
    if not _is_json(request.headers.get("content-type")):
        raise UnsupportedMediaType("Send the body as JSON with 'Content-Type: application/json'.")
    raw = await request.body()
    check_text(raw)
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**err, "loc": ("body", *err["loc"])} for err in exc.errors(include_url=False)]
        ) from None


class TextCheckedRoute(APIRoute):
    """A FastAPI route whose JSON body passes `check_text` before FastAPI parses it. Every router of the API
    uses it (`route_class=TextCheckedRoute`), so no endpoint can forget the check.

    A body without any Content-Type is read as JSON (`_is_json`), here as by `parse_body`: FastAPI's strict
    default left it unparsed, 400 "Input should be a valid dictionary" where POST /v1/runs took it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "strict_content_type": False})

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        if self.body_field is None:
            return handler  # no JSON body (raw photos and tus PATCHes stream their own)

        async def checked(request: Request) -> Response:
            raw = await request.body()
            if raw and not _is_json(request.headers.get("content-type")):
                # As the hand-parsed bodies (`parse_body`) say it: FastAPI left such a body unparsed and
                # answered 400 "Input should be a valid dictionary" for JSON sent as text/plain.
                raise UnsupportedMediaType("Send the body as JSON with 'Content-Type: application/json'.")
            check_text(raw)
            try:
                return await handler(request)
            except HTTPException as exc:
                # FastAPI's answer to a body its parser gave up on: "There was an error parsing the body",
                # without the `details` every 400 carries (SPEC §1). Said as what it is.
                reason = _unreadable(exc)
                if reason is None:
                    raise
                raise malformed(reason) from None

        return checked


def _unreadable(exc: HTTPException) -> str | None:
    """Why FastAPI could not parse a JSON body, when that is what `exc` says; None for any other HTTPException."""
    if exc.status_code != 400 or not isinstance(exc.__cause__, RecursionError | ValueError):
        return None
    if isinstance(exc.__cause__, RecursionError):
        return "nests arrays or objects deeper than this server reads"
    if "digits" in str(
        exc.__cause__
    ):  # ValueError: Exceeds the limit (4300 digits) for integer string conversion
        return "holds a number with more digits than this server reads (4,300)"
    return str(exc.__cause__) or "cannot be read"
