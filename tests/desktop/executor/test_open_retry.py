"""An open whose answer was lost (the server opened the run, the reply never came back) and the app closed
before the retry: the store kept the open's Idempotency-Key, so the retry gets the same token and the run
(SPEC §5). It was 409 run_already_opened for ever, the executor locked out of the run they had opened."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from rundun_desktop.executor import store as st
from rundun_desktop.executor.links import parse_link
from rundun_desktop.executor.opening import open_run
from rundun_desktop.executor.protocol import ExecutorClient, ProtocolError
from rundun_desktop.executor.worker import StoreWorker
from tests.desktop.executor.test_sync import sync_all
from tests.support.executor import every_type
from tests.support.org import Org


@pytest.fixture
def org(live_server):
    o = Org(live_server.url, live_server.api_key)
    yield o
    o.http.close()


class LosesOpenAnswers(httpx.AsyncBaseTransport):
    """Real HTTP to the server; the answers of the first `count` opens are read and then lost on the way."""

    def __init__(self, count: int):
        self.inner = httpx.AsyncHTTPTransport()
        self.left = count
        self.lost_statuses: list[int] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if request.url.path.endswith("/open") and self.left:
            self.left -= 1
            await response.aread()
            await response.aclose()
            self.lost_statuses.append(response.status_code)
            raise httpx.ReadError("connection reset by peer", request=request)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def open_once(root, link: str, transport: httpx.AsyncBaseTransport) -> str:
    """One session of the app: a store and a client of its own, closed after one try at opening."""

    async def go() -> str:
        store = StoreWorker(root)
        try:
            async with httpx.AsyncClient(transport=transport, timeout=30) as http:
                return await open_run(ExecutorClient(http), store, parse_link(link), None)
        finally:
            await store.close()

    return asyncio.run(go())


def test_an_open_whose_answer_was_lost_is_retried_after_a_restart_and_gets_the_run(org, tmp_path):
    root = tmp_path / "exe"
    link = org.dispatch(every_type())
    run_id = parse_link(link).run_id
    losing = LosesOpenAnswers(1)
    with pytest.raises(ProtocolError):
        open_once(root, link, losing)
    assert losing.lost_statuses == [200]
    assert org.run_doc(run_id)["opened_at"] is not None  # opened on the server, not kept here

    assert open_once(root, link, httpx.AsyncHTTPTransport()) == run_id  # the app started again
    store = st.LocalStore(root)
    store.set_answer(run_id, "s-num", 42)
    sync_all(root)
    assert org.values(run_id)["s-num"] == 42  # the token the retry got is the run's
    assert store.conn.execute("SELECT COUNT(*) FROM open_keys").fetchone()[0] == 0  # dropped once kept
    store.close()


def test_another_computer_is_still_refused(org, tmp_path):
    link = org.dispatch(every_type())
    open_once(tmp_path / "first", link, httpx.AsyncHTTPTransport())
    with pytest.raises(ProtocolError) as refused:
        open_once(tmp_path / "second", link, httpx.AsyncHTTPTransport())
    assert refused.value.status == 409 and refused.value.code == "run_already_opened"
