"""A run as a PDF: header, every answer in template order, photos, signature and GPS, via QTextDocument
printed on a QPdfWriter (QtGui only).

Its words are put together on the GUI thread (`prepare_report`: the app's translators and locale are switched to
the run's language for it) and the layout and writing happen on another (`Report.write`): a run of 50 photos took
the GUI thread over a second, during which the window did not answer. QTextDocument, QPdfWriter and QPainter
work on any one thread that makes and keeps them, QImage is shared safely, and the font database is guarded
(batch.py does the same for many runs)."""

from __future__ import annotations

import contextlib
import html
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIODevice, QMarginsF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from rundun_desktop import formatting as fmt
from rundun_desktop import i18n
from rundun_desktop.answers import ANSWERED, HIDDEN, answer_sections, geo_text, map_link, photo_key
from rundun_desktop.history_words import StepHistory, line_times, step_histories

PAGE_MARGINS = QMarginsF(16, 16, 16, 16)  # mm
LAYOUT_DPI = 96  # QTextDocument's units without a paint device: 1 px = 1/96 inch
PHOTO_WIDTH = 320  # document px (1/96 in): 85 mm, two side by side; a scratch or a dent can be seen
CSS = """
body { font-family: 'DejaVu Sans', 'Helvetica', sans-serif; font-size: 10.5pt; color: #1c2333; }
h1 { font-size: 17pt; margin: 0; }
h2 { font-size: 12pt; margin-top: 16px; margin-bottom: 4px; color: #3b5bdb; }
.muted { color: #5b6478; }
table.facts td { padding: 2px 12px 2px 0; }
table.answers { border-collapse: collapse; }
table.answers td { padding: 5px 6px; border-bottom: 1px solid #e3e7f0; vertical-align: top; }
.label { color: #5b6478; }
.value { font-weight: bold; }
.hidden { color: #a3abbd; }
.id { white-space: nowrap; }
.finding { color: #c92a2a; font-weight: bold; }
.history { color: #5b6478; }
.lost { color: #c92a2a; }
"""
# Right to left, a fact's label stands at the page's right edge, its value to the left of it.
RTL_CSS = "table.facts td { padding: 2px 0 2px 12px; }"


def right_to_left(language: str) -> bool:
    return language.split("-")[0].lower() in i18n.RIGHT_TO_LEFT


def in_reading_order(cells: list[str], rtl: bool) -> str:
    """A table row's cells, first to last as they are read: Qt's tables do not mirror their columns, so a report
    read from the right lists them from the right (its label then stands at the page's right edge)."""
    return "".join(reversed(cells) if rtl else cells)


def image_name(url: str) -> str:
    return f"photo:{photo_key(url)}"


def in_run_language(run: dict) -> dict:
    """The run with its template in the run's language (SPEC §15; server.tdl's one resolve, with its fallback)."""
    template = run.get("template")
    if not isinstance(template, dict):
        return run
    from server.tdl import resolve_template  # pydantic models: loaded with the first report, not at start

    return {**run, "template": resolve_template(template, run.get("language"))}


def run_html(run: dict, images: dict[str, QImage], history: list[dict] | None = None) -> str:
    """The report as HTML, in the run's language (its words too: Status, Progress…); `images` maps photo URLs
    (by media path) to decoded images; `history` (the run's `GET …/history` entries) adds each step's
    "changed n times" and the writes that lost."""
    with i18n.words_in(str(run.get("language") or "en")):
        return _report_html(run, images, history)


