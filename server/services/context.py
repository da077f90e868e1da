"""What every service needs, built once per app: settings, the database and in-process caches."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from server.media import MediaStore, open_media_store
from server.services.storage import StorageWatch
from server.settings import Settings
from server.store import orgs as org_store
from server.store.backends import open_database
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

    def __post_init__(self) -> None:
        reserve = int(self.settings.storage_reserve_mb * 2**20)
        self.storage = StorageWatch(self.settings.data_dir, reserve, media_dirs=self.media.local_dirs())

    @classmethod
    def open(cls, settings: Settings) -> Context:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
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
