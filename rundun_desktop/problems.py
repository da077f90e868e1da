"""Problem details in words: the one place the desktop turns `{path, message}` details into what a person reads.

The server answers every refusal with `{error, message, details}` where each detail names a `path` and says
what is wrong there (the domain package's own checks, run on this computer, use the same shape). The app's
error messages (`ApiError.words`, shown by `widgets.common.error_text`), the executor's stored sync failures and
the runner's step cards all come through here, so a detail reads the same wherever it shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from rundun_desktop import formatting as fmt
from rundun_desktop.check_words import check_words
from rundun_desktop.words import QT_TRANSLATE_NOOP

MAX_DETAILS = 8  # more than this and a message box stops being read; the rest are said as a count


def detail_words(path: str, message: str) -> str:
    """A detail's message as a person reads it: a pattern the value must match is not shown as a regular
    expression (pydantic says "String should match pattern '^[^@ …'"), and a domain check's says it in the app's
    language (`check_words`)."""
    if not message.startswith("String should match pattern"):
        return check_words(message)
    if path.rsplit(".", 1)[-1] == "email":
        return QCoreApplication.translate(
            "problems", "is not an email address (it looks like name@example.com)"
        )
    return QCoreApplication.translate("problems", "is not in the form expected here")


# The parts of an answer's location, as the Executor's fields name them.
GEO_FIELDS = {
    "lat": QT_TRANSLATE_NOOP("problems", "Latitude"),
    "lng": QT_TRANSLATE_NOOP("problems", "Longitude"),
    "accuracy_m": QT_TRANSLATE_NOOP("problems", "Accuracy"),
}
GEO_RANGE = re.compile(r"must be a number from (?P<low>-?[\d.]+) to (?P<high>-?[\d.]+)")


def geo_words(path: str, message: str) -> str | None:
    """A problem of an answer's location (`geo.lat`, `answers.s-1.geo`…) in words that name the field as the
    person sees it ("Latitude must be a number from -90 to 90"); it read "geo.lat: must be a number from -90 to
    90" in English in every language. None for a path that names no part of a location."""
    parts = path.split(".")
    if parts[-1] == "geo" and message.startswith("must be an object"):  # geo_problems' (not a template's)
        return QCoreApplication.translate(
            "problems", "The location needs a latitude and a longitude (or none at all)"
        )
    if len(parts) < 2 or parts[-2] != "geo" or parts[-1] not in GEO_FIELDS:
        return None
    name = QCoreApplication.translate("problems", GEO_FIELDS[parts[-1]])
    if parts[-1] == "accuracy_m":
        return QCoreApplication.translate(
            "problems", "Accuracy must be a number of metres, 0 or more, or empty"
        )
    if match := GEO_RANGE.fullmatch(message):
        low, high = (fmt.number(float(match[k])) for k in ("low", "high"))
        return QCoreApplication.translate("problems", "{0} must be a number from {1} to {2}").format(
            name, low, high
        )
    if message == "is required":
        return QCoreApplication.translate("problems", "{0} is missing").format(name)
    return f"{name}: {check_words(message)}"


def detail_line(detail: dict) -> str:
    """One detail on one line: `• path: words`, or `• words` when it names no path (or its words name the
    field, as a location's do)."""
    path = detail.get("path") or ""
    message = detail.get("message", "")
    if (said := geo_words(path, message)) is not None:
        return f"• {said}"
    words = detail_words(path, message)
    return f"• {path}: {words}" if path else f"• {words}"


def problem_text(message: str, details: Iterable[dict], *, of_answer: bool = False) -> str:
    """A refusal in words: the server's message, then each detail on its line (at most `MAX_DETAILS`).
    `of_answer`: the refusal of one step's answer, its details said as on the step's card (`step_problem_lines`:
    "value: must be at most 100" read "must be at most 100")."""
    details = list(details)
    shown = details[:MAX_DETAILS]
    lines = (
        [f"• {line}" for line in step_problem_lines(shown)] if of_answer else [detail_line(d) for d in shown]
    )
    lines.insert(0, message)
    if len(details) > MAX_DETAILS:
        lines.append(
            QCoreApplication.translate("problems", "• and {0} more").format(len(details) - MAX_DETAILS)
        )
    return "\n".join(lines)


def step_problem_lines(details: Iterable[dict]) -> list[str]:
    """Problems of one step's answer (shown on its card): the path inside the answer only, without the
    `value` prefix a person does not need ("value.2: …" reads "2: …", "value: …" reads "…")."""
    lines = []
    for detail in details:
        path = detail.get("path") or ""
        if (said := geo_words(path, detail.get("message", ""))) is not None:
            lines.append(said)
            continue
        where = "" if path in ("", "value", "step_id") else f"{path.removeprefix('value').lstrip('.')}: "
        lines.append(f"{where}{detail_words(path, detail.get('message', ''))}".strip())
    return lines
