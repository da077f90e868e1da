"""A text step with a limit counts its characters against its room, as the desktop's runner does."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.actions import phone_in, server_value, start_run, wait_for
from tests.browser.templates import EVERY_TYPE


def test_a_texts_count_of_characters_against_its_room_follows_what_is_typed(live, phone):
    """The field stopped taking characters at its step's limit and said nothing of those it dropped; the
    desktop counts them ("12 / 20")."""
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = start_run(live, phone, run_id)
    field, count = page.locator("#s-note-input"), page.locator("#s-note-input-count")
    expect(count).to_have_text("0 / 20")
    expect(field).to_have_attribute("aria-describedby", "s-note-input-count")
    field.press_sequentially("Boiler ")
    expect(count).to_have_text("7 / 20")
    field.press_sequentially("X" * 30)  # what does not fit is not taken, and the count says it is full
    expect(count).to_have_text("20 / 20")
    field.blur()
    wait_for(
        lambda: server_value(live, run_id, "s-note") == "Boiler " + "X" * 13,
        what="the text on the server",
    )
    page.reload()
    expect(page.locator("#s-note-input-count")).to_have_text("20 / 20")  # the stored answer, counted


def test_an_emoji_counts_as_one_character_as_the_counter_and_the_server_count_it(live, phone):
    """The field's limit was maxlength, which counts UTF-16 units (an emoji two): with three emoji it stopped at
    "17 / 20", and what was typed next was dropped without a word."""
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = start_run(live, phone, run_id)
    field, count = page.locator("#s-note-input"), page.locator("#s-note-input-count")
    serial = "SN-\U0001f692\U0001f692\U0001f692-0123456789XYZ"  # 20 characters
    field.press_sequentially(serial)
    expect(count).to_have_text("20 / 20")
    expect(field).to_have_value(serial)
    field.press_sequentially("!")  # full: not taken
    expect(field).to_have_value(serial)
    field.press("Home")
    field.press_sequentially("\U0001f692")  # nor at the start: what follows stays
    expect(field).to_have_value(serial)
    field.blur()
    wait_for(
        lambda: server_value(live, run_id, "s-note") == serial,
        what="the 20 characters on the server",
    )


def test_text_pasted_past_the_limit_is_cut_and_the_field_says_so(live, browser):
    """A paste longer than the step's room was cut to it without a word: the count read "20 / 20" and the end of
    the pasted text was gone. The cut is said under the field, in the page's language, until the text changes
    again without one."""
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    with phone_in(browser, "de-DE", permissions=["clipboard-read", "clipboard-write"]) as context:
        page = start_run(live, context, run_id)
        field, count, note = (page.locator(f"#s-note-input{end}") for end in ("", "-count", "-cut"))
        pasted = "Kessel 2026-0042, Keller links, hinter der Tür"
        page.evaluate("text => navigator.clipboard.writeText(text)", pasted)
        field.focus()
        page.keyboard.press("Control+V")
        expect(field).to_have_value(pasted[:20])
        expect(count).to_have_text("20 / 20")
        expect(note).to_have_text("Der Text wurde auf 20 Zeichen gekürzt: der Rest passte nicht hinein.")
        page.keyboard.press("Backspace")
        expect(count).to_have_text("19 / 20")
        expect(note).to_have_text("")
        field.blur()
        wait_for(
            lambda: server_value(live, run_id, "s-note") == pasted[:19],
            what="the cut text on the server",
        )


def test_typing_in_a_text_step_without_a_limit_raises_no_error(live, phone):
    """A text step with no limit has no count: its field threw "Cannot set properties of null" at every key
    (the note of a cut it does not have)."""
    run_id = live.dispatch(EVERY_TYPE, webhook=False)
    page = start_run(live, phone, run_id)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.get_by_label("No").first.check()  # "Why not?": multiline, no limit
    field = page.locator("#s-why-input")
    # Typed as a person types, into the field that has the focus: the screen may be made anew meanwhile (the
    # server's copy arriving as the page becomes visible), and it carries the field being typed in with its
    # focus, while Playwright's own typing could start on the copy it had found before (its keys then went to
    # the page: the test failed 1 time in 2 after the others in this file).
    field.click()
    expect(field).to_be_focused()
    page.keyboard.type("Cellar locked")
    expect(field).to_have_value("Cellar locked")
    field.blur()
    wait_for(
        lambda: server_value(live, run_id, "s-why") == "Cellar locked",
        what="the text on the server",
        page=page,
    )
    assert errors == []
