"""The photo uploads' own HTTP client (issue 16: `rundun_desktop/executor/upload_client.py` over
`server/http1.py`): the engine's photos go from their files through it, against the real server; proxies
named by the environment send them through httpx instead; TLS verifies the server with httpx's trust store;
a server that stops answering, or refuses before taking the body, reads as it does through httpx."""

from __future__ import annotations

import asyncio
import datetime
import hashlib
import os
import socket
import ssl
import threading
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from rundun_desktop.executor import store as st
from rundun_desktop.executor.opening import open_into
from rundun_desktop.executor.protocol import (
    OFFLINE,
    REJECTED,
    ExecutorClient,
    ProtocolError,
    RunAuth,
    new_http,
    new_uploads,
)
from rundun_desktop.executor.sync import SyncEngine
from server.http1 import FileRegion
from tests.desktop.executor.conftest import FAST
from tests.support.executor import every_type, jpeg
from tests.support.org import Org


@pytest.fixture
def org(live_server):
    o = Org(live_server.url, live_server.api_key)
    yield o
    o.http.close()


def open_files_under(root: Path) -> list[str]:
    """Files under `root` this process holds open (Linux `/proc`)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(root)):
            found.append(target)
    return found


def test_the_engines_photos_go_from_their_files_through_their_own_client(org, tmp_path):
    """Creation and PATCH (a photo bigger than a chunk) through the upload client, none through httpx, each
    with the device note; the server holds every photo byte for byte, and no photo file stays open."""
    root = tmp_path / "exe"
    run_id = asyncio.run(open_into(root, org.dispatch(every_type())))
    store = st.LocalStore(root)
    taken = {"s-photo": jpeg(40_000), "s-geo": jpeg(FAST.chunk_size * 2 + 12_345)}
    for step, data in taken.items():
        store.add_photo(run_id, step, st.write_photo(root, data))
    through_httpx: list[str] = []
    through_uploads: list[tuple[str, str | None]] = []
    still_open: list[str] = []

    async def go() -> None:
        engine = SyncEngine(root, config=FAST)

        async def httpx_request(request: httpx.Request) -> None:
            through_httpx.append(f"{request.method} {request.url.path}")

        async def upload_request(url: str, headers: dict[str, str]) -> None:
            through_uploads.append((url, headers.get("Rundun-Device")))
            still_open.extend(f for f in open_files_under(root) if f.endswith(".jpg"))

        engine.http.event_hooks["request"].append(httpx_request)
        assert engine.uploads is not None
        engine.uploads.request_hooks.append(upload_request)
        engine.start()
        assert await engine.drain(30), engine.status
        await engine.stop()

    asyncio.run(go())
    assert not [r for r in through_httpx if r.startswith(("POST", "PATCH")) and "/uploads/" in r], (
        through_httpx
    )
    creations = [url for url, _ in through_uploads if url.endswith("/uploads/")]
    assert len(creations) == 2 and len(through_uploads) == 4  # the big one: its creation, then 2 PATCHes
    assert all(note and "pending-ops=" in note for _, note in through_uploads)
    assert still_open  # a photo's file is open while it goes (the region is sent from it) …
    assert not [f for f in open_files_under(root) if f.endswith(".jpg")]  # … and closed once it went
    answers = org.run_doc(run_id)["answers"]
    for step, data in taken.items():
        [photo] = answers[step]["photos"]
        assert photo["bytes"] == len(data) and photo["sha256"] == hashlib.sha256(data).hexdigest()
    assert store.ops() == []
    store.close()


class RecordingProxy:
    """A forward proxy on loopback that reads one request whole (its head and Content-Length bytes), keeps it
    and answers 502: where httpx sends a request when HTTP_PROXY names it."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.requests: list[tuple[bytes, bytes]] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn, conn.makefile("rb") as f:
                head = b""
                while not head.endswith(b"\r\n\r\n"):
                    line = f.readline()
                    if not line:
                        break
                    head += line
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")
                    ),
                    0,
                )
                self.requests.append((head, f.read(length)))
                conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    def close(self) -> None:
        self.sock.close()


