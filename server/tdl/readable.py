"""An answer as one plain cell of a spreadsheet (the CSV export): option labels instead of ids, the unit
after a number, yes/no, ratings and dates as typed, photos as their URLs. Pure, so any client can reuse it."""

from __future__ import annotations

from typing import Any

SKIPPED = "(skipped)"


def _option_label(config: dict, option_id: Any) -> str:
    for option in config.get("options") or []:
        if option.get("id") == option_id:
            return str(option.get("label") or option_id)
    return str(option_id)


def cell_text(step: dict, value: Any, *, skipped: bool = False, photo_urls: list[str] | None = None) -> str:
    """`step` is the step as the template document holds it (type, config)."""
    kind, config = step.get("type"), step.get("config") or {}
    if skipped:
        return SKIPPED
    if kind in ("photo", "signature") or photo_urls:
        urls = " ".join(photo_urls or [])
        if kind in ("photo", "signature"):
            return urls
        return f"{_plain(kind, config, value)} {urls}".strip()
    return _plain(kind, config, value)


def _plain(kind: Any, config: dict, value: Any) -> str:
    if value is None:
        return ""
    if kind == "boolean":
        return "yes" if value is True else "no" if value is False else str(value)
    if kind == "number":
        return f"{value} {config['unit']}" if config.get("unit") else str(value)
    if kind == "choice":
        return _option_label(config, value)
    if kind == "multi_choice" and isinstance(value, list):
        return "; ".join(_option_label(config, v) for v in value)
    return str(value)
