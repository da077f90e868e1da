"""The executor store's schema: its tables, in the numbered migrations of the package `migrations` (the
server's scheme, `rundun_migrations`), and the names of the states its rows hold."""

from __future__ import annotations

import functools

import rundun_migrations
from rundun_migrations import Migration
from server import tdl

SIGNATURE_STEP = tdl.SIGNATURE_STEP  # the run-level signature, as the server names it
DB_NAME = "executor.db"
BUSY_TIMEOUT_MS = 10_000

# local_state of a run
OPEN, COMPLETING, COMPLETED, EXITING, EXITED, REFUSED = (
    "open",
    "completing",
    "completed",
    "exiting",
    "exited",
    "refused",
)
FINISHED = (COMPLETED, EXITED, REFUSED)

# outbox op kinds and states
ANSWER, PHOTO, DELETE_PHOTO, SIGNATURE, COMPLETE, EXIT = (
    "answer",
    "photo",
    "delete_photo",
    "signature",
    "complete",
    "exit",
)
PENDING, FAILED, BLOCKED = "pending", "failed", "blocked"

# draft kinds: what a step's input showed, kept here only (migration 4)
ASIDE, HELD = "aside", "held"

MIGRATIONS_PACKAGE = "rundun_desktop.executor.store.migrations"  # its numbered files (rundun_migrations)


@functools.cache
def schema_migrations() -> tuple[Migration, ...]:
    """The store's migrations in order (read once per process)."""
    return tuple(rundun_migrations.discover(MIGRATIONS_PACKAGE))
