"""Identifiers and secrets: ids are `prefix-uuid4`, secrets are `prefix_` + 32 hex and stored only hashed."""

from __future__ import annotations

import hashlib
import os
import secrets
import uuid


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4()}"


def new_ids(prefix: str, count: int) -> list[str]:
    """`count` ids as `new_id` makes them, from one read of the OS's random source (a grouped dispatch
    would otherwise make a system call per run)."""
    randomness = os.urandom(16 * count)
    return [
        f"{prefix}-{uuid.UUID(bytes=randomness[i : i + 16], version=4)}" for i in range(0, 16 * count, 16)
    ]


def new_secret(prefix: str) -> str:
    return prefix + secrets.token_hex(16)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


API_KEY_PREFIX = "rdk_live_"
MEMBER_TOKEN_PREFIX = "rdm_"
EXECUTOR_TOKEN_PREFIX = "rde_"
