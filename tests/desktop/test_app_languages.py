"""The app in the person's language (SPEC §15): Settings offers the languages whose catalogs ship (no code list)
and keeps the choice; German, Spanish and Arabic on every page and dialog at 1024×700 with nothing cut off, Arabic right
to left with ids and numbers left to right inside. The pictures are saved under /tmp/rundun-i18n/<language>/."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt

from rundun_desktop import i18n
from rundun_desktop.paths import AppPaths
from tests.desktop.app_walk import walk_app
from tests.desktop.conftest import wait_until
from tests.desktop.test_responsive import SMALL, layout_problems

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PICTURES = Path("/tmp/rundun-i18n")


@pytest.fixture
def catalogs(tmp_path_factory, monkeypatch) -> Path:
    """The catalogs compiled here (as `make catalogs` does) and used by the app; English again afterwards."""
    out = tmp_path_factory.mktemp("qm")
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        target = out / ts.with_suffix(".qm").name
        subprocess.run([BIN / "pyside6-lrelease", "-silent", ts, "-qm", target], check=True, timeout=120)
    monkeypatch.setattr(i18n, "catalog_dir", lambda: out)
    yield out
    from PySide6.QtWidgets import QApplication

    i18n.TRANSLATION.install(QApplication.instance(), "en")
    QLocale.setDefault(QLocale.system())


def desktop_in(language: str, request, tmp_path):
    """The whole app with `language` chosen in its settings before it starts."""
    settings = AppPaths.under(tmp_path / "home").settings_file
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"language": language}), encoding="utf-8")
    return request.getfixturevalue("desktop")


def test_settings_offers_the_shipped_languages_and_keeps_the_choice(catalogs, desktop, aloop):
    window = desktop.window
    window.show_page("settings")
    combo = window.settings_view.language
    tags = [combo.itemData(i) for i in range(combo.count())]
    assert tags == ["", "en", "ar", "de", "es"]  # the system's, then English and each catalog shipped
    names = [combo.itemText(i) for i in range(1, combo.count())]
    assert names == ["English", "العربية", "Deutsch", "Español"]
    assert combo.itemText(0).startswith("System default (")
    combo.setCurrentIndex(tags.index("de"))
    combo.activated.emit(tags.index("de"))
    saved = json.loads(desktop.paths.settings_file.read_text(encoding="utf-8"))
    assert saved["language"] == "de"
    assert "Deutsch" in window.settings_view.language_message.text()


def test_a_fifth_language_is_one_catalog_file(catalogs):
    """A translator's `rundun_fr.ts` (compiled) is offered with no code change."""
    fr = (ROOT / "resources" / "i18n" / "rundun_de.ts").read_text(encoding="utf-8")
    source = catalogs / "rundun_fr.ts"
    fr = fr.replace('language="de"', 'language="fr"').replace(
        "<translation>Deutsch</translation>", "<translation>Français</translation>"
    )
    source.write_text(fr, encoding="utf-8")
    subprocess.run([BIN / "pyside6-lrelease", "-silent", source], check=True, timeout=120)
    assert ("fr", "Français") in i18n.language_choices()


def test_a_catalog_rewritten_while_the_app_runs_leaves_its_words_alone(catalogs, qapp):
    """`make catalogs` (which `make test` runs) rewrote the .qm files in place. Loaded by name, Qt mapped the file: the running app read the new bytes
    as they were written, and a file cut short crashed it at its next word (a segfault in QtCore)."""
    from PySide6.QtCore import QCoreApplication

    german = catalogs / "rundun_de.qm"
    try:
        assert i18n.TRANSLATION.install(qapp, "de")
        assert QCoreApplication.translate("SettingsController", "Period {0}") == "Zeitraum {0}"
        size = german.stat().st_size
        with german.open("r+b") as rewritten:  # the same file (inode), other bytes: lrelease mid-write
            rewritten.write(bytes(size))
        assert QCoreApplication.translate("SettingsController", "Period {0}") == "Zeitraum {0}"
    finally:
        i18n.TRANSLATION.install(qapp, "en")


def test_a_date_and_its_time_are_joined_by_the_languages_own_comma(catalogs, qapp):
    """Arabic read "٥ ديسمبر ٢٠٢٦, ٣:٠٣ ص", with a Latin comma between the date and the time."""
    from rundun_desktop.formatting import local_time

    try:
        assert i18n.TRANSLATION.install(qapp, "ar")
        arabic = local_time("2026-12-05T01:36:00Z")
        assert "،" in arabic and "," not in arabic
        assert i18n.TRANSLATION.install(qapp, "de")
        assert ", " in local_time("2026-12-05T01:36:00Z")
    finally:
        i18n.TRANSLATION.install(qapp, "en")


