"""Where photo bytes and unfinished tus uploads live: files in the data dir, chunks in PostgreSQL, or S3,
behind one interface (`server.media.base.MediaStore`). `open_media_store` is the one place that chooses:

| `RUNDUN_MEDIA_STORE` | store |
|---|---|
| unset | `files` with SQLite, `postgresql` with a PostgreSQL database |
| `files` | `DATA_DIR/media` and `DATA_DIR/uploads` (several processes must then share the data dir) |
| `postgresql` | chunks in the PostgreSQL database (needs `RUNDUN_DATABASE_URL`) |
| `s3://bucket/prefix` | S3-compatible object storage; a tus upload is one multipart upload |
"""

from __future__ import annotations

from pathlib import Path

from server.media.base import Blob, MediaStore, Part, PartLost, StoredMedia
from server.store.writer import GroupCommitWriter

__all__ = [
    "BadMediaStore",
    "Blob",
    "MediaStore",
    "Part",
    "PartLost",
    "StoredMedia",
    "chosen_store",
    "open_media_store",
]


class BadMediaStore(RuntimeError):
    """The media store cannot be used as configured: said in one line at start."""


def chosen_store(setting: str | None, on_postgresql: bool) -> str:
    """`files`, `postgresql` or `s3://…`: what `RUNDUN_MEDIA_STORE` names, its default filled in (backups and
    migrations ask without opening a store)."""
    choice = (setting or "").strip()
    return choice or ("postgresql" if on_postgresql else "files")


def open_media_store(setting: str | None, data_dir: Path, db: GroupCommitWriter) -> MediaStore:
    """The store `RUNDUN_MEDIA_STORE` names (see the table above), ready to use."""
    on_postgresql = getattr(db, "dialect", "sqlite") == "postgresql"
    choice = chosen_store(setting, on_postgresql)
    if choice == "files":
        from server.media.files import FileMediaStore

        return FileMediaStore(data_dir)
    if choice == "postgresql":
        if not on_postgresql:
            raise BadMediaStore(
                "RUNDUN_MEDIA_STORE=postgresql keeps media in the PostgreSQL database: "
                "set RUNDUN_DATABASE_URL too"
            )
        from server.media.chunks import ChunkMediaStore
        from server.store.postgres import PostgresDatabase

        assert isinstance(db, PostgresDatabase)
        return ChunkMediaStore(db)
    if choice.startswith("s3://"):
        from server.media.s3 import S3MediaStore

        return S3MediaStore.from_url(choice)
    raise BadMediaStore(
        f"RUNDUN_MEDIA_STORE must be files, postgresql or s3://bucket/prefix, not {choice[:40]!r}"
    )
