"""Icons switch with the system's scheme while the app stays open (issue 23: a laptop app left open for weeks
meets the evening's dark scheme): a button's, a tab's and the editor's icons are drawn in the ink of the scheme
shown when they are painted, the sidebar's stay as they are (it is dark in both), a label's placeholder picture is
redrawn, and a photo that replaced it is left alone.

The offscreen platform cannot switch the system's scheme: the test applies the scheme as the signal does."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage

from rundun_desktop import style, theme
from rundun_desktop.editor.icons import icon as editor_icon
from rundun_desktop.widgets.common import button
from rundun_desktop.widgets.photo import Thumbnail


@pytest.fixture
def scheme(qapp):
    """Switch the app's scheme as `colorSchemeChanged` does; puts the app back as it found it."""
    sheet, palette = qapp.styleSheet(), qapp.palette()

    def switch(dark: bool) -> None:
        theme.apply_scheme(qapp, Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light, style.stylesheet())

    yield switch
    theme.apply_scheme(qapp, Qt.ColorScheme.Light, style.stylesheet())
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def ink(image: QImage) -> str:
    """The most common fully opaque colour of a picture: the icon's ink (antialiased edges are not opaque)."""
    counts: Counter[str] = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                counts[pixel.name()] += 1
    assert counts, "the icon drew nothing"
    return counts.most_common(1)[0][0]


def icon_ink(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> str:
    return ink(icon.pixmap(48, 48, mode).toImage())


def test_a_buttons_icon_takes_the_dark_ink_when_the_system_switches_and_back(scheme):
    widget = button("Add", "plus")
    assert icon_ink(widget.icon()) == "#5b6478"
    scheme(dark=True)
    assert icon_ink(widget.icon()) == theme.DARK["#5b6478"]  # the same icon object, redrawn
    scheme(dark=False)
    assert icon_ink(widget.icon()) == "#5b6478"


def test_the_primary_buttons_icon_follows_its_text_colour(scheme):
    widget = button("Dispatch", "send", primary=True)
    assert icon_ink(widget.icon()) == "#ffffff"
    scheme(dark=True)
    assert icon_ink(widget.icon()) == theme.DARK["#ffffff"]  # the sheet's primary text turns the same way


def test_the_sidebars_icons_keep_their_colours_in_both_schemes(scheme):
    nav_icon = style.icon("runs", "#c5cbe0", selected="#ffffff", follow_scheme=False)
    scheme(dark=True)
    assert icon_ink(nav_icon) == "#c5cbe0"
    assert icon_ink(nav_icon, QIcon.Mode.Selected) == "#ffffff"


def test_a_disabled_icon_is_drawn_in_the_disabled_ink_of_the_scheme(scheme):
    widget = button("Add", "plus")
    assert icon_ink(widget.icon(), QIcon.Mode.Disabled) == "#a3abbd"
    scheme(dark=True)
    assert icon_ink(widget.icon(), QIcon.Mode.Disabled) == theme.DARK["#a3abbd"]


def test_the_editors_drawn_and_svg_icons_switch_too(scheme):
    undo, add = editor_icon("undo"), editor_icon("add")
    light_undo, light_add = icon_ink(undo), icon_ink(add)
    scheme(dark=True)
    assert icon_ink(undo) == theme.DARK[light_undo] != light_undo
    assert icon_ink(add) == theme.DARK[light_add] != light_add


def test_a_placeholder_picture_is_redrawn_and_a_photo_that_replaced_it_is_left_alone(scheme, qtbot):
    waiting, loaded = Thumbnail("/photos/a"), Thumbnail("/photos/b")
    qtbot.addWidget(waiting)
    qtbot.addWidget(loaded)
    photo = QImage(64, 64, QImage.Format.Format_ARGB32)
    photo.fill(QColor("#2f9e44"))
    loaded.set_image(photo)
    assert ink(waiting.pixmap().toImage()) == "#a3abbd"
    scheme(dark=True)
    assert ink(waiting.pixmap().toImage()) == theme.DARK["#a3abbd"]
    assert ink(loaded.pixmap().toImage()) == "#2f9e44"  # still the photo, not the placeholder again


def test_the_template_toolbar_draws_the_apps_line_icons_and_white_ones_on_its_blue_buttons(scheme):
    """Save, New, Import and Export were the platform style's pictures (a full-colour floppy and folder beside
    the app's line icons); now each is one of the app's SVGs, and New and Save — on the editor's blue
    `#saveButton`, whose text is white in both schemes — are drawn white in both."""
    from rundun_desktop.editor import icons
    from rundun_desktop.resources import resource_path

    for name in ("save", "new", "import", "export", "duplicate", "delete"):
        svg = icons._APP_ICONS.get(name)
        assert svg is not None and resource_path("icons", f"{svg}.svg").is_file(), name
    for dark in (False, True):
        scheme(dark=dark)
        assert icon_ink(editor_icon("new")) == "#ffffff"
        assert icon_ink(editor_icon("save")) == "#ffffff"
        assert icon_ink(editor_icon("import")) != "#ffffff"
