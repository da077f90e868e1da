"""Counted words in each language's own plural forms (Qt's numerus translations): English "1 problem" and
"2 problems" from its plural-only catalog, German and Spanish singular and plural, Arabic's six forms (zero,
one, two, 3–10, 11–99, 100 and up), read off the real widgets and models that show them."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from rundun_desktop import formatting as fmt
from rundun_desktop.app_events import AppEvents
from rundun_desktop.backup.controller import restored_words, written_words
from rundun_desktop.backup.schedule import ago
from rundun_desktop.dashboard.controller import DashboardController
from rundun_desktop.dashboard.models import PERIODS
from rundun_desktop.dashboard.view import DashboardView
from rundun_desktop.editor.generate_dialog import GenerateDialog
from rundun_desktop.editor.library_dialog import LibraryDialog
from rundun_desktop.editor.preview import PreviewPane
from rundun_desktop.editor.preview_cards import StepCard
from rundun_desktop.executor.inbox_model import local_words
from rundun_desktop.executor.sync import SyncStatus
from rundun_desktop.executor.widgets.photos import PhotoStrip
from rundun_desktop.monitor import device_words
from rundun_desktop.monitor.runs_model import findings_tip, findings_words
from tests.server.tdl.test_tdl_languages import car_check

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def banner(qtbot, count: int) -> str:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.set_invalid(count)
    return pane.banner.text()


def library_dialog(qtbot, count: int, steps: int = 1) -> LibraryDialog:
    dialog = LibraryDialog()
    qtbot.addWidget(dialog)
    rows = [{"slug": f"t{i}", "name": f"T{i}", "step_count": steps, "tags": ["car"]} for i in range(count)]
    dialog.set_rows(rows, None)
    return dialog


def library_count(qtbot, count: int) -> str:
    dialog = library_dialog(qtbot, count)
    return dialog.count.text()


def generated_summary(qtbot) -> str:
    """Car check: 1 section of 4 steps, one an instruction: 3 to answer, as its run and the preview count them."""
    dialog = GenerateDialog()
    qtbot.addWidget(dialog)
    dialog.show_result(car_check())
    return dialog.summary.text()


def steps_hint(qtbot, runs: int) -> str:
    """The dashboard's line under "Answers per step" for a template version with `runs` runs in the period."""
    view = DashboardView()
    qtbot.addWidget(view)
    controller = DashboardController(None, AppEvents(), view, None)  # type: ignore[arg-type]  # nothing is asked
    controller._show_steps(
        {"v": 1, "runs": runs, "steps": []}, {"id": "tpl_1", "v": 1, "name": "Car check", "sections": []}
    )
    return view.steps_hint.text()


def waiting(n: int) -> str:
    return SyncStatus(online=True, pending_ops=n).words()


def test_english_says_one_problem_and_two_problems(qtbot, speak):
    speak("en")
    assert banner(qtbot, 1) == "The template has 1 problem; fix it to see the preview."  # was "fix them"
    assert banner(qtbot, 2) == "The template has 2 problems; fix them to see the preview."
    assert library_count(qtbot, 1) == "1 template"
    assert library_count(qtbot, 2) == "2 templates"
    one, two = library_dialog(qtbot, 1, steps=1), library_dialog(qtbot, 1, steps=2)
    assert one.list.item(0).text() == "T0\n1 step · car"  # was "1 steps"
    assert two.list.item(0).text() == "T0\n2 steps · car"
    assert generated_summary(qtbot) == "Car check — 1 section, 3 steps"
    assert "1 change waiting" in waiting(1) and "2 changes waiting" in waiting(2)
    assert local_words({"local_state": "open", "pending_ops": 0, "failed_ops": 1})[0] == "1 change refused"
    assert findings_words(2) == "⚠ 2 findings"
    assert (
        findings_tip(1) == "1 answer is a finding: open the run to see which"
    )  # it said "1 answer is a finding"
    assert findings_tip(2) == "2 answers are findings: open the run to see which"  # by glueing English words
    assert fmt.count(1, "run") == "1 run" and fmt.count(1000, "run") == "1,000 runs"
    assert steps_hint(qtbot, 1).startswith("1 run of this version in the period. Findings")  # was "1 runs"
    assert steps_hint(qtbot, 1200).startswith("1,200 runs of this version in the period.")


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("de", "1 Durchlauf dieser Version im Zeitraum.", "2 Durchläufe dieser Version im Zeitraum."),
        ("es", "1 ejecución de esta versión en el periodo.", "2 ejecuciones de esta versión en el periodo."),
        ("ar", "مهمة واحدة من هذا الإصدار في الفترة.", "مهمتان من هذا الإصدار في الفترة."),
    ],
)
def test_the_dashboards_runs_of_a_version_are_counted_in_the_languages_forms(
    qtbot, speak, language, one, two
):
    speak(language)
    assert steps_hint(qtbot, 1).startswith(one) and steps_hint(qtbot, 2).startswith(two)


