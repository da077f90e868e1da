"""The TDL document: Template → sections → steps, with settings and execution options.

A `Template` instance is always a valid template: besides each field's own rules its validator runs
the cross-step checks of `semantics.py`. Each step's `config` is validated with the model of the
step's `type`, so config errors are reported at `…config.<field>`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    ModelWrapValidatorHandler,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
    ValidationInfo,
    WrapValidator,
    field_validator,
    model_validator,
)

from .conditions import Condition
from .configs import (
    CONFIG_MODELS,
    AnyConfig,
    PhotoConfig,
    SectionId,
    StepConfig,
    StepId,
    StepType,
    TdlModel,
    is_stored,
)
from .errors import (
    Problem,
    custom_error,
    dedupe,
    in_document_order,
    problems_error,
    problems_from_validation_error,
    raise_nested_rule,
)
from .flags import StepFlag
from .languages import DEFAULT_LANGUAGES, MAX_LANGUAGES
from .semantics import semantic_problems


class PhotoRequirement(TdlModel):
    """`photo: {min, max}` on a step: how many photos to take with its answer."""

    min: Annotated[StrictInt, Field(ge=0, le=20)]
    max: Annotated[StrictInt, Field(ge=1, le=20)]

    @model_validator(mode="after")
    def _min_not_above_max(self) -> PhotoRequirement:
        if self.min > self.max:
            raise_nested_rule(
                "PhotoRequirement", [Problem(("min",), f"must not be greater than max ({self.max})")]
            )
        return self


def _validate_photo(v: Any, _handler: Any) -> Literal[False] | PhotoRequirement:
    if v is False or isinstance(v, PhotoRequirement):
        return v
    if v is True:
        raise custom_error(
            'must be false or {"min": …, "max": …}; true is not allowed, '
            'write {"min": 1, "max": 1} to ask for one photo'
        )
    if isinstance(v, dict):
        return PhotoRequirement.model_validate(v)
    raise custom_error('must be false or an object {"min": …, "max": …}')


StepPhoto = Annotated[
    Literal[False] | PhotoRequirement,
    WrapValidator(_validate_photo),  # chooses the branch itself, so errors carry no union noise
]


def _config_may_be_null(schema: dict[str, Any]) -> None:
    """`config: null` is accepted (the type's defaults), so the published JSON schema says so."""
    options = schema.get("anyOf")
    if isinstance(options, list) and {"type": "null"} not in options:
        options.append({"type": "null"})


class Step(TdlModel):
    """One step. `config` may be omitted: it then takes the defaults of the step's type."""

    id: StepId
    type: StepType
    label: Annotated[StrictStr, Field(min_length=1, max_length=500)]
    hint: Annotated[StrictStr, Field(max_length=2000)] | None = None
    required: StrictBool = True
    photo: StepPhoto = False
    geo: StrictBool = False
    condition: Condition | None = None
    # Declared after `type` so that the config validator can see the validated type.
    config: AnyConfig = Field(default=None, validate_default=True, json_schema_extra=_config_may_be_null)
    flag: StepFlag = None  # which answers are a finding; fits the type: flags.flag_problems

    @field_validator("config", mode="wrap")
    @classmethod
    def _config_for_type(cls, v: Any, _handler: Any, info: ValidationInfo) -> Any:
        step_type = info.data.get("type")
        if step_type not in CONFIG_MODELS:
            return v  # the type itself is reported; its config cannot be judged
        model = CONFIG_MODELS[step_type]
        if isinstance(v, model):
            return v
        if isinstance(v, StepConfig):  # e.g. the editor changed the type: re-check the old settings
            v = v.model_dump()
        return model.model_validate({} if v is None else v, context=info.context)

    @property
    def answerable(self) -> bool:
        return self.type != "instruction"

    @property
    def photo_min(self) -> int:
        """Photos needed with an answer (step-level `photo`; a photo step's own minimum is in config)."""
        return self.photo.min if isinstance(self.photo, PhotoRequirement) else 0

    @property
    def photo_slots(self) -> int:
        """How many photos the step holds: 1 for a signature, a photo step's `max`, a step's photo
        requirement's `max`, else 0."""
        if self.type == "signature":
            return 1
        if isinstance(self.config, PhotoConfig):
            return self.config.max
        return self.photo.max if isinstance(self.photo, PhotoRequirement) else 0


class Section(TdlModel):
    id: SectionId
    title: Annotated[StrictStr, Field(min_length=1, max_length=200)]
    steps: Annotated[list[Step], Field(min_length=1, max_length=500)]


class Settings(TdlModel):
    allow_skip: StrictBool = False
    signature_on_complete: StrictBool = False
    est_minutes: Annotated[StrictInt, Field(ge=1, le=1440)] | None = None


class Execution(TdlModel):
    scope: Literal["any", "org"] = "any"
    identity_required: Literal["none", "external", "member"] = "none"


Tag = Annotated[StrictStr, Field(min_length=1, max_length=50)]
LanguageTag = Annotated[StrictStr, Field(min_length=1, max_length=35)]


class Template(TdlModel):
    """A template body as stored (without the server's id, v, org_id and timestamps)."""

    name: Annotated[StrictStr, Field(min_length=1, max_length=200)]
    description: Annotated[StrictStr, Field(max_length=2000)] | None = None
    tags: Annotated[list[Tag], Field(max_length=20)] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)
    sections: Annotated[list[Section], Field(min_length=1, max_length=100)]
    execution: Execution = Field(default_factory=Execution)
    # SPEC §15: the first language is that of the plain text fields; the others live in `translations`
    # (tag → key → text). Tags and keys are checked by languages.language_problems.
    languages: Annotated[list[LanguageTag], Field(min_length=1, max_length=MAX_LANGUAGES)] = Field(
        default_factory=lambda: list(DEFAULT_LANGUAGES)
    )
    translations: dict[LanguageTag, dict[Annotated[StrictStr, Field(max_length=200)], StrictStr]] = Field(
        default_factory=dict
    )

    @model_validator(mode="wrap")
    @classmethod
    def _every_problem(
        cls, data: Any, handler: ModelWrapValidatorHandler[Template], info: ValidationInfo
    ) -> Template:
        # The structural pass stops inside a broken part and never reaches model-level rules, so
        # the cross-field and cross-step rules run on the raw body, broken or not: one
        # ValidationError then names every problem, in document order.
        if is_stored(info):
            return handler(data)
        raw = data.model_dump() if isinstance(data, Template) else data
        try:
            template: Template | None = handler(data)
            problems: list[Problem] = []
        except ValidationError as exc:
            template, failure = None, exc
            problems = problems_from_validation_error(exc, drop_nested_rules=True)
        problems.extend(semantic_problems(raw))
        if problems:
            raise problems_error("Template", in_document_order(dedupe(problems)))
        if template is None:  # pragma: no cover - a nested rule that semantic_problems missed
            raise failure
        return template

    def steps_by_id(self) -> dict[str, Step]:
        """Every step by id, built once: a validated template is never edited in place (the editor works on
        plain documents, the server caches one model per version), and conditions look steps up often."""
        return self._steps

    @functools.cached_property
    def _steps(self) -> dict[str, Step]:
        # In the instance's __dict__ once built, read without pydantic's __getattr__ (a private attribute
        # went through it: an eighth of a /sync batch's time, issue 16). pydantic leaves it out of
        # model_dump and ==.
        return {step.id: step for _, _, step in iter_steps(self)}

    @functools.cached_property
    def photo_slots(self) -> int:
        """Every photo a run of this template can hold: its steps' and the run-level signature's. Counted
        once per model (a run's every photo creation asks: 0.1 ms a time for 550 steps, issue 16)."""
        return 1 + sum(step.photo_slots for step in self._steps.values())


def iter_steps(t: Template) -> Iterator[tuple[int, int, Step]]:
    """(section index, step index, step) for every step, in document order."""
    for i, section in enumerate(t.sections):
        for j, step in enumerate(section.steps):
            yield i, j, step


def coerce_template(t: Template | Mapping[str, Any]) -> Template:
    """Accept a Template or a stored (normalized) template dict, as the run-time helpers do."""
    return t if isinstance(t, Template) else Template.model_validate(dict(t))
