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


def error_schema(description: str) -> dict:
    """An OpenAPI `responses` entry for an error status."""
    return {"description": description, "model": ErrorOut}
