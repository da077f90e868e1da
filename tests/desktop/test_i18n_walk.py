"""Every word the desktop app shows went through Qt's translation (SPEC §15): under a pseudo-locale that marks
each translated text ⟦…⟧, a walk through every page and dialog (tests/desktop/app_walk.py) finds no word
outside the marks but data (the template's texts, ids, links, numbers, dates)."""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from rundun_desktop import i18n
from rundun_desktop.monitor.dispatch_view import EVENTS
from tests.desktop.app_walk import walk_app

OPEN, CLOSE = "⟦", "⟧"
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
TAGS = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W\d_]{2,}")
# Data shapes: ids (r-…, s-…), links and addresses, e-mail addresses, key prefixes, file names, versions.
DATA = re.compile(
    r"https?://\S+|rundun://\S+|\b[a-z]+\.[a-z_]+\b|\b[a-z]{1,4}[-_][\w-]+|\S+@\S+|\b\w+\.(json|pdf|csv|png|xlf)\b|\bv\d+\b|\bSHA-256\b"
)


class PseudoTranslator(QTranslator):
    """The pseudo-locale: every text that goes through translation (Qt's own too) comes back marked ⟦…⟧."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return f"{OPEN}{source_text}{CLOSE}" if source_text else source_text

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo_desktop(qapp, request, monkeypatch, tmp_path):
    """The app built while the pseudo-locale is installed (the words are translated as widgets are made). No
    catalog of the app's own meanwhile: English's plural forms, installed at the app's start after the
    pseudo-locale, would answer for the counted words first."""
    monkeypatch.setattr(i18n, "catalog_dir", lambda: tmp_path)
    pseudo = PseudoTranslator(qapp)
    qapp.installTranslator(pseudo)
    try:
        yield request.getfixturevalue("desktop")
    finally:
        qapp.removeTranslator(pseudo)
        monkeypatch.undo()
        i18n.TRANSLATION.install(qapp, "en")


def texts_of(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every word shown in `root` and its visible children: labels, buttons, tooltips,
    placeholders, group titles, tabs, combo items, item views' headers and cells, menus, window titles."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, what: str, text: str | None) -> None:
        if text and text.strip():
            found.append((f"{type(widget).__name__} {widget.objectName()} {what}".strip(), text))

    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            add(root, "menu", action.text())
            for item in action.menu().actions() if action.menu() else []:
                add(root, "menu item", item.text())
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if widget.isWindow():
            add(widget, "window title", widget.windowTitle())
        add(widget, "tooltip", widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, "text", widget.text())
        elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            add(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget, "tab", widget.tabText(i))
                add(widget, "tab tooltip", widget.tabToolTip(i))
        elif isinstance(widget, QComboBox):
            add(widget, "placeholder", widget.placeholderText())
            for i in range(widget.count()):
                add(widget, "item", widget.itemText(i))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            for column in range(columns):
                add(widget, "header", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
            for row in range(min(model.rowCount(QModelIndex()), 12)):
                for column in range(columns):
                    index = model.index(row, column)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = index.data(role)
                        add(widget, f"cell {row},{column}", value if isinstance(value, str) else None)
    return found


def date_words() -> set[str]:
    """Month and day names and AM/PM of the app's locale: dates are data, written by QLocale."""
    locale = QLocale()
    words = {locale.amText(), locale.pmText()}
    for i in range(1, 13):
        for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            words.add(locale.monthName(i, form))
            words.add(locale.standaloneMonthName(i, form))
            words.add(locale.dayName(i % 7 + 1, form))
    return {w for w in words if w}


def unmarked(text: str, data: list[str], dates: set[str]) -> str:
    """What is left of `text` once its marked parts, its data and its dates are taken out."""
    rest = html.unescape(TAGS.sub(" ", text))
    while MARKED.search(rest):
        rest = MARKED.sub(" ", rest)
    for item in data:  # the longest first: a template's name before a word inside it
        rest = rest.replace(item, " ")
    rest = DATA.sub(" ", rest)
    return " ".join(w for w in WORD.findall(rest) if w not in dates)


def test_every_word_on_every_page_and_dialog_went_through_translation(pseudo_desktop, aloop):
    stops: dict[str, list[tuple[str, str]]] = {}
    data = walk_app(pseudo_desktop, aloop, lambda what, widget: stops.__setitem__(what, texts_of(widget)))
    # The product's name and file formats are the same in every language.
    data |= {"Rundun", "PDF", "PNG", "CSV", "JSON"}
    data |= set(EVENTS)  # the webhook's event names: API codes
    data |= {name for _, name in i18n.language_choices()}  # each language's own name, in that language
    known = sorted({d for d in data if d.strip()}, key=len, reverse=True)
    dates = date_words()
    assert len(stops) >= 20
    assert sum(len(found) for found in stops.values()) > 400
    untranslated: dict[str, str] = {}  # each text once, with the first place it showed
    for what, found in stops.items():
        for where, text in found:
            if unmarked(text, known, dates):
                untranslated.setdefault(text, f"{what}: {where}")
    assert not untranslated, "shown without going through translation:\n" + "\n".join(
        f"{where}: {text!r}" for text, where in untranslated.items()
    )
    assert any(OPEN in text for found in stops.values() for _, text in found)
    assert QApplication.instance() is not None
