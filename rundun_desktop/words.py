"""`QT_TRANSLATE_NOOP(context, text)`: marks a word listed in a table (a module constant, made before any
translator exists) for `pyside6-lupdate`, which finds it by this name, and returns it unchanged; the code that
shows it translates it then (`QCoreApplication.translate(context, text)`). PySide6's own is typed `object`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


class Counts:
    """Counted words said outside any QObject: `Counts.tr("%Ln change(s) waiting", "", n)` picks the language's
    plural form for n (Arabic has six, German two). pyside6-lupdate marks a `X.tr(text, "", n)` call as numerus
    in context X, but not `QCoreApplication.translate(context, text, None, n)` with a count that is a variable."""

    @staticmethod
    def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
        return QCoreApplication.translate("Counts", text, disambiguation, n)


def quoted(text: str) -> str:
    """A text of the template quoted in the app's language's marks: “Door”, „Tür“ (German), «Puerta»."""
    return QCoreApplication.translate("quotes", "“{0}”").format(text)
