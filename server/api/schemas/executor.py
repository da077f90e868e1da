"""Executor protocol shapes: open, answers, sync, photos, complete, exit, the resume state.

Answer values are typed `Any`: the TDL domain checks them against the step and reports every problem with
its path. In `/sync` every field but `op_id` is loose, so that one bad op is rejected alone.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from server.api.schemas.org import EMAIL_PATTERN
from server.api.schemas.runs import TAKEN_AT, AnswerOut, PhotoOut, Progress, Status

AT_DOC = "When the executor gave the answer: ISO 8601 (e.g. 2026-05-22T08:31:00Z); the latest `at` wins."
VALUE_DOC = (
    "The answer; its shape depends on the step type (null clears it; photo and signature steps take null)."
)
GEO_DOC = "`{lat, lng, accuracy_m}` or null."


class OpenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(
        None, min_length=1, max_length=200, description="Needed when identity is `external`."
    )
    email: str | None = Field(
        None,
        min_length=3,
        max_length=320,
        pattern=EMAIL_PATTERN,
        description="Needed when identity is `external`.",
    )
    language: str | None = Field(
        None,
        max_length=35,
        description="The language to run in, one of the template's; else Accept-Language's best match, else "
        "the run's.",
    )


class StatePhoto(BaseModel):
    step_id: str
    photo_index: int
    sha256: str
    bytes: int
    taken_at: str | None = Field(None, description=TAKEN_AT)


class StateUpload(BaseModel):
    url: str = Field(description="The tus upload URL (relative to the server).")
    step_id: str
    photo_index: int
    offset: int
    length: int


class StateOut(BaseModel):
    run_id: str
    status: Status
    expires_at: str | None
    template_v: int
    assigned_to: str | None
    executor_identity: dict[str, Any] | None
    answers: dict[str, AnswerOut]
    progress: Progress
    photos: list[StatePhoto]
    signature: PhotoOut | None
    uploads: list[StateUpload] = Field(description="Unfinished tus uploads, to resume.")


class OpenOut(StateOut):
    executor_token: str = Field(
        description="`rde_…`: send it as `Authorization: Bearer` on every later call."
    )
    template: dict[str, Any] = Field(
        description="The run's template snapshot resolved to `language` (no `translations`; SPEC §15)."
    )
    language: str = Field(description="The language `template` is in.")
    languages: list[str] = Field(description="Every language of the template, to offer a switch.")


class AnswerIn(BaseModel):
    # `value` may be left out only when skipping (the server answers 400 otherwise): said in the schema too.
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "anyOf": [
                {"required": ["value"]},
                {"required": ["skipped"], "properties": {"skipped": {"const": True}}},
            ]
        },
    )
    value: Any = Field(None, description=VALUE_DOC + " Required unless `skipped` is true.")
    geo: Any = Field(None, description=GEO_DOC)
    at: str = Field(max_length=64, description=AT_DOC)
    skipped: StrictBool = Field(
        False, description="True to skip the step (only where the template allows skipping)."
    )


class AnswerPutOut(BaseModel):
    answer: AnswerOut
    progress: Progress


class SyncOp(BaseModel):
    model_config = ConfigDict(extra="forbid")
    op_id: str = Field(
        min_length=1, max_length=100, description="The client's id of this op; a replay is a no-op."
    )
    # Typed loosely on purpose: each op is checked on its own (see the module docstring).
    step_id: Any = Field(None, description="The step answered (a string).")
    value: Any = Field(None, description=VALUE_DOC)
    geo: Any = Field(None, description=GEO_DOC)
    at: Any = Field(None, description=AT_DOC)
    skipped: Any = Field(False, description="True to skip the step (a boolean).")


class SyncIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ops: list[SyncOp] = Field(max_length=500, description="At most 500 answers, applied in order.")


class OpResult(BaseModel):
    op_id: str
    status: Literal["applied", "stale", "duplicate", "rejected"]
    error: str | None = None
    message: str | None = None
    details: list[dict[str, str]] | None = None
    answer: AnswerOut | None = Field(None, description="The answer stored for the op's step after this op.")


class SyncOut(BaseModel):
    results: list[OpResult]
    progress: Progress
    status: Status


class CompleteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    at: str = Field(max_length=64, description="When the executor completed the run (ISO 8601).")


class ExitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str | None = Field(
        None, max_length=1000, description="Why the executor gives up, in their words."
    )


class ExitOut(BaseModel):
    run_id: str
    status: Status
    cancel_reason: str
