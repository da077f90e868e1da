"""A phone in dark mode gets a dark page (it got a white one at night), with the contrast WCAG AA asks on every
screen: text at least 4.5:1 (axe-core's color-contrast, large text 3:1) and each control's edge at least 3:1
against the card it sits on. The signature pad stays paper-white with dark ink, and the signature stored on the
server is what a light page stores: dark strokes on a transparent ground."""

from __future__ import annotations

import io

import httpx
from PIL import Image
from playwright.sync_api import expect

from tests.browser.actions import photo_file, sign, wait_for
from tests.browser.conftest import PHONE, axe_source, jpeg
from tests.browser.templates import EVERY_TYPE
from tests.browser.test_runner_waiting_words import ONE_QUESTION

CONTRAST = """async () => {
  const result = await axe.run(document, { runOnly: ["color-contrast"], resultTypes: ["violations"] });
  return result.violations.flatMap((v) => v.nodes.map((n) => [n.target.join(" "), n.any.map((c) => c.message).join(" ")]));
}"""

# Relative luminance and contrast ratio (WCAG 2.x), and each control's edge against its card.
EDGES = """() => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const ground = (node) => {
    for (let at = node.parentElement; at; at = at.parentElement) {
      const bg = getComputedStyle(at).backgroundColor;
      if (!bg.startsWith("rgba(0, 0, 0, 0)")) return bg;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  };
  const controls = document.querySelectorAll('input[type="text"], textarea, input[type="date"], input[type="time"], .choice, button.secondary, .button.secondary, .pad');
  const low = [...controls].filter((c) => c.getClientRects().length)
    .map((c) => [c.id || c.className, Number(ratio(getComputedStyle(c).borderTopColor, ground(c)).toFixed(2))])
    .filter(([, r]) => r < 3);
  return { low, page: lum(getComputedStyle(document.body).backgroundColor), card: document.querySelector(".step, .done, form.open")
    ? lum(getComputedStyle(document.querySelector(".step, .done, form.open")).backgroundColor) : null };
}"""


def check(page) -> None:
    """The page is dark, its text and its controls' edges have their contrast."""
    edges = page.evaluate(EDGES)
    assert edges["page"] < 0.05 and (edges["card"] is None or edges["card"] < 0.05), edges  # dark, not white
    assert edges["low"] == [], edges["low"]
    page.add_script_tag(content=axe_source())
    assert page.evaluate(CONTRAST) == []


def ink(png: bytes) -> tuple[float, float]:
    """The stored signature's mean luminance of its drawn pixels (0 black, 255 white) and its share of opaque pixels."""
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    data = image.tobytes()
    drawn = [data[i : i + 3] for i in range(0, len(data), 4) if data[i + 3] > 128]
    mean = sum(0.2126 * r + 0.7152 * g + 0.0722 * b for r, g, b in drawn) / max(1, len(drawn))
    return mean, len(drawn) / (image.width * image.height)


def test_dark_mode_every_screen_dark_with_contrast_and_the_signature_stored_as_before(live, browser):
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    context = browser.new_context(**PHONE, color_scheme="dark", bypass_csp=True)  # bypass only to inject axe
    try:
        page = context.new_page()
        page.goto(f"{live.url}/r/{run_id}")
        page.locator("#start").wait_for()
        check(page)  # the page before Start
        page.click("#start")
        page.locator("#progress-text").wait_for()
        page.get_by_label("No").first.check()
        page.locator("#s-bar-input").fill("9")  # held: its red edge and words
        page.locator("#s-bar-input").blur()
        page.locator("#s-kind").get_by_label("Gas").check()
        page.locator("#s-parts").get_by_label("Pump").check()
        page.set_input_files("#s-photo-file", files=[photo_file("plate.jpg", jpeg(800, 600))])
        page.locator("#s-photo .thumb").first.wait_for()
        sign(page, '[data-signature="s-sign"]')
        page.locator('[data-signature="s-sign"] img.signed').wait_for()
        sign(page, '[data-signature="_run"]', keep=False)  # strokes on the pad, not kept yet
        page.locator("#complete").click()  # what is missing, listed
        expect(page.locator("#missing li").first).to_be_visible()
        context.set_offline(True)
        page.locator("#s-note-input").fill("SN-42")
        page.locator("#s-note-input").blur()
        page.locator("#sync-more").click()  # the status bar's story
        expect(page.locator("#sync-details")).to_be_visible()
        check(page)
        context.set_offline(False)

        def stored() -> bytes | None:
            photos = live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-sign", {}).get("photos")
            return httpx.get(photos[0]["url"], timeout=30).content if photos else None

        mean, share = ink(wait_for(stored, what="the signature on the server"))
        assert mean < 80 and share < 0.2, (
            mean,
            share,
        )  # dark strokes on a transparent ground, as in light mode

        done = live.dispatch(ONE_QUESTION, webhook=False)  # the screen that ends a run
        page.goto(f"{live.url}/r/{done}")
        page.click("#start")
        page.get_by_label("Yes").check()
        page.locator("#complete").click()
        expect(page.locator("#done-title")).to_have_text("Checklist completed")
        check(page)
        page.goto(f"{live.url}/r/r_0000000000000000000000")  # a link to no checklist
        check(page)
    finally:
        context.close()
