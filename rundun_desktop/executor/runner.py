"""The runner's behaviour: one opened run, filled section by section.

Every action is checked with the shared domain package (`server.tdl.check_answer`, `geo_problems`), then
committed to the local store (answer and outbox op in one transaction, on the store's worker thread) and
only THEN shown as saved: conditions re-evaluated (`visible_step_ids`), progress (`compute_progress`),
the step's chip. Completing checks `completion_problems` locally first and names what is missing.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from rundun_desktop import formatting as fmt
from rundun_desktop.answers import checklist_language
from rundun_desktop.check_words import check_words
from rundun_desktop.executor import photo_intake, photo_prep
from rundun_desktop.executor import store as st
from rundun_desktop.executor.opening import retakeable
from rundun_desktop.executor.runner_view import RunnerView
from rundun_desktop.executor.store.export import export_failure_words
from rundun_desktop.executor.store.rows import template_model
from rundun_desktop.executor.widgets.photos import encode_png
from rundun_desktop.executor.widgets.signature import SignatureInput
from rundun_desktop.executor.widgets.step_card import REFUSED, SYNCED, UNSENT, WAITING, StepCard
from rundun_desktop.executor.worker import StoreWorker
from rundun_desktop.problems import step_problem_lines
from rundun_desktop.sharing import is_loopback_url
from rundun_desktop.style import set_role
from rundun_desktop.theme import colour
from server import tdl
from server.tdl.visibility import answer_of

log = logging.getLogger("rundun.executor.runner")
# The missing things the banner names (the rest are counted): as many as fit in LIST_SHARE of the runner's
# height, MIN_LISTED to MAX_LISTED. Eight always took a third of a 1024×700 window, and the steps they link
# to were left two cards' room.
MIN_LISTED, MAX_LISTED = 3, 8
LIST_SHARE = 0.2


def named(source: Any, words: str) -> str:
    """A refusal of a photo added from a file, its file named ("p3.jpg: This file is damaged…")."""
    return f"{Path(source).name}: {words}" if isinstance(source, str | Path) else words


def stage_image(root: Path, source: bytes | QImage) -> str:
    """An image given as data (taken, or dropped from another app: encoded here, on the worker thread) written
    into the store as it is, to be prepared as a file is; its path there."""
    return st.stage_bytes(root, source if isinstance(source, bytes) else encode_png(source))


def unsent_words(run: dict) -> str:
    """Why this run's changes have not reached its server, and what the executor can do (HTML)."""
    why = html.escape(run["last_error"].splitlines()[0])
    if is_loopback_url(run["base_url"]) and run.get("server_id"):  # bound to the app's own server
        advice = QCoreApplication.translate(
            "runner",
            "This run's server is the Rundun app's own server on this computer: check in the status bar that the app is connected, then press <b>Sync now</b>.",
        )
    elif is_loopback_url(run["base_url"]):  # another server on this computer (its link named it)
        advice = QCoreApplication.translate(
            "runner",
            "This run's server runs on this computer, apart from the app's own: check that it is started, then press <b>Sync now</b>.",
        )
    else:
        advice = QCoreApplication.translate(
            "runner", "Check this computer's network, then press <b>Sync now</b>."
        )
    return QCoreApplication.translate(
        "runner",
        "<b>Not sent yet.</b> {0} Your answers are kept on this computer and are sent as soon as the server answers; you can go on filling the run. {1}",
    ).format(why, advice)


