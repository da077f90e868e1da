"""The desktop's one way to talk to a Rundun server (embedded or remote): async methods over one
`httpx.AsyncClient`. Every failure becomes an `ApiError` carrying the server's error code and words."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any, Self
from urllib.parse import quote

import httpx
from PySide6.QtCore import QCoreApplication

from rundun_desktop.problems import problem_text
from rundun_desktop.words import QT_TRANSLATE_NOOP

# The server's own sentences for its errors (server/errors.py, the API's contract), said in the app's language when
# the server sent one of them as it is; a message with particulars of its own ("Upload-Offset is 5 but …") reads
# as the server wrote it.
SERVER_SENTENCES = {
    QT_TRANSLATE_NOOP("ApiError", "The request is not valid."),
    QT_TRANSLATE_NOOP("ApiError", "The request is malformed or misses a required field."),
    QT_TRANSLATE_NOOP("ApiError", "Missing or invalid credentials."),
    QT_TRANSLATE_NOOP("ApiError", "Your plan's runs for this month are used up."),
    QT_TRANSLATE_NOOP("ApiError", "This credential may not do that."),
    QT_TRANSLATE_NOOP("ApiError", "No such resource exists in your organisation."),
    QT_TRANSLATE_NOOP("ApiError", "No template with that ID exists in your organisation."),
    QT_TRANSLATE_NOOP("ApiError", "No run with that ID exists in your organisation."),
    QT_TRANSLATE_NOOP("ApiError", "The request conflicts with the current state."),
    QT_TRANSLATE_NOOP("ApiError", "The run is already finished."),
    QT_TRANSLATE_NOOP("ApiError", "Someone else has already opened this run."),
    QT_TRANSLATE_NOOP("ApiError", "The template has changed since you loaded it."),
    QT_TRANSLATE_NOOP("ApiError", "This run has expired."),
    QT_TRANSLATE_NOOP("ApiError", "The request body is too large."),
    QT_TRANSLATE_NOOP("ApiError", "The request body failed validation."),
    QT_TRANSLATE_NOOP("ApiError", "The request failed validation."),
    QT_TRANSLATE_NOOP("ApiError", "The query parameters are not valid."),
    QT_TRANSLATE_NOOP("ApiError", "No such template (or version) in your organisation."),
    QT_TRANSLATE_NOOP("ApiError", "No member with that ID exists in your organisation."),
    QT_TRANSLATE_NOOP("ApiError", "No API key with that ID exists in your organisation."),
    QT_TRANSLATE_NOOP("ApiError", "No webhook delivery with that ID exists in your organisation."),
    QT_TRANSLATE_NOOP("ApiError", "The prompt cannot be used."),
    QT_TRANSLATE_NOOP("ApiError", "The answer is not valid for this step."),
    QT_TRANSLATE_NOOP("ApiError", "This step cannot take that photo."),
    QT_TRANSLATE_NOOP("ApiError", "There is no photo at that index."),
    QT_TRANSLATE_NOOP("ApiError", "That API key is unknown or has been revoked."),
    QT_TRANSLATE_NOOP("ApiError", "That API key is malformed."),
    QT_TRANSLATE_NOOP("ApiError", "The run still has steps to complete."),
    QT_TRANSLATE_NOOP("ApiError", "This template does not allow skipping steps."),
    QT_TRANSLATE_NOOP("ApiError", "Too many requests. Retry after the delay given."),
    QT_TRANSLATE_NOOP("ApiError", "Something went wrong on our side."),
    QT_TRANSLATE_NOOP(
        "ApiError", "The server's disk is full; nothing was stored. Free space on the server, then retry."
    ),
}


def server_words(message: str) -> str:
    """The server's message in the app's language when it is one of its own sentences, else as it came."""
    return QCoreApplication.translate("ApiError", message) if message in SERVER_SENTENCES else message


@dataclass
class ApiError(Exception):
    """The desktop's one error for a call to a server: the server's `{error, message, details}` answer, or (status
    0) why it could not be reached. The app's `ApiClient` raises it, and the executor's `ExecutorClient` raises
    its `ProtocolError`, which adds only what the sync engine does about it. `words()` says it to a person."""

    status: int
    code: str
    message: str
    details: list[dict] = field(default_factory=list)
    retry_after: float | None = None  # seconds, from a `Retry-After` header (429, 503)

    def __str__(self) -> str:
        return self.words()

    def words(self, *, of_answer: bool = False) -> str:
        """The failure as a person reads it: the server's message and each detail with its path (`of_answer`:
        the refusal of one step's answer, whose details need none; see `problem_text`)."""
        return problem_text(
            server_words(self.message)
            or QCoreApplication.translate("ApiError", "The server answered {0}.").format(self.status),
            self.details,
            of_answer=of_answer,
        )

    @property
    def offline(self) -> bool:
        """True when the server could not be reached at all (status 0)."""
        return self.status == 0

    @classmethod
    def from_response(cls, response: httpx.Response) -> Self:
        """The error a non-2xx answer carries: its problem body, or its status alone when it has none."""
        try:
            body = response.json()
        except ValueError:
            body = None
        status = response.status_code
        retry_after = None
        try:
            retry_after = float(response.headers["Retry-After"])
        except (KeyError, ValueError):
            pass
        if isinstance(body, dict) and "error" in body:
            details = body.get("details") or []
            return cls(status, body["error"], body.get("message", ""), details, retry_after=retry_after)
        return cls(
            status,
            "http_error",
            QCoreApplication.translate("ApiError", "The server answered {0}.").format(status),
            retry_after=retry_after,
        )

    @classmethod
    def unreachable(cls, exc: httpx.HTTPError, base_url: str) -> Self:
        """The error for a server that did not answer: too slow, nothing listening, or the network gone."""
        if isinstance(exc, httpx.TimeoutException):
            return cls(
                0,
                "timeout",
                QCoreApplication.translate("ApiError", "The server at {0} did not answer in time.").format(
                    base_url
                ),
            )
        if isinstance(exc, httpx.ConnectError):
            return cls(
                0,
                "offline",
                QCoreApplication.translate(
                    "ApiError", "Cannot reach the server at {0}: nothing answers there."
                ).format(base_url),
            )
        return cls(
            0,
            "offline",
            QCoreApplication.translate("ApiError", "Cannot reach the server at {0}.").format(base_url),
        )


