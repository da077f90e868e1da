"""Reports against the real embedded server: a run as PDF (every answer, the photos, the signature, GPS),
the filtered runs list as CSV."""

from __future__ import annotations

import copy
import csv
import html
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

from PySide6.QtGui import QColor, QFontDatabase, QImage, QTextTable

from rundun_desktop import formatting as fmt
from rundun_desktop.answers import photo_key
from rundun_desktop.reports.pdf import build_document, line_edge, run_html, script_font_family, write_run_pdf
from server import tdl
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor_sim import Executor, complete_vehicle_inspection, image_bytes
from tests.desktop.pdf_text import pdf_font_sizes, pdf_image_widths, pdf_images, pdf_text
from tests.desktop.test_monitor_detail_hidden import HIDDEN_WORDS, close_the_store, store_closing
from tests.server.tdl.test_tdl_languages import car_check
from tests.support.samples import minimal, vehicle_inspection

SHOTS = Path(os.environ["RUNDUN_TEST_SHOTS"]) if os.environ.get("RUNDUN_TEST_SHOTS") else None


def test_pdf_contains_every_answer_and_the_photos(desktop, aloop, live_server, tmp_path):
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "pdf-7"}))[
        "run_id"
    ]
    run(aloop, complete_vehicle_inspection(live_server.url, run_id))
    detail = desktop.window.runs.detail
    loaded = []
    detail.run_loaded.connect(loaded.append)
    detail.show_run(run_id)
    wait_until(aloop, lambda: bool(loaded), 10)
    written = []
    detail.pdf_written.connect(written.append)
    path = tmp_path / "run.pdf"
    detail.export_pdf(str(path))
    wait_until(aloop, lambda: written == [str(path)], 20)

    text = pdf_text(path.read_bytes())
    for expected in (
        "Vehicle pre-rental inspection",
        "pdf-7",
        run_id,
        "Completed",
        "Odometer reading",
        "42,150 km",
        "Fuel level",
        "3/4",
        "Any pre-existing damage?",
        "Yes",
        "Describe the damage",
        "Scratch on the rear bumper",
        "Interior cleanliness",
        "5 of 5",
        "51.50700, -0.12700",
        "Signature",
    ):
        assert expected in text, expected
    images = pdf_images(path.read_bytes())
    assert len(images) >= 4  # three photos and the signature, each embedded as an image
    assert all(w >= 100 and h >= 50 for w, h in images)


def test_csv_holds_the_whole_filtered_list(desktop, aloop, tmp_path):
    t1 = run(aloop, desktop.api.create_template(minimal("First")))
    t2 = run(aloop, desktop.api.create_template(minimal("Second")))
    for i in range(6):
        run(aloop, desktop.api.dispatch_run({"template_id": t1["id"], "executor_ref": f"a-{i}"}))
    # Not run by the spreadsheet that opens the file (the server keeps the ref as sent).
    run(aloop, desktop.api.dispatch_run({"template_id": t1["id"], "executor_ref": "=HYPERLINK(1)"}))
    run(aloop, desktop.api.dispatch_run({"template_id": t2["id"], "executor_ref": "b-0"}))
    runs = desktop.window.runs
    runs.model.page_size = 3  # the export pages through the server, not through the loaded rows
    runs.load_templates()
    wait_until(aloop, lambda: runs.view.template_filter.count() == 3, 10)
    runs.view.template_filter.setCurrentIndex(runs.view.template_filter.findData(t1["id"]))
    written = []
    runs.csv_written.connect(lambda path, count: written.append(count))
    path = tmp_path / "runs.csv"
    runs.export_csv(str(path))
    wait_until(aloop, lambda: written == [7], 10)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert sorted(r["executor_ref"] for r in rows) == ["'=HYPERLINK(1)", *(f"a-{i}" for i in range(6))]
    assert {r["template_name"] for r in rows} == {"First"} and {r["status"] for r in rows} == {"pending"}


