"""Rules that span fields or steps: unique ids, photo/geo fit per type, config ranges, conditions.

`semantic_problems` reads the raw template dict defensively (anything malformed is skipped, since the
structural checks already report it), so a designer sees these problems even while other parts of the
template are still broken. The Template model runs the same function on its own dump, so a valid
`Template` instance always satisfies these rules too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .conditions import LIST_OPS, MAX_CONDITION_DEPTH, OPS, OPS_BY_TYPE, PRESENCE_OPS, node_kind
from .configs import STEP_TYPES, config_problems, config_value, option_ids, prefixed
from .errors import Loc, Problem, path_of
from .flags import flag_problems
from .languages import language_problems
from .values import fmt, is_hhmm, is_int, is_iso_date, is_number

_NO_STEP_PHOTO = {
    "photo": "must be false for a photo step; set how many photos it takes in config.min and config.max",
    "signature": "must be false for a signature step; its answer is exactly one signature image",
    "instruction": "must be false for an instruction step; it is never answered",
}


@dataclass
class StepRef:
    """A step as found in the raw body: document position, where it is, its type if valid."""

    position: int
    loc: Loc
    type: str | None
    raw: dict[str, Any]

    @property
    def config(self) -> dict[str, Any]:
        cfg = self.raw.get("config")
        return cfg if isinstance(cfg, dict) else {}


@dataclass
class _Ids:
    """Records where each id was first used and reports every later use."""

    first: dict[str, Loc] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def claim(self, value: Any, owner: Loc) -> None:
        if not isinstance(value, str):
            return
        if value in self.first:
            self.problems.append(
                Problem(
                    owner + ("id",),
                    f"must be unique within the template; also used at {path_of(self.first[value])}",
                )
            )
        else:
            self.first[value] = owner


def collect_steps(data: Any) -> tuple[list[StepRef], list[Problem]]:
    """Every dict-shaped step in document order, and the duplicate-id problems found on the way."""
    ids = _Ids()
    steps: list[StepRef] = []
    sections = data.get("sections") if isinstance(data, dict) else None
    for i, section in enumerate(sections if isinstance(sections, list) else []):
        if not isinstance(section, dict):
            continue
        ids.claim(section.get("id"), ("sections", i))
        raw_steps = section.get("steps")
        for j, step in enumerate(raw_steps if isinstance(raw_steps, list) else []):
            if not isinstance(step, dict):
                continue
            loc: Loc = ("sections", i, "steps", j)
            ids.claim(step.get("id"), loc)
            step_type = step.get("type") if step.get("type") in STEP_TYPES else None
            ref = StepRef(len(steps), loc, step_type, step)
            if step_type in ("choice", "multi_choice"):
                options = ref.config.get("options")
                for k, option in enumerate(options if isinstance(options, list) else []):
                    if isinstance(option, dict):
                        ids.claim(option.get("id"), loc + ("config", "options", k))
            steps.append(ref)
    return steps, ids.problems


def semantic_problems(data: Any) -> list[Problem]:
    """Every cross-field and cross-step problem in a raw template body."""
    steps, problems = collect_steps(data)
    by_id: dict[str, StepRef] = {}
    for ref in steps:
        step_id = ref.raw.get("id")
        if isinstance(step_id, str):
            by_id.setdefault(step_id, ref)
    for ref in steps:
        problems.extend(_step_problems(ref))
        condition = ref.raw.get("condition")
        if isinstance(condition, dict) and "when" in condition:
            checker = _ConditionChecker(ref, by_id)
            checker.walk(condition["when"], ref.loc + ("condition", "when"), 1)
            problems.extend(checker.problems)
    problems.extend(language_problems(data))
    return problems


def _step_problems(ref: StepRef) -> list[Problem]:
    out: list[Problem] = []
    photo = ref.raw.get("photo")
    if isinstance(photo, dict):
        if ref.type in _NO_STEP_PHOTO:
            out.append(Problem(ref.loc + ("photo",), _NO_STEP_PHOTO[ref.type]))
        low: Any = photo.get("min")
        high: Any = photo.get("max")
        # Only values that pass their own range (min 0–20, max 1–20) are compared.
        if is_int(low) and is_int(high) and 0 <= low <= 20 and 1 <= high <= 20 and low > high:
            out.append(Problem(ref.loc + ("photo", "min"), f"must not be greater than max ({high})"))
    if ref.type == "instruction" and ref.raw.get("geo") is True:
        out.append(Problem(ref.loc + ("geo",), "must be false for an instruction step; it is never answered"))
    raw_config = ref.raw.get("config")
    if ref.type is not None and (raw_config is None or isinstance(raw_config, dict)):
        out.extend(prefixed(ref.loc + ("config",), config_problems(ref.type, raw_config or {})))
    out.extend(flag_problems(ref.loc, ref.type, ref.raw.get("flag"), ref.config))
    return out


class _ConditionChecker:
    """Walks one step's condition tree: depth, references, operators and values."""

    def __init__(self, owner: StepRef, by_id: dict[str, StepRef]) -> None:
        self.owner = owner
        self.by_id = by_id
        self.problems: list[Problem] = []

    def add(self, loc: Loc, message: str, missing: bool = False) -> None:
        self.problems.append(Problem(loc, message, missing))

    def walk(self, node: Any, loc: Loc, depth: int) -> None:
        if not isinstance(node, dict):
            return
        if depth > MAX_CONDITION_DEPTH:
            self.add(loc, f"is nested too deeply; conditions may nest at most {MAX_CONDITION_DEPTH} levels")
            return
        kind = node_kind(node)
        if kind == "leaf":
            self.leaf(node, loc)
            return
        children = node[kind]
        for k, child in enumerate(children if isinstance(children, list) else []):
            self.walk(child, loc + (kind, k), depth + 1)

    def leaf(self, node: dict[str, Any], loc: Loc) -> None:
        ref_id, op = node.get("step"), node.get("op")
        if not isinstance(ref_id, str):
            return
        target = self.by_id.get(ref_id)
        before = "a condition may only refer to a step that comes before this one"
        if target is None:
            self.add(loc + ("step",), f"refers to '{ref_id}', which is not a step of this template")
            return
        if target.position == self.owner.position:
            self.add(loc + ("step",), f"cannot refer to its own step; {before}")
            return
        if target.position > self.owner.position:
            self.add(
                loc + ("step",),
                f"refers to '{ref_id}', which comes later (at {path_of(target.loc)}); {before}",
            )
            return
        if target.type == "instruction":
            self.add(
                loc + ("step",),
                f"cannot refer to instruction step '{ref_id}'; instruction steps are never answered",
            )
            return
        if target.type is None or op not in OPS:
            return  # reported by the structural checks
        allowed = OPS_BY_TYPE[target.type]
        if op not in allowed:
            self.add(
                loc + ("op",),
                f"'{op}' cannot be used with {target.type} step '{ref_id}'; use one of: {', '.join(allowed)}",
            )
            return
        self.value(node, loc + ("value",), op, target)

    def value(self, node: dict[str, Any], loc: Loc, op: str, target: StepRef) -> None:
        value = node.get("value")
        if op in PRESENCE_OPS:
            if value is not None:
                self.add(loc, f"must be absent or null for '{op}'")
        elif "value" not in node:
            self.add(loc, f"is required for '{op}'", missing=True)
        elif value is None:
            self.add(loc, f"must not be null for '{op}'")
        elif op in LIST_OPS:
            if not isinstance(value, list) or not value:
                self.add(loc, f"must be a non-empty list for '{op}'")
                return
            for k, item in enumerate(value):
                message = value_fit(target, item)
                if message:
                    self.add(loc + (k,), message)
        elif op == "contains" and target.type == "text":
            if not isinstance(value, str) or not value:
                self.add(loc, "must be a non-empty string (the text to look for)")
        else:
            message = value_fit(target, value)
            if message:
                self.add(loc, message)


