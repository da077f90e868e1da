"""An error-path sweep of the real server: what a careless or hostile client sends to every endpoint (wrong
JSON types, nulls, empty and 10 KB strings, U+0000 and emoji in ids and query values, numbers as strings,
out-of-range pages, unknown and repeated parameters, bodies on GETs, wrong methods, huge headers, a
`Content-Length` that lies) gets the documented status and error code: never a 500, never a traceback, and
the stored state is as it was.

One table, one server: each row is a request and what it must answer. `{run}`, `{template}` and `{upload}`
stand for real ids of the world the module builds."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
import pytest

from server.serving import MAX_HEAD_BYTES
from tests.e2e.hostile import World, serve_world
from tests.support.fixtures import BACKENDS

AT = "2026-01-01T00:00:00Z"
LONG = "x" * 10_000
NUL = "\x00"
EMOJI = "\U0001f600"


@dataclass(frozen=True)
class Case:
    """One request and its documented answer. `query` is sent as given (a list keeps repeats and order);
    `body` is JSON unless it is bytes; `auth` names the credential: the API key, the executor's token or
    none."""

    method: str
    path: str
    status: int | tuple[int, ...]  # a tuple: any of these (where the server's answers differ by route)
    error: str | tuple[str, ...] | None = None
    query: list[tuple[str, str]] = field(default_factory=list)
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    auth: str = "api"
    detail_path: str | None = None  # a 422's `details` must name this path (or one under it)

    def id(self) -> str:
        q = "&".join(f"{k}={v}" for k, v in self.query)
        body = self.body if isinstance(self.body, bytes) else json.dumps(self.body)
        return f"{self.method} {self.path}?{q} {body[:60]!r}"


LISTS = [
    "/v1/runs",
    "/v1/templates",
    "/v1/templates/{template}/versions",
    "/v1/plans",
    "/v1/api-keys",
    "/v1/members",
    "/v1/runs/{run}/webhook-deliveries",
    "/v1/runs/{run}/history",
    "/v1/library",
]
BAD_PER_PAGE = ["0", "201", "-1", "1e30", "abc", "", "1.5", "\u0663", "9" * 30, NUL, EMOJI, "0x10"]
BAD_PAGE = ["0", "-1", "1e30", "abc", "", "9" * 30, NUL, str(2**63 - 1), "1000001"]


def paging_cases() -> Iterator[Case]:
    for path in LISTS:
        for value in BAD_PER_PAGE:
            yield Case("GET", path, 422, "validation_error", [("per_page", value)], detail_path="per_page")
        for value in BAD_PAGE:
            yield Case("GET", path, 422, "validation_error", [("page", value)], detail_path="page")
        yield Case("GET", path, 200, query=[("per_page", "1"), ("per_page", "2")])  # the last one counts
        yield Case("GET", path, 200, query=[("unknown", "1"), ("utm_source", LONG)])  # unknown: ignored
        yield Case("GET", path, 200, query=[("page", "1000000")])  # far past the end: an empty page
        yield Case("GET", path, 200, query=[("per_page", "1_0")])  # Python's int("1_0"): read as 10, harmless
        yield Case("GET", path, 200, body=b"this is not JSON")  # a body on a GET is not read


def query_cases() -> Iterator[Case]:
    bad = "validation_error"
    for name, value in [
        ("status", "bogus"),
        ("status", NUL),
        ("updated_since", "yesterday"),
        ("updated_since", "2026-02-30T00:00:00Z"),
        ("created_since", NUL),
        ("created_before", "1e30"),
        ("flagged", "maybe"),
        ("template_v", "abc"),
        ("template_v", "9" * 30),
        ("sort", "bogus"),
        ("include_total", "sometimes"),
    ]:
        yield Case("GET", "/v1/runs", 422, bad, [(name, value)], detail_path=name)
    for name in ("executor_ref", "template_id", "executor_ref_prefix"):
        for value in (EMOJI, "%", "'; DROP TABLE runs; --"):  # text that matches nothing: an empty list
            yield Case("GET", "/v1/runs", 200, query=[(name, value)])
    for name in ("executor_ref", "template_id", "executor_ref_prefix", "after"):
        for value in (NUL, LONG):  # U+0000 (PostgreSQL's text cannot hold it) and past the length limit
            yield Case("GET", "/v1/runs", 422, bad, [(name, value)], detail_path=name)
    for value in (EMOJI, "'; --"):
        yield Case("GET", "/v1/runs", 422, bad, [("after", value)], detail_path="after")  # not a cursor
    for path in ("/v1/templates", "/v1/library"):
        for name in ("q", "tag"):
            for value in (EMOJI, "%_", "\\"):  # LIKE's wildcards and escape match themselves
                yield Case("GET", path, 200, query=[(name, value)])
            for value in (NUL, LONG):
                yield Case("GET", path, 422, bad, [(name, value)], detail_path=name)
    for value in ("abc", "0", "-1", "1e30", "9" * 30, NUL):
        yield Case("GET", "/v1/templates/{template}", 422, bad, [("v", value)], detail_path="v")
    yield Case("GET", "/v1/templates/{template}", 404, "template_not_found", [("v", "2")])
    for value in (NUL, LONG):
        yield Case("GET", "/v1/templates/{template}", 422, bad, [("lang", value)], detail_path="lang")
    for value in ("zz", EMOJI):  # a language the template lacks: its first language (SPEC §15)
        yield Case("GET", "/v1/templates/{template}", 200, query=[("lang", value)])
    yield Case("GET", "/v1/runs/{run}", 422, bad, [("include", "everything")], detail_path="include")
    for name, value in [
        ("from", "2026-02-30"),
        ("from", "abc"),
        ("to", ""),
        ("to", NUL),
        ("tz", "Atlantis/Capital"),
        ("tz", "../../../../etc/passwd"),
        ("tz", NUL),
        ("tz", LONG),
        ("bucket", "YEAR"),
    ]:
        yield Case("GET", "/v1/stats/runs", 422, bad, [(name, value)], detail_path=f"query.{name}")
    yield Case("GET", "/v1/stats/runs", 422, bad, [("from", "2026-05-02"), ("to", "2026-05-01")])
    yield Case("GET", "/v1/stats/runs", 422, bad, [("from", "2024-01-01"), ("to", "2026-01-01")])
    for name, value in [("v", "abc"), ("v", "0"), ("v", "9" * 30), ("v", NUL), ("from", "abc"),
                        ("to", NUL), ("tz", "Mars/Olympus")]:  # fmt: skip
        yield Case(
            "GET", "/v1/templates/{template}/stats", 422, bad, [(name, value)], detail_path=f"query.{name}"
        )
    yield Case("GET", "/v1/templates/{template}/stats", 404, "template_not_found", [("v", "2")])
    for name, value in [("v", "abc"), ("status", "bogus")]:
        yield Case("GET", "/v1/templates/{template}/runs.csv", 422, bad, [(name, value)])
    yield Case("GET", "/v1/templates/{template}/translations/de", 422, bad, [("format", "pdf")])
    yield Case("GET", "/v1/runs/{run}/history", 422, bad, [("after", "abc")], detail_path="after")
    for query in ([], [("exp", "abc"), ("sig", "zz")], [("exp", "9" * 20), ("sig", "0" * 64)]):
        yield Case("GET", "/media/{run}/s-1/photo_0.jpg", 403, "forbidden", query, auth="none")
    for query in ([("exp", "1"), ("sig", NUL)], [("exp", "9" * 30), ("sig", "0")]):
        yield Case("GET", "/media/{run}/s-1/photo_0.jpg", 422, bad, query, auth="none")


# An id no resource has: 404 with the resource's code. One holding U+0000: 404 `not_found` (`NoNul`, before any
# route). One past the ids' length limit: 422 where the route checks the length, else 404.
UNKNOWN_IDS = [EMOJI, " ", "%", "'; --"]
NOT_FOUND = (404, "not_found")
TOO_LONG = ((404, 422), ("run_not_found", "template_not_found", "not_found", "validation_error"))


def path_cases() -> Iterator[Case]:
    runs = [("r-00000000-0000-4000-8000-000000000000", (404, "run_not_found"))]
    runs += [(raw, (404, "run_not_found")) for raw in UNKNOWN_IDS]
    runs += [(NUL, NOT_FOUND), ("r-" + NUL, NOT_FOUND), ("r-" + LONG, TOO_LONG)]
    for raw, (status, error) in runs:
        run = quote(raw, safe="")
        yield Case("GET", f"/v1/runs/{run}", status, error)
        yield Case("GET", f"/v1/runs/{run}/preview", status, error, auth="none")
        yield Case("GET", f"/v1/runs/{run}/history", status, error)
        yield Case("POST", f"/v1/runs/{run}/cancel", status, error)
        yield Case("POST", f"/v1/runs/{run}/open", status, error, body={}, auth="none")
        yield Case("GET", f"/v1/runs/{run}/state", status, error, auth="executor")
        yield Case("PUT", f"/v1/runs/{run}/answers/s-1", status, error, body={"value": True, "at": AT},
                   auth="executor")  # fmt: skip
        yield Case("POST", f"/v1/runs/{run}/uploads/", status, error, auth="executor",
                   headers={"Tus-Resumable": "1.0.0", "Upload-Length": "10"})  # fmt: skip
    templates = [("t-00000000-0000-4000-8000-000000000000", (404, "template_not_found"))]
    templates += [(raw, (404, "template_not_found")) for raw in UNKNOWN_IDS]
    templates += [(NUL, NOT_FOUND), ("t-" + LONG, TOO_LONG)]
    for raw, (status, error) in templates:
        template = quote(raw, safe="")
        yield Case("GET", f"/v1/templates/{template}", status, error)
        yield Case("PATCH", f"/v1/templates/{template}", status, error, body={"name": "x"})
        yield Case("DELETE", f"/v1/templates/{template}", status, error)
        yield Case("GET", f"/v1/templates/{template}/stats", status, error)
        yield Case("GET", f"/v1/templates/{template}/versions", status, error)
    for raw in UNKNOWN_IDS:
        yield Case("POST", "/v1/runs", 404, "template_not_found", body={"template_id": raw})
    for raw in (NUL, LONG):
        yield Case(
            "POST", "/v1/runs", 422, "validation_error", body={"template_id": raw}, detail_path="template_id"
        )
    for raw in [*UNKNOWN_IDS, NUL, LONG]:
        other = quote(raw, safe="")
        status, error = TOO_LONG if raw == LONG else NOT_FOUND
        yield Case("DELETE", f"/v1/api-keys/{other}", status, error)
        yield Case("DELETE", f"/v1/members/{other}", status, error)
        yield Case("POST", f"/v1/webhook-deliveries/{other}/redeliver", status, error)
        yield Case("GET", f"/v1/library/{other}", status, error)
        yield Case("HEAD", f"/v1/runs/{{run}}/uploads/{other}", status, auth="executor",
                   headers={"Tus-Resumable": "1.0.0"})  # fmt: skip
    for raw in UNKNOWN_IDS:  # a step the run's template does not have
        yield Case("PUT", f"/v1/runs/{{run}}/answers/{quote(raw, safe='')}", 422, "validation_error",
                   body={"value": True, "at": AT}, auth="executor", detail_path="step_id")  # fmt: skip
    yield Case("PUT", "/v1/runs/{run}/answers/%00", 404, "not_found", body={"value": True, "at": AT},
               auth="executor")  # fmt: skip
    yield Case("PUT", "/v1/runs/{run}/answers/s-1/photos/%00", 404, "not_found", body=b"\xff\xd8\xff",
               headers={"Content-Type": "image/jpeg"}, auth="executor")  # fmt: skip
    for index in ("-1", "abc", "1e30", "9" * 30):
        yield Case("PUT", f"/v1/runs/{{run}}/answers/s-1/photos/{quote(index, safe='')}", 422, "validation_error",
                   body=b"\xff\xd8\xff", headers={"Content-Type": "image/jpeg"}, auth="executor")  # fmt: skip


def body_cases() -> Iterator[Case]:
    bad = "validation_error"
    run = {"template_id": "{template}"}
    for name, value in [
        ("template_id", 123),
        ("template_id", ["t-1"]),
        ("expires_in_hours", "24"),
        ("expires_in_hours", -1),
        ("expires_in_hours", 0),
        ("expires_in_hours", 8761),
        ("expires_in_hours", 1e30),
        ("expires_in_hours", True),
        ("executor_ref", 123),
        ("executor_ref", {"a": 1}),
        ("webhook", "https://x.example"),
        ("webhook", {"url": "ftp://x.example"}),
        ("webhook", {"url": "https://x.example", "events": ["bogus"]}),
        ("webhook", {"url": "https://x.example", "events": "run.completed"}),
        ("language", 5),
        ("language", "xx"),
    ]:
        yield Case("POST", "/v1/runs", 422, bad, body={**run, name: value}, detail_path=name)
    for body in (b"", b"null", b"[]", b'"t-1"', b"{", b'{"template_id": }'):
        yield Case("POST", "/v1/runs", 400, "bad_request", body=body)
    yield Case("POST", "/v1/runs", 400, "bad_request", body={})
    yield Case("POST", "/v1/runs", 422, bad, body={"template_id": None}, detail_path="template_id")  # present
    for name, value in [("name", None), ("name", ""), ("name", LONG), ("name", 5), ("tags", "x"),
                        ("sections", {}), ("sections", []), ("settings", "on")]:  # fmt: skip
        body = {"name": "T", "sections": [{"id": "g-1", "title": "A", "steps": [
            {"id": "s-1", "type": "boolean", "label": "ok?"}]}], name: value}  # fmt: skip
        yield Case("POST", "/v1/templates", 422, bad, body=body)
        yield Case("PATCH", "/v1/templates/{template}", 422, bad, body={name: value})
    for body in (
        {"name": 123},
        {"name": ""},
        {"settings": {"default_expires_in_hours": "48"}},
        {"settings": []},
    ):
        yield Case("PATCH", "/v1/org", 422, bad, body=body)
    for body in ({"name": 123}, {"name": ""}, {"name": LONG}, {"name": [None]}):
        yield Case("POST", "/v1/api-keys", 422, bad, body=body)
    for body in ({"name": "A", "email": "not-an-email"}, {"name": 1, "email": "a@example.com"},
                 {"name": "A", "email": LONG + "@example.com"}):  # fmt: skip
        yield Case("POST", "/v1/members", 422, bad, body=body)
    for body in ({"prompt": ""}, {"prompt": "x" * 4001}, {}):  # SPEC §3: 1–4,000 characters, else 400
        yield Case("POST", "/v1/templates/generate", 400, "bad_request", body=body)
    yield Case("POST", "/v1/templates/generate", 422, bad, body={"prompt": 5}, detail_path="prompt")
    answer = "/v1/runs/{run}/answers/s-1"
    for body in (
        {"value": "yes", "at": AT},
        {"value": 1, "at": AT},
        {"value": True, "at": "yesterday"},
        {"value": True, "at": 123},
        {"value": True, "at": AT, "skipped": "true"},
        {"value": True, "at": AT, "geo": {"lat": "1", "lng": 2, "accuracy_m": 3}},
        {"value": True, "at": AT, "geo": {"lat": 91, "lng": 2, "accuracy_m": 3}},
        {"value": True, "at": AT, "geo": "here"},
    ):
        yield Case("PUT", answer, 422, bad, body=body, auth="executor")
    yield Case("PUT", answer, 400, "bad_request", body={"at": AT}, auth="executor")
    for body in ({"ops": {}}, {"ops": "x"}, {"ops": [{"op_id": 1, "step_id": "s-1", "value": True, "at": AT}]},
                 {"ops": [None]}):  # fmt: skip
        yield Case("POST", "/v1/runs/{run}/sync", 422, bad, body=body, auth="executor")
    for body in ({"at": None}, {"at": "soon"}, {"at": 0}):
        yield Case("POST", "/v1/runs/{run}/complete", 422, bad, body=body, auth="executor")
    for body in ({"reason": 5}, {"reason": LONG}):
        yield Case("POST", "/v1/runs/{run}/exit", 422, bad, body=body, auth="executor")


def method_and_header_cases() -> Iterator[Case]:
    for method, path in [
        ("PUT", "/v1/org"),
        ("DELETE", "/v1/runs"),
        ("POST", "/v1/health"),
        ("PATCH", "/v1/runs/{run}"),
        ("GET", "/v1/runs/{run}/complete"),
        ("PUT", "/v1/templates"),
        ("POST", "/v1/stats/runs"),
    ]:
        yield Case(method, path, 405, "method_not_allowed", body={})
    for method in ("OPTIONS", "TRACE"):
        yield Case(method, "/v1/org", 405, "method_not_allowed")
    yield Case("GET", "/v1/nothing-here", 404, "not_found")
    yield Case("GET", "/v1/health", 422, "validation_error", [("x", NUL)], auth="none", detail_path="x")
    template = {"name": "T", "sections": []}  # parsed whatever the body's encoding or charset says: 422
    for content, kind in [
        (json.dumps(template).encode("utf-16"), "application/json"),
        (b"\xef\xbb\xbf" + json.dumps(template).encode(), "application/json"),
        (json.dumps(template).encode(), "application/json; charset=latin-1"),
    ]:
        yield Case("POST", "/v1/templates", (400, 422), ("bad_request", "validation_error"), body=content,
                   headers={"Content-Type": kind})  # fmt: skip
    yield Case("POST", "/v1/templates", 400, "bad_request", body=b"\x1f\x8b\x08\x00",
               headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})  # fmt: skip
    yield Case("POST", "/v1/templates", 415, "unsupported_media_type", body=b'{"name": "T"}',
               headers={"Content-Type": "text/plain"})  # fmt: skip
    yield Case(
        "GET", "/v1/org", 401, "unauthorized", headers={"Authorization": "Bearer " + LONG}, auth="none"
    )
    yield Case("GET", "/v1/org", 401, "unauthorized", headers={"Authorization": "Basic YTpi"}, auth="none")
    yield Case("GET", "/v1/org", 401, "unauthorized", headers={"Authorization": "Bearer rdk_live_" + "A" * 32},
               auth="none")  # fmt: skip
    yield Case("GET", "/v1/org", 200, headers={"X-Padding": LONG})
    yield Case("GET", "/v1/runs/{run}/preview", 200, headers={"Accept-Language": "zz, *;q=0.1"}, auth="none")
    yield Case("GET", "/v1/runs/{run}/preview", 422, "validation_error", headers={"Accept-Language": LONG},
               auth="none", detail_path="Accept-Language")  # fmt: skip
    yield Case("GET", "/v1/runs/{run}/state", 200, headers={"Rundun-Device": LONG}, auth="executor")
    yield Case("POST", "/v1/runs", 422, "validation_error", body={"template_id": "{template}"},
               headers={"Idempotency-Key": "k" * 256})  # fmt: skip
    uploads = "/v1/runs/{run}/uploads/"
    for headers, status in [
        ({"Upload-Length": "10"}, 412),
        ({"Tus-Resumable": "0.2.2", "Upload-Length": "10"}, 412),
        ({"Tus-Resumable": "1.0.0", "Upload-Length": "-1"}, 400),
        ({"Tus-Resumable": "1.0.0", "Upload-Length": "abc"}, 400),
        ({"Tus-Resumable": "1.0.0", "Upload-Length": "9" * 30}, 413),
        ({"Tus-Resumable": "1.0.0", "Upload-Length": "10", "Upload-Metadata": "step_id !!!"}, 400),
    ]:
        yield Case("POST", uploads, status, None, headers=headers, auth="executor")


def template_cases() -> Iterator[Case]:
    bad = "validation_error"
    for kind in ([], {}, True, [None], {"a": None}):  # unhashable: a 500 in the translations' check
        step = {"id": "s-1", "type": kind, "label": "ok?"}
        sections = [{"id": "g-1", "title": "A", "steps": [step]}]
        where = "sections[0].steps[0].type"
        yield Case(
            "PATCH", "/v1/templates/{template}", 422, bad, body={"sections": sections}, detail_path=where
        )
        body = {"name": "T", "sections": sections, "translations": {}}
        yield Case("POST", "/v1/templates", 422, bad, body=body, detail_path=where)
    for value in ("abc", '"3"x', "", "-1"):
        yield Case("PATCH", "/v1/templates/{template}", 422, bad, body={"name": "N"}, headers={"If-Match": value},
                   detail_path="If-Match")  # fmt: skip
    yield Case("PATCH", "/v1/templates/{template}", 409, "version_conflict", body={"name": "N"},
               headers={"If-Match": '"999"'})  # fmt: skip
    translations = "/v1/templates/{template}/translations/de"
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b"<xliff><file><body><trans-unit id='name'><source>&b;</source></trans-unit></body></file></xliff>")  # fmt: skip
    for body, kind in [
        (bomb, "application/xliff+xml"),
        (b"<xliff", "application/xliff+xml"),
        (b"\xff\xfe\x00garbage", "text/csv"),
        (b"key,source\nname", "text/csv"),
        (b"", "text/csv"),
    ]:
        fmt = "xliff" if "xliff" in kind else "csv"
        yield Case("PUT", translations, (400, 422), ("bad_request", bad), [("format", fmt)], body=body,
                   headers={"Content-Type": kind})  # fmt: skip


def photo_cases() -> Iterator[Case]:
    photo = "/v1/runs/{prun}/answers/s-p/photos/0"
    jpeg = {"Content-Type": "image/jpeg"}
    for body in (b"", b"GIF89a" + bytes(64), b"hello, not an image", b"\xff\xd8"):
        yield Case("PUT", photo, 415, "unsupported_media_type", body=body, headers=jpeg, auth="photo")
    jpeg_bytes = b"\xff\xd8\xff\xe0" + bytes(64)
    # (an algorithm other than sha-256 alone is ignored, as RFC 9530 lets a recipient: that photo is stored)
    for digest in ("garbage", "sha-256=:AAAA:", "sha-256=:" + "A" * 43 + "=:", "sha-256=:!!:, md5=:AAAA:"):
        yield Case("PUT", photo, 400, "bad_request", body=jpeg_bytes, headers={**jpeg, "Content-Digest": digest},
                   auth="photo")  # fmt: skip
    yield Case("PUT", "/v1/runs/{prun}/answers/s-p/photos/2", 422, "validation_error", body=jpeg_bytes,
               headers=jpeg, auth="photo")  # fmt: skip  # index below the step's max (2)
    yield Case("PUT", "/v1/runs/{run}/answers/s-text/photos/0", 422, "validation_error", body=jpeg_bytes,
               headers=jpeg, auth="executor")  # fmt: skip  # a step that takes no photos
    yield Case(
        "PUT", photo, 401, "unauthorized", body=jpeg_bytes, headers=jpeg, auth="executor"
    )  # another run's
    yield Case("DELETE", "/v1/runs/{prun}/answers/s-p/photos/abc", 422, "validation_error", auth="photo")
    for body in (b"", jpeg_bytes, b"not a png"):
        yield Case("PUT", "/v1/runs/{prun}/signature", (415, 422), ("unsupported_media_type", "validation_error"),
                   body=body, headers={"Content-Type": "image/png"}, auth="photo")  # fmt: skip
    yield Case("POST", "/v1/runs/{run}/open", 409, "run_already_opened", body={})
    yield Case("POST", "/v1/runs/{run}/open", 422, "validation_error", body={"language": 5}, auth="none",
               detail_path="language")  # fmt: skip


def tus_cases() -> Iterator[Case]:
    uploads, upload = "/v1/runs/{prun}/uploads/", "/v1/runs/{prun}/uploads/{upload}"
    tus = {"Tus-Resumable": "1.0.0"}
    chunk = {**tus, "Content-Type": "application/offset+octet-stream"}
    for metadata in ("", "step_id", "step_id cy1w", "photo_index MQ==", "step_id cy1w,photo_index YWJj",
                     "step_id cy1w,photo_index OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "step_id !!!,photo_index MQ==",
                     "step_id cy1w,step_id cy1w,photo_index MQ=="):  # fmt: skip
        yield Case("POST", uploads, (400, 422), ("bad_request", "validation_error"), auth="photo",
                   headers={**tus, "Upload-Length": "10", "Upload-Metadata": metadata})  # fmt: skip
    yield Case("POST", uploads, 400, "bad_request", auth="photo", headers={**tus, "Upload-Defer-Length": "1"})
    for headers, status, error in [
        ({**tus, "Content-Type": "text/plain", "Upload-Offset": "0"}, 415, "unsupported_media_type"),
        ({**chunk, "Upload-Offset": "abc"}, 400, "bad_request"),
        ({**chunk, "Upload-Offset": "-1"}, 400, "bad_request"),
        ({**chunk, "Upload-Offset": "9" * 30}, (400, 409), ("bad_request", "conflict")),
        ({**chunk, "Upload-Offset": "5"}, 409, "conflict"),
        ({**chunk}, 400, "bad_request"),
        ({**chunk, "Upload-Offset": "0", "Upload-Checksum": "md5 AAAA"}, 400, "bad_request"),
        ({**chunk, "Upload-Offset": "0", "Upload-Checksum": "sha256 !!!"}, 400, "bad_request"),
        ({"Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}, 412, None),
    ]:
        yield Case("PATCH", upload, status, error, body=b"abc",
                   headers=headers, auth="photo")  # fmt: skip
    yield Case("PATCH", upload, 400, "bad_request", body=b"x" * 11, headers={**chunk, "Upload-Offset": "0"},
               auth="photo")  # fmt: skip  # past its Upload-Length
    yield Case("DELETE", "/v1/runs/{prun}/uploads/u-unknown", 404, None, headers=tus, auth="photo")
    yield Case("HEAD", upload, 401, None, headers=tus, auth="executor")  # another run's token


def closed_run_cases() -> Iterator[Case]:
    """A cancelled run refuses every change with 409 `run_closed`; a body that is wrong anyway is a 422 first."""
    closed = (409, "run_closed")
    for method, path, body, headers in [
        ("PUT", "/v1/runs/{crun}/answers/s-1", {"value": True, "at": AT}, {}),
        ("POST", "/v1/runs/{crun}/sync", {"ops": [{"op_id": "o-1", "step_id": "s-1", "value": True, "at": AT}]}, {}),
        ("POST", "/v1/runs/{crun}/complete", {"at": AT}, {}),
        ("POST", "/v1/runs/{crun}/exit", {}, {}),
        ("PUT", "/v1/runs/{crun}/signature", b"\x89PNG\r\n\x1a\n" + bytes(60), {"Content-Type": "image/png"}),
        ("POST", "/v1/runs/{crun}/uploads/", None,
         {"Tus-Resumable": "1.0.0", "Upload-Length": "10", "Upload-Metadata": "step_id cy0x,photo_index MA=="}),
    ]:  # fmt: skip
        yield Case(method, path, *closed, body=body, headers=headers, auth="closed")
    yield Case("POST", "/v1/runs/{crun}/open", *closed, body={}, auth="none")
    yield Case("POST", "/v1/runs/{crun}/cancel", *closed)
    yield Case("PUT", "/v1/runs/{crun}/answers/s-1", 422, "validation_error", body={"value": "x", "at": AT},
               auth="closed", detail_path="value")  # fmt: skip
    yield Case("POST", "/v1/runs/{crun}/sync", 422, "validation_error", body={"ops": "x"}, auth="closed")
    yield Case("PUT", "/v1/runs/{crun}/answers/s-1", 401, "unauthorized", body={"value": True, "at": AT})


CASES = [
    *closed_run_cases(),
    *paging_cases(),
    *query_cases(),
    *path_cases(),
    *body_cases(),
    *method_and_header_cases(),
    *template_cases(),
    *photo_cases(),
    *tus_cases(),
]


PHOTO_TEMPLATE = {
    "name": "Photos",
    "sections": [
        {
            "id": "g-1",
            "title": "P",
            "steps": [{"id": "s-p", "type": "photo", "label": "Pics", "config": {"max": 2}}],
        }
    ],
}


@dataclass
class Target:
    """The module's server and the ids its rows name: `{run}` and `{template}` (the hostile world's, with a
    text step), `{prun}` (an opened run of a photo step, credential `photo`) and `{upload}` (a tus upload of
    it, begun)."""

    world: World
    log: Path  # the server's output
    photo_run: str
    photo_token: str
    upload: str
    closed_run: str  # an opened run its executor exited (cancelled), credential `closed`
    closed_token: str

    def fill(self, text: str) -> str:
        ids = {"{run}": self.world.run_id, "{template}": self.world.template_id, "{prun}": self.photo_run,
               "{upload}": self.upload, "{crun}": self.closed_run}  # fmt: skip
        for name, value in ids.items():
            text = text.replace(name, value)
        return text

    def credential(self, auth: str) -> str | None:
        credentials = {"api": self.world.key, "executor": self.world.token, "photo": self.photo_token,
                       "closed": self.closed_token}  # fmt: skip
        return credentials.get(auth)


@pytest.fixture(scope="module", params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[Target]:
    """The real server on each database (PostgreSQL's text, unlike SQLite's, cannot hold U+0000)."""
    env = {}
    if request.param == "postgresql":
        env["RUNDUN_DATABASE_URL"] = request.getfixturevalue("pg_cluster").new_database()
    data_dir = tmp_path_factory.mktemp("error-paths")
    for world in serve_world(data_dir, env):
        with httpx.Client(base_url=world.url, headers=world.api, timeout=60) as http:
            template_id = http.post("/v1/templates", json=PHOTO_TEMPLATE).json()["id"]
            run_id = http.post("/v1/runs", json={"template_id": template_id}).json()["run_id"]
            token = http.post(f"/v1/runs/{run_id}/open", json={}).json()["executor_token"]
            begun = http.post(
                f"/v1/runs/{run_id}/uploads/",
                headers={
                    "Authorization": f"Bearer {token}",
                    "Tus-Resumable": "1.0.0",
                    "Upload-Length": "10",
                    "Upload-Metadata": "step_id cy1w,photo_index MQ==",  # s-p, 1
                },
            )
            assert begun.status_code == 201, begun.text
            closed_run, closed_token = world.open_another_run()
            exited = http.post(
                f"/v1/runs/{closed_run}/exit", json={}, headers={"Authorization": f"Bearer {closed_token}"}
            )
            assert exited.status_code == 200, exited.text
        yield Target(
            world,
            data_dir / "server.log",
            run_id,
            token,
            begun.headers["Location"].rstrip("/").rsplit("/", 1)[-1],
            closed_run,
            closed_token,
        )


def stored_state(http: httpx.Client, target: Target) -> dict:
    """What a customer can read back of everything the sweep's requests could have changed."""
    world, out = target.world, {}
    auth = {"Authorization": f"Bearer {world.key}"}
    for path in ("/v1/org", "/v1/templates", "/v1/api-keys", "/v1/members", "/v1/runs?per_page=200",
                 f"/v1/templates/{world.template_id}", f"/v1/templates/{world.template_id}/versions",
                 f"/v1/runs/{world.run_id}", f"/v1/runs/{world.run_id}/history", f"/v1/runs/{target.photo_run}",
                 f"/v1/runs/{target.photo_run}/history", f"/v1/runs/{target.closed_run}"):  # fmt: skip
        r = http.get(path, headers=auth)
        assert r.status_code == 200, (path, r.text)
        out[path] = r.json()
    for key in out["/v1/api-keys"]["data"]:
        key.pop("last_used_at")  # using the key is what the sweep does
    for run in [
        out[f"/v1/runs/{world.run_id}"],
        out[f"/v1/runs/{target.photo_run}"],
        *out["/v1/runs?per_page=200"]["data"],
    ]:
        run.pop("device", None)  # the executor's last contact moves with every request it sends
    upload = http.head(f"/v1/runs/{target.photo_run}/uploads/{target.upload}",
                       headers={"Authorization": f"Bearer {target.photo_token}", "Tus-Resumable": "1.0.0"})  # fmt: skip
    out["upload"] = (upload.status_code, upload.headers.get("Upload-Offset"))
    return out


