"""Generate a template from a description: the prompt, the generated template previewed as the
executor would see it, and "Open in editor" to review and save it (nothing is saved before that)."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from rundun_desktop import formatting as fmt
from rundun_desktop.formatting import number
from rundun_desktop.theme import set_sheet
from rundun_desktop.words import QT_TRANSLATE_NOOP, Counts
from server.tdl import TdlError, normalize_template, step_counts, validate_template

from .icons import icon
from .preview import PreviewPane
from .style import EDITOR_STYLE

MAX_PROMPT = 4000
LLM_HINT = QT_TRANSLATE_NOOP(
    "generate_dialog",
    "Made by the offline generator; set RUNDUN_LLM_BASE_URL on the server to use a language model.",
)


def describe_source(headers: dict[str, str]) -> str:
    """In words, how the server made a generated template (its `Rundun-*` headers, lower-case keys)."""
    source = headers.get("rundun-generator", "")
    slug = headers.get("rundun-library-template", "none")
    name = unquote(headers.get("rundun-library-name", "")) or slug
    if source in ("llm", "llm_repaired"):
        model = unquote(headers.get("rundun-generator-model", "")) or QCoreApplication.translate(
            "generate_dialog", "a language model"
        )
        start = (
            QCoreApplication.translate(
                "generate_dialog", ", starting from the library template '{0}'"
            ).format(name)
            if slug != "none"
            else ""
        )
        return QCoreApplication.translate("generate_dialog", "Made by {0}{1}.").format(model, start)
    items = _count(headers, "rundun-prompt-items")
    counted = Counts.tr("%Ln item(s) from your prompt", "", items)
    if slug != "none":
        words = (
            QCoreApplication.translate(
                "generate_dialog", "Built from the library template '{0}' plus {1}."
            ).format(name, counted)
            if items
            else QCoreApplication.translate(
                "generate_dialog", "Built from the library template '{0}'."
            ).format(name)
        )
        # The prompt's items a library step asked already: "plus 3 items" of the 5 listed read as 2 dropped.
        asked = _count(headers, "rundun-prompt-items-covered")
        if asked:
            words += " " + Counts.tr("It already asked %Ln of your items, in its own words.", "", asked)
    else:
        words = (
            QCoreApplication.translate(
                "generate_dialog", "No library template matched: built from the {0}."
            ).format(counted)
            if items
            else (
                QCoreApplication.translate(
                    "generate_dialog",
                    "No library template matched and the prompt lists no items: a general checklist.",
                )
            )
        )
    if source == "fallback":
        return (
            QCoreApplication.translate(
                "generate_dialog",
                "The language model gave no usable answer, so the offline generator made it. ",
            )
            + words
        )
    return words


def _count(headers: dict[str, str], name: str) -> int:
    try:
        return max(0, int(headers.get(name, "0")))
    except ValueError:
        return 0


class GenerateDialog(QDialog):
    generate_requested = Signal(str)
    open_requested = Signal(dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Generate a template"))
        self.setObjectName("generateDialog")
        set_sheet(self, EDITOR_STYLE)
        self.resize(760, 620)
        self.body: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Describe the checklist you need:")))
        self.prompt = QPlainTextEdit()
        self.prompt.setObjectName("generatePrompt")
        self.prompt.setPlaceholderText(
            self.tr(
                "e.g. Vehicle pre-rental inspection for a car rental company: exterior condition, fuel level, odometer, interior cleanliness, customer signature."
            )
        )
        self.prompt.setFixedHeight(90)
        layout.addWidget(self.prompt)
        row = QHBoxLayout()
        self.generate_button = QPushButton(icon("generate"), self.tr("Generate"))
        self.generate_button.setObjectName("generateButton")
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        row.addWidget(self.generate_button)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("panelTitle")
        layout.addWidget(self.summary)
        self.source = QLabel()
        self.source.setObjectName("generatorSource")
        self.source.setWordWrap(True)
        layout.addWidget(self.source)
        # Until there is a template, a word where it will be: an empty grey pane with live-looking section
        # arrows and a reset button read as broken.
        self.placeholder = QLabel(
            self.tr("The checklist appears here, to try before you open it in the editor.")
        )
        self.placeholder.setObjectName("muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        layout.addWidget(self.placeholder, 1)
        self.preview = PreviewPane()
        self.preview.hide()
        layout.addWidget(self.preview, 1)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(
            self.tr("Open in editor"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setObjectName("openGenerated")
        self.open_button.setEnabled(False)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open)
        layout.addWidget(buttons)
        self.generate_button.clicked.connect(self._generate)

    def _generate(self) -> None:
        text = self.prompt.toPlainText().strip()
        if not text or len(text) > MAX_PROMPT:
            self.status.setText(
                self.tr("Write a description of 1 to {0} characters.").format(number(MAX_PROMPT))
            )
            return
        self.generate_requested.emit(text)

    def busy(self, on: bool) -> None:
        self.generate_button.setEnabled(not on)
        if on:
            self.status.setText(self.tr("Generating…"))

    def show_result(self, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        """Preview a generated body (checked with the shared domain package first) and say what made it."""
        try:
            model = validate_template(body)
        except TdlError as exc:
            self.show_error(self.tr("The generated template is not valid: {0}").format(exc))
            return
        self.body = body
        sections = len(model.sections)
        self.summary.setText(
            self.tr("{0} — {1}, {2}").format(
                model.name,
                self.tr("%Ln section(s)", "", sections),
                fmt.steps_of_template(*step_counts(model)),
            )
        )
        self.status.setText(self.tr("Review it here; nothing is saved until you save it in the editor."))
        # Only a server without a model is told how to set one: after a model failed, describe_source says so.
        offline = (headers or {}).get("rundun-generator") == "offline"
        words = describe_source(headers) if headers else ""
        self.source.setText(
            f"{words}\n{QCoreApplication.translate('generate_dialog', LLM_HINT)}" if offline else words
        )
        self.preview.set_template(normalize_template(model), model)
        self.placeholder.hide()
        self.preview.show()
        self.open_button.setEnabled(True)

    def show_error(self, text: str) -> None:
        self.status.setText(f"⚠ {text}")

    def _open(self) -> None:
        if self.body is not None:
            self.open_requested.emit(self.body)
            self.accept()