def _report_html(run: dict, images: dict[str, QImage], history: list[dict] | None = None) -> str:
    e = html.escape
    run = in_run_language(run)
    template_name = (
        (run.get("template") or {}).get("name") or run.get("template_name") or run.get("template_id", "")
    )
    done, total = fmt.progress_parts(run.get("progress"))
    # Facts whose value is an identifier: a reader copies or searches it whole, so it never wraps (a run id's
    # hyphens are line-break opportunities otherwise). Known by their words in the report's language: matched
    # against the English ones, a German or Arabic report wrapped its run id mid-id.
    reference, run_label = (
        QCoreApplication.translate("pdf", "Executor ref"),
        QCoreApplication.translate("pdf", "Run"),
    )
    facts = [
        (QCoreApplication.translate("pdf", "Status"), fmt.status_label(run.get("status"))),
        (reference, run.get("executor_ref") or "—"),
        (run_label, run.get("run_id", "")),
        (
            QCoreApplication.translate("pdf", "Template"),
            QCoreApplication.translate("pdf", "{0} (version {1})").format(
                template_name,
                fmt.number(run["template_v"]) if isinstance(run.get("template_v"), int) else "?",
            ),
        ),
        (QCoreApplication.translate("pdf", "Executor"), fmt.identity_text(run.get("executor_identity"))),
        (
            QCoreApplication.translate("pdf", "Progress"),
            fmt.progress_words(done, total, fmt.optional_left(run)),
        ),
        (QCoreApplication.translate("pdf", "Created"), fmt.local_time(run.get("created_at"), True)),
        (QCoreApplication.translate("pdf", "Opened"), fmt.local_time(run.get("opened_at"), True)),
        (QCoreApplication.translate("pdf", "Completed"), fmt.local_time(run.get("completed_at"), True)),
        (
            QCoreApplication.translate("pdf", "Expires"),
            fmt.local_time(run.get("expires_at"), True)
            if run.get("expires_at")
            else QCoreApplication.translate("pdf", "Never"),
        ),
    ]
    if run.get("cancel_reason"):
        facts.append(
            (QCoreApplication.translate("pdf", "Cancelled"), fmt.cancel_reason(run["cancel_reason"]))
        )
    if run.get("flagged"):
        facts.append((QCoreApplication.translate("pdf", "Findings"), fmt.count(run["flagged"], "step")))
    changes = {h.step_id: h for h in step_histories(run, history or [])}
    answers = run.get("answers") or {}
    language = str(run.get("language") or "en")
    rtl = right_to_left(language)
    # An Arabic or Hebrew report reads from the right: its rows' columns mirrored here, each paragraph put at the
    # right edge in its own text's direction by `report_document`.
    style = CSS + RTL_CSS if rtl else CSS
    out = [f'<html lang="{e(language)}"><head><style>{style}</style></head><body>']
    heading = QCoreApplication.translate("pdf", "Rundun run report")  # it was English in every report
    out.append(f'<p class="muted">{e(heading)}</p>')
    out.append(f"<h1>{e(template_name)}</h1>")
    out.append('<table class="facts" align="right">' if rtl else '<table class="facts">')
    for key, value in facts:
        cell = '<td class="id">' if key in (reference, run_label) else "<td>"
        cells = [f'<td class="label">{e(key)}</td>', f"{cell}{e(str(value))}</td>"]
        out.append(f"<tr>{in_reading_order(cells, rtl)}</tr>")
    out.append("</table>")
    for section in answer_sections(run):
        out.append(f"<h2>{e(section.title)}</h2>")
        out.append('<table class="answers" width="100%">')
        for item in section.items:
            css = "value" if item.state == ANSWERED else "hidden" if item.state == HIDDEN else ""
            parts = [f'<div><span class="{css}">{e(item.text)}</span>']
            if (answers.get(item.step_id) or {}).get("flagged"):
                finding = QCoreApplication.translate("pdf", "Finding")  # it was English in every report
                parts.append(f' <span class="finding">⚑ {e(finding)}</span>')
            parts.append("</div>")
            if item.geo:
                gps, map_words = (
                    QCoreApplication.translate("pdf", "GPS"),
                    QCoreApplication.translate("pdf", "map"),
                )
                parts.append(
                    f'<div class="muted">{e(gps)} {e(geo_text(item.geo))} — '
                    f'<a href="{e(map_link(item.geo))}">{e(map_words)}</a></div>'
                )
            shots = []  # photos get a row of the page's width below the answer: large enough to see damage
            for photo in item.photos:
                name = image_name(photo["url"])
                if photo_key(photo["url"]) in images and not images[photo_key(photo["url"])].isNull():
                    shots.append(f'<img src="{e(name)}" width="{PHOTO_WIDTH}"/> ')
                else:
                    missing = QCoreApplication.translate("pdf", "[photo {0} not available]")
                    shots.append(f'<span class="muted">{e(missing.format(photo["photo_index"] + 1))}</span> ')
            # One block a line (<div>, not <br/>): Qt draws a block that a page's end cuts on both pages, so the
            # PDF held its first lines twice (a step's time printed twice, its "changed once" on the next page).
            at = f'<div class="muted">{e(fmt.local_time(item.at, True))}</div>' if item.at else ""
            if item.step_id in changes:
                at += history_html(changes[item.step_id])
            cells = [
                f'<td width="38%" class="label"><div>{e(item.label)}</div>{at}</td>',
                f"<td>{''.join(parts)}</td>",
            ]
            out.append(f"<tr>{in_reading_order(cells, rtl)}</tr>")
            if shots:
                out.append(f'<tr><td colspan="2">{"".join(shots)}</td></tr>')
        out.append("</table>")
    signature = run.get("signature")
    if signature:
        heading = QCoreApplication.translate(
            "pdf", "Signature"
        )  # not inside the f-string: lupdate misses it there
        out.append(f"<h2>{e(heading)}</h2>")
        if photo_key(signature["url"]) in images:
            out.append(f'<img src="{e(image_name(signature["url"]))}" width="220"/>')
        else:
            missing = QCoreApplication.translate("pdf", "[signature image not available]")
            out.append(f'<p class="muted">{e(missing)}</p>')
    generated = QCoreApplication.translate("pdf", "Generated by Rundun on {0}.").format(
        fmt.local_time(datetime.now(UTC).isoformat())
    )
    out.append(f'<p class="muted"><br/>{e(generated)}</p></body></html>')
    return "".join(out)


