"""A run's history (`GET /v1/runs/{id}/history`, SPEC §10) per step, in words: "changed 3 times", each write
with the device's time and the server's, and the stale writes that lost to a newer answer.

Pure: the detail panel and the PDF report both use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from rundun_desktop import formatting as fmt
from rundun_desktop.answers import value_text
from rundun_desktop.words import QT_TRANSLATE_NOOP, Counts

OUTCOME_WORDS = {
    "applied": "",
    "stale": QT_TRANSLATE_NOOP("history_words", "lost: a newer answer was already stored"),
    "duplicate": QT_TRANSLATE_NOOP("history_words", "sent again (already received)"),
}
KIND_WORDS = {
    "photo_attached": QT_TRANSLATE_NOOP("history_words", "photo {n} added"),
    "photo_removed": QT_TRANSLATE_NOOP("history_words", "photo {n} removed"),
}


@dataclass
class HistoryLine:
    text: str
    at: str | None  # the device's time
    received_at: str
    lost: bool = False  # a stale write: it changed nothing


@dataclass
class StepHistory:
    step_id: str
    label: str
    changes: int  # writes that were stored (applied answers, photos added or removed)
    lines: list[HistoryLine] = field(default_factory=list)

    @property
    def summary(self) -> str:
        words = Counts.tr("changed %n time(s)", "", self.changes)
        lost = sum(line.lost for line in self.lines)
        return words + (Counts.tr(" · %n stale write(s) lost", "", lost) if lost else "")


def _steps(run: dict) -> dict[str, dict]:
    template = run.get("template") or {}
    return {
        step["id"]: step for section in template.get("sections") or [] for step in section.get("steps") or []
    }


def _line(step: dict, entry: dict) -> HistoryLine:
    kind = entry["kind"]
    if kind == "answer":
        text = "skipped" if entry.get("skipped") else value_text(step, entry.get("value"))
        note = OUTCOME_WORDS.get(entry.get("outcome") or "", "")
        note = QCoreApplication.translate("history_words", note) if note else ""
        text = f"{text} — {note}" if note else text
    else:
        n = ((entry.get("details") or {}).get("photo_index") or 0) + 1
        text = (
            QCoreApplication.translate("history_words", KIND_WORDS[kind])
            if kind in KIND_WORDS
            else kind.replace("_", " ")
        ).format(n=n)
    return HistoryLine(text, entry.get("at"), entry["received_at"], lost=entry.get("outcome") == "stale")


def step_histories(run: dict, entries: list[dict]) -> list[StepHistory]:
    """The steps that received any write, in template order (unknown steps last), each with its lines."""
    steps = _steps(run)
    order = {step_id: n for n, step_id in enumerate(steps)}
    found: dict[str, StepHistory] = {}
    for entry in entries:
        step_id = entry.get("step_id")
        if not step_id:
            continue  # signature, complete, exit: the run's own facts say them
        step = steps.get(step_id, {"id": step_id, "type": "text"})
        history = found.setdefault(step_id, StepHistory(step_id, step.get("label") or step_id, 0))
        line = _line(step, entry)
        history.lines.append(line)
        if entry["kind"] != "answer" or entry.get("outcome") == "applied":
            history.changes += 1
    return sorted(found.values(), key=lambda h: order.get(h.step_id, len(order)))


def line_times(line: HistoryLine) -> str:
    """'device 10:00:00 · received 10:02:13' (local time), the two clocks of one write."""
    received = fmt.local_time(line.received_at, with_seconds=True)
    if not line.at:
        return f"received {received}"
    return QCoreApplication.translate("history_words", "device {0} · received {1}").format(
        fmt.local_time(line.at, with_seconds=True), received
    )