class SchemeTransports(httpx.AsyncBaseTransport):
    """httpx's own transport, made per scheme when a first request needs it.

    httpx builds its transport, with a TLS context loading the whole CA bundle (~70 ms and ~4 MB), when the
    client is made: at the app's start, for a first request that goes to the embedded server over plain
    http:// on loopback. Here the http:// transport carries no CA bundle (it never makes a TLS connection),
    and the verifying https:// one is made on the first https:// request (a remote server)."""

    def __init__(self) -> None:
        self._made: dict[str, httpx.AsyncBaseTransport] = {}

    def made(self) -> list[str]:
        """The schemes a transport exists for (what start-up built)."""
        return sorted(self._made)

    def _for(self, scheme: str) -> httpx.AsyncBaseTransport:
        if scheme not in self._made:
            # verify=False only on the plain transport: a context without the CA bundle, never used for TLS.
            plain = scheme == "http"
            self._made[scheme] = httpx.AsyncHTTPTransport(verify=not plain)
        return self._made[scheme]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._for(request.url.scheme).handle_async_request(request)

    async def aclose(self) -> None:
        made, self._made = self._made, {}
        for transport in made.values():
            await transport.aclose()


READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})  # what can be sent twice and change nothing
# A connection closed under a request (not a refused connection, not a timeout: those are the server's state).
DROPPED_BEFORE_ANSWER = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)
RATE_LIMIT_RETRIES = 20  # a refused request is asked again so often, as the server's Retry-After says
RATE_LIMIT_WAIT_MAX = 60.0  # seconds, at most, between two of them


