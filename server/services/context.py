"""What every service needs, built once per app: settings, the database and in-process caches."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass, field

from server.media import MediaStore, open_media_store
from server.services.storage import StorageWatch
from server.settings import Settings
from server.store import orgs as org_store
from server.store.backends import is_postgresql, open_database
from server.store.writer import GroupCommitWriter


@dataclass
class Context:
    settings: Settings
    db: GroupCommitWriter
    media: MediaStore  # photos and unfinished uploads (`server.media`): files, PostgreSQL chunks or S3
    server_secret: bytes = b""
    # key hash -> (key id, org id, monotonic time looked up) of live keys (`services.auth._known_key`)
    key_cache: dict[str, tuple[str, str, float]] = field(default_factory=dict)
    # key id -> monotonic time of the last `last_used_at` write, so GETs do not write on every call
    key_touched: dict[str, float] = field(default_factory=dict)
    # (org id, Idempotency-Key) of requests still running
    idempotency_in_flight: set[tuple[str, str]] = field(default_factory=set)
    # upkeep passes finished since start (`services.upkeep`): its first one runs at start-up, and a test that
    # counts what one request writes waits for it, so that the pass's writes are not taken for the request's
    upkeep_passes: int = 0
    storage: StorageWatch = field(init=False)  # the disk's state (see `services.storage`)
    # PostgreSQL: the tus uploads this process may receive at once, each on a connection of its own
    # (RUNDUN_UPLOAD_CONNECTIONS; `services.tus`). None on SQLite, where an upload holds no connection.
    upload_slots: asyncio.Semaphore | None = field(init=False)

    def __post_init__(self) -> None:
        reserve = int(self.settings.storage_reserve_mb * 2**20)
        local = self.media.local_dirs()
        # The data dir's disk, when this server keeps anything there: SQLite's database, the files store's
        # photos. On PostgreSQL with photos in the database or S3 it holds nothing and is never made.
        disk = self.settings.data_dir if not is_postgresql(self.settings.database_url) or local else None
        self.storage = StorageWatch(disk, reserve, media_dirs=local)
        shared = self.db.shared_across_processes
        self.upload_slots = asyncio.Semaphore(self.settings.upload_connections) if shared else None

    @classmethod
    def open(cls, settings: Settings) -> Context:
        # No data dir made here: SQLite's `Database` makes its folder, the files store its own (each 0700);
        # on PostgreSQL with photos in the database or S3 nothing goes on this machine's disk (an empty
        # default data dir was made in the user's home, and the start line seemed to name it)
        db = open_database(
            settings.database_url, settings.db_path, write_lock_stale_s=settings.write_lock_stale_s
        )
        try:
            media = open_media_store(settings.media_store, settings.data_dir, db)
        except BaseException:
            db.close()
            raise
        secret = db.write_sync(org_store.meta_get_or_create, "server_secret", lambda: secrets.token_hex(32))
        return cls(settings=settings, db=db, media=media, server_secret=bytes.fromhex(secret))

    def close(self) -> None:
        self.media.close()
        self.db.close()
