"""Runs follow their server, not its address.

A run opened against the app's own server is bound to that server's identity (the organisation it serves,
`server_id_of`). When the app connects, it tells the executor where that server answers now (`follow`):
the runs bound to it move there, with their unfinished uploads. Runs kept by an older version carry no
identity and may name a port the embedded server left long ago; `follow` asks the server, at its address
of today, whether it knows each such run and accepts its token (`GET …/state`): those that it does are
bound to it and move, so their waiting answers are sent (the upgrade path: no answer is lost).

Headless and Qt-free, like the sync engine: any asyncio loop, the store through its worker.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from rundun_desktop.executor import store as st
from rundun_desktop.executor.protocol import ExecutorClient, ProtocolError, RunAuth
from rundun_desktop.executor.worker import StoreWorker
from rundun_desktop.sharing import is_loopback_url

log = logging.getLogger("rundun.executor.servers")


def server_id_of(org_id: str) -> str:
    return f"org:{org_id}"


@dataclass
class ServerAddress:
    """The app's server as the executor sees it: who it is, where this computer reaches it, and the other
    addresses its links may name (its LAN or public URL)."""

    server_id: str
    base_url: str
    aliases: set[str] = field(default_factory=set)
    embedded: bool = False  # runs of an older version on a loopback address may be its own

    def names(self, base_url: str) -> bool:
        url = base_url.rstrip("/")
        return url == self.base_url.rstrip("/") or url in {a.rstrip("/") for a in self.aliases}


async def follow(store: StoreWorker, client: ExecutorClient, server: ServerAddress) -> list[str]:
    """Move the runs of `server` to its current address; bind the old runs it recognises. Returns the runs
    that moved (the caller wakes the sync engine)."""
    moved = await store.call(st.LocalStore.move_server, server.server_id, server.base_url)
    for run in await store.call(st.LocalStore.unbound_runs):
        if server.names(run["base_url"]):
            await store.call(st.LocalStore.bind_server, run["run_id"], server.server_id, server.base_url)
            moved.append(run["run_id"])
        elif server.embedded and is_loopback_url(run["base_url"]) and await _knows(client, server, run):
            log.info("run %s moves from %s to %s", run["run_id"], run["base_url"], server.base_url)
            await store.call(st.LocalStore.bind_server, run["run_id"], server.server_id, server.base_url)
            moved.append(run["run_id"])
    return moved


async def _knows(client: ExecutorClient, server: ServerAddress, run: dict) -> bool:
    """Does the server at its current address know this run and accept this computer's token for it?"""
    try:
        await client.state(RunAuth(server.base_url, run["run_id"], run["token"]))
    except ProtocolError:
        return False  # another server's run (or one it refuses): left where it is
    return True
