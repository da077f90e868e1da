"""A phone turned to sign (landscape: a wider pad) signs where the finger goes: the pad's pixels stayed those of
the narrower box, stretched, so a stroke landed off where it was drawn and one past the old width was lost (the
signature kept was blank there). A signature drawn before turning stays whole, its shape kept."""

from __future__ import annotations

import io

import httpx
from PIL import Image

from tests.browser.actions import start_run, wait_for
from tests.browser.templates import EVERY_TYPE

PAD = '[data-signature="s-sign"]'


def ink_columns(png: bytes) -> tuple[float, float]:
    """Where a stored signature's ink is, left to right: its first and last inked columns as shares of its width."""
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    alpha = image.getchannel("A")
    box = alpha.point(lambda a: 255 if a > 128 else 0).getbbox()
    assert box, "the stored signature is blank"
    return box[0] / image.width, box[2] / image.width


def draw(page, x_share: float) -> None:
    """A short stroke on the step's pad, starting at `x_share` of its width."""
    canvas = page.locator(f"{PAD} canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x, y = box["x"] + box["width"] * x_share, box["y"] + 40
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 20, y + 60, steps=6)
    page.mouse.up()


def test_a_signature_drawn_on_a_turned_phone_is_kept_where_it_was_drawn(live, phone):
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = start_run(live, phone, run_id)
    draw(page, 0.1)  # upright
    page.set_viewport_size({"width": 851, "height": 393})  # turned
    page.wait_for_function(  # laid out anew: the pad as wide as the turned card
        """() => document.querySelector('[data-signature="s-sign"] canvas').getBoundingClientRect().width > 500"""
    )
    draw(page, 0.9)  # near the turned pad's far end
    page.locator(f"{PAD} .row button").last.click()  # Keep this signature

    def stored() -> bytes | None:
        photos = live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-sign", {}).get("photos")
        return httpx.get(photos[0]["url"], timeout=30).content if photos else None

    first, last = ink_columns(wait_for(stored, what="the signature on the server", page=page))
    assert last > 0.88, (first, last)  # the stroke at 90 % is there, where it was drawn
    assert first < 0.15, (first, last)  # the one drawn upright is kept, scaled with the pad, not lost