@pytest.mark.parametrize(
    ("language", "one", "two", "summary", "findings"),
    [
        ("de", "Die Vorlage hat 1 Problem; beheben Sie es, um die Vorschau zu sehen.",
         "Die Vorlage hat 2 Probleme; beheben Sie sie, um die Vorschau zu sehen.", "Car check — 1 Abschnitt, 3 Schritte",
         ("⚠ 1 Befund", "⚠ 2 Befunde")),
        ("es", "La plantilla tiene 1 problema; corrígelo para ver la vista previa.",
         "La plantilla tiene 2 problemas; corrígelos para ver la vista previa.",
         "Car check — 1 sección, 3 pasos", ("⚠ 1 hallazgo", "⚠ 2 hallazgos")),
    ],
)  # fmt: skip
def test_german_and_spanish_say_singular_and_plural(qtbot, speak, language, one, two, summary, findings):
    speak(language)
    assert banner(qtbot, 1) == one
    assert banner(qtbot, 2) == two
    assert generated_summary(qtbot) == summary
    assert (findings_words(1), findings_words(2)) == findings
    assert findings_tip(2).startswith("2 ") and "answer" not in findings_tip(
        2
    )  # in the language, not English


@pytest.mark.parametrize(
    ("n", "templates", "changes", "unsaved"),
    [
        (0, "لا قوالب", "كل شيء متزامن", "كل شيء متزامن"),  # no change waiting: the row says all is synced
        (1, "قالب واحد", "تغيير واحد بالانتظار", "إجابة واحدة غير محفوظة"),
        (2, "قالبان", "تغييران بالانتظار", "إجابتان غير محفوظتين"),
        (3, "٣ قوالب", "٣ تغييرات بالانتظار", "٣ إجابات غير محفوظة"),
        (11, "١١ قالبًا", "١١ تغييرًا بالانتظار", "١١ إجابةً غير محفوظة"),
        (100, "١٠٠ قالب", "١٠٠ تغيير بالانتظار", "١٠٠ إجابة غير محفوظة"),
    ],
)
def test_arabic_says_each_of_its_six_forms(qtbot, speak, n, templates, changes, unsaved):
    speak("ar")
    assert library_count(qtbot, n) == templates
    assert local_words({"local_state": "open", "pending_ops": n, "failed_ops": 0})[0] == changes
    assert local_words({"local_state": "open", "unsaved": n})[0] == unsaved  # answers its checks refuse


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "1 answer not saved: put it right to send it", "2 answers not saved: put them right to send them"),
        ("de", "1 Antwort nicht gespeichert: Korrigieren Sie sie, um sie zu senden",
         "2 Antworten nicht gespeichert: Korrigieren Sie sie, um sie zu senden"),
        ("es", "1 respuesta sin guardar: corrígela para enviarla",
         "2 respuestas sin guardar: corrígelas para enviarlas"),
        ("ar", "إجابة واحدة غير محفوظة: صحّحها لإرسالها", "إجابتان غير محفوظتين: صحّحهما لإرسالهما"),
    ],
)  # fmt: skip
def test_the_sync_bar_counts_answers_not_saved_in_the_languages_forms(speak, language, one, two):
    """Answers held as their checks refuse them: the bar said "everything is synced" of them."""
    speak(language)
    assert SyncStatus(online=True, unsaved=1).words().endswith(" · " + one)
    assert SyncStatus(online=True, unsaved=2).words().endswith(" · " + two)


def test_arabic_run_counts_take_the_locale_digits(qtbot, speak):
    speak("ar")
    assert fmt.count(3, "run") == f"{fmt.number(3)} مهام"
    assert fmt.count(11, "run") == f"{fmt.number(11)} مهمة"
    assert (
        fmt.progress_text({"answered": 1, "skipped": 1, "total": 3}) == "٢\u200f/٣"
    )  # the monitor's Progress column
    assert generated_summary(qtbot) == "Car check — قسم واحد، ٣ خطوات"  # every count in its digits


