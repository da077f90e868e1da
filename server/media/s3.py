"""Media in S3-compatible object storage (`RUNDUN_MEDIA_STORE=s3://bucket/prefix`): every server process,
on any machine, reaches every photo and every unfinished upload. The client is boto3, configured the AWS
way from the environment: `AWS_ENDPOINT_URL_S3` (or `AWS_ENDPOINT_URL`) for a store other than AWS's,
`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION` (or a profile, an instance role…), or by the
names SPEC §9 gives, which win when set: `RUNDUN_S3_ENDPOINT`, `RUNDUN_S3_ACCESS_KEY`, `RUNDUN_S3_SECRET_KEY`,
`RUNDUN_S3_REGION` (`s3_settings`).

Objects under the prefix:
- `blobs/<sha256>`: a photo, written with one PUT (durable once S3 answers).
- `uploads/<id>`: an unfinished upload is ONE multipart upload of this key, as tusd's S3 store does. Parts
  must be at least 5 MiB (S3's rule, but for the last), so the bytes after the last part — the tail —
  go to `uploads/<id>.tail-<offset>`, one object naming the offset it completes, PUT at each commit; the
  next PATCH reads it back and sends it, with what follows, as the next part once that reaches 5 MiB.
  Finishing sends the rest as the last part and completes the multipart upload.

What a PATCH finds at the upload's acknowledged offset A: the tail object `tail-<A>` (T bytes, or none),
and the first parts whose sizes add up to A − T. Parts beyond them (sent, never acknowledged: a crash
before the database's offset moved) are overwritten by the next ones with the same numbers and left out
of the completion; other tail objects are stale and deleted.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from typing import Any

from server.media.base import READ_CHUNK, Blob, MediaStore, Part, PartLost, StoredMedia
from server.store.writer import Claim

MIN_PART = 5 << 20  # S3's smallest part but the last
_TAIL = re.compile(r"\.tail-(\d+)$")


def _missing(exc: Exception) -> bool:
    response = getattr(exc, "response", None) or {}
    return str(response.get("Error", {}).get("Code")) in {"404", "NoSuchKey", "NotFound", "NoSuchUpload"}


class S3Blob(Blob):
    def __init__(self, client: Any, bucket: str, key: str, size: int):
        self.client, self.bucket, self.key, self.size = client, bucket, key, size

    def chunks(self) -> Iterator[bytes]:
        body = self.client.get_object(Bucket=self.bucket, Key=self.key)["Body"]
        try:
            yield from body.iter_chunks(READ_CHUNK)
        finally:
            body.close()


class S3Part(Part):
    def __init__(self, store: S3MediaStore, upload_id: str, offset: int):
        self.store, self.client, self.bucket = store, store.client, store.bucket
        self.key = store.upload_key(upload_id)
        self.multipart: str | None = self._find_multipart()
        parts = self._list_parts()
        tails = self._tail_objects()
        tail_key = f"{self.key}.tail-{offset}"
        tail = b""
        if offset and tail_key in tails:
            tail = self.client.get_object(Bucket=self.bucket, Key=tail_key)["Body"].read()
        kept, total = [], 0
        for part in parts:  # the first parts that, with the tail, make the acknowledged offset
            if total + len(tail) == offset:
                break
            kept.append({"PartNumber": part["PartNumber"], "ETag": part["ETag"]})
            total += part["Size"]
        if total + len(tail) != offset:
            raise PartLost()
        for stale in tails - {tail_key}:
            self.client.delete_object(Bucket=self.bucket, Key=stale)
        self.offset = self.end = offset  # end: every byte appended so far
        self.parts = kept
        self.buffer: list[bytes] = [tail] if tail else []  # the bytes after the last part sent
        self.buffered = len(tail)
        self.committed: tuple[list[dict], bytes] = (list(kept), tail)
        self.tail_keys: list[str | None] = [tail_key if tail else None]  # the last two commits' tails

    # -- what S3 holds ---------------------------------------------------------------------------------------
    def _find_multipart(self) -> str | None:
        found = self.client.list_multipart_uploads(Bucket=self.bucket, Prefix=self.key)
        ids = [u["UploadId"] for u in found.get("Uploads", []) if u["Key"] == self.key]
        return ids[0] if ids else None

    def _list_parts(self) -> list[dict]:
        if self.multipart is None:
            return []
        parts: list[dict] = []
        marker = 0
        while True:
            page = self.client.list_parts(
                Bucket=self.bucket, Key=self.key, UploadId=self.multipart, PartNumberMarker=marker
            )
            parts.extend(page.get("Parts", []))
            if not page.get("IsTruncated"):
                return sorted(parts, key=lambda p: p["PartNumber"])
            marker = page["NextPartNumberMarker"]

    def _tail_objects(self) -> set[str]:
        page = self.client.list_objects_v2(Bucket=self.bucket, Prefix=f"{self.key}.tail-")
        return {o["Key"] for o in page.get("Contents", []) if _TAIL.search(o["Key"])}

    def _send_part(self, data: bytes) -> None:
        if self.multipart is None:
            self.multipart = self.client.create_multipart_upload(Bucket=self.bucket, Key=self.key)["UploadId"]
        number = len(self.parts) + 1
        answer = self.client.upload_part(
            Bucket=self.bucket, Key=self.key, UploadId=self.multipart, PartNumber=number, Body=data
        )
        self.parts.append({"PartNumber": number, "ETag": answer["ETag"]})

    # -- Part ------------------------------------------------------------------------------------------------
    def append(self, pieces: list[bytes]) -> None:
        for piece in pieces:
            self.buffer.append(piece)
            self.buffered += len(piece)
            self.end += len(piece)
        if self.buffered >= MIN_PART:  # a whole part: sent now, so memory stays bounded
            self._send_part(self._take())

    def _take(self) -> bytes:
        data = b"".join(self.buffer)
        self.buffer, self.buffered = [], 0
        return data

    def commit(self) -> None:
        """The tail (the bytes after the last part, < 5 MiB) as the object `tail-<offset>`; the tail of the
        commit before the last goes (the last one is acknowledged until this one is)."""
        if self.end == self.offset:
            return
        tail = self._take()
        key = f"{self.key}.tail-{self.end}" if tail else None
        if key:
            self.client.put_object(Bucket=self.bucket, Key=key, Body=tail)
            self.buffer, self.buffered = [tail], len(tail)
        self.offset = self.end
        self.committed = (list(self.parts), tail)
        self.tail_keys.append(key)
        while len(self.tail_keys) > 2:
            old = self.tail_keys.pop(0)
            if old and old not in self.tail_keys:
                self.client.delete_object(Bucket=self.bucket, Key=old)

    def rollback(self) -> None:
        self.parts, tail = list(self.committed[0]), self.committed[1]
        self.buffer, self.buffered = ([tail] if tail else []), len(tail)
        self.end = self.offset

    def finish(self) -> None:
        """The rest as the last part (any size), then the multipart upload completed: durable and whole."""
        last = self._take()
        if last or not self.parts:
            self._send_part(last)
        assert self.multipart is not None
        self.client.complete_multipart_upload(
            Bucket=self.bucket, Key=self.key, UploadId=self.multipart, MultipartUpload={"Parts": self.parts}
        )
        self.multipart = None
        self.offset = self.end
        for key in self._tail_objects():
            self.client.delete_object(Bucket=self.bucket, Key=key)

    def read(self) -> Iterator[bytes]:
        return S3Blob(self.client, self.bucket, self.key, self.offset).chunks()

    def head(self, size: int) -> bytes:
        answer = self.client.get_object(Bucket=self.bucket, Key=self.key, Range=f"bytes=0-{size - 1}")
        return answer["Body"].read()

    def close(self) -> None:
        pass


# SPEC §9's names → boto3.client's arguments. An operator who followed the SPEC got boto3's defaults (AWS
# itself) without a word: these were not read at all.
RUNDUN_S3_VARIABLES = {
    "RUNDUN_S3_ENDPOINT": "endpoint_url",
    "RUNDUN_S3_ACCESS_KEY": "aws_access_key_id",
    "RUNDUN_S3_SECRET_KEY": "aws_secret_access_key",
    "RUNDUN_S3_REGION": "region_name",
}


def s3_settings(environ: Mapping[str, str]) -> dict[str, str]:
    """The client's arguments from the `RUNDUN_S3_*` variables that are set (they take precedence over boto3's
    own `AWS_*`, which still apply to what they leave unset); a key without its secret is refused."""
    from server.media import BadMediaStore

    chosen = {arg: environ[name] for name, arg in RUNDUN_S3_VARIABLES.items() if environ.get(name)}
    if ("aws_access_key_id" in chosen) != ("aws_secret_access_key" in chosen):
        raise BadMediaStore("set both RUNDUN_S3_ACCESS_KEY and RUNDUN_S3_SECRET_KEY, or neither")
    return chosen


class S3MediaStore(MediaStore):
    name = "s3"
    remote = True  # its existence checks and deletes are S3 calls: made off the writer thread (MediaStore)

    def __init__(self, client: Any, bucket: str, prefix: str):
        self.client, self.bucket = client, bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""

    @classmethod
    def from_url(cls, url: str) -> S3MediaStore:
        """`s3://bucket/prefix`, the client from the environment; the bucket must exist and answer."""
        from server.media import BadMediaStore

        bucket, _, prefix = url.removeprefix("s3://").partition("/")
        if not bucket:
            raise BadMediaStore("RUNDUN_MEDIA_STORE=s3://… must name a bucket: s3://bucket/prefix")
        try:
            import boto3
            from botocore.config import Config
            from botocore.exceptions import BotoCoreError, ClientError
        except ImportError:
            raise BadMediaStore("RUNDUN_MEDIA_STORE=s3://… needs boto3: pip install 'rundun[s3]'") from None
        client = boto3.client("s3", config=Config(retries={"mode": "standard"}), **s3_settings(os.environ))
        try:
            client.head_bucket(Bucket=bucket)
        except (BotoCoreError, ClientError) as exc:
            raise BadMediaStore(f"cannot use the S3 bucket {bucket!r}: {exc}") from None
        return cls(client, bucket, prefix)

    def blob_key(self, sha256: str) -> str:
        return f"{self.prefix}blobs/{sha256}"

    def upload_key(self, upload_id: str) -> str:
        return f"{self.prefix}uploads/{upload_id}"

    def _size(self, key: str) -> int | None:
        try:
            return int(self.client.head_object(Bucket=self.bucket, Key=key)["ContentLength"])
        except Exception as exc:
            if _missing(exc):
                return None
            raise

    # -- photos ----------------------------------------------------------------------------------------------
    def put_blob(self, sha256: str, data: bytes) -> None:
        if self._size(self.blob_key(sha256)) is None:
            self.client.put_object(Bucket=self.bucket, Key=self.blob_key(sha256), Body=data)

    def blob_present(self, conn: Any, sha256: str) -> bool:
        return self._size(self.blob_key(sha256)) is not None

    def delete_blob(self, conn: Any, sha256: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self.blob_key(sha256))

    def open_blob(self, sha256: str) -> Blob | None:
        size = self._size(self.blob_key(sha256))
        return None if size is None else S3Blob(self.client, self.bucket, self.blob_key(sha256), size)

    def has_blob(self, sha256: str) -> StoredMedia | None:
        size = self._size(self.blob_key(sha256))
        return None if size is None else StoredMedia(sha256, size)

    # -- unfinished uploads ----------------------------------------------------------------------------------
    def open_part(self, upload_id: str, offset: int, claim: Claim | None = None) -> Part:
        return S3Part(self, upload_id, offset)

    def promote(self, upload_id: str, sha256: str) -> None:
        """A copy inside S3 from the completed upload (no byte through the server)."""
        if self._size(self.blob_key(sha256)) is None:
            self.client.copy_object(
                Bucket=self.bucket,
                Key=self.blob_key(sha256),
                CopySource={"Bucket": self.bucket, "Key": self.upload_key(upload_id)},
            )

    def discard(self, upload_id: str) -> None:
        key = self.upload_key(upload_id)
        found = self.client.list_multipart_uploads(Bucket=self.bucket, Prefix=key)
        for upload in found.get("Uploads", []):
            if upload["Key"] == key:
                self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload["UploadId"])
        listed = self.client.list_objects_v2(Bucket=self.bucket, Prefix=key)
        for obj in listed.get("Contents", []):
            if obj["Key"] == key or _TAIL.search(obj["Key"]):
                self.client.delete_object(Bucket=self.bucket, Key=obj["Key"])

    def part_ids(self) -> list[str]:
        base = f"{self.prefix}uploads/"
        keys: set[str] = set()
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=base):
            keys.update(o["Key"] for o in page.get("Contents", []))
        found = self.client.list_multipart_uploads(Bucket=self.bucket, Prefix=base)
        keys.update(u["Key"] for u in found.get("Uploads", []))
        return sorted({_TAIL.sub("", key.removeprefix(base)) for key in keys})
