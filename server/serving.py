"""uvicorn's server, taught to end the app's endless responses as shutdown begins.

uvicorn waits for every open response to finish before it runs the app's lifespan shutdown, so a
connected `/v1/events` stream would hold a shutdown open for as long as its client stays. This server
closes the event hub first: each stream ends cleanly and the shutdown proceeds. Use it wherever the app is
served (`rundun-server serve`, the desktop's embedded server).
"""

from __future__ import annotations

import socket

import uvicorn


class Server(uvicorn.Server):
    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        hub = getattr(getattr(self.config.app, "state", None), "event_hub", None)
        if hub is not None:
            hub.close()
        await super().shutdown(sockets)
