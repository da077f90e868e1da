"""The run detail panel's layout: header and actions, facts, answers in template order, signature, webhooks."""

from __future__ import annotations

import html

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop import formatting as fmt
from rundun_desktop.answers import ANSWERED, HIDDEN, INSTRUCTION, SectionItems, geo_text, map_link
from rundun_desktop.history_words import StepHistory, line_times
from rundun_desktop.style import FINDING_COLOUR, set_icon_pixmap, set_role
from rundun_desktop.theme import colour, set_sheet
from rundun_desktop.widgets.common import MessageLine, button, card, label
from rundun_desktop.widgets.fit import fold_labels
from rundun_desktop.widgets.layouts import clear_layout
from rundun_desktop.widgets.photo import Thumbnail

STATE_COLOURS = {ANSWERED: "#1c2333", HIDDEN: "#a3abbd", INSTRUCTION: "#5b6478"}


HISTORY_LINES_SHOWN = 50  # a step's newest writes in the history; one written all day reads its latest
ACTIONS_FOLDED_WIDTH = 160  # the three actions as icons, with their spacing


class RunDetailView(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # content follows the width
        self.setMinimumWidth(380)
        self._pressed: QPushButton | None = None  # the action that made it busy: focus goes back there
        content = QWidget()
        content.setObjectName("Page")
        self.setWidget(content)
        outer = QVBoxLayout(content)
        outer.setContentsMargins(4, 0, 8, 8)
        outer.setSpacing(12)

        self.placeholder = QWidget()
        ph = QVBoxLayout(self.placeholder)
        ph.addStretch(1)
        art = QLabel()
        set_icon_pixmap(art, "inbox", "#b9c2d8", 48)
        art.setAlignment(Qt.AlignmentFlag.AlignCenter)
        ph.addWidget(art)
        hint = label(self.tr("Select a run to see its answers, photos and webhooks."), "muted", wrap=True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        ph.addWidget(hint)
        ph.addStretch(2)
        outer.addWidget(self.placeholder, 1)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(12)
        outer.addWidget(self.body)
        self.body.hide()

        header, hl = card(spacing=6)
        top = QHBoxLayout()
        self.title = label("", "section", wrap=True)
        self.badge = label("", "badge")
        # Closing gives the list its room (and its columns) back: once a run was selected, nothing closed it.
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setObjectName("CloseDetail")  # style.qss: a glyph at the text's size was a speck
        self.close_button.setToolTip(self.tr("Close the run's detail (Escape)"))
        self.close_button.setAccessibleName(self.tr("Close the run's detail"))
        top.addWidget(self.title, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        hl.addLayout(top)
        self.subtitle = label("", "muted", wrap=True, selectable=True)
        hl.addWidget(self.subtitle)
        # The actions fold to their icons (words in tooltips) when the panel is too narrow for their words:
        # German's "Link kopieren · PDF · Stornieren" were wider than the panel beside a 1280 px table,
        # which then cut the panel's right edge, the status badge and the Cancel button with it.
        self.actions_bar = QWidget()
        actions = QHBoxLayout(self.actions_bar)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.setSpacing(8)
        self.copy_link_button = button(self.tr("Copy link"), "link")
        self.pdf_button = button(self.tr("PDF"), "pdf")
        self.cancel_button = button(self.tr("Cancel run"), "cancel", danger=True)
        for b in (self.copy_link_button, self.pdf_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        self.actions_bar.setMinimumWidth(ACTIONS_FOLDED_WIDTH)  # not its words' width: it folds instead
        self.actions_fit = fold_labels(
            self.actions_bar, [self.copy_link_button, self.pdf_button, self.cancel_button]
        )
        hl.addWidget(self.actions_bar)
        body.addWidget(header)

        self.message = MessageLine()
        body.addWidget(self.message)

        facts, fl = card()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.progress_text = label("", "muted")
        prow = QHBoxLayout()
        prow.addWidget(self.progress, 1)
        prow.addWidget(self.progress_text)
        fl.addLayout(prow)
        # A completed run's optional steps left unanswered, under the bar: beside it, German's words were cut.
        self.progress_note = label("", "muted", wrap=True)
        self.progress_note.setObjectName("progressNote")
        self.progress_note.hide()
        fl.addWidget(self.progress_note)
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(14)
        self.facts.setVerticalSpacing(6)
        fl.addLayout(self.facts)
        body.addWidget(facts)

        self.device_card, dvl = card(spacing=4)  # what the executor's device still holds (SPEC §10)
        self.device_title = label(self.tr("On the executor's device"), "section")
        self.device_text = label("", wrap=True, selectable=True)
        self.device_text.setObjectName("device-text")
        dvl.addWidget(self.device_title)
        dvl.addWidget(self.device_text)
        body.addWidget(self.device_card)

        answers, self.answers_layout = card(spacing=4)
        self.answers_card = answers
        body.addWidget(answers)

        self.history_card, self.history_layout = card(spacing=4)  # every change to an answer (SPEC §10)
        body.addWidget(self.history_card)

        self.signature_card, sl = card()
        sl.addWidget(label(self.tr("Signature"), "section"))
        self.signature_holder = QHBoxLayout()
        sl.addLayout(self.signature_holder)
        body.addWidget(self.signature_card)

        deliveries, dl = card(spacing=6)
        head = QHBoxLayout()
        head.addWidget(label(self.tr("Webhook deliveries"), "section"))
        head.addStretch(1)
        self.refresh_deliveries_button = button(self.tr("Refresh"), "refresh", flat=True)
        head.addWidget(self.refresh_deliveries_button)
        dl.addLayout(head)
        self.deliveries_layout = QVBoxLayout()
        self.deliveries_layout.setSpacing(4)
        dl.addLayout(self.deliveries_layout)
        body.addWidget(deliveries)
        outer.addStretch(1)

    # -- filling ----------------------------------------------------------------------------------------------
    def show_placeholder(self) -> None:
        self.body.hide()
        self.placeholder.show()

    def show_body(self) -> None:
        self.placeholder.hide()
        self.body.show()

    def set_header(self, title: str, status: str, subtitle: str, can_cancel: bool) -> None:
        self.title.setText(title)
        fg, bg = fmt.STATUS_COLOURS.get(status, ("#1c2333", "#eceef3"))
        self.badge.setText(fmt.status_label(status))
        set_sheet(self.badge, f"color: {fg}; background: {bg};")
        self.subtitle.setText(subtitle)
        self.cancel_button.setVisible(can_cancel)

    def set_progress(self, fraction: float, text: str, note: str = "") -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(fraction * 1000))
        self.progress_text.setText(text)
        self.progress_note.setText(note)
        self.progress_note.setVisible(bool(note))

    def set_facts(self, facts: list[tuple[str, str]]) -> None:
        clear_layout(self.facts)
        self.fact_values: dict[str, QLabel] = {}  # by name: a value the controller updates in place
        for row, (name, value) in enumerate(facts):
            self.facts.addWidget(label(name, "fieldname"), row, 0, Qt.AlignmentFlag.AlignTop)
            self.fact_values[name] = label(value, wrap=True, selectable=True)
            self.facts.addWidget(self.fact_values[name], row, 1)
        self.facts.setColumnStretch(1, 1)

    def set_answers(self, sections: list[SectionItems]) -> list[Thumbnail]:
        """Rebuild the answers; returns the photo tiles, for the controller to fill as images arrive."""
        clear_layout(self.answers_layout)
        thumbs: list[Thumbnail] = []
        self.answers_layout.addWidget(label(self.tr("Answers"), "section"))
        if not sections:
            self.answers_layout.addWidget(label(self.tr("This run's template is not available."), "muted"))
        for section in sections:
            if section.title:
                heading = label(section.title.upper(), "muted")
                heading.setStyleSheet("font-weight: 700; letter-spacing: 1px; padding-top: 8px;")
                self.answers_layout.addWidget(heading)
            for item in section.items:
                row = QFrame()
                row.setObjectName("AnswerRow")
                rl = QVBoxLayout(row)
                rl.setContentsMargins(0, 6, 0, 8)
                rl.setSpacing(3)
                name = label(item.label, wrap=True)
                set_sheet(name, "color: #5b6478;")
                value = label(item.text, wrap=True, selectable=True)
                weight = "600" if item.state == ANSWERED else "400"
                set_sheet(value, f"color: {STATE_COLOURS.get(item.state, '#8a93a6')}; font-weight: {weight};")
                value.setObjectName(f"answer-{item.step_id}")
                rl.addWidget(name)
                rl.addWidget(value)
                if item.finding:  # SPEC §14: in words and colour, never colour alone
                    set_sheet(value, f"color: {FINDING_COLOUR}; font-weight: 600;")
                    mark = label(self.tr("⚠ Finding — this answer needs action"), "finding")
                    mark.setObjectName(f"finding-{item.step_id}")
                    set_sheet(mark, f"color: {FINDING_COLOUR}; font-weight: 700;")
                    rl.addWidget(mark)
                if item.photos:
                    strip = QGridLayout()  # rows of three: up to 20 photos fit the panel's width
                    strip.setSpacing(6)
                    for n, photo in enumerate(item.photos):
                        tile = Thumbnail(photo["url"], whole=item.type == "signature")
                        number = QLocale().toString(photo["photo_index"] + 1)
                        tile.setProperty("caption", self.tr("{0} — photo {1}").format(item.label, number))
                        strip.addWidget(tile, n // 3, n % 3)
                        thumbs.append(tile)
                    strip.setColumnStretch(3, 1)
                    rl.addLayout(strip)
                meta = []
                if item.geo:
                    meta.append(
                        self.tr('GPS {0} · <a href="{1}">Open map</a>').format(
                            geo_text(item.geo), map_link(item.geo)
                        )
                    )
                if item.at:
                    meta.append(fmt.local_time(item.at, with_seconds=True))
                if meta:
                    line = label(" · ".join(meta), "muted", wrap=True)
                    line.setOpenExternalLinks(True)
                    line.setTextFormat(Qt.TextFormat.RichText)
                    rl.addWidget(line)
                self.answers_layout.addWidget(row)
        return thumbs

    def set_device(self, text: str, tone: str | None) -> None:
        self.device_text.setText(text)
        set_sheet(self.device_title, f"color: {tone};" if tone else "")

    def set_history(self, steps: list[StepHistory], note: str = "") -> None:
        """Per step that received writes: "changed 3 times", then each write with both clocks."""
        clear_layout(self.history_layout)
        self.history_layout.addWidget(label(self.tr("Answer history"), "section"))
        if not steps:
            self.history_layout.addWidget(
                label(note or self.tr("No answer has been received yet."), "muted", wrap=True)
            )
            return
        for step in steps:
            summary = f" · {html.escape(step.summary)}" if step.summary else ""  # none: written once
            head = label(f"<b>{html.escape(step.label)}</b>{summary}", wrap=True, selectable=True)
            head.setTextFormat(Qt.TextFormat.RichText)
            head.setObjectName(f"history-{step.step_id}")
            self.history_layout.addWidget(head)
            # A step's newest writes in one label, a line each: a label a write made every live refresh of a run
            # being answered rebuild hundreds of wrapped labels, and Qt's layout of them grew faster than their
            # number (100 writes held the window 1.5 s a refresh, 400 writes 9 s). One label still costs about
            # 1 ms a line a refresh, so a step says how many earlier writes it leaves out.
            shown = step.lines[-HISTORY_LINES_SHOWN:]
            earlier = len(step.lines) - len(shown)
            lines = []
            if earlier:
                words = self.tr("%Ln earlier write(s) not shown", "", earlier)
                lines.append(f'<span style="color:{colour("#8a93a6")}">{html.escape(words)}</span>')
            for line in shown:
                ink = colour("#c92a2a" if line.lost else "#5b6478")
                text = html.escape(line.text)
                body = f"<s>{text}</s>" if line.lost else text
                lines.append(
                    f'<span style="color:{ink}">{body}</span>'
                    f' <span style="color:{colour("#8a93a6")}">· {html.escape(line_times(line))}</span>'
                )
            if lines:
                writes = label("<br>".join(lines), wrap=True, selectable=True)
                writes.setTextFormat(Qt.TextFormat.RichText)
                writes.setContentsMargins(14, 0, 0, 0)
                writes.setObjectName(f"history-lines-{step.step_id}")
                self.history_layout.addWidget(writes)

    def set_signature(self, url: str | None) -> Thumbnail | None:
        clear_layout(self.signature_holder)
        self.signature_card.setVisible(bool(url))
        if not url:
            return None
        tile = Thumbnail(url, size=110, whole=True)
        tile.setProperty("caption", self.tr("Signature"))
        self.signature_holder.addWidget(tile)
        self.signature_holder.addStretch(1)
        return tile

    def set_deliveries(self, deliveries: list[dict] | None, note: str = "") -> dict[str, QPushButton]:
        """One line per delivery with its state; returns the Redeliver buttons by delivery id."""
        clear_layout(self.deliveries_layout)
        buttons: dict[str, QPushButton] = {}
        if not deliveries:
            self.deliveries_layout.addWidget(
                label(note or self.tr("No webhook deliveries for this run."), "muted", wrap=True)
            )
            return buttons
        for d in deliveries:
            line = QHBoxLayout()
            state = d.get("status", "")
            ink = colour({"delivered": "#11703f", "failed": "#b4232a"}.get(state, "#8a5a00"))
            code = d.get("last_status_code") or d.get("status_code")
            detail = [d.get("event") or "", self.tr("%Ln attempt(s)", "", d.get("attempts", 0))]
            if code:
                detail.append(f"HTTP {code}")
            if d.get("last_error") or d.get("error"):
                detail.append(str(d.get("last_error") or d.get("error")))
            if (d.get("next_retry_at") or d.get("next_attempt_at")) and state not in ("delivered", "failed"):
                detail.append(
                    self.tr("next try {0}").format(
                        fmt.local_time(d.get("next_retry_at") or d.get("next_attempt_at"))
                    )
                )
            words = html.escape(" · ".join(detail))
            said = {"delivered": self.tr("delivered"), "failed": self.tr("failed")}.get(
                state, self.tr("pending")
            )
            text = label(f'<b style="color:{ink}">{html.escape(said)}</b> · {words}', wrap=True)
            text.setTextFormat(Qt.TextFormat.RichText)
            line.addWidget(text, 1)
            redeliver = button(self.tr("Redeliver"), flat=True)
            buttons[d["id"]] = redeliver
            line.addWidget(redeliver)
            self.deliveries_layout.addLayout(line)
        return buttons

    def set_writing_pdf(self, writing: bool) -> None:
        """The PDF button while its file is written (disabled by `set_busy`): a busy pointer over it."""
        if writing:
            self.pdf_button.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.pdf_button.unsetCursor()

    def set_busy(self, busy: bool) -> None:
        actions = (self.cancel_button, self.pdf_button)
        # The window's focus, not the keyboard's: while the save dialog's window is active no button has the
        # keyboard's, but the window comes back to the one it had (disabled by then, so on down the panel).
        focused = self.window().focusWidget()
        pressed = next((b for b in actions if b is focused), None)
        if busy and pressed is not None:
            # Disabled with the focus, a button hands it to the next one in the chain, and the panel scrolled
            # down to the Redeliver and Refresh buttons: the word that the PDF was saved went out of sight.
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self._pressed = pressed
        for b in actions:
            b.setEnabled(not busy)
        set_role(self.body, busy=busy)
        if not busy and focused is self and self._pressed is not None and self._pressed.isVisibleTo(self):
            self._pressed.setFocus(Qt.FocusReason.OtherFocusReason)  # back where the keyboard was
        if not busy:
            self._pressed = None
