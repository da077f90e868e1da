"""A photo added to a step survives the app being killed while it is prepared (read, checked, scaled: seconds for a
camera's photo). It was dropped: killed in that window, it was gone after the restart, and nothing said so. Now it is
noted in the store the moment it is chosen, the next start takes it in, and it reaches the server once; one whose
file went away meanwhile is named on its step and in the banner, to be added again.

The app is a real process (`photo_kill_child.py`: the real page, the photo dropped on the real widget) killed with
SIGKILL at the moment named; the restart is the real page again on the same store, on the real embedded server."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rundun_desktop.executor import ExecutorPage
from rundun_desktop.executor import store as st
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor.conftest import FAST, opened
from tests.desktop.executor.test_everyday import ONE_PHOTO
from tests.desktop.executor_sim import image_bytes

CHILD = Path(__file__).with_name("photo_kill_child.py")


def killed_while_adding(data_dir: Path, run_id: str, how: str, moment: str, *photos: Path) -> None:
    """Start the app on the store, drop `photos` on the run's photo step, SIGKILL it at `moment`."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), run_id, how, moment, ",".join(map(str, photos))],
        stdout=subprocess.PIPE,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until the child stops at the moment (or dies: b"")
        assert line == b"stopped\n", f"the app did not reach the moment {moment!r} (exit {child.poll()})"
    finally:
        child.kill()  # SIGKILL
        child.wait(60)


def restarted(client, qtbot, data_dir: Path) -> ExecutorPage:
    again = ExecutorPage(client, data_dir=data_dir, sync_config=FAST)
    qtbot.addWidget(again)
    again.resize(1024, 700)
    again.show()
    return again


def photo_entries(org, run_id: str) -> list[dict]:
    r = org.http.get(f"/v1/runs/{run_id}/history")
    assert r.status_code == 200, r.text
    return [e for e in r.json()["data"] if e["step_id"] == "s-pic"]


@pytest.mark.parametrize(("how", "moment"), [("file", "prepare"), ("file", "written"), ("data", "prepare")])
def test_a_photo_being_prepared_when_the_app_is_killed_is_kept_and_sent_once(
    page, client, org, aloop, qtbot, tmp_path, how, moment
):
    run_id = opened(aloop, page, org.dispatch(ONE_PHOTO))
    data_dir = page.service.data_dir
    run(aloop, page.aclose())
    photo = tmp_path / "meter.jpg"
    photo.write_bytes(image_bytes("#e8590c"))
    killed_while_adding(data_dir, run_id, how, moment, photo)

    again = restarted(client, qtbot, data_dir)
    try:
        run(aloop, again.show_run(run_id))
        strip = again.runner.cards["s-pic"].photos
        assert len(strip.thumbs) == 1 and again.runner.cards["s-pic"].problems.text() == ""
        [kept] = st.LocalStore(data_dir).photos(run_id)
        if how == "file":  # a small upright JPEG is kept exactly as chosen
            assert kept["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
        wait_until(
            aloop, lambda: len(org.run_doc(run_id)["answers"].get("s-pic", {}).get("photos", [])) == 1, 30
        )
        wait_until(aloop, lambda: again.service.engine.status.pending_ops == 0, 30)
        [sent] = org.run_doc(run_id)["answers"]["s-pic"]["photos"]
        assert sent["sha256"] == kept["sha256"]
        assert len(photo_entries(org, run_id)) == 1  # attached once
        assert not list((data_dir / "intake").glob("*"))  # a staged image goes once it is kept
    finally:
        run(aloop, again.aclose())


def test_a_photo_whose_file_went_away_before_the_restart_is_named_to_add_again(
    page, client, org, aloop, qtbot, tmp_path, speak
):
    speak("en")  # this tree's catalogs (its English plural forms)
    run_id = opened(aloop, page, org.dispatch(ONE_PHOTO))
    data_dir = page.service.data_dir
    run(aloop, page.aclose())
    photo = tmp_path / "DSC_0042.jpg"
    photo.write_bytes(image_bytes("#e8590c"))
    killed_while_adding(data_dir, run_id, "file", "prepare", photo)
    photo.unlink()  # on a memory card taken out meanwhile

    again = restarted(client, qtbot, data_dir)
    try:
        run(aloop, again.show_run(run_id))
        card = again.runner.cards["s-pic"]
        assert not card.photos.thumbs
        assert "DSC_0042.jpg" in card.problems.text() and "Add it again" in card.problems.text()
        banner = again.runner_view.banner.text()
        assert "1 photo chosen before Rundun stopped could not be kept" in banner and "Meter" in banner
        # Added again: the step's words and the banner's go, and that photo is the one sent.
        again_photo = tmp_path / "DSC_0042 copy.jpg"
        again_photo.write_bytes(image_bytes("#1971c2"))
        run(aloop, again.runner.add_photo_files("s-pic", [str(again_photo)]))
        assert len(card.photos.thumbs) == 1 and card.problems.text() == ""
        assert "could not be kept" not in again.runner_view.banner.text()
        assert st.LocalStore(data_dir).lost_photos(run_id) == {}
        wait_until(
            aloop, lambda: len(org.run_doc(run_id)["answers"].get("s-pic", {}).get("photos", [])) == 1, 30
        )
    finally:
        run(aloop, again.aclose())


def test_photos_chosen_past_what_the_step_takes_are_named_without_asking_to_add_them_again(
    page, client, org, aloop, qtbot, tmp_path, speak
):
    """Three files dropped on a step that takes two, killed while the first was prepared: the first two are kept
    and sent, the third is named as not kept because the step is full (as it was said at once before), not with
    advice to add it again."""
    speak("en")
    run_id = opened(aloop, page, org.dispatch(ONE_PHOTO))
    data_dir = page.service.data_dir
    run(aloop, page.aclose())
    photos = []
    for i, colour in enumerate(("#e03131", "#2f9e44", "#1971c2")):
        photos.append(tmp_path / f"p{i}.jpg")
        photos[-1].write_bytes(image_bytes(colour))
    killed_while_adding(data_dir, run_id, "file", "prepare", *photos)

    again = restarted(client, qtbot, data_dir)
    try:
        run(aloop, again.show_run(run_id))
        card = again.runner.cards["s-pic"]
        assert len(card.photos.thumbs) == 2
        words = card.problems.text()
        assert "p2.jpg" in words and "at most 2 photos" in words and "Add it again" not in words
        kept = [p["sha256"] for p in st.LocalStore(data_dir).photos(run_id)]
        assert kept == [hashlib.sha256(p.read_bytes()).hexdigest() for p in photos[:2]]
        wait_until(aloop, lambda: len(photo_entries(org, run_id)) == 2, 30)
    finally:
        run(aloop, again.aclose())
