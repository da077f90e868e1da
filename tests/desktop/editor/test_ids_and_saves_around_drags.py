"""A designer's slips around drags: a step dragged while Save is on its way. Drops go through the tree view's
own drop path."""

from __future__ import annotations

from rundun_desktop.editor import TemplatesPage
from rundun_desktop.editor.drafts import load_draft

from .conftest import Driver, open_saved, until


def tyre_check() -> dict:
    """Two yes/no steps, each with a follow-up shown on a No, and German texts for both."""
    return {
        "name": "Tyre check",
        "languages": ["en", "de"],
        "translations": {"de": {"s-front.label": "Vorne gut?", "s-rear.label": "Hinten gut?"}},
        "sections": [
            {
                "id": "g-tyres",
                "title": "Tyres",
                "steps": [
                    {"id": "s-front", "type": "boolean", "label": "Front fine?"},
                    {"id": "s-rear", "type": "boolean", "label": "Rear fine?"},
                    {
                        "id": "s-front-photo",
                        "type": "boolean",
                        "label": "Front photographed?",
                        "condition": {"when": {"step": "s-front", "op": "eq", "value": False}},
                    },
                    {
                        "id": "s-rear-photo",
                        "type": "boolean",
                        "label": "Rear photographed?",
                        "condition": {"when": {"step": "s-rear", "op": "eq", "value": False}},
                    },
                    {"id": "s-done", "type": "boolean", "label": "Done?"},
                ],
            }
        ],
    }


def test_a_step_dragged_while_save_is_on_its_way_stays_unsaved_and_kept(qtbot, aloop, client, tmp_path):
    """Save clicked, and a step dragged before the server answered: the editor said "v2 · saved", deleted the
    kept draft and let the designer close without a word, though the server had the template without the
    move (gone for good). Now the move reads unsaved, is kept on disk again, and the next Save stores it."""
    kept = tmp_path / "editor-draft.json"
    page = TemplatesPage(client, None, kept)
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.show()
    until(aloop, lambda: page.list.loaded, 10)
    d = Driver(qtbot, aloop, page)
    created = open_saved(aloop, client, page, tyre_check())
    doc = d.ctl.doc
    d.select_node(doc.find_step("s-done").uid)
    d.type(d.step_panel.label_edit, "All done?")
    d.click(d.view.save_button)
    until(aloop, lambda: page.saver.busy, 10)
    assert page.saver.busy  # the body is on its way; the server has not answered
    d.drop(doc.find_step("s-done").uid, doc.find_step("s-front").uid, "above")
    moved = [n.data["id"] for n in doc.sections[0].steps]
    assert moved[0] == "s-done"
    until(aloop, lambda: not page.saver.busy, 10)
    server = aloop.run_until_complete(client.get_template(created["id"]))
    assert server["v"] == 2 and server["sections"][0]["steps"][-1]["label"] == "All done?"  # without the move
    assert page.saver.version == 2 and page.saver.dirty
    assert d.view.version.text() == "v2 · unsaved changes"
    until(aloop, lambda: (draft := load_draft(kept)) is not None and draft.version == 2, 10)
    assert [s["id"] for s in load_draft(kept).body["sections"][0]["steps"]] == moved
    d.click(d.view.save_button)
    until(aloop, lambda: page.saver.version == 3 and not page.saver.busy, 10)
    server = aloop.run_until_complete(client.get_template(created["id"]))
    assert [s["id"] for s in server["sections"][0]["steps"]] == moved
    assert not page.saver.dirty and d.view.version.text() == "v3 · saved"
    until(aloop, lambda: not kept.exists(), 10)
