"""SPEC §15 over the API: the template resolved per language, the run's language, translators' files."""

from __future__ import annotations

import json

from tests.server.tdl.test_tdl_languages import car_check


def create(api, body=None) -> dict:
    r = api.post("/v1/templates", json=body or car_check())
    assert r.status_code == 201, r.text
    return r.json()


def dispatch(api, tid: str, **extra) -> dict:
    r = api.post("/v1/runs", json={"template_id": tid, **extra})
    assert r.status_code == 201, r.text
    return r.json()


def test_a_template_keeps_its_languages_and_resolves_with_lang(api):
    doc = create(api)
    assert doc["languages"] == ["en", "de", "ar"] and doc["translations"]["de"]["name"] == "Autocheck"
    r = api.get(f"/v1/templates/{doc['id']}", params={"lang": "de"})
    assert r.status_code == 200 and r.headers["content-language"] == "de"
    german = r.json()
    assert german["name"] == "Autocheck" and german["id"] == doc["id"] and german["v"] == doc["v"]
    assert "translations" not in german and german["languages"] == ["de"]
    # A language the template lacks: Accept-Language's best match, quality values honoured, else the first.
    headers = {"Accept-Language": "fr;q=0.9, ar;q=0.8, de;q=0.5"}
    r = api.get(f"/v1/templates/{doc['id']}", params={"lang": "fr"}, headers=headers)
    assert r.headers["content-language"] == "ar" and r.json()["name"] == "فحص السيارة"
    assert api.get(f"/v1/templates/{doc['id']}", params={"lang": "fr"}).json()["name"] == "Car check"
    assert api.get(f"/v1/templates/{doc['id']}").json() == doc  # without lang: the whole document


def test_bad_translations_are_422_with_paths_and_store_nothing(api):
    doc = create(api)
    r = api.patch(
        f"/v1/templates/{doc['id']}", json={"translations": {"de": {"s-none.label": "x", "o-low": ""}}}
    )
    assert r.status_code == 422 and r.json()["error"] == "validation_error"
    assert {d["path"] for d in r.json()["details"]} == {
        "translations.de.s-none.label",
        "translations.de.o-low",
    }
    assert api.get(f"/v1/templates/{doc['id']}").json()["v"] == doc["v"]


def test_a_run_is_dispatched_in_one_of_the_templates_languages(api):
    tid = create(api)["id"]
    default = dispatch(api, tid)
    assert api.get(f"/v1/runs/{default['run_id']}").json()["language"] == "en"
    arabic = dispatch(api, tid, language="ar")
    assert api.get(f"/v1/runs/{arabic['run_id']}").json()["language"] == "ar"
    listed = api.get("/v1/runs", params={"per_page": 10}).json()["data"]
    assert {r["run_id"]: r["language"] for r in listed} == {default["run_id"]: "en", arabic["run_id"]: "ar"}
    used = api.get("/v1/org").json()["usage"]["runs_used_this_month"]
    r = api.post("/v1/runs", json={"template_id": tid, "language": "fr"})
    assert r.status_code == 422
    assert r.json()["details"] == [
        {"path": "language", "message": "must be one of the template's languages: en, de, ar"}
    ]
    assert api.get("/v1/org").json()["usage"]["runs_used_this_month"] == used  # nothing charged
    assert len(api.get("/v1/runs").json()["data"]) == 2  # nothing dispatched


def test_open_resolves_to_the_asked_language_then_accept_language_then_the_runs(api):
    tid = create(api)["id"]
    run_id = dispatch(api, tid, language="ar")["run_id"]
    opened = api.post(f"/v1/runs/{run_id}/open", json={}, auth=False).json()
    assert opened["language"] == "ar" and opened["languages"] == ["en", "de", "ar"]
    assert opened["template"]["name"] == "فحص السيارة" and "translations" not in opened["template"]
    run2 = dispatch(api, tid, language="ar")["run_id"]
    headers = {"Accept-Language": "es, de-CH;q=0.7, en;q=0.3"}
    opened = api.post(f"/v1/runs/{run2}/open", json={}, headers=headers, auth=False).json()
    assert opened["language"] == "de" and opened["template"]["sections"][0]["title"] == "Außen"
    run3 = dispatch(api, tid)["run_id"]
    opened = api.post(f"/v1/runs/{run3}/open", json={"language": "de"}, headers=headers, auth=False).json()
    assert opened["language"] == "de"
    run4 = dispatch(api, tid)["run_id"]
    r = api.post(f"/v1/runs/{run4}/open", json={"language": "fr"}, auth=False)
    assert r.status_code == 422 and r.json()["details"][0]["path"] == "language"
    assert api.get(f"/v1/runs/{run4}").json()["opened_at"] is None  # nothing changed


