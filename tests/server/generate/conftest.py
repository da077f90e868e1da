"""Fixtures for the generator tests: the fake OpenAI-compatible server, one per session, reset per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server.generate.fake_llm import FakeLlm, start_fake_llm


@pytest.fixture(scope="session")
def fake_llm_server() -> Iterator[FakeLlm]:
    fake, stop = start_fake_llm()
    yield fake
    stop()


@pytest.fixture
def fake_llm(fake_llm_server: FakeLlm) -> Iterator[FakeLlm]:
    fake_llm_server.reset()
    yield fake_llm_server
    fake_llm_server.reset()
