"""The photos part of a backup for each media store, chosen by `RUNDUN_MEDIA_STORE` as the server chooses it
(`server.media.chosen_store`: `files` with SQLite, `postgresql` with a PostgreSQL database by default):

| store | backup | restore |
|---|---|---|
| `files` | `FileMedia`: `DATA_DIR/media` into the archive | into the new data dir's `media/` (on PostgreSQL, photos that came as rows of the dump too) |
| `postgresql` | nothing in the archive's media part: the photos are rows of the dump (`media_blobs`, `media_chunks`), each referenced one checked in the dump's own snapshot | `pg_restore` brings them back; photos an archive holds as files (made with another store) are written into the chunks |
| `s3://…` | each object streamed into the archive | staged as files while the archive is checked, then written into the store (with the dump's photo rows, on PostgreSQL) |

The last two go through `server.media.transfer` (has_blob, open_stream, write_one), so every byte written
into a store is checked against its SHA-256 there too.
"""

from __future__ import annotations

import contextlib
import functools
import io
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from server.backup.media import COPY_BYTES, FileMedia, MediaItem, MediaSource, MediaTarget
from server.backup.sealed import BackupError, BackupRefused
from server.media import BadMediaStore, MediaStore, chosen_store, open_media_store
from server.store.backends import is_postgresql


@dataclass
class ChosenMedia:
    source: MediaSource
    where: str  # where the photos are, in words ("the photos of ./data/media")


@contextlib.contextmanager
def backup_media(setting: str | None, data_dir: Path, database_url: str | None) -> Iterator[ChosenMedia]:
    """The photos a backup reads, from the store the server uses (held open while the backup runs)."""
    choice = _choice(setting, database_url)
    if choice == "files":
        yield ChosenMedia(FileMedia(data_dir / "media"), f"the photos of {data_dir / 'media'}")
    elif choice == "postgresql":
        yield ChosenMedia(DumpedMedia(), "its photos (in the database)")
    else:
        with opened_store(choice, database_url, data_dir) as store:
            yield ChosenMedia(StoreSource(store), f"the photos of {choice}")


def restore_media(setting: str | None, database_url: str | None) -> Callable[[Path], MediaTarget] | None:
    """How a restore writes the archive's photos: None for files in the new data dir (the archive's default),
    else a target staging them and writing them into the configured store once everything is checked."""
    choice = _choice(setting, database_url)
    if choice.startswith("s3://"):
        with opened_store(choice, database_url, Path()):
            pass  # a bucket that does not answer is refused before the archive is read
    on_postgresql = is_postgresql(database_url)
    if choice == "files" and not on_postgresql:
        return None  # SQLite with files: the archive's default

    def target(staged: Path) -> MediaTarget:
        opened = functools.partial(opened_store, choice, database_url, staged.parent)
        inner: MediaTarget = FileMedia(staged) if choice == "files" else StagedStoreTarget(staged, opened)
        if choice == "postgresql" or not on_postgresql:
            return inner
        return WithDumpedPhotos(inner, database_url, opened)  # type: ignore[arg-type]

    return target


def _choice(setting: str | None, database_url: str | None) -> str:
    choice = chosen_store(setting, is_postgresql(database_url))
    if choice == "postgresql" and not is_postgresql(database_url):
        raise BackupRefused(
            "RUNDUN_MEDIA_STORE=postgresql keeps the photos in the PostgreSQL database: give --database-url "
            "(or RUNDUN_DATABASE_URL) too."
        )
    if choice not in ("files", "postgresql") and not choice.startswith("s3://"):
        raise BackupRefused(
            f"RUNDUN_MEDIA_STORE must be files, postgresql or s3://bucket/prefix, not {choice[:40]!r}."
        )
    return choice


@contextlib.contextmanager
def opened_store(choice: str, database_url: str | None, data_dir: Path) -> Iterator[MediaStore]:
    """The media store `choice` names, open (over its own database connection for `postgresql`)."""
    db: Any = None
    try:
        if choice == "postgresql":
            from server.store.postgres import PostgresDatabase

            db = PostgresDatabase(database_url)  # type: ignore[arg-type]
        store = open_media_store(choice, data_dir, db)
    except BadMediaStore as exc:
        if db is not None:
            db.close()
        raise BackupError(str(exc)) from None
    try:
        yield store
    finally:
        store.close()
        if db is not None:
            db.close()


