"""The template library (SPEC §12): every file is good TDL that saves, no two are near-duplicates, and
`/v1/library` lists, filters and returns them with the API's usual auth and errors."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest
import rundun_resources
from rapidfuzz import fuzz

from server.services.generate.yesno import about_people
from server.services.library import library_dir, load_library
from server.tdl import validate_template

FILES = sorted(library_dir().glob("*.json"))
# Two templates are near-duplicates when most steps of the smaller one have a twin in the other.
TWIN_LABEL_SCORE = 85  # rapidfuzz token_sort_ratio of two normalized labels
MAX_SHARED_FRACTION = 0.35


def _labels(template: dict) -> list[str]:
    """The steps a person reads as the template's content: no conditional follow-ups, no sign-off."""
    return [
        re.sub(r"[^a-z0-9 ]+", " ", step["label"].lower()).strip()
        for section in template["sections"]
        for step in section["steps"]
        if not step.get("condition") and step["type"] not in ("signature", "instruction")
    ]


def shared_fraction(a: dict, b: dict) -> float:
    """Share of the smaller template's steps that have a near-identical label in the other."""
    small, large = sorted((_labels(a), _labels(b)), key=len)
    twins = sum(
        1
        for label in small
        if max(fuzz.token_sort_ratio(label, other) for other in large) >= TWIN_LABEL_SCORE
    )
    return twins / len(small)


def test_the_similarity_measure_sees_a_near_duplicate() -> None:
    """The bound below would catch a copy with a few labels reworded."""
    original = json.loads(FILES[0].read_text())
    copy = json.loads(json.dumps(original))
    for section in copy["sections"][:1]:
        for step in section["steps"]:
            step["label"] = step["label"].replace("?", "") + " checked"
    assert shared_fraction(original, copy) > MAX_SHARED_FRACTION


