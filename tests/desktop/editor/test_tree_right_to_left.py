"""The structure tree's rows as they are painted. Section rows right to left (Arabic): the title and the step
count sit side by side, the title at the row's start (the right), the count at its end, never one laid over the
other; a step's label too long for a narrow tree cut so that steps told apart by their ends stay apart; a
selected section with a problem written in the selection's own colour."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from rundun_desktop.editor.tree_model import CHILD_PROBLEMS_ROLE
from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved, until


class Recording(QPainter):
    """A painter that keeps where each text was drawn: its rect, alignment, words and font's metrics."""

    def __init__(self, device) -> None:
        super().__init__(device)
        self.texts: list[tuple[QRect, Qt.AlignmentFlag, str, QFontMetrics]] = []
        self.inks: list[QColor] = []  # the pen's colour of each text

    def drawText(self, *args) -> None:
        if len(args) == 3 and isinstance(args[0], QRect):
            self.texts.append((QRect(args[0]), args[1], args[2], QFontMetrics(self.font())))
            self.inks.append(self.pen().color())
        super().drawText(*args)


def span(
    rect: QRect, flags, text: str, metrics: QFontMetrics, direction: Qt.LayoutDirection
) -> tuple[int, int]:
    """The columns the words cover, as Qt lays them out: aligned to the visual side, cut to the rect."""
    width = min(metrics.horizontalAdvance(text), rect.width())
    visual = QStyle.visualAlignment(direction, Qt.AlignmentFlag(flags))
    if visual & Qt.AlignmentFlag.AlignRight:
        return rect.right() - width, rect.right()
    return rect.left(), rect.left() + width


def test_a_sections_title_and_count_sit_side_by_side_right_to_left(drive: Driver, page, client, aloop):
    body = vehicle_inspection()
    body["sections"][0]["title"] = "Exterior walk-around of the whole vehicle, wheels and lights"
    open_saved(aloop, client, page, body)
    tree = drive.view.tree
    index = drive.ctl.model.index(0, 0)
    option = QStyleOptionViewItem()
    option.rect = tree.visualRect(index)
    option.font = tree.font()
    option.palette = tree.palette()
    for direction in (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft):
        option.direction = direction
        picture = QImage(option.rect.right() + 10, option.rect.bottom() + 10, QImage.Format.Format_ARGB32)
        painter = Recording(picture)
        painter.setLayoutDirection(direction)
        tree.itemDelegate().paint(painter, option, index)
        painter.end()
        (title, count) = [span(*t, direction) for t in painter.texts]
        assert "4 steps" in painter.texts[1][2]
        assert title[1] < count[0] or count[1] < title[0], (direction, title, count)
        starts_right = title[0] > count[0]
        assert starts_right == (direction == Qt.LayoutDirection.RightToLeft)


def test_steps_told_apart_by_their_ends_stay_apart_in_a_narrow_tree(drive: Driver, page, client, aloop):
    """A step's label too long for its row is cut in the middle, its required mark kept: four photo steps
    "Photo of corner 0" … "3" all read "Photo of corner …" cut at the end, and the mark was cut with it."""
    body = vehicle_inspection()
    labels = [f"Photo of the left-hand side corner number {n}" for n in range(4)]
    body["sections"][0]["steps"] = [
        {"id": f"s-c{n}", "type": "photo", "label": label, "required": True} for n, label in enumerate(labels)
    ]
    open_saved(aloop, client, page, body)
    tree = drive.view.tree
    drawn = []
    for row in range(4):
        index = drive.ctl.model.index(row, 0, drive.ctl.model.index(0, 0))
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 200, tree.visualRect(index).height())  # the tree as narrow as it gets
        option.font, option.palette = tree.font(), tree.palette()
        picture = QImage(220, option.rect.height() + 10, QImage.Format.Format_ARGB32)
        painter = Recording(picture)
        tree.itemDelegate().paint(painter, option, index)
        painter.end()
        drawn.append(painter.texts[0][2])
    drawn = [text.replace("\u2068", "").replace("\u2069", "") for text in drawn]  # as a person reads it
    assert len(set(drawn)) == 4, drawn
    for n, text in enumerate(drawn):
        assert text.startswith("Photo") and text.endswith(f"{n} *") and "…" in text, drawn


def test_a_sections_title_stays_whole_beside_its_problem_count_in_the_tree_at_1024(
    drive: Driver, page, client, aloop
):
    """At 1024 × 700 the tree is about 230 px wide: a section with a step in trouble read "Living roo…" beside
    "4 steps · 1 with problems". The title is kept whole and the note's words give way (its step count stays)."""
    d = drive
    body = vehicle_inspection()
    body["sections"][0]["title"] = "Living room"
    open_saved(aloop, client, page, body)
    d.select_node(d.ctl.doc.find_step("s-od01").uid)
    d.type(d.step_panel.id_edit, "Odometer reading?", commit=True)  # not an id: a problem of this step
    d.flush()
    until(aloop, lambda: d.ctl.model.index(0, 0).data(CHILD_PROBLEMS_ROLE) == 1, 5)
    tree = d.view.tree
    index = d.ctl.model.index(0, 0)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 230, tree.visualRect(index).height())
    option.font, option.palette = tree.font(), tree.palette()
    picture = QImage(250, option.rect.height() + 10, QImage.Format.Format_ARGB32)
    painter = Recording(picture)
    tree.itemDelegate().paint(painter, option, index)
    painter.end()
    (title_rect, _, title, metrics), (_, _, note, _) = painter.texts
    assert title.replace("\u2068", "").replace("\u2069", "") == "Living room"
    assert metrics.horizontalAdvance(title) <= title_rect.width()
    assert note.startswith("4 steps"), note


