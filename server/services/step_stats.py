"""How each step's answers fell over a set of runs (`GET /v1/templates/{id}/stats`, SPEC §14).

Input: the stored answers grouped by (step, value, skipped, flagged) with their count, and per step how
many runs hold photos for it. `answered` counts the stored answers with a value (for photo and signature
steps, whose value is always null, the runs holding at least one photo for the step); `values` is
`{"true", "false"}` for booleans, every option's count for (multi) choices, and min/max/mean/p50 with a
histogram for numbers (at most 10 equal bins) and ratings (one bin per point of the scale).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from decimal import Context, Decimal, localcontext
from typing import Any

import orjson

from server import tdl
from server.tdl.values import is_int, is_number

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
    """min, max, mean and the nearest-rank median of sorted (value, count) pairs; None each when empty. The
    mean is summed in decimal from the values as written (0.1 and 0.2 average to 0.15, not 0.15000000000000002)."""
    total = sum(n for _, n in numbers)
    if not total:
        return {"min": None, "max": None, "mean": None, "p50": None}
    rank, seen, p50 = (total + 1) // 2, 0, None
    for value, n in numbers:
        seen += n
        if seen >= rank:
            p50 = value
            break
    with localcontext(_EXACT):
        mean = sum((_as_written(v) * n for v, n in numbers), Decimal(0)) / total
    return {"min": numbers[0][0], "max": numbers[-1][0], "mean": float(mean), "p50": p50}


def _number_bins(numbers: list[tuple[Any, int]]) -> list[dict]:
    """At most 10 equal bins from the smallest to the largest value (one when they are all equal); a value
    on an inner edge belongs to the bin it starts, the largest to the last bin. Values are counted against
    the edges as published, so a person (or the desktop) reading them places every value where we did."""
    if not numbers:
        return []
    low, high = numbers[0][0], numbers[-1][0]
    if low == high:
        return [{"from": low, "to": high, "count": sum(n for _, n in numbers)}]
    edges = bin_edges(low, high)
    counts = [0] * HISTOGRAM_BINS
    inner = edges[1:-1]
    for value, n in numbers:
        counts[bisect_right(inner, value)] += n
    return [{"from": edges[i], "to": edges[i + 1], "count": counts[i]} for i in range(HISTOGRAM_BINS)]


def bin_edges(low: float, high: float) -> list[float]:
    """The `HISTOGRAM_BINS + 1` edges from `low` to `high`, both as given. The inner ones are worked out in
    decimal from the values as written: values with d decimals give edges with at most d + 1, exact
    (0.2 to 1.2 steps by 0.1, never 0.30000000000000004), and whole numbers stay whole where an edge is
    one (0 to 100 → 10, 20, …). Decimal also spares the overflow `high - low` meets in floats."""
    whole = is_int(low) and is_int(high)
    with localcontext(_EXACT):
        first, last = _as_written(low), _as_written(high)
        width = (last - first) / HISTOGRAM_BINS
        inner = [_edge(first + i * width, whole) for i in range(1, HISTOGRAM_BINS)]
    return [low, *inner, high]


# An answer has at most 16 digits before the point and 6 after (LARGEST_EXACT, MAX_DECIMAL_PLACES); a tenth
# of a range adds one: 40 digits keep every edge and sum exact, with room to spare.
_EXACT = Context(prec=40)


def _as_written(value: float) -> Decimal:
    """A number as the person wrote it: a float's shortest repr (0.1, not 0.1000000000000000055…)."""
    return Decimal(value) if is_int(value) else Decimal(repr(value))


def _edge(edge: Decimal, whole: bool) -> float:
    return int(edge) if whole and edge == edge.to_integral_value() else float(edge)


def _rating_bins(step: tdl.Step, numbers: list[tuple[Any, int]]) -> list[dict]:
    """One bin per point of the rating's scale, zeros included (none when nothing was answered)."""
    if not numbers or not isinstance(step.config, tdl.RatingConfig):
        return []
    counts = dict.fromkeys(range(step.config.min, step.config.max + 1), 0)
    for value, n in numbers:
        if value in counts:
            counts[value] += n
    return [{"from": k, "to": k, "count": n} for k, n in counts.items()]