def test_a_run_id_never_wraps_in_the_report(qapp):
    """However narrow the page and long the other facts, the run id and executor ref stay on one line each
    (a wrapped id cannot be found or copied whole: issue 14)."""
    run_id = "run-3f1c2a9e-5b7d-4c3e-9a8f-0d1e2f3a4b5c"
    document = {
        "run_id": run_id,
        "status": "completed",
        "executor_ref": "truck-7-north-depot-morning-shift",
        "template_name": "A template whose name is long enough to make the facts table wider than a page",
        "template_v": 3,
    }
    doc = build_document(document, {})
    doc.setTextWidth(220)  # narrower than the id itself: without nowrap, it breaks at its hyphens
    doc.size()  # lays the document out
    lines = {}
    block = doc.begin()
    while block.isValid():
        if block.text() in (run_id, document["executor_ref"]):
            lines[block.text()] = block.layout().lineCount()
        block = block.next()
    assert lines == {run_id: 1, document["executor_ref"]: 1}


def test_the_report_text_is_the_characters_typed(qapp, tmp_path):
    """No ligatures: a run id's "ff" once became the one glyph "ﬀ", so the id was not in the PDF's text
    (found by a loaded CI run, issue 14); names with "fi" and "fl" read back as typed too."""
    document = {
        "run_id": "r-76e30f52-f2fc-47d1-8118-fbff40c6e856",
        "status": "completed",
        "executor_ref": "staff-office-flow",
        "template_name": "Office fitness",
        "template_v": 1,
    }
    text = pdf_text(write_run_pdf(tmp_path / "run.pdf", document, {}).read_bytes())
    for typed in (document["run_id"], "staff-office-flow", "Office fitness (version 1)"):
        assert typed in text


def pdftotext(path) -> str:
    """The PDF's text as poppler reads it (what a person's viewer or a search index sees)."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=60, check=True
    )
    return done.stdout.decode("utf-8")


def run_document(language: str, **fields) -> dict:
    """A run as the API's document says it, in `language`, with `fields` added or changed."""
    return {
        "run_id": "r-76e30f52-f2fc-47d1-8118-fbff40c6e856",
        "status": "completed",
        "template_name": "Car check",
        "template_v": 1,
        "language": language,
        **fields,
    }


def report_in(language: str, tmp_path) -> str:
    document = run_document(
        language,
        template=tdl.normalize_template(tdl.validate_template(car_check())),
        answers={"s-tyre": {"value": True, "photos": [], "geo": None, "at": None, "skipped": False}},
    )
    return pdftotext(write_run_pdf(tmp_path / f"run-{language}.pdf", document, {}))


def test_the_report_is_in_the_runs_language_with_arabic_shaped_and_searchable(qapp, tmp_path):
    """SPEC §15: the template's texts in the run's language (untranslated ones in the first language), in a
    font that has the script: Arabic is shaped (joined letter forms) and still reads back as the letters typed."""
    assert script_font_family("ar") in QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
    shaped = report_in("ar", tmp_path)
    # Shaped: the letters are drawn in their joined forms (Arabic Presentation Forms-B, U+FE70–U+FEFF), which
    # are compatibility forms of the letters typed; read back in logical order, they are the text.
    assert any("\ufe70" <= ch <= "\ufeff" for ch in shaped)
    arabic = unicodedata.normalize("NFKC", shaped)
    assert "فحص السيارة" in arabic  # the name
    assert "نعم" in arabic  # the boolean's translated "Yes" label
    assert "Outside" in arabic  # no Arabic title: the first language's
    assert "r-76e30f52-f2fc-47d1-8118-fbff40c6e856" in arabic  # ids stay left to right, whole
    german = report_in("de", tmp_path)
    assert "Autocheck" in german and "Außen" in german and "Reifen in Ordnung?" in german
    assert "Car check" not in german.replace("Car check (Version", "")
    assert "Fortschritt" in german and "الحالة" in arabic  # the report's own words in the run's language too


def test_the_reports_progress_counts_its_steps_in_the_runs_language(qapp, tmp_path):
    """It read "1 of 1 steps" for a one-step run, and wrote Latin digits in an Arabic report."""
    expected = {"en": "1 of 1 step", "de": "1 von 1 Schritt", "ar": "١ من خطوة واحدة"}
    bidi_controls = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
    for language, words in expected.items():
        document = run_document(
            language, status="in_progress", progress={"answered": 1, "skipped": 0, "total": 1}
        )
        path = write_run_pdf(tmp_path / f"progress-{language}.pdf", document, {})
        text = unicodedata.normalize("NFKC", pdftotext(path)).translate(bidi_controls)
        line = next((line for line in text.splitlines() if words.split()[-1] in line), "")
        # Right to left, poppler gives the line's runs in visual order (the digit glued to a word): its letters
        # and digits are compared, not their order.
        assert sorted(line.replace(" ", "")) == sorted(words.replace(" ", "")), (language, line)
        assert "1 of 1 steps" not in text, text


