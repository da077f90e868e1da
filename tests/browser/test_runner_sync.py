"""How the runner sends a backlog once the network returns (issue 19's sync figure): a photo is one tus
creation-with-upload request, the answers' `/sync` goes beside the photos, acknowledgements that arrive
together are one IndexedDB transaction, and a creation cut mid-file resumes, even from a reopened tab, from
the offset the server acknowledged. The browser's requests are counted as Chromium sends them (the service
worker lets every API request through to the server)."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.browser.actions import flag_count_and_photos, photo_file, wait_for
from tests.browser.conftest import jpeg
from tests.browser.templates import PHOTOS_ONLY
from tests.browser.test_runner_offline import LOCAL_SHAS, open_online

# Counts the IndexedDB transactions that write the outbox, and the records `put` into it (an outbox record
# written again holds its photo Blob: writing it again writes the photo again).
COUNT_OUTBOX_WRITES = """() => {
  window.outboxWrites = { transactions: 0, puts: 0 };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
    const tx = transaction.call(this, names, mode, ...rest);
    if (mode === "readwrite" && [].concat(names).includes("outbox")) window.outboxWrites.transactions += 1;
    return tx;
  };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (this.name === "outbox") window.outboxWrites.puts += 1;
    return put.apply(this, args);
  };
}"""


def server_photos(live, run_id: str) -> list[dict]:
    return live.org.get(f"/v1/runs/{run_id}").json()["answers"].get("s-pics", {}).get("photos") or []


def api_kind(method: str, url: str) -> str:
    parts = urlsplit(url).path.rstrip("/").split("/")
    if "uploads" in parts:
        return f"{method} {'uploads' if parts[-1] == 'uploads' else 'upload'}"
    return f"{method} {parts[-1]}"


def kinds(events: list[tuple[str, object]]) -> list[tuple[str, str]]:
    """("sent" | "done", kind) of the API's requests among Chromium's request events."""
    return [(what, api_kind(r.method, r.url)) for what, r in events if "/v1/" in r.url]  # type: ignore[attr-defined]


def test_a_backlog_sends_each_photo_in_one_request_beside_the_answers(live, phone):
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = open_online(live, phone, run_id)
    phone.set_offline(True)
    flag_count_and_photos(page, [jpeg(1200 + k, 900) for k in range(4)])
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "6")
    local = dict(page.evaluate(LOCAL_SHAS))
    page.evaluate(COUNT_OUTBOX_WRITES)
    # ("sent" | "done", request) in the order Chromium reports them; "done" when the response's headers came
    # (what a fetch waits for: the next request of a lane may go before the empty body is reported read)
    events: list[tuple[str, object]] = []
    phone.on("request", lambda r: events.append(("sent", r)))
    phone.on("response", lambda r: events.append(("done", r.request)))
    phone.set_offline(False)
    expect(page.locator("#sync-status")).to_have_attribute("data-waiting", "0")
    # Then one request that changes nothing tells the server that nothing waits on the phone any more.
    wait_for(lambda: ("done", "OPTIONS uploads") in kinds(events), what="the last word", page=page)

    api = kinds(events)
    sent = Counter(kind for what, kind in api if what == "sent")
    assert sent == {"POST uploads": 4, "POST sync": 1, "OPTIONS uploads": 1}, api  # no PATCH, HEAD or GET
    # The photos do not wait for the answers: three of them and the answers' /sync are in flight at once.
    in_flight = [sum(1 if what == "sent" else -1 for what, _ in api[: k + 1]) for k in range(len(api))]
    assert max(in_flight) == 4, api
    assert api.index(("sent", "POST uploads")) < api.index(("done", "POST sync")), api
    photos = server_photos(live, run_id)
    assert sorted((p["photo_index"], p["sha256"]) for p in photos) == sorted(local.items())
    answers = live.org.get(f"/v1/runs/{run_id}").json()["answers"]
    assert answers["s-flag"]["value"] is True and answers["s-count"]["value"] == 12
    writes = page.evaluate("() => window.outboxWrites")
    assert writes["puts"] == 0, writes  # no photo record written again (its Blob with it)
    assert writes["transactions"] <= 5, writes  # at most one per server answer


def test_acknowledgements_that_arrive_together_are_one_indexeddb_transaction(live, phone):
    """Three acknowledgements in the same moment (three lanes' answers arriving at once): the first one's
    transaction is not yet started when the others come, so all three go into it with the run record."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = open_online(live, phone, run_id)
    sync_url = page.evaluate(
        """() => [...document.querySelectorAll('link[rel="modulepreload"]')]
             .map((l) => l.href).find((h) => h.endsWith("/sync.js"))"""
    )
    page.evaluate(COUNT_OUTBOX_WRITES)
    result = page.evaluate(
        """async (url) => {
          const { Syncer } = await import(url);
          const run = { run_id: "ack-test", token: "t", answers: {} };
          const syncer = new Syncer({ run: () => run, changed: () => {}, fromServer: () => {} });
          syncer.state.waiting = 3;
          const ops = [1, 2, 3].map((seq) => ({ seq: 1e9 + seq, kind: "answer" }));
          await Promise.all(ops.map((op) => syncer.done([op])));
          return { writes: window.outboxWrites, waiting: syncer.state.waiting };
        }""",
        sync_url,
    )
    assert result == {"writes": {"transactions": 1, "puts": 0}, "waiting": 0}, result


def test_a_photo_creation_cut_mid_file_resumes_from_the_servers_offset_in_a_reopened_tab(live, phone):
    """The creation carries the whole photo; its connection drops after part of it reached the server, and
    the tab is closed before it learnt the upload's URL. The reopened tab finds the upload (the run's state
    and HEAD's sha256), and sends only the rest, from the offset the server acknowledged."""
    run_id = live.dispatch(PHOTOS_ONLY, webhook=False)
    page = open_online(live, phone, run_id)
    requests: list[tuple[str, str, str | None]] = []
    phone.on("request", lambda r: requests.append((r.method, r.url, r.headers.get("upload-offset"))))
    cut = {"at": None, "done": False}

    def cut_creation(route, request):
        if cut["at"] is not None:
            return route.abort("connectionreset")  # this tab is going away: nothing more from it
        if not (request.method == "POST" and request.url.endswith("/uploads/")):
            return route.continue_()
        body = request.post_data_buffer
        assert body, "the creation carries no bytes"
        cut["at"] = len(body) // 2 + 12345  # mid-file, not on a MiB boundary
        headers = {k: v for k, v in request.headers.items() if k.lower() != "content-length"}
        response = route.fetch(headers=headers, post_data=body[: cut["at"]])
        assert response.status == 201, response.text()
        cut["length"] = len(body)
        route.abort("connectionreset")  # the phone never hears the 201: no upload URL
        cut["done"] = True

    page.route("**/v1/**", cut_creation)
    page.set_input_files("#s-pics-file", files=[photo_file("big.jpg", jpeg(2400, 1800, noise=True))])
    expect(page.locator("#s-pics .thumb")).to_have_count(1)
    wait_for(lambda: cut["done"], what="the creation to be cut", page=page)
    page.close()
    assert not server_photos(live, run_id)

    page = phone.new_page()  # the run reopened: the outbox still holds the photo
    page.goto(f"{live.url}/r/{run_id}")
    wait_for(lambda: server_photos(live, run_id), what="the photo on the server", page=page)
    expect(page.locator("#sync-status")).to_contain_text("Everything is saved on the server")
    creations = [r for r in requests if r[0] == "POST" and r[1].endswith("/uploads/")]
    assert len(creations) == 1, requests  # resumed, never created again
    patches = [int(offset) for method, _, offset in requests if method == "PATCH"]
    assert patches == [cut["at"]], (patches, cut)  # only the rest of the file, from the server's offset
    assert any(method == "HEAD" for method, _, _ in requests)
    photo = server_photos(live, run_id)[0]
    local = dict(page.evaluate(LOCAL_SHAS))
    assert photo["sha256"] == local[0] and photo["bytes"] == cut["length"] > 2 * 1024 * 1024
