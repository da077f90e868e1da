"""A fake OpenAI-compatible chat completions server, run for real on 127.0.0.1 (uvicorn in a thread).

Each test scripts its answers: `fake.script = [handler, …]`, one per request, where a handler gets the
request (body and headers, also kept in `fake.requests`) and returns what to answer with.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route


@dataclass
class Seen:
    """One request the fake received."""

    body: dict[str, Any]
    headers: dict[str, str]
    path: str


@dataclass
class Answer:
    """What the fake answers: chat `content`, or a raw `status`/`body`, after `delay` seconds."""

    content: str | None = None
    status: int = 200
    body: str | None = None
    delay: float = 0.0


Handler = Callable[[Seen], Answer]


@dataclass
class FakeLlm:
    base_url: str = ""
    script: list[Handler] = field(default_factory=list)
    requests: list[Seen] = field(default_factory=list)

    def reset(self) -> None:
        self.script, self.requests = [], []

    def answer_with(self, *contents: str) -> None:
        """Answer the next requests with these message contents, in order."""
        self.script = [_reply(c) for c in contents]


def _reply(content: str) -> Handler:
    def handler(_seen: Seen) -> Answer:
        return Answer(content=content)

    return handler


def completion(content: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
    }


def _app(fake: FakeLlm) -> Starlette:
    async def chat(request: Request) -> Response:
        seen = Seen(json.loads(await request.body()), dict(request.headers), request.url.path)
        fake.requests.append(seen)
        handler = (
            fake.script.pop(0) if fake.script else (lambda _s: Answer(status=500, body="script exhausted"))
        )
        answer = handler(seen)
        if answer.delay:
            await asyncio.sleep(answer.delay)
        if answer.content is not None:
            return JSONResponse(completion(answer.content))
        return Response(answer.body or "", status_code=answer.status, media_type="application/json")

    return Starlette(routes=[Route("/v1/chat/completions", chat, methods=["POST"])])


def start_fake_llm() -> tuple[FakeLlm, Callable[[], None]]:
    """Serve a FakeLlm on an ephemeral port; returns it and the function that stops it."""
    fake = FakeLlm()
    config = uvicorn.Config(
        _app(fake), host="127.0.0.1", port=0, log_level="warning", lifespan="off", timeout_graceful_shutdown=1
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline, "fake LLM server did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    fake.base_url = f"http://127.0.0.1:{port}/v1"

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=5)

    return fake, stop
