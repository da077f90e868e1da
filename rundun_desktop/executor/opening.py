"""Opening a run from its link: `POST /open` with the identity the template asks for, then the snapshot and
token go into the local store in one transaction, so the run can be filled with no network from then on."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
from PySide6.QtCore import QCoreApplication

from rundun_desktop.executor import device_state
from rundun_desktop.executor.links import LinkError, RunLink, parse_link
from rundun_desktop.executor.protocol import ExecutorClient, ProtocolError
from rundun_desktop.executor.store import REFUSED, LocalStore
from rundun_desktop.executor.worker import StoreWorker
from server.tdl import OPEN_STATUSES, resolve_template

EXTERNAL, MEMBER = "external", "member"


@dataclass
class IdentityNeeded(Exception):
    """The run asks who is opening it: `external` (name and email) or `member` (a member's sign-in token)."""

    mode: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class Identity:
    name: str | None = None
    email: str | None = None
    member_token: str | None = None


def accept_language_header(languages: Sequence[str]) -> str | None:
    """`de-DE, de;q=0.9, en;q=0.8`: the executor's languages (the app's, then the system's, best first) as
    `Accept-Language`."""
    tags = list(dict.fromkeys(tag.replace("_", "-") for tag in languages if tag))[:10]
    if not tags:
        return None
    return ", ".join(tag if k == 0 else f"{tag};q={max(0.1, 1 - k / 10):.1f}" for k, tag in enumerate(tags))


def base_url_for(link: RunLink, current: str | None) -> str:
    base = link.base_url or current
    if not base:
        raise LinkError(
            QCoreApplication.translate(
                "opening", "A rundun:// link names no server: connect to the run's server in Settings first."
            )
        )
    return base.rstrip("/")


async def open_run(
    client: ExecutorClient,
    store: StoreWorker,
    link: RunLink,
    current_base_url: str | None,
    identity: Identity | None = None,
    server_id_for: Callable[[str], str | None] | None = None,
    accept_language: str | None = None,
) -> str:
    """Open the run (or find it already on this computer); returns its id. Raises `IdentityNeeded`,
    `LinkError` or `ProtocolError` (in words). `server_id_for(base_url)`: the identity of the server at
    that address when it is the app's own (the run then follows that server when its address changes)."""
    kept = await store.call(LocalStore.run, link.run_id)
    if kept is not None and not retakeable(kept):
        return link.run_id
    if link.language:  # the link's ?lang= first, as the phone sends the language picked (SPEC §15)
        accept_language = f"{link.language}, {accept_language}" if accept_language else link.language
    base_url = kept["base_url"] if kept is not None else base_url_for(link, current_base_url)
    identity = identity or Identity()
    open_key = await store.call(LocalStore.open_key, link.run_id)
    try:
        opened = await client.open_run(
            base_url,
            link.run_id,
            name=identity.name,
            email=identity.email,
            member_token=identity.member_token,
            accept_language=accept_language,
            open_key=open_key,
        )
    except ProtocolError as exc:
        fields = {d.get("path") for d in exc.details}
        if exc.status == 400 and fields & {"name", "email"}:
            raise IdentityNeeded(
                EXTERNAL,
                QCoreApplication.translate(
                    "opening", "This run asks for your name and email before it opens."
                ),
            ) from exc
        if exc.status == 401:
            message = QCoreApplication.translate(
                "opening",
                "Only a member of the organisation may open this run: paste your member sign-in token (rdm_…).",
            )
            if identity.member_token:
                message = (
                    QCoreApplication.translate("opening", "That member token was refused: ") + exc.message
                )
            raise IdentityNeeded(MEMBER, message) from exc
        if kept is not None:  # not to be taken back (opened by someone else, closed since): shown as it is
            return link.run_id
        if exc.code == "run_not_found" and link.base_url is None:
            # A rundun:// link (or a bare id) names no server: the run may be on another one. "No run with
            # that ID exists in your organisation" sent a field worker, who has no organisation, nowhere.
            raise LinkError(
                QCoreApplication.translate(
                    "opening",
                    "This run is not on the server this app is connected to ({0}); a rundun:// link does not say"
                    " which server a run is on. Paste the full https://… link you were sent, or connect to"
                    " that run's server.",
                ).format(base_url)
            ) from exc
        raise
    server_id = server_id_for(base_url) if server_id_for is not None else None
    # One language offline: the server resolved it already; a server from before SPEC §15 sent the template as
    # written, which the same function leaves in its only language.
    opened["template"] = resolve_template(opened["template"], opened.get("language"))
    if kept is not None:
        await store.call(LocalStore.retake_run, link.run_id, opened, opened["executor_token"])
    else:
        await store.call(LocalStore.add_run, base_url, opened, opened["executor_token"], server_id)
    return link.run_id


def retakeable(run: dict) -> bool:
    """A run on this computer that its link opens again: one the server refused while it stayed open there
    (its token no longer valid: its member opened it on another device, which took a new token). It was
    stranded here for good, its unsent answers with it, though the server lets the same member open it again."""
    return (
        run.get("local_state") == REFUSED
        and run.get("server_status") in OPEN_STATUSES
        and (run.get("identity") or {}).get("mode") == MEMBER  # only a member may open a run again (SPEC §5)
    )


async def open_into(
    root: Path,
    text: str,
    current_base_url: str | None = None,
    identity: Identity | None = None,
    timeout: float = 30.0,
    accept_language: str | None = None,
) -> str:
    """Open the run a link names into the store at `root`, without Qt (headless use, scripts, tests)."""
    store = StoreWorker(root)
    try:
        async with httpx.AsyncClient(timeout=timeout) as http:
            device_state.attach(http, store)
            client = ExecutorClient(http)
            link = parse_link(text)
            return await open_run(
                client, store, link, current_base_url, identity, accept_language=accept_language
            )
    finally:
        await store.close()
