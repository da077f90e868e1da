"""The three media stores behind one interface (`server.media`), one suite over all of them: files in the
data dir, chunks in PostgreSQL, S3 (moto's server mode as a stand-in for a real S3: tests/support/s3.py).

At the store: photos written, read streamed, deleted; an upload's part written, committed, resumed from the
committed offset by a part opened afresh (another PATCH, another process), the bytes stored beyond the
acknowledged offset dropped, a lost part told apart. Through the API on each store: a tus upload resumed by a
second app on the same database and store, attached once, served byte-identical; the refusals (a wrong
offset 409, a body past Upload-Length 400) leave the stored bytes as they were.
"""

from __future__ import annotations

import ctypes
import hashlib
import mmap
import os
import secrets
from urllib.parse import urlsplit

import pytest

from server.durable import write_durably
from server.media import BadMediaStore, PartLost
from server.media.base import READ_CHUNK, MediaStore
from server.media.chunks import ChunkMediaStore
from server.media.files import FileMediaStore
from server.media.s3 import MIN_PART, S3MediaStore
from server.store.postgres import PgConn, PostgresDatabase
from tests.support.executor import Executor, bearer, jpeg
from tests.support.fixtures import make_api

STORES = ["files", "postgresql", "s3"]
V = {"Tus-Resumable": "1.0.0"}


@pytest.fixture
def s3_env(s3_server, monkeypatch):
    """The AWS variables pointing boto3 at the stand-in, and a fresh bucket; returns its s3:// URL."""
    for key, value in s3_server.env().items():
        monkeypatch.setenv(key, value)
    return f"s3://{s3_server.new_bucket('b' + secrets.token_hex(6))}/rundun"


@pytest.fixture(params=STORES)
def store(request, tmp_path) -> MediaStore:
    if request.param == "files":
        yield FileMediaStore(tmp_path)
    elif request.param == "postgresql":
        db = PostgresDatabase(request.getfixturevalue("pg_cluster").new_database())
        yield ChunkMediaStore(db)
        db.close()
    else:
        made = S3MediaStore.from_url(request.getfixturevalue("s3_env"))
        yield made
        made.close()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_all(store: MediaStore, sha256: str) -> tuple[bytes, int]:
    blob = store.open_blob(sha256)
    assert blob is not None
    pieces = list(blob.chunks())
    assert all(len(piece) <= max(READ_CHUNK, 1 << 20) for piece in pieces)
    return b"".join(pieces), len(pieces)


def test_a_photo_is_written_read_streamed_and_deleted(store):
    data = os.urandom(2 * (1 << 20) + 1234)  # more than one chunk of every store
    store.put_blob(sha(data), data)
    store.put_blob(sha(data), data)  # again: a no-op
    got, pieces = read_all(store, sha(data))
    assert got == data and pieces > 1  # streamed in pieces, never as one
    assert store.has_blob(sha(data)).size == len(data)
    assert store.blob_present(_conn(store), sha(data))
    store.delete_blob(_conn(store), sha(data))
    assert store.open_blob(sha(data)) is None and store.has_blob(sha(data)) is None


def _conn(store: MediaStore):
    """The connection a write job would give (the PostgreSQL store deletes inside the job's transaction)."""
    if isinstance(store, ChunkMediaStore):
        return store.db.reader()
    return None


def write_part(store: MediaStore, upload_id: str, offset: int, data: bytes, *, commit: bool = True) -> int:
    part = store.open_part(upload_id, offset)
    try:
        for start in range(0, len(data), 300_000):
            part.append([data[start : start + 300_000]])
        if commit:
            part.commit()
        return part.offset
    finally:
        part.close()


@pytest.mark.parametrize("size", [200_000, MIN_PART + 700_000, 2 * MIN_PART + 3])
def test_an_upload_resumes_from_its_committed_offset_in_a_part_opened_afresh(store, size):
    data = os.urandom(size)
    first = size // 3 if size < MIN_PART else MIN_PART - 1000  # S3: a tail kept, then a part once it fills
    upload_id = "upl_" + secrets.token_hex(16)
    assert write_part(store, upload_id, 0, data[:first]) == first
    # Stored but never acknowledged (the process died before the offset moved): dropped on the next open.
    write_part(store, upload_id, first, b"never acknowledged" * 1000)
    assert upload_id in store.part_ids()
    part = store.open_part(upload_id, first)
    try:
        part.append([data[first : first + 1000]])
        part.rollback()  # a chunk whose checksum failed: forgotten
        part.append([data[first:]])
        part.finish()
        assert part.head(16) == data[:16]
        assert hashlib.sha256(b"".join(part.read())).hexdigest() == sha(data)
        store.promote(upload_id, sha(data))  # before the part closes, as the service does
    finally:
        part.close()
    store.discard(upload_id)
    assert upload_id not in store.part_ids()
    assert read_all(store, sha(data))[0] == data