def test_a_new_template_is_named_in_the_apps_language(catalogs, qapp):
    """Its section and step were German, its name "Untitled template"."""
    from rundun_desktop.editor.doc import TemplateDoc
    from rundun_desktop.editor.factory import new_template

    try:
        assert i18n.TRANSLATION.install(qapp, "de")
        body = new_template(TemplateDoc().new_id)
        assert (body["name"], body["sections"][0]["title"]) == ("Unbenannte Vorlage", "Abschnitt 1")
    finally:
        i18n.TRANSLATION.install(qapp, "en")


def walk_in(language, desktop, aloop) -> dict[str, list[str]]:
    window = desktop.window
    window.view.resize(*SMALL)
    wait_until(aloop, lambda: window.view.size().toTuple() == SMALL, 5)
    folder = PICTURES / language
    folder.mkdir(parents=True, exist_ok=True)
    found: dict[str, list[str]] = {}

    def look(what: str, widget) -> None:
        name = re.sub(r"\W+", "-", what).strip("-")
        widget.grab().save(str(folder / f"{len(found):02d}-{name}.png"))
        found[what] = layout_problems(widget)

    walk_app(desktop, aloop, look)
    return {what: problems for what, problems in found.items() if problems}


@pytest.mark.parametrize(("language", "runs"), [("de", "Durchläufe"), ("es", "Ejecuciones")])
def test_every_page_in_german_and_spanish_is_whole_at_1024_by_700(
    language, runs, catalogs, request, tmp_path, aloop
):
    """German has the longest words; Spanish the longest sentences."""
    desktop = desktop_in(language, request, tmp_path)
    assert i18n.TRANSLATION.language == language
    assert desktop.window.view.nav.item(1).text().strip() == runs
    bad = walk_in(language, desktop, aloop)
    assert not bad, "\n".join(f"{what}:\n  " + "\n  ".join(p) for what, p in bad.items())


def test_every_page_in_arabic_reads_right_to_left_and_is_whole_at_1024_by_700(
    catalogs, request, tmp_path, aloop
):
    desktop = desktop_in("ar", request, tmp_path)
    from PySide6.QtWidgets import QApplication

    assert QApplication.instance().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert desktop.window.view.nav.item(1).text().strip() == "المهام"
    bad = walk_in("ar", desktop, aloop)
    assert not bad, "\n".join(f"{what}:\n  " + "\n  ".join(p) for what, p in bad.items())


def dark_columns(widget) -> list[int]:
    image = widget.grab().toImage()
    return [
        sum(image.pixelColor(x, y).lightness() < 120 for y in range(image.height()))
        for x in range(image.width())
    ]


def test_the_preview_in_arabic_counts_in_its_digits_and_next_points_left(catalogs, qapp):
    """The preview wrote "القسم 1 من 3" and "0 من 11" in Western digits beside Arabic-Indic ones, the Translations
    tab "ar: 2 من 18"; and its arrows were swapped but not mirrored: "next" (on the left) pointed right."""
    from rundun_desktop.editor.preview import PreviewPane
    from rundun_desktop.editor.translations import counts_text
    from server.tdl import normalize_template, validate_template
    from tests.server.tdl.test_tdl_languages import car_check

    body = car_check()
    body["sections"].append(
        {"id": "g-in", "title": "Inside", "steps": [{"id": "s-seat", "type": "boolean", "label": "Seats?"}]}
    )
    try:
        assert i18n.TRANSLATION.install(qapp, "ar")
        pane = PreviewPane()
        pane.resize(400, 300)
        pane.show()
        model = validate_template(body)
        pane.set_template(normalize_template(model), model)
        shown = [pane.where.text(), pane.progress.text(), counts_text(body)]
        assert not any(re.search(r"[0-9]", text.replace("ar:", "").replace("de:", "")) for text in shown), (
            shown
        )
        assert "١" in pane.where.text() and "٢" in pane.where.text()
        assert "٤ من ١٨" in counts_text(body)
        assert pane.next_button.isEnabled() and not pane.prev_button.isEnabled()
        assert pane.next_button.mapTo(pane, pane.next_button.rect().center()).x() < pane.width() // 2
        columns = dark_columns(pane.next_button)
        third = len(columns) // 3
        assert sum(columns[:third]) > sum(columns[-third:]), columns  # the arrow's head on the left: ←
        pane.close()
    finally:
        i18n.TRANSLATION.install(qapp, "en")