def test_uploads_go_through_httpx_when_the_environment_names_a_proxy(org, tmp_path, monkeypatch):
    """The upload client speaks to servers directly: with a proxy named for the scheme, the photo goes through
    httpx, which honours it (the proxy gets the request in absolute form, the photo's bytes in its body)."""
    run_id = asyncio.run(open_into(tmp_path / "exe", org.dispatch(every_type())))
    token = st.LocalStore(tmp_path / "exe").run(run_id)["token"]
    proxy = RecordingProxy()
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    for name in ("NO_PROXY", "no_proxy", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(data := jpeg(30_000))

    async def go() -> ProtocolError:
        uploads = new_uploads()
        async with new_http() as http:
            client = ExecutorClient(http, uploads)
            assert not client.sends_from_files(org.url) and not uploads.serves(org.url)
            with photo.open("rb") as f, pytest.raises(ProtocolError) as refused:
                await client.tus_create(
                    RunAuth(org.url, run_id, token),
                    len(data),
                    {"step_id": "s-photo", "photo_index": "0"},
                    FileRegion(f, 0, len(data)),
                )
        uploads.close()
        return refused.value

    error = asyncio.run(go())
    proxy.close()
    assert error.status == 502
    [(head, body)] = proxy.requests
    assert head.startswith(f"POST {org.url}/v1/runs/{run_id}/uploads/ HTTP/1.1".encode()) and body == data


def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by itself (its own CA): (certificate file, key file)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Rundun test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(__import__("ipaddress").ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_file, key_file


async def body_hashing_server(tls: ssl.SSLContext | None, answer: bool = True) -> tuple[asyncio.Server, int]:
    """A receiver on loopback that reads a request's body and answers 204 with the body's SHA-256 in a header,
    on the same connection, as often as asked; `answer=False`: reads, never answers."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                body = await reader.readexactly(length)
                if not answer:
                    await asyncio.Event().wait()
                digest = hashlib.sha256(body).hexdigest()
                writer.write(f"HTTP/1.1 204 No Content\r\nBody-Sha256: {digest}\r\n\r\n".encode())
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=tls)
    return server, server.sockets[0].getsockname()[1]


def test_https_uploads_verify_the_server_with_httpxs_trust_store_and_send_the_region(tmp_path, monkeypatch):
    """Over TLS the region is read and encrypted (sendfile cannot), in slices, the same connection reused;
    the server's certificate is checked against SSL_CERT_FILE as httpx does, and refused without it."""
    cert_file, key_file = self_signed(tmp_path)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(data := os.urandom(3 * 1024 * 1024 + 77))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)

    async def go(trusted: bool) -> list[str]:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(cert_file, key_file)
        server, port = await body_hashing_server(tls)
        if trusted:
            monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))
        else:
            monkeypatch.delenv("SSL_CERT_FILE", raising=False)
        uploads = new_uploads()
        digests = []
        try:
            with photo.open("rb") as f:
                for offset in (0, 1000):
                    region = FileRegion(f, offset, len(data) - offset)
                    response = await uploads.send("POST", f"https://127.0.0.1:{port}/up", {}, region)
                    digests.append(response.headers["body-sha256"])
        finally:
            uploads.close()
            server.close()
        return digests

    assert asyncio.run(go(trusted=True)) == [
        hashlib.sha256(data).hexdigest(),
        hashlib.sha256(data[1000:]).hexdigest(),
    ]
    with pytest.raises(httpx.ConnectError, match="TLS with 127.0.0.1 failed"):
        asyncio.run(go(trusted=False))


def test_a_server_that_stops_answering_is_offline_once_nothing_moves_for_the_timeout(tmp_path):
    """It took the body and never answers: after the client's timeout with no progress the request fails as
    httpx's would ("did not answer in time"), so the engine backs off and probes."""
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(data := jpeg(20_000))

    async def go() -> ProtocolError:
        server, port = await body_hashing_server(None, answer=False)
        base = f"http://127.0.0.1:{port}"
        uploads = new_uploads(timeout=0.5)
        try:
            async with new_http() as http:
                with photo.open("rb") as f, pytest.raises(ProtocolError) as failed:
                    await ExecutorClient(http, uploads).tus_create(
                        RunAuth(base, "r", "t"), len(data), {"step_id": "s"}, FileRegion(f, 0, len(data))
                    )
        finally:
            uploads.close()
            server.close()
        return failed.value

    error = asyncio.run(go())
    assert (error.status, error.code, error.kind) == (0, "timeout", OFFLINE)