def test_an_upload_whose_acknowledged_bytes_are_gone_is_lost(store):
    upload_id = "upl_" + secrets.token_hex(16)
    write_part(store, upload_id, 0, os.urandom(50_000))
    store.discard(upload_id)
    with pytest.raises(PartLost):
        store.open_part(upload_id, 50_000)


@pytest.fixture
def pg_store(pg_cluster):
    db = PostgresDatabase(pg_cluster.new_database())
    yield ChunkMediaStore(db)
    db.close()


def _wal_bytes_written(store: ChunkMediaStore, action) -> int:
    """The WAL the cluster wrote while `action` ran (its bytes written to the database, and so to the disk)."""
    conn = store.db.reader()
    before = conn.execute("SELECT pg_current_wal_insert_lsn()").fetchone()[0]
    action()
    return int(
        conn.execute("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ?)", (before,)).fetchone()[0]
    )


def test_the_postgresql_store_moves_a_finished_upload_into_its_photo_without_writing_the_bytes_again(
    pg_store,
):
    data = os.urandom(3 * (1 << 20) + 777)
    upload_id = "upl_" + secrets.token_hex(16)
    assert write_part(pg_store, upload_id, 0, data) == len(data)
    written = _wal_bytes_written(pg_store, lambda: pg_store.promote(upload_id, sha(data)))
    assert written < len(data) // 10  # re-keyed rows, not a copy of their 3 MB (the copy wrote them twice)
    assert upload_id not in pg_store.part_ids()  # the upload's rows are the photo's now
    owners = pg_store.db.read(lambda c: [r[0] for r in c.execute("SELECT DISTINCT owner FROM media_chunks")])
    assert owners == [sha(data)]
    assert read_all(pg_store, sha(data))[0] == data and pg_store.has_blob(sha(data)).size == len(data)
    pg_store.discard(upload_id)  # as the service does next: nothing left to remove, the photo stays whole
    assert read_all(pg_store, sha(data))[0] == data
    with pytest.raises(PartLost):  # promoted again (its photo collected meanwhile): the bytes went with it
        pg_store.delete_blob(_conn(pg_store), sha(data))
        pg_store.promote(upload_id, sha(data))
    assert pg_store.open_blob(sha(data)) is None


def test_the_postgresql_store_writes_a_chunk_batch_in_one_statement_and_leaves_jpeg_bytes_uncompressed(
    pg_store, monkeypatch
):
    storage = pg_store.db.read(
        lambda c: c.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = 'media_chunks'::regclass AND attname = 'data'"
        ).fetchone()[0]
    )
    assert storage == "e"  # EXTERNAL: out of line, never pglz-compressed (JPEG bytes do not compress)
    statements = []
    execute = PgConn.execute

    def counting(self, sql, *args, **kwargs):
        statements.append(sql)
        return execute(self, sql, *args, **kwargs)

    monkeypatch.setattr(PgConn, "execute", counting)
    data = os.urandom(4 * (1 << 20) + 5)
    part = pg_store.open_part("upl_" + secrets.token_hex(16), 0)
    try:
        part.append([data[: 1 << 20], data[1 << 20 :]])  # the pieces a PATCH body holds, handed over at once
        part.commit()
        assert hashlib.sha256(b"".join(part.read())).hexdigest() == sha(data)
    finally:
        part.close()
    inserts = [sql for sql in statements if sql.startswith("INSERT INTO media_chunks")]
    assert len(inserts) == 2  # four whole 1 MiB rows in one round trip, the tail at the commit


