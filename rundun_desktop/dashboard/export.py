"""The dashboard's content as a picture (PNG) or as A4 pages (PDF): a heading, the filters in words, the cards,
each chart and each table of numbers, drawn as blocks; no buttons or filter boxes. In the PDF no block is cut by
a page's end: a block that does not fit in what is left of a page starts the next one, a chart taller than a
page is scaled to fit it, and a table longer than a page goes on over the next pages with its header again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QGraphicsView

from rundun_desktop.dashboard.charts import dark_mode

WIDTH = 760.0  # the content's width in pixels: the PNG's, and the PDF's scaled to A4's width
GAP = 14.0  # between blocks
CELL_PADDING = 6.0

Paint = Callable[[QPainter], None]  # paints a block at (0, 0), WIDTH wide


@dataclass
class Block:
    height: float
    paint: Paint
    rows: list[Block] = field(default_factory=list)  # a table's: its header first, then one block a row


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont(QGuiApplication.font())
    font.setPixelSize(round(size))  # pixels, not points: the same size on the screen, an image and a PDF
    font.setBold(bold)
    return font


def _rtl() -> bool:
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def _x(left: float, width: float) -> float:
    """A box's left edge, mirrored in a right-to-left language."""
    return WIDTH - left - width if _rtl() else left


def _ink() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.WindowText)


def _muted() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def text_block(text: str, size: float = 12, *, bold: bool = False, muted: bool = False) -> Block:
    font = _font(size, bold)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
    height = QFontMetricsF(font).boundingRect(QRectF(0, 0, WIDTH, 1e6), flags, text).height() + 2

    def paint(painter: QPainter) -> None:
        painter.setFont(font)
        painter.setPen(_muted() if muted else _ink())
        painter.drawText(QRectF(0, 0, WIDTH, height), flags, text)

    return Block(height, paint)


