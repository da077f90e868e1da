"""Settings → Sharing: the embedded server on loopback, on the local network (its LAN address in the links,
with a warning), or behind a public URL; applying restarts it on the same port. And the executor's photo
size and quality, and how long automatic backups are kept. Kept in the desktop's settings file."""

from __future__ import annotations

from PySide6.QtCore import QObject
from qasync import asyncSlot

from rundun_desktop.admin.sharing_view import SharingView
from rundun_desktop.app_events import AppEvents
from rundun_desktop.connection import Connection
from rundun_desktop.desktop_settings import EMBEDDED, LAN, LOOPBACK, PUBLIC
from rundun_desktop.sharing import lan_address


class SharingController(QObject):
    def __init__(self, connection: Connection, events: AppEvents, view: SharingView, parent=None):
        super().__init__(parent)
        self.connection, self.view = connection, view
        self.radios = {LOOPBACK: view.loopback_radio, LAN: view.lan_radio, PUBLIC: view.public_radio}
        for radio in self.radios.values():
            radio.toggled.connect(self._choice_changed)
        view.apply_button.clicked.connect(self.apply)
        view.public_url.textChanged.connect(self._choice_changed)
        view.save_photos_button.clicked.connect(self.save_photos)
        view.save_backups_button.clicked.connect(self.save_backups)
        for box in (view.max_side, view.quality, view.keep_days):
            box.valueChanged.connect(self._saves_edited)
        events.connected.connect(self.show)
        self.show()

    @property
    def settings(self):
        return self.connection.settings

    def show(self) -> None:
        v, s = self.view, self.settings
        self.radios.get(s.sharing, v.loopback_radio).setChecked(True)
        if not v.public_url.hasFocus():
            v.public_url.setText(s.public_url)
        embedded = self.connection.mode == EMBEDDED
        v.links_text.setText(self._links_words())
        v.remote_note.setText(
            ""
            if embedded
            else self.tr("This app uses a remote server: its links are as that server makes them.")
        )
        for widget in (*self.radios.values(), v.public_url):
            widget.setEnabled(embedded)
        v.max_side.setValue(s.photo_max_side)
        v.quality.setValue(s.photo_quality)
        v.keep_days.setValue(s.backup_keep_days)
        self._choice_changed()
        self._saves_edited()

    def _saves_edited(self, *_args) -> None:
        """Each Save is there for a change to its own settings, as Apply is."""
        v, s = self.view, self.settings
        v.save_photos_button.setEnabled(
            (v.max_side.value(), v.quality.value()) != (s.photo_max_side, s.photo_quality)
        )
        v.save_backups_button.setEnabled(v.keep_days.value() != s.backup_keep_days)

    def _links_words(self) -> str:
        url = self.connection.public_url
        if self.connection.mode != EMBEDDED:
            return self.tr("Run links start with {0}.").format(url)
        where = (
            self.tr("they open on this computer only")
            if self.connection.links_local_only
            else self.tr("phones and computers that reach this address open them")
        )
        return self.tr("Run links start with {0}: {1}.").format(url, where)

    def _choice_changed(self, *_args) -> None:
        v = self.view
        lan = v.lan_radio.isChecked()
        address = lan_address()
        port = self.settings.embedded_port or "…"
        v.lan_info.setText(
            self.tr(
                "The server listens on this computer's network address, {0}: links start with http://{1}:{2}."
            ).format(address, address, port)
            if address
            else self.tr(
                "This computer has no local network address right now (is it connected to a network?)."
            )
        )
        v.lan_warning.setVisible(lan)
        v.public_url.setVisible(v.public_radio.isChecked())
        v.apply_button.setEnabled(self.connection.mode == EMBEDDED and self._changed())

    def _changed(self) -> bool:
        """Whether the choice on screen differs from the one the server runs with: Apply restarts the server,
        which for the same choice only cut the live updates and the executors' uploads for nothing."""
        if not any(radio.isChecked() for radio in self.radios.values()):
            return False  # between two radios' toggles
        mode, s = self.chosen(), self.settings
        return mode != s.sharing or (mode == PUBLIC and self._typed_url() != s.public_url)

    def _typed_url(self) -> str:
        return self.view.public_url.text().strip().rstrip("/")

    def chosen(self) -> str:
        return next(mode for mode, radio in self.radios.items() if radio.isChecked())

    @asyncSlot()
    async def apply(self) -> None:
        v, s = self.view, self.settings
        v.message.clear_message()
        mode, url = self.chosen(), self._typed_url()
        if mode == PUBLIC and not url.startswith(("http://", "https://")):
            v.message.show_error(self.tr("Enter the public URL, starting with https:// (or http://)."))
            return
        if mode == LAN and lan_address() is None:
            v.message.show_error(
                self.tr(
                    "This computer has no local network address right now; connect it to a network first."
                )
            )
            return
        s.sharing = mode
        if mode == PUBLIC:
            s.public_url = url
        s.save(self.connection.paths.settings_file)
        # The button greyed while it holds the focus hands it on to the next field, "Longest side", its
        # number selected for the next key to replace: it goes back to the choice just applied.
        self.radios[mode].setFocus()
        v.apply_button.setEnabled(False)
        try:
            await self.connection.restart_embedded()
        finally:
            self.show()
        if self.connection.state == "connected":
            v.message.show_notice(self.tr("Done. {0}").format(self._links_words()))
        else:
            v.message.show_error(self.connection.state_text)

    def save_photos(self) -> None:
        v, s = self.view, self.settings
        s.photo_max_side, s.photo_quality = v.max_side.value(), v.quality.value()
        s.save(self.connection.paths.settings_file)
        self._saves_edited()
        v.photos_message.show_notice(
            self.tr("Photos added from now on are scaled to {0} px, JPEG quality {1}.").format(
                s.photo_max_side, s.photo_quality
            )
        )

    def save_backups(self) -> None:
        v, s = self.view, self.settings
        s.backup_keep_days = v.keep_days.value()
        s.save(self.connection.paths.settings_file)
        self._saves_edited()
        days = self.tr("%Ln day(s)", "", s.backup_keep_days)
        v.backups_message.show_notice(
            self.tr("Automatic backups are kept {0}; older ones go at the next daily backup.").format(days)
        )
