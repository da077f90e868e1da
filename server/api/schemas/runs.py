"""Run shapes: the dispatch request and the documents the API returns."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from server.api.schemas.common import Pagination
from server.services.ssrf import url_shape_problem
from server.tdl.status import RunStatus

TAKEN_AT = (
    "When the device took the photo (UTC), as its tus upload's `Upload-Metadata: taken_at` said; null when "
    "not sent (a PUT, an older client). The photo reached the server at the answer's or its own attach time."
)

EventName = Literal["run.opened", "step.completed", "run.completed", "run.cancelled", "run.expired"]
Status = RunStatus  # the domain's one spelling of a run status (server.tdl.status)


class WebhookIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(min_length=1, max_length=2048, description="Absolute http(s) URL of your endpoint.")
    # An empty secret signed nothing (no secret, no signature) and an empty list delivered nothing: both
    # accepted silently, both most likely a mistake, so refused (422). Leave either out for none / all.
    secret: str | None = Field(
        None,
        min_length=1,
        max_length=255,
        description="HMAC secret for Rundun-Signature; leave it out for unsigned deliveries (not empty).",
    )
    events: list[EventName] | None = Field(
        None, min_length=1, description="Which events to receive (at least one); all when omitted."
    )

    @field_validator("url")
    @classmethod
    def absolute_http(cls, url: str) -> str:
        """Checked with the body's other fields, so that a 422 names every problem at once (SPEC §1); where
        the URL may point (not a private address) is the service's, which knows the server's settings."""
        problem = url_shape_problem(url)
        if problem:
            raise ValueError(problem)
        return url


class DispatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    template_id: str = Field(max_length=100, description="ID of the template to run (t-{uuid}).")
    webhook: WebhookIn | None = None
    expires_in_hours: float | None = Field(
        None,
        gt=0,
        le=8760,
        strict=True,  # a JSON number: lax mode would read `true` as 1 hour
        description="Hours until the link expires; omitted → the org default; null → never.",
    )
    executor_ref: str | None = Field(None, max_length=255, description="Your own correlation reference.")
    language: str | None = Field(
        None, max_length=35, description="One of the template's `languages` (SPEC §15); omitted → its first."
    )


class DispatchOut(BaseModel):
    run_id: str
    link: str
    expires_at: str | None
    assigned_to: str | None


class Progress(BaseModel):
    total: int
    answered: int
    skipped: int


class PhotoOut(BaseModel):
    photo_index: int
    url: str
    sha256: str
    bytes: int
    taken_at: str | None = Field(None, description=TAKEN_AT)


class AnswerOut(BaseModel):
    value: Any
    photos: list[PhotoOut]
    geo: dict[str, Any] | None
    at: str
    by: str | None
    skipped: bool
    flagged: bool = Field(description="The answer is a finding (its step's `flag`; SPEC §14).")


class DeviceOut(BaseModel):
    """The latest `Rundun-Device` header an executor sent for the run (SPEC §10)."""

    last_contact_at: str = Field(description="When the server last heard from the device about this run.")
    pending_ops: int | None = Field(description="Changes still waiting on the device to be sent.")
    pending_bytes: int | None = Field(description="Bytes of those changes (photos mostly).")
    failed_ops: int | None = Field(description="Changes the server refused, kept on the device.")
    app: str | None = Field(description="The executor app as `name/version`.")


class RunSummary(BaseModel):
    run_id: str
    status: Status
    template_id: str
    template_v: int
    template_name: str
    executor_ref: str | None
    created_at: str
    updated_at: str
    opened_at: str | None
    completed_at: str | None
    expires_at: str | None
    assigned_to: str | None
    executor_identity: dict[str, Any] | None
    cancel_reason: str | None
    progress: Progress
    flagged: int = Field(description="How many visible steps hold an answer that is a finding.")
    language: str = Field(description="The language the run was dispatched in (one of the template's).")
    device: DeviceOut | None = Field(
        None, description="What the executor's device still holds; null for a run never heard from with it."
    )


class RunOut(RunSummary):
    answers: dict[str, AnswerOut]
    signature: PhotoOut | None
    template: dict[str, Any] | None = Field(None, description="The snapshot, with ?include=template.")


class RunPagination(Pagination):
    total: int | None = Field(  # type: ignore[assignment]
        description="Runs matching the filters; null only with include_total=false."
    )
    next_page: int | None = Field(description="The next page number; null on the last page and with `after`.")
    next_cursor: str | None = Field(
        description="Pass as `after` for the rows after this page (keyset paging); null on the last page."
    )


class RunList(BaseModel):
    data: list[RunSummary]
    pagination: RunPagination


class PreviewOut(BaseModel):
    run_id: str
    status: Status
    template_name: str
    step_count: int
    created_by_name: str
    expires_at: str | None
    language: str = Field(
        description="The language of `template_name`: Accept-Language's best match, else the run's."
    )
    languages: list[str] = Field(description="The template's languages, first = its source language.")


class HistoryEntryOut(BaseModel):
    """One write the server received for a run (SPEC §10); never rewritten."""

    seq: int = Field(description="Its position in the run's history, from 1.")
    kind: Literal["answer", "photo_attached", "photo_removed", "signature", "complete", "exit"]
    step_id: str | None
    value: Any = Field(description="The answer's value as sent (answers only).")
    skipped: bool | None
    at: str | None = Field(description="The device's time of the answer or completion.")
    received_at: str = Field(description="The server's time when the write arrived.")
    op_id: str | None = Field(description="The /sync op id (answers sent through /sync).")
    source: Literal["put", "sync"] | None
    outcome: Literal["applied", "stale", "duplicate"] | None = Field(
        description="`stale`: an older `at` than the stored answer, so it changed nothing."
    )
    details: dict[str, Any] | None = Field(
        description="Photo and signature entries: `{photo_index, sha256?, bytes?}`; exit: `{reason}`."
    )


class HistoryPagination(Pagination):
    next_page: int | None = Field(description="The next page number; null on the last page and with `after`.")
    next_cursor: str | None = Field(description="Pass as `after` for the entries after this page.")


class HistoryList(BaseModel):
    data: list[HistoryEntryOut]
    pagination: HistoryPagination
