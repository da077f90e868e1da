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
    changes: int  # writes that replaced or removed what the step held (see Held)
    lines: list[HistoryLine] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """'changed 2 times · 1 stale write lost'; nothing for an answer written once and kept."""
        lost = sum(line.lost for line in self.lines)
        changed = Counts.tr("changed %Ln time(s)", "", self.changes) if self.changes else ""
        # The catalogs' words for the lost writes begin with the " · " that follows a change's.
        lost_words = Counts.tr(" · %Ln stale write(s) lost", "", lost) if lost else ""
        return (changed + lost_words).removeprefix(" · ")


@dataclass
class Held:
    """What the server holds for one step as its writes arrive, to tell a change from a first answer: a write
    changes the step when it replaces or removes something held. The first answer changes nothing (every
    answer written once read "changed once"), nor does a photo added beside the others, nor a write that
    stores what was there (a signature step's answer and its image read "changed 2 times")."""

    answer: tuple | None = None  # (value, skipped) of the last answer applied
    photos: dict[int, str] = field(default_factory=dict)  # photo index → its sha256

    def changed_by(self, entry: dict) -> bool:
        kind, details = entry["kind"], entry.get("details") or {}
        if kind == "answer":
            if entry.get("outcome") != "applied":
                return False  # stale or a duplicate: nothing was stored
            answer = self.answer
            self.answer = (entry.get("value"), bool(entry.get("skipped")))
            return answer not in (None, (None, False)) and answer != self.answer
        index = int(details.get("photo_index") or 0)
        if kind == "photo_attached":
            photo = self.photos.get(index)
            self.photos[index] = str(details.get("sha256"))
            return photo is not None and photo != self.photos[index]
        if kind == "photo_removed":
            return self.photos.pop(index, None) is not None
        return False


def _steps(run: dict) -> dict[str, dict]:
    template = run.get("template") or {}
    return {
        step["id"]: step for section in template.get("sections") or [] for step in section.get("steps") or []
    }


def _line(step: dict, entry: dict, photos: int) -> HistoryLine:
    """One write in words; `photos`: how many the step holds after it (a photo or signature step's answer is its
    images: its answer written after them read "Not signed")."""
    kind = entry["kind"]
    if kind == "answer":
        text = "skipped" if entry.get("skipped") else value_text(step, entry.get("value"), photos)
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
    held: dict[str, Held] = {}
    for entry in entries:
        step_id = entry.get("step_id")
        if not step_id:
            continue  # signature, complete, exit: the run's own facts say them
        step = steps.get(step_id, {"id": step_id, "type": "text"})
        history = found.setdefault(step_id, StepHistory(step_id, step.get("label") or step_id, 0))
        stored = held.setdefault(step_id, Held())
        history.changes += stored.changed_by(entry)
        history.lines.append(_line(step, entry, len(stored.photos)))
    return sorted(found.values(), key=lambda h: order.get(h.step_id, len(order)))


def line_times(line: HistoryLine) -> str:
    """'device 10:00:00 · received 10:02:13' (local time), the two clocks of one write."""
    received = fmt.local_time(line.received_at, with_seconds=True)
    if not line.at:
        return QCoreApplication.translate("history_words", "received {0}").format(received)
    return QCoreApplication.translate("history_words", "device {0} · received {1}").format(
        fmt.local_time(line.at, with_seconds=True), received
    )
