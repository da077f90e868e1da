"""New from library, driven like a user on the real embedded server: search, preview, "Use this" opens the
template unsaved in the editor. And the Generate dialog says in words what made a template."""

from __future__ import annotations

import pytest

from rundun_desktop import i18n
from rundun_desktop.editor.generate_dialog import GenerateDialog, describe_source
from rundun_desktop.editor.library_dialog import SLUG_ROLE
from server.services.library import library_dir
from tests.desktop.editor.conftest import Driver, until
from tests.desktop.test_app_languages import catalogs  # noqa: F401 (a fixture)
from tests.server.test_library_languages import english, shipped
from tests.support.samples import minimal

LIBRARY_SIZE = len(list(library_dir().glob("*.json")))


def test_search_preview_and_use_opens_the_template_unsaved(drive: Driver, page, aloop, client) -> None:
    d = drive
    d.click(page.list_view.buttons["library"])
    dialog = page.list.library_dialog
    assert dialog is not None and dialog.isVisible()
    until(aloop, lambda: dialog.list.count() == LIBRARY_SIZE or "⚠" in dialog.status.text(), 20)
    assert dialog.list.count() == LIBRARY_SIZE, dialog.status.text()
    until(aloop, lambda: dialog.use_button.isEnabled(), 20)  # the first template is previewed

    d.type(dialog.search, "forklift pre-shift")
    until(aloop, lambda: dialog.list.count() == 1, 20)
    until(aloop, lambda: dialog.title.text() == "Forklift pre-shift check", 20)
    assert dialog.preview.cards, "the preview shows the steps as the executor sees them"
    assert "1 template" in dialog.count.text()
    assert dialog.list.item(0).text().split("\n")[1] == (
        "23 steps, 22 more depending on answers · forklift, lift truck, fork truck, fork lift"
    )  # in English, tags; the steps as its run counts them
    dialog.grab().save("/tmp/rundun-library-dialog.png")

    d.type(dialog.search, "zzzz nothing like this")
    until(aloop, lambda: dialog.list.count() == 0, 20)
    assert not dialog.use_button.isEnabled()
    # Nothing found: the forklift check's preview stayed up beside "Nothing in the library matches".
    preview = dialog.preview
    assert not preview.visible_cards() and preview.where.text() == "" and preview.progress.text() == ""
    assert preview.model is None and dialog.title.text() == ""
    d.type(dialog.search, "haccp")
    until(aloop, lambda: dialog.list.count() == 2, 20)  # the temperature log and food delivery receiving
    rows = [dialog.list.item(i) for i in range(dialog.list.count())]
    haccp = next(item for item in rows if item.text().startswith("HACCP temperature log"))
    d.click(dialog.list.viewport(), dialog.list.visualItemRect(haccp).center())
    until(aloop, lambda: dialog.title.text() == "HACCP temperature log", 20)

    d.click(dialog.use_button)
    until(aloop, lambda: page.editing, 10)
    assert page.saver.template_id is None and d.view.version.text() == "not saved yet"
    opened = page.editor.doc.to_tdl()
    assert opened["name"] == "HACCP temperature log"
    assert (
        opened["languages"][0] == "en" and "de" in opened["translations"]
    )  # English first, translations kept
    assert aloop.run_until_complete(client.list_templates())["data"] == []  # nothing saved yet
    d.click(d.view.save_button)
    until(aloop, lambda: page.saver.version == 1, 20)
    stored = aloop.run_until_complete(client.get_template(page.saver.template_id))
    assert stored["name"] == "HACCP temperature log"


@pytest.mark.usefixtures("catalogs")
def test_in_german_the_library_reads_german_and_opens_german_first(drive: Driver, page, aloop, qapp) -> None:
    """A German designer read English names and edited English texts though the library is translated."""
    slug = "forklift-pre-shift"
    german = shipped(slug, "de")
    assert i18n.TRANSLATION.install(qapp, "de")
    d = drive
    d.click(page.list_view.buttons["library"])
    dialog = page.list.library_dialog
    until(aloop, lambda: dialog.list.count() == LIBRARY_SIZE or "⚠" in dialog.status.text(), 20)
    rows = {dialog.list.item(i).data(SLUG_ROLE): dialog.list.item(i) for i in range(dialog.list.count())}
    assert rows[slug].text().split("\n")[0] == german["name"]
    assert rows[slug].toolTip() == german["description"]
    # No English under a German name: the tags are English words ("forklift, lift truck"); the steps' count
    # stays, as the run counts them: "45 Schritte" counted the 22 that follow only some answers.
    steps = sum(len(section["steps"]) for section in english(slug)["sections"])
    assert steps == 45
    assert rows[slug].text().split("\n")[1] == "23 Schritte, 22 weitere je nach Antworten"
    dialog.list.scrollToItem(rows[slug])
    d.click(dialog.list.viewport(), dialog.list.visualItemRect(rows[slug]).center())
    until(aloop, lambda: dialog.title.text() == german["name"], 20)  # the preview, in German too
    dialog.grab().save("/tmp/rundun-library-dialog-de.png")

    d.click(dialog.use_button)
    until(aloop, lambda: page.editing, 10)
    body = page.editor.doc.to_tdl()
    assert body["languages"][0] == "de" and "en" in body["languages"] and body["name"] == german["name"]
    assert body["translations"]["en"]["name"] == english(slug)["name"]
    combo = page.editor.translations.panel.language  # the languages panel offers them all, German the source
    until(aloop, lambda: [combo.itemData(i) for i in range(combo.count())] == body["languages"], 10)


