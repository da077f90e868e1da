"""Which answers are findings where a step's domain makes it obvious (SPEC §14): the generator and the
library both set a step's `flag` through here, so a generated "Any hydraulic leaks?" and the library's
forklift check flag the same answer.

- yes/no: the answer that means something is wrong (`classify.bad_answer`: yes for "Any leaks?", no for
  "Brakes working?"), and yes for a question whether something needs action ("Does it need escalating?");
- single and multiple choice: the options whose label says fail, reject, unsafe, out of service, … — only
  when they are the minority (a list of incident types is no pass/fail scale);
- number: readings with a well-known safe range (a fridge above 5 °C, a freezer above -18 °C, hot holding
  below 63 °C, tyre tread below 1.6 mm, NEWS2 vital signs, pool chemistry, legionella outlet temperatures);
- rating: the lower half of a scale whose low end is labelled as a problem ("Dirty", "Poor").
A step that already has a flag keeps it; anything else is left without one (no guessing).
"""

from __future__ import annotations

import copy
import re
from typing import Any

from .classify import bad_answer

_I = re.IGNORECASE
_NEEDS_ACTION = re.compile(r"\bneeds?\b|\brequires?\b|\bescalat", _I)
_BAD_OPTION = re.compile(
    r"\b(?:fail\w*|reject\w*|not fit|out of service|out of order|do not use|unsafe|damaged?|broken|"
    r"defective|poor|red\b|repair needed|needs? (?:service|repair|attention)|replace|re-clean|empty|"
    r"not ok|missing)",
    _I,
)
_KIND_OF = re.compile(r"\b(?:type|kind|category|reason)\b", _I)
_BAD_LOW_END = re.compile(r"\b(?:dirty|poor|redo|not ready|urgent|unsafe|bad|unacceptable)\b", _I)

# (label pattern, unit pattern, flag): first match wins; the units keep "Fridge 1 temperature" in °C.
_READINGS: list[tuple[re.Pattern[str], str, dict[str, float]]] = [
    (re.compile(r"freezer|frozen", _I), "°C", {"above": -18}),
    (re.compile(r"hot holding", _I), "°C", {"below": 63}),
    (re.compile(r"core temperature|cooked food", _I), "°C", {"below": 75}),
    (re.compile(r"fridge|chill|walk-in|cold room", _I), "°C", {"above": 5}),
    (re.compile(r"cold aisle", _I), "°C", {"above": 27}),
    (re.compile(r"hot outlet", _I), "°C", {"below": 50}),
    (re.compile(r"cold outlet", _I), "°C", {"above": 20}),
    (re.compile(r"calorifier flow", _I), "°C", {"below": 60}),
    (re.compile(r"calorifier return", _I), "°C", {"below": 50}),
    (re.compile(r"tread depth", _I), "mm", {"below": 1.6}),
    (re.compile(r"oxygen saturation", _I), "%", {"below": 92}),
    (re.compile(r"respiratory rate", _I), "breaths/min", {"below": 12, "above": 20}),
    (re.compile(r"heart rate|pulse", _I), "bpm", {"below": 51, "above": 90}),
    (re.compile(r"systolic", _I), "mmHg", {"below": 111, "above": 219}),
    (re.compile(r"body temperature", _I), "°C", {"below": 36.1, "above": 38}),
    (re.compile(r"news2? (?:total )?score", _I), "points", {"above": 4}),
    (re.compile(r"free chlorine", _I), "mg/l", {"below": 1, "above": 3}),
    (re.compile(r"combined chlorine", _I), "mg/l", {"above": 1}),
    (re.compile(r"^ph$", _I), "pH", {"below": 7.2, "above": 7.6}),
    (re.compile(r"deaths|out of order", _I), "", {"above": 0}),
]


def obvious_flag(step: dict[str, Any]) -> Any:
    """The flag a step's wording makes obvious, or None."""
    kind, label = step.get("type"), str(step.get("label") or "")
    raw = step.get("config")
    config: dict[str, Any] = raw if isinstance(raw, dict) else {}
    if kind == "boolean":
        return True if _NEEDS_ACTION.search(label) else bad_answer(label)
    if kind in ("choice", "multi_choice"):
        if _KIND_OF.search(label):  # "Type of event": every option is a kind, none a result to act on
            return None
        options = [o for o in config.get("options") or [] if isinstance(o, dict)]
        bad = [o["id"] for o in options if _BAD_OPTION.search(str(o.get("label") or ""))]
        return bad if bad and len(bad) < len(options) and len(bad) * 2 <= len(options) + 1 else None
    if kind == "number":
        unit = str(config.get("unit") or "")
        for pattern, wanted_unit, flag in _READINGS:
            if pattern.search(label) and (not wanted_unit or unit == wanted_unit):
                return dict(flag)
        return None
    if kind == "rating" and _BAD_LOW_END.search(str(config.get("low_label") or "")):
        low, high = config.get("min", 1), config.get("max", 5)
        if isinstance(low, int) and isinstance(high, int) and high - low >= 2:
            return {"below": low + (high - low + 1) // 2}
    return None


def with_obvious_flags(template: dict[str, Any]) -> dict[str, Any]:
    """A copy of a template with `flag` set on each step that has none and whose finding is obvious."""
    out = copy.deepcopy(template)
    for section in out.get("sections") or []:
        for step in section.get("steps") or []:
            if isinstance(step, dict) and step.get("flag") is None:
                flag = obvious_flag(step)
                if flag is not None:
                    step["flag"] = flag
    return out
