"""The eleven step types and the `config` model of each, with their cross-field rules.

Every model forbids unknown keys so that a typo in a template ("multline") is an error rather than a
silently ignored setting. Rules that relate two fields (min ≤ max) live in `config_problems`, which
works on a plain dict so the template checks can apply it even when other fields are malformed.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    WrapValidator,
    model_validator,
)

from .errors import Loc, Problem, custom_error, raise_nested_rule
from .values import is_iso_date, is_number

StepType = Literal[
    "boolean",
    "number",
    "text",
    "choice",
    "multi_choice",
    "rating",
    "photo",
    "date",
    "time",
    "signature",
    "instruction",
]
STEP_TYPES: tuple[str, ...] = get_args(StepType)

ID_CHARS = r"[A-Za-z0-9_-]{1,64}$"
SectionId = Annotated[StrictStr, Field(pattern=r"^g-" + ID_CHARS)]
StepId = Annotated[StrictStr, Field(pattern=r"^s-" + ID_CHARS)]
OptionId = Annotated[StrictStr, Field(pattern=r"^o-" + ID_CHARS)]


def _number(v: Any, _handler: Any) -> int | float:
    if not is_number(v):
        raise custom_error("must be a number")
    return v


def _iso_date(v: Any, _handler: Any) -> str:
    if not is_iso_date(v):
        raise custom_error("must be a date written YYYY-MM-DD")
    return v


# Wrap validators (that never call the inner handler) keep the annotated type's serializer and
# JSON schema; plain validators would not.
Number = Annotated[int | float, WrapValidator(_number)]
IsoDate = Annotated[
    str,
    WrapValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]


STORED = "stored"  # validation context: a body validated when it was stored (see `is_stored`)


def is_stored(info: ValidationInfo) -> bool:
    """Whether the body being validated is one the server stored after validating it in full: its cross-field
    and cross-step checks are not run again (they find nothing in it, and a rule tightened since must not
    make a stored version unreadable), only the parsing into models. Issue 16: a run's first request after a
    start parsed its template version, checks included, 11 ms for 550 steps, before anything else."""
    return bool(info.context and info.context.get(STORED))


class TdlModel(BaseModel):
    """Base of every TDL model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")


class StepConfig(TdlModel):
    """Base of the per-type configs; `TYPE` names the step type it belongs to."""

    TYPE: ClassVar[str] = ""

    @model_validator(mode="after")
    def _cross_field_rules(self, info: ValidationInfo) -> StepConfig:
        if not is_stored(info):
            raise_nested_rule(type(self).__name__, config_problems(self.TYPE, self.model_dump()))
        return self


class Option(TdlModel):
    id: OptionId
    label: Annotated[StrictStr, Field(min_length=1, max_length=200)]


Label = Annotated[StrictStr, Field(min_length=1, max_length=100)]


class BooleanConfig(StepConfig):
    TYPE: ClassVar[str] = "boolean"
    true_label: Label = "Yes"
    false_label: Label = "No"


class NumberConfig(StepConfig):
    TYPE: ClassVar[str] = "number"
    unit: Annotated[StrictStr, Field(min_length=1, max_length=50)] | None = None
    min: Number | None = None
    max: Number | None = None
    # None means "up to 6 places".
    decimal: Annotated[StrictInt, Field(ge=0, le=6)] | None = None


class TextConfig(StepConfig):
    TYPE: ClassVar[str] = "text"
    multiline: StrictBool = False
    placeholder: Annotated[StrictStr, Field(max_length=500)] | None = None
    # None means the package-wide ceiling of 10,000 characters.
    max_length: Annotated[StrictInt, Field(ge=1, le=10_000)] | None = None


Options = Annotated[list[Option], Field(min_length=1, max_length=200)]


class ChoiceConfig(StepConfig):
    TYPE: ClassVar[str] = "choice"
    options: Options


class MultiChoiceConfig(StepConfig):
    TYPE: ClassVar[str] = "multi_choice"
    options: Options
    min_selected: Annotated[StrictInt, Field(ge=0, le=200)] = 0
    # A multi-choice step where nothing may ever be selected is a design error, hence ge=1.
    max_selected: Annotated[StrictInt, Field(ge=1, le=200)] | None = None


class RatingConfig(StepConfig):
    TYPE: ClassVar[str] = "rating"
    # min ≤ 1 < 2 ≤ max, so "max greater than min" needs no rule of its own.
    min: Annotated[StrictInt, Field(ge=0, le=1)] = 1
    max: Annotated[StrictInt, Field(ge=2, le=10)] = 5
    low_label: Label | None = None
    high_label: Label | None = None