def test_generate_says_it_was_built_from_the_library(drive: Driver, page, aloop) -> None:
    d = drive
    d.click(page.list_view.buttons["generate"])
    dialog = page.list.generate_dialog
    d.type(
        dialog.prompt,
        "Weekly forklift safety inspection with photos of the forks and the operator's signature",
    )
    d.click(dialog.generate_button)
    until(aloop, lambda: dialog.body is not None or "⚠" in dialog.status.text(), 20)
    assert dialog.body is not None, dialog.status.text()
    assert dialog.source.text().startswith(
        "Built from the library template 'Forklift pre-shift check' plus 1 item from your prompt."
    )
    assert "RUNDUN_LLM_BASE_URL" in dialog.source.text()  # the offline generator says a model can be set
    dialog.grab().save("/tmp/rundun-generate-library.png")


def test_the_words_for_each_way_a_template_is_made() -> None:
    offline = {"rundun-generator": "offline", "rundun-library-template": "forklift-pre-shift"}
    named = {**offline, "rundun-library-name": "Forklift%20pre-shift%20check", "rundun-prompt-items": "2"}
    assert (
        describe_source(named)
        == "Built from the library template 'Forklift pre-shift check' plus 2 items from your prompt."
    )
    assert describe_source({**named, "rundun-prompt-items": "0"}) == (
        "Built from the library template 'Forklift pre-shift check'."
    )
    # What the library asked already is said: "plus 2 items" of the 4 listed read as 2 dropped.
    assert describe_source({**named, "rundun-prompt-items-covered": "2"}) == (
        "Built from the library template 'Forklift pre-shift check' plus 2 items from your prompt. "
        "It already asked 2 of your items, in its own words."
    )
    assert describe_source({**named, "rundun-prompt-items": "0", "rundun-prompt-items-covered": "1"}) == (
        "Built from the library template 'Forklift pre-shift check'. It already asked 1 of your items, in its own "
        "words."
    )
    assert describe_source({**named, "rundun-prompt-items-covered": "x"}).endswith("from your prompt.")
    none = {"rundun-generator": "offline", "rundun-library-template": "none", "rundun-prompt-items": "3"}
    assert describe_source(none) == "No library template matched: built from the 3 items from your prompt."
    llm = {
        "rundun-generator": "llm_repaired",
        "rundun-library-template": "none",
        "rundun-generator-model": "llama3.1:8b",
    }
    assert describe_source(llm) == "Made by llama3.1:8b."
    assert describe_source({**named, "rundun-generator": "fallback"}).startswith(
        "The language model gave no usable answer, so the offline generator made it. Built from"
    )


def test_only_a_server_without_a_model_is_told_how_to_set_one(qtbot) -> None:
    """After the model failed, the dialog said to set RUNDUN_LLM_BASE_URL, which was set (audit E, finding 8)."""
    dialog = GenerateDialog()
    qtbot.addWidget(dialog)
    body = minimal("Car rental return check")
    made = {"rundun-library-template": "vehicle-handover", "rundun-prompt-items": "2"}
    dialog.show_result(body, {**made, "rundun-generator": "fallback"})
    assert dialog.source.text().startswith("The language model gave no usable answer")
    assert "RUNDUN_LLM_BASE_URL" not in dialog.source.text()
    dialog.show_result(body, {**made, "rundun-generator": "offline"})
    assert "RUNDUN_LLM_BASE_URL" in dialog.source.text()


def test_an_empty_list_offers_its_starts_in_words_and_each_does_what_the_toolbar_does(
    drive: Driver, page, aloop
) -> None:
    """No template yet: the toolbar at 1024 px is a row of icons, so the empty list says the ways to a first
    template as buttons, the library first (51 ready-made checklists)."""
    view = page.list_view
    assert view.body.currentWidget() is view.empty and view.empty.isVisible()
    assert "library" in view.empty_text.text() and "import" in view.empty_text.text()
    words = view.empty_text  # every line of them shown: none cut off above or below
    assert words.height() >= words.heightForWidth(words.width()) > 0
    starts = view.empty_buttons
    assert [starts[name].text() for name in ("library", "generate", "new")] == [
        "Start from the library…",
        "Generate from a description…",
        "New template",
    ]
    drive.click(starts["library"])
    dialog = page.list.library_dialog
    assert dialog is not None and dialog.isVisible()
    until(aloop, lambda: dialog.list.count() == LIBRARY_SIZE or "⚠" in dialog.status.text(), 20)
    dialog.reject()
    drive.click(starts["new"])
    until(aloop, lambda: page.editing, 10)
    assert page.saver.template_id is None
