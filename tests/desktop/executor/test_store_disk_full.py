"""The offline executor's store on a full disk (a real small tmpfs, mounted by the test as root): a new
answer or photo is refused with words a person understands, and everything already stored stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from rundun_desktop.executor import store as st
from rundun_desktop.executor.store.disk import DISK_FULL
from rundun_desktop.executor.worker import StoreWorker
from tests.support.executor import every_type, jpeg
from tests.support.small_fs import fill, free_space, small_tmpfs

RUN = "r-00000000-0000-4000-8000-000000000002"


def test_a_full_disk_refuses_new_photos_in_words_and_keeps_the_answers(tmp_path):
    with small_tmpfs(tmp_path / "fs", size_mb=8) as mount:
        worker = StoreWorker(mount / "exe")
        try:
            opened = {
                "run_id": RUN,
                "template": every_type(),
                "status": "pending",
                "expires_at": None,
                "progress": {"total": 12, "answered": 0, "skipped": 0},
                "answers": {},
                "photos": [],
            }
            worker.call_sync(st.LocalStore.add_run, "http://127.0.0.1:9", opened, "rde_" + "0" * 32)
            worker.call_sync(st.LocalStore.set_answer, RUN, "s-num", 42)
            photo = st.write_photo(mount / "exe", jpeg(4096))  # taken before the disk filled up
            fill(mount)
            refused = None
            for attempt in range(500):  # free pages in the database absorb a few answers first
                try:
                    worker.call_sync(st.LocalStore.set_answer, RUN, "s-text", "x" * 20 + str(attempt))
                except st.StoreError as exc:
                    refused = exc
                    break
            assert refused is not None and str(refused) == DISK_FULL
            with pytest.raises(st.StoreError, match="disk is full"):
                worker.call_sync(st.LocalStore.add_photo, RUN, "s-photo", photo)
            answers = worker.call_sync(st.LocalStore.answers, RUN)
            assert answers["s-num"]["value"] == 42  # what it had stays
            assert worker.call_sync(st.LocalStore.photos, RUN) == []
            free_space(mount)
            worker.call_sync(st.LocalStore.add_photo, RUN, "s-photo", photo)  # space back: it works again
            assert len(worker.call_sync(st.LocalStore.photos, RUN)) == 1
            assert worker.call_sync(st.LocalStore.integrity_check) == "ok"
        finally:
            worker.close_sync()


def test_a_photo_file_on_a_full_disk_is_refused_in_words_and_leaves_nothing(tmp_path):
    """Issue 21: `write_photo` (the file, before any row) says what the store step after it says, and no
    half-written temp file is left to fill the disk further."""
    with small_tmpfs(tmp_path / "fs", size_mb=8) as mount:
        root = mount / "exe"
        kept = st.write_photo(root, jpeg(4096))
        fill(mount)
        with pytest.raises(st.StoreError) as refused:
            st.write_photo(root, jpeg(256 * 1024))
        assert str(refused.value) == DISK_FULL
        assert sorted(p.name for p in (root / "photos").rglob("*") if p.is_file()) == [Path(kept.file).name]
        free_space(mount)
        again = st.write_photo(root, jpeg(256 * 1024))  # space back: it works again
        assert (root / again.file).stat().st_size == again.bytes
