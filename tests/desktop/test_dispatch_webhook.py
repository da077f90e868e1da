"""The dispatch dialog offers the webhook last dispatched with this server: ticked or not, its URL, events and
secret (the secret kept in the credentials store, never in desktop.json). It came up empty and unticked for
every run, and nowhere else in the app are webhooks set."""

from __future__ import annotations

import hashlib
import hmac
import json

from PySide6.QtCore import Qt

from rundun_desktop.credentials import remote_account
from tests.desktop.conftest import run, wait_until
from tests.desktop.test_embedded_address import start, stop
from tests.support.receiver import Receiver
from tests.support.samples import vehicle_inspection

HOOK = "http://127.0.0.1:9/hooks/rundun"  # the embedded server allows a loopback receiver
SECRET = "whsec_kept_in_the_store"


def _dialog(app, aloop):
    dialog = app.window.runs.open_dispatch()
    view = dialog.view
    wait_until(aloop, lambda: view.dispatch_button.isEnabled() and view.template.currentData(), 10)
    return dialog, view


def _dispatched(aloop, qtbot, dialog, view) -> dict:
    """Dispatched as a person does (a click), the run as the server has it; the dialog closed with Done."""
    qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.showing_result or view.message.isVisible(), 10)
    assert view.showing_result, view.message.text()
    sent = run(aloop, dialog.api.get_run(dialog.result["run_id"]))
    view.accept()
    return sent


def _shown(view) -> tuple:
    events = [name for name, box in view.event_boxes.items() if box.isChecked()]
    return view.webhook_box.isChecked(), view.webhook_url.text(), events, view.webhook_secret.text()


def _signed_with(secret: str, got) -> bool:
    stamp, v1 = (part.split("=", 1)[1] for part in got.headers["rundun-signature"].split(","))
    expected = hmac.new(secret.encode(), stamp.encode() + b"." + got.body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(v1, expected)


def test_the_webhook_dispatched_comes_back_in_the_next_dialog_and_after_a_restart(
    desktop, aloop, qtbot, tmp_path
):
    receiver = Receiver().start()
    hook = receiver.url()
    try:
        run(aloop, desktop.api.create_template(vehicle_inspection()))
        dialog, view = _dialog(desktop, aloop)
        assert _shown(view)[:2] == (False, "")  # nothing dispatched yet: the box as it always was
        view.webhook_box.setChecked(True)
        qtbot.keyClicks(view.webhook_url, hook)
        qtbot.keyClicks(view.webhook_secret, SECRET)
        view.event_boxes["run.opened"].setChecked(False)
        view.event_boxes["step.completed"].setChecked(False)
        first = _dispatched(aloop, qtbot, dialog, view)
        chosen = ["run.completed", "run.cancelled", "run.expired"]

        # The next dialog: ticked, with the same URL, events and secret
        dialog, view = _dialog(desktop, aloop)
        assert _shown(view) == (True, hook, chosen, SECRET)
        again = _dispatched(aloop, qtbot, dialog, view)
        assert again["run_id"] != first["run_id"]
        # ... and its run carries the webhook: cancelled, the receiver gets run.cancelled signed with the secret
        run(aloop, desktop.api.cancel_run(again["run_id"]))
        wait_until(aloop, lambda: any(r.json["run_id"] == again["run_id"] for r in receiver.received), 30)
        (got,) = [r for r in receiver.received if r.json["run_id"] == again["run_id"]]
        assert got.headers["rundun-event"] == "run.cancelled" and _signed_with(SECRET, got)
        deliveries = run(aloop, desktop.api.webhook_deliveries(again["run_id"]))
        assert [(d["url"], d["event"]) for d in deliveries] == [(hook, "run.cancelled")]

        # The secret is in the credentials store (here its 0600 file, keyed by the server), never in desktop.json
        paths = desktop.paths
        assert SECRET not in paths.settings_file.read_text(encoding="utf-8")
        account = remote_account(desktop.connection.api.base_url)
        kept = json.loads(paths.settings_file.read_text(encoding="utf-8"))["last_webhooks"][account]
        assert kept == {"on": True, "url": hook, "events": chosen}
        assert desktop.credentials.get(f"webhook:{account}") == SECRET

        # The app started again on the same home still offers it
        restarted = start(aloop, tmp_path / "home")
        try:
            view = _dialog(restarted, aloop)[1]
            assert _shown(view) == (True, hook, chosen, SECRET)
            view.reject()
        finally:
            stop(aloop, restarted)
    finally:
        receiver.stop()


def _the_dialog_after_a_webhook(desktop, aloop, qtbot):
    """A run dispatched with HOOK ticked (as a person types it in); then the next dialog, open."""
    run(aloop, desktop.api.create_template(vehicle_inspection()))
    dialog, view = _dialog(desktop, aloop)
    view.webhook_box.setChecked(True)
    qtbot.keyClicks(view.webhook_url, HOOK)
    _dispatched(aloop, qtbot, dialog, view)
    return _dialog(desktop, aloop)


def test_dispatched_unticked_the_next_dialog_comes_up_unticked_with_the_url_kept(desktop, aloop, qtbot):
    dialog, view = _the_dialog_after_a_webhook(desktop, aloop, qtbot)
    assert _shown(view)[:2] == (True, HOOK)
    view.webhook_box.setChecked(False)
    sent = _dispatched(aloop, qtbot, dialog, view)
    run(aloop, desktop.api.cancel_run(sent["run_id"]))
    assert run(aloop, desktop.api.webhook_deliveries(sent["run_id"])) == []  # dispatched without one

    view = _dialog(desktop, aloop)[1]
    assert _shown(view)[:2] == (False, HOOK)  # unticked, the URL there for when it is ticked again
    view.reject()


def test_a_dispatch_refused_remembers_nothing(desktop, aloop, qtbot):
    _dialog_controller, view = _the_dialog_after_a_webhook(desktop, aloop, qtbot)
    view.webhook_box.setChecked(True)
    view.webhook_url.setText("ftp://not-a-receiver.example/hook")
    qtbot.keyClicks(view.webhook_secret, SECRET)
    view.event_boxes["run.opened"].setChecked(False)
    qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.message.isVisible() or view.showing_result, 10)
    assert not view.showing_result  # the server refused the webhook's URL
    view.reject()

    view = _dialog(desktop, aloop)[1]  # the webhook last dispatched, not the one refused
    assert _shown(view) == (True, HOOK, list(view.event_boxes), "")
    assert SECRET not in desktop.paths.settings_file.read_text(encoding="utf-8")
    view.reject()


