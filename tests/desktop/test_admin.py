"""Settings against the real embedded server: API keys (shown once, revoke), members (token once), plan
and usage, switching servers."""

from __future__ import annotations

import time
from calendar import monthrange
from datetime import UTC, datetime

import httpx
import pytest
from PySide6.QtCore import Qt

from rundun_desktop.desktop_settings import REMOTE
from rundun_desktop.formatting import utc_days
from tests.desktop.conftest import run, wait_until
from tests.desktop.test_app_languages import catalogs, desktop_in  # noqa: F401 (catalogs: a fixture)
from tests.support.samples import minimal


def settings_of(desktop, aloop):
    desktop.window.show_page("settings")
    controller = desktop.window.settings
    run(aloop, controller.reload())
    return controller, desktop.window.settings_view


def test_a_new_key_is_shown_once_and_works_until_revoked(desktop, aloop, qtbot, live_server):
    controller, view = settings_of(desktop, aloop)
    view.tabs.setCurrentIndex(1)
    before = controller.keys.rowCount()
    qtbot.keyClicks(view.key_name, "Booking system")
    qtbot.mouseClick(view.create_key_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: controller.keys.rowCount() == before + 1, 10)
    key = view.key_secret.value.text()
    assert key.startswith("rdk_live_") and len(key) == 41 and view.key_secret.isVisible()
    assert (
        httpx.get(f"{live_server.url}/v1/org", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    )
    qtbot.mouseClick(view.key_secret.dismiss, Qt.MouseButton.LeftButton)
    assert not view.key_secret.isVisible() and view.key_secret.value.text() == ""  # gone for good

    row = next(i for i, r in enumerate(controller.keys.rows) if r["name"] == "Booking system")
    assert key not in str(controller.keys.rows[row])  # the list never holds the plaintext
    view.keys_table.selectRow(row)
    assert view.revoke_key_button.isEnabled()
    controller.revoke_key(controller.keys.rows[row]["id"])
    wait_until(aloop, lambda: controller.keys.rows[row].get("revoked_at"), 10)
    assert (
        httpx.get(f"{live_server.url}/v1/org", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    )
    assert controller.keys.data(controller.keys.index(row, 4)).startswith("Revoked")


def test_a_member_gets_a_sign_in_token_shown_once(desktop, aloop, qtbot):
    controller, view = settings_of(desktop, aloop)
    view.tabs.setCurrentIndex(2)
    # No member yet: the list says what members are for, and goes once there is one.
    wait_until(aloop, lambda: view.members_empty.isVisibleTo(view.tabs.currentWidget()), 10)
    assert "No members yet" in view.members_empty.text()
    qtbot.mouseClick(view.add_member_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.members_message.isVisible(), 5)  # nothing typed: said in words
    qtbot.keyClicks(view.member_name, "Jane Smith")
    qtbot.keyClicks(view.member_email, "jane@example.com")
    qtbot.mouseClick(view.add_member_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: controller.members.rowCount() == 1, 10)
    assert view.member_secret.value.text().startswith("rdm_")
    assert controller.members.data(controller.members.index(0, 1)) == "jane@example.com"
    assert not view.members_empty.isVisibleTo(view.tabs.currentWidget())
    controller.remove_member(controller.members.rows[0]["user_id"])
    wait_until(aloop, lambda: controller.members.rowCount() == 0, 10)
    assert view.members_empty.isVisibleTo(view.tabs.currentWidget())


# How each language names the secret in the note under it, as its other words do.
SECRET_WORDS = {
    "de": ("den API-Schlüssel", "das Anmeldetoken"),
    "es": ("la clave de API", "el token de acceso"),
}


@pytest.mark.usefixtures("catalogs")
@pytest.mark.parametrize("language", sorted(SECRET_WORDS))
def test_the_note_under_a_new_key_or_token_is_in_the_apps_language(language, request, tmp_path, aloop, qtbot):
    """The note under a new member's token read "Kopieren Sie den sign-in token jetzt" (the secret's name was put
    into the sentence untranslated), and in Spanish "Copia ahora la Clave de API", a capital mid-sentence."""
    desktop = desktop_in(language, request, tmp_path)
    _controller, view = settings_of(desktop, aloop)
    view.tabs.setCurrentIndex(1)
    qtbot.keyClicks(view.key_name, "Zapier")
    qtbot.mouseClick(view.create_key_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.key_secret.value.text().startswith("rdk_live_"), 10)
    view.tabs.setCurrentIndex(2)
    qtbot.keyClicks(view.member_name, "Lena Fischer")
    qtbot.keyClicks(view.member_email, "lena@example.com")
    qtbot.mouseClick(view.add_member_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.member_secret.value.text().startswith("rdm_"), 10)
    key_words, token_words = SECRET_WORDS[language]
    assert key_words in view.key_secret.note.text()
    assert token_words in view.member_secret.note.text()
    assert "sign-in" not in view.member_secret.note.text()


def test_plan_and_usage_are_shown(desktop, aloop):
    t = run(
        aloop,
        desktop.api.create_template(minimal()),
    )
    for _ in range(3):
        run(aloop, desktop.api.dispatch_run({"template_id": t["id"]}))
    run(aloop, desktop.connection.check())
    _, view = settings_of(desktop, aloop)
    assert view.plan_name.text() == "Unlimited"
    assert view.usage_text.text().startswith("3 runs this month")
    assert "3 runs this month" in desktop.window.view.plan_label.text()
    assert view.plans_grid.count() == 8  # four plans, name and runs each
    # The plan's month (UTC) as its first and last days: it read "12/1/26 12:00 AM – 1/1/27 12:00 AM", and
    # west of UTC "11/30/26 7:00 PM – …"
    today = datetime.now(UTC)
    assert (
        view.period_text.text()
        == f"Period 1 {today:%b %Y} – {monthrange(today.year, today.month)[1]} {today:%b %Y}"
    )


def test_a_utc_period_is_its_first_and_last_days_whatever_the_time_zone(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert utc_days("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z") == "1 Dec 2026 – 31 Dec 2026"
        assert utc_days("2027-02-01T00:00:00Z", "2027-03-01T00:00:00Z") == "1 Feb 2027 – 28 Feb 2027"
        assert utc_days(None, "2027-03-01T00:00:00Z") == "—"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_wrong_remote_key_is_refused_in_words_and_the_connection_kept(desktop, aloop, live_server):
    controller, view = settings_of(desktop, aloop)
    view.tabs.setCurrentIndex(3)
    view.remote_radio.setChecked(True)
    view.remote_url.setText(live_server.url)
    view.remote_key.setText("rdk_live_" + "f" * 32)
    run(aloop, controller.apply_connection())
    assert "Could not connect" in view.connection_message.text()
    assert desktop.api.api_key == live_server.api_key  # still on the working key
    assert desktop.settings.mode == REMOTE and desktop.connection.state == "connected"


def test_the_keys_and_members_fit_a_1024_px_window(desktop, aloop):
    """Every column of the API keys and the members in sight at 1024×700 (five columns of 190 px scrolled
    sideways there, the keys' State out of sight)."""
    run(aloop, desktop.api.create_member("Ada Lovelace", "ada@example.com"))
    desktop.window.view.resize(1024, 700)
    controller, view = settings_of(desktop, aloop)
    wait_until(aloop, lambda: controller.keys.rowCount() >= 1 and controller.members.rowCount() == 1, 10)
    for page, table in ((1, view.keys_table), (2, view.members_table)):
        view.tabs.setCurrentIndex(page)
        wait_until(aloop, lambda table=table: table.isVisible() and table.viewport().width() < 960, 5)
        assert table.horizontalScrollBar().maximum() == 0, table.objectName()


def test_an_english_plan_name_stands_where_an_arabic_line_starts(desktop, aloop, speak):
    """In Arabic the plans' names ("Starter", "Team", …) and the plan ("Unlimited") stood at the left of their
    columns and card, their Arabic words at the right: Qt aligned each label by its own text's direction."""
    speak("ar")
    _, view = settings_of(desktop, aloop)
    names = [view.plans_grid.itemAtPosition(0, col).widget() for col in range(view.plans_grid.columnCount())]
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
    assert names and all(n.alignment() & right == right for n in [*names, view.plan_name])