def shown_and_exported(desktop, aloop, run_id: str, path: Path):
    """The run shown in the monitor's detail with its history, then exported as a PDF from there: (the detail's
    controller, the file)."""
    detail = desktop.window.runs.detail
    loaded = []
    detail.history_loaded.connect(loaded.append)
    detail.show_run(run_id)
    wait_until(aloop, lambda: run_id in loaded, 10)
    written = []
    detail.pdf_written.connect(written.append)
    detail.export_pdf(str(path))
    wait_until(aloop, lambda: written == [str(path)], 20)
    return detail, path


def test_the_run_report_reads_at_print_size_with_findings_history_and_large_photos(
    desktop, aloop, live_server, tmp_path
):
    """Issue 17: body text ≥ 9 pt on A4 (it was about 3 pt), photos big enough to see damage, the finding
    marked, each step's history summarised with the write that lost, and where the file went."""
    body = vehicle_inspection()
    for section in body["sections"]:
        for step in section["steps"]:
            if step["id"] == "s-dm01":
                step["flag"] = True  # damage found: a finding
    template = run(aloop, desktop.api.create_template(body))
    run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "pdf-9"}))[
        "run_id"
    ]

    async def stale_then_complete():
        async with Executor(live_server.url, run_id) as ex:
            await ex.open()
            auth = {"Authorization": f"Bearer {ex.token}"}
            for value, at in ((40000, "2026-05-22T08:10:00Z"), (39000, "2026-05-22T08:00:00Z")):
                r = await ex.http.put(
                    f"/v1/runs/{run_id}/answers/s-od01", json={"value": value, "at": at}, headers=auth
                )
                assert r.status_code == 200, r.text
            await ex.answer("s-od01", 42150)
            await ex.answer("s-fu01", "o-fu2")
            await ex.answer("s-dm01", True)
            await ex.answer("s-dm02", "Scratch on the rear bumper")
            await ex.photo("s-dm02", 0, image_bytes("#e8590c", size=(1200, 900)))
            await ex.answer("s-cl01", 5)
            await ex.photo("s-cl01", 0, image_bytes("#1971c2", "PNG"), "image/png")
            await ex.signature(image_bytes("#ffffff", "PNG", (300, 120)))
            await ex.complete()

    run(aloop, stale_then_complete())
    detail, path = shown_and_exported(desktop, aloop, run_id, tmp_path / "report.pdf")
    assert detail.view.message.text() == f"Saved to {path}."

    data = path.read_bytes()
    sizes = pdf_font_sizes(data)
    assert sizes and min(sizes) >= 9, sorted(set(sizes))
    text = pdf_text(data)
    assert "⚑ Finding" in text and "Findings" in text
    assert (
        "changed once · 1 stale write lost" in text
    )  # 40,000 then 42,150 (the first is no change); 39,000 lost
    assert "lost: 39,000 km" in text
    widths = pdf_image_widths(data)
    assert len(widths) >= 3 and max(widths) >= 230, widths  # a photo over 80 mm wide
    if SHOTS:  # a look at it: RUNDUN_TEST_SHOTS=/some/dir
        shutil.copy(path, SHOTS / "report.pdf")


def without_shelves(document: dict, shelves: int) -> dict:
    """The run with its first `shelves` filler steps (and their answers) left out: the page ends fall elsewhere."""
    shorter = copy.deepcopy(document)
    gone = {f"s-shelf{n}" for n in range(shelves)}
    kitchen = shorter["template"]["sections"][0]
    kitchen["steps"] = [step for step in kitchen["steps"] if step["id"] not in gone]
    shorter["answers"] = {k: v for k, v in shorter["answers"].items() if k not in gone}
    return shorter


