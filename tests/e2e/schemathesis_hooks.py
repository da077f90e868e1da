"""Loaded by schemathesis (SCHEMATHESIS_HOOKS) in tests/e2e/test_schemathesis.py: tus PATCH bodies are
`application/offset+octet-stream`, raw bytes like `application/octet-stream`, which schemathesis can send."""

from __future__ import annotations

import schemathesis

schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")
