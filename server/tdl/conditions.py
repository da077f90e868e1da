"""Condition models (`{"when": C}`) and which operators apply to which step type.

A node C is a leaf `{step, op, value}` or a group `{"all": [C…]}` / `{"any": [C…]}`. The node kind is
chosen from the keys present rather than by trying each model in turn, so that an error inside a
node is reported at its own path (`condition.when.all[0].value`) and not once per candidate model.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, TypeAdapter, WrapValidator

from .configs import StepId, TdlModel
from .errors import custom_error

MAX_CONDITION_DEPTH = 5

Op = Literal["eq", "neq", "gt", "gte", "lt", "lte", "in", "not_in", "contains", "answered", "not_answered"]
OPS: tuple[str, ...] = (
    "eq",
    "neq",
    "gt",
    "gte",
    "lt",
    "lte",
    "in",
    "not_in",
    "contains",
    "answered",
    "not_answered",
)
PRESENCE_OPS = ("answered", "not_answered")
ORDER_OPS = ("gt", "gte", "lt", "lte")
LIST_OPS = ("in", "not_in")

_EQ = ("eq", "neq")
OPS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "boolean": (*_EQ, *PRESENCE_OPS),
    "number": (*_EQ, *ORDER_OPS, *LIST_OPS, *PRESENCE_OPS),
    "text": (*_EQ, *LIST_OPS, "contains", *PRESENCE_OPS),
    "choice": (*_EQ, *LIST_OPS, *PRESENCE_OPS),
    "multi_choice": ("contains", *PRESENCE_OPS),
    "rating": (*_EQ, *ORDER_OPS, *LIST_OPS, *PRESENCE_OPS),
    "photo": PRESENCE_OPS,
    "date": (*_EQ, *ORDER_OPS, *LIST_OPS, *PRESENCE_OPS),
    "time": (*_EQ, *LIST_OPS, *PRESENCE_OPS),
    "signature": PRESENCE_OPS,
    "instruction": (),
}


class StepCondition(TdlModel):
    """A leaf: compare the answer of an earlier step. `value` is null for answered/not_answered."""

    step: StepId
    op: Op
    value: Any = None


class AllOf(TdlModel):
    """True when every child is true."""

    all: Annotated[list[ConditionNode], Field(min_length=1)]


class AnyOf(TdlModel):
    """True when at least one child is true."""

    any: Annotated[list[ConditionNode], Field(min_length=1)]


def node_kind(node: dict[str, Any]) -> str:
    """'all', 'any' or 'leaf', from the keys a raw node carries."""
    if "all" in node:
        return "all"
    if "any" in node:
        return "any"
    return "leaf"


def _validate_node(v: Any, _handler: Any) -> StepCondition | AllOf | AnyOf:
    if isinstance(v, StepCondition | AllOf | AnyOf):
        return v
    if not isinstance(v, dict):
        raise custom_error(
            'must be a condition object: {"step", "op", "value"}, {"all": [...]} or {"any": [...]}'
        )
    kind = node_kind(v)
    # Each model's ValidationError keeps the inner paths (condition.when.all[0].value).
    if kind == "all":
        return AllOf.model_validate(v)
    if kind == "any":
        return AnyOf.model_validate(v)
    return StepCondition.model_validate(v)


ConditionNode = Annotated[
    StepCondition | AllOf | AnyOf,
    # A wrap validator that never calls the inner handler: it keeps the union's serializer and
    # JSON schema, which a plain validator would replace.
    WrapValidator(_validate_node),
]
AllOf.model_rebuild()
AnyOf.model_rebuild()


class Condition(TdlModel):
    """A step's `condition`: the step is shown only while `when` is true."""

    when: ConditionNode


NODE_ADAPTER: TypeAdapter[StepCondition | AllOf | AnyOf] = TypeAdapter(ConditionNode)
