"""Every control of the runner has a name, and no two the same: a screen reader's list of buttons read "Skip
this step" ten times (each inside a region named by its step, which that list does not say), and "Keep this
signature", "Add my location", "Remove photo 1" once per step. Each now says its step after its visible words."""

from __future__ import annotations

import copy
import re
from collections import Counter

from playwright.sync_api import expect

from tests.browser.actions import photo_file
from tests.browser.conftest import jpeg
from tests.browser.templates import EVERY_TYPE

# Every type, skippable, two photo steps and a step's photos, two located steps, two signature steps and the run's.
MANY = copy.deepcopy(EVERY_TYPE)
MANY["settings"]["allow_skip"] = True
MANY["sections"][0]["steps"][3]["photo"] = {"min": 0, "max": 2}
MANY["sections"][0]["steps"][4]["geo"] = True
MANY["sections"][1]["steps"][0]["geo"] = True
MANY["sections"][1]["steps"] += [
    {"id": "s-room", "type": "photo", "label": "Photo of the room", "config": {"min": 0, "max": 2}},
    {"id": "s-sign2", "type": "signature", "label": "Engineer signature", "config": {}},
]
# Roles a person lists or moves between one by one; a radio or a checkbox is named within its named group.
LISTED = "button|link|textbox|spinbutton|combobox|img|progressbar|slider|region|radiogroup|group"
NODE = re.compile(rf"""^\s*- '?({LISTED})\b(?: "((?:[^"\\]|\\.)*)")?""")


def names(page) -> Counter:
    """(role, name) of every node of the page's accessibility tree in a listed role ('' when it has none)."""
    found: Counter = Counter()
    for line in page.locator("body").aria_snapshot().splitlines():
        match = NODE.match(line)
        if match:
            found[(match.group(1), match.group(2) or "")] += 1
    return found


def test_every_control_has_a_name_of_its_own_that_says_its_step(live, phone):
    run_id = live.dispatch(MANY, webhook=False)
    page = phone.new_page()
    page.goto(f"{live.url}/r/{run_id}")
    page.click("#start")
    page.locator("#progress-text").wait_for()
    for step in ("s-photo", "s-room"):
        page.set_input_files(f"#{step}-file", files=[photo_file("a.jpg", jpeg(800, 600))])
        expect(page.locator(f"#{step} .thumb")).to_have_count(1)
    found = names(page)
    assert not [node for node, n in found.items() if n > 1 or not node[1]], found

    skip = page.get_by_role("button", name="Skip this step: Pressure", exact=True)
    expect(skip).to_have_text("Skip this step")  # the words on screen stay
    skip.click()
    expect(page.get_by_role("button", name="Answer this step: Pressure", exact=True)).to_have_text(
        "Answer this step"
    )
    for name in (
        "Keep this signature: Customer signature",
        "Keep this signature: Your signature",
        "Clear signature: Engineer signature",
        "Add my location: Boiler kind",
        "Remove photo 1: Photo of the room",
        "Take or choose a photo: Pressure",
        "Or type your name to sign with it: Your signature",
    ):
        expect(
            page.get_by_role("textbox" if "type your name" in name else "button", name=name, exact=True)
        ).to_have_count(1)
    expect(
        page.get_by_role("img", name="Sign in the box with your finger: Customer signature", exact=True)
    ).to_have_count(1)
    found = names(page)
    assert not [node for node, n in found.items() if n > 1 or not node[1]], found
