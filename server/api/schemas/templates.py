"""Template shapes for the OpenAPI document; the TDL itself comes from the domain package."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from server import tdl
from server.api.schemas.common import Pagination

TEMPLATE_IN_REF = {"$ref": "#/components/schemas/Template"}


class TemplateOut(tdl.Template):
    """A stored template: the TDL with every default filled in, plus what the API assigns."""

    id: str
    v: int
    org_id: str
    created_at: str
    updated_at: str


class TemplateSummary(BaseModel):
    id: str
    v: int
    name: str
    description: str | None
    tags: list[str]
    created_at: str
    updated_at: str


class TemplateList(BaseModel):
    data: list[TemplateSummary]
    pagination: Pagination


class Version(BaseModel):
    v: int
    created_at: str


class VersionList(BaseModel):
    data: list[Version]
    pagination: Pagination


class GeneratePrompt(BaseModel):
    """What the generate endpoint parses; the length rule is checked after, to answer 400 as documented.
    Unknown fields are refused (422), as every other body's are."""

    model_config = ConfigDict(extra="forbid")
    prompt: str


class GenerateIn(BaseModel):
    """The documented body of `POST /v1/templates/generate`."""

    model_config = ConfigDict(extra="forbid")
    prompt: str = Field(min_length=1, max_length=4000, description="What the checklist should cover.")