def test_a_refusal_before_the_body_is_taken_is_the_servers_answer(org, tmp_path):
    """The real server refuses a creation whose Upload-Length is over its limit from its headers: that answer
    comes back as the refusal it is (413, kept in words), not as a lost connection."""
    run_id = asyncio.run(open_into(tmp_path / "exe", org.dispatch(every_type())))
    token = st.LocalStore(tmp_path / "exe").run(run_id)["token"]
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg(6 * 1024 * 1024))

    async def go() -> ProtocolError:
        uploads = new_uploads()
        try:
            async with new_http() as http:
                client = ExecutorClient(http, uploads)
                assert client.sends_from_files(org.url)
                with photo.open("rb") as f, pytest.raises(ProtocolError) as refused:
                    await client.tus_create(
                        RunAuth(org.url, run_id, token),
                        10**12,
                        {"step_id": "s-photo", "photo_index": "0", "sha256": "0" * 64},
                        FileRegion(f, 0, photo.stat().st_size),
                    )
        finally:
            uploads.close()
        return refused.value

    error = asyncio.run(go())
    assert error.status == 413 and error.kind == REJECTED, error
    assert org.run_doc(run_id)["answers"].get("s-photo", {}).get("photos", []) == []


def test_a_loop_without_sendfile_reads_the_region_and_sends_it(tmp_path):
    """uvloop's loop has no `sendfile`: the region is read in slices and written, over one connection."""
    import uvloop

    photo = tmp_path / "photo.jpg"
    photo.write_bytes(data := os.urandom(2 * 1024 * 1024 + 5))

    async def go() -> list[str]:
        server, port = await body_hashing_server(None)
        uploads = new_uploads()
        try:
            with photo.open("rb") as f:
                return [
                    (
                        await uploads.send("POST", f"http://127.0.0.1:{port}/up", {}, FileRegion(f, 0, size))
                    ).headers["body-sha256"]
                    for size in (len(data), 1000)
                ]
        finally:
            uploads.close()
            server.close()

    loop = uvloop.new_event_loop()
    try:
        digests = loop.run_until_complete(go())
    finally:
        loop.close()
    assert digests == [hashlib.sha256(data).hexdigest(), hashlib.sha256(data[:1000]).hexdigest()]


