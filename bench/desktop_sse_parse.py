"""What parsing the `/v1/events` stream with httpx-sse costs the desktop's monitor (issue 14).

    .venv/bin/python bench/desktop_sse_parse.py [--events 20000] [--repeats 5]

An in-process stream (httpx.MockTransport, 4 KiB chunks, no network) of `--events` events shaped like the
server's (`id`, `event`, a JSON `data` line) with a heartbeat comment every 10 events. Two arms read the same
bytes in the same run: the floor (`response.aiter_lines()`, reading lines and nothing else) and httpx-sse
(`EventSource.aiter_sse()`, what `rundun_desktop.live` uses). It prints the best of `--repeats` for each, in µs
per event, and their ratio. The machine is shared and noisy: compare the two arms, not absolute figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time

import httpx
from httpx_sse import EventSource

CHUNK = 4096


def stream_body(events: int) -> bytes:
    parts = []
    for n in range(events):
        data = {"type": "run.answered", "run_id": f"r-{n:08d}", "created_at": "2026-05-22T08:00:00.000000Z"}
        parts.append(f"id: evt_{n:010d}\nevent: run.answered\ndata: {json.dumps(data)}\n\n")
        if n % 10 == 9:
            parts.append(": heartbeat\n\n")
    return "".join(parts).encode()


def client_for(body: bytes) -> httpx.AsyncClient:
    async def chunks():
        for start in range(0, len(body), CHUNK):
            yield body[start : start + CHUNK]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=chunks())

    return httpx.AsyncClient(transport=httpx.MockTransport(handler), base_url="http://bench")


async def floor(body: bytes) -> tuple[float, int]:
    async with client_for(body) as http, http.stream("GET", "/v1/events") as response:
        start, seen = time.perf_counter(), 0
        async for line in response.aiter_lines():
            seen += line.startswith("id:")
        return time.perf_counter() - start, seen


async def with_httpx_sse(body: bytes) -> tuple[float, int]:
    async with client_for(body) as http, http.stream("GET", "/v1/events") as response:
        start, seen = time.perf_counter(), 0
        async for event in EventSource(response).aiter_sse():
            seen += bool(event.data)  # httpx-sse also yields the empty event after each heartbeat comment
        return time.perf_counter() - start, seen


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    body = stream_body(args.events)
    best: dict[str, float] = {}
    for name, arm in (("floor (aiter_lines)", floor), ("httpx-sse (aiter_sse)", with_httpx_sse)):
        times = []
        for _ in range(args.repeats):
            seconds, seen = asyncio.run(arm(body))
            assert seen == args.events, (name, seen)
            times.append(seconds)
        best[name] = min(times)
        print(f"{name:24} {best[name] / args.events * 1e6:8.2f} µs/event  (best of {args.repeats})")
    floor_s, sse_s = best.values()
    print(
        f"httpx-sse / floor: {sse_s / floor_s:.2f}x  ({(sse_s - floor_s) / args.events * 1e6:.2f} µs more per event)"
    )


if __name__ == "__main__":
    main()
