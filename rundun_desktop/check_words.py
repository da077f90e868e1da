"""The domain checks' messages in the app's language.

`server.tdl` says what is wrong with an answer, or missing before a run may complete, in English ("must be at
most 10", "'Rate' needs an answer"): the API's words, which the desktop's executor shows on a step's card and
in the Complete banner, where a German executor read them in English inside German sentences. Each message
the executor can meet is recognised here by its shape and said again in the app's words, its numbers and
dates as the person's locale writes them; one not recognised reads as the server wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication

from rundun_desktop import formatting as fmt

NO_SKIPPING = "; this template does not allow skipping"  # tdl's suffix to an unanswered step's message


class CheckWords:
    """The translation context of these words: pyside6-lupdate finds `CheckWords.tr("…")` (and marks a counted
    one, `CheckWords.tr("… %Ln …", "", n)`, numerus)."""

    @staticmethod
    def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
        return QCoreApplication.translate("CheckWords", text, disambiguation, n)


WHOLE = re.compile(r"-?\d{1,18}")


def _number(text: str) -> str:
    """A number of the server's words in the person's writing; whole numbers whole (as a float, a long one
    was written "9.0072e+15")."""
    try:
        return fmt.number(int(text) if WHOLE.fullmatch(text) else float(text))
    except (ValueError, OverflowError):
        return text


def _date(text: str) -> str:
    try:
        return fmt.date_text(date.fromisoformat(text))
    except ValueError:
        return text


Say = Callable[[re.Match[str]], str]

# (the message's shape, its words in the app's language); the first shape that matches the whole message says it.
SHAPES: list[tuple[re.Pattern[str], Say]] = [
    (
        re.compile(r"'(?P<step>.*)' needs an answer"),
        lambda m: CheckWords.tr("'{0}' needs an answer").format(m["step"]),
    ),
    (
        re.compile(r"'(?P<step>.*)' needs a signature"),
        lambda m: CheckWords.tr("'{0}' needs a signature").format(m["step"]),
    ),
    (
        re.compile(r"'(?P<step>.*)' needs a location"),
        lambda m: CheckWords.tr("'{0}' needs a location").format(m["step"]),
    ),
    (
        re.compile(r"'(?P<step>.*)' needs at least (?P<n>\d+) photos?"),
        lambda m: CheckWords.tr("'{0}' needs at least %Ln photo(s)", "", int(m["n"])).format(m["step"]),
    ),
    (
        re.compile(r"this template needs the executor's signature before completion"),
        lambda m: CheckWords.tr("Your signature is needed before this run can be completed"),
    ),
    (
        re.compile(r"this template does not allow skipping steps"),
        lambda m: CheckWords.tr("This checklist does not allow skipping steps"),
    ),
    (re.compile(r"must not be empty"), lambda m: CheckWords.tr("must not be empty")),
    # A designer's (the editor's checks of a template)
    (
        re.compile(r"must not be greater than max \((?P<n>-?[\d.]+)\)"),
        lambda m: CheckWords.tr("must not be greater than the maximum ({0})").format(_number(m["n"])),
    ),
    (
        re.compile(r"must not be after max \((?P<day>\d{4}-\d\d-\d\d)\)"),
        lambda m: CheckWords.tr("must not be after the latest date ({0})").format(_date(m["day"])),
    ),
    (
        re.compile(r"must not be greater than max_selected \((?P<n>\d+)\)"),
        lambda m: CheckWords.tr("must not be greater than “At most” ({0})").format(_number(m["n"])),
    ),
    (
        re.compile(r"must not be greater than the number of options \((?P<n>\d+)\)"),
        lambda m: CheckWords.tr("must not be greater than the number of options ({0})").format(
            _number(m["n"])
        ),
    ),
    (
        re.compile(r"must be unique within the template; also used at (?P<at>.+)"),
        lambda m: CheckWords.tr("must be unique in the template; also used at {0}").format(m["at"]),
    ),
    (
        re.compile(r"below \((?P<low>-?[\d.]+)\) must not be greater than above \((?P<high>-?[\d.]+)\)"),
        lambda m: CheckWords.tr(
            "the lower limit ({0}) must not be greater than the upper limit ({1})"
        ).format(_number(m["low"]), _number(m["high"])),
    ),
    (re.compile(r"must be a number"), lambda m: CheckWords.tr("must be a number")),
    (re.compile(r"must be a whole number"), lambda m: CheckWords.tr("must be a whole number")),
    (
        re.compile(r"must have at most (?P<n>\d+) decimal places?"),
        lambda m: CheckWords.tr("must have at most %Ln decimal place(s)", "", int(m["n"])),
    ),
    (
        re.compile(r"must be at most (?P<n>\d+) characters"),
        lambda m: CheckWords.tr("must be at most %Ln character(s)", "", int(m["n"])),
    ),
    (
        re.compile(r"must be at least (?P<n>-?[\d.]+)"),
        lambda m: CheckWords.tr("must be at least {0}").format(_number(m["n"])),
    ),
    (
        re.compile(r"must be at most (?P<n>-?[\d.]+)"),
        lambda m: CheckWords.tr("must be at most {0}").format(_number(m["n"])),
    ),
    (
        re.compile(r"must select at least (?P<n>\d+) options?"),
        lambda m: CheckWords.tr("must select at least %Ln option(s)", "", int(m["n"])),
    ),
    (
        re.compile(r"must select at most (?P<n>\d+) options?"),
        lambda m: CheckWords.tr("must select at most %Ln option(s)", "", int(m["n"])),
    ),
    (
        re.compile(r"must be a whole number from (?P<low>-?\d+) to (?P<high>-?\d+)"),
        lambda m: CheckWords.tr("must be a whole number from {0} to {1}").format(
            _number(m["low"]), _number(m["high"])
        ),
    ),
    (
        re.compile(r"must be a date written YYYY-MM-DD"),
        lambda m: CheckWords.tr("must be a date, written YYYY-MM-DD"),
    ),
    (
        re.compile(r"must be on or after (?P<day>\d{4}-\d\d-\d\d)"),
        lambda m: CheckWords.tr("must be on or after {0}").format(_date(m["day"])),
    ),
    (
        re.compile(r"must be on or before (?P<day>\d{4}-\d\d-\d\d)"),
        lambda m: CheckWords.tr("must be on or before {0}").format(_date(m["day"])),
    ),
    (
        re.compile(r"must be a time written HH:MM, from 00:00 to 23:59"),
        lambda m: CheckWords.tr("must be a time written HH:MM, from 00:00 to 23:59"),
    ),
]


def check_words(message: str) -> str:
    """A tdl check's message in the app's language (as it came, when its shape is not one of `SHAPES`). An
    unanswered step's "; this template does not allow skipping" is said after it, in the app's words too."""
    core, refused_skip = message, message.endswith(NO_SKIPPING)
    if refused_skip:
        core = message.removesuffix(NO_SKIPPING)
    for shape, say in SHAPES:
        match = shape.fullmatch(core)
        if match:
            words = say(match)
            return (
                CheckWords.tr("{0}; this checklist does not allow skipping").format(words)
                if refused_skip
                else words
            )
    return message