def history_html(step: StepHistory) -> str:
    """A step's history in the report: the summary, then only the writes that lost (the rest is the answer)."""
    e = html.escape
    lost_words = QCoreApplication.translate("pdf", "lost: {0} ({1})")  # "lost:" was English in every report
    lost = "".join(
        f'<div class="lost">{e(lost_words.format(line.text.split(" — ")[0], line_times(line)))}</div>'
        for line in step.lines
        if line.lost
    )
    summary = f'<div class="history">{e(step.summary)}</div>' if step.summary else ""  # none: written once
    return summary + lost


def build_document(run: dict, images: dict[str, QImage], history: list[dict] | None = None) -> QTextDocument:
    return report_document(run_html(run, images, history), str(run.get("language") or "en"), images)


def report_document(markup: str, language: str, images: dict[str, QImage]) -> QTextDocument:
    """The report's HTML laid out on A4 pages, in a font that has the language's script."""
    doc = QTextDocument()
    font = doc.defaultFont()
    family = script_font_family(language)
    if family:
        font.setFamily(family)
    doc.setDefaultFont(plain_font(font))

    for key, image in images.items():
        if not image.isNull():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"photo:{key}"), image)
    doc.setHtml(markup)
    if right_to_left(language):
        read_from_the_right(doc)
    doc.setPageSize(page_size())
    keep_rows_together(doc)
    return doc


def read_from_the_right(doc: QTextDocument) -> None:
    """Every paragraph at the right edge of its cell or page, in its own text's direction: an Arabic label reads
    right to left, an id or an untranslated English label left to right, both where an Arabic reader starts.
    (Qt's HTML import lays each block left to right: the Arabic report read as an English page, its text at the
    left and a sentence's full stop at its start.)"""
    block = doc.begin()
    while block.isValid():
        block_format = block.blockFormat()
        block_format.setLayoutDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        block_format.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        QTextCursor(block).setBlockFormat(block_format)
        block = block.next()


def page_size() -> QSizeF:
    """A report page's writing area in the document's units (1/96 inch, as its fonts are measured): A4 within
    new_writer's margins. `print_` scales it up to the writer's resolution, so 10 pt prints as 10 pt. (Sized in
    the writer's 300 dpi pixels instead, the layout was 3× too wide for the page and every letter a third of its
    size: issue 17.)"""
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        PAGE_MARGINS,
        QPageLayout.Unit.Millimeter,
    )
    return layout.paintRect(QPageLayout.Unit.Point).size() * (LAYOUT_DPI / 72)