def test_a_selected_section_with_a_problem_reads_in_the_selections_colour(drive: Driver, page, client, aloop):
    """A section whose id was typed wrong showed its title in red on the selection's blue (about 2:1) and its
    step count in grey on blue, unreadable; unselected, its title stays red."""
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    section = d.ctl.doc.sections[1]
    d.select_node(section.uid)
    d.type(d.ctl.properties.section_panel.id_edit, "Lights working?", commit=True)
    d.flush()
    tree = d.view.tree
    index = d.ctl.model.index(1, 0)
    option = QStyleOptionViewItem()
    option.rect, option.font, option.palette = tree.visualRect(index), tree.font(), tree.palette()
    inks = {}
    for selected in (True, False):
        option.state = QStyle.StateFlag.State_Selected if selected else QStyle.StateFlag.State_None
        picture = QImage(option.rect.right() + 10, option.rect.bottom() + 10, QImage.Format.Format_ARGB32)
        painter = Recording(picture)
        tree.itemDelegate().paint(painter, option, index)
        painter.end()
        inks[selected] = [ink.name() for ink in painter.inks]
    highlighted = tree.palette().highlightedText().color().name()
    assert inks[True] == [highlighted, highlighted], inks
    assert inks[False][0] not in (highlighted, tree.palette().text().color().name()), (
        inks
    )  # red, as a problem


def test_an_english_label_reads_left_to_right_in_the_arabic_tree(drive: Driver, page, client, aloop):
    """In the Arabic app the tree read "?Forks free" (and "…Visual checks (engin"): the template's own
    texts were laid out right to left around their punctuation. Each now keeps its own direction (the pictures
    of the Arabic walk in /tmp/rundun-i18n/ar/ show it)."""
    body = vehicle_inspection()
    body["sections"][0]["title"] = "Visual checks (engine off)"
    body["sections"][0]["steps"][0].update(label="Forks free of cracks?", required=False)
    open_saved(aloop, client, page, body)
    tree = drive.view.tree
    drawn = []
    for index in (drive.ctl.model.index(0, 0), drive.ctl.model.index(0, 0, drive.ctl.model.index(0, 0))):
        option = QStyleOptionViewItem()
        option.rect, option.font, option.palette = tree.visualRect(index), tree.font(), tree.palette()
        option.direction = Qt.LayoutDirection.RightToLeft
        picture = QImage(option.rect.right() + 10, option.rect.bottom() + 10, QImage.Format.Format_ARGB32)
        painter = Recording(picture)
        painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        tree.itemDelegate().paint(painter, option, index)
        painter.end()
        drawn.append(painter.texts[0])
    # Each isolated (FSI … PDI): it reads in its own direction whatever the window's, the mark outside it.
    assert [text for _rect, _flags, text, _metrics in drawn] == [
        "\u2068Visual checks (engine off)\u2069",
        "\u2068Forks free of cracks?\u2069",
    ]


def label_ink(tree, index, picture_of_its_own: bool) -> set[int]:
    """The columns a step row's words cover (its type badge and problem dot left out), painted as the tree
    paints it, or into a picture of its own as a drag's picture is (its painter knows no direction)."""
    rect = tree.visualRect(index)
    if picture_of_its_own:
        option = QStyleOptionViewItem()
        option.initFrom(tree)  # the tree's direction, as the view gives it
        option.rect, option.font, option.palette = QRect(rect), tree.font(), tree.palette()
        image = QImage(tree.viewport().size(), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        tree.itemDelegate().paint(painter, option, index)
        painter.end()
    else:
        image = tree.viewport().grab().toImage()
    words = range(rect.left() + 32, rect.right() - 24)  # inside the badge (left) and the problem dot (right)
    return {
        x
        for x in words
        if any(image.pixelColor(x, y).lightness() < 128 for y in range(rect.top(), rect.bottom()))
    }


def test_the_required_mark_goes_where_the_reader_ends_a_label(drive: Driver, page, client, aloop, speak):
    """A required step's mark ends its label as the app's reader reads, whatever the label's own language: in
    the Arabic app at its left, "* Etiqueta del vehículo" (a drag's picture of the row read "Etiqueta del
    vehículo *", the mark before the label for an Arabic reader); in the Spanish app at its right, an Arabic
    label's too."""
    for language, label in (("ar", "Etiqueta del vehículo"), ("es", "ملصق المركبة")):
        speak(language)
        body = vehicle_inspection()
        body["sections"][0]["steps"][0].update(label=label, required=True)
        body["sections"][0]["steps"][1].update(label=label, required=False)
        open_saved(aloop, client, page, body)
        tree, model = drive.view.tree, drive.ctl.model
        tree.expandAll()
        section = model.index(0, 0)
        for own_picture in (False, True):
            required = label_ink(tree, model.index(0, 0, section), own_picture)
            plain = label_ink(tree, model.index(1, 0, section), own_picture)
            assert plain <= required, (language, own_picture)  # the label where it was, the mark beside it
            if language == "ar":
                assert min(required) < min(plain), (language, own_picture)  # at its left: where it ends
            else:
                assert max(required) > max(plain), (language, own_picture)  # at its right
        drive.click(drive.view.back_button)
        until(aloop, lambda: not page.editing, 5)