def test_without_sendfile_the_photos_are_read_and_sent_through_the_same_client(org, tmp_path, monkeypatch):
    """Where the OS has no sendfile (Windows: there an open file could not be removed either) a photo is
    read into memory, as before, and still goes through the upload client, byte for byte."""
    monkeypatch.delattr(os, "sendfile")
    root = tmp_path / "exe"
    run_id = asyncio.run(open_into(root, org.dispatch(every_type())))
    store = st.LocalStore(root)
    data = jpeg(70_000)
    store.add_photo(run_id, "s-photo", st.write_photo(root, data))
    bodies: list[str] = []

    async def go() -> None:
        engine = SyncEngine(root, config=FAST)
        assert not engine.client.sends_from_files(org.url)

        async def upload_request(url: str, headers: dict[str, str]) -> None:
            bodies.append(url)

        assert engine.uploads is not None
        engine.uploads.request_hooks.append(upload_request)
        engine.start()
        assert await engine.drain(30), engine.status
        await engine.stop()

    asyncio.run(go())
    # its creation carries the first chunk, PATCHes the rest, all through the upload client
    assert bodies[0].endswith("/uploads/") and len(bodies) == -(-len(data) // FAST.chunk_size) > 1
    [photo] = org.run_doc(run_id)["answers"]["s-photo"]["photos"]
    assert photo["sha256"] == hashlib.sha256(data).hexdigest() and store.ops() == []
    store.close()


def test_a_photo_whose_file_was_cut_short_here_is_refused_in_words_not_sent_for_ever(org, tmp_path):
    """The file ends before the photo's recorded length (a damaged disk): its upload stopped at the file's end,
    and empty PATCHes that move nothing went out for ever (7,537 in 8 s). Now the photo is marked damaged,
    in words that say what to do, the rest of the run goes on, and the server holds no half photo as done."""
    root = tmp_path / "exe"
    run_id = asyncio.run(open_into(root, org.dispatch(every_type())))
    store = st.LocalStore(root)
    _, op = store.add_photo(run_id, "s-photo", stored := st.write_photo(root, jpeg(300_000)))
    os.truncate(root / stored.file, 100_000)
    store.set_answer(run_id, "s-text", "after the photo")
    requests: list[str] = []

    async def go() -> None:
        engine = SyncEngine(root, config=FAST)  # 64 kB chunks: the creation, then PATCHes

        async def upload_request(url: str, headers: dict[str, str]) -> None:
            requests.append(url)

        assert engine.uploads is not None
        engine.uploads.request_hooks.append(upload_request)
        engine.start()
        assert await engine.drain(30), engine.status
        await engine.stop()

    asyncio.run(go())
    assert len(requests) == 2  # 64 kB with the creation, 36 kB by a PATCH: then the file ended
    [failed] = store.ops()
    assert failed.op_id == op.op_id and failed.state == st.FAILED and "damaged" in (failed.error or "")
    assert org.values(run_id)["s-text"] == "after the photo"
    assert org.run_doc(run_id)["answers"].get("s-photo", {}).get("photos", []) == []
    store.close()


def test_a_connection_closed_under_a_files_body_is_a_connection_error(tmp_path):
    """asyncio's sendfile raises a RuntimeError on a transport already closing (the peer reset it while the
    head went): it must read as a lost connection, which a reused connection retries on a fresh one."""
    from server import http1

    photo = tmp_path / "photo.jpg"
    photo.write_bytes(data := os.urandom(100_000))

    async def go() -> None:
        server, port = await body_hashing_server(None)
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            conn = http1.Connection(http1.Origin("http", "127.0.0.1", port), reader, writer)
            writer.transport.abort()  # closing, as after a reset
            headers = [("Host", f"127.0.0.1:{port}"), ("Content-Length", str(len(data)))]
            with photo.open("rb") as f, pytest.raises(ConnectionError):
                await conn.request("POST", "/up", headers, FileRegion(f, 0, len(data)), max_body=1024)
        finally:
            server.close()

    asyncio.run(go())


def test_a_request_lost_with_its_reused_connection_is_not_taken_as_never_sent(tmp_path):
    """A reused connection that breaks under a request is retried on a fresh one; when that one cannot be made,
    the request may still have reached the server whole (it broke after): the failure is not a connection
    that could never be made, so the engine keeps its photo marked as possibly created (and looks the upload
    up later) rather than creating it again. A request whose own connection could not be made was never
    sent, and says so."""
    seen: list[bytes] = []

    async def take_then_vanish(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while head := await reader.readuntil(b"\r\n\r\n"):
            length = next(
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            )
            seen.append(await reader.readexactly(length))
            if len(seen) == 2:  # the second request arrived whole: the server goes before answering it
                server.close()
                writer.transport.abort()
                return
            writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")

    async def go() -> None:
        nonlocal server
        server = await asyncio.start_server(take_then_vanish, "127.0.0.1", 0)
        base = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
        uploads = new_uploads()
        client = ExecutorClient(new_http(), uploads)
        try:
            assert (await uploads.send("POST", f"{base}/one", {}, b"first")).status == 204
            with pytest.raises(ProtocolError) as lost:
                await client._send_photo("POST", f"{base}/two", base, {}, b"second")
            assert lost.value.kind == OFFLINE and not lost.value.never_sent
            with pytest.raises(ProtocolError) as refused:  # nothing listens now: a fresh connection fails
                await client._send_photo("POST", f"{base}/three", base, {}, b"third")
            assert refused.value.kind == OFFLINE and refused.value.never_sent
        finally:
            uploads.close()
            await client.http.aclose()

    server: asyncio.Server | None = None
    asyncio.run(go())
    assert seen == [b"first", b"second"]
