"""Lay planned steps out as TDL: sections from the prompt's groups, places or themes; steps with readable,
unique ids; a "Describe the problem" follow-up after each yes/no check (with photos, unless the check is about
people); the time it takes.
"""

from __future__ import annotations

import math
import re
from typing import Any

from . import domains as dm
from . import yesno as yn
from .classify import Plan
from .parse import Item

MAX_STEPS_PER_SECTION = 500
MAX_SECTIONS = 100
FIRST_THEMES = ("Details",)
LAST_THEMES = ("Photos", "Result", "Notes")
# Minutes an executor spends on a step of each type (a conditional follow-up is rarely shown).
MINUTES = {
    "boolean": 0.5,
    "number": 0.75,
    "choice": 0.5,
    "rating": 0.5,
    "text": 1.5,
    "photo": 1.0,
    "date": 0.25,
    "time": 0.25,
}


def group_sections(plans: list[tuple[Plan, Item]]) -> list[tuple[str, list[Plan]]]:
    """Group steps: the prompt's own groups first, then places it names (two or more), then themes."""
    places: list[str | None] = []
    for plan, item in plans:
        text = plan.place_text or plan.label
        places.append(None if item.group else next((t for p, t in dm.PLACES if p.search(text)), None))
    placed = [p for p in places if p]
    # Places lead only where they carry the list ("exterior condition, interior cleanliness, …").
    use_places = len(set(placed)) >= 2 and 2 * len(placed) >= len(plans)
    explicit = any(item.group for _, item in plans)
    keyed: dict[str, list[Plan]] = {}
    themed: set[str] = set()
    for (plan, item), place in zip(plans, places):
        key = item.group or (place if use_places and place else None)
        if key is None:
            key = plan.theme
            themed.add(key)
        keyed.setdefault(key, []).append(plan)
    fixed = FIRST_THEMES + LAST_THEMES
    if not explicit and not use_places and len(plans) <= 5 and len(keyed) > 1:
        content = [p for p, _ in plans if p.theme not in fixed]
        title = (
            "Checks" if len({p.theme for p in content}) > 1 else (content[0].theme if content else "Checks")
        )
        ordered = [p for p, _ in plans if p.theme in FIRST_THEMES] + content
        ordered += [p for k in LAST_THEMES for p, _ in plans if p.theme == k]
        return [(title, ordered)]
    keyed = merge_singletons(keyed, themed)
    order = sorted(
        keyed,
        key=lambda k: (
            0 if k in FIRST_THEMES and k in themed else 2 if k in LAST_THEMES and k in themed else 1
        ),
    )
    result: list[tuple[str, list[Plan]]] = []
    chunk = MAX_STEPS_PER_SECTION // 2  # a yes/no check brings its follow-up step
    for key in order:
        group = keyed[key]
        for n, start in enumerate(range(0, len(group), chunk)):
            result.append((key if n == 0 else f"{key} ({n + 1})", group[start : start + chunk]))
    if len(result) > MAX_SECTIONS:
        tail = [p for _, ps in result[MAX_SECTIONS - 1 :] for p in ps][:chunk]
        result = result[: MAX_SECTIONS - 1] + [("Other checks", tail)]
    return result


def merge_singletons(keyed: dict[str, list[Plan]], themed: set[str]) -> dict[str, list[Plan]]:
    """A theme of one step is no section: readings join "Readings", the rest "Checks"."""
    singles = [
        k for k, ps in keyed.items() if k in themed and len(ps) == 1 and k not in FIRST_THEMES + LAST_THEMES
    ]
    if len([k for k in keyed if k not in FIRST_THEMES + LAST_THEMES]) <= 2:
        return keyed
    merged: dict[str, list[Plan]] = {}
    for key, group in keyed.items():
        if key in singles:
            target = "Readings" if group[0].type in ("number", "choice") else "Checks"
            themed.add(target)
            merged.setdefault(target, []).extend(group)
        else:
            merged.setdefault(key, []).extend(group)
    return merged


class Ids:
    """Unique, readable ids from slugs ("s-odometer-reading"), numbered on collision."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, prefix: str, text: str, limit: int = 40) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-") or "item"
        candidate, n = f"{prefix}-{slug}", 2
        while candidate in self.used:
            candidate, n = f"{prefix}-{slug}-{n}", n + 1
        self.used.add(candidate)
        return candidate


def build_section(title: str, plans: list[Plan], ids: Ids) -> dict[str, Any]:
    steps: list[dict[str, Any]] = []
    for plan in plans:
        step_id = ids.make("s", plan.label)
        config = dict(plan.config)
        if plan.type == "choice":
            slug = step_id[2:]
            config["options"] = [
                {"id": ids.make("o", f"{slug}-{label}", 60), "label": label}
                for label in plan.config["options"]
            ]
        steps.append(build_step(step_id, plan.type, plan.label, config, plan.required, plan.photo))
        if plan.flag is not None:
            steps[-1]["flag"] = plan.flag
        if plan.hint is not None:
            steps[-1]["hint"] = plan.hint
        if plan.type == "boolean":
            follow = build_step(
                ids.make("s", f"{step_id[2:]}-details", 60),
                "text",
                plan.problem_label,
                {
                    "multiline": True,
                    "placeholder": "Location and description"
                    if "damage" in plan.problem_label
                    else "What is wrong and where",
                },
                True,
                False if yn.about_people(plan.label) else {"min": 1, "max": 6},
            )
            follow["condition"] = {"when": {"step": step_id, "op": "eq", "value": bool(plan.bad_answer)}}
            steps.append(follow)
    return {"id": ids.make("g", title), "title": title[:200], "steps": steps}


def build_step(
    step_id: str, type_: str, label: str, config: dict[str, Any], required: bool, photo: Any
) -> dict[str, Any]:
    return {
        "id": step_id,
        "type": type_,
        "label": label[:500],
        "hint": None,
        "required": required,
        "photo": photo,
        "geo": False,
        "condition": None,
        "config": config,
    }


def est_minutes(steps: list[dict[str, Any]], signature: bool) -> int:
    total = 1.0 + (0.5 if signature else 0.0)
    for step in steps:
        total += 0.1 if step["condition"] else MINUTES.get(step["type"], 0.5)
    return max(1, math.ceil(total))
