"""The TDL (Template Definition Language) domain: templates, conditions and answer checks.

Pure Python on pydantic: no HTTP, SQL or Qt (an import-linter contract holds it to that), because the
server, the desktop template editor and the offline executor all import it and must agree exactly
on what a valid template, a visible step and an acceptable answer are.
"""

import importlib
from typing import TYPE_CHECKING, Any

from .status import CLOSED_STATUSES, OPEN_STATUSES, RunStatus

if TYPE_CHECKING:
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
    from .languages import (
        language_choice_problem,
        negotiate_language,
        parse_accept_language,
        resolve_template,
        template_languages,
        template_texts,
        translation_counts,
    )
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
    from .progress import completion_problems, compute_progress, step_counts
    from .validate import normalize_template, validate_template
    from .visibility import evaluate_condition, hidden_step_ids, is_answered, visible_step_ids

# The rest of the domain is loaded on first use (PEP 562): what needs only a run's status (the desktop's
# run monitor at start-up) must not pay for pydantic and the template models (bench/desktop_startup.py).
_LAZY_MODULES: dict[str, tuple[str, ...]] = {
    "answers": ("check_answer", "geo_problems", "skip_allowed", "value_problems"),
    "conditions": (
        "MAX_CONDITION_DEPTH",
        "OPS",
        "OPS_BY_TYPE",
        "AllOf",
        "AnyOf",
        "Condition",
        "ConditionNode",
        "StepCondition",
    ),
    "configs": (
        "CONFIG_MODELS",
        "STEP_TYPES",
        "BooleanConfig",
        "ChoiceConfig",
        "DateConfig",
        "InstructionConfig",
        "MultiChoiceConfig",
        "NumberConfig",
        "Option",
        "PhotoConfig",
        "RatingConfig",
        "SignatureConfig",
        "StepConfig",
        "TextConfig",
        "TimeConfig",
    ),
    "errors": ("TdlError", "humanize", "path_of"),
    "findings": ("answer_is_finding", "finding_step_ids", "is_finding", "value_is_finding"),
    "flags": ("FLAG_TYPES", "FlagRange"),
    "languages": (
        "language_choice_problem",
        "negotiate_language",
        "parse_accept_language",
        "resolve_template",
        "template_languages",
        "template_texts",
        "translation_counts",
    ),
    "models": (
        "Execution",
        "PhotoRequirement",
        "Section",
        "Settings",
        "Step",
        "Template",
        "coerce_template",
        "iter_steps",
    ),
    "photos": (
        "IMAGE_HEAD_BYTES",
        "IMAGE_TYPES",
        "SIGNATURE_STEP",
        "photo_capacity",
        "sniff_image",
        "takes_png_only",
    ),
    "progress": ("completion_problems", "compute_progress", "step_counts"),
    "validate": ("normalize_template", "validate_template"),
    "visibility": ("evaluate_condition", "hidden_step_ids", "is_answered", "visible_step_ids"),
}
_MODULE_OF = {name: module for module, names in _LAZY_MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        if name in _LAZY_MODULES:  # a submodule, e.g. `tdl.models`
            return importlib.import_module(f".{name}", __name__)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value


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
    "language_choice_problem",
    "negotiate_language",
    "normalize_template",
    "parse_accept_language",
    "path_of",
    "photo_capacity",
    "resolve_template",
    "skip_allowed",
    "sniff_image",
    "step_counts",
    "takes_png_only",
    "template_languages",
    "template_texts",
    "translation_counts",
    "validate_template",
    "value_is_finding",
    "value_problems",
    "visible_step_ids",
]
