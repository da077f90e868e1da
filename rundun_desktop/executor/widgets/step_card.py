"""One step as the executor sees it: label (with its required mark), hint, the input for its type, its photos
and location where the step asks for them, Skip where the template allows it, the step's problems in words
and whether its answer is saved, waiting to sync, synced or refused. A view: it only emits what the
executor did, each signal carrying the step id."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from rundun_desktop.executor.widgets.geo import GeoInput
from rundun_desktop.executor.widgets.inputs import INPUTS, AnswerInput
from rundun_desktop.executor.widgets.photos import PhotoStrip
from rundun_desktop.executor.widgets.signature import SignatureInput
from rundun_desktop.style import set_role
from rundun_desktop.words import QT_TRANSLATE_NOOP
from server import tdl

# The answer's sync state, as the chip shows it.
UNANSWERED, WAITING, SYNCED, REFUSED = "", "waiting", "synced", "refused"
UNSENT = "unsent"  # saved here, never to be sent: the server refused the whole run
TYPING = "typing"  # typed in the input, not saved yet: shown over the saved answer's state
CHIP_TEXT = {
    TYPING: QT_TRANSLATE_NOOP("step_card", "✎ Not saved yet"),
    WAITING: QT_TRANSLATE_NOOP("step_card", "● Saved here · waiting to sync"),
    SYNCED: QT_TRANSLATE_NOOP("step_card", "✓ Synced"),
    REFUSED: QT_TRANSLATE_NOOP("step_card", "✕ Refused by the server"),
    UNSENT: QT_TRANSLATE_NOOP("step_card", "✕ Not sent · the server refused the run"),
}


class StepCard(QFrame):
    answered = Signal(str, object)  # step_id, value (None clears)
    geo_changed = Signal(str, object)
    skip_changed = Signal(str, bool)
    files_added = Signal(str, list)
    images_added = Signal(str, list)
    photo_removed = Signal(str, int)
    signed = Signal(str, bytes)
    unsigned = Signal(str)

    def __init__(
        self,
        step: tdl.Step,
        *,
        allow_skip: bool = False,
        language: str | None = None,
        parent: QWidget | None = None,
    ):
        """`language`: the run's, which the checklist's own words follow (Yes and No)."""
        super().__init__(parent)
        self.step = step
        self.step_id = step.id
        self.setObjectName("stepCard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)

        head = QHBoxLayout()
        head.setSpacing(4)
        required = step.required and step.answerable
        self.title = QLabel(
            html.escape(step.label) + (' <span style="color:#e03131">*</span>' if required else "")
        )
        self.title.setObjectName("stepLabel")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.title.setToolTip(self.tr("Required") if required else "")
        head.addWidget(self.title, 1)
        self.chip = QLabel("")
        self.chip.setObjectName("savedChip")
        head.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        if step.hint:
            hint = QLabel(step.hint)
            hint.setObjectName("stepHint")
            hint.setWordWrap(True)
            layout.addWidget(hint)

        self.input: AnswerInput | None = None
        self.photos: PhotoStrip | None = None
        self.signature: SignatureInput | None = None
        if isinstance(step.config, tdl.PhotoConfig):
            self.photos = PhotoStrip(step.config.min, step.config.max)
        elif step.type == "signature":
            self.signature = SignatureInput()
            self.signature.signed.connect(lambda png: self.signed.emit(self.step_id, png))
            self.signature.cleared.connect(lambda: self.unsigned.emit(self.step_id))
            layout.addWidget(self.signature)
        else:
            self.input = INPUTS[step.type](step, language=language)
            self.input.committed.connect(lambda value: self.answered.emit(self.step_id, value))
            self.input.edited.connect(self._typed)
            layout.addWidget(self.input)
            if isinstance(step.photo, tdl.PhotoRequirement):
                self.photos = PhotoStrip(step.photo.min, step.photo.max, with_answer=True)
        if self.photos is not None:
            self.photos.files_added.connect(lambda paths: self.files_added.emit(self.step_id, paths))
            self.photos.images_added.connect(lambda images: self.images_added.emit(self.step_id, images))
            self.photos.remove_requested.connect(lambda index: self.photo_removed.emit(self.step_id, index))
            layout.addWidget(self.photos)
        self.geo: GeoInput | None = None
        if step.geo:
            self.geo = GeoInput()
            self.geo.changed.connect(lambda geo: self.geo_changed.emit(self.step_id, geo))
            layout.addWidget(self.geo)
        self.skip: QCheckBox | None = None
        if allow_skip and step.answerable:
            self.skip = QCheckBox(self.tr("Skip this step"))
            self.skip.clicked.connect(lambda checked: self.skip_changed.emit(self.step_id, checked))
            layout.addWidget(self.skip)
        self.state, self.state_words, self.typing = UNANSWERED, "", False
        self.problems = QLabel("")
        self.problems.setObjectName("syncError")
        self.problems.setWordWrap(True)
        self.problems.hide()
        layout.addWidget(self.problems)

    # -- showing ------------------------------------------------------------------------------------------------
    def show_answer(self, entry: dict | None) -> None:
        self._typing_over()  # the input shows the answer now, not what was typed
        entry = entry or {}
        skipped = bool(entry.get("skipped"))
        if self.input is not None:
            self.input.set_value(entry.get("value"))
            self.input.setEnabled(not skipped)
        photos = entry.get("photos") or []
        if self.photos is not None:
            self.photos.set_photos(photos)
        if self.signature is not None:
            self.signature.show_saved(photos[0].get("path") if photos else None, bool(photos))
            self.signature.setEnabled(
                not skipped
            )  # a skipped step takes no signature (the server refuses one)
        if self.geo is not None:
            self.geo.set_value(entry.get("geo"))
        if self.skip is not None:
            self.skip.setChecked(skipped)

    def show_problems(self, problems: list[str], *, keep_room: bool = False) -> None:
        """`keep_room`: words that go leave their room empty, until `release_room` (the runner keeps what is
        under the person's pointer in place while its list of missing things shows)."""
        if problems or not keep_room:
            self.problems.setText("\n".join(problems))
        self._retain_room(keep_room and not problems)
        self.problems.setVisible(bool(problems))
        set_role(self, problem=bool(problems))

    def release_room(self) -> None:
        if self.problems.isHidden():
            self.problems.setText("")
        self._retain_room(False)

    def _retain_room(self, retain: bool) -> None:
        policy = self.problems.sizePolicy()
        policy.setRetainSizeWhenHidden(retain)
        self.problems.setSizePolicy(policy)

    def show_state(self, state: str, words: str = "") -> None:
        """The saved answer's state; the chip says "not saved yet" instead while typing is not committed."""
        self.state, self.state_words = state, words
        shown = TYPING if self.typing else state
        self.chip.setText(
            QCoreApplication.translate("step_card", CHIP_TEXT[shown]) if CHIP_TEXT.get(shown) else ""
        )
        self.chip.setToolTip(
            self.tr("Saved on this computer when you pause typing or leave the field")
            if self.typing
            else words
        )
        set_role(self.chip, state=shown)

    def saved(self, state: str) -> None:
        """What was typed (if anything) is saved now, in `state`."""
        self._typing_over()
        self.show_state(state)

    def unsaved(self) -> None:
        """The input shows an answer that was refused (a box ticked past the most allowed): "not saved yet"."""
        self._typed()

    def _typed(self) -> None:
        if not self.typing:
            self.typing = True
            self.show_state(self.state, self.state_words)

    def _typing_over(self) -> None:
        if self.typing:
            self.typing = False
            self.show_state(self.state, self.state_words)

    def set_editable(self, editable: bool) -> None:
        for part in (self.input, self.photos, self.signature, self.geo, self.skip):
            if part is not None:
                part.setEnabled(editable)

    def first_focus(self) -> QWidget | None:
        if self.input is not None and self.step.answerable:
            return self.input.first_focus()
        if self.signature is not None:
            return self.signature.first_focus()
        if self.photos is not None:
            return self.photos.add_button
        return None

    def value_text(self) -> Any:  # for tests and accessibility: what the card shows as answered
        return self.chip.text()
