"""The live preview: the template as the executor will see it, one section at a time, answerable.

Answers go into a run-style answer map and the shared domain package decides which steps are
shown (`visible_step_ids`), what counts as progress and what would still block completion, exactly as
the server and the offline executor will. Cards are kept per step and rebuilt only when that step
changed, so a refresh after an edit on a large template costs a few cards, not the whole section.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.formatting import number
from rundun_desktop.i18n import RIGHT_TO_LEFT
from server.tdl import Template, completion_problems, compute_progress, resolve_template, visible_step_ids

from .fields import discard
from .icons import icon
from .preview_cards import SectionHeader, StepCard


class PreviewPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.model: Template | None = None
        self.body: dict[str, Any] = {}  # what is shown: the template resolved to `language`
        self.source: dict[str, Any] = {}  # the template as given, every language in it
        self.language: str | None = None  # None: the template's first language
        self.answers: dict[str, dict[str, Any]] = {}
        self.cards: dict[str, tuple[str, StepCard]] = {}  # step id → (signature, card)
        self.section = 0
        self.wanted: Any = None  # the step the editor has selected: its section is the one shown
        # or the section it has selected, by its id: by its row, a moved section left the preview on the
        # page of the section that took its place
        self.wanted_section: Any = None
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(150)
        self._follow.timeout.connect(self._show_wanted)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)

        nav = QHBoxLayout()
        nav.setContentsMargins(10, 4, 10, 0)  # as the cards below: the arrows off the pane's edges
        self.prev_button = QToolButton()
        self.prev_button.setIcon(icon("back"))
        self.prev_button.setToolTip(self.tr("Previous section"))
        self.next_button = QToolButton()
        self.next_button.setIcon(icon("forward"))
        self.next_button.setToolTip(self.tr("Next section"))
        self.where = QLabel()
        self.where.setObjectName("muted")
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.where, 1)
        nav.addWidget(self.next_button)
        outer.addLayout(nav)
        self.prev_button.clicked.connect(lambda: self.go(self.section - 1))
        self.next_button.clicked.connect(lambda: self.go(self.section + 1))

        self.banner = QLabel()
        self.banner.setObjectName("previewBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.page = QWidget()
        self.page.setObjectName("previewPage")
        self.page_layout = QVBoxLayout(self.page)
        self.page_layout.setContentsMargins(10, 10, 10, 10)
        self.page_layout.setSpacing(8)
        self.header = SectionHeader()
        self.page_layout.addWidget(self.header)
        self.page_layout.addStretch(1)
        self.shown: list[StepCard] = []
        self.scroll_area.setWidget(self.page)
        outer.addWidget(self.scroll_area, 1)

        foot = QHBoxLayout()
        foot.setContentsMargins(
            10, 4, 10, 4
        )  # as the page's cards: the line and its button off the pane's edges
        self.progress = QLabel()
        self.progress.setObjectName("previewProgress")
        self.progress.setWordWrap(True)
        reset = QToolButton()  # an icon, its words in the tooltip: the progress line keeps the width
        reset.setIcon(icon("reset"))
        reset.setToolTip(self.tr("Reset answers"))
        reset.setAutoRaise(True)
        reset.setObjectName("resetAnswers")
        reset.clicked.connect(self.reset_answers)
        foot.addWidget(self.progress, 1)
        foot.addWidget(reset)
        outer.addLayout(foot)

    # -- input ----------------------------------------------------------------------------------------
    def set_template(self, body: dict[str, Any], model: Template) -> None:
        """Show a valid template (its normalized body and its model) in the language chosen."""
        self.model, self.source = model, body
        self.body = resolve_template(body, self.language) if self.language else body
        self.banner.hide()
        wanted = self._wanted_section()
        self.section = min(
            self.section if wanted is None else wanted, max(0, len(body.get("sections", [])) - 1)
        )
        self.redraw()

    def clear(self) -> None:
        """Show nothing: a search that finds no template left the previous one's preview up."""
        self.model, self.source, self.body, self.section = None, {}, {}, 0
        self.banner.hide()
        self.reset_answers()
        self.progress.setText("")

    def set_language(self, language: str | None) -> None:
        """Show the template in `language` (SPEC §15: untranslated texts in the first language)."""
        if language == self.language:
            return
        self.language = language
        if self.model is not None:
            self.set_template(self.source, self.model)

    def set_invalid(self, count: int) -> None:
        # Whole sentences, counted: "1 problem; fix them" was English glued from two halves.
        if self.model:
            text = self.tr(
                "The template has %Ln problem(s); the preview shows the last valid version.", "", count
            )
        else:
            text = self.tr("The template has %Ln problem(s); fix them to see the preview.", "", count)
        self.banner.setText(text)
        self.banner.show()

    def show_step(self, step_id: Any) -> None:
        """Follow the editor's selection, a moment later (never on the edit path)."""
        self.wanted, self.wanted_section = step_id, None
        self._follow.start()

    def show_section(self, section_id: Any) -> None:
        """Follow a section selected in the editor: turn to it (the preview stayed on the last step's)."""
        self.wanted, self.wanted_section = None, section_id
        self._follow.start()

    def _wanted_section(self) -> int | None:
        sections = self.body.get("sections", [])
        if self.wanted_section is not None:
            return next((i for i, s in enumerate(sections) if s.get("id") == self.wanted_section), None)
        return self._section_of(self.wanted)

    def _show_wanted(self) -> None:
        """Turn to the section holding the selected step and bring its card into view."""
        if not self.isVisible():
            return
        step_id = self.wanted
        section = self._wanted_section()
        if section is None:
            return
        if section != self.section:
            self.go(section)
        entry = self.cards.get(step_id)
        if entry and entry[1].isVisible():
            self.scroll_area.ensureWidgetVisible(entry[1], 0, 40)

    def _section_of(self, step_id: Any) -> int | None:
        for i, section in enumerate(self.body.get("sections", [])):
            if any(s.get("id") == step_id for s in section.get("steps", [])):
                return i
        return None

    def go(self, section: int) -> None:
        if 0 <= section < len(self.body.get("sections", [])):
            self.section = section
            self.redraw()

    def reset_answers(self) -> None:
        self.answers.clear()
        for _, card in self.cards.values():
            self._drop_card(card)
        self.cards.clear()
        self.redraw()

    # -- drawing --------------------------------------------------------------------------------------
    def redraw(self) -> None:
        """Show the current section: cards kept where their step did not change, moved only when the
        order did, so a refresh after one edit rebuilds one card."""
        sections = self.body.get("sections", [])
        self.prev_button.setEnabled(self.section > 0)
        self.next_button.setEnabled(self.section < len(sections) - 1)
        live: set[str] = {str(s.get("id")) for sec in sections for s in sec.get("steps", [])}
        for step_id in [k for k in self.cards if k not in live]:
            self._drop_card(self.cards.pop(step_id)[1])
            self.answers.pop(step_id, None)
        section = sections[self.section] if sections else {}
        self.where.setText(
            self.tr("Section {0} of {1}").format(number(self.section + 1), number(len(sections)))
            if sections
            else ""
        )
        self.header.show_title(str(section.get("title", "")), str(self.body.get("name", "")))
        # The page reads the way its language does, whatever the app's: an Arabic template's options, buttons
        # and badges stood on the left in an English app (its labels alone went right, as Qt aligns Arabic
        # text), and an English one in an Arabic app put them on the right and wrote "7-day" as "day-7".
        rtl = self._shown_language().split("-")[0].lower() in RIGHT_TO_LEFT
        self.page.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        wanted = [self._card(step) for step in section.get("steps", [])]
        if wanted != self.shown:
            for card in self.shown:
                self.page_layout.removeWidget(card)
                if card not in wanted:
                    card.hide()
            for position, card in enumerate(wanted, start=1):
                self.page_layout.insertWidget(position, card)
            self.shown = wanted
        self._apply_visibility()

    def _shown_language(self) -> str:
        """The language the page shows: the one chosen, else the template's first."""
        languages = self.body.get("languages")
        first = languages[0] if isinstance(languages, list) and languages else "en"
        return str(self.language or first)

    def _card(self, step: dict[str, Any]) -> StepCard:
        step_id = str(step.get("id"))  # as the card names its step (StepCard.step_id)
        signature = json.dumps(step, sort_keys=True, default=str)
        cached = self.cards.get(step_id)
        if cached and cached[0] == signature:
            return cached[1]
        if cached:
            self._drop_card(cached[1])
            self.answers.pop(step_id, None)
        card = StepCard(step)
        card.answered.connect(self._answered)
        self.cards[step_id] = (signature, card)
        return card

    def _drop_card(self, card: StepCard) -> None:
        if card in self.shown:
            self.shown.remove(card)
            self.page_layout.removeWidget(card)
        discard(card)

    def _answered(self, step_id: str, entry: Any) -> None:
        if entry is None:
            self.answers.pop(step_id, None)
        else:
            self.answers[step_id] = entry
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        if self.model is None:
            return
        visible = visible_step_ids(self.model, self.answers)
        sections = self.body.get("sections", [])
        for step in sections[self.section].get("steps", []) if sections else []:
            entry = self.cards.get(step.get("id"))
            if entry:
                entry[1].setVisible(step.get("id") in visible)
        answerable = [s for sec in sections for s in sec.get("steps", []) if s.get("type") != "instruction"]
        hidden = sum(1 for s in answerable if s.get("id") not in visible)
        progress = compute_progress(self.model, self.answers)
        left = completion_problems(self.model, self.answers, has_run_signature=True)
        text = self.tr("{0} of {1} answered").format(number(progress["answered"]), number(progress["total"]))
        if hidden:
            text += self.tr(" · %Ln step(s) hidden by conditions", "", hidden)
        text += (
            self.tr(" · ready to complete")
            if not left
            else self.tr(" · {0} left before completion").format(number(len(left)))
        )
        self.progress.setText(text)

    def visible_cards(self) -> list[str]:
        """Ids of the steps shown on the current page (for tests and the status line)."""
        return [sid for sid, (_, card) in self.cards.items() if card.isVisibleTo(self.page) and card.parent()]
