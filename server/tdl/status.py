"""A run's status (SPEC §4): the one spelling the server stores and sends and the desktop reads.

A `StrEnum`, so a status read from JSON or a database row (a plain string) compares equal to its member.
"""

from __future__ import annotations

from enum import StrEnum


class RunStatus(StrEnum):
    """Where a run is in its life: dispatched, being filled, then closed one of three ways."""

    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


OPEN_STATUSES = (RunStatus.PENDING, RunStatus.IN_PROGRESS)  # an executor may still change the run
CLOSED_STATUSES = (RunStatus.COMPLETED, RunStatus.CANCELLED, RunStatus.EXPIRED)
