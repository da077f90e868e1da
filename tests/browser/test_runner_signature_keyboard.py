"""A signature from the keyboard: the pad took a finger, a pen or a mouse only, so a person on a keyboard or a
screen reader could not sign, nor complete a checklist that asks for a signature. Their name typed under the pad
is written into it, and kept as the same PNG a drawing is (SPEC §3: a signature is one PNG)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.actions import start_run, wait_for
from tests.browser.templates import EVERY_TYPE

INK = """(box) => {
  const canvas = document.querySelector(`[data-signature="${box}"] canvas`);
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let k = 3; k < pixels.length; k += 4) if (pixels[k]) inked += 1;
  return inked;
}"""


def test_a_keyboard_signs_by_typing_a_name_into_the_pad(live, phone):
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = start_run(live, phone, run_id)
    name = page.get_by_label("Or type your name to sign with it")
    expect(name).to_have_count(2)  # the step's pad and the run's
    name.first.focus()
    page.keyboard.type("Ana Pérez")
    wait_for(lambda: page.evaluate(INK, "s-sign") > 200, what="the name written into the pad", page=page)
    page.keyboard.press("Tab")  # Clear signature
    page.keyboard.press("Tab")
    expect(page.locator('[data-signature="s-sign"] button', has_text="Keep this signature")).to_be_focused()
    page.keyboard.press("Enter")
    page.locator(
        '[data-signature="s-sign"] img.signed'
    ).wait_for()  # kept (the context's wait: a busy machine)
    expect(name.first).to_have_value("")  # kept: the pad and its name are free for another
    assert page.evaluate(INK, "s-sign") == 0
    name.last.focus()
    page.keyboard.type("Ana Pérez")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Clear signature: the name goes with the drawing
    expect(name.last).to_have_value("")
    assert page.evaluate(INK, "_run") == 0
    name.last.focus()
    page.keyboard.type("A. Pérez")
    page.locator('[data-signature="_run"] button', has_text="Keep this signature").press("Enter")
    page.locator('[data-signature="_run"] img.signed').wait_for()

    def signed() -> bool:
        doc = live.org.get(f"/v1/runs/{run_id}").json()
        return bool(doc["signature"]) and len((doc["answers"].get("s-sign") or {}).get("photos") or []) == 1

    wait_for(signed, what="both signatures on the server")