def periods(qtbot) -> list[str]:
    view = DashboardView()
    qtbot.addWidget(view)
    return [view.period.itemText(i) for i in range(len(PERIODS))]


def test_day_counts_take_the_form_of_their_number(qtbot, speak):
    """The dashboard's periods (7, 30 and 90 days) and the status bar's age of the last backup: Arabic says
    "أيام" for 3 to 10 and "يومًا" for 11 to 99 (it said "آخر 7 يومًا" and "منذ 3 يوم")."""
    now = 1_000_000_000.0
    speak("en")
    assert periods(qtbot) == ["Last 7 days", "Last 30 days", "Last 90 days"]
    assert ago(now - 3 * 86400, now) == "last backup 3 days ago"
    speak("ar")
    assert periods(qtbot) == ["آخر ٧ أيام", "آخر ٣٠ يومًا", "آخر ٩٠ يومًا"]
    assert ago(now - 2 * 86400, now) == "آخر نسخة احتياطية منذ يومين"
    assert ago(now - 3 * 86400, now) == "آخر نسخة احتياطية منذ ٣ أيام"
    assert ago(now - 12 * 86400, now) == "آخر نسخة احتياطية منذ ١٢ يومًا"
    assert ago(now - 53 * 60, now) == "آخر نسخة احتياطية منذ ٥٣ د"  # it wrote "منذ 53 د" beside "٢٩ مهمة"


def test_a_backups_counts_read_in_their_forms(speak):
    """What the Backup written and Backup restored dialogs say (it read "1 runs, 1 answers and 1 photos")."""
    about = {
        "counts": {"templates": 2, "runs": 1, "answers": 2},
        "photo_files": 1,
        "created_at": "2026-12-04 05:00",
    }
    speak("en")
    assert written_words(about, "/tmp/w.rdbk") == (
        "2 templates, 1 run, 2 answers and 1 photo saved to /tmp/w.rdbk."
    )
    assert restored_words(about).startswith("The backup of 2026-12-04 05:00 (1 run, 1 photo) is checked")
    speak("ar")
    assert (
        written_words(about, "/tmp/w.rdbk")
        == "حُفظ في /tmp/w.rdbk: قالبان، ومهمة واحدة، وإجابتان، وصورة واحدة."
    )


def test_a_preview_card_says_how_many_photos_it_takes(qtbot, speak):
    """A step that takes exactly one photo with its answer says "1 photo" (it said "Takes 1–1 photos")."""

    def note(low: int, high: int) -> str:
        card = StepCard({"id": "s-x", "type": "text", "label": "Plate", "photo": {"min": low, "max": high}})
        qtbot.addWidget(card)
        return " ".join(label.text() for label in card.findChildren(QLabel, "muted"))

    speak("en")
    assert "Takes 1 photo with the answer" in note(1, 1)
    assert "Takes 1–3 photos with the answer" in note(1, 3)
    speak("de")
    assert "Nimmt 2 Fotos mit der Antwort auf" in note(2, 2)


def test_an_executors_photo_step_says_how_many_photos_it_takes(qtbot, speak):
    """The executor's photo strip: "· 1 photo" (it said "· 1 photos"), in the language's forms and digits (its
    default "photos" stayed English in every language)."""

    def note(low: int, high: int, with_answer: bool = False) -> str:
        strip = PhotoStrip(low, high, with_answer=with_answer)
        qtbot.addWidget(strip)
        return strip.note.text()

    speak("en")
    assert note(1, 1) == "or drop image files here · 1 photo"
    assert note(1, 2) == "or drop image files here · 1–2 photos"
    assert note(2, 2, with_answer=True) == "or drop image files here · 2 photos with the answer"
    speak("de")
    assert note(1, 1) == "oder Bilddateien hierher ziehen · 1 Foto"
    assert note(1, 6, with_answer=True) == "oder Bilddateien hierher ziehen · 1–6 Fotos mit der Antwort"
    speak("ar")
    assert note(1, 1) == "أو أفلت ملفات الصور هنا · صورة واحدة"
    assert note(3, 12) == f"أو أفلت ملفات الصور هنا · {fmt.number(3)}–{fmt.number(12)} صور" and "١٢" in note(
        3, 12
    )