def test_the_files_store_makes_a_part_named_durably_and_links_a_finished_upload_before_its_fsync(
    tmp_path, monkeypatch
):
    """Issue 16: a part's first commit makes its name durable in the folder; a finished upload is linked as
    its blob FIRST and fsynced after (one journal commit carries data and name), even when the blob is
    there already (another attach may be between its link and its fsync)."""
    store = FileMediaStore(tmp_path)
    data = os.urandom(100_000)
    upload_id = "upl_" + secrets.token_hex(16)
    calls: list[tuple[str, str]] = []
    real_fsync, real_link = os.fsync, os.link

    def fsync(fd: int) -> None:
        calls.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def link(source, target) -> None:
        calls.append(("link", str(target)))
        real_link(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "link", link)
    part = store.open_part(upload_id, 0)
    part.append([data[:50_000]])
    part.commit()
    assert ("fsync", str(store.uploads_dir)) in calls
    calls.clear()
    part.append([data[50_000:]])
    part.finish()
    part.close()
    store.promote(upload_id, sha(data))
    blob = store.blob_path(sha(data))
    # The link, then the one fsync of the bytes, then its folder's (made with the store: nothing to make).
    assert calls[-3:] == [("link", str(blob)), ("fsync", str(blob)), ("fsync", str(blob.parent))]
    assert not [call for call in calls[:-3] if call[1] in (str(blob), str(store.part_path(upload_id)))]
    calls.clear()
    store.promote(upload_id, sha(data))  # there already: still made durable before it is named in a row
    assert calls == [("link", str(blob)), ("fsync", str(blob)), ("fsync", str(blob.parent))]
    assert read_all(store, sha(data))[0] == data


def cached_pages(path) -> int:
    """How many of the file's pages are in the page cache (Linux `mincore` over a mapping that touches none)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [
        ctypes.c_void_p,
        ctypes.c_size_t,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_long,
    ]
    libc.mincore.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p]
    libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    size = os.path.getsize(path)
    pages = -(-size // mmap.PAGESIZE)
    with open(path, "rb") as f:
        address = libc.mmap(None, size, mmap.PROT_READ, mmap.MAP_SHARED, f.fileno(), 0)
    assert address not in (None, ctypes.c_void_p(-1).value), os.strerror(ctypes.get_errno())
    try:
        vector = ctypes.create_string_buffer(pages)
        assert libc.mincore(address, size, vector) == 0, os.strerror(ctypes.get_errno())
        return sum(byte & 1 for byte in vector.raw)
    finally:
        libc.munmap(address, size)


def test_the_files_store_leaves_a_photos_bytes_out_of_the_page_cache_once_they_are_durable(tmp_path):
    """Issue 16: a photo kept as a file (an upload promoted, or a PUT) leaves the page cache once fsynced. Kept
    there, the cache grew by every photo into memory the machine had not used yet, which on this project's
    VMs cost a host fault a page: the server's CPU a drain of 50 photos 0.46–0.49 s, 0.32–0.36 s without
    (`bench/executor_sync.py`). A file written durably the usual way stays cached (the measure sees pages)."""
    store = FileMediaStore(tmp_path)
    uploaded, put, usual = os.urandom(2 << 20), os.urandom(1 << 20), os.urandom(1 << 20)
    upload_id = "upl_" + secrets.token_hex(16)
    part = store.open_part(upload_id, 0)
    part.append([uploaded[: 1 << 20], uploaded[1 << 20 :]])
    part.finish()
    part.close()
    store.promote(upload_id, sha(uploaded))
    store.put_blob(sha(put), put)
    write_durably(tmp_path / "usual", usual)
    assert cached_pages(tmp_path / "usual") > 0
    assert cached_pages(store.blob_path(sha(uploaded))) == 0
    assert cached_pages(store.blob_path(sha(put))) == 0
    assert read_all(store, sha(uploaded))[0] == uploaded and read_all(store, sha(put))[0] == put


def test_the_files_store_makes_the_blob_folders_once_so_a_photo_makes_none(tmp_path, monkeypatch):
    """Issue 16: the 256 folders blobs fan out into are made with the store, durably (one fsync of `media/`),
    so that a photo's promotion makes no folder (a `mkdir` and an fsync of `media/` each, before)."""
    store = FileMediaStore(tmp_path)
    assert sorted(p.name for p in store.media_dir.iterdir()) == [f"{n:02x}" for n in range(256)]
    made: list[str] = []
    real_mkdir = os.mkdir

    def mkdir(path, *args, **kwargs) -> None:
        made.append(str(path))
        real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)
    for _ in range(4):
        data = os.urandom(1000)
        upload_id = "upl_" + secrets.token_hex(16)
        part = store.open_part(upload_id, 0)
        part.append([data])
        part.finish()
        part.close()
        store.promote(upload_id, sha(data))
        store.discard(upload_id)
        assert read_all(store, sha(data))[0] == data
    assert [path for path in made if path.startswith(str(store.media_dir))] == []  # `uploads/` once, aside
    made.clear()
    FileMediaStore(tmp_path)  # opened again: nothing to make
    assert made == []


