"""Taking a chosen photo in: from its note (`store.intake`) to a kept photo queued for upload, in the runner as
it is added, and at the next start for the photos a kill interrupted (`resume`), which are then sent as any
other; a photo that cannot be taken in any more (its file moved away) is named on its step, to add again.

No widgets: the service runs `resume` before the runner shows a run."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from rundun_desktop import formatting as fmt
from rundun_desktop.executor import photo_prep
from rundun_desktop.executor import store as st
from rundun_desktop.executor.store.rows import template_model
from rundun_desktop.executor.worker import StoreWorker
from server import tdl

log = logging.getLogger("rundun.executor.intake")


async def prepared(
    store: StoreWorker, note: st.Intake, options: photo_prep.PhotoOptions
) -> tuple[st.StoredPhoto, str]:
    """The noted photo prepared (read, checked, scaled) and written into the store, with its time taken;
    `StoreError` in words when it cannot be. No row names it yet."""
    path = note.path(store.root)
    if path is None:  # an image given as data whose bytes the app held when it was stopped
        raise st.StoreError(
            QCoreApplication.translate("photo_intake", "Rundun stopped before it could keep this image.")
        )
    data = await asyncio.to_thread(photo_prep.prepare_file, path, options, added_at=note.added_at)
    photo = await asyncio.to_thread(st.write_photo, store.root, data)
    taken = await asyncio.to_thread(photo_prep.taken_at, data, note.added_at)
    return photo, taken


def lost_words(note: st.Intake, why: str, *, again: bool = True) -> str:
    """What the step says of a photo chosen there that a restart could not take in: which one, why, and (when
    adding it again can help: not to a step already full) what to do."""
    when = fmt.time_text(datetime.fromtimestamp(note.added_at))
    if note.name:
        words = QCoreApplication.translate(
            "photo_intake", "The photo {0}, added at {1}, was not kept: {2}"
        ).format(note.name, when, why)
    else:
        words = QCoreApplication.translate(
            "photo_intake", "An image dropped or pasted here at {0} was not kept: {1}"
        ).format(when, why)
    if not again:
        return words
    return words + " " + QCoreApplication.translate("photo_intake", "Add it again.")


async def resume(
    store: StoreWorker, options_for: Callable[[dict], Awaitable[photo_prep.PhotoOptions]]
) -> set[str]:
    """Take in every photo an earlier session chose and did not keep (killed while preparing it), in the
    order chosen; one that cannot be taken in is noted lost, in words, on its step. The runs changed."""
    changed: set[str] = set()
    for note in await store.call(st.LocalStore.intakes):
        run = await store.call(st.LocalStore.run, note.run_id)
        if run is None:
            continue
        changed.add(note.run_id)
        try:
            photo, taken = await prepared(store, note, await options_for(run))
        except st.StoreError as exc:  # the file went away, or cannot be read: adding it again can help
            log.warning("photo %s of run %s not taken in: %s", note.id, note.run_id, exc)
            await store.call(st.LocalStore.lose_intake, note.id, lost_words(note, str(exc)))
            continue
        try:
            await store.call(
                st.LocalStore.add_photo,
                note.run_id,
                note.step_id,
                photo,
                None,
                tdl.photo_capacity(template_model(run["snapshot"]), note.step_id) or 0,
                taken_at=taken,
                intake_id=note.id,
            )
        except st.StoreError as exc:  # the step full, the run closed: as it would have been said at once
            log.warning("photo %s of run %s not kept: %s", note.id, note.run_id, exc)
            await store.call(st.LocalStore.lose_intake, note.id, lost_words(note, str(exc), again=False))
    return changed
