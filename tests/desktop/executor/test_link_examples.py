"""The Executor's example links read whole in Arabic: inside Arabic words, "https://…/r/r-…" showed as
"…-https://…/r/r" (its trailing "-…" took the sentence's direction and moved to the other end), so a cleaner saw
a link shape no link has. Each example is isolated in its own direction."""

from __future__ import annotations

import pytest

from rundun_desktop.executor.inbox_view import InboxView
from rundun_desktop.executor.links import LinkError, parse_link

ISOLATED_WEB, ISOLATED_APP = "\u2068https://…/r/r-…\u2069", "\u2068rundun://r/r-…\u2069"


def test_the_link_boxs_examples_are_isolated_in_arabic(qtbot, speak):
    speak("ar")
    view = InboxView()
    qtbot.addWidget(view)
    shown = view.link.placeholderText()
    assert shown.startswith("الصق رابط المهمة") and ISOLATED_WEB in shown and ISOLATED_APP in shown


def test_a_wrong_app_links_example_is_isolated_in_arabic(speak):
    speak("ar")
    with pytest.raises(LinkError) as refused:
        parse_link("rundun://run/whatever")
    assert ISOLATED_APP in str(refused.value) and str(refused.value).startswith("رابط")