# -- through the API, on each store ------------------------------------------------------------------------
@pytest.fixture(params=STORES)
def two_apps(request, tmp_path):
    """Two apps (as two server processes would be) on one database and one media store."""
    overrides: dict = {}
    if request.param in ("postgresql", "s3"):
        overrides["database_url"] = request.getfixturevalue("pg_cluster").new_database()
    if request.param == "s3":
        overrides["media_store"] = request.getfixturevalue("s3_env")
    if request.param == "files":
        first = make_api(tmp_path, **overrides)
        api = next(first)
        yield api, api  # one process owns a SQLite database
        first.close()
        return
    gens = [make_api(tmp_path / "a", **overrides), make_api(tmp_path / "b", **overrides)]
    a = next(gens[0])
    b = next(gens[1])
    assert a.ctx.media.name == b.ctx.media.name == request.param
    b.key, b.headers = a.key, a.headers
    yield a, b
    for gen in gens:
        gen.close()


def tus_patch(api, url: str, token: str, offset: int, body: bytes):
    headers = {
        **V,
        **bearer(token),
        "Content-Type": "application/offset+octet-stream",
        "Upload-Offset": str(offset),
    }
    return api.client.patch(url, content=body, headers=headers)


def test_a_tus_upload_resumed_through_a_second_app_attaches_once_and_serves_the_same_bytes(two_apps):
    a, b = two_apps
    ex = Executor.start(a)
    data = jpeg(MIN_PART + 1_500_000)
    meta = f"step_id {_b64('s-photo')},photo_index {_b64('0')},sha256 {_b64(sha(data))}"
    r = a.client.post(
        f"/v1/runs/{ex.run_id}/uploads/",
        headers={**V, **bearer(ex.token), "Upload-Length": str(len(data)), "Upload-Metadata": meta},
    )
    assert r.status_code == 201
    url = r.headers["Location"]
    half = len(data) // 2
    assert tus_patch(a, url, ex.token, 0, data[:half]).status_code == 204
    # The refusals leave what is stored as it was.
    assert tus_patch(b, url, ex.token, 0, data[:10]).status_code == 409
    assert tus_patch(b, url, ex.token, half, data[half:] + b"more").status_code == 400
    head = b.client.head(url, headers={**V, **bearer(ex.token)})
    assert head.headers["Upload-Offset"] == str(half)
    done = tus_patch(b, url, ex.token, half, data[half:])
    assert done.status_code == 204 and done.headers["Upload-Offset"] == str(len(data))
    assert (
        tus_patch(a, url, ex.token, len(data), b"").status_code == 204
    )  # finished: a retry attaches nothing
    doc = a.get(f"/v1/runs/{ex.run_id}").json()
    [photo] = doc["answers"]["s-photo"]["photos"]
    assert photo["sha256"] == sha(data) and photo["bytes"] == len(data)
    media = urlsplit(photo["url"])
    served = a.client.get(f"{media.path}?{media.query}")
    assert served.status_code == 200 and served.content == data
    assert served.headers["content-length"] == str(len(data))
    assert a.ctx.media.part_ids() == []
    # Replacing the photo removes the one no row uses any more, from whichever store.
    other = jpeg(1000)
    r = ex.call("PUT", "/answers/s-photo/photos/0", content=other, headers={"Content-Type": "image/jpeg"})
    assert r.status_code in (200, 201), r.text
    assert a.ctx.media.has_blob(sha(data)) is None and a.ctx.media.has_blob(sha(other)) is not None


