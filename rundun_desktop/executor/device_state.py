"""The `Rundun-Device` header (SPEC §10) on every request the desktop executor sends for a run.

It tells the server what this computer still holds for that run (changes not yet sent, their bytes, changes
the server refused) so that a supervisor sees "2 photos · 14 MB on the device". The header is added by an
request hook (httpx's, and the photo uploads' client's), computed from the local outbox at the moment the request leaves: the sync engine and the
opening code need no change beyond `attach()`. The format lives once, in `server.tdl.device`.

The count includes the change the request itself carries (the hook cannot know which one it is), so once a
run's outbox empties the engine says so with one last cheap request (`last_word`), else the server would keep
"1 waiting" for a run that has nothing left.
"""

from __future__ import annotations

import logging
import re
from collections.abc import MutableMapping
from functools import cache
from urllib.parse import urlsplit

import httpx

from rundun_desktop.executor.protocol import ExecutorClient, ProtocolError, RunAuth
from rundun_desktop.executor.store import LocalStore
from rundun_desktop.executor.upload_client import UploadClient
from rundun_desktop.executor.worker import StoreWorker
from server.tdl.device import HEADER, format_device

log = logging.getLogger("rundun.executor.device")
RUN_PATH = re.compile(r"/v1/runs/([^/]+)/")  # every executor call is under its run's path


@cache
def app_name() -> str:
    """`rundun-desktop/<version>`, as the header's `app` field."""
    from server.version import version  # the installed distribution's version (both commands share it)

    return f"rundun-desktop/{version().replace(' ', '')}"


def run_totals(store: LocalStore, run_id: str) -> tuple[int, int, int]:
    """(pending ops, pending bytes, failed ops) of one run in the local outbox."""
    row = store.conn.execute(
        "SELECT COALESCE(SUM(state = 'pending'), 0),"
        " COALESCE(SUM(CASE WHEN state = 'pending' THEN bytes - upload_offset END), 0),"
        " COALESCE(SUM(state = 'failed'), 0)"
        " FROM outbox WHERE run_id = ?",
        (run_id,),
    ).fetchone()
    return int(row[0]), max(0, int(row[1])), int(row[2])


def header_for(store: LocalStore, run_id: str) -> str:
    return format_device(*run_totals(store, run_id), app_name())


def attach(http: httpx.AsyncClient, store: StoreWorker, uploads: UploadClient | None = None) -> None:
    """Add the header to every request `http` (and `uploads`, the photos' own client) sends under
    `/v1/runs/{id}/`, read from `store`'s outbox."""

    async def add_to(path: str, headers: MutableMapping[str, str]) -> None:
        match = RUN_PATH.search(path)
        if match is None or HEADER in headers:
            return
        try:
            headers[HEADER] = await store.call(header_for, match.group(1))
        except Exception:  # the header is a courtesy: a local store problem must not stop the request
            log.debug("no %s header for %s", HEADER, path, exc_info=True)

    async def add_device(request: httpx.Request) -> None:
        await add_to(request.url.path, request.headers)

    hooks = http.event_hooks
    hooks["request"] = [*hooks.get("request", []), add_device]
    if uploads is not None:
        uploads.request_hooks.append(lambda url, headers: add_to(urlsplit(url).path, headers))


async def last_word(client: ExecutorClient, run: RunAuth) -> None:
    """Tell the server the run's outbox is now empty, by tus discovery (`OPTIONS`, which changes nothing
    there; issue 16: `GET …/state`, used before, built the run's whole document for nothing)."""
    try:
        await client.tus_options(run)
    except ProtocolError:  # offline again, or the run closed meanwhile: the next contact will say it
        pass
