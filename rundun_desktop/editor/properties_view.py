"""Layout of the properties panels: the selected step, the selected section, and the template's
details, settings and execution. Widgets only; `properties.py` binds them to the document."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from server.tdl import FLAG_TYPES, STEP_TYPES

from .bindings import Binding
from .condition_editor import ConditionEditor
from .condition_text import type_name
from .config_view import build_config_pages
from .factory import NO_STEP_PHOTO
from .fields import PhotoField, ProblemsBox, group, line_edit, muted, spin_box
from .flag_editor import FlagEditor
from .icons import type_badge, type_icon
from .length_limit import limited_line_edit
from .qvariant import find_data


def _page() -> tuple[QWidget, QVBoxLayout]:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.setSpacing(12)
    return page, layout


def _heading(text: str) -> tuple[QWidget, QLabel, QLabel]:
    """A panel heading: an icon slot, a title, and room on the right for a small note."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    badge = QLabel()
    title = QLabel(text)
    title.setObjectName("panelTitle")
    row.addWidget(badge)
    row.addWidget(title, 1)
    return holder, badge, title


class StepPanel(QWidget):
    """Every field of one step: identity, type, texts, answer options, photos, geo, config, condition."""

    def __init__(self, new_option_id: Callable[[set[str]], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _, layout = _page()
        self.setLayout(layout)
        head, self.badge, self.title = _heading(self.tr("Step"))
        layout.addWidget(head)
        self.problems = ProblemsBox()
        layout.addWidget(self.problems)

        basics, form = group(self.tr("Step"), "stepGroup")
        self.step_form = form
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("stepType")
        for step_type in STEP_TYPES:
            self.type_combo.addItem(type_icon(step_type), type_name(step_type), step_type)
        self.id_edit, id_row = limited_line_edit(self.tr("s-…"), "stepId", 66)
        self.id_edit.setToolTip(self.tr("The step id (s-…) that answers and conditions refer to"))
        self.label_edit, label_row = limited_line_edit(
            self.tr("What the executor is asked"), "stepLabel", 500
        )
        self.hint_edit, hint_row = limited_line_edit(
            self.tr("Optional help under the label"), "stepHint", 2000
        )
        self.required = QCheckBox(self.tr("Required"))
        self.required.setObjectName("stepRequired")
        self.geo = QCheckBox(self.tr("Record the location"))
        self.geo.setObjectName("stepGeo")
        self.geo.setToolTip(self.tr("Record where the executor is when answering (GPS), with the answer"))
        self.photo = PhotoField()
        self.photo.setObjectName("stepPhoto")
        form.addRow(self.tr("Type"), self.type_combo)
        form.addRow(self.tr("Label"), label_row)
        form.addRow(self.tr("Hint"), hint_row)
        form.addRow("", self.required)
        form.addRow(self.tr("Photos"), self.photo)
        form.addRow("", self.geo)
        form.addRow(self.tr("ID"), id_row)
        self.field_rows = {
            "type": self.type_combo,
            "label": self.label_edit,
            "hint": self.hint_edit,
            "required": self.required,
            "photo": self.photo,
            "geo": self.geo,
            "id": self.id_edit,
        }
        layout.addWidget(basics)

        self.config_group, config_form = group(self.tr("Answer settings"), "configGroup")
        # One page per type, only the step's own shown: hidden pages take no room, so the group is as
        # tall as the page on show at the pane's width (a stacked widget kept the tallest page's height).
        self.config_stack = QWidget()
        pages = QVBoxLayout(self.config_stack)
        pages.setContentsMargins(0, 0, 0, 0)
        self.config_pages = build_config_pages(new_option_id)
        self.config_bindings: dict[str, list[Binding]] = {}
        for step_type, (page, page_bindings) in self.config_pages.items():
            pages.addWidget(page)
            page.hide()
            self.config_bindings[step_type] = page_bindings
        config_form.addRow(self.config_stack)
        layout.addWidget(self.config_group)

        # SPEC §14: which answers are a finding; only the types that can flag one show it.
        self.flag_group, flag_form = group(self.tr("Findings"), "flagGroup")
        self.flag = FlagEditor()
        self.flag.setObjectName("flagEditor")
        flag_form.addRow(self.flag)
        layout.addWidget(self.flag_group)

        self.condition_group, condition_form = group(self.tr("Condition"), "conditionGroupBox")
        self.condition = ConditionEditor()
        self.condition.setObjectName("conditionEditor")
        condition_form.addRow(self.condition)
        layout.addWidget(self.condition_group)
        self.field_rows.update(
            {"config": self.config_group, "flag": self.flag_group, "condition": self.condition_group}
        )
        layout.addStretch(1)

    def show_type(self, step_type: str | None, photo: object = False) -> None:
        """Show the fields of a step type. A photo, signature or instruction step takes no extra photos
        (a photo step's count is in its answer settings), so the Photos row is left out, unless the
        step has one to remove."""
        self.fit_photo_row(step_type, photo)
        self.badge.setPixmap(type_badge(step_type, 22))
        self.title.setText(self.tr("{0} step").format(type_name(step_type, self.tr("Unknown type"))))
        page = self.config_pages.get(step_type or "")
        self.config_group.setVisible(page is not None)
        for other, _ in self.config_pages.values():
            other.setVisible(page is not None and other is page[0])
        index = find_data(self.type_combo, step_type)
        self.type_combo.setCurrentIndex(index)

    def show_flag(self, step_type: str | None, config: object, flag: object) -> None:
        """Fit the findings field to the step's type and options; shown for the types that can flag (or
        to clear a flag that does not fit the type)."""
        self.flag.set_step(step_type, config)
        self.flag_group.setVisible(step_type in FLAG_TYPES or flag is not None)

    def fit_photo_row(self, step_type: str | None, photo: object) -> None:
        self.step_form.setRowVisible(self.photo, step_type not in NO_STEP_PHOTO or isinstance(photo, dict))

    def options_editor(self, step_type: str):  # -> OptionsEditor | None
        page = self.config_pages.get(step_type)
        return page[1][0].widget if page and step_type in ("choice", "multi_choice") else None


class SectionPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _, layout = _page()
        self.setLayout(layout)
        head, _, self.title = _heading(self.tr("Section"))
        layout.addWidget(head)
        self.problems = ProblemsBox()
        layout.addWidget(self.problems)
        box, form = group(self.tr("Section"), "sectionGroup")
        self.title_edit, title_row = limited_line_edit(self.tr("Section title"), "sectionTitle", 200)
        self.id_edit, id_row = limited_line_edit(self.tr("g-…"), "sectionId", 66)
        self.count = muted("")
        form.addRow(self.tr("Title"), title_row)
        form.addRow(self.tr("ID"), id_row)
        form.addRow("", self.count)
        self.field_rows = {"title": self.title_edit, "id": self.id_edit, "steps": self.count}
        layout.addWidget(box)
        layout.addWidget(
            muted(
                self.tr(
                    "Drag steps to reorder them, within this section or into another one. Alt+↑ / Alt+↓ moves the selected step or section."
                )
            )
        )
        layout.addStretch(1)


class TemplatePanel(QWidget):
    """The template's name, description and tags, its settings and its execution options."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _, layout = _page()
        self.setLayout(layout)
        self.problems = ProblemsBox()
        layout.addWidget(self.problems)

        details, form = group(self.tr("Template"), "templateGroup")
        self.name_edit, name_row = limited_line_edit(self.tr("Template name"), "templateName", 200)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("templateDescription")
        self.description_edit.setPlaceholderText(self.tr("What this checklist is for (optional)"))
        self.description_edit.setFixedHeight(70)
        self.tags_edit = line_edit(self.tr("Comma-separated, e.g. vehicle, rental"), "templateTags")
        form.addRow(self.tr("Name"), name_row)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(self.tr("Tags"), self.tags_edit)
        layout.addWidget(details)

        settings, form = group(self.tr("Settings"), "settingsGroup")
        self.allow_skip = QCheckBox(self.tr("The executor may skip steps"))
        self.allow_skip.setObjectName("allowSkip")
        self.signature = QCheckBox(self.tr("Ask for a signature on completion"))
        self.signature.setObjectName("signatureOnComplete")
        # The suffix is a word too: minutes written the language's way ("Min." in German).
        self.est_minutes = spin_box(0, 1440, special=self.tr("not set"), suffix=self.tr(" min"))
        self.est_minutes.setObjectName("estMinutes")
        form.addRow(self.allow_skip)  # whole-row boxes: aligned alike whether the form wraps or not
        form.addRow(self.signature)
        form.addRow(self.tr("Estimated time"), self.est_minutes)
        layout.addWidget(settings)

        execution, form = group(self.tr("Execution"), "executionGroup")
        self.scope = QComboBox()
        self.scope.setObjectName("executionScope")
        self.scope.addItem(self.tr("Anyone with the link"), "any")
        self.scope.addItem(self.tr("Members of the organisation only"), "org")
        self.identity = QComboBox()
        self.identity.setObjectName("identityRequired")
        self.identity.addItem(self.tr("No identity asked"), "none")
        self.identity.addItem(self.tr("Name and email"), "external")
        self.identity.addItem(self.tr("A signed-in member"), "member")
        for combo in (
            self.scope,
            self.identity,
        ):  # may be narrower than their longest choice (Spanish at 1024 px)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        form.addRow(self.tr("Who may run it"), self.scope)
        form.addRow(self.tr("Identity"), self.identity)
        layout.addWidget(execution)
        self.field_rows = {
            "name": self.name_edit,
            "description": self.description_edit,
            "tags": self.tags_edit,
            "settings": settings,
            "execution": execution,
        }
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)


class EmptyPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _, layout = _page()
        self.setLayout(layout)
        layout.addStretch(1)
        note = muted(self.tr("Select a section or a step to edit it."))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)  # German and Spanish run longer than the narrow middle column at 1024 px
        layout.addWidget(note)
        layout.addStretch(2)
