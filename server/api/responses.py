"""Fast JSON responses (orjson) and the error body every failure uses."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import JSONResponse

from server.api.schemas.common import ErrorOut
from server.errors import RundunError


class JSON(JSONResponse):
    """orjson-rendered JSON (a JSONResponse subclass, so FastAPI documents it as JSON)."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def error_response(error: RundunError) -> JSON:
    return JSON(error.body(), status_code=error.status, headers=error.headers)


# FastAPI's `responses=` shape. Declared once and used for every constant that routers unpack into it, so
# `{**AUTH, 404: error_schema(...)}` type-checks (a dict inferred as `dict[int, dict]` would not: dict keys
# are invariant).
Responses = dict[int | str, dict[str, Any]]


def language_headers(language: str) -> dict[str, str]:
    """The headers of a response resolved to one of a template's languages: which one (`Content-Language`),
    and that it depends on `Accept-Language` (`Vary`), so that a cache never serves one language for another."""
    return {"Content-Language": language, "Vary": "Accept-Language"}


def error_schema(description: str) -> dict[str, Any]:
    """An OpenAPI `responses` entry for an error status."""
    return {"description": description, "model": ErrorOut}


def json_error_schema(description: str) -> dict[str, Any]:
    """The same error entry for a route whose success is not JSON (a CSV stream): FastAPI files a `model`
    under the route's own media type, but errors are always JSON, so the content is named outright (the
    `ErrorOut` schema is in the components: every other route uses it)."""
    schema = {"$ref": "#/components/schemas/ErrorOut"}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


AUTH: Responses = {401: error_schema("Missing or invalid API key")}
KEY_IN_USE: Responses = {
    409: {
        **error_schema("Idempotency-Key in use: the first request with it is still running"),
        "headers": {
            "Retry-After": {"description": "Seconds to wait before retrying", "schema": {"type": "integer"}}
        },
    }
}
INVALID: Responses = {
    400: error_schema("Malformed JSON or a missing field"),
    422: error_schema("Validation error"),
}