def test_the_library_has_at_least_forty_distinct_templates() -> None:
    assert len(FILES) >= 40
    names = [json.loads(p.read_text())["name"].lower() for p in FILES]
    assert len(set(names)) == len(names)
    documents = {p.stem: json.loads(p.read_text()) for p in FILES}
    worst = max(
        ((shared_fraction(documents[a], documents[b]), a, b) for a, b in itertools.combinations(documents, 2))
    )
    assert worst[0] <= MAX_SHARED_FRACTION, worst


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_template_is_valid_and_well_made(path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    validate_template(document)
    assert "id" not in document and re.fullmatch(r"[a-z0-9-]+", path.stem)
    assert 3 <= len(document["tags"]) <= 20 and all(t == t.lower() for t in document["tags"])
    assert document["description"] and document["settings"]["est_minutes"] >= 1
    steps = [s for section in document["sections"] for s in section["steps"]]
    assert len(_labels(document)) >= 8, "a starting template covers the job"
    for step in steps:
        if step["type"] == "number":
            assert step["config"].get("unit"), step["label"]
        if step["type"] == "rating":
            assert step["config"]["low_label"] and step["config"]["high_label"], step["label"]
    follow_ups = [s for s in steps if s["condition"] and s["label"].startswith("Describe")]
    assert follow_ups, "a bad answer asks what is wrong"
    assert all(s["type"] == "text" and (not s["photo"] or s["photo"]["max"] <= 6) for s in follow_ups)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_the_answer_that_asks_what_is_wrong_is_the_finding(path) -> None:
    """A yes/no step's follow-up ("Describe the problem") is shown on the bad answer, and that answer is the
    step's finding: 17 steps phrased the good way round ("Tyres inflated with no cuts?", "Walked to the
    back: no child left on board?") flagged Yes, so the dashboard counted every good answer as a finding
    and none of the problems."""
    document = json.loads(path.read_text(encoding="utf-8"))
    steps = {s["id"]: s for section in document["sections"] for s in section["steps"]}
    for follow_up in steps.values():
        when = (follow_up["condition"] or {}).get("when", {})
        asked = steps.get(when.get("step"))
        if asked is not None and asked["type"] == "boolean" and when.get("op") == "eq":
            assert asked.get("flag") == when["value"], (asked["label"], follow_up["label"])


# Steps about people (`about_people`, which the generator's new checks follow too), and those whose label
# names no person but asks about one: their follow-up asks no photo or leaves it to the person (audit E,
# finding 14: a run could not be completed without photographing the children when the ratios were not met).
PEOPLE_STEPS = {
    ("childcare-daily-safety", "s-staff-to-child-ratios-met"),
    ("childcare-daily-safety", "s-allergy-and-medication-list-checked"),
    ("childcare-daily-safety", "s-sign-in-sheet-ready"),
    ("patient-observations", "s-does-the-score-need-escalating-to-the-nu"),
    ("hand-hygiene-audit", "s-bare-below-the-elbows-observed"),
    ("hand-hygiene-audit", "s-gloves-used-appropriately"),
    ("food-hygiene-audit", "s-hands-washed-at-the-right-times"),
    ("toolbox-talk", "s-questions-from-the-crew-answered"),
    ("incident-report", "s-was-anyone-injured"),
    ("rental-property-periodic", "s-any-unauthorised-pets-occupants-or-alter"),
    ("security-patrol", "s-any-suspicious-people-vehicles-or-packag"),
    ("school-bus-pre-trip", "s-walked-to-the-back-no-child-left-on-boar"),
    ("retail-store-audit", "s-customers-greeted-within-a-minute"),
}


def test_no_step_about_people_requires_a_photo() -> None:
    asked = set()
    for path in FILES:
        steps = {
            s["id"]: s for g in json.loads(path.read_text(encoding="utf-8"))["sections"] for s in g["steps"]
        }
        for follow_up in steps.values():
            parent = steps.get(((follow_up["condition"] or {}).get("when") or {}).get("step"))
            if parent is None:
                continue
            if (path.stem, parent["id"]) in PEOPLE_STEPS or about_people(parent["label"]):
                asked.add((path.stem, parent["id"]))
                assert not follow_up["photo"] or follow_up["photo"]["min"] == 0, (path.stem, parent["label"])
    assert PEOPLE_STEPS <= asked  # every listed step is still there with its follow-up


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_an_answer_that_asks_what_is_wrong_on_any_step_is_its_finding(path) -> None:
    """Choices and ratings too: "Patrol result: Incident reported", a playground "Closed" and a roof covering
    rated "Failed" asked what was wrong but were not findings (audit E, finding 15)."""
    steps = {s["id"]: s for g in json.loads(path.read_text(encoding="utf-8"))["sections"] for s in g["steps"]}
    for follow_up in steps.values():
        when = (follow_up["condition"] or {}).get("when", {})
        asked = steps.get(when.get("step"))
        if asked is None or not follow_up["label"].startswith("Describe"):
            continue
        flag = asked.get("flag")
        if when["op"] == "in":
            assert flag == when["value"], (asked["label"], flag)
        elif when["op"] == "lt":
            assert flag and flag.get("below") == when["value"], (asked["label"], flag)


def _by_label(slug: str) -> dict[str, dict]:
    document = json.loads((library_dir() / f"{slug}.json").read_text(encoding="utf-8"))
    return {s["label"]: s for g in document["sections"] for s in g["steps"]}


def _finding(step: dict, value) -> bool:
    flag = step["flag"]
    if isinstance(flag, list):
        return value in flag
    if isinstance(flag, bool):
        return value is flag
    return (flag.get("below") is not None and value < flag["below"]) or (
        flag.get("above") is not None and value > flag["above"]
    )


@pytest.mark.parametrize(
    ("slug", "label", "good", "bad"),
    [
        ("cold-room-defrost", "Chiller display temperature", [2, 5], [5.1, 8]),
        ("cold-room-defrost", "Chiller probe temperature", [3], [6]),
        ("cold-room-defrost", "Freezer display temperature", [-18, -22], [-17.9, -10]),
        ("cold-room-defrost", "Freezer probe temperature", [-20], [-15]),
        ("generator-weekly", "Fuel tank level", [75, 100], [74, 10]),
        ("generator-weekly", "Battery voltage (12 V system)", [12.6, 13.8], [11.9, 15]),
        ("generator-weekly", "Battery voltage (24 V system)", [25.2, 27.6], [23.8, 30]),
        ("generator-weekly", "Frequency (50 Hz set)", [50, 49, 51], [48.5, 52]),
        ("generator-weekly", "Frequency (60 Hz set)", [60, 59], [58, 62]),
        ("generator-weekly", "Output voltage within ±10% of the nameplate?", [True], [False]),
        ("patient-observations", "Oxygen saturation", [94, 98], [93, 88]),
        ("patient-observations", "Air or oxygen", ["o-air-or-oxygen-air"], ["o-air-or-oxygen-oxygen"]),
        ("data-centre-walk", "Relative humidity", [45], [15, 85]),
        ("data-centre-walk", "UPS load", [60], [85]),
        ("elevator-machine-room", "Machine room temperature", [5, 40], [3, 45]),
        ("roof-inspection", "Condition of the covering", [3, 5], [1, 2]),
        (
            "security-patrol",
            "Patrol result",
            ["o-patrol-result-all-clear"],
            ["o-patrol-result-incident-reported"],
        ),
        (
            "playground-inspection",
            "Outcome",
            ["o-outcome-open"],
            ["o-outcome-part-closed", "o-outcome-closed"],
        ),
    ],
)
def test_the_obvious_readings_are_findings(slug, label, good, bad) -> None:
    step = _by_label(slug)[label]
    assert [v for v in good if _finding(step, v)] == [] and all(_finding(step, v) for v in bad)


def test_consciousness_other_than_alert_is_a_finding() -> None:
    step = _by_label("patient-observations")["Consciousness (ACVPU)"]
    assert [o["label"] for o in step["config"]["options"] if o["id"] not in step["flag"]] == ["Alert"]


def test_forklift_fuel_checks_show_only_for_the_trucks_that_have_them() -> None:
    steps = _by_label("forklift-pre-shift")
    power = {o["label"]: o["id"] for o in steps["Power"]["config"]["options"]}
    lpg = steps["LPG cylinder secure and connections leak-free?"]["condition"]["when"]
    assert lpg == {"step": steps["Power"]["id"], "op": "eq", "value": power["LPG"]}
    oil = steps["Engine oil and coolant at the right level?"]["condition"]["when"]
    assert oil == {"step": steps["Power"]["id"], "op": "in", "value": [power["LPG"], power["Diesel"]]}
    assert steps["Hydraulic fluid at the right level?"]["condition"] is None  # every truck has hydraulics


def test_every_template_saves_through_the_api_unchanged(api) -> None:
    for path in FILES:
        created = api.post("/v1/templates", json=json.loads(path.read_text(encoding="utf-8")))
        assert created.status_code == 201, (path.name, created.text)
        stored = api.get(f"/v1/templates/{created.json()['id']}").json()
        assert stored["sections"] == load_entry(path.stem)["sections"], path.name


def load_entry(slug: str) -> dict:
    return next(e.template for e in load_library() if e.slug == slug)


def test_list_gives_summaries_in_name_order(api) -> None:
    answer = api.get("/v1/library?per_page=200")
    assert answer.status_code == 200
    body = answer.json()
    rows = body["data"]
    assert body["pagination"]["total"] == len(FILES) == len(rows)
    assert [r["name"].lower() for r in rows] == sorted(r["name"].lower() for r in rows)
    forklift = next(r for r in rows if r["slug"] == "forklift-pre-shift")
    assert set(forklift) == {
        "slug",
        "name",
        "description",
        "tags",
        "step_count",
        "start_step_count",
        "conditional_step_count",
        "languages",
    }
    document = api.get("/v1/library/forklift-pre-shift").json()
    assert forklift["step_count"] == sum(len(s["steps"]) for s in document["sections"])
    assert forklift["name"] == document["name"] == "Forklift pre-shift check"


def test_the_list_counts_the_steps_a_run_shows_apart_from_those_that_follow_answers(api) -> None:
    """The library said "45 steps" of the forklift check, whose run shows 23: 22 follow only some answers."""
    forklift = next(
        r for r in api.get("/v1/library?per_page=200").json()["data"] if r["slug"] == "forklift-pre-shift"
    )
    template = api.post("/v1/templates", json=api.get("/v1/library/forklift-pre-shift").json())
    assert template.status_code == 201, template.text
    run = api.post("/v1/runs", json={"template_id": template.json()["id"]}).json()
    progress = api.get(f"/v1/runs/{run['run_id']}").json()["progress"]
    assert forklift["start_step_count"] == progress["total"] == 23
    assert forklift["conditional_step_count"] == 22
    assert forklift["start_step_count"] + forklift["conditional_step_count"] == forklift["step_count"]


def test_list_filters_by_words_and_tag_and_pages(api) -> None:
    found = api.get("/v1/library", params={"q": "FORKLIFT shift"}).json()["data"]
    assert [r["slug"] for r in found] == ["forklift-pre-shift"]
    tagged = api.get("/v1/library", params={"tag": "Construction"}).json()["data"]
    assert tagged and all("construction" in r["tags"] for r in tagged)
    assert api.get("/v1/library", params={"q": "zzzz-nothing"}).json() == {
        "data": [],
        "pagination": {"total": 0, "page": 1, "per_page": 50, "next_page": None},
    }
    first = api.get("/v1/library", params={"per_page": 10}).json()
    second = api.get("/v1/library", params={"per_page": 10, "page": 2}).json()
    assert first["pagination"]["next_page"] == 2 and len(first["data"]) == 10
    assert not {r["slug"] for r in first["data"]} & {r["slug"] for r in second["data"]}


def test_get_returns_tdl_ready_to_save(api) -> None:
    document = api.get("/v1/library/vehicle-handover").json()
    assert "id" not in document and document["name"] == "Vehicle handover inspection"
    validate_template(document)
    assert api.post("/v1/templates", json=document).status_code == 201


@pytest.mark.parametrize(
    "slug", ["nope", "FORKLIFT-PRE-SHIFT", "..%2F..%2Fpyproject", "forklift-pre-shift.json", "x" * 300]
)
def test_unknown_slug_is_404_not_found(api, slug) -> None:
    answer = api.get(f"/v1/library/{slug}")
    assert answer.status_code == 404
    assert answer.json()["error"] == "not_found"


@pytest.mark.parametrize(
    "query", ["per_page=0", "per_page=201", "page=0", "page=x", "q=" + "a" * 201, "tag=" + "t" * 51]
)
def test_bad_query_is_a_documented_error(api, query) -> None:
    answer = api.get(f"/v1/library?{query}")
    assert answer.status_code in (400, 422)
    assert answer.json()["error"] in ("bad_request", "validation_error")


def test_library_needs_an_api_key(api) -> None:
    for url in ("/v1/library", "/v1/library/forklift-pre-shift", "/v1/library/nope"):
        answer = api.get(url, auth=False)
        assert answer.status_code == 401 and answer.json()["error"] == "unauthorized"


def test_openapi_documents_the_library(api) -> None:
    spec = api.get("/v1/openapi.json", auth=False).json()
    listing = spec["paths"]["/v1/library"]["get"]
    one = spec["paths"]["/v1/library/{slug}"]["get"]
    assert listing["security"] == [{"ApiKey": []}] == one["security"]
    assert {"200", "401"} <= set(listing["responses"]) and {"200", "401", "404"} <= set(one["responses"])
    assert {p["name"] for p in listing["parameters"]} >= {"q", "tag", "page", "per_page"}


def test_the_real_server_serves_the_library(server_process) -> None:
    server, key = server_process
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=server.url, headers=headers, timeout=30) as http:
        rows = http.get("/v1/library", params={"per_page": 200}).json()["data"]
        assert len(rows) == len(FILES)
        document = http.get("/v1/library/haccp-temperature-log").json()
        created = http.post("/v1/templates", json=document)
        assert created.status_code == 201 and created.json()["name"] == "HACCP temperature log"
        assert http.get("/v1/library/missing").json()["error"] == "not_found"


