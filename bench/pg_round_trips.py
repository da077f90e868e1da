"""Round trips to PostgreSQL per dispatch batch: a count that does not depend on the machine's load.

    .venv/bin/python bench/pg_round_trips.py [--batches 50]

On a shared machine a round trip costs what the scheduler makes it cost (the PostgreSQL backend and the
writer thread each wait for a core), so `bench/server_throughput.py`'s PostgreSQL figures swing with the
load; the number of round trips a write job makes does not. A TCP proxy between the server's app (in
process, on a throwaway cluster with fsync on) and PostgreSQL counts the times the client speaks after the
server has: one per round trip, per connection; the writer's connection is the busiest one.
"""

from __future__ import annotations

import argparse
import asyncio
import selectors
import socket
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.services import runs as run_service
from tests.support.fixtures import make_api
from tests.support.postgres import start_cluster
from tests.support.samples import minimal


class TurnCounter:
    """A loopback TCP proxy to `target_port` counting, per connection, the client's turns to speak."""

    def __init__(self, target_port: int):
        self.target = ("127.0.0.1", target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.turns: dict[int, int] = {}
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            client, _ = self.listener.accept()
            server = socket.create_connection(self.target)
            number = len(self.turns)
            self.turns[number] = 0
            threading.Thread(target=self._pump, args=(number, client, server), daemon=True).start()

    def _pump(self, number: int, client: socket.socket, server: socket.socket) -> None:
        sel = selectors.DefaultSelector()
        sel.register(client, selectors.EVENT_READ, server)
        sel.register(server, selectors.EVENT_READ, client)
        last_from_client = False
        while True:
            for key, _ in sel.select():
                data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                if not data:
                    return
                from_client = key.fileobj is client
                if from_client and not last_from_client:
                    self.turns[number] += 1
                last_from_client = from_client
                key.data.sendall(data)

    def busiest_since(self, before: dict[int, int]) -> int:
        return max(count - before.get(number, 0) for number, count in self.turns.items())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=50)
    args = parser.parse_args()
    cluster = start_cluster(durable=True)
    try:
        proxy = TurnCounter(cluster.port)
        url = cluster.new_database().replace(f":{cluster.port}/", f":{proxy.port}/")
        made = make_api(Path(tempfile.mkdtemp(prefix="rundun-rt-")), database_url=url)
        api = next(made)
        template_id = api.post("/v1/templates", json=minimal()).json()["id"]
        request = run_service.DispatchRequest(
            api.org["id"], template_id, None, None, run_service.UNSET, api.ctx.settings.base_url
        )

        async def group(size: int) -> None:
            await asyncio.gather(
                *(api.ctx.db.write_grouped(run_service.dispatch_many, request) for _ in range(size))
            )

        for size in (1, 16):
            asyncio.run(group(size))  # warm: prepared statements, caches
            before = dict(proxy.turns)
            for _ in range(args.batches):
                asyncio.run(group(size))
            per_batch = proxy.busiest_since(before) / args.batches
            print(f"dispatch, a group of {size:>2}: {per_batch:.1f} round trips per write batch")
        before = dict(proxy.turns)
        for n in range(args.batches):
            headers = {"Idempotency-Key": f"bench-{n}"}
            assert api.post("/v1/runs", json={"template_id": template_id}, headers=headers).status_code == 201
        per_request = proxy.busiest_since(before) / args.batches
        print(f"dispatch with an Idempotency-Key: {per_request:.1f} round trips on the writer's connection")
        made.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
