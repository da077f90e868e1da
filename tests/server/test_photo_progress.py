"""A photo attached or removed moves the stored progress exactly as a full recompute would (issue 16: a step
that `counts_alone` is updated by its own answered state; every other one takes the full recompute)."""

from __future__ import annotations

from server import tdl
from server.services import runs
from server.store import runs as run_store
from server.tdl.progress import counts_alone
from tests.support.executor import Executor, jpeg

TEMPLATE = {
    "name": "Photos and conditions",
    "sections": [
        {
            "id": "g-1",
            "title": "A",
            "steps": [
                # counts alone: nothing reads it
                {"id": "s-alone", "type": "photo", "label": "Alone", "config": {"min": 2, "max": 3}},
                # read by s-after's condition: not alone
                {"id": "s-read", "type": "photo", "label": "Read", "config": {"min": 1, "max": 2}},
                {
                    "id": "s-after",
                    "type": "photo",
                    "label": "After",
                    "config": {"min": 1, "max": 1},
                    "condition": {"when": {"step": "s-read", "op": "answered"}},
                },
                {"id": "s-text", "type": "text", "label": "Note", "photo": {"min": 0, "max": 2}},
            ],
        }
    ],
}


def stored_and_full(api, ex: Executor) -> tuple[dict, dict]:
    run = api.ctx.db.read(run_store.get_run, ex.run_id)
    answers = api.ctx.db.read(run_store.get_answers, ex.run_id)
    model = api.ctx.db.read(runs.model_for, run)
    return runs.progress_of(run), tdl.compute_progress(model, answers)


def test_the_steps_that_count_alone():
    model = tdl.Template.model_validate(TEMPLATE)
    assert counts_alone(model, "s-alone")
    assert not counts_alone(model, "s-read")  # a condition reads it
    assert not counts_alone(model, "s-after")  # it has a condition
    assert not counts_alone(model, "signature")  # not a step


def test_every_photo_change_keeps_the_progress_a_full_recompute_gives(api):
    ex = Executor.start(api, TEMPLATE)
    changes = [
        ("PUT", "s-alone", 0),
        ("PUT", "s-alone", 1),  # now answered (min 2)
        ("PUT", "s-alone", 1),  # replaced: still answered
        ("PUT", "s-read", 0),  # shows s-after: the total grows
        ("PUT", "s-after", 0),
        ("PUT", "s-text", 0),  # a text step's photo: its value answers it, not the photo
        ("DELETE", "s-alone", 0),  # answered no more
        ("DELETE", "s-read", 0),  # hides s-after again
        ("PUT", "s-alone", 0),
    ]
    for method, step_id, index in changes:
        path = f"/answers/{step_id}/photos/{index}"
        r = ex.call(method, path, content=jpeg()) if method == "PUT" else ex.call(method, path)
        assert r.status_code in (200, 204), r.text
        stored, full = stored_and_full(api, ex)
        assert stored == full, (method, step_id, index)
    assert stored_and_full(api, ex)[0]["answered"] == 1