PLACEHOLDER = "Search the library: forklift, HACCP, move-out, scaffold…"


def _placeholder_examples() -> dict[str, list[str]]:
    """The desktop's library search box gives four examples to type, in each language it speaks."""
    examples = {"en": PLACEHOLDER}
    for catalog in sorted((Path(rundun_resources.__file__).parent / "i18n").glob("rundun_*.ts")):
        for message in ElementTree.parse(catalog).iter("message"):
            if message.findtext("source") == PLACEHOLDER:
                examples[catalog.stem.removeprefix("rundun_")] = message.findtext("translation") or ""
    return {
        lang: re.split(r"\s*[,،]\s*", text.split(":", 1)[1].strip(" …")) for lang, text in examples.items()
    }


def test_the_search_box_examples_find_their_templates_in_every_language(api) -> None:
    """A German, Spanish or Arabic user types the words their search box suggests ("mudanza",
    "Gabelstapler", "سقالة") and finds the template the English example finds: the library is written in
    English, and "mudanza" found nothing."""
    examples = _placeholder_examples()
    assert set(examples) >= {"en", "de", "es", "ar"}

    def found(word: str) -> set[str]:
        return {r["slug"] for r in api.get("/v1/library", params={"q": word}).json()["data"]}

    wanted = [found(word) for word in examples["en"]]
    assert all(wanted) and len(wanted) == 4
    for lang, words in examples.items():
        assert len(words) == 4, (lang, words)
        for word, slugs in zip(words, wanted, strict=True):
            assert found(word) & slugs, (lang, word)


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("carretilla elevadora", "forklift-pre-shift"),
        ("mudanza piso", "move-in-move-out"),
        ("Schwimmbad", "pool-daily"),
        ("Fahrzeugrückgabe", "vehicle-handover"),
        ("الفندق", "hotel-room-inspection"),
        ("forkl", "forklift-pre-shift"),  # a word's start, as typed, still finds it
    ],
)
def test_a_search_in_the_users_own_words_finds_the_english_template(api, query, slug) -> None:
    rows = api.get("/v1/library", params={"q": query}).json()["data"]
    assert slug in [r["slug"] for r in rows]
