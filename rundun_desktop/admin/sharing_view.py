"""Settings → Sharing, layout only: who can open the embedded server's run links (this computer, the local
network, or a public URL), the address links start with, how the executor prepares photos, and how long
automatic backups of the workspace are kept."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.desktop_settings import KEEP_DAYS_MAX, KEEP_DAYS_MIN
from rundun_desktop.widgets.common import SPACING, MessageLine, button, card, label
from rundun_desktop.words import QT_TRANSLATE_NOOP

LAN_WARNING = QT_TRANSLATE_NOOP(
    "sharing_view",
    "Anyone on this network can reach the server. It still needs a run's link or an API key, but share only on networks you trust (not a café's or a hotel's Wi-Fi).",
)


class SharingView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(SPACING)

        box, bl = card(spacing=8)
        bl.addWidget(label(self.tr("Who can open run links"), "section"))
        self.links_text = label("", "subtitle", wrap=True, selectable=True)
        bl.addWidget(self.links_text)
        self.group = QButtonGroup(self)
        self.loopback_radio = QRadioButton(self.tr("Only this computer"))
        self.lan_radio = QRadioButton(self.tr("Phones and computers on this network"))
        self.public_radio = QRadioButton(self.tr("A public URL that forwards to this computer"))
        for radio in (self.loopback_radio, self.lan_radio, self.public_radio):
            self.group.addButton(radio)
        bl.addWidget(self.loopback_radio)
        bl.addWidget(
            label(
                self.tr("Links and QR codes open on this computer only (the safest choice)."),
                "muted",
                wrap=True,
            )
        )
        bl.addWidget(self.lan_radio)
        self.lan_info = label("", "muted", wrap=True, selectable=True)
        bl.addWidget(self.lan_info)
        self.lan_warning = label(
            QCoreApplication.translate("sharing_view", LAN_WARNING), "warning", wrap=True
        )
        bl.addWidget(self.lan_warning)
        bl.addWidget(self.public_radio)
        self.public_url = QLineEdit()
        self.public_url.setPlaceholderText(
            self.tr("https://rundun.example.com (a tunnel or reverse proxy you set up)")
        )
        bl.addWidget(self.public_url)
        self.message = MessageLine()
        bl.addWidget(self.message)
        row = QHBoxLayout()
        self.remote_note = label("", "muted", wrap=True)
        row.addWidget(self.remote_note, 1)
        self.apply_button = button(self.tr("Apply"), "server", primary=True)
        self.apply_button.setToolTip(self.tr("Restart the embedded server with this choice (a second or so)"))
        row.addWidget(self.apply_button)
        bl.addLayout(row)
        layout.addWidget(box)

        self.max_side = QSpinBox()
        self.max_side.setRange(640, 8000)
        self.max_side.setSingleStep(160)
        self.max_side.setSuffix(self.tr(" px"))
        self.quality = QSpinBox()
        self.quality.setRange(50, 100)
        photos, self.photos_message, self.save_photos_button = _saved_card(
            self.tr("Photos added in the executor"),
            self.tr(
                "Scaled down on this computer when they are added, so that they always fit the server; turned upright, with their place and time kept."
            ),
            [(self.tr("Longest side"), self.max_side), (self.tr("JPEG quality"), self.quality)],
        )
        layout.addWidget(photos)
        self.keep_days = QSpinBox()
        self.keep_days.setRange(KEEP_DAYS_MIN, KEEP_DAYS_MAX)
        self.keep_days.setSuffix(self.tr(" days"))
        backups, self.backups_message, self.save_backups_button = _saved_card(
            self.tr("Automatic backups of this workspace"),
            self.tr(
                "Once a day the embedded server's runs, answers and photos are backed up into the workspace's backups folder; older automatic backups are deleted."
            ),
            [(self.tr("Keep them for"), self.keep_days)],
        )
        layout.addWidget(backups)
        layout.addStretch(1)


def _saved_card(title: str, words: str, rows: list[tuple[str, QWidget]]):
    """A card of a few fields with its own message line and Save button: (card, message, button)."""
    box, bl = card(spacing=8)
    bl.addWidget(label(title, "section"))
    bl.addWidget(label(words, "muted", wrap=True))
    form = QFormLayout()
    for name, field in rows:
        form.addRow(name, field)
    bl.addLayout(form)
    message = MessageLine()
    bl.addWidget(message)
    row = QHBoxLayout()
    row.addStretch(1)
    save = button(QCoreApplication.translate("sharing_view", "Save"))
    row.addWidget(save)
    bl.addLayout(row)
    return box, message, save
