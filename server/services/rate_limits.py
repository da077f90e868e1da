"""Token buckets per API key (or client address): in memory for one process, leased from the database when
several processes share it (SPEC §1 and §9: "rate limits are per key across processes").

No library, by decision (issue 14 asks for one unless a bench shows its cost on the hot path):
- in one process (SQLite, the default) the bucket is a dozen lines of arithmetic on a dict, run on every
  request; `limits` offers no token bucket (fixed and moving windows only, as SPEC §1 names a token bucket)
  and `token-bucket` would add a storage object and a lock per call for the same arithmetic;
- across processes the deployment shares PostgreSQL and nothing else (no Redis or memcached for `limits`,
  `slowapi` or `fastapi-limiter` to count in), and the one library with a PostgreSQL backend
  (`pyrate-limiter`'s `PostgresBucket`) inserts a row per request: a round trip and a write on every
  request, where `bench/rate_limit_shared.py` measures a round trip per request at a fraction of the
  leased design's rate (see the README's benchmark table).

The shared design: the truth is one row per key (`server.store.rate_limits`, an UNLOGGED table refilled by
the database's clock). Each process leases whole tokens from it — a share of what is left, so a handful
while the bucket is full and one at a time as it drains — and spends them in memory: one round trip per
lease, not per request. Nothing is granted beyond what the shared bucket holds, so processes together never
exceed the limit; a lease a process has not spent when its client stops is lost to the others until the
bucket refills (at most `LEASE_SHARE` of what was left, and one token near the end), and it expires after
`LEASE_TTL_S` so that tokens leased long ago are never spent in a burst on top of a refilled bucket. A key
found empty is refused in memory until its next token is due (its Retry-After), so a client hammering past
its limit costs no round trips.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from server.store import rate_limits as rate_store
from server.store.writer import GroupCommitWriter

LEASE_SHARE = 1 / 16  # a lease takes this share of the tokens the shared bucket has left
MAX_LEASE = 256  # and never more than this many (with the bench's huge limits: one round trip per 256)
LEASE_TTL_S = 1.0  # tokens leased longer ago than this are dropped, unspent
MAX_BUCKETS = 100_000


@dataclass(slots=True)
class Decision:
    """One request's verdict and what the `X-RateLimit-*` and `Retry-After` headers say."""

    allowed: bool
    remaining: int
    reset_s: int  # seconds until the bucket is full again
    retry_after_s: int  # seconds until a token is due (for a refused request)


class Limiter(Protocol):
    buckets: dict

    def take(self, key: str, now: float) -> Decision: ...


class TokenBucket:
    __slots__ = ("stamp", "tokens")

    def __init__(self, tokens: float, stamp: float):
        self.tokens, self.stamp = tokens, stamp


class _Buckets:
    """A limit of `per_minute` requests (a bucket of that many tokens, refilled over a minute) per key."""

    def __init__(self, per_minute: int):
        self.capacity = float(per_minute)
        self.refill_per_s = per_minute / 60.0
        self.buckets: dict = {}

    def _make_room(self, now: float) -> None:
        if len(self.buckets) >= MAX_BUCKETS:
            self._forget(now)

    def _forget(self, now: float) -> None:
        raise NotImplementedError


class LocalBuckets(_Buckets):
    """One process's buckets, in memory (the only limiter a SQLite install needs)."""

    def take(self, key: str, now: float) -> Decision:
        bucket = self.buckets.get(key)
        if bucket is None:
            self._make_room(now)
            bucket = self.buckets[key] = TokenBucket(self.capacity, now)
        else:
            bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.stamp) * self.refill_per_s)
            bucket.stamp = now
        allowed = bucket.tokens >= 1.0
        if allowed:
            bucket.tokens -= 1.0
        return _decision(allowed, bucket.tokens, self.capacity, self.refill_per_s)

    def _forget(self, now: float) -> None:
        """Drop buckets that have refilled completely: they carry no information."""
        full_after = self.capacity / self.refill_per_s
        for key in [k for k, b in self.buckets.items() if now - b.stamp >= full_after]:
            del self.buckets[key]


class Lease:
    """Tokens this process leased for a key and has not spent, and what it knows of the shared bucket."""

    __slots__ = ("empty_until", "leased_at", "shared_left", "tokens")

    def __init__(self) -> None:
        self.tokens = 0
        self.leased_at = -math.inf
        self.shared_left = 0.0  # the shared bucket's tokens after our last lease
        self.empty_until = -math.inf  # found empty: no token is due before this (monotonic seconds)


class SharedBuckets(_Buckets):
    """Buckets shared by every process on one database, leased a share at a time (see the module's doc)."""

    def __init__(self, db: GroupCommitWriter, per_minute: int):
        super().__init__(per_minute)
        self.db = db

    def take(self, key: str, now: float) -> Decision:
        lease = self.buckets.get(key)
        if lease is None:
            self._make_room(now)
            lease = self.buckets[key] = Lease()
            lease.shared_left = self.capacity
        elif lease.tokens and now - lease.leased_at > LEASE_TTL_S:
            lease.tokens = 0
        if lease.tokens < 1 and now >= lease.empty_until:
            self._lease(key, lease, now)
        allowed = lease.tokens >= 1
        if allowed:
            lease.tokens -= 1
        decision = _decision(allowed, lease.shared_left + lease.tokens, self.capacity, self.refill_per_s)
        if not allowed:
            decision.retry_after_s = max(1, math.ceil(lease.empty_until - now))
        return decision

    def _lease(self, key: str, lease: Lease, now: float) -> None:
        want = max(1, min(MAX_LEASE, int(lease.shared_left * LEASE_SHARE)))
        granted, left = self.db.unlogged(rate_store.lease, key, want, self.capacity, self.refill_per_s)
        lease.tokens, lease.leased_at, lease.shared_left = granted, now, left
        # Empty: the next whole token is due when the bucket has refilled to one.
        lease.empty_until = now + (1.0 - left) / self.refill_per_s if granted == 0 else -math.inf

    def _forget(self, now: float) -> None:
        """Drop the leases of keys not seen for a while (their unspent tokens with them)."""
        for key in [k for k, lease in self.buckets.items() if now - lease.leased_at > LEASE_TTL_S]:
            del self.buckets[key]


def _decision(allowed: bool, tokens: float, capacity: float, refill_per_s: float) -> Decision:
    return Decision(
        allowed=allowed,
        remaining=int(tokens),
        reset_s=math.ceil((capacity - tokens) / refill_per_s),
        retry_after_s=max(1, math.ceil((1.0 - tokens) / refill_per_s)),
    )


def forget_full_buckets(db: GroupCommitWriter) -> int:
    """Delete the shared buckets idle for a minute: any bucket refills completely within one (its capacity
    is a minute's requests), so their rows say nothing a fresh bucket would not."""
    return db.unlogged(rate_store.forget_full, 60.0)


def limiter_for(db: GroupCommitWriter, per_minute: int) -> Limiter:
    """Shared buckets when other processes may use the same database, else this process's own."""
    if db.shared_across_processes:
        return SharedBuckets(db, per_minute)
    return LocalBuckets(per_minute)