def test_the_report_prints_each_line_once_keeps_each_answer_on_one_page_and_says_what_was_hidden(
    desktop, aloop, live_server, tmp_path
):
    """The user's report: steps written once said "changed once" (a signature step "changed 2 times"); steps their
    condition hid said "Not answered"; and a row a page's end cut printed its time on both pages, "changed once"
    below on the next. Whatever rows the page ends fall between: each line once, and no answer cut in two."""
    template = run(aloop, desktop.api.create_template(store_closing(fillers=30)))
    run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "store-1"}))[
        "run_id"
    ]
    run(aloop, close_the_store(live_server.url, run_id, fillers=30))
    detail, path = shown_and_exported(desktop, aloop, run_id, tmp_path / "report.pdf")
    reports = [(detail.run, path)]
    for shelves in range(1, 6):
        shorter = without_shelves(detail.run, shelves)
        reports.append(
            (shorter, write_run_pdf(tmp_path / f"report-{shelves}.pdf", shorter, {}, detail.history))
        )

    def spaced(text: str) -> str:  # a narrow no-break space (ICU's before "PM") reads back as a space
        return text.replace("\u202f", " ")

    times = {spaced(fmt.local_time(a["at"], True)) for a in detail.run["answers"].values() if a["at"]}
    for document, pdf in reports:
        text = spaced(pdftotext(pdf))
        assert text.count("changed") == 1 and "changed once" in text  # the fridge: 4 °C, then 3 °C
        assert "Not answered" not in text and text.count(HIDDEN_WORDS) == 2  # the photo, the question
        source = spaced(html.unescape(re.sub(r"<[^>]+>", " ", run_html(document, {}, detail.history))))
        labels = [step["label"] for section in document["template"]["sections"] for step in section["steps"]]
        for line in [
            *labels,
            *times,
        ]:  # each as often as the report says it: never drawn again on the next page
            assert text.count(line) == source.count(line), (pdf.name, line)
        for page in text.split("\f")[1:]:
            lines = [line for line in page.splitlines() if line.strip()]
            assert not lines or lines[0] not in times, (
                pdf.name,
                lines[:3],
            )  # an answer's time, its label gone
    if SHOTS:
        shutil.copy(path, SHOTS / "report-store.pdf")


def test_a_reports_signature_heading_is_in_the_runs_language(qapp):
    """A German or Arabic report headed its signature "Signature" (the translation call sat inside an
    f-string, where the catalog's tool never saw it)."""
    from rundun_desktop.reports.pdf import run_html

    for language, heading in (("de", "Unterschrift"), ("ar", "التوقيع"), ("en", "Signature")):
        document = run_document(
            language,
            progress={"answered": 1, "skipped": 0, "total": 1},
            signature={"url": "http://127.0.0.1/media/r-1/signature/0.png"},
        )
        assert f"<h2>{heading}</h2>" in run_html(document, {}), language


def test_a_lost_write_is_said_in_the_reports_language(qapp):
    """A German report listed a stale write as "lost: 39,000 km (…)": "lost:" was written in English."""
    from rundun_desktop import i18n
    from rundun_desktop.history_words import HistoryLine, StepHistory
    from rundun_desktop.reports.pdf import history_html

    stale = HistoryLine("39.000 km", "2026-05-22T08:00:00Z", "2026-05-22T08:11:00Z", lost=True)
    step = StepHistory("s-od01", "Kilometerstand", 1, [stale])
    for language, word in (
        ("de", "verloren: 39.000 km ("),
        ("es", "perdida: 39.000 km ("),
        ("en", "lost: 39.000 km ("),
    ):
        with i18n.words_in(language):
            assert word in html.unescape(history_html(step)), language


def test_a_reports_heading_is_in_its_language_and_its_run_id_never_wraps(qapp):
    """Headed "Rundun run report" in every language; and in German or Arabic the run id's cell lost its no-wrap
    class (the ids were known by their English words), so a long id could wrap at a hyphen."""
    document = run_document("en", executor_ref="booking-2026-05-22-0001")
    for language, heading in (
        ("de", "Rundun-Durchlaufbericht"),
        ("ar", "تقرير تنفيذ Rundun"),
        ("en", "Rundun run report"),
    ):
        source = run_html({**document, "language": language}, {})
        assert f'<p class="muted">{heading}</p>' in source, language
        assert '<td class="id">r-76e30f52-f2fc-47d1-8118-fbff40c6e856</td>' in source, language
        assert '<td class="id">booking-2026-05-22-0001</td>' in source, language