def send(http: httpx.Client, target: Target, case: Case) -> httpx.Response:
    headers = dict(case.headers)
    credential = target.credential(case.auth)
    if credential:
        headers.setdefault("Authorization", f"Bearer {credential}")
    if isinstance(case.body, bytes):
        content = case.body
    elif case.body is None:
        content = None
    else:
        content = target.fill(json.dumps(case.body)).encode()
        headers.setdefault("Content-Type", "application/json")
    url = httpx.URL(target.fill(case.path), params=[(k, target.fill(v)) for k, v in case.query] or None)
    return http.request(case.method, url, content=content, headers=headers)


def test_every_careless_request_gets_its_documented_error_and_changes_nothing(target):
    assert len(CASES) > 400
    with httpx.Client(base_url=target.world.url, timeout=60) as http:
        before = stored_state(http, target)
        wrong = []
        for case in CASES:
            try:
                r = send(http, target, case)
            except httpx.TransportError as exc:  # the server dropped the connection (a 500 does)
                wrong.append(f"{case.id()}: no answer: {exc!r}")
                continue
            problem = verdict(case, r)
            if problem:
                wrong.append(f"{case.id()}: {problem}")
        assert not wrong, "\n".join(wrong)
        assert stored_state(http, target) == before
    assert "Traceback" not in target.log.read_text(errors="replace")  # nothing unexpected, even unseen