def test_each_server_connection_has_its_own_webhook(tmp_path):
    """Kept per connection as its API key is (credentials.json's "embedded" and "remote:<url>"): the embedded
    server's webhook is not offered on a remote server, nor the other way round."""
    from rundun_desktop.credentials import EMBEDDED_ACCOUNT, CredentialStore
    from rundun_desktop.desktop_settings import DesktopSettings
    from rundun_desktop.last_webhook import LastWebhooks, Webhook

    settings_file, credentials_file = tmp_path / "desktop.json", tmp_path / "credentials.json"
    credentials = CredentialStore(credentials_file, use_keyring=False)
    remote = remote_account("https://rundun.example.com")
    connected = [EMBEDDED_ACCOUNT]
    kept = LastWebhooks(DesktopSettings(), settings_file, credentials, lambda: connected[0])
    kept.remember(Webhook(True, HOOK, ["run.completed"], SECRET))
    connected[0] = remote
    assert kept.recall() == Webhook()  # nothing dispatched with the remote server yet
    kept.remember(Webhook(False, "https://crm.example.com/hook", ["run.opened"], ""))

    again = LastWebhooks(
        DesktopSettings.load(settings_file), settings_file, credentials, lambda: connected[0]
    )
    assert again.recall() == Webhook(False, "https://crm.example.com/hook", ["run.opened"], "")
    connected[0] = EMBEDDED_ACCOUNT
    assert again.recall() == Webhook(True, HOOK, ["run.completed"], SECRET)
    assert SECRET not in settings_file.read_text(encoding="utf-8")
    assert json.loads(credentials_file.read_text(encoding="utf-8"))[f"webhook:{EMBEDDED_ACCOUNT}"] == SECRET
    assert credentials_file.stat().st_mode & 0o777 == 0o600
