"""How each step's answers fell over a set of runs (`GET /v1/templates/{id}/stats`, SPEC §14).

Input: the stored answers grouped by (step, value, skipped, flagged) with their count, and per step how
many runs hold photos for it. `answered` counts the stored answers with a value (for photo and signature
steps, whose value is always null, the runs holding at least one photo for the step); `values` is
`{"true", "false"}` for booleans, every option's count for (multi) choices, and min/max/mean/p50 with a
histogram for numbers (at most 10 equal bins) and ratings (one bin per point of the scale).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import orjson

from server import tdl
from server.tdl.values import is_number

HISTOGRAM_BINS = 10
PHOTO_ANSWERED = ("photo", "signature")


class _Step:
    """Running totals of one step."""

    def __init__(self) -> None:
        self.answered = self.skipped = self.flagged = 0
        self.values: list[tuple[Any, int]] = []  # (value, how many)


def step_stats(model: tdl.Template, groups: list[tuple], photos: dict[str, int]) -> list[dict]:
    """One entry per step of `model`, in document order."""
    totals: dict[str, _Step] = defaultdict(_Step)
    for step_id, value_json, skipped, flagged, count in groups:
        entry = totals[step_id]
        entry.flagged += count if flagged else 0
        if skipped:
            entry.skipped += count
            continue
        value = orjson.loads(value_json) if value_json is not None else None
        if value is not None:
            entry.answered += count
            entry.values.append((value, count))
    out = []
    for _, _, step in tdl.iter_steps(model):
        entry = totals[step.id]
        answered = photos.get(step.id, 0) if step.type in PHOTO_ANSWERED else entry.answered
        out.append(
            {
                "step_id": step.id,
                "type": step.type,
                "answered": answered,
                "skipped": entry.skipped,
                "flagged": entry.flagged,
                "values": _values(step, entry.values),
            }
        )
    return out


def _values(step: tdl.Step, values: list[tuple[Any, int]]) -> dict | None:
    if step.type == "boolean":
        counts = {"true": 0, "false": 0}
        for value, n in values:
            if isinstance(value, bool):
                counts["true" if value else "false"] += n
        return counts
    if step.type in ("choice", "multi_choice"):
        options = (
            step.config.options if isinstance(step.config, tdl.ChoiceConfig | tdl.MultiChoiceConfig) else []
        )
        counts = {option.id: 0 for option in options}
        for value, n in values:
            chosen = [value] if step.type == "choice" else value if isinstance(value, list) else []
            for option_id in dict.fromkeys(chosen):
                if isinstance(option_id, str) and option_id in counts:
                    counts[option_id] += n
        return counts
    if step.type in ("number", "rating"):
        numbers = sorted((v, n) for v, n in values if is_number(v))
        bins = _rating_bins(step, numbers) if step.type == "rating" else _number_bins(numbers)
        return {**summary(numbers), "histogram": bins}
    return None


def summary(numbers: list[tuple[Any, int]]) -> dict:
    """min, max, mean and the nearest-rank median of sorted (value, count) pairs; None each when empty."""
    total = sum(n for _, n in numbers)
    if not total:
        return {"min": None, "max": None, "mean": None, "p50": None}
    rank, seen, p50 = (total + 1) // 2, 0, None
    for value, n in numbers:
        seen += n
        if seen >= rank:
            p50 = value
            break
    return {
        "min": numbers[0][0],
        "max": numbers[-1][0],
        "mean": sum(v * n for v, n in numbers) / total,
        "p50": p50,
    }


def _number_bins(numbers: list[tuple[Any, int]]) -> list[dict]:
    """At most 10 equal bins from the smallest to the largest value (one when they are all equal); a value
    on an inner edge belongs to the bin it starts, the largest to the last bin."""
    if not numbers:
        return []
    low, high = numbers[0][0], numbers[-1][0]
    if low == high:
        return [{"from": low, "to": high, "count": sum(n for _, n in numbers)}]
    width = (high - low) / HISTOGRAM_BINS
    bins = [
        {
            "from": low + i * width,
            "to": high if i == HISTOGRAM_BINS - 1 else low + (i + 1) * width,
            "count": 0,
        }
        for i in range(HISTOGRAM_BINS)
    ]
    for value, n in numbers:
        bins[bin_index(value, low, width)]["count"] += n
    return bins


def bin_index(value: float, low: float, width: float) -> int:
    return min(int((value - low) / width), HISTOGRAM_BINS - 1)


def _rating_bins(step: tdl.Step, numbers: list[tuple[Any, int]]) -> list[dict]:
    """One bin per point of the rating's scale, zeros included (none when nothing was answered)."""
    if not numbers or not isinstance(step.config, tdl.RatingConfig):
        return []
    counts = dict.fromkeys(range(step.config.min, step.config.max + 1), 0)
    for value, n in numbers:
        if value in counts:
            counts[value] += n
    return [{"from": k, "to": k, "count": n} for k, n in counts.items()]