def keep_rows_together(doc: QTextDocument) -> None:
    """Start on the next page an answer's row that a page's end would cut (Qt breaks table rows line by line:
    a step's label and time ended one page and its "changed 2 times" began the next), and a section's heading
    with its first row. A row taller than half a page is left to break."""
    height = doc.pageSize().height()

    def page(y: float) -> int:
        return int(y // height)

    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        table = frame
        for row in range(table.rows()):
            cells = [table.cellAt(row, column) for column in range(table.columns())]
            cells = [
                cell for column, cell in enumerate(cells) if (cell.row(), cell.column()) == (row, column)
            ]
            top = min(line_edge(doc, cell.firstCursorPosition().block(), first=True) for cell in cells)
            bottom = max(line_edge(doc, cell.lastCursorPosition().block(), first=False) for cell in cells)
            if bottom - top > height / 2:
                continue
            if row == 0:  # the section's heading goes with its first row
                heading = doc.findBlock(table.firstPosition() - 1)
                if page(line_edge(doc, heading, first=True)) != page(bottom - 1):
                    block_format = heading.blockFormat()
                    block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(heading).setBlockFormat(block_format)
                    relayout(doc)
            elif page(top) != page(bottom - 1):
                # The row above grows to the page's end: Qt then starts this row on the next page. (A page break
                # before the row's own blocks broke twice: once for the row, once for the blocks in it; and a
                # cell's last block keeps no bottom margin.)
                above = table.cellAt(row - 1, 0)
                cell_format = above.format().toTableCellFormat()
                cell_format.setBottomPadding(cell_format.bottomPadding() + (page(top) + 1) * height - top)
                above.setFormat(cell_format)
                relayout(doc)


def relayout(doc: QTextDocument) -> None:
    """The whole document laid out again after a change of format: Qt's incremental layout left the blocks after
    some tables without lines (none drawn, the page count short: a printed report lost its last section, its
    signature and its footer, 16 of 33 reports of an audit), and the rows measured after a change were measured
    on that partial layout (an answer kept together by the measure straddled a page end once printed)."""
    doc.markContentsDirty(0, doc.characterCount())


def line_edge(doc: QTextDocument, block: QTextBlock, *, first: bool) -> float:
    """The top of a block's first line or the bottom of its last, in the document. (Its bounding rect leaves out
    the gap a page break opens before a line: it put a row's second line on the page it had moved off.)"""
    lines = block.layout()
    origin = doc.documentLayout().blockBoundingRect(block).top()
    if not lines.lineCount():
        return origin
    line = lines.lineAt(0 if first else lines.lineCount() - 1)
    return origin + line.y() + (0 if first else line.height())


# Writing systems of the right-to-left languages and others whose glyphs a Latin font lacks: the report's font
# is one that has them (Qt then shapes Arabic with HarfBuzz). DejaVu Sans covers Latin, Greek, Cyrillic, Arabic.
SCRIPTS = {
    "ar": QFontDatabase.WritingSystem.Arabic,
    "fa": QFontDatabase.WritingSystem.Arabic,
    "ur": QFontDatabase.WritingSystem.Arabic,
    "he": QFontDatabase.WritingSystem.Hebrew,
    "el": QFontDatabase.WritingSystem.Greek,
    "ru": QFontDatabase.WritingSystem.Cyrillic,
    "uk": QFontDatabase.WritingSystem.Cyrillic,
}
PREFERRED_FAMILIES = ("DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew")


def script_font_family(language: str) -> str | None:
    """A font family that has the script of `language`, or None when the document's default will do."""
    system = SCRIPTS.get(language.split("-")[0].lower())
    if system is None:
        return None
    families = QFontDatabase.families(system)
    return next((f for f in PREFERRED_FAMILIES if f in families), families[0] if families else None)


NO_LIGATURES = ("liga", "clig", "dlig", "hlig")


def plain_font(font: QFont) -> QFont:
    """The font with ligatures off: the PDF's text must be the characters typed, so that a run id, a
    reference or a name can be searched and copied (with them, a run id's "ff" became one glyph, "ﬀ")."""
    plain = QFont(font)
    for tag in NO_LIGATURES:
        plain.setFeature(QFont.Tag(tag), 0)
    return plain


def new_writer(target: str | QIODevice, title: str) -> QPdfWriter:
    """An A4 PDF writer at 300 dpi with 16 mm margins: every report's page."""
    writer = QPdfWriter(target)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(PAGE_MARGINS, QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Rundun desktop")
    return writer


@dataclass(frozen=True)
class Report:
    """A run's report in words, ready to be laid out and written on any thread."""

    title: str
    markup: str
    language: str
    images: dict[str, QImage]

    def write(self, path: Path | str) -> Path:
        """Lay the report out and write it to `path`. It is written under a temporary name in the same folder and
        renamed when complete: a failed or interrupted write never leaves half a PDF under the name chosen."""
        path = Path(path)
        partial = path.with_name(f".{path.name}.part")
        try:
            writer = new_writer(str(partial), self.title)
            report_document(self.markup, self.language, self.images).print_(writer)  # on page_size()
            del writer  # its file closed, here on the thread that made it, before the rename
            if not partial.is_file():  # QPdfWriter says nothing when it cannot open its file
                raise OSError(QCoreApplication.translate("pdf", "cannot write in {0}").format(path.parent))
            os.replace(partial, path)
        except BaseException:
            with contextlib.suppress(OSError):
                partial.unlink()
            raise
        return path


def prepare_report(run: dict, images: dict[str, QImage], history: list[dict] | None = None) -> Report:
    """The report's words, in the run's language (on the GUI thread: `run_html` switches the app's translators);
    `images` maps media paths (`photo_key(url)`) to images (photos and signature)."""
    return Report(
        QCoreApplication.translate("pdf", "Run {0}").format(run.get("run_id", "")),
        run_html(run, images, history),
        str(run.get("language") or "en"),
        images,
    )


def write_run_pdf(
    path: Path | str, run: dict, images: dict[str, QImage], history: list[dict] | None = None
) -> Path:
    """Write the report here and now (the app writes it off the GUI thread: `prepare_report`, `Report.write`)."""
    return prepare_report(run, images, history).write(path)


def photo_urls(run: dict) -> list[str]:
    """Every photo URL of a run document, the signature included."""
    urls = [p["url"] for answer in (run.get("answers") or {}).values() for p in answer.get("photos") or []]
    if run.get("signature"):
        urls.append(run["signature"]["url"])
    return urls
