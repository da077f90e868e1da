"""One error hierarchy: every failure the API reports is a `RundunError` with a machine code.

Each error is a real class statement (an IDE and mypy see it); a new one follows the same three lines."""

from __future__ import annotations


class RundunError(Exception):
    """The base of every error the API reports: an HTTP `status`, a machine `code`, words for a person and,
    for validation, `details` naming each problem's path. Subclasses only set the three class attributes."""

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


class BadRequest(RundunError):
    """Malformed JSON, a missing field or a header that cannot be read."""

    status = 400
    code = "bad_request"
    default_message = "The request is malformed or misses a required field."


class Unauthorized(RundunError):
    """No credential, or one that is malformed, unknown or revoked."""

    status = 401
    code = "unauthorized"
    default_message = "Missing or invalid credentials."


class QuotaExceeded(RundunError):
    """A dispatch beyond the plan's runs this month, with no run credit left."""

    status = 402
    code = "quota_exceeded"
    default_message = "Your plan's runs for this month are used up."


class Forbidden(RundunError):
    """A credential that may not do this, or a media URL unsigned, tampered with or expired."""

    status = 403
    code = "forbidden"
    default_message = "This credential may not do that."


class NotFound(RundunError):
    """Nothing of that kind and id in the caller's organisation (or behind the URL)."""

    status = 404
    code = "not_found"
    default_message = "No such resource exists in your organisation."


class TemplateNotFound(RundunError):
    """No template with that id in the organisation (a deleted one is not found either)."""

    status = 404
    code = "template_not_found"
    default_message = "No template with that ID exists in your organisation."


class RunNotFound(RundunError):
    """No run with that id (in the organisation, for an API key)."""

    status = 404
    code = "run_not_found"
    default_message = "No run with that ID exists in your organisation."


class MethodNotAllowed(RundunError):
    """A path that exists, called with a method it does not take."""

    status = 405
    code = "method_not_allowed"
    default_message = "That method is not allowed here."


class Conflict(RundunError):
    """A change the current state does not allow."""

    status = 409
    code = "conflict"
    default_message = "The request conflicts with the current state."


class RunClosed(RundunError):
    """A change to a run that is completed or cancelled."""

    status = 409
    code = "run_closed"
    default_message = "The run is already finished."


class RunAlreadyOpened(RundunError):
    """Opening a run that another executor has opened already."""

    status = 409
    code = "run_already_opened"
    default_message = "Someone else has already opened this run."


class VersionConflict(RundunError):
    """An `If-Match` naming a template version that is no longer current."""

    status = 409
    code = "version_conflict"
    default_message = "The template has changed since you loaded it."


class IdempotencyKeyInUse(RundunError):
    """A retry whose first request with the same Idempotency-Key is still running."""

    status = 409
    code = "idempotency_key_in_use"
    default_message = "A request with this Idempotency-Key is still running."


class RunExpired(RundunError):
    """A run past its expiry (and the offline grace, once opened)."""

    status = 410
    code = "run_expired"
    default_message = "This run has expired."


class PayloadTooLarge(RundunError):
    """A body over the configured JSON or photo limit."""

    status = 413
    code = "payload_too_large"
    default_message = "The request body is too large."


class UnsupportedMediaType(RundunError):
    """A photo that is not an accepted image (`server.tdl.sniff_image`), or a signature not a PNG."""

    status = 415
    code = "unsupported_media_type"
    default_message = "That content type is not accepted here."


class ValidationFailed(RundunError):
    """A body or parameter that parses but breaks a rule; `details` name each problem's path."""

    status = 422
    code = "validation_error"
    default_message = "The request body failed validation."


class IdempotencyKeyReused(RundunError):
    """An Idempotency-Key used before with a different body."""

    status = 422
    code = "idempotency_key_reused"
    default_message = "This Idempotency-Key was already used with a different request body."


class RunIncomplete(RundunError):
    """Completing a run whose required steps are not all answered."""

    status = 422
    code = "run_incomplete"
    default_message = "The run still has steps to complete."


class SkipNotAllowed(RundunError):
    """Skipping a step in a template whose settings do not allow it."""

    status = 422
    code = "skip_not_allowed"
    default_message = "This template does not allow skipping steps."


class RateLimited(RundunError):
    """More requests than the rate limit allows; `Retry-After` says when to try again."""

    status = 429
    code = "rate_limited"
    default_message = "Too many requests. Retry after the delay given."


class InternalError(RundunError):
    """A bug: the handler logs the traceback and answers this instead."""

    status = 500
    code = "internal_error"
    default_message = "Something went wrong on our side."


class StorageFull(RundunError):
    """507: the disk that holds the data directory has no room for this write; nothing was stored. Sent
    with a `Retry-After`: the write succeeds once an operator frees space, with no restart."""

    status = 507
    code = "storage_full"
    default_message = "The server's disk is full; nothing was stored. Free space on the server, then retry."


class ServiceUnavailable(RundunError):
    """503: the server cannot reach its database (PostgreSQL restarting, failing over, cut off). Sent with a
    `Retry-After`. Not "nothing was done": a write whose link broke during its COMMIT may have been kept."""

    status = 503
    code = "service_unavailable"
    default_message = (
        "The server cannot reach its database right now. Retry after the delay given; "
        "a write interrupted this way may or may not have been kept."
    )