def test_preview_and_the_run_page_follow_accept_language(api):
    tid = create(api)["id"]
    run_id = dispatch(api, tid, language="de")["run_id"]
    preview = api.get(f"/v1/runs/{run_id}/preview", auth=False).json()
    assert (preview["language"], preview["template_name"]) == ("de", "Autocheck")  # the run's language
    headers = {"Accept-Language": "ar;q=0.9, en;q=0.8"}
    preview = api.get(f"/v1/runs/{run_id}/preview", headers=headers, auth=False).json()
    assert (preview["language"], preview["template_name"]) == ("ar", "فحص السيارة")
    page = api.get(f"/r/{run_id}", headers=headers, auth=False)
    assert page.headers["content-language"] == "ar"
    assert '<html lang="ar" dir="rtl">' in page.text and "فحص السيارة" in page.text


def test_the_preview_and_the_open_say_their_language_and_that_it_varies_with_accept_language(api):
    """The public preview answers in the language Accept-Language picks: a shared cache (a CDN before the link's
    page) must key it on that header. It said neither which language nor `Vary: Accept-Language`, as /r/{id}
    and GET /v1/templates/{id}?lang= do, so a cache could hand one phone's Arabic preview to the next."""
    tid = create(api)["id"]
    run_id = dispatch(api, tid, language="de")["run_id"]
    r = api.get(f"/v1/runs/{run_id}/preview", headers={"Accept-Language": "ar"}, auth=False)
    assert r.headers["content-language"] == "ar" and r.headers["vary"] == "Accept-Language"
    r = api.get(f"/v1/runs/{run_id}/preview", auth=False)
    assert r.headers["content-language"] == "de" and r.headers["vary"] == "Accept-Language"
    r = api.request("HEAD", f"/v1/runs/{run_id}/preview", headers={"Accept-Language": "en"}, auth=False)
    assert r.headers["content-language"] == "en" and r.headers["vary"] == "Accept-Language"
    r = api.post(f"/v1/runs/{run_id}/open", json={}, headers={"Accept-Language": "ar"}, auth=False)
    assert r.json()["language"] == "ar" and r.headers["content-language"] == "ar"
    assert r.headers["vary"] == "Accept-Language"


def test_webhook_payloads_carry_the_runs_language(api):
    tid = create(api)["id"]
    run_id = dispatch(api, tid, language="de", webhook={"url": "https://example.com/hook"})["run_id"]
    api.post(f"/v1/runs/{run_id}/cancel")
    bodies = api.ctx.db.read(
        lambda conn: [
            json.loads(r[0]) for r in conn.execute("SELECT body FROM events WHERE run_id = ?", (run_id,))
        ]
    )  # the outbox rows, exactly as delivered
    assert [b["event"] for b in bodies] == ["run.cancelled"]
    assert bodies[0]["data"]["language"] == "de" and bodies[0]["data"]["executor_ref"] is None


def test_translations_export_and_import_round_trip_byte_for_byte(api):
    doc = create(api)
    for file_format, media in (("xliff", "application/xliff+xml"), ("csv", "text/csv")):
        url = f"/v1/templates/{doc['id']}/translations/de"
        exported = api.get(url, params={"format": file_format})
        assert exported.status_code == 200 and exported.headers["content-type"].startswith(media)
        r = api.put(
            url, params={"format": file_format}, content=exported.content, headers={"Content-Type": media}
        )
        assert r.status_code == 200, r.text
        assert r.json()["v"] == doc["v"]  # nothing changed: no new version
        assert api.get(url, params={"format": file_format}).content == exported.content


def test_an_import_sets_removes_and_adds_a_language(api):
    doc = create(api)
    url = f"/v1/templates/{doc['id']}/translations/es"
    csv = api.get(url, params={"format": "csv"}).content.decode("utf-8-sig")
    assert csv.splitlines()[1] == "name,Car check,"  # a new language starts with empty targets
    filled = "key,source,target\r\nname,Car check,Revisión del coche\r\ns-tyre.label,Tyres fine?,¿Neumáticos bien?\r\n"
    r = api.put(url, params={"format": "csv"}, content=filled.encode(), headers={"Content-Type": "text/csv"})
    assert r.status_code == 200, r.text
    assert r.json()["languages"] == ["en", "de", "ar", "es"] and r.json()["v"] == doc["v"] + 1
    assert r.json()["translations"]["es"] == {
        "name": "Revisión del coche",
        "s-tyre.label": "¿Neumáticos bien?",
    }
    emptied = "key,source,target\r\nname,Car check,\r\n"
    r = api.put(url, params={"format": "csv"}, content=emptied.encode())
    assert r.json()["translations"]["es"] == {"s-tyre.label": "¿Neumáticos bien?"}  # empty target removes