def test_creation_with_upload_stores_the_first_bytes_and_another_app_finishes_the_upload(two_apps):
    """tus creation-with-upload on each store: the POST's body is the part's first committed bytes."""
    a, b = two_apps
    ex = Executor.start(a)
    data = jpeg(MIN_PART + 1_500_000)
    first = MIN_PART + 1_000  # S3 takes parts of at least MIN_PART
    meta = f"step_id {_b64('s-photo')},photo_index {_b64('0')},sha256 {_b64(sha(data))}"
    headers = {**V, **bearer(ex.token), "Upload-Length": str(len(data)), "Upload-Metadata": meta}
    r = a.client.post(
        f"/v1/runs/{ex.run_id}/uploads/",
        content=data[:first],
        headers={**headers, "Content-Type": "application/offset+octet-stream"},
    )
    assert r.status_code == 201 and r.headers["Upload-Offset"] == str(first), r.text
    url = r.headers["Location"]
    head = b.client.head(url, headers={**V, **bearer(ex.token)})
    assert head.headers["Upload-Offset"] == str(first)
    done = tus_patch(b, url, ex.token, first, data[first:])
    assert done.status_code == 204 and done.headers["Upload-Offset"] == str(len(data))
    [photo] = a.get(f"/v1/runs/{ex.run_id}").json()["answers"]["s-photo"]["photos"]
    assert photo["sha256"] == sha(data)
    assert a.ctx.media.part_ids() == []
    # A whole photo in the POST: attached by the creation itself.
    other = jpeg(40_000)
    meta = f"step_id {_b64('s-photo')},photo_index {_b64('1')},sha256 {_b64(sha(other))}"
    r = b.client.post(
        f"/v1/runs/{ex.run_id}/uploads/",
        content=other,
        headers={
            **headers,
            "Upload-Length": str(len(other)),
            "Upload-Metadata": meta,
            "Content-Type": "application/offset+octet-stream",
        },
    )
    assert r.status_code == 201 and r.headers["Upload-Offset"] == str(len(other)), r.text
    assert a.ctx.media.has_blob(sha(other)).size == len(other)


def _b64(text: str) -> str:
    import base64

    return base64.b64encode(text.encode()).decode()


# -- backups and migrations ----------------------------------------------------------------------------------
def test_referenced_photos_are_listed_streamed_and_copied_into_every_other_store(
    tmp_path, pg_cluster, s3_env
):
    """The iteration API (server.media.transfer) from files to PostgreSQL chunks to S3, checked by SHA-256."""
    from server.media.transfer import MediaCorrupt, copy_media, open_stream, referenced_media, write_one

    apis = make_api(tmp_path / "srv")
    api = next(apis)
    try:
        ex = Executor.start(api)
        photo, signature_like = jpeg(1_500_000), jpeg(3000)
        for index, data in enumerate((photo, signature_like)):
            r = ex.call(
                "PUT",
                f"/answers/s-photo/photos/{index}",
                content=data,
                headers={"Content-Type": "image/jpeg"},
            )
            assert r.status_code in (200, 201), r.text
        listed = referenced_media(api.ctx.db)
        assert sorted((m.sha256, m.size) for m in listed) == sorted(
            [(sha(photo), len(photo)), (sha(signature_like), len(signature_like))]
        )
        db = PostgresDatabase(pg_cluster.new_database())
        chunks, s3 = ChunkMediaStore(db), S3MediaStore.from_url(s3_env)
        try:
            assert copy_media(api.ctx.db, api.ctx.media, chunks).copied == 2
            report = copy_media(api.ctx.db, chunks, s3)
            assert (report.copied, report.present, report.missing) == (2, 0, [])
            assert copy_media(api.ctx.db, chunks, s3).present == 2  # again: nothing to copy
            assert b"".join(open_stream(s3, sha(photo))) == photo
            assert open_stream(s3, "0" * 64) is None
            with pytest.raises(MediaCorrupt):
                write_one(s3, "0" * 64, iter([b"not those bytes"]))
            assert s3.has_blob("0" * 64) is None
        finally:
            db.close()
    finally:
        apis.close()


def test_the_spec_s_rundun_s3_variables_are_read_and_win_over_boto3_s(s3_server, monkeypatch):
    """SPEC §9 names RUNDUN_S3_*; only boto3's AWS_* were read, so a server set up by the SPEC went to AWS."""
    url = f"s3://{s3_server.new_bucket('b' + secrets.token_hex(6))}/rundun"
    for key in ("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9")  # nothing there: RUNDUN_S3_ENDPOINT wins
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    monkeypatch.setenv("RUNDUN_S3_ENDPOINT", s3_server.endpoint)
    monkeypatch.setenv("RUNDUN_S3_ACCESS_KEY", "testing")
    monkeypatch.setenv("RUNDUN_S3_SECRET_KEY", "testing")
    store = S3MediaStore.from_url(url)
    try:
        store.put_blob(sha(b"photo"), b"photo")
        assert read_all(store, sha(b"photo"))[0] == b"photo"
    finally:
        store.close()
    monkeypatch.delenv("RUNDUN_S3_SECRET_KEY")
    with pytest.raises(BadMediaStore, match="RUNDUN_S3_SECRET_KEY"):
        S3MediaStore.from_url(url)
