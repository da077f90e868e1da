"""`QT_TRANSLATE_NOOP(context, text)`: marks a word listed in a table (a module constant, made before any
translator exists) for `pyside6-lupdate`, which finds it by this name, and returns it unchanged; the code that
shows it translates it then (`QCoreApplication.translate(context, text)`). PySide6's own is typed `object`."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
