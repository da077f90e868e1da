"""Cells of a CSV that people open in a spreadsheet. Text from executors and API clients (a name typed on a
phone, an executor_ref, an answer) that starts like a formula (`=`, `+`, `-`, `@`, a tab or a carriage return)
is run by Excel, LibreOffice and Google Sheets as one when the file is opened: `=HYPERLINK("http://…","Click
me")` in a supervisor's export. Such a cell gets a leading apostrophe, which spreadsheets show as text and do
not run (OWASP's "CSV injection" advice); a plain number ("-5", "+3.5") stays a number.

A file that comes back (a translator's CSV, `guarded`/`unguarded`) must come back exactly: there a text that
starts with an apostrophe gets one more, so that the apostrophe a guard added is told apart from one written."""

from __future__ import annotations

import re
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def inert(cell: Any) -> Any:
    """`cell` as a spreadsheet should read it: text that would run as a formula with an apostrophe before it."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def inert_row(row: list) -> list:
    return [inert(cell) for cell in row]


def guarded(cell: str) -> str:
    """`inert` for a file read back by `unguarded`: a text that starts with an apostrophe gets one more."""
    return "'" + cell if cell.startswith("'") else inert(cell)


def unguarded(cell: str) -> str:
    """A cell of a file `guarded` wrote, back to exactly the text it was written from: the apostrophe a guard
    added goes; one a person wrote (`'tis`, not one `guarded` would have added) stays."""
    if cell.startswith("'") and guarded(cell[1:]) == cell:
        return cell[1:]
    return cell
