"""One error hierarchy: every failure the API reports is a `RundunError` with a machine code."""

from __future__ import annotations


class RundunError(Exception):
    status = 400
    code = "bad_request"
    default_message = "The request is not valid."

    def __init__(
        self, message: str | None = None, details: list[dict] | None = None, headers: dict | None = None
    ):
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
        self.details = details
        self.headers = headers or {}

    def body(self) -> dict:
        out: dict = {"error": self.code, "message": self.message}
        if self.details is not None:
            out["details"] = self.details
        return out


def _error(name: str, status: int, code: str, message: str) -> type[RundunError]:
    return type(name, (RundunError,), {"status": status, "code": code, "default_message": message})


BadRequest = _error("BadRequest", 400, "bad_request", "The request is malformed or misses a required field.")
Unauthorized = _error("Unauthorized", 401, "unauthorized", "Missing or invalid credentials.")
QuotaExceeded = _error("QuotaExceeded", 402, "quota_exceeded", "Your plan's runs for this month are used up.")
Forbidden = _error("Forbidden", 403, "forbidden", "This credential may not do that.")
NotFound = _error("NotFound", 404, "not_found", "No such resource exists in your organisation.")
TemplateNotFound = _error(
    "TemplateNotFound", 404, "template_not_found", "No template with that ID exists in your organisation."
)
RunNotFound = _error("RunNotFound", 404, "run_not_found", "No run with that ID exists in your organisation.")
MethodNotAllowed = _error("MethodNotAllowed", 405, "method_not_allowed", "That method is not allowed here.")
Conflict = _error("Conflict", 409, "conflict", "The request conflicts with the current state.")
RunClosed = _error("RunClosed", 409, "run_closed", "The run is already finished.")
RunAlreadyOpened = _error(
    "RunAlreadyOpened", 409, "run_already_opened", "Someone else has already opened this run."
)
VersionConflict = _error(
    "VersionConflict", 409, "version_conflict", "The template has changed since you loaded it."
)
IdempotencyKeyInUse = _error(
    "IdempotencyKeyInUse",
    409,
    "idempotency_key_in_use",
    "A request with this Idempotency-Key is still running.",
)
RunExpired = _error("RunExpired", 410, "run_expired", "This run has expired.")
PayloadTooLarge = _error("PayloadTooLarge", 413, "payload_too_large", "The request body is too large.")
UnsupportedMediaType = _error(
    "UnsupportedMediaType", 415, "unsupported_media_type", "That content type is not accepted here."
)
ValidationFailed = _error("ValidationFailed", 422, "validation_error", "The request body failed validation.")
IdempotencyKeyReused = _error(
    "IdempotencyKeyReused",
    422,
    "idempotency_key_reused",
    "This Idempotency-Key was already used with a different request body.",
)
RunIncomplete = _error("RunIncomplete", 422, "run_incomplete", "The run still has steps to complete.")
SkipNotAllowed = _error(
    "SkipNotAllowed", 422, "skip_not_allowed", "This template does not allow skipping steps."
)
RateLimited = _error("RateLimited", 429, "rate_limited", "Too many requests. Retry after the delay given.")
InternalError = _error("InternalError", 500, "internal_error", "Something went wrong on our side.")


class StorageFull(RundunError):
    """507: the disk that holds the data directory has no room for this write; nothing was stored. Sent
    with a `Retry-After`: the write succeeds once an operator frees space, with no restart."""

    status = 507
    code = "storage_full"
    default_message = "The server's disk is full; nothing was stored. Free space on the server, then retry."