def test_bad_imports_answer_their_code_and_change_nothing(api):
    doc = create(api)
    url = f"/v1/templates/{doc['id']}/translations/de"

    def put(data: bytes, file_format: str = "csv", target: str = url):
        return api.put(target, params={"format": file_format}, content=data)

    unknown = put(b"key,source,target\r\ns-gone.label,x,y\r\n")
    assert (
        unknown.status_code == 422 and unknown.json()["details"][0]["path"] == "translations.de.s-gone.label"
    )
    too_long = put(("key,source,target\r\ns-tyre.true_label,Yes," + "J" * 101 + "\r\n").encode())
    assert too_long.status_code == 422
    assert too_long.json()["details"] == [
        {"path": "translations.de.s-tyre.true_label", "message": "must be at most 100 characters"}
    ]
    unreadable = put(b"<xliff", "xliff")
    assert unreadable.status_code == 422 and unreadable.json()["details"][0]["path"] == "body"
    assert put(b"id,text\r\n").status_code == 422
    xliff = api.get(f"/v1/templates/{doc['id']}/translations/ar").content
    assert put(xliff, "xliff").json()["details"][0]["path"] == "body.target-language"
    assert (
        put(b"key,source,target\r\n", target=f"/v1/templates/{doc['id']}/translations/en").status_code == 422
    )
    assert api.get(f"/v1/templates/{doc['id']}/translations/not_a_tag").status_code == 422
    assert api.get(url, params={"format": "pdf"}).status_code == 422
    assert api.get("/v1/templates/t-00000000-0000-4000-8000-000000000000/translations/de").status_code == 404
    assert api.get(f"/v1/templates/{doc['id']}").json() == doc  # nothing changed


def test_a_csv_export_guards_formulas_and_its_import_takes_each_text_back_exactly(api):
    """A step titled `=HYPERLINK(…)` ran in the translator's spreadsheet: every cell that would run as a formula
    is guarded with an apostrophe, as the runs export's are, and the import takes the guard off again, so that
    a round trip changes nothing (a text that starts with an apostrophe of its own keeps it)."""
    import csv
    import io

    texts = ['=HYPERLINK("http://evil.example","Click")', "+1 spare wheel", "-wipers", "@lights", "\tmirrors"]
    own = ["'tis the boot", "'=not a guard", "-5"]  # an apostrophe of their own; a plain number
    body = car_check(
        name=texts[0],
        translations={"de": {"name": "=1+1", "s-tyre.label": "'Reifen", "s-tyre.hint": "\tAlle vier"}},
    )
    steps = [{"id": f"s-{n}", "type": "boolean", "label": label} for n, label in enumerate(texts[1:] + own)]
    body["sections"][0]["steps"] += steps
    doc = create(api, body)
    url = f"/v1/templates/{doc['id']}/translations/de"
    exported = api.get(url, params={"format": "csv"}).content
    rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig"), newline="")))
    cells = {cell for row in rows[1:] for cell in row[1:]}
    assert {f"'{text}" for text in texts} | {"'=1+1", "''Reifen", "'\tAlle vier"} <= cells, rows
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t") or (c.startswith("-") and c != "-5")], rows
    r = api.put(url, params={"format": "csv"}, content=exported, headers={"Content-Type": "text/csv"})
    assert r.status_code == 200, r.text
    assert r.json()["v"] == doc["v"] and r.json()["translations"] == doc["translations"]
    assert api.get(url, params={"format": "csv"}).content == exported
    # a translator's targets, guarded the same way, arrive as the texts they guard
    filled = "key,source,target\r\nname,x,'=1+2\r\ns-0.label,x,'tis\r\ns-1.label,x,''quoted\r\n"
    r = api.put(url, params={"format": "csv"}, content=filled.encode(), headers={"Content-Type": "text/csv"})
    assert r.status_code == 200, r.text
    assert {k: r.json()["translations"]["de"][k] for k in ("name", "s-0.label", "s-1.label")} == {
        "name": "=1+2",
        "s-0.label": "'tis",
        "s-1.label": "'quoted",
    }
