"""The photo uploads' own HTTP client (issue 16): a tus creation-with-upload or PATCH whose body is a region of
the photo's file, sent from the file (sendfile(2) over plain TCP, where the OS has it) through `server.http1`.
Every other executor call goes through httpx.

Why: through httpx a 2 MB photo's POST cost the engine's process 2.6–3.8 ms of CPU (httpcore's pool asking
each idle connection whether it expired, anyio's streams, the photo read into memory and copied again into
the loop's write buffer); through this 0.4–1.0 ms (`bench/upload_client.py`). On two cores shared with the
server that CPU was the drain's pace.

What it keeps of httpx's behaviour: the same trust store (`httpx.create_ssl_context`: certifi, or
SSL_CERT_FILE/SSL_CERT_DIR), connections kept alive 5 s, a connect timeout and a timeout on every wait
(`stall`: a link that stalls that long fails; one that is slow but moving does not, where httpx wanted a
whole chunk sent within it), and its exception types, so that `ExecutorClient` maps every failure into a
`ProtocolError` exactly as it does httpx's. Not here: proxies. The environment naming one for a URL's
scheme (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, as httpx reads them) sends that URL's uploads through httpx.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Awaitable, Callable

import h11
import httpx

from server import http1
from server.http1 import FileRegion

KEEPALIVE_S = 5.0  # httpx's own expiry of an idle connection
MAX_IDLE = 8  # the engine sends a few photos at once, to one server at a time
MAX_RESPONSE_BYTES = 1 << 20  # a tus answer has no body; a refusal's is a small JSON problem
RequestHook = Callable[[str, dict[str, str]], Awaitable[None]]  # (url, headers to add to)


class UploadClient:
    def __init__(self, *, timeout: float, connect_timeout: float):
        self.timeout = timeout
        self.pool = http1.ConnectionPool(
            keepalive=KEEPALIVE_S,
            max_idle=MAX_IDLE,
            connect_timeout=connect_timeout,
            make_tls=httpx.create_ssl_context,  # made on the first https:// upload
        )
        self.request_hooks: list[RequestHook] = []
        self._proxied = {
            scheme for scheme in urllib.request.getproxies() if scheme in ("http", "https", "all")
        }

    def serves(self, url: str) -> bool:
        """Whether this client sends to `url` (no proxy named for it), else httpx does."""
        return not ({"all", url.partition(":")[0]} & self._proxied)

    async def send(
        self, method: str, url: str, headers: dict[str, str], body: bytes | FileRegion
    ) -> http1.Response:
        """One request; its answer, whatever its status (`as_httpx` for the error mapping). Failing to get one
        raises the `httpx.HTTPError` httpx would have raised in its place."""
        for hook in self.request_hooks:
            await hook(url, headers)
        try:
            return await http1.exchange(
                self.pool,
                method,
                url,
                list(headers.items()),
                body,
                max_body=MAX_RESPONSE_BYTES,
                stall=self.timeout,
            )
        except TimeoutError as exc:
            raise httpx.ReadTimeout(f"no progress within {self.timeout:g} s") from exc
        except http1.ConnectFailed as exc:
            raise httpx.ConnectError(str(exc)) from exc
        except (http1.HttpError, h11.ProtocolError) as exc:
            raise httpx.RemoteProtocolError(str(exc)) from exc
        except OSError as exc:
            raise httpx.NetworkError(str(exc) or type(exc).__name__) from exc

    def close(self) -> None:
        self.pool.close()


def as_httpx(response: http1.Response, method: str, url: str) -> httpx.Response:
    """`response` as httpx's (what `ProtocolError.from_response` reads a refusal from); made only for a refusal,
    as its URL's parsing costs more than the rest of a photo's request here."""
    return httpx.Response(
        response.status,
        headers=response.headers,
        content=response.content,
        request=httpx.Request(method, url),
    )
