"""Organisation, plan, API key and member shapes."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from server.api.schemas.common import Pagination


class Usage(BaseModel):
    runs_included: int | None
    runs_used_this_month: int
    run_credits: int
    period_start: str
    period_end: str


class OrgSettings(BaseModel):
    default_expires_in_hours: float


class OrgOut(BaseModel):
    id: str
    name: str
    plan: str
    usage: Usage
    settings: OrgSettings


# PATCH fields may be left out but not sent as null (an org always has a name and a default expiry), and a
# number must be a JSON number: pydantic's lax mode would read `true` as 1 (found by schemathesis).
class OrgSettingsPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    default_expires_in_hours: float = Field(None, gt=0, le=8760, strict=True)  # type: ignore[assignment]


class OrgPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(None, min_length=1, max_length=200)  # type: ignore[assignment]
    settings: OrgSettingsPatch = None  # type: ignore[assignment]


class Plan(BaseModel):
    id: str
    name: str
    runs_included: int | None


class PlanList(BaseModel):
    data: list[Plan]
    pagination: Pagination


class ApiKeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100)


class ApiKeyOut(BaseModel):
    id: str
    name: str
    prefix: str
    created_at: str
    last_used_at: str | None
    revoked_at: str | None


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(description="The plaintext key, shown once.")


class ApiKeyList(BaseModel):
    data: list[ApiKeyOut]
    pagination: Pagination


# Explicit whitespace rather than \s: Python and ECMAScript (the JSON Schema dialect) disagree on \s.
EMAIL_PATTERN = r"^[^@ \t\r\n]+@[^@ \t\r\n]+\.[^@ \t\r\n]+$"


class MemberIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    email: str = Field(min_length=3, max_length=320, pattern=EMAIL_PATTERN)


class MemberOut(BaseModel):
    user_id: str
    name: str
    email: str
    created_at: str


class MemberCreated(MemberOut):
    sign_in_token: str = Field(description="`rdm_…`, shown once.")


class MemberList(BaseModel):
    data: list[MemberOut]
    pagination: Pagination