def cards_block(cards: list[tuple[str, str, str]], per_row: int = 3) -> Block:
    """The number cards (title, number, hint), three a row, framed."""
    title_font, value_font, hint_font = _font(11), _font(22, True), _font(11)
    width = (WIDTH - GAP * (per_row - 1)) / per_row
    inner = width - 2 * 10
    wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)

    def lines(font: QFont, text: str) -> float:
        return QFontMetricsF(font).boundingRect(QRectF(0, 0, inner, 1e6), wrap, text).height()

    height = max(
        (lines(title_font, t) + lines(value_font, v) + lines(hint_font, h) + 2 * 8 + 4 for t, v, h in cards),
        default=0.0,
    )
    rows = -(-len(cards) // per_row)

    def paint(painter: QPainter) -> None:
        for i, (title, value, hint) in enumerate(cards):
            left = _x((i % per_row) * (width + GAP), width)
            top = (i // per_row) * (height + GAP)
            painter.setPen(QPen(_muted(), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(left, top, width, height), 6, 6)
            y = top + 8
            for font, text, colour in (
                (title_font, title, _muted()),
                (value_font, value, _ink()),
                (hint_font, hint, _muted()),
            ):
                painter.setFont(font)
                painter.setPen(colour)
                h = lines(font, text)
                painter.drawText(QRectF(left + 10, y, inner, h), wrap, text)
                y += h + 2

    return Block(rows * height + max(0, rows - 1) * GAP, paint)


def chart_block(view: QGraphicsView) -> Block:
    """A chart as it is drawn on screen (vectors: sharp in print), scaled to the content's width."""
    scene = view.scene()
    source = view.sceneRect() if not view.sceneRect().isEmpty() else scene.itemsBoundingRect()
    scale = WIDTH / max(1.0, source.width())
    height = source.height() * scale

    def paint(painter: QPainter) -> None:
        scene.render(painter, QRectF(0, 0, WIDTH, height), source)

    return Block(height, paint)


def _cell(model: QAbstractItemModel, row: int, column: int) -> str:
    value = model.data(model.index(row, column))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return QLocale().toString(value)
    return "" if value is None else str(value)


def table_block(caption: str, model: QAbstractItemModel) -> Block:
    """A model's numbers as a table: a caption, its header, a line a row; numbers right, words left (mirrored
    in a right-to-left language). Its rows are blocks of their own, for a table longer than a page."""
    font, bold = _font(11), _font(11, True)
    metrics, bold_metrics = QFontMetricsF(font), QFontMetricsF(bold)
    columns = model.columnCount()
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    cells = [[_cell(model, r, c) for c in range(columns)] for r in range(model.rowCount())]
    widths = [
        max(
            [bold_metrics.horizontalAdvance(headers[c])]
            + [metrics.horizontalAdvance(row[c]) for row in cells]
        )
        + 2 * CELL_PADDING
        for c in range(columns)
    ]
    if sum(widths) > WIDTH:
        widths = [w * WIDTH / sum(widths) for w in widths]
    row_height = metrics.height() + 2 * CELL_PADDING

    def line(texts: list[str], texts_font: QFont, row: int | None) -> Block:
        def paint(painter: QPainter) -> None:
            painter.setFont(texts_font)
            left = 0.0
            for column, (text, width) in enumerate(zip(texts, widths, strict=True)):
                side = model.data(model.index(0, column), Qt.ItemDataRole.TextAlignmentRole)
                flags = int(side) if side is not None else int(Qt.AlignmentFlag.AlignLeft)
                flags |= int(Qt.AlignmentFlag.AlignVCenter)
                colour = (
                    None
                    if row is None
                    else model.data(model.index(row, column), Qt.ItemDataRole.ForegroundRole)
                )
                painter.setPen(colour if isinstance(colour, QColor) else _ink())
                box = QRectF(_x(left, width) + CELL_PADDING, 0, width - 2 * CELL_PADDING, row_height)
                painter.drawText(
                    box, flags, metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width() + 1)
                )
                left += width
            painter.setPen(QPen(_muted(), 0.5))
            painter.drawLine(QPointF(_x(0, sum(widths)), 0), QPointF(_x(0, sum(widths)) + sum(widths), 0))

        return Block(row_height, paint)

    title = text_block(caption, 12, bold=True)
    header = line(headers, bold, None)

    def head(painter: QPainter) -> None:
        title.paint(painter)
        painter.translate(0, title.height + 4)
        header.paint(painter)
        painter.translate(0, -(title.height + 4))

    rows = [Block(title.height + 4 + header.height, head)] + [
        line(row, font, r) for r, row in enumerate(cells)
    ]
    whole = _stacked(rows)
    return Block(whole.height, whole.paint, rows)


def _background(painter: QPainter, rect: QRectF) -> None:
    """White paper; a dark page keeps its own background (its charts and words are drawn for it)."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    painter.fillRect(rect, QBrush(window if dark_mode() else QColor("white")))


def _prepare(painter: QPainter) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setLayoutDirection(QGuiApplication.layoutDirection())


def _failed(path: str) -> OSError:
    return OSError(QCoreApplication.translate("export", "could not write {0}").format(path))


def paint_png(blocks: list[Block]) -> QImage:
    """The blocks one under the other on one image, at twice the screen's pixels (sharp when zoomed). On the GUI
    thread: the charts are the page's own scenes."""
    height = sum(b.height for b in blocks) + GAP * (len(blocks) + 1)
    ratio = 2
    image = QImage(int((WIDTH + 2 * GAP) * ratio), int(height * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    try:
        _prepare(painter)
        _background(painter, QRectF(0, 0, WIDTH + 2 * GAP, height))
        painter.translate(GAP, GAP)
        for block in blocks:
            painter.save()
            block.paint(painter)
            painter.restore()
            painter.translate(0, block.height + GAP)
    finally:
        painter.end()
    return image


def write_png(image: QImage, path: str) -> None:
    """The image encoded and written, on any thread: a template of 500 steps made a 1576×25016 image whose
    encoding alone held the GUI thread a second (`bench/desktop_disk_work.py`)."""
    if not image.save(path, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes str
        raise _failed(path)


def save_pdf(blocks: list[Block], path: str, title: str) -> None:
    """A4 portrait, 12 mm margins, drawn as vectors (text selectable, charts sharp when printed). A block goes
    whole on the page it starts on; one that does not fit what is left starts the next page."""
    writer = QPdfWriter(path)
    writer.setTitle(title)
    writer.setCreator("Rundun")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    painter = QPainter()
    if not painter.begin(writer):
        raise _failed(path)
    try:
        _prepare(painter)
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        scale = area.width() / WIDTH
        page = area.height() / scale  # a page's height in the content's pixels
        painter.scale(scale, scale)
        _background(painter, QRectF(0, 0, WIDTH, page))
        top = 0.0

        def new_page() -> None:
            nonlocal top
            writer.newPage()
            _background(painter, QRectF(0, 0, WIDTH, page))
            top = 0.0

        def place(block: Block) -> None:
            nonlocal top
            if top and top + block.height > page:
                new_page()
            painter.save()
            painter.translate(0, top)
            if block.height > page:  # taller than a page: scaled to fit it
                shrink = page / block.height
                painter.translate(WIDTH * (1 - shrink) / 2, 0)
                painter.scale(shrink, shrink)
            block.paint(painter)
            painter.restore()
            top += min(block.height, page) + GAP

        for block in blocks:
            if block.rows and block.height > page:  # a long table: on as many pages as it needs
                head, *rows = block.rows
                place_rows = [head]
                for row in rows:
                    if top + sum(b.height for b in place_rows) + row.height > page:
                        if len(place_rows) > 1:
                            place(_stacked(place_rows))
                        new_page()
                        place_rows = [head]
                    place_rows.append(row)
                place(_stacked(place_rows))
            else:
                place(block)
    finally:
        painter.end()


def _stacked(blocks: list[Block]) -> Block:
    def paint(painter: QPainter) -> None:
        painter.save()
        for block in blocks:
            block.paint(painter)
            painter.translate(0, block.height)
        painter.restore()

    return Block(sum(b.height for b in blocks), paint)
