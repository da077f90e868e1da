"""Template library shapes for the OpenAPI document (SPEC §12)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from server.api.schemas.common import Pagination


class LibraryItem(BaseModel):
    slug: str = Field(examples=["forklift-pre-shift"])
    name: str = Field(examples=["Forklift pre-shift check"])
    description: str
    tags: list[str]
    step_count: int = Field(description="Steps in the template, conditional follow-ups included")
    start_step_count: int = Field(
        examples=[23],
        description="Steps a run of it counts before any answer: its progress total at the start",
    )
    conditional_step_count: int = Field(
        examples=[22], description="Steps to answer that show only on some answers (conditional follow-ups)"
    )
    languages: list[str] = Field(
        examples=[["en", "ar", "de", "es"]], description="English, then the languages it is translated into"
    )


class LibraryList(BaseModel):
    data: list[LibraryItem]
    pagination: Pagination
