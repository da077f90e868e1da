"""Italics only for scripts that have them.

Arabic, Hebrew and the other right-to-left scripts are not slanted in print, and the fonts many systems
carry for them have no italic face: asked for an italic, Qt drew a box for every letter (the editor's
condition words and the tree's condition note, in Arabic or naming an Arabic step). A text with any letter of
such a script is drawn upright, in the same font otherwise.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QFont

_UNSLANTED = ("R", "AL")  # Unicode's bidirectional classes of right-to-left letters (Hebrew, Arabic, …)


def takes_italics(text: str) -> bool:
    """Whether `text` may be set in italics (none of its letters is of a right-to-left script)."""
    return not any(unicodedata.bidirectional(ch) in _UNSLANTED for ch in text)


def italic_for(font: QFont, text: str) -> QFont:
    """`font` in italics for `text` where its script has them, upright otherwise (a copy)."""
    shaped = QFont(font)
    shaped.setItalic(takes_italics(text))
    return shaped
