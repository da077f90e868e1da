"""An Arabic run's PDF reads from the right (SPEC §15): every label at the page's right edge with its value to the
left of it, each paragraph aligned where an Arabic reader starts. It was laid out as an English page, its Arabic
labels at the left and their values to their right, a sentence's full stop at its start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextDocument

from rundun_desktop.reports.pdf import build_document
from server import tdl
from tests.desktop.test_reports import run_document
from tests.server.tdl.test_tdl_languages import car_check


def laid_out(language: str) -> QTextDocument:
    document = run_document(
        language,
        template=tdl.normalize_template(tdl.validate_template(car_check())),
        answers={"s-tyre": {"value": True, "photos": [], "geo": None, "at": None, "skipped": False}},
    )
    doc = build_document(document, {})
    doc.size()  # lays it out
    return doc


def block_of(doc: QTextDocument, text: str) -> QTextBlock:
    block = doc.begin()
    while block.isValid():
        if block.text() == text:
            return block
        block = block.next()
    raise AssertionError(f"no paragraph {text!r}")


def ink(doc: QTextDocument, text: str) -> tuple[float, float]:
    """Where a paragraph's first line is drawn on the page: (left, right)."""
    block = block_of(doc, text)
    origin = doc.documentLayout().blockBoundingRect(block).left()
    line = block.layout().lineAt(0).naturalTextRect()
    return origin + line.left(), origin + line.right()


def test_an_arabic_report_reads_from_the_right(qapp):
    doc = laid_out("ar")
    width = doc.pageSize().width()
    # The facts: "Status" (الحالة) at the right edge, its value "Completed" (مكتملة) to its left.
    status_left, status_right = ink(doc, "الحالة")
    _, value_right = ink(doc, "مكتملة")
    assert value_right < status_left
    assert status_right > width * 0.9
    # An answer: the step's label (the first language's, untranslated) on the right, the answer "Yes" (نعم) left.
    label_left, label_right = ink(doc, "Tyres fine?")
    _, answer_right = ink(doc, "نعم")
    assert answer_right < label_left and label_right > width * 0.9
    # The title and a section's heading start at the right edge; the title reads right to left.
    assert ink(doc, "فحص السيارة")[1] > width * 0.95 and ink(doc, "Outside")[1] > width * 0.95
    assert block_of(doc, "فحص السيارة").textDirection() == Qt.LayoutDirection.RightToLeft
    # An English label or an id keeps its own direction (its question mark at its end) where it stands.
    assert block_of(doc, "Tyres fine?").textDirection() == Qt.LayoutDirection.LeftToRight


def test_an_english_report_still_reads_from_the_left(qapp):
    doc = laid_out("en")
    label_left, _ = ink(doc, "Tyres fine?")
    _, status_right = ink(doc, "Status")
    value_left, _ = ink(doc, "Completed")
    assert label_left < doc.pageSize().width() * 0.1
    assert status_right < value_left