class DumpedMedia:
    """The `postgresql` store: the photos travel inside the database's dump, so the archive's media part is
    empty; the referenced ones its media tables lack (read in the dump's snapshot) are named missing."""

    def referenced(self, facts: dict) -> tuple[list[MediaItem], list[str]]:
        return [], list(facts["blobs_not_in_database"])


class StoreSource:
    """Any `MediaStore` as a backup's source: each photo streamed from it (S3)."""

    def __init__(self, store: MediaStore):
        self.store = store

    def referenced(self, facts: dict) -> tuple[list[MediaItem], list[str]]:
        present, missing = [], []
        for key in facts["blobs"]:
            stored = self.store.has_blob(key)
            if stored is None:
                missing.append(key)
            else:
                present.append(MediaItem(key, stored.size, functools.partial(self._open, key)))
        return present, sorted(missing)

    def _open(self, key: str) -> IO[bytes]:
        from server.media.transfer import open_stream

        pieces = open_stream(self.store, key)
        if pieces is None:
            raise FileNotFoundError(key)  # collected since the snapshot: the archive names it missing
        return io.BufferedReader(_PiecesReader(pieces), COPY_BYTES)  # full reads: tar wants them


class _PiecesReader(io.RawIOBase):
    """A stream of byte pieces as a raw reader."""

    def __init__(self, pieces: Iterator[bytes]):
        self.pieces, self.left = pieces, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.left:
            piece = next(self.pieces, None)
            if piece is None:
                return 0
            self.left = piece
        count = min(len(buffer), len(self.left))
        buffer[:count] = self.left[:count]
        self.left = self.left[count:]
        return count


class StagedStoreTarget:
    """A restore into a media store: the archive's photos are staged as files in the restore's staging dir
    while every check runs, then written into the store on `commit` (after the database is installed: the
    `postgresql` store's tables come with it), each checked by its SHA-256, and the staged files removed."""

    def __init__(self, staged: Path, open_store: Callable[[], contextlib.AbstractContextManager[MediaStore]]):
        self.files = FileMedia(staged)
        self.open_store = open_store
        self.keys: list[str] = []

    def put(self, key: str, stream: IO[bytes]) -> tuple[str, int]:
        self.keys.append(key)
        return self.files.put(key, stream)

    def commit(self) -> None:
        if self.keys:
            from server.media.transfer import write_one

            with self.open_store() as store:
                for key in self.keys:
                    write_one(store, key, _file_pieces(self.files.root / key[:2] / key))
        shutil.rmtree(self.files.root, ignore_errors=True)  # the new data dir keeps an empty media/

    def discard(self) -> None:
        pass  # the staged files go with the staging dir


class WithDumpedPhotos:
    """A restore into PostgreSQL whose media store is not `postgresql`: photos that came as rows of the dump
    (a backup made with that store) are copied into the configured store too, or its server would not find
    them. The rows stay (a later switch back to the default store finds them)."""

    def __init__(
        self,
        inner: MediaTarget,
        database_url: str,
        open_store: Callable[[], contextlib.AbstractContextManager[MediaStore]],
    ):
        self.inner, self.database_url, self.open_store = inner, database_url, open_store

    def put(self, key: str, stream: IO[bytes]) -> tuple[str, int]:
        return self.inner.put(key, stream)

    def commit(self) -> None:
        from server.media.chunks import ChunkMediaStore
        from server.media.transfer import copy_media

        self.inner.commit()
        with opened_store("postgresql", self.database_url, Path()) as dumped, self.open_store() as store:
            assert isinstance(dumped, ChunkMediaStore)
            copy_media(dumped.db, dumped, store)  # those not in the dump were in the archive: already there

    def discard(self) -> None:
        self.inner.discard()


def _file_pieces(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as f:
        while piece := f.read(COPY_BYTES):
            yield piece