def test_the_csv_says_each_runs_findings_and_what_its_device_holds(desktop, aloop, live_server, tmp_path):
    """Exported from "With findings", the CSV had no findings column, nor what the On the device column says."""
    from tests.desktop.test_dashboard import seed

    seeded = seed(desktop, aloop, live_server.url)
    runs = desktop.window.runs
    view = runs.view
    view.findings_filter.setCurrentIndex(view.findings_filter.findText("With findings"))
    written = []
    runs.csv_written.connect(lambda path, count: written.append(count))
    path = tmp_path / "findings.csv"
    runs.export_csv(str(path))
    wait_until(aloop, lambda: written == [1], 10)
    (row,) = list(csv.DictReader(path.open(encoding="utf-8")))
    flagged = run(aloop, desktop.api.get_run(seeded["flagged"]))
    assert row["run_id"] == seeded["flagged"] and row["findings"] == str(flagged["flagged"]) != "0"
    device = flagged.get("device") or {}
    assert row["device_pending_changes"] == str(device.get("pending_ops", ""))
    assert {"device_pending_bytes", "device_failed_changes"} <= row.keys()


def test_no_answer_straddles_a_page_end_wherever_the_page_ends_fall(qapp):
    """Once the ending was printed (the document laid out again whole), an answer kept together by a measure taken
    on Qt's partial layout straddled a page end once printed, about one a report from 19 answers a section on:
    each row is measured on a layout made whole after each change."""
    for rooms in range(8, 40):
        document = build_document(*signed_move_in(rooms, at="2026-05-22T08:00:00Z"))
        height = document.pageSize().height()
        for table in (f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)):
            for row in range(table.rows()):
                cells = [table.cellAt(row, column) for column in range(table.columns())]
                top = min(line_edge(document, c.firstCursorPosition().block(), first=True) for c in cells)
                bottom = max(line_edge(document, c.lastCursorPosition().block(), first=False) for c in cells)
                assert top // height == (bottom - 1) // height, (rooms, row, top, bottom)


def signed_move_in(rooms: int, at: str | None = None) -> tuple[dict, dict]:
    """A signed run of three sections of `rooms` text answers (answers of one to three words, each given `at`),
    its signature image: the more rooms, the further down a page its last section, signature and footer land."""
    sections, answers = [], {}
    for s in range(3):
        steps = [
            {"id": f"s-{s}-{i}", "type": "text", "label": f"Room {s}.{i} checked by"} for i in range(rooms)
        ]
        answers |= {
            step["id"]: {
                "value": "Tenant " * (1 + i % 3),
                "photos": [],
                "geo": None,
                "at": at,
                "skipped": False,
            }
            for i, step in enumerate(steps)
        }
        sections.append({"id": f"g-{s}", "title": "Handover" if s == 2 else f"Floor {s}", "steps": steps})
    template = tdl.normalize_template(tdl.validate_template({"name": "Move-in", "sections": sections}))
    signature = "http://127.0.0.1/media/r-1/signature/0.png"
    image = QImage(300, 120, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    document = run_document("en", template=template, answers=answers, signature={"url": signature})
    return document, {photo_key(signature): image}


def test_a_signed_reports_ending_is_printed_wherever_the_page_ends_fall(qapp, tmp_path):
    """The auditor's 16 of 33 reports: the HTML held the last section, the signature and "Generated by Rundun",
    the printed PDF stopped before them (Qt left the blocks after a table that keep_rows_together changed without
    a layout). Over many lengths the ending lands at every place on a page: it is printed every time."""
    for rooms in range(8, 40):
        document, images = signed_move_in(rooms)
        text = pdftotext(write_run_pdf(tmp_path / f"move-in-{rooms}.pdf", document, images))
        last = [line for line in text.splitlines() if line.strip()][-4:]
        assert "Handover" in text and f"Room 2.{rooms - 1} checked by" in text, (rooms, last)
        assert "Signature" in text and "Generated by Rundun" in text, (rooms, last)
        assert len(pdf_images(write_run_pdf(tmp_path / "again.pdf", document, images).read_bytes())) == 1
