"""A number as a person types it into the runner or the editor, and back into the field for editing.

The runner's hint writes "at least 1,000" in English and "mindestens 1.000" in German (QLocale), so a person
types those separators back: "45,210" km is forty-five thousand in English, "12,5" is twelve and a half in
German. Reading every comma as a decimal point stored 45.21 for the English odometer and said "Synced".

The rules, for the separators "," and "." (Arabic's own ٫ and ٬ are the decimal point and the thousands
separator whatever the language; spaces, no-break spaces and apostrophes between digit groups are dropped):
- both present: the last one is the decimal point, the other groups thousands;
- one of them more than once: it groups thousands ("1,234,567" in German too: no number has two decimal points);
- one of them once: it is the decimal point if the language writes decimals with it; otherwise it groups
  thousands when it could ("45,210": one to three digits, then exactly three), else it is the decimal point
  ("12,5" in English, "12.5" in German: no one groups that way).
Thousands groups must be whole ("1,23,4" is no number): text that is no number is committed as it is, and the
step's checks say so in words.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QLocale

GROUP_GAPS = re.compile(r"(?<=\d)[\s'’](?=\d)")  # 1 000 (fr, no-break or thin space), 1'000 (de_CH)
SHAPE = re.compile(r"([+-]?)(\d[\d.,]*|[.,]\d+)")
LONGEST = 64  # characters: longer text is no number anyone types (and int() refuses 4,300 digits)
EXPONENT = re.compile(r"[+-]?(\d+[.,]?\d*|[.,]\d+)[eE][+-]?\d+")


def decimal_comma(locale: QLocale | None = None) -> bool:
    """Whether the app's language (the default locale, set from it) writes decimals with a comma."""
    return (locale or QLocale()).decimalPoint() == ","


def read_number(text: str, comma_is_decimal: bool) -> int | float | None:
    """`text` as a number (an int when it has no decimals), or None when it is none."""
    usual_point, usual_group = (",", ".") if comma_is_decimal else (".", ",")
    # Arabic's own decimal point and thousands separator say which they are whatever the language; − is minus.
    text = text.strip().translate(str.maketrans("٫٬−", f"{usual_point}{usual_group}-"))
    text = GROUP_GAPS.sub("", text)
    if len(text) > LONGEST:
        return None
    if EXPONENT.fullmatch(text):
        return _finite(float(text.replace(",", ".")))
    shape = SHAPE.fullmatch(text)
    if not shape:
        return None
    sign, body = shape.groups()
    point = _decimal_point(body, usual_point)
    whole, decimals = body.rsplit(point, 1) if point else (body, "")
    group = {",": ".", ".": ","}.get(point or "") or ("," if "," in whole else ".")
    if group in whole and not _whole_groups(whole, group):
        return None
    digits = whole.replace(group, "")
    if point is None:
        return int(sign + digits)
    return _finite(float(f"{sign}{digits or '0'}.{decimals or '0'}"))


def _decimal_point(body: str, usual: str) -> str | None:
    """Which of "," and "." is `body`'s decimal point, if any (the module's rules)."""
    commas, dots = body.count(","), body.count(".")
    if commas and dots:
        return "," if body.rfind(",") > body.rfind(".") else "."
    if commas + dots != 1:
        return None  # none, or one of them repeated: thousands
    mark = "," if commas else "."
    if mark == usual or not _whole_groups(body, mark):
        return mark
    return None


def _whole_groups(number: str, group: str) -> bool:
    """ "45,210" and "1,234,567": one to three digits, not a lone leading zero, then groups of exactly three."""
    return re.fullmatch(rf"(?!0)\d{{1,3}}(?:{re.escape(group)}\d{{3}})+", number) is not None


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def editable(value: float, comma_is_decimal: bool) -> str:
    """A stored number as the field shows it to be edited: every digit it has (no "1.23457e+06", no 123456.7
    shown as "123457"), no thousands separators, the language's decimal point, so `read_number` reads it back
    as the same number."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    text = repr(value)
    return text.replace(".", ",") if comma_is_decimal else text


def shown(value: float, locale: QLocale | None = None) -> str:
    """A stored number as the field shows it again (a run reopened): `editable`, with the language's thousands
    groups ("45,210.5" in English, "45.210,5" in German), as the person typed it: it showed "45210.5" once the
    run was reopened. Without groups when the grouped text would not read back as the same number."""
    locale = locale or QLocale()
    comma = decimal_comma(locale)
    text = editable(value, comma)
    group = ("." if comma else ",") if locale.groupSeparator() in ",." else ""
    sign, body = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, point, decimals = body.partition("," if comma else ".")
    if not group or not whole.isdigit() or len(whole) < 5:  # "2024" stays: 4 digits read as a year or code
        return text
    grouped = f"{int(whole):,}".replace(",", group)
    candidate = f"{sign}{grouped}{point}{decimals}"
    return candidate if read_number(candidate, comma) == value else text
