"""An answer as one plain cell of a spreadsheet (the CSV export): option labels instead of ids, the unit
after a number, yes/no, ratings and dates as typed, photos as their URLs. Pure, so any client can reuse it.

`plain_reader(step)` looks at the step once and returns the function that reads its values: an export of a
million runs calls it per cell, so the step's type, unit and option labels are not looked up again each
time (bench/csv_export.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SKIPPED = "(skipped)"
PHOTO_TYPES = ("photo", "signature")

PlainReader = Callable[[Any], str]


def cell_text(step: dict, value: Any, *, skipped: bool = False, photo_urls: list[str] | None = None) -> str:
    """`step` is the step as the template document holds it (type, config)."""
    if skipped:
        return SKIPPED
    return with_photos(step, plain_reader(step)(value), photo_urls or [])


def with_photos(step: dict, plain: str, photo_urls: list[str]) -> str:
    """A cell whose step holds photos: a photo or signature step is its URLs alone, any other step its
    answer followed by them."""
    urls = " ".join(photo_urls)
    if step.get("type") in PHOTO_TYPES:
        return urls
    return f"{plain} {urls}".strip() if urls else plain


def plain_reader(step: dict) -> PlainReader:
    """The function that reads one value of `step` (None: no answer) as plain text."""
    kind, config = step.get("type"), step.get("config") or {}
    if kind in PHOTO_TYPES:
        return _nothing  # the value of a photo step is its photos: their URLs, added by `with_photos`
    if kind == "boolean":
        return _yes_no
    if kind == "number" and config.get("unit"):
        unit = config["unit"]
        return lambda value: "" if value is None else f"{value} {unit}"
    if kind == "choice":
        labels = _labels(config)
        return lambda value: "" if value is None else _label(labels, value)
    if kind == "multi_choice":
        labels = _labels(config)
        return lambda value: (
            "; ".join(_label(labels, v) for v in value) if isinstance(value, list) else _as_text(value)
        )
    return _as_text


def _nothing(value: Any) -> str:
    return ""


def _as_text(value: Any) -> str:
    return "" if value is None else str(value)


def _yes_no(value: Any) -> str:
    return "yes" if value is True else "no" if value is False else _as_text(value)


def _labels(config: dict) -> dict:
    """Option id → label; the first of two options with the same id wins, as a search in order would."""
    labels: dict = {}
    for option in config.get("options") or []:
        option_id = option.get("id")
        if isinstance(option_id, str):
            labels.setdefault(option_id, str(option.get("label") or option_id))
    return labels


def _label(labels: dict, option_id: Any) -> str:
    return (labels.get(option_id) or option_id) if isinstance(option_id, str) else str(option_id)