def verdict(case: Case, r: httpx.Response) -> str | None:
    """What is wrong with the answer to `case` (None: nothing)."""
    statuses = case.status if isinstance(case.status, tuple) else (case.status,)
    if r.status_code not in statuses:
        return f"{r.status_code} (expected {case.status}): {r.text[:300]}"
    if "x-ratelimit-limit" not in r.headers:
        return f"no X-RateLimit-Limit: {r.status_code} {r.text[:100]}"
    if r.status_code < 400 or case.method == "HEAD":
        return None
    try:
        body = r.json()
    except ValueError:
        return f"not JSON: {r.text[:300]}"
    if "Traceback" in r.text or set(body) - {"error", "message", "details"}:
        return f"not the error shape: {r.text[:300]}"
    errors = case.error if isinstance(case.error, tuple) else (case.error,)
    if case.error and body.get("error") not in errors:
        return f"error {body.get('error')!r} (expected {case.error!r}): {r.text[:300]}"
    paths = [str(d.get("path")) for d in body.get("details", [])]
    under = (case.detail_path, f"{case.detail_path}.", f"{case.detail_path}[")
    if case.detail_path and not any(p == under[0] or p.startswith(under[1:]) for p in paths):
        return f"details do not name {case.detail_path!r}: {r.text[:300]}"
    return None


