"""Webhook delivery log shapes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from server.api.schemas.common import Pagination
from server.api.schemas.runs import EventName


class AttemptOut(BaseModel):
    attempted_at: str
    status_code: int | None = Field(description="The receiver's HTTP status; null when it did not answer.")
    duration_ms: int
    error: str | None = Field(description="Why the attempt failed (non-2xx, timeout, refused address, …).")


class DeliveryOut(BaseModel):
    id: str = Field(examples=["whd_5b0c3c1e-4f0e-4c55-9a43-2b1f0e9d7a10"])
    event_id: str = Field(
        description="The event's id, also the body's `id` and the `Rundun-Event-Id` header."
    )
    event: EventName
    url: str
    status: Literal["pending", "delivered", "failed"]
    attempts: int = Field(description="Attempts made, over every redelivery.")
    last_status_code: int | None
    last_error: str | None
    next_retry_at: str | None = Field(description="When the next attempt is due, while pending.")
    created_at: str
    updated_at: str
    attempts_log: list[AttemptOut]


class DeliveryList(BaseModel):
    data: list[DeliveryOut]
    pagination: Pagination
