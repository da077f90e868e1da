"""Hundreds of `/v1/events` streams on the real server (issue 13, point 9): each gets every event and its
heartbeats while the hub wakes them a chunk at a time, and other clients keep being served meanwhile.
(The latency target itself is a benchmark, not a test: bench/sse_streams.py.)"""

from __future__ import annotations

import asyncio

import httpx

from tests.e2e.hostile import World, serve_world

STREAMS = 200
DEADLINE_S = 120.0


async def _open(port: int, key: str) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n\r\n".encode())
    await reader.readuntil(b": connected\n\n")
    return reader, writer


async def _until(reader: asyncio.StreamReader, wanted: list[bytes]) -> bytes:
    """Read until every marker in `wanted` has arrived, in that order."""
    seen = b""
    position = 0
    for marker in wanted:
        while (found := seen.find(marker, position)) < 0:
            seen += await reader.read(65536)
        position = found + len(marker)
    return seen


async def _scenario(world: World, port: int) -> None:
    streams = [await _open(port, world.key) for _ in range(STREAMS)]
    async with httpx.AsyncClient(base_url=world.url, timeout=60) as http:
        executor = {"Authorization": f"Bearer {world.token}"}
        for n in range(3):
            body = {"value": f"answer {n}", "at": f"2026-01-01T00:00:0{n}Z"}
            put = await http.put(f"/v1/runs/{world.run_id}/answers/s-text", json=body, headers=executor)
            assert put.status_code == 200
        wanted = [b'"value":"answer 0"', b'"value":"answer 1"', b'"value":"answer 2"', b": heartbeat\n\n"]
        readers = [asyncio.create_task(_until(reader, wanted)) for reader, _ in streams]
        # Another client is served while the streams are busy.
        assert (await http.get(f"/v1/runs/{world.run_id}", headers=world.api)).status_code == 200
        await asyncio.wait_for(asyncio.gather(*readers), DEADLINE_S)
    for _, writer in streams:
        writer.close()


def test_every_one_of_200_streams_gets_every_event_and_its_heartbeat(tmp_path):
    for world in serve_world(tmp_path, env={"RUNDUN_SSE_HEARTBEAT": "1"}):
        port = int(world.url.rsplit(":", 1)[1])
        asyncio.run(_scenario(world, port))