def value_fit(target: StepRef, value: Any) -> str | None:
    """Why `value` cannot be compared with an answer of `target`, or None when it fits."""
    step_type, ref_id = target.type, target.raw.get("id")
    about = f"'{ref_id}' is a {step_type} step"
    if step_type == "boolean" and not isinstance(value, bool):
        return f"must be true or false; {about}"
    if step_type == "number" and not is_number(value):
        return f"must be a number; {about}"
    if step_type == "text" and not isinstance(value, str):
        return f"must be a string; {about}"
    if step_type in ("choice", "multi_choice"):
        ids = option_ids(target.config)
        if not (isinstance(value, str) and value in ids):
            return f"must be an option id of step '{ref_id}' (one of: {', '.join(ids)}); got {fmt(value)}"
    if step_type == "rating":
        low = config_value("rating", target.config, "min")
        high = config_value("rating", target.config, "max")
        if not is_int(value) or (is_int(low) and is_int(high) and not low <= value <= high):
            return f"must be a whole number from {low} to {high}, the range of rating step '{ref_id}'"
    if step_type == "date" and not is_iso_date(value):
        return f"must be a date written YYYY-MM-DD; {about}"
    if step_type == "time" and not is_hhmm(value):
        return f"must be a time written HH:MM (00:00 to 23:59); {about}"
    return None