def test_what_a_device_still_holds_reads_whole_in_german(speak):
    """The runs table's badge and the detail's sentence: they glued English into the German ("… 1 failed ·
    last contact …", "2 Änderungen are noch auf dem Gerät …, und they arrive, sobald …")."""
    speak("de")
    now = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
    device = {
        "pending_ops": 2,
        "pending_bytes": 14 << 20,
        "failed_ops": 1,
        "app": "rundun-desktop/9.9",
        "last_contact_at": (now - timedelta(hours=3)).isoformat(),
    }
    badge = device_words.badge(device, now)
    assert badge.startswith("2 Änderungen · ") and "1 fehlgeschlagen · letzter Kontakt " in badge, badge
    one = device_words.explained({**device, "pending_ops": 1, "pending_bytes": 0, "failed_ops": 0}, now)
    assert one.startswith(
        "1 Änderung ist noch auf dem Gerät der ausführenden Person (rundun-desktop/9.9),"
    ), one
    assert "sie kommt an, sobald" in one, one
    two = device_words.explained(device, now)
    assert two.startswith("2 Änderungen (") and "sind noch auf dem Gerät" in two and "sie kommen an" in two, (
        two
    )
    for words in (badge, one, two):
        assert not {"failed", "last", "contact", "are", "is", "they", "arrive", "it"} & set(words.split()), (
            words
        )


def step_counts(qtbot, flagged: int) -> str:
    """The dashboard's line for a step it draws no chart for (a text step): its counts after its label."""
    view = DashboardView()
    qtbot.addWidget(view)
    controller = DashboardController(None, AppEvents(), view, None)  # type: ignore[arg-type]  # nothing is asked
    step = {"id": "s1", "type": "text", "label": "Notes"}
    template = {
        "id": "tpl_1",
        "v": 1,
        "name": "Car check",
        "sections": [{"id": "g", "title": "G", "steps": [step]}],
    }
    entry = {"step_id": "s1", "type": "text", "answered": 3, "skipped": 0, "flagged": flagged}
    controller._show_steps({"v": 1, "runs": 3, "steps": [entry]}, template)
    return view.step_notes["s1"].text()


@pytest.mark.parametrize(
    ("language", "one", "eleven"),
    [
        ("en", "Notes — 3 answered, 0 skipped, 1 finding", "Notes — 3 answered, 0 skipped, 11 findings"),
        ("de", "Notes — 3 beantwortet, 0 übersprungen, 1 Befund", "Notes — 3 beantwortet, 0 übersprungen, 11 Befunde"),
        ("es", "Notes — 3 respondidas, 0 omitidas, 1 hallazgo", "Notes — 3 respondidas, 0 omitidas, 11 hallazgos"),
        ("ar", "Notes — أُجيب: ٣، تُخطّي: ٠، ملاحظة واحدة", "Notes — أُجيب: ٣، تُخطّي: ٠، ١١ ملاحظة"),
    ],
)  # fmt: skip
def test_a_steps_findings_on_the_dashboard_are_counted_in_the_languages_forms(
    qtbot, speak, language, one, eleven
):
    """The dashboard's line under a step glued an English "s" to "finding" (its translations left the count's
    noun out to read right)."""
    speak(language)
    assert step_counts(qtbot, 1) == one
    assert step_counts(qtbot, 11) == eleven


@pytest.mark.parametrize(
    ("language", "limit", "backlog", "decimal", "small"),
    [
        ("en", "20 MB", "14.7 MB", "20.4 MB", "600 kB"),
        ("de", "20 MB", "14,7 MB", "20,4 MB", "600 kB"),
        ("ar", "٢٠ م.ب", "١٤٫٧ م.ب", "٢٠٫٤ م.ب", "٦٠٠ كيلوبايت"),
    ],
)
def test_sizes_are_written_in_the_languages_digits_and_units(speak, language, limit, backlog, decimal, small):
    """A photo's size and the server's limit ("This photo is 31 MB; …"), a device's backlog: Arabic wrote
    them in Latin digits ("14 MB")."""
    speak(language)
    assert fmt.megabytes(20 << 20) == limit
    assert fmt.megabytes(int(20.4 * (1 << 20))) == decimal
    assert fmt.format_bytes(14_700_000) == backlog
    assert fmt.megabytes(600 << 10) == small  # under 1 MB: whole kB (it said "0.6 MB")


