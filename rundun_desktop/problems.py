"""Problem details in words: the one place the desktop turns `{path, message}` details into what a person reads.

The server answers every refusal with `{error, message, details}` where each detail names a `path` and says
what is wrong there (the domain package's own checks, run on this computer, use the same shape). The app's
error messages (`ApiError.words`, shown by `widgets.common.error_text`), the executor's stored sync failures and
the runner's step cards all come through here, so a detail reads the same wherever it shows.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from rundun_desktop.check_words import check_words

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


def detail_line(detail: dict) -> str:
    """One detail on one line: `• path: words`, or `• words` when it names no path."""
    path = detail.get("path") or ""
    words = detail_words(path, detail.get("message", ""))
    return f"• {path}: {words}" if path else f"• {words}"


def problem_text(message: str, details: Iterable[dict]) -> str:
    """A refusal in words: the server's message, then each detail on its line (at most `MAX_DETAILS`)."""
    details = list(details)
    lines = [message, *(detail_line(detail) for detail in details[:MAX_DETAILS])]
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
        where = "" if path in ("", "value", "step_id") else f"{path.removeprefix('value').lstrip('.')}: "
        lines.append(f"{where}{detail_words(path, detail.get('message', ''))}".strip())
    return lines