def _retry_after(response: httpx.Response) -> float:
    try:
        seconds = float(response.headers.get("Retry-After", "1"))
    except ValueError:
        seconds = 1.0
    return min(max(seconds, 0.1), RATE_LIMIT_WAIT_MAX)


# A generate request waits for the server's language model (RUNDUN_LLM_TIMEOUT, 30 s by default) and then
# for its offline fallback: the default 15 s gave up first, and the designer got "did not answer in time"
# instead of the fallback template the server was about to send.
GENERATE_TIMEOUT = httpx.Timeout(120.0, connect=5.0)


class ApiClient:
    """Thin, typed-ish wrapper over the `/v1` API. Construct once per app; `close()` on quit."""

    def __init__(self, base_url: str, api_key: str | None, *, timeout: float = 15.0, transport=None):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.page_size = 200  # a collection read whole (`_every`): the most a page of the API holds
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=5.0),
            headers=self._auth_headers(api_key),
            transport=transport or SchemeTransports(),
        )

    @staticmethod
    def _auth_headers(api_key: str | None) -> dict:
        return {"Authorization": f"Bearer {api_key}"} if api_key else {}

    @property
    def http(self) -> httpx.AsyncClient:
        return self._http

    def reconfigure(self, base_url: str, api_key: str | None) -> None:
        """Point the same client at another server (Settings → remote server)."""
        self.base_url, self.api_key = base_url.rstrip("/"), api_key
        self._http.base_url = httpx.URL(self.base_url)
        self._http.headers.pop("Authorization", None)
        self._http.headers.update(self._auth_headers(api_key))

    async def close(self) -> None:
        await self._http.aclose()

    async def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """Send a request; return decoded JSON (None for 204) or raise `ApiError`."""
        body, _ = await self.request_with_headers(method, path, **kwargs)
        return body

    async def request_with_headers(self, method: str, path: str, **kwargs: Any) -> tuple[Any, httpx.Headers]:
        """As `request`, with the response's headers (what made a generated template, for one)."""
        response = await self._send(method, path, **kwargs)
        if not response.is_success:
            raise ApiError.from_response(response)
        if response.status_code == 204:
            return None, response.headers
        try:
            return response.json(), response.headers
        except ValueError:
            return None, response.headers

    async def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """The server's response; a request refused for the rate (429, before it was handled) asked again once
        the server's Retry-After says there is room: a report of 500 runs from a server with the default limit
        (600 a minute) failed at the 601st request, its photos counted too."""
        for waited in range(RATE_LIMIT_RETRIES + 1):
            response = await self._answered(method, url, **kwargs)
            if response.status_code != 429 or waited == RATE_LIMIT_RETRIES:
                break
            await asyncio.sleep(_retry_after(response))
        return response

    async def _answered(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """The response, with a reading request sent again once on a fresh connection when its connection
        dropped before any answer: a kept-alive connection the server (or a proxy) closed for idleness just as
        the request left on it. A 500-run report failed on one such request; a write is never sent twice."""
        self._refuse_when_closed()
        try:
            return await self._http.request(method, url, **kwargs)
        except DROPPED_BEFORE_ANSWER as exc:
            if method.upper() not in READING_METHODS:
                raise ApiError.unreachable(exc, self.base_url) from exc
        except httpx.HTTPError as exc:
            raise ApiError.unreachable(exc, self.base_url) from exc
        self._refuse_when_closed()  # closed under the request (the app quitting) is why it dropped
        try:  # httpx closed the dropped connection: this goes on another one
            return await self._http.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            raise ApiError.unreachable(exc, self.base_url) from exc

    def _refuse_when_closed(self) -> None:
        """The app is quitting: a request still on its way fails like a dead server."""
        if self._http.is_closed:
            raise ApiError(0, "closed", QCoreApplication.translate("ApiClient", "The connection was closed."))

    # -- health and org ---------------------------------------------------------------------------------
    async def health(self) -> dict:
        return await self.request("GET", "/v1/health")

    async def get_org(self) -> dict:
        return await self.request("GET", "/v1/org")

    async def patch_org(self, changes: dict) -> dict:
        return await self.request("PATCH", "/v1/org", json=changes)

    async def list_plans(self) -> list[dict]:
        return (await self.request("GET", "/v1/plans"))["data"]

    # -- templates --------------------------------------------------------------------------------------
    async def list_templates(
        self, q: str | None = None, tag: str | None = None, page: int = 1, per_page: int = 50
    ) -> dict:
        params = {k: v for k, v in {"q": q, "tag": tag, "page": page, "per_page": per_page}.items() if v}
        return await self.request("GET", "/v1/templates", params=params)

    async def all_templates(self, limit_pages: int = 10) -> list[dict]:
        """Every template (name order), a page of 200 at a time (the pickers of the monitor and the dashboard)."""
        found = await self._every("/v1/templates", limit_pages)
        return sorted(found, key=lambda t: t["name"].lower())

    async def _every(self, path: str, limit_pages: int | None = None) -> list[dict]:
        """Every item of a collection, a page of `page_size` at a time (up to `limit_pages` pages). A server from before
        some collections were paged answers them whole, without `pagination`: that is every item too."""
        found: list[dict] = []
        page: int | None = 1
        while page and (limit_pages is None or page <= limit_pages):
            body = await self.request("GET", path, params={"page": page, "per_page": self.page_size})
            found += body["data"]
            page = (body.get("pagination") or {}).get("next_page")
        return found

    async def get_template(self, template_id: str, v: int | None = None) -> dict:
        return await self.request("GET", f"/v1/templates/{template_id}", params={"v": v} if v else None)

    async def create_template(self, body: dict, idempotency_key: str | None = None) -> dict:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        return await self.request("POST", "/v1/templates", json=body, headers=headers)

    async def patch_template(self, template_id: str, changes: dict, if_match: int | None = None) -> dict:
        headers = {"If-Match": f'"{if_match}"'} if if_match is not None else None
        return await self.request("PATCH", f"/v1/templates/{template_id}", json=changes, headers=headers)

    async def delete_template(self, template_id: str) -> None:
        await self.request("DELETE", f"/v1/templates/{template_id}")

    async def template_versions(self, template_id: str, per_page: int = 200) -> list[dict]:
        return (
            await self.request("GET", f"/v1/templates/{template_id}/versions", params={"per_page": per_page})
        )["data"]

    async def generate_template(self, prompt: str) -> dict:
        return await self.request(
            "POST", "/v1/templates/generate", json={"prompt": prompt}, timeout=GENERATE_TIMEOUT
        )

    async def generate_template_described(self, prompt: str) -> tuple[dict, dict[str, str]]:
        """The generated body and the `Rundun-*` headers that say how it was made."""
        body, headers = await self.request_with_headers(
            "POST", "/v1/templates/generate", json={"prompt": prompt}, timeout=GENERATE_TIMEOUT
        )
        return body, {k.lower(): v for k, v in headers.items() if k.lower().startswith("rundun-")}

    # -- template library (SPEC §12) ---------------------------------------------------------------------
    async def library(
        self, q: str | None = None, tag: str | None = None, language: str | None = None
    ) -> list[dict]:
        """Every library template matching `q` and `tag`: slug, name, description, tags, step_count, languages;
        its name and description in `language` where it is translated (SPEC §15)."""
        rows: list[dict] = []
        page: int | None = 1
        while page:
            asked = {"q": q, "tag": tag, "lang": language, "page": page, "per_page": 200}
            params = {k: v for k, v in asked.items() if v}
            answer = await self.request("GET", "/v1/library", params=params)
            rows += answer["data"]
            page = answer["pagination"].get("next_page")
        return rows

    async def library_template(self, slug: str, language: str | None = None) -> dict:
        """One library template as TDL without id, ready to edit and save; with `language`, that language's
        texts first and the others (English among them) as its translations."""
        params = {"lang": language} if language else None
        return await self.request("GET", f"/v1/library/{quote(slug, safe='')}", params=params)

    # -- runs -------------------------------------------------------------------------------------------
    async def dispatch_run(self, body: dict, idempotency_key: str | None = None) -> dict:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        return await self.request("POST", "/v1/runs", json=body, headers=headers)

    async def list_runs(self, page: int = 1, per_page: int = 100, **filters: Any) -> dict:
        params = {
            "page": page,
            "per_page": per_page,
            **{k: v for k, v in filters.items() if v not in (None, "")},
        }
        return await self.request("GET", "/v1/runs", params=params)

    async def get_run(self, run_id: str, include_template: bool = False) -> dict:
        return await self.request(
            "GET", f"/v1/runs/{run_id}", params={"include": "template"} if include_template else None
        )

    async def run_history(self, run_id: str, limit: int = 2000) -> list[dict]:
        """`GET /v1/runs/{id}/history`, oldest first, by cursor, up to `limit` entries (SPEC §10)."""
        entries: list[dict] = []
        params: dict[str, Any] = {"per_page": 200}
        while len(entries) < limit:
            body = await self.request("GET", f"/v1/runs/{run_id}/history", params=params)
            entries.extend(body["data"])
            cursor = body["pagination"].get("next_cursor")
            if not cursor:
                break
            params = {"per_page": 200, "after": cursor}
        return entries[:limit]

    async def cancel_run(self, run_id: str) -> dict:
        return await self.request("POST", f"/v1/runs/{run_id}/cancel")

    async def preview_run(self, run_id: str) -> dict:
        return await self.request("GET", f"/v1/runs/{run_id}/preview")

    # -- numbers (SPEC §14) ------------------------------------------------------------------------------
    async def run_stats(self, **params: Any) -> dict:
        """`GET /v1/stats/runs` with `from`, `to`, `bucket`, `tz`, `template_id`, `executor_ref`."""
        return await self.request(
            "GET", "/v1/stats/runs", params={k: v for k, v in params.items() if v not in (None, "")}
        )

    async def template_stats(self, template_id: str, v: int | None = None, **params: Any) -> dict:
        """`GET /v1/templates/{id}/stats`: each step's answers over the runs of version `v` (default latest)."""
        query = {k: val for k, val in {"v": v, **params}.items() if val not in (None, "")}
        return await self.request("GET", f"/v1/templates/{template_id}/stats", params=query)

    async def webhook_deliveries(self, run_id: str) -> list[dict]:
        return await self._every(f"/v1/runs/{run_id}/webhook-deliveries")

    async def redeliver(self, delivery_id: str) -> dict:
        return await self.request("POST", f"/v1/webhook-deliveries/{delivery_id}/redeliver")

    async def fetch_bytes(self, url: str) -> bytes:
        """Download a (signed) media URL."""
        response = await self._send("GET", url)
        if not response.is_success:
            raise ApiError(
                response.status_code,
                "media_error",
                QCoreApplication.translate("ApiClient", "The photo could not be loaded ({0}).").format(
                    response.status_code
                ),
            )
        return response.content

    # -- keys and members -------------------------------------------------------------------------------
    async def list_api_keys(self) -> list[dict]:
        return await self._every("/v1/api-keys")

    async def create_api_key(self, name: str) -> dict:
        return await self.request("POST", "/v1/api-keys", json={"name": name})

    async def revoke_api_key(self, key_id: str) -> None:
        await self.request("DELETE", f"/v1/api-keys/{key_id}")

    async def list_members(self) -> list[dict]:
        return await self._every("/v1/members")

    async def create_member(self, name: str, email: str) -> dict:
        return await self.request("POST", "/v1/members", json={"name": name, "email": email})

    async def delete_member(self, user_id: str) -> None:
        await self.request("DELETE", f"/v1/members/{user_id}")