# -- what httpx will not send: raw HTTP/1.1 ---------------------------------------------------------------


def raw_exchange(url: str, request: bytes) -> bytes:
    """Send `request` as bytes on a new connection, close the sending side, and read all the server says."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=60) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def statuses(answer: bytes) -> list[int]:
    return [int(line.split(b" ")[1]) for line in answer.split(b"\r\n") if line.startswith(b"HTTP/1.1 ")]


def request(line: bytes, *headers: bytes, body: bytes = b"") -> bytes:
    """An HTTP/1.1 request as bytes: `line` is the method and target."""
    return line + b" HTTP/1.1\r\nHost: x\r\n" + b"".join(h + b"\r\n" for h in headers) + b"\r\n" + body


JSON_WITH_KEY = (b"Content-Type: application/json", b"Authorization: Bearer {key}")
RAW = [
    # Content-Length longer than the body, and the client hangs up: there is no request to answer.
    (request(b"POST /v1/templates", *JSON_WITH_KEY, b"Content-Length: 100", body=b'{"name": "T"}'), set()),
    # Shorter than the body: the cut-off JSON is a 400, and what follows is not a request (400).
    (request(b"POST /v1/templates", *JSON_WITH_KEY, b"Content-Length: 5", body=b'{"name": "T"}'), {400}),
    (request(b"POST /v1/templates", b"Content-Length: abc", body=b"{}"), {400}),
    (request(b"POST /v1/templates", b"Content-Length: -5", body=b"{}"), {400}),
    (request(b"POST /v1/templates", b"Content-Length: 2", b"Content-Length: 3", body=b"{}"), {400}),
    (request(b"POST /v1/templates", b"Content-Length: 2", b"Transfer-Encoding: chunked", body=b"{}"), {400}),
    # A request line and headers past 64 KiB in all: 431 (before, every byte was read into memory).
    (request(b"GET /v1/org", b"X-Huge: " + b"a" * 200_000), {431}),
    (request(b"GET /v1/org", *(b"X-%d: 1" % i for i in range(20_000))), {431}),
    (request(b"GET /" + b"a" * 100_000), {431}),
    (request(b"GET /v1/org", b"X-Huge: " + b"a" * (MAX_HEAD_BYTES - 200)), {401}),  # under the limit: served
    (
        request(
            b"POST /v1/runs/{run}/uploads/",
            b"Tus-Resumable: 1.0.0",
            b"Upload-Length: 10",
            b"Upload-Metadata: step_id \x00",
        ),
        {400},
    ),
    (request(b"GET /v1/org", b"Authorization: Bearer \xff\xfe"), {401}),
    (request(b"GET /v1/runs/r-\x00"), {400}),
    (request(b"BREW /v1/org"), {400, 405}),
]


@pytest.mark.parametrize("request_bytes, allowed", RAW, ids=[r[:60].decode("latin-1") for r, _ in RAW])
def test_malformed_http_is_refused_without_a_500(target, request_bytes, allowed):
    world = target.world
    request_bytes = request_bytes.replace(b"{key}", world.key.encode()).replace(
        b"{run}", world.run_id.encode()
    )
    logged_before = target.log.stat().st_size
    answer = raw_exchange(world.url, request_bytes)
    seen = statuses(answer)
    assert set(seen) <= allowed, answer[:500]
    assert b"Traceback" not in answer
    with httpx.Client(base_url=world.url, timeout=60) as http:  # and the server serves on
        assert http.get("/v1/org", headers={"Authorization": f"Bearer {world.key}"}).status_code == 200
    # A client that leaves mid-body is no bug: no traceback in the log (before, "unhandled error … ClientDisconnect")
    with target.log.open("rb") as log:
        log.seek(logged_before)
        assert b"Traceback" not in log.read()
