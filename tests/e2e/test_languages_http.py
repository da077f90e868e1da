"""Templates in several languages on the real `rundun-server` process over HTTP (SPEC §15)."""

from __future__ import annotations

import httpx

from tests.server.tdl.test_tdl_languages import car_check


def test_a_translators_file_and_a_run_in_the_executors_language(server_process):
    server, key = server_process
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as api:
        tid = api.post("/v1/templates", json=car_check()).json()["id"]
        url = f"/v1/templates/{tid}/translations/de"
        xliff = api.get(url).content
        filled = xliff.replace(b"<source>Fuel</source>", b"<source>Fuel</source><target>Tankinhalt</target>")
        r = api.put(url, content=filled, headers={"Content-Type": "application/xliff+xml"})
        assert r.status_code == 200, r.text
        assert r.json()["translations"]["de"]["s-fuel.label"] == "Tankinhalt"
        run = api.post("/v1/runs", json={"template_id": tid, "language": "ar"}).json()
        opened = httpx.post(
            f"{server.url}/v1/runs/{run['run_id']}/open",
            json={},
            headers={"Accept-Language": "fr-CH, de;q=0.9, ar;q=0.8"},
            timeout=30,
        ).json()
        assert opened["language"] == "de" and opened["languages"] == ["en", "de", "ar"]
        assert opened["template"]["sections"][0]["steps"][1]["label"] == "Tankinhalt"
        doc = api.get(f"/v1/runs/{run['run_id']}").json()
        assert (
            doc["language"] == "ar"
        )  # the run's language is the dispatcher's choice; the view is the reader's
