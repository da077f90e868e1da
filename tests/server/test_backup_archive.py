"""The backup archive's checks, in-process: every flipped byte, a cut or extended file, a wrong or missing
passphrase, a foreign file — each refused with a clear error and nothing written; a good archive restores
the database and photos exactly (with and without a passphrase)."""

from __future__ import annotations

import functools
import hashlib
import io
import random

import pytest

from server.backup import sealed
from server.backup.archive import create_backup, restore_backup
from server.backup.media import FileMedia, MediaItem, open_file
from server.backup.sealed import FRAME_BYTES, BackupError, WrongPassphrase
from tests.support.executor import Executor, jpeg, png

# The archive on a SQLite data dir (PostgreSQL: tests/e2e/test_backup_restore_postgres.py).
pytestmark = pytest.mark.sqlite_only

PASS = b"a passphrase"


@pytest.fixture(autouse=True)
def quick_key_derivation(monkeypatch):
    """scrypt at a test's cost (the archive records its parameters, so reading follows them)."""
    monkeypatch.setitem(sealed.SCRYPT, "n", 1 << 10)


@pytest.fixture
def data_dir(api, tmp_path):
    """A data dir with a few runs, answers and photos (the app keeps running: backups are taken live)."""
    for i in range(3):
        ex = Executor.start(api)
        assert ex.answer("s-num", i).status_code == 200
        assert ex.photo("s-photo", 0, jpeg(5000 + i)).status_code in (200, 201)
        assert ex.photo("s-photo", 1, png(2000 + i)).status_code in (200, 201)
    return api.ctx.settings.data_dir


def _archive(data_dir, passphrase=None) -> bytes:
    out = io.BytesIO()
    create_backup(data_dir, out, passphrase)
    return out.getvalue()


def _media(root) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (root / "media").rglob("*") if p.is_file()}


@pytest.mark.parametrize("passphrase", [None, PASS])
def test_a_good_archive_restores_the_database_and_every_photo(data_dir, tmp_path, passphrase):
    archive = _archive(data_dir, passphrase)
    target = tmp_path / "restored"
    summary = restore_backup(io.BytesIO(archive), target, passphrase)
    assert summary.about["counts"]["runs"] == 3 and summary.about["photo_files"] == 6
    assert _media(target) == _media(data_dir)
    for name, data in _media(target).items():
        assert hashlib.sha256(data).hexdigest() == name
    assert (target / "rundun.db").is_file() and not (target / "database").exists()
    if passphrase is not None:
        assert b"JFIF" not in archive and b"CREATE TABLE" not in archive  # nothing readable in the file


def _refused(tmp_path, archive: bytes, passphrase=None, match: str | None = None) -> str:
    target = tmp_path / "target"
    with pytest.raises(BackupError, match=match) as caught:
        restore_backup(io.BytesIO(archive), target, passphrase)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if "restoring" in p.name] == []
    return str(caught.value)


@pytest.mark.parametrize("passphrase", [None, PASS])
def test_any_flipped_byte_is_refused_and_nothing_is_written(data_dir, tmp_path, passphrase):
    archive = _archive(data_dir, passphrase)
    positions = set(range(200)) | set(range(len(archive) - 100, len(archive)))
    positions |= set(random.Random(7).sample(range(len(archive)), 300))
    for position in sorted(positions):
        damaged = bytearray(archive)
        damaged[position] ^= 0x01
        _refused(tmp_path, bytes(damaged), passphrase)


def test_a_cut_or_extended_archive_is_refused(data_dir, tmp_path):
    archive = _archive(data_dir)
    for length in (0, 10, len(archive) // 2, len(archive) - 1):
        _refused(tmp_path, archive[:length])
    _refused(tmp_path, archive + b"\0", match="after its end")


def test_a_wrong_or_missing_passphrase_is_told_apart_from_damage(data_dir, tmp_path):
    archive = _archive(data_dir, PASS)
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        restore_backup(io.BytesIO(archive), tmp_path / "t", b"not it")
    with pytest.raises(WrongPassphrase, match="encrypted"):
        restore_backup(io.BytesIO(archive), tmp_path / "t", None)
    assert not (tmp_path / "t").exists()


def test_a_foreign_file_is_not_a_backup(tmp_path):
    assert "not a Rundun backup" in _refused(tmp_path, b"PK\x03\x04 some zip file" * 10)


def test_an_archive_of_several_frames_round_trips(api, tmp_path):
    """Photos larger than a frame: the archive spans several frames and restores byte for byte."""
    ex = Executor.start(api)
    assert ex.photo("s-photo", 0, jpeg(FRAME_BYTES + 12345)).status_code in (200, 201)
    assert ex.photo("s-photo", 1, png(2 * FRAME_BYTES)).status_code in (200, 201)
    data_dir = api.ctx.settings.data_dir
    archive = _archive(data_dir, PASS)
    assert len(archive) > 3 * FRAME_BYTES
    restore_backup(io.BytesIO(archive), tmp_path / "big", PASS)
    assert _media(tmp_path / "big") == _media(data_dir)


def test_a_photo_collected_during_the_backup_is_named_missing_and_the_backup_completes(data_dir, tmp_path):
    """A photo removed after the snapshot was read may lose its blob before the archive reaches it."""
    files = FileMedia(data_dir / "media")

    class CollectedMeanwhile:
        def referenced(self, keys):
            present, missing = files.referenced(keys)
            gone = present[0]
            vanished = MediaItem(gone.key, gone.size, functools.partial(open_file, tmp_path / "collected"))
            return [vanished, *present[1:]], missing

    out = io.BytesIO()
    summary = create_backup(data_dir, out, media=CollectedMeanwhile())
    assert len(summary.missing_media) == 1
    target = tmp_path / "restored"
    restore_backup(io.BytesIO(out.getvalue()), target)
    assert len(_media(target)) == len(_media(data_dir)) - 1


def test_an_unfinished_tus_upload_is_not_resumable_after_a_restore(api, tmp_path):
    """Its bytes are not in the backup: HEAD answers 404, so a tus client starts it again (it answered 200 at
    the old offset, and the client's next PATCH met a 404 that tus clients do not restart on)."""
    from tests.server.test_executor_tus import Tus
    from tests.support.fixtures import make_api

    ex = Executor.start(api)
    data = jpeg(4000)
    tus = Tus(ex)
    url = tus.new(data)
    assert tus.patch(url, data[:1500], 0).status_code == 204
    assert tus.offset(url) == 1500
    archive = _archive(api.ctx.settings.data_dir)
    restore_backup(io.BytesIO(archive), tmp_path / "restored")
    restored = make_api(tmp_path / "restored")
    try:
        again = Tus(Executor(next(restored), ex.run_id, ex.token))
        assert again.head(url).status_code == 404
        assert again.patch(url, data[1500:], 1500).status_code == 404
        started = again.new(data)  # the client starts again, and the photo arrives whole
        assert again.patch(started, data, 0).status_code == 204
    finally:
        restored.close()