def test_a_findings_mark_on_the_dashboard_is_in_the_apps_language(qtbot, speak):
    """Under a German chart's bar, and in its Numbers tab, a finding was marked "⚠ finding" in English (the
    mark's translation call sat inside an f-string, where the catalog's tool never saw it)."""
    from rundun_desktop.dashboard.charts import category_text
    from rundun_desktop.dashboard.models import Bar, BarsModel

    speak("de")
    bar = Bar("Nein", 3, True)
    assert category_text(bar) == "Nein<br>⚠ Befund"
    model = BarsModel([bar])
    assert model.data(model.index(0, BarsModel.COL_FINDING)) == "⚠ Befund"


def test_a_runs_detail_writes_its_numbers_in_arabic_digits(speak):
    """The detail's findings read "1 — Valet quality: 1 من 5 — Redo" and its template "الإصدار 1" in Latin
    digits beside the rest in Arabic ones."""
    from rundun_desktop.answers import AnswerItem, SectionItems, findings_text, value_text
    from rundun_desktop.formatting import version_number

    speak("ar")
    rating = {
        "id": "s-q",
        "type": "rating",
        "label": "Valet quality",
        "config": {"min": 1, "max": 5, "low_label": "Redo"},
    }
    said = value_text(rating, 1)
    assert said == "١ من ٥ — Redo", said
    item = AnswerItem("s-q", "Valet quality", "rating", said, "answered", finding=True)
    assert findings_text([SectionItems("Result", [item])]).startswith("١ — Valet quality")
    assert version_number(3) == "٣" and version_number(None) == "?"


@pytest.mark.parametrize(
    ("language", "written"), [("en", "33%"), ("de", "33\u00a0%"), ("es", "33\u00a0%"), ("ar", "٣٣٪\u061c")]
)
def test_a_percentage_is_written_as_its_language_writes_it(speak, language, written):
    """The dashboard's completion rate read "0%" in German and Spanish, whose readers write "0 %"."""
    speak(language)
    assert fmt.percent(1 / 3) == written


def test_a_time_answer_is_written_in_the_locales_digits(speak):
    """An Arabic run's report and detail read the time of departure "11:00" in Latin digits beside its
    date "السبت ١٢ ديسمبر ٢٠٢٦"; a time not written HH:MM is shown as it came."""
    from rundun_desktop.answers import value_text

    speak("ar")
    assert value_text({"type": "time", "config": {}}, "11:00") == "١١:٠٠"
    assert value_text({"type": "time", "config": {}}, "late") == "late"
    speak("de")
    assert value_text({"type": "time", "config": {}}, "08:30") == "08:30"


@pytest.mark.parametrize(
    ("language", "one_more", "many_more"),
    [
        ("en", "23 steps, 1 more depending on answers", "23 steps, 22 more depending on answers"),
        ("de", "23 Schritte, 1 weiterer je nach Antworten", "23 Schritte, 22 weitere je nach Antworten"),
        ("es", "23 pasos, 1 más según las respuestas", "23 pasos, 22 más según las respuestas"),
        ("ar", "٢٣ خطوة، وخطوة أخرى حسب الإجابات", "٢٣ خطوة، و٢٢ خطوة أخرى حسب الإجابات"),
    ],
)  # fmt: skip
def test_the_library_counts_a_runs_steps_and_those_that_follow_answers(
    qtbot, speak, language, one_more, many_more
):
    """The German library said "45 Schritte" of a checklist whose run shows 23: the 22 follow-ups that show only on
    some answers were counted as if every run asked them."""
    speak(language)
    dialog = LibraryDialog()
    qtbot.addWidget(dialog)
    row = {"slug": "forklift", "name": "Forklift", "step_count": 45, "tags": [], "languages": [language]}
    rows = [{**row, "start_step_count": 23, "conditional_step_count": n} for n in (1, 22)]
    rows.append({**row, "start_step_count": 23, "conditional_step_count": 0})
    dialog.set_rows([{**r, "slug": f"t{i}"} for i, r in enumerate(rows)], None, language)
    shown = [dialog.list.item(i).text().split("\n")[1] for i in range(3)]
    assert shown == [one_more, many_more, fmt.count(23, "step")]  # none to follow: the steps alone
