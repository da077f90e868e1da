"""Shapes shared by every resource: errors and pagination."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    path: str
    message: str


class ErrorOut(BaseModel):
    error: str = Field(examples=["run_not_found"])
    message: str
    details: list[ErrorDetail] | None = None


class Pagination(BaseModel):
    total: int
    page: int
    per_page: int
    next_page: int | None


def page_of(items: list, page: int, per_page: int) -> dict:
    """A collection small enough to read whole (an organisation's keys or members, a run's deliveries) as one
    page of it, shaped as every collection is (SPEC §1): its clients page through it as through runs."""
    start = (page - 1) * per_page
    return {"data": items[start : start + per_page], "pagination": pagination(len(items), page, per_page)}


def pagination(total: int, page: int, per_page: int) -> dict:
    return {
        "total": total,
        "page": page,
        "per_page": per_page,
        "next_page": page + 1 if page * per_page < total else None,
    }