class PhotoConfig(StepConfig):
    TYPE: ClassVar[str] = "photo"
    min: Annotated[StrictInt, Field(ge=0, le=20)] = 1
    max: Annotated[StrictInt, Field(ge=1, le=20)] = 5


class DateConfig(StepConfig):
    TYPE: ClassVar[str] = "date"
    min: IsoDate | None = None
    max: IsoDate | None = None


class TimeConfig(StepConfig):
    TYPE: ClassVar[str] = "time"


class SignatureConfig(StepConfig):
    TYPE: ClassVar[str] = "signature"


class InstructionConfig(StepConfig):
    TYPE: ClassVar[str] = "instruction"
    body: Annotated[StrictStr, Field(max_length=10_000)] = ""


CONFIG_MODELS: dict[str, type[StepConfig]] = {
    m.TYPE: m
    for m in (
        BooleanConfig,
        NumberConfig,
        TextConfig,
        ChoiceConfig,
        MultiChoiceConfig,
        RatingConfig,
        PhotoConfig,
        DateConfig,
        TimeConfig,
        SignatureConfig,
        InstructionConfig,
    )
}

AnyConfig = (
    BooleanConfig
    | NumberConfig
    | TextConfig
    | ChoiceConfig
    | MultiChoiceConfig
    | RatingConfig
    | PhotoConfig
    | DateConfig
    | TimeConfig
    | SignatureConfig
    | InstructionConfig
)


def config_value(step_type: str, cfg: dict[str, Any], name: str) -> Any:
    """`cfg[name]`, or the model's default where the key is absent (None if there is none)."""
    if name in cfg:
        return cfg[name]
    field = CONFIG_MODELS[step_type].model_fields.get(name)
    if field is None or field.is_required():
        return None
    return field.default


def option_ids(cfg: Any) -> list[str]:
    """The string ids of a raw choice config's options, in order (malformed entries skipped)."""
    options = cfg.get("options") if isinstance(cfg, dict) else None
    if not isinstance(options, list):
        return []
    return [o["id"] for o in options if isinstance(o, dict) and isinstance(o.get("id"), str)]


def config_problems(step_type: str, cfg: dict[str, Any]) -> list[Problem]:
    """Cross-field rules of one config, locs relative to the config.

    A rule only looks at values that pass their own field's rules, so a value that is already
    reported (a photo max of 0) is not reported a second time for what it implies (min > max).
    """
    if step_type not in CONFIG_MODELS:
        return []
    if step_type == "multi_choice":
        return _multi_choice_problems(cfg)
    low, high = _usable(step_type, cfg, "min"), _usable(step_type, cfg, "max")
    if low is None or high is None:
        return []
    if step_type in ("number", "photo") and low > high:
        return [Problem(("min",), f"must not be greater than max ({high})")]
    if step_type == "date" and low > high:  # valid ISO dates: string order is date order
        return [Problem(("min",), f"must not be after max ({high})")]
    return []


def _multi_choice_problems(cfg: dict[str, Any]) -> list[Problem]:
    out: list[Problem] = []
    low, high = _usable("multi_choice", cfg, "min_selected"), _usable("multi_choice", cfg, "max_selected")
    if low is not None and high is not None and low > high:
        out.append(Problem(("min_selected",), f"must not be greater than max_selected ({high})"))
    options = cfg.get("options")
    if isinstance(options, list) and options:
        for name, value in (("min_selected", low), ("max_selected", high)):
            if value is not None and value > len(options):
                out.append(
                    Problem((name,), f"must not be greater than the number of options ({len(options)})")
                )
    return out


@functools.cache
def _field_adapter(step_type: str, name: str) -> TypeAdapter[Any]:
    field = CONFIG_MODELS[step_type].model_fields[name]
    annotation: Any = field.annotation
    if field.metadata:
        annotation = Annotated[(annotation, *field.metadata)]
    return TypeAdapter(annotation)


def _usable(step_type: str, cfg: dict[str, Any], name: str) -> Any:
    """The config value `name` (or its default) if it passes its field's rules, else None."""
    if name not in CONFIG_MODELS[step_type].model_fields:
        return None  # an unknown key: reported as such, never compared
    value = config_value(step_type, cfg, name)
    if value is None:
        return None
    try:
        _field_adapter(step_type, name).validate_python(value)
    except ValidationError:
        return None
    return value


def prefixed(prefix: Loc, problems: list[Problem]) -> list[Problem]:
    """The same problems with `prefix` put before each loc."""
    return [p._replace(loc=prefix + p.loc) for p in problems]
