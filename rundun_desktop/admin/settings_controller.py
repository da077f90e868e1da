"""Settings behaviour: org and usage, plans, API keys (shown once on creation; revoke), members (sign-in
token shown once), and switching between the embedded and a remote server."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox
from qasync import asyncSlot

from rundun_desktop import i18n
from rundun_desktop.admin.models import ApiKeysModel, MembersModel
from rundun_desktop.admin.settings_view import SettingsView
from rundun_desktop.admin.sharing_controller import SharingController
from rundun_desktop.api_client import ApiError
from rundun_desktop.app_events import AppEvents
from rundun_desktop.connection import Connection
from rundun_desktop.desktop_settings import EMBEDDED
from rundun_desktop.formatting import count, number, utc_days
from rundun_desktop.widgets.common import label
from rundun_desktop.widgets.own_direction import at_line_start


def usage_words(usage: dict) -> tuple[str, float]:
    """('12 of 1,000 runs used this month', fraction) — unlimited plans have no bar."""
    used, included = usage.get("runs_used_this_month", 0), usage.get("runs_included")
    if included is None:
        return QCoreApplication.translate("settings_controller", "{0} this month · unlimited").format(
            count(used, "run")
        ), 0.0
    return QCoreApplication.translate("settings_controller", "{0} of {1} used this month").format(
        number(used), count(included, "run")
    ), min(1.0, used / included) if included else 1.0


class SettingsController(QObject):
    key_created = Signal(dict)
    member_created = Signal(dict)

    def __init__(self, connection: Connection, events: AppEvents, view: SettingsView, parent=None):
        super().__init__(parent)
        self.connection, self.api, self.events, self.view = connection, connection.api, events, view
        self._org_shown: tuple[str, float] | None = None  # the organisation's name and expiry last shown
        self.keys = ApiKeysModel(self)
        self.members = MembersModel(self)
        view.keys_table.setModel(self.keys)
        view.members_table.setModel(self.members)
        view.keys_table.selectionModel().selectionChanged.connect(self._key_selection)
        view.members_table.selectionModel().selectionChanged.connect(self._member_selection)
        # A list loaded anew drops its selection without a word (no selectionChanged): Revoke and Remove
        # stood enabled over nothing selected after a key was revoked.
        self.keys.modelReset.connect(self._key_selection)
        self.members.modelReset.connect(self._member_selection)
        self.members.modelReset.connect(lambda: view.members_empty.setVisible(self.members.rowCount() == 0))
        view.create_key_button.clicked.connect(self.create_key)
        view.key_name.returnPressed.connect(self.create_key)
        view.revoke_key_button.clicked.connect(self._revoke_clicked)
        view.add_member_button.clicked.connect(self.add_member)
        for field in (view.member_name, view.member_email):  # Enter adds, as Enter in a key's name creates it
            field.returnPressed.connect(self.add_member)
        view.remove_member_button.clicked.connect(self._remove_clicked)
        view.save_org_button.clicked.connect(self.save_org)
        view.org_name.returnPressed.connect(self.save_org)  # Enter saves the renamed organisation
        view.org_name.textChanged.connect(self._org_edited)
        view.default_expiry.valueChanged.connect(self._org_edited)
        view.default_expiry.tells(view.org_message)  # "0" greyed Save without a word
        view.default_expiry.outside.connect(self._org_edited)
        self._org_edited()
        view.connect_button.clicked.connect(self.apply_connection)
        self._show_languages()
        view.language.activated.connect(self._language_chosen)
        view.remote_radio.toggled.connect(self._mode_toggled)
        events.org_changed.connect(self.show_org)
        events.connected.connect(self.reload)
        events.connection_changed.connect(lambda _s, text: view.state_text.setText(text))
        self.sharing = SharingController(connection, events, view.sharing, self)
        self._show_connection()

    # -- loading ----------------------------------------------------------------------------------------------
    @asyncSlot()
    async def reload(self) -> None:
        self._show_connection()
        for load in (self._load_keys, self._load_members, self._load_plans):
            await load()
        if self.connection.org:
            self.show_org(self.connection.org)

    async def _load_keys(self) -> None:
        try:
            self.keys.set_rows(await self.api.list_api_keys())
        except ApiError as exc:
            self.view.keys_message.show_error(exc)

    async def _load_members(self) -> None:
        try:
            self.members.set_rows(await self.api.list_members())
        except ApiError as exc:
            self.view.members_message.show_error(exc)

    async def _load_plans(self) -> None:
        try:
            plans = await self.api.list_plans()
        except ApiError:
            return
        grid = self.view.plans_grid
        while (item := grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        current = (self.connection.org or {}).get("plan")
        for col, plan in enumerate(plans):
            name = label(plan.get("name", plan["id"]) + ("  ✓" if plan["id"] == current else ""), "section")
            at_line_start(name)  # an English plan name stood at the left of its Arabic column
            included = plan.get("runs_included")
            grid.addWidget(name, 0, col)
            grid.addWidget(
                label(
                    self.tr("Unlimited runs")
                    if included is None
                    else self.tr("{0} runs / month").format(number(included)),
                    "muted",
                ),
                1,
                col,
            )

    # -- the app's language (SPEC §15): the catalogs shipped decide the choices ------------------------------
    def _show_languages(self) -> None:
        combo, chosen = self.view.language, self.connection.settings.language
        system = i18n.system_language()
        combo.clear()
        combo.addItem(self.tr("System default ({0})").format(i18n.language_name(system)), "")
        for tag, name in i18n.language_choices():
            combo.addItem(name, tag)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def _language_chosen(self, index: int) -> None:
        settings = self.connection.settings
        settings.language = self.view.language.itemData(index) or ""
        settings.save(self.connection.paths.settings_file)
        self.view.language_message.show_notice(
            self.tr("Rundun speaks {0} from its next start.").format(self.view.language.itemText(index))
        )

    def show_org(self, org: dict) -> None:
        v = self.view
        usage = org.get("usage") or {}
        v.plan_name.setText(org.get("plan", "").capitalize())
        at_line_start(v.plan_name)
        words, fraction = usage_words(usage)
        v.usage_text.setText(words)
        v.usage_bar.setRange(0, 1000)
        v.usage_bar.setValue(int(fraction * 1000))
        v.usage_bar.setVisible(usage.get("runs_included") is not None)
        v.credits_text.setText(
            self.tr("Run credits: {0} (used once the plan's runs are spent)").format(
                number(usage.get("run_credits", 0))
            )
        )
        v.period_text.setText(
            self.tr("Period {0}").format(utc_days(usage.get("period_start"), usage.get("period_end")))
        )
        # A field the person changed keeps their change until it is saved: a refresh (the live usage, a save
        # from another window) replaced an unsaved rename as soon as the field had lost its focus.
        name, hours = (
            org.get("name", ""),
            float((org.get("settings") or {}).get("default_expires_in_hours") or 72),
        )
        shown_name, shown_hours = self._org_shown or (v.org_name.text(), v.default_expiry.value())
        if v.org_name.text() == shown_name:
            v.org_name.setText(name)
        if v.default_expiry.value() == shown_hours:
            v.default_expiry.setValue(hours)
        self._org_shown = (name, round(hours, v.default_expiry.decimals()))  # as the box holds it
        v.org_id.setText(org.get("id", ""))
        self._org_edited()

    def _org_edits(self) -> dict:
        """What the form says of the organisation that differs from what the server holds."""
        v, org = self.view, self.connection.org or {}
        edits: dict = {}
        if v.org_name.text().strip() != org.get("name", ""):
            edits["name"] = v.org_name.text().strip()
        held = (org.get("settings") or {}).get("default_expires_in_hours") or 72
        places = v.default_expiry.decimals()
        if round(v.default_expiry.value(), places) != round(float(held), places):
            edits["settings"] = {"default_expires_in_hours": v.default_expiry.value()}
        return edits

    def _org_edited(self, *_args) -> None:
        """Save is there for a change: with nothing changed it saved what was there and said "Saved."."""
        refused = self.view.default_expiry.refused  # "0" in the box: not saved as the old value
        self.view.save_org_button.setEnabled(
            bool(self.connection.org) and bool(self._org_edits()) and not refused
        )

    @asyncSlot()
    async def save_org(self) -> None:
        v = self.view
        if not self._org_edits() or v.default_expiry.refused:
            return  # Enter in the name with nothing changed, or with no lifetime in the expiry
        v.save_org_button.setEnabled(False)
        try:
            org = await self.api.patch_org(
                {
                    "name": v.org_name.text().strip(),
                    "settings": {"default_expires_in_hours": v.default_expiry.value()},
                }
            )
            self.connection.org = org
            self.events.org_changed.emit(org)
            v.org_message.show_notice(self.tr("Saved."))
        except ApiError as exc:
            v.org_message.show_error(exc)
        finally:
            self._org_edited()

    # -- API keys ---------------------------------------------------------------------------------------------
    @asyncSlot()
    async def create_key(self) -> None:
        v = self.view
        name = v.key_name.text().strip()
        if not name:
            v.keys_message.show_error(self.tr("Give the key a name, so you know later where it is used."))
            return
        v.create_key_button.setEnabled(False)
        try:
            created = await self.api.create_api_key(name)
        except ApiError as exc:
            v.keys_message.show_error(exc)
            return
        finally:
            v.create_key_button.setEnabled(True)
        v.keys_message.clear_message()
        v.key_name.clear()
        v.key_secret.reveal(self.tr("New key “{0}”").format(created["name"]), created["key"])
        self.key_created.emit(created)
        await self._load_keys()

    def _selected(self, table, model) -> dict | None:
        rows = table.selectionModel().selectedRows()
        return model.rows[rows[0].row()] if rows else None

    def _key_selection(self, *_args) -> None:
        key = self._selected(self.view.keys_table, self.keys)
        self.view.revoke_key_button.setEnabled(key is not None and not key.get("revoked_at"))

    def _revoke_clicked(self) -> None:
        key = self._selected(self.view.keys_table, self.keys)
        if not key:
            return
        in_use = bool(self.api.api_key and self.api.api_key.startswith(key["prefix"]))
        warning = self.tr("\n\nThis app itself uses this key.") if in_use else ""
        if (
            QMessageBox.question(
                self.view,
                self.tr("Revoke key"),
                self.tr("Revoke “{0}”? Requests with it will be refused.").format(key["name"]) + warning,
            )
            == QMessageBox.StandardButton.Yes
        ):
            self.revoke_key(key["id"])

    @asyncSlot(str)
    async def revoke_key(self, key_id: str) -> None:
        revoked = next((k for k in self.keys.rows if k["id"] == key_id), None)
        own = bool(revoked and self.api.api_key and self.api.api_key.startswith(revoked["prefix"]))
        try:
            await self.api.revoke_api_key(key_id)
        except ApiError as exc:
            self.view.keys_message.show_error(exc)
            return
        shown = self.view.key_secret.value.text()
        if revoked and shown and shown.startswith(revoked["prefix"]):  # a dead key is no secret to copy
            self.view.key_secret.clear()
        notice = self.tr("The key was revoked.")
        if own and await self.connection.check():  # the embedded server's: the app made itself another
            notice = self.tr("The key was revoked. This app now uses a new key of its own.")
        self.view.keys_message.show_notice(notice)
        await self._load_keys()

    # -- members ----------------------------------------------------------------------------------------------
    @asyncSlot()
    async def add_member(self) -> None:
        v = self.view
        name, email = v.member_name.text().strip(), v.member_email.text().strip()
        if not name or not email:
            v.members_message.show_error(self.tr("Enter the member's name and email."))
            return
        v.add_member_button.setEnabled(False)
        try:
            member = await self.api.create_member(name, email)
        except ApiError as exc:
            v.members_message.show_error(exc)
            return
        finally:
            v.add_member_button.setEnabled(True)
        v.members_message.clear_message()
        v.member_name.clear()
        v.member_email.clear()
        v.member_secret.reveal(
            self.tr("Sign-in token for {0}").format(member["name"]), member["sign_in_token"]
        )
        self.member_created.emit(member)
        await self._load_members()

    def _member_selection(self, *_args) -> None:
        self.view.remove_member_button.setEnabled(
            self._selected(self.view.members_table, self.members) is not None
        )

    def _remove_clicked(self) -> None:
        member = self._selected(self.view.members_table, self.members)
        if (
            member
            and QMessageBox.question(
                self.view,
                self.tr("Remove member"),
                self.tr("Remove {0}? Their sign-in token stops working.").format(member["name"]),
            )
            == QMessageBox.StandardButton.Yes
        ):
            self.remove_member(member["user_id"])

    @asyncSlot(str)
    async def remove_member(self, user_id: str) -> None:
        try:
            await self.api.delete_member(user_id)
        except ApiError as exc:
            self.view.members_message.show_error(exc)
            return
        self.view.members_message.show_notice(self.tr("The member was removed."))
        await self._load_members()

    # -- connection -------------------------------------------------------------------------------------------
    def _show_connection(self) -> None:
        v, c = self.view, self.connection
        embedded = c.mode == EMBEDDED
        v.embedded_radio.setChecked(embedded)
        v.remote_radio.setChecked(not embedded)
        v.embedded_info.setText(self.tr("Data in {0}").format(c.paths.server_dir))
        if not v.remote_url.text():
            v.remote_url.setText(c.settings.remote_url)
        v.keys_where.setText(self.tr("API keys are kept in {0}.").format(c.credentials.where))
        v.state_text.setText(c.state_text)
        self._mode_toggled(not embedded)

    def _mode_toggled(self, remote: bool) -> None:
        self.view.remote_url.setEnabled(remote)
        self.view.remote_key.setEnabled(remote)

    @asyncSlot()
    async def apply_connection(self) -> None:
        v = self.view
        v.connection_message.clear_message()
        v.connect_button.setEnabled(False)
        try:
            if v.remote_radio.isChecked():
                if not v.remote_url.text().strip() or not v.remote_key.text().strip():
                    v.connection_message.show_error(self.tr("Enter the server's URL and an API key for it."))
                    return
                org = await self.connection.use_remote(v.remote_url.text(), v.remote_key.text())
                v.remote_key.clear()
                v.connection_message.show_notice(
                    self.tr("Connected to {0}.").format(org.get("name", "the server"))
                )
            else:
                await self.connection.use_embedded()
                v.connection_message.show_notice(self.tr("Using the embedded server."))
        except ApiError as exc:
            v.connection_message.show_error(self.tr("Could not connect: {0}").format(exc.message))
        finally:
            v.connect_button.setEnabled(True)
            self._show_connection()
