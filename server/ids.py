"""Identifiers and secrets: ids are `prefix-uuid4`, secrets are `prefix_` + 32 hex and stored only hashed."""

from __future__ import annotations

import hashlib
import secrets
import uuid


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4()}"


def new_secret(prefix: str) -> str:
    return prefix + secrets.token_hex(16)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


API_KEY_PREFIX = "rdk_live_"
MEMBER_TOKEN_PREFIX = "rdm_"
EXECUTOR_TOKEN_PREFIX = "rde_"
