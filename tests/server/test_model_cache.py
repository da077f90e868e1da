"""Parsed template versions are kept within a bound of memory, not only of number: a server that runs for
months, with an API key free to store large templates, must not grow without end (`server.services.model_cache`)."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from bench.executor_sync import template
from server.services import runs
from server.services.model_cache import SizedLru
from server.store import templates as template_store


def test_the_least_recently_used_go_first_once_their_weight_is_over_the_bound():
    cache: SizedLru[str] = SizedLru(entries=10, weight=100)
    for key in "abcd":
        cache.put(key, key.upper(), weight=30)
    assert cache.get("a") is None and len(cache) == 3 and cache.weight == 90  # "a" made room for "d"
    assert cache.get("b") == "B"  # "b" is now the most recently used
    cache.put("e", "E", weight=30)
    assert [cache.get(k) for k in "bcde"] == ["B", None, "D", "E"]
    assert cache.weight == 90


def test_the_number_of_entries_is_bounded_too_and_a_key_put_again_weighs_once():
    cache: SizedLru[int] = SizedLru(entries=3, weight=1000)
    for n in range(5):
        cache.put(n, n, weight=1)
    assert len(cache) == 3 and [cache.get(n) for n in range(5)] == [None, None, 2, 3, 4]
    cache.put(4, 40, weight=500)
    assert cache.get(4) == 40 and cache.weight == 502


def test_an_entry_heavier_than_the_whole_bound_is_not_kept_and_drops_nothing():
    cache: SizedLru[str] = SizedLru(entries=10, weight=100)
    cache.put("small", "s", weight=10)
    cache.put("huge", "h", weight=101)
    assert cache.get("huge") is None and cache.get("small") == "s" and cache.weight == 10


@pytest.fixture
def stored_versions(monkeypatch):
    """Template versions of 10,000 steps each (535 KB of JSON, the largest the 1 MB body limit leaves room
    for twice over), as the store returns them; a fresh cache with the server's own bounds."""
    documents = {}

    def version_document(conn, template_id, v):
        return documents.get((template_id, v))

    monkeypatch.setattr(template_store, "version_document", version_document)
    monkeypatch.setattr(runs, "_models", SizedLru(entries=runs.MODELS_KEPT, weight=runs.MODELS_JSON_BYTES))
    big = template(10_000, 0)
    for v in range(1, 17):
        documents[("tpl-big", v)] = {**big, "id": "tpl-big", "v": v, "name": f"Big v{v}"}
    return documents


def test_many_large_versions_keep_a_bounded_memory_the_latest_at_hand(stored_versions):
    """16 versions of a 12 MB model each: kept without a bound of size they held ~200 MB; now about 100 MB at
    most. The latest stay cached (the same model again), the first ones are parsed anew when asked for."""
    gc.collect()
    tracemalloc.start()
    try:
        for v in range(1, 17):
            assert runs.version_model(None, "tpl-big", v).name == f"Big v{v}"
        gc.collect()
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert runs._models.weight <= runs.MODELS_JSON_BYTES and len(runs._models) < 16
    assert held < 130 * 2**20, f"{held / 2**20:.0f} MB held by the parsed versions"
    latest = runs.version_model(None, "tpl-big", 16)
    assert runs.version_model(None, "tpl-big", 16) is latest
    first = runs.version_model(None, "tpl-big", 1)
    assert first.name == "Big v1" and runs.version_model(None, "tpl-big", 1) is first
