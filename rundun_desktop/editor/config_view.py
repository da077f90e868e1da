"""The `config` page of each step type: one form per type, its fields bound to `config.<field>`.

`build_config_pages()` returns a page per type and the bindings of its fields; the properties
controller shows the page of the selected step's type and loads its config into the bindings.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from . import bindings as bind
from .bindings import Binding, format_number, parse_number
from .fields import line_edit, muted, spin_box
from .length_limit import limited_line_edit
from .options_editor import OptionsEditor

Page = tuple[QWidget, list[Binding]]


def _form() -> tuple[QWidget, QFormLayout]:
    page = QWidget()
    form = QFormLayout(page)
    form.setContentsMargins(0, 0, 0, 0)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow pane: labels above fields
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(8)
    return page, form


def _number_line(name: str, placeholder: str) -> tuple:
    edit = line_edit(placeholder, name)
    return edit, {"parse": parse_number, "fmt": format_number}


def _boolean() -> Page:
    page, form = _form()
    yes, yes_row = limited_line_edit(QCoreApplication.translate("config_view", "Yes"), "cfgTrueLabel", 100)
    no, no_row = limited_line_edit(QCoreApplication.translate("config_view", "No"), "cfgFalseLabel", 100)
    form.addRow(QCoreApplication.translate("config_view", "Label for yes"), yes_row)
    form.addRow(QCoreApplication.translate("config_view", "Label for no"), no_row)
    return page, [
        bind.line(("config", "true_label"), yes, empty=None),
        bind.line(("config", "false_label"), no),
    ]


def _number() -> Page:
    page, form = _form()
    unit, unit_row = limited_line_edit(
        QCoreApplication.translate("config_view", "e.g. km, °C, kg"), "cfgUnit", 50
    )
    low, opts_low = _number_line("cfgMin", QCoreApplication.translate("config_view", "no minimum"))
    high, opts_high = _number_line("cfgMax", QCoreApplication.translate("config_view", "no maximum"))
    decimal = spin_box(-1, 6, special=QCoreApplication.translate("config_view", "any"))
    decimal.setObjectName("cfgDecimal")
    decimal.setToolTip(QCoreApplication.translate("config_view", "Decimal places allowed in the answer"))
    form.addRow(QCoreApplication.translate("config_view", "Unit"), unit_row)
    form.addRow(QCoreApplication.translate("config_view", "Minimum"), low)
    form.addRow(QCoreApplication.translate("config_view", "Maximum"), high)
    form.addRow(QCoreApplication.translate("config_view", "Decimal places"), decimal)
    return page, [
        bind.line(("config", "unit"), unit),
        bind.line(("config", "min"), low, **opts_low),
        bind.line(("config", "max"), high, **opts_high),
        bind.spin(("config", "decimal"), decimal, none_at=-1),
    ]


def _text() -> Page:
    page, form = _form()
    multiline = QCheckBox(QCoreApplication.translate("config_view", "Several lines (a text area)"))
    multiline.setObjectName("cfgMultiline")
    placeholder, placeholder_row = limited_line_edit(
        QCoreApplication.translate("config_view", "Shown in the empty field"), "cfgPlaceholder", 500
    )
    max_length = spin_box(0, 10_000, special=QCoreApplication.translate("config_view", "no limit"))
    max_length.setObjectName("cfgMaxLength")
    form.addRow("", multiline)
    form.addRow(QCoreApplication.translate("config_view", "Placeholder"), placeholder_row)
    form.addRow(QCoreApplication.translate("config_view", "Maximum length"), max_length)
    return page, [
        bind.check(("config", "multiline"), multiline),
        bind.line(("config", "placeholder"), placeholder),
        bind.spin(("config", "max_length"), max_length, none_at=0),
    ]


def _choice(new_option_id: Callable[[set[str]], str], multi: bool) -> Page:
    page, form = _form()
    options = OptionsEditor(new_option_id)
    options.setObjectName("optionsEditor")
    # Above its rows, across the whole form: beside the label, an option's own label box was left about as
    # narrow as its id ("Poor, needs deep clean" read "eep clean" at 1280 px).
    form.addRow(QLabel(QCoreApplication.translate("config_view", "Options")))
    form.addRow(options)
    out = [bind.custom(("config", "options"), options, merge=None)]
    if multi:
        low = spin_box(0, 200)
        low.setObjectName("cfgMinSelected")
        high = spin_box(0, 200, special=QCoreApplication.translate("config_view", "no limit"))
        high.setObjectName("cfgMaxSelected")
        form.addRow(QCoreApplication.translate("config_view", "At least"), low)
        form.addRow(QCoreApplication.translate("config_view", "At most"), high)
        out += [
            bind.spin(("config", "min_selected"), low, default=0),
            bind.spin(("config", "max_selected"), high, none_at=0),
        ]
    return page, out


def _rating() -> Page:
    page, form = _form()
    low, high = spin_box(0, 1), spin_box(2, 10)
    low.setObjectName("cfgMin")
    high.setObjectName("cfgMax")
    low_label, low_row = limited_line_edit(
        QCoreApplication.translate("config_view", "e.g. Poor"), "cfgLowLabel", 100
    )
    high_label, high_row = limited_line_edit(
        QCoreApplication.translate("config_view", "e.g. Excellent"), "cfgHighLabel", 100
    )
    form.addRow(QCoreApplication.translate("config_view", "From"), low)
    form.addRow(QCoreApplication.translate("config_view", "To"), high)
    form.addRow(QCoreApplication.translate("config_view", "Label of the low end"), low_row)
    form.addRow(QCoreApplication.translate("config_view", "Label of the high end"), high_row)
    return page, [
        bind.spin(("config", "min"), low, default=1),
        bind.spin(("config", "max"), high, default=5),
        bind.line(("config", "low_label"), low_label),
        bind.line(("config", "high_label"), high_label),
    ]


def _photo() -> Page:
    page, form = _form()
    low, high = spin_box(0, 20), spin_box(1, 20)
    low.setObjectName("cfgMin")
    high.setObjectName("cfgMax")
    form.addRow(QCoreApplication.translate("config_view", "At least"), low)
    form.addRow(QCoreApplication.translate("config_view", "At most"), high)
    form.addRow(
        "", muted(QCoreApplication.translate("config_view", "The photos are the answer of a photo step."))
    )
    return page, [bind.spin(("config", "min"), low, default=1), bind.spin(("config", "max"), high, default=5)]


def _date() -> Page:
    page, form = _form()
    low, high = (
        line_edit(QCoreApplication.translate("config_view", "YYYY-MM-DD (none)"), "cfgMin"),
        line_edit(QCoreApplication.translate("config_view", "YYYY-MM-DD (none)"), "cfgMax"),
    )
    form.addRow(QCoreApplication.translate("config_view", "Earliest"), low)
    form.addRow(QCoreApplication.translate("config_view", "Latest"), high)
    return page, [bind.line(("config", "min"), low), bind.line(("config", "max"), high)]


def _instruction() -> Page:
    page, form = _form()
    body = QPlainTextEdit()
    body.setObjectName("cfgBody")
    body.setPlaceholderText(QCoreApplication.translate("config_view", "What the executor should read or do"))
    body.setMinimumHeight(90)
    form.addRow(QCoreApplication.translate("config_view", "Text"), body)
    return page, [bind.text(("config", "body"), body, empty="")]


def _nothing(note: str) -> Page:
    page, form = _form()
    form.addRow(muted(note))
    return page, []


def build_config_pages(new_option_id: Callable[[set[str]], str]) -> dict[str, Page]:
    return {
        "boolean": _boolean(),
        "number": _number(),
        "text": _text(),
        "choice": _choice(new_option_id, multi=False),
        "multi_choice": _choice(new_option_id, multi=True),
        "rating": _rating(),
        "photo": _photo(),
        "date": _date(),
        "time": _nothing(
            QCoreApplication.translate("config_view", "A time step asks for HH:MM and has nothing to set.")
        ),
        "signature": _nothing(
            QCoreApplication.translate(
                "config_view", "A signature step asks for exactly one signature image."
            )
        ),
        "instruction": _instruction(),
    }