class RunnerController(QObject):
    run_changed = Signal(str)  # the local store changed for this run (the inbox refreshes)
    closed = Signal()

    def __init__(
        self, view: RunnerView, store: StoreWorker, wake: Callable[[], None], parent: QObject | None = None
    ):
        super().__init__(parent)
        self.view, self.store, self.wake = view, store, wake
        self.run_id: str | None = None
        self.run: dict = {}
        self.model: tdl.Template | None = None
        self.answers: dict[str, dict] = {}
        self.cards: dict[str, StepCard] = {}
        self.missing: dict[str, str] = {}  # step → what Complete found missing there, until it is answered
        # Step → why the answer its input shows was refused (a third box ticked where 2 is the most): not
        # saved, not counted done, and Complete names it. Its input keeps showing it until it is put right:
        # cut back silently to what was saved, the screen said three where two were kept.
        self.invalid: dict[str, str] = {}
        self._refused_shown: dict[str, tuple[Any, Any]] = {}  # step → (value, geo) of that refused answer
        self._set_aside: dict[str, tuple[Any, Any]] = {}  # step → (value, geo) it had when it was skipped
        # Step → (value, geo, problems) of a refused answer kept in the store, for its card when first built.
        self._held_answers: dict[str, tuple[Any, Any, list[str]]] = {}
        self._missing_words = ""  # the banner's list of them, while it shows it
        # Step → what is said of the photos chosen there that a restart could not take in (the file gone), until
        # a photo is added there: on its card and in the banner, so the executor knows which to add again.
        self._lost: dict[str, list[str]] = {}
        # Steps of that list answered since, their cards' room kept while it shows (`_missing_answered`).
        self._held: set[str] = set()
        self.pages: dict[int, QWidget] = {}
        self.section_of: dict[str, int] = {}
        self.visible: set[str] = set()
        self.current = 0
        self.run_signature: SignatureInput | None = None
        self._tasks: set[asyncio.Task] = set()
        self._order = asyncio.Lock()
        self._refresh_timer = QTimer(self, singleShot=True, interval=250)
        self._refresh_timer.timeout.connect(self._refresh_soon)
        # (run, ask=) → PhotoOptions: size, quality and the server's limit (the page wires the service's)
        self.photo_options_for: Callable[..., Awaitable[photo_prep.PhotoOptions]] | None = None
        view.sections.currentRowChanged.connect(self._section_clicked)
        view.previous.clicked.connect(lambda: self.go(-1))
        view.next.clicked.connect(lambda: self.go(+1))
        for shortcut in view.shortcuts["next"]:
            shortcut.activated.connect(lambda: self.go(+1))
        for shortcut in view.shortcuts["previous"]:
            shortcut.activated.connect(lambda: self.go(-1))
        for shortcut in view.shortcuts["complete"]:
            shortcut.activated.connect(self.ask_complete)
        view.complete_button.clicked.connect(self.ask_complete)
        view.confirm_complete.confirmed.connect(lambda _: self._spawn(self.complete()))
        view.exit_button.clicked.connect(view.confirm_exit.ask)
        view.confirm_exit.confirmed.connect(lambda reason: self._spawn(self.exit(reason)))
        view.export_requested.connect(lambda folder: self._spawn(self.export(folder)))
        view.banner.linkActivated.connect(self.jump_to)
        view.back_requested.connect(self.closed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def shutdown(self) -> None:
        """Stop the timer that starts work: the loop is about to end (idempotent)."""
        self._refresh_timer.stop()
        with contextlib.suppress(RuntimeError):  # disconnected already
            self._refresh_timer.timeout.disconnect()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            with contextlib.suppress(RuntimeError):
                app.focusChanged.disconnect(self._focus_changed)

    # -- loading ------------------------------------------------------------------------------------------------
    async def load(self, run_id: str) -> None:
        self._clear()
        self.run_id = run_id
        stored = await self.store.call(st.LocalStore.run, run_id)
        self.run = stored or {}
        if not self.run:
            raise st.StoreError(self.tr("This run is not on this computer."))
        self.model = template_model(self.run["snapshot"])
        self.answers = await self.store.call(st.LocalStore.answers, run_id)
        self._set_aside = await self.store.call(st.LocalStore.drafts, run_id, st.ASIDE)
        held = await self.store.call(st.LocalStore.drafts, run_id, st.HELD)
        self._held_answers = {
            step_id: (value, geo, lines)
            for step_id, (value, geo) in held.items()
            if step_id in self.model.steps_by_id() and (lines := self._refused(step_id, value, geo))
        }
        self._refused_shown = {
            step_id: (value, geo) for step_id, (value, geo, _) in self._held_answers.items()
        }
        lost = await self.store.call(st.LocalStore.lost_photos, run_id)
        self._lost = {
            step_id: words for step_id, words in lost.items() if step_id in self.model.steps_by_id()
        }
        v = self.view
        v.show_title(self.model.name)
        v.show_subtitle(f"{self.run['base_url']} · {run_id}")
        self.section_of = {step.id: index for index, _, step in tdl.iter_steps(self.model)}
        v.show_sections([section.title for section in self.model.sections])
        self._recompute()
        self.show_section(0)
        await self.refresh_states()
        self._show_run_state()
        if self.run.get("local_state") == st.OPEN:
            self._spawn(self._learn_photo_limit())

    def _clear(self) -> None:
        for page in self.pages.values():
            page.deleteLater()
        self.pages, self.cards, self.section_of, self.missing, self.invalid = {}, {}, {}, {}, {}
        self._refused_shown = {}
        self._set_aside, self._held_answers = {}, {}
        self._lost = {}
        self._missing_words = ""
        self._held = set()
        self.run_signature = None
        self.view.banner.say("")
        self.view.confirm_complete.hide()
        self.view.confirm_exit.hide()

    def _page(self, index: int) -> QWidget:
        """A section's cards, built the first time the section is shown."""
        page = self.pages.get(index)
        if page is not None:
            return page
        assert self.model is not None
        cards: list[QWidget] = []
        allow_skip = self.model.settings.allow_skip
        language = checklist_language(self.model.languages)
        for step in self.model.sections[index].steps:
            card = StepCard(step, allow_skip=allow_skip, language=language)
            card.answered.connect(lambda sid, value: self._spawn(self.answer(sid, value, typed=True)))
            card.geo_changed.connect(lambda sid, geo: self._spawn(self.set_geo(sid, geo)))
            card.skip_changed.connect(lambda sid, on: self._spawn(self.skip(sid, on)))
            card.files_added.connect(lambda sid, paths: self._spawn(self.add_photo_files(sid, paths)))
            card.images_added.connect(lambda sid, images: self._spawn(self.add_photo_data(sid, images)))
            card.photo_removed.connect(lambda sid, i: self._spawn(self.remove_photo(sid, i)))
            card.signed.connect(lambda sid, png: self._spawn(self.sign(sid, png)))
            card.unsigned.connect(lambda sid: self._spawn(self.remove_photo(sid, 0)))
            card.show_answer(self.answers.get(step.id))
            if step.id in self.missing or step.id in self._lost:
                card.show_problems(
                    self._lost.get(step.id, []) + ([self.missing[step.id]] if step.id in self.missing else [])
                )
            if (held := self._held_answers.pop(step.id, None)) is not None and step.id in self.invalid:
                value, geo, lines = held
                card.show_answer({**(self.answers.get(step.id) or {}), "value": value, "geo": geo})
                card.show_problems(lines)
                card.unsaved()
            card.setVisible(step.id in self.visible)
            cards.append(card)
            self.cards[step.id] = card
        if index == len(self.model.sections) - 1 and self.model.settings.signature_on_complete:
            cards.append(self._run_signature_card())
        page = self.view.section_page(cards)
        self.pages[index] = page
        self._apply_editable()
        return page

    def _run_signature_card(self) -> QWidget:
        step = tdl.Step(
            id="s-signature",
            type="signature",
            label=self.tr("Your signature"),
            hint=self.tr("This run asks for your signature before it is completed."),
        )
        card = StepCard(step)
        card.signed.connect(lambda _sid, png: self._spawn(self.sign(st.SIGNATURE_STEP, png)))
        card.unsigned.connect(lambda _sid: self._spawn(self.remove_photo(st.SIGNATURE_STEP, 0)))
        card.show_answer(self.answers.get(st.SIGNATURE_STEP))
        if st.SIGNATURE_STEP in self.missing:
            card.show_problems([self.missing[st.SIGNATURE_STEP]])
        self.cards[st.SIGNATURE_STEP] = card
        return card

    # -- sections -----------------------------------------------------------------------------------------------
    def visible_sections(self) -> list[int]:
        assert self.model is not None
        return [
            i for i, s in enumerate(self.model.sections) if any(step.id in self.visible for step in s.steps)
        ]

    def show_section(self, index: int, focus: bool = False) -> None:
        assert self.model is not None
        shown = self.visible_sections() or [0]
        if index not in shown:
            index = min(shown, key=lambda i: abs(i - index))
        self.current = index
        position = shown.index(index)
        self.view.show_section(
            self._page(index),
            index,
            self.model.sections[index].title,
            has_previous=position > 0,
            has_next=position < len(shown) - 1,
        )
        if focus:
            self.focus_first()

    def focus_first(self) -> None:
        assert self.model is not None
        for step in self.model.sections[self.current].steps:
            card = self.cards.get(step.id)
            target = card.first_focus() if card is not None and step.id in self.visible else None
            if target is not None:
                target.setFocus()
                return

    def go(self, delta: int) -> None:
        shown = self.visible_sections()
        if self.current not in shown:
            return
        position = shown.index(self.current) + delta
        if 0 <= position < len(shown):
            self.show_section(shown[position], focus=True)

    def _section_clicked(self, row: int) -> None:
        if row >= 0:
            self.show_section(row)

    @staticmethod
    def _step_of(path: str) -> str:
        """The step a completion problem's path names ("answers.s-1" → "s-1"; "signature": the run's)."""
        return st.SIGNATURE_STEP if path == "signature" else path.removeprefix("answers.")

    def jump_to(self, step_id: str) -> None:
        """Show the step's section and put the focus on the step (links in the banner)."""
        if step_id == "signature":
            step_id = st.SIGNATURE_STEP
            section = len(self.model.sections) - 1 if self.model else 0
        else:
            section = self.section_of.get(step_id, 0)
        self.show_section(section)
        card = self.cards.get(step_id)
        if card is not None:
            self.view.scroll_area.ensureWidgetVisible(card)
            target = card.first_focus()
            if target is not None:
                target.setFocus()

    # -- acting -------------------------------------------------------------------------------------------------
    def _spawn(self, coro) -> asyncio.Task:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            exc = task.exception()
            log.error("runner action failed", exc_info=exc)
            self.view.banner.say(html.escape(str(exc)), "error")

    async def settle(self) -> None:
        """Wait for every action still being committed (tests, and before leaving the run)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def _step(self, step_id: str) -> tdl.Step:
        assert self.model is not None
        return self.model.steps_by_id()[step_id]

    async def answer(self, step_id: str, value: Any, *, typed: bool = False) -> bool:
        """Check, commit, then show. False (with the problems on the card) when the value is refused.
        `typed`: the value comes from the step's input, which shows it already."""
        return await self._commit(step_id, typed, value=value, skipped=False)

    async def set_geo(self, step_id: str, geo: Any) -> bool:
        return await self._commit(step_id, True, geo=geo)

    async def skip(self, step_id: str, skipped: bool) -> bool:
        """Skipping sends no answer, but the one given is set aside here, and comes back when the skip is
        unticked: a Tab from a text field lands on "Skip this step", and the first space typed ticked it and
        erased the text for good. Set aside in the store (never sent), so that a restart between the two, a
        crash or a kill, loses it neither.

        What is set aside is what the step's input shows: an answer its checks refuse ("✎ Not saved yet") when
        it shows one, not the last one saved (unticking gave back 12 where the person had typed 150). That one
        comes back as it was, refused and held, the skip ended with no answer saved."""
        assert self.model is not None
        async with self._order:
            entry = self.answers.get(step_id) or {}
            aside = None
            if skipped:
                given = self._refused_shown.get(step_id, (entry.get("value"), entry.get("geo")))
                if not entry.get("skipped") and given != (None, None):
                    aside = self._set_aside[step_id] = given
                value, geo = None, None
            else:
                value, geo = self._set_aside.pop(step_id, (None, None))
                if tdl.check_answer(self.model, step_id, value, geo=geo):  # refused: shown again, held
                    if not await self._commit_now(step_id, None, None, False, False):
                        return False
                    return await self._commit_now(step_id, value, geo, False, False)
            return await self._commit_now(step_id, value, geo, skipped, False, aside=aside)

    async def _commit(self, step_id: str, typed: bool, **changes: Any) -> bool:
        """Apply `changes` (value, geo, skipped) to the step's current answer. One change at a time, in the
        order the executor made them: each starts from the answer the previous one left."""
        async with self._order:
            entry = self.answers.get(step_id) or {}
            return await self._commit_now(
                step_id,
                changes.get("value", entry.get("value")),
                changes.get("geo", entry.get("geo")),
                changes.get("skipped", bool(entry.get("skipped"))),
                typed,
            )

    async def _commit_now(
        self,
        step_id: str,
        value: Any,
        geo: Any,
        skipped: bool,
        typed: bool,
        *,
        aside: tuple[Any, Any] | None = None,
    ) -> bool:
        assert self.model is not None and self.run_id is not None
        card = self.cards[step_id]
        lines = self._refused(step_id, value, geo, skipped)
        if lines:
            self._refused_shown[step_id] = (value, geo)
            if not typed:  # its input shows the last answer saved: it shows this one (a skip's, given back)
                card.show_answer({**(self.answers.get(step_id) or {}), "value": value, "geo": geo})
            card.show_problems(lines)
            card.unsaved()
            self._recompute()
            # Kept here, never sent: shown again after a restart (a quit, a crash), not lost with the window.
            with contextlib.suppress(st.StoreError):  # a run that takes no more changes: its inputs are off
                await self.store.call(st.LocalStore.hold, self.run_id, step_id, (value, geo))
                # The sync bar and the Inbox count it as not saved (they said "everything is synced").
                self.wake()
                self.run_changed.emit(self.run_id)
            return False
        try:
            await self.store.call(
                st.LocalStore.set_answer, self.run_id, step_id, value, geo=geo, skipped=skipped, aside=aside
            )
        except st.StoreError as exc:
            card.show_problems([str(exc)])
            return False
        self.invalid.pop(step_id, None)
        self._refused_shown.pop(step_id, None)
        entry = self.answers.setdefault(step_id, {"photos": []})
        was_skipped = bool(entry.get("skipped"))
        entry.update(value=value, geo=geo, skipped=skipped)
        card.show_problems([], keep_room=step_id in self.missing)
        if was_skipped != skipped or not typed:  # else the input shows it already (and may still be typed in)
            card.show_answer(entry)
        self._saved(step_id)
        return True

    def _refused(self, step_id: str, value: Any, geo: Any, skipped: bool = False) -> list[str]:
        """Why the step's checks refuse this answer, in lines for its card (none: it is taken); a refused one
        is noted in `invalid` for Complete and the progress."""
        assert self.model is not None
        problems = tdl.check_answer(self.model, step_id, value, skipped=skipped, geo=geo)
        if not problems:
            return []
        lines = step_problem_lines(problems)
        self.invalid[step_id] = f"'{self._step(step_id).label}': {'; '.join(lines)}"
        return lines

    async def add_photo_files(self, step_id: str, paths: list[str]) -> None:
        await self._add_photos(step_id, list(paths))

    async def add_photo_data(self, step_id: str, images: list[bytes | QImage]) -> None:
        await self._add_photos(step_id, list(images))

    async def _add_photos(self, step_id: str, sources: list[Any]) -> None:
        """Each photo noted in the store first, as it was chosen (an image given as data: its bytes staged
        there), so that a kill while it is prepared loses none: the next start takes it in. Then prepared
        (downscaled, upright) and checked against the server's limit, off the GUI thread, then kept and
        attached; one that cannot be sent is refused here, in words. Each file refused is named on its own
        line (of several files added at once, each refusal replaced the last, and none said which file it was
        about), those left out once the step was full too."""
        assert self.run_id is not None
        chosen = [(str(s), Path(s).name) if isinstance(s, str | Path) else (None, "") for s in sources]
        try:  # the photo's offline time: when it was added, not when it is sent
            notes = await self.store.call(
                st.LocalStore.note_intake, self.run_id, step_id, chosen, time.time()
            )
        except st.StoreError as exc:
            self.cards[step_id].show_problems([str(exc)])
            return
        refused: list[str] = []
        for position, (note, source) in enumerate(zip(notes, sources, strict=True)):
            if note.source is None:  # taken, dropped or pasted as data: only this app holds it until staged
                try:
                    staged = await asyncio.to_thread(stage_image, self.store.root, source)
                    await self.store.call(st.LocalStore.stage_intake, note.id, staged)
                except st.StoreError as exc:  # a full disk
                    refused.append(str(exc))
                    await self.store.call(st.LocalStore.drop_intake, note.id)
                    continue
                notes[position] = replace(note, staged=staged)
        options = await self._photo_options()
        for position, (note, source) in enumerate(zip(notes, sources, strict=True)):
            if note.source is None and note.staged is None:  # refused above
                continue
            try:
                photo, taken = await photo_intake.prepared(self.store, note, options)
            except st.StoreError as exc:
                refused.append(named(source, str(exc)))
                await self.store.call(st.LocalStore.drop_intake, note.id)
                continue
            words = await self._attach(step_id, photo, taken_at=taken, say=False, intake_id=note.id)
            if words is not None:  # the step is full (or the disk): neither this nor the rest is added
                refused += [named(rest, words) for rest in sources[position:]]
                for rest in notes[position:]:
                    await self.store.call(st.LocalStore.drop_intake, rest.id)
                break
        if refused:
            self.cards[step_id].show_problems(refused)

    async def _photo_options(self, *, ask: bool = False) -> photo_prep.PhotoOptions:
        if self.photo_options_for is None or not self.run:
            return photo_prep.PhotoOptions()
        return await self.photo_options_for(self.run, ask=ask)

    async def _learn_photo_limit(self) -> None:
        """Ask the run's server once for its photo limit (in the background, when the run is shown)."""
        with contextlib.suppress(Exception):  # offline: the default limit stands until it answers
            await self._photo_options(ask=True)

    async def sign(self, step_id: str, png: bytes) -> None:
        photo = await asyncio.to_thread(st.write_photo, self.store.root, png)
        await self._attach(step_id, photo, index=0)

    async def _attach(
        self,
        step_id: str,
        photo: st.StoredPhoto,
        index: int | None = None,
        taken_at: str | None = None,
        *,
        say: bool = True,
        intake_id: int | None = None,
    ) -> str | None:
        """Keep and queue the photo; None, else why not (said on the card when `say`)."""
        assert self.run_id is not None
        assert self.model is not None
        limit = tdl.photo_capacity(self.model, step_id) or 0
        async with self._order:
            try:
                await self.store.call(
                    st.LocalStore.add_photo,
                    self.run_id,
                    step_id,
                    photo,
                    index,
                    limit,
                    taken_at=taken_at,
                    intake_id=intake_id,
                )
            except st.StoreError as exc:
                if say:
                    self.cards[step_id].show_problems([str(exc)])
                return str(exc)
            await self._reload_photos(step_id)
        return None

    async def remove_photo(self, step_id: str, index: int) -> None:
        assert self.run_id is not None
        async with self._order:
            try:
                await self.store.call(st.LocalStore.remove_photo, self.run_id, step_id, index)
            except st.StoreError as exc:
                self.cards[step_id].show_problems([str(exc)])
                return
            await self._reload_photos(step_id)

    async def _reload_photos(self, step_id: str) -> None:
        photos = await self.store.call(st.LocalStore.photos, self.run_id, step_id)
        entry = self.answers.setdefault(step_id, {"value": None, "geo": None, "skipped": False})
        entry["photos"] = photos
        if (
            self._lost.pop(step_id, None) is not None
        ):  # a photo added there answers what was lost (the store too)
            self._say_run_state()
        card = self.cards[step_id]
        card.show_problems([], keep_room=step_id in self.missing)
        card.show_answer(entry)
        self._saved(step_id)

    def _saved(self, step_id: str) -> None:
        """After a commit: conditions, sections and progress again, the chip, and the engine woken."""
        self.cards[step_id].saved(WAITING)
        self._recompute()
        self._missing_answered(step_id)  # its card said so until this commit (which cleared its words)
        self.wake()
        self.run_changed.emit(self.run_id or "")
        self.sync_changed()

    def _recompute(self) -> None:
        assert self.model is not None
        self.visible = tdl.visible_step_ids(self.model, self.answers)
        for step_id, card in self.cards.items():
            if step_id != st.SIGNATURE_STEP:
                card.setVisible(step_id in self.visible)
        valid = {step_id: a for step_id, a in self.answers.items() if step_id not in self.invalid}
        progress = tdl.compute_progress(self.model, valid)
        done = progress["answered"] + progress["skipped"]
        self.view.progress.setMaximum(max(1, progress["total"]))
        self.view.progress.setValue(done)
        # Every count in the locale's digits, as the sections' beside it (Arabic's header read "0 من 17").
        skipped = (
            self.tr(" · {0} skipped").format(fmt.number(progress["skipped"])) if progress["skipped"] else ""
        )
        # A step answered but still short of its photos or its location is not done: its section said "✓ 4/4"
        # while Complete refused the run for it, and the header "4 of 4 answered" above a section's "3/4".
        wanting = {self._step_of(p["path"]) for p in self.completion_problems()}
        short = sum(
            1
            for s in self.model.steps_by_id().values()
            if s.id in wanting and s.id in self.visible and s.answerable and self._is_done(s)
        )
        incomplete = self.tr(" · %Ln still incomplete", "", short) if short else ""
        self.view.progress_text.setText(
            self.tr("{0} of {1} answered{2}").format(
                fmt.number(progress["answered"]), fmt.number(progress["total"]), skipped
            )
            + incomplete
        )
        for index, section in enumerate(self.model.sections):
            item = self.view.sections.item(index)
            steps = [s for s in section.steps if s.id in self.visible and s.answerable]
            answered = [s for s in steps if self._is_done(s) and s.id not in wanting]
            item.setHidden(not any(s.id in self.visible for s in section.steps))
            mark = "✓  " if steps and len(answered) == len(steps) else ""
            counted = f"{fmt.number(len(answered))}/{fmt.number(len(steps))}"  # the locale's digits (Arabic)
            item.setText(f"{mark}{section.title}   {counted}" if steps else section.title)
        if self.model.sections and self.current < len(self.model.sections):
            shown = self.visible_sections()
            if self.current not in shown and shown:
                self.show_section(self.current)
            elif shown:
                position = shown.index(self.current)
                self.view.previous.setEnabled(position > 0)
                self.view.next.setEnabled(position < len(shown) - 1)

    def _is_done(self, step: tdl.Step) -> bool:
        if step.id in self.invalid:  # its input shows an answer that was refused, not the one kept
            return False
        answer = answer_of(self.answers, step.id)
        return answer.skipped or tdl.is_answered(step, answer)

    # -- sync state ---------------------------------------------------------------------------------------------
    def sync_changed(self, run_id: str | None = None) -> None:
        """The engine acknowledged or refused something: refresh chips and state (coalesced)."""
        if self.run_id and (run_id is None or run_id == self.run_id) and not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _refresh_soon(self) -> None:
        if self.run_id:
            self._spawn(self.refresh_states())

    async def refresh_states(self) -> None:
        """Chips from the outbox (waiting, refused with the server's words, synced) and the run's state."""
        if not self.run_id:
            return
        run_id = self.run_id
        ops = await self.store.call(st.LocalStore.ops, run_id)
        run = await self.store.call(st.LocalStore.run, run_id)
        if run_id != self.run_id or run is None:
            return
        states: dict[str, tuple[str, str]] = {}
        # A run the server refused sends nothing more: its waiting answers are kept unsent, not "waiting to sync".
        waiting = (
            (UNSENT, run.get("refusal") or "") if run.get("local_state") == st.REFUSED else (WAITING, "")
        )
        for op in ops:
            if op.step_id is None:
                continue
            if op.state == st.FAILED:
                states[op.step_id] = (REFUSED, op.error or "")
            elif op.step_id not in states:
                states[op.step_id] = waiting
        changed = any(
            run.get(name) != self.run.get(name)
            for name in ("local_state", "attention", "refusal", "last_error", "base_url")
        )
        self.run = run
        for step_id, card in self.cards.items():
            state, words = states.get(step_id, ("", ""))
            if not state and step_id in self.answers:
                state = SYNCED
            card.show_state(state, words)
            if state == REFUSED:
                card.show_problems([self.tr("The server refused this: ") + words])
        if changed:
            self._show_run_state()

    def _show_run_state(self) -> None:
        self._say_run_state()
        self._apply_editable()

    def _say_run_state(self) -> None:
        """The banner saying the run's state (refused, completed, given up, not sent yet), or nothing."""
        state = self.run.get("local_state", st.OPEN)
        banner = self.view.banner
        if state == st.REFUSED:
            words = html.escape(self.run.get("refusal") or self.tr("The server refused this run."))
            if retakeable(self.run):
                words += " " + html.escape(
                    self.tr(
                        "To go on with it on this computer, open its link again in the Executor's inbox, with"
                        " your member sign-in token: what waits here is sent then."
                    )
                )
            banner.say(words, "error")
        elif state == st.COMPLETED:
            banner.say(self.tr("Completed and sent to the server."), "done")
        elif state == st.COMPLETING:
            banner.say(
                self.tr("Completed on this computer. It will be sent as soon as the server can be reached."),
                "info",
            )
        elif state == st.EXITING:
            banner.say(
                self.tr("You gave up this run. The server is told as soon as it can be reached."), "info"
            )
        elif state == st.EXITED:
            banner.say(self.tr("You gave up this run; the organisation has been told."), "info")
        elif self.run.get("attention"):
            banner.say(html.escape(self.run["attention"]).replace("\n", "<br>"), "error")
        elif self.run.get("last_error"):
            banner.say(unsent_words(self.run), "error")
        elif self._lost:
            banner.say(self._lost_words(), "error")
        else:
            banner.say("")

    def _lost_words(self) -> str:
        """The banner's words for photos a restart could not take in, with a link to each step (HTML)."""
        links = ", ".join(
            f'<a href="{html.escape(step_id)}">{html.escape(self._step(step_id).label)}</a>'
            for step_id in self._lost
        )
        count = sum(len(words) for words in self._lost.values())
        return self.tr("%Ln photo(s) chosen before Rundun stopped could not be kept: {0}", "", count).format(
            links
        )

    def _apply_editable(self) -> None:
        editable = self.run.get("local_state", st.OPEN) == st.OPEN
        for card in self.cards.values():
            card.set_editable(editable)
        self.view.complete_button.setVisible(editable)
        self.view.exit_button.setVisible(editable)
        self.view.export_button.setVisible(self.run.get("local_state") == st.REFUSED or not editable)

    # -- completing and exiting ---------------------------------------------------------------------------------
    def completion_problems(self) -> list[dict]:
        assert self.model is not None
        signature = self.answers.get(st.SIGNATURE_STEP)
        problems = tdl.completion_problems(
            self.model, self.answers, has_run_signature=bool(signature and signature.get("photos"))
        )
        invalid = [
            {"path": f"answers.{step_id}", "message": words}
            for step_id, words in self.invalid.items()
            if step_id in self.visible
        ]
        named = {p["path"] for p in invalid}
        return invalid + [p for p in problems if p["path"] not in named]

    def ask_complete(self, *, keep_drawn: bool = True) -> None:
        """Check locally first: name each missing thing (a link that jumps to it), else ask to confirm. A
        signature drawn (or a name typed) on a pad but not saved is saved first (`keep_drawn`): it is what the
        person meant to give, and Complete said "Your signature is needed" under the pad that showed it."""
        if self.run.get("local_state") != st.OPEN:
            return
        if keep_drawn and (drawn := self._drawn_signatures()):
            self._spawn(self._keep_then_ask(drawn))
            return
        problems = self.completion_problems()
        if problems:
            self._show_missing(problems)
            self.jump_to(problems[0]["path"].removeprefix("answers."))
            return
        self._missing_words = ""
        self._say_run_state()  # no list any more; the run's own state stays said ("Not sent yet")
        self.view.confirm_complete.ask()

    def _drawn_signatures(self) -> list[tuple[str, bytes]]:
        """The signatures on pads that show, drawn or typed but not saved: (step id, PNG)."""
        drawn = []
        for step_id, card in self.cards.items():
            signature = card.signature
            if signature is None or signature.pad.is_empty() or not signature.pad.isVisibleTo(card):
                continue  # none, blank, or saved (the pad makes way for the saved image)
            if (self.answers.get(step_id) or {}).get("skipped"):
                continue  # a skipped step takes no signature (the server refuses it)
            if step_id == st.SIGNATURE_STEP or step_id in self.visible:  # a hidden step's is not asked for
                drawn.append((step_id, signature.pad.to_png()))
        return drawn

    async def _keep_then_ask(self, drawn: list[tuple[str, bytes]]) -> None:
        for step_id, png in drawn:
            await self.sign(step_id, png)
        self.ask_complete(keep_drawn=False)  # once: a pad whose save failed says why on its card

    def _show_missing(self, problems: list[dict], *, shrinking: bool = False) -> None:
        """The banner naming each missing thing (a link that jumps to it), and each step missing something
        saying so on its own card too (a section not built yet, once it is), in red until it is answered:
        scrolled to a section, the person saw which steps only in the banner above. `shrinking`: the list
        again after one of them was answered (see `_missing_answered`)."""
        if not shrinking:
            self._release_held()
        listed = self._listable()
        if len(problems) == listed + 1:  # "and 1 more" would take the line the last one needs
            listed += 1
        items = []
        for p in problems[:listed]:
            target = p["path"].removeprefix("answers.")
            items.append(
                f'<li><a style="color:{colour("#8f1d22")}" href="{html.escape(target)}">'
                f"{html.escape(check_words(p['message']), quote=False)}</a></li>"
            )
        count = len(problems)
        more = self.tr("<li>and {0} more</li>").format(count - listed) if count > listed else ""
        self._missing_words = (
            self.tr(
                "<b>%Ln thing(s) still missing before this run can be completed</b> (each links to its step):",
                "",
                count,
            )
            + f"<ul style='margin: 4px 0 0 -20px'>{''.join(items)}{more}</ul>"
        )
        self.view.banner.say(self._missing_words, "error", keep_height=shrinking)
        self.missing = {self._step_of(p["path"]): check_words(p["message"]) for p in problems}
        for step_id, message in self.missing.items():
            if step_id in self.cards:
                self.cards[step_id].show_problems([message])

    def _listable(self) -> int:
        """How many missing things the banner names at the runner's height now (its heading and "and N more"
        take a line each)."""
        line = self.view.banner.fontMetrics().lineSpacing()
        fit = int(self.view.height() * LIST_SHARE / line) - 2
        return max(MIN_LISTED, min(MAX_LISTED, fit))

    def _missing_answered(self, step_id: str) -> None:
        """A step Complete found missing was answered: its card's mark went with the commit, and the banner,
        while it still shows that list, names what is left (it listed the step answered until the next
        Complete), or goes when nothing is.

        While the list shows, neither it nor the answered card gets shorter: each answer took a line off the
        list and the card's red words off the card, and what the person was about to click (the next step's
        Yes) moved up under the pointer; a quick click landed on the step above. Both tighten once, with the
        list's end."""
        if self.missing.pop(step_id, None) is None:
            return
        self._held.add(step_id)  # its card kept the room of its words (`_commit_now`)
        if self.view.banner.text() != self._missing_words:
            self._release_held()  # the banner says something else by now: no list to keep in place
            return
        problems = self.completion_problems()
        if problems:
            self._show_missing(problems, shrinking=True)
        else:
            self._missing_words = ""
            self._say_run_state()  # what the list stood over ("Not sent yet" while offline), not a blank
            self._release_held()

    def _release_held(self) -> None:
        for step_id in self._held:
            if (card := self.cards.get(step_id)) is not None:
                card.release_room()
        self._held = set()

    async def complete(self) -> None:
        assert self.run_id is not None
        self.view.confirm_complete.hide()
        if self.completion_problems():
            self.ask_complete()
            return
        await self.settle_others()
        await self.store.call(st.LocalStore.request_complete, self.run_id)
        await self._after_finish()

    async def exit(self, reason: str) -> None:
        assert self.run_id is not None
        self.view.confirm_exit.hide()
        await self.settle_others()
        await self.store.call(st.LocalStore.request_exit, self.run_id, reason or None)
        await self._after_finish()

    async def settle_others(self) -> None:
        current = asyncio.current_task()
        others = [t for t in self._tasks if t is not current]
        if others:
            await asyncio.gather(*others, return_exceptions=True)

    async def _after_finish(self) -> None:
        stored = await self.store.call(st.LocalStore.run, self.run_id)
        self.run = stored or self.run
        self._show_run_state()
        self.wake()
        self.run_changed.emit(self.run_id or "")

    async def export(self, folder: Path) -> Path | None:
        """Export the run into `folder/<run id>`; a failure (a folder not writable, a full disk) is shown in
        words."""
        assert self.run_id is not None
        try:
            path = await self.store.call(st.LocalStore.export, self.run_id, folder / self.run_id)
        except (st.StoreError, OSError) as exc:
            words = self.tr("Could not export the run: {0}").format(export_failure_words(exc))
            self.view.banner.say(html.escape(words), "error")
            return None
        self.view.banner.say(self.tr("Exported to {0}").format(html.escape(str(path.parent))), "done")
        return path

    # -- focus --------------------------------------------------------------------------------------------------
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Outline the card holding the focus and scroll it into view (keyboard users see where they are)."""
        if new is None or not self.view.isVisible():
            return
        widget: QWidget | None = new
        while widget is not None and not isinstance(widget, StepCard):
            widget = widget.parentWidget()
        for card in self.cards.values():
            focused = card is widget
            if bool(card.property("focused")) != focused:
                set_role(card, focused=focused)
        if widget is not None:
            self.view.scroll_area.ensureWidgetVisible(new, 16, 40)
