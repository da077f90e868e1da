"""The TDL (Template Definition Language) domain: templates, conditions and answer checks.

Pure Python on pydantic: no HTTP, SQL or Qt (an import-linter contract holds it to that), because the
server, the desktop template editor and the offline executor all import it and must agree exactly
on what a valid template, a visible step and an acceptable answer are.
"""

from .answers import check_answer, geo_problems, skip_allowed, value_problems
from .conditions import (
    MAX_CONDITION_DEPTH,
    OPS,
    OPS_BY_TYPE,
    AllOf,
    AnyOf,
    Condition,
    ConditionNode,
    StepCondition,
)
from .configs import (
    CONFIG_MODELS,
    STEP_TYPES,
    BooleanConfig,
    ChoiceConfig,
    DateConfig,
    InstructionConfig,
    MultiChoiceConfig,
    NumberConfig,
    Option,
    PhotoConfig,
    RatingConfig,
    SignatureConfig,
    StepConfig,
    TextConfig,
    TimeConfig,
)
from .errors import TdlError, humanize, path_of
from .findings import answer_is_finding, finding_step_ids, is_finding, value_is_finding
from .flags import FLAG_TYPES, FlagRange
from .models import (
    Execution,
    PhotoRequirement,
    Section,
    Settings,
    Step,
    Template,
    coerce_template,
    iter_steps,
)
from .photos import (
    IMAGE_HEAD_BYTES,
    IMAGE_TYPES,
    SIGNATURE_STEP,
    photo_capacity,
    sniff_image,
    takes_png_only,
)
from .progress import completion_problems, compute_progress
from .status import CLOSED_STATUSES, OPEN_STATUSES, RunStatus
from .validate import normalize_template, validate_template
from .visibility import evaluate_condition, hidden_step_ids, is_answered, visible_step_ids

__all__ = [
    "CLOSED_STATUSES",
    "CONFIG_MODELS",
    "FLAG_TYPES",
    "IMAGE_HEAD_BYTES",
    "IMAGE_TYPES",
    "MAX_CONDITION_DEPTH",
    "OPEN_STATUSES",
    "OPS",
    "OPS_BY_TYPE",
    "SIGNATURE_STEP",
    "STEP_TYPES",
    "AllOf",
    "AnyOf",
    "BooleanConfig",
    "ChoiceConfig",
    "Condition",
    "ConditionNode",
    "DateConfig",
    "Execution",
    "FlagRange",
    "InstructionConfig",
    "MultiChoiceConfig",
    "NumberConfig",
    "Option",
    "PhotoConfig",
    "PhotoRequirement",
    "RatingConfig",
    "RunStatus",
    "Section",
    "Settings",
    "SignatureConfig",
    "Step",
    "StepCondition",
    "StepConfig",
    "TdlError",
    "Template",
    "TextConfig",
    "TimeConfig",
    "answer_is_finding",
    "check_answer",
    "coerce_template",
    "completion_problems",
    "compute_progress",
    "evaluate_condition",
    "finding_step_ids",
    "geo_problems",
    "hidden_step_ids",
    "humanize",
    "is_answered",
    "is_finding",
    "iter_steps",
    "normalize_template",
    "path_of",
    "photo_capacity",
    "skip_allowed",
    "sniff_image",
    "takes_png_only",
    "validate_template",
    "value_is_finding",
    "value_problems",
    "visible_step_ids",
]
