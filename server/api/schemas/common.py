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


def pagination(total: int, page: int, per_page: int) -> dict:
    return {
        "total": total,
        "page": page,
        "per_page": per_page,
        "next_page": page + 1 if page * per_page < total else None,
    }
