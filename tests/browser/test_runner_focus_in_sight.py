"""A control reached by Tab is in sight: the browser scrolled it to the screen's edge, under the fixed status bar
(going down) or the sticky progress bar (going up), so a keyboard's person (or a switch user) saw no focus at all
(WCAG 2.2 "Focus Not Obscured"). Checked forwards and backwards through a whole checklist, in both directions of
writing, with changes waiting."""

from __future__ import annotations

import pytest

from tests.browser.actions import run_in
from tests.browser.test_runner_names import MANY

# The focused control and what covers it: its box against the status bar's top and, once the progress bar is
# stuck at the top of the screen, that bar's bottom. A control of the bars themselves, or of the page's header
# above the stuck bar, is not covered by them.
COVERED = """() => {
  const a = document.activeElement;
  if (!a || a === document.body || a.closest("#sync-status, #progress, header")) return null;
  const box = a.getBoundingClientRect();
  if (!box.height) return null;  // a control drawn by its label (the photo picker's file input)
  const bar = document.getElementById("sync-status").getBoundingClientRect();
  const progress = document.getElementById("progress").getBoundingClientRect();
  const under = box.bottom > bar.top + 1 || (progress.top <= 0.5 && box.top < progress.bottom - 1);
  return under ? [a.getAttribute("aria-label") || a.id || a.textContent.trim().slice(0, 30),
    Math.round(box.top), Math.round(box.bottom), Math.round(progress.bottom), Math.round(bar.top)] : null;
}"""


@pytest.mark.parametrize("tag", ["en", "ar"])
def test_every_control_reached_by_tab_is_clear_of_both_bars(live, browser, tag):
    with run_in(live, browser, MANY, tag) as (_, context, page):
        context.set_offline(True)  # changes waiting: the status bar says so on its lines
        page.locator("#s-ok input").first.check()
        page.locator("#progress-text").click()  # Tab starts from the top of the checklist
        covered = []
        for key in ["Tab"] * 70 + ["Shift+Tab"] * 70:
            page.keyboard.press(key)
            if hit := page.evaluate(COVERED):
                covered.append((key, *hit))
        assert covered == []
