"""Server configuration: every knob is a `RUNDUN_*` environment variable (or a `rundun-server` flag)."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import platformdirs
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_RETRY_SCHEDULE = "10,60,300,1800,7200,21600,43200,86400,86400"
LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")  # uvicorn's


def default_data_dir() -> Path:
    """The per-user data dir; the server keeps `rundun.db` and `media/` below it."""
    return Path(platformdirs.user_data_dir("rundun", appauthor=False)) / "server"


class Settings(BaseSettings):
    """Built once by the CLI or the desktop app and passed to `create_app` (never read from globals)."""

    model_config = SettingsConfigDict(env_prefix="RUNDUN_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir, description="Holds rundun.db and media/.")
    database_url: str | None = Field(
        None,
        description="Unset: SQLite at DATA_DIR/rundun.db. postgresql://user:pass@host:port/db: PostgreSQL 14+.",
    )
    media_store: str | None = Field(
        None,
        description="Where photos and unfinished uploads live: unset (files with SQLite, the database with "
        "PostgreSQL), files, postgresql or s3://bucket/prefix (endpoint and keys from the AWS_* variables).",
    )
    workers: int = Field(
        1, ge=1, le=64, description="Server processes `serve` runs (more than 1 needs PostgreSQL)."
    )
    host: str = Field("127.0.0.1", description="Address `serve` listens on.")
    port: int = Field(8750, ge=0, le=65535, description="Port `serve` listens on (0 picks a free one).")
    public_url: str | None = Field(
        None, description="Base URL used in run links and media URLs; defaults to http://HOST:PORT."
    )
    rate_limit: int = Field(600, ge=1, description="Requests per minute per API key (or client address).")
    max_json_mb: float = Field(1.0, gt=0, description="Largest JSON request body, in MB.")
    max_photo_mb: float = Field(20.0, gt=0, description="Largest photo upload, in MB.")
    offline_grace_hours: float = Field(
        168, ge=0, description="How long after expires_at an opened run still accepts its executor's sync."
    )
    media_url_ttl: int = Field(3600, ge=1, description="Lifetime of signed media URLs, in seconds.")
    webhook_retry_schedule: str = Field(
        DEFAULT_RETRY_SCHEDULE, description="Comma-separated seconds between webhook delivery attempts."
    )
    webhook_timeout: float = Field(10.0, gt=0, description="Seconds a webhook receiver has to answer 2xx.")
    webhook_claim_timeout: float = Field(
        30.0,
        gt=0,
        description="PostgreSQL: seconds after which the webhook deliveries a server process claimed go to another "
        "process when it stopped answering without dying (stopped, its machine paused).",
    )
    upload_claim_timeout: float = Field(
        30.0,
        gt=0,
        description="PostgreSQL: seconds after which a tus upload that a server process was receiving when it "
        "stopped answering without dying (stopped, its machine paused) may be resumed on another process.",
    )
    upload_connections: int = Field(
        32,
        ge=1,
        description="PostgreSQL: tus uploads one server process receives at once, each on a database connection "
        "of its own; one more waits up to 10 s for a free one, then is answered 503 with Retry-After.",
    )
    webhook_allow_private: bool = Field(
        False,
        description="Allow webhooks to loopback/private addresses (the embedded desktop server sets it).",
    )
    sweep_interval: float = Field(30.0, gt=0, description="Seconds between expiry sweeps.")
    sse_heartbeat: float = Field(
        15.0, gt=0, description="Seconds of quiet before /v1/events sends a heartbeat."
    )
    llm_base_url: str | None = Field(None, description="OpenAI-compatible API for template generation.")
    llm_model: str | None = Field(None, description="Model name for the LLM generator.")
    llm_api_key: str | None = Field(None, description="API key for the LLM generator, if it needs one.")
    llm_timeout: float = Field(30.0, gt=0, description="Overall seconds the LLM generator may take.")
    log_level: str = Field("info", description="uvicorn log level.")
    header_timeout: float = Field(
        10.0,
        gt=0,
        description="Seconds a client has to send a request's headers; then the connection is cut.",
    )
    body_idle_timeout: float = Field(
        60.0, gt=0, description="Seconds a request body may stall (no byte arriving) before it is cut."
    )
    keepalive_timeout: float = Field(
        20.0,
        gt=0,
        description="Seconds an idle kept-alive connection stays open; longer than clients keep theirs (httpx: 5).",
    )
    trusted_proxies: str = Field(
        "",
        description="Comma-separated addresses (or CIDRs) whose X-Forwarded-For / -Proto are believed; none by default.",
    )
    open_uploads_per_slot: float = Field(
        2.0, gt=0, description="Open tus uploads allowed per run, per photo slot of its template."
    )
    upload_ttl_hours: float = Field(
        24.0,
        gt=0,
        description="An unfinished tus upload untouched this long is removed with its bytes; a finished one "
        "(its photo attached, and kept) is forgotten this long after it finished.",
    )
    prune_interval: float = Field(
        3600.0, gt=0, description="Seconds between prunings of bookkeeping that grows with traffic."
    )
    sync_ops_retention_days: float = Field(
        30.0, gt=0, description="Days a /sync op id is remembered (replays within it are no-ops)."
    )
    webhook_attempts_retention_days: float = Field(
        30.0, gt=0, description="Days the attempts of finished webhook deliveries are kept."
    )
    events_retention_days: float = Field(
        90.0,
        gt=0,
        description="Days an event is kept: the /v1/events replay (Last-Event-ID) and each run's webhook "
        "delivery log (its deliveries and attempts go with it, once none is pending or redelivered since).",
    )
    write_lock_stale_s: float = Field(
        15.0,
        gt=0,
        description="PostgreSQL: a write that has waited this long for the write lock ends the connection of "
        "a process holding it idle in a transaction as long (frozen, or cut off from the database).",
    )
    storage_reserve_mb: float = Field(
        16.0,
        ge=0,
        description="Free disk space (MB) kept in reserve: below it health is degraded and uploads are refused.",
    )

    @field_validator("webhook_retry_schedule")
    @classmethod
    def _schedule_is_numbers(cls, value: str) -> str:
        parse_schedule(value)
        return value

    @field_validator("log_level")
    @classmethod
    def _log_level_is_uvicorns(cls, value: str) -> str:
        """One of uvicorn's levels (any case): another one started the server and then ended it with uvicorn's
        KeyError and a traceback."""
        if value.lower() not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return value.lower()

    @field_validator("public_url")
    @classmethod
    def _public_url_is_http(cls, value: str | None) -> str | None:
        """Run links and media URLs are this plus a path: without its scheme they led nowhere."""
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError(
                "must start with https:// or http:// (the address run links and photos are read at)"
            )
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies_are_addresses(cls, value: str) -> str:
        """Each an IP address or a network (CIDR); uvicorn took anything else as a name no peer ever has, so a
        proxy given by its host name was never trusted and every client behind it shared its rate limit."""
        for part in filter(None, (p.strip() for p in value.split(","))):
            if part == "*":
                continue
            try:
                ipaddress.ip_network(part, strict=False)
            except ValueError:
                raise ValueError(f"must list IP addresses or networks (CIDR), not {part!r}") from None
        return value

    @property
    def db_path(self) -> Path:
        return self.data_dir / "rundun.db"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def base_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def retry_schedule(self) -> list[float]:
        return parse_schedule(self.webhook_retry_schedule)

    @property
    def max_json_bytes(self) -> int:
        return int(self.max_json_mb * 1024 * 1024)

    @property
    def max_photo_bytes(self) -> int:
        return int(self.max_photo_mb * 1024 * 1024)


def parse_schedule(text: str) -> list[float]:
    try:
        values = [float(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise ValueError("must be comma-separated seconds, such as 10,60,300") from exc
    if not values or any(v < 0 for v in values):
        raise ValueError("must list at least one non-negative number of seconds")
    return values
