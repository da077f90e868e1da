"""A database that cannot be reached is not a bug: told apart from one, answered 503 and logged in a line.

While PostgreSQL is down (restarted, failing over, cut off from this host) every request that needs it
fails in the driver. Those failures were answered 500 `internal_error` with a traceback logged for each,
health included (an operator's audit: `pg_ctl stop -m immediate` under load), so that clients and load
balancers read "bug" where the truth is "try again in a moment". Now: 503 `service_unavailable` with a
`Retry-After`, health `degraded` (503), and one log line per failure.

Told by name, as `server.api.errors._text_with_nul` tells psycopg's refusals: a server on SQLite never
imports psycopg. Every `OperationalError` counts: psycopg's lost links, a server shutting down or still
starting, too many connections, and also a serialization failure or a deadlock, for which "try again" is
right as well.
"""

from __future__ import annotations

import logging

from server.errors import ServiceUnavailable
from server.services.context import Context
from server.store import rows
from server.store.backends import DatabaseUnavailable

RETRY_AFTER_S = (
    5  # PostgreSQL's restart after a crash takes a few seconds; a client's retry should not wait a minute
)


def is_database_unavailable(exc: BaseException | None) -> bool:
    """True when `exc` (or what caused it) says the database could not be reached or used just now."""
    seen = 0
    while exc is not None and seen < 8:
        if isinstance(exc, DatabaseUnavailable) or _psycopg_operational(exc):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _psycopg_operational(exc: BaseException) -> bool:
    return any(
        kind.__name__ == "OperationalError" and kind.__module__.startswith("psycopg")
        for kind in type(exc).__mro__
    )


def in_one_line(exc: BaseException) -> str:
    """The driver's last line (libpq's messages run over several: the address, then why)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__


def refusal() -> ServiceUnavailable:
    return ServiceUnavailable(headers={"Retry-After": str(RETRY_AFTER_S)})


def log_failure(log: logging.Logger, what: str, exc: BaseException) -> None:
    """A background task's failure: one line when the database is down (it recovers by itself), the
    traceback otherwise (a bug)."""
    if is_database_unavailable(exc):
        log.warning("%s: database unavailable: %s", what, in_one_line(exc))
    else:
        log.error("%s", what, exc_info=exc)


def problem(ctx: Context, log: logging.Logger) -> str | None:
    """For health: None when a database round trip succeeds, else why not in words. The driver's words go to
    the log only: health needs no key, and they name the database's host."""
    try:
        ctx.db.read(rows.ping)
    except Exception as exc:
        if not is_database_unavailable(exc):
            raise
        log.warning("GET /v1/health: database unavailable: %s", in_one_line(exc))
        return "database unavailable: the server cannot reach its database; requests are refused (503) until it returns"
    return None
