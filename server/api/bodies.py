"""Reading JSON bodies by hand on hot endpoints, with the same 400/422 rules as FastAPI-parsed ones."""

from __future__ import annotations

from typing import TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from server.errors import UnsupportedMediaType

M = TypeVar("M", bound=BaseModel)


def _is_json(content_type: str | None) -> bool:
    if not content_type:
        return True  # lenient: curl -d without -H still sends JSON text
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


async def parse_body(request: Request, model: type[M]) -> M:
    """The body as `model`, or the error FastAPI's own parsing would give (see api/errors.py)."""
    if not _is_json(request.headers.get("content-type")):
        raise UnsupportedMediaType("Send the body as JSON with 'Content-Type: application/json'.")
    raw = await request.body()
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**err, "loc": ("body", *err["loc"])} for err in exc.errors(include_url=False)]
        ) from None
