"""The dispatch dialog's layout: a form (template, executor ref, expiry, webhook), then the link with
Copy and a QR code."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.style import set_role
from rundun_desktop.widgets.common import CopyField, HoursBox, MessageLine, button, label
from rundun_desktop.widgets.qr import QrCodeWidget
from rundun_desktop.words import QT_TRANSLATE_NOOP

PHONE_HINT = QT_TRANSLATE_NOOP("dispatch_view", "Scan to open the run on a phone, or send the link.")
LOCAL_ONLY_HINT = QT_TRANSLATE_NOOP(
    "dispatch_view",
    "This link works on this computer only: the embedded server is not shared. To open runs on a phone or another computer, share it on the local network or give it a public URL in Settings → Sharing.",
)
EVENTS = ["run.opened", "step.completed", "run.completed", "run.cancelled", "run.expired"]


class DispatchDialogView(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dispatch a run"))
        self.setMinimumWidth(520)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(14)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)

        # -- the form -------------------------------------------------------------------------------------------
        form_page = QWidget()
        fl = QVBoxLayout(form_page)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.setSpacing(12)
        fl.addWidget(label(self.tr("Dispatch a run"), "title"))
        fl.addWidget(label(self.tr("Send a checklist to one person as a link."), "subtitle"))
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        self.template = QComboBox()
        self.template.setPlaceholderText(self.tr("Loading templates…"))
        form.addRow(self.tr("Template"), self.template)
        self.language = QComboBox()  # SPEC §15: the run's language, one of the template's
        self.language.setObjectName("runLanguage")
        self.language.setToolTip(
            self.tr("The language the run is in; the executor may switch to another of the template's")
        )
        form.addRow(self.tr("Language"), self.language)
        for choice in (self.template, self.language):  # a choice is not the end of the form
            choice.installEventFilter(self)
        self.executor_ref = QLineEdit()
        self.executor_ref.setPlaceholderText(self.tr("Your reference, e.g. booking_12345 (optional)"))
        self.executor_ref.setMaxLength(255)
        form.addRow(self.tr("Executor ref"), self.executor_ref)
        expiry = QHBoxLayout()
        self.expires_hours = HoursBox()
        self.expires_hours.setSuffix(self.tr(" hours"))
        self.expires_hours.setValue(72)
        self.no_expiry = QCheckBox(self.tr("No expiry"))
        expiry.addWidget(self.expires_hours, 1)
        expiry.addWidget(self.no_expiry)
        form.addRow(self.tr("Link expires in"), expiry)
        # Asked while the organisation has the name a first start gave it: the person opening the link read
        # "My organisation sent you a checklist" (shown by `show_org_name`; the controller saves it first).
        self.org_name = QLineEdit()
        self.org_name.setObjectName("senderName")
        self.org_name.setMaxLength(200)
        self.org_name.setPlaceholderText(self.tr("Your organisation's name, e.g. Acme Rentals"))
        self.org_name.setToolTip(
            self.tr(
                "The person who opens the link reads who sent it; kept for every run (Settings → Plan and usage)"
            )
        )
        form.addRow(self.tr("Sent by"), self.org_name)
        self.form = form
        self.form.setRowVisible(self.org_name, False)
        fl.addLayout(form)

        self.webhook_box = QGroupBox(self.tr("Webhook (optional)"))
        self.webhook_box.setCheckable(True)
        self.webhook_box.setChecked(False)
        wl = QFormLayout(self.webhook_box)
        self.webhook_url = QLineEdit()
        self.webhook_url.setPlaceholderText(self.tr("https://your-app.com/hooks/rundun"))
        self.webhook_secret = QLineEdit()
        self.webhook_secret.setPlaceholderText(self.tr("whsec_… (signs each delivery; optional)"))
        self.webhook_secret.setEchoMode(QLineEdit.EchoMode.Password)
        wl.addRow(self.tr("URL"), self.webhook_url)
        wl.addRow(self.tr("Secret"), self.webhook_secret)
        grid = QGridLayout()
        self.event_boxes: dict[str, QCheckBox] = {}
        for i, name in enumerate(EVENTS):
            box = QCheckBox(name)
            box.setChecked(True)
            self.event_boxes[name] = box
            grid.addWidget(box, i // 3, i % 3)
        wl.addRow(self.tr("Events"), grid)
        fl.addWidget(self.webhook_box)

        self.message = MessageLine()
        # Its room kept while it is hidden (two lines, as the expiry's range takes): shown, it squashed the
        # webhook's event boxes onto each other, then the dialog jumped taller.
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing())
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(policy)
        fl.addWidget(self.message)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.close_button = button(self.tr("Close"))
        self.dispatch_button = button(self.tr("Dispatch"), "send", primary=True)
        actions.addWidget(self.close_button)
        actions.addWidget(self.dispatch_button)
        fl.addLayout(actions)
        self.stack.addWidget(form_page)

        # -- the result -----------------------------------------------------------------------------------------
        done_page = QWidget()
        dl = QVBoxLayout(done_page)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.setSpacing(12)
        dl.addWidget(label(self.tr("Run dispatched"), "title"))
        self.result_text = label("", "subtitle", wrap=True)
        dl.addWidget(self.result_text)
        self.link = CopyField()
        dl.addWidget(self.link)
        self.qr = QrCodeWidget()
        self.qr.setFixedSize(220, 220)
        dl.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        self.qr_hint = label(QCoreApplication.translate("dispatch_view", PHONE_HINT), "muted", wrap=True)
        self.qr_hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        dl.addWidget(self.qr_hint)
        dl.addStretch(1)  # the page is as tall as the form: keep the result together at the top
        done_actions = QHBoxLayout()
        self.another_button = button(self.tr("Dispatch another"), "plus")
        self.fill_in_button = button(self.tr("Fill in here"), "executor")
        self.fill_in_button.setToolTip(
            self.tr("Open the run in this computer's Executor (then nobody else can open the link)")
        )
        self.done_button = button(self.tr("Done"), primary=True)
        done_actions.addWidget(self.another_button)
        done_actions.addStretch(1)
        done_actions.addWidget(self.fill_in_button)
        done_actions.addWidget(self.done_button)
        dl.addLayout(done_actions)
        self.stack.addWidget(done_page)
        self.show_form()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the Template or Language box moves to the next field, where it dispatched: an auditor typed
        a reference into the Template box, pressed Enter, and a run went out without it."""
        if (
            isinstance(watched, QComboBox)
            and watched in (self.template, self.language)
            and event.type() == QEvent.Type.KeyPress
            and cast(QKeyEvent, event).key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not watched.view().isVisible()  # an open list takes Enter as its choice
        ):
            self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    def show_org_name(self, shown: bool) -> None:
        """The "Sent by" row, while the organisation has no name of its own."""
        self.form.setRowVisible(self.org_name, shown)

    @property
    def asks_org_name(self) -> bool:
        return self.form.isRowVisible(self.org_name)

    def show_form(self) -> None:
        self.stack.setCurrentIndex(0)
        # Enter dispatches. Made default here, inside the dialog: made default before it had a parent, Dispatch
        # was not the dialog's default, and the dialog made Close (its first button) the default at `open`.
        self.dispatch_button.setDefault(True)

    def show_result(self, link: str, text: str, *, local_only: bool = False) -> None:
        """The link; with a QR code for a phone only when a phone can open it (not a loopback address)."""
        self.link.set_text(link)
        self.qr.set_text("" if local_only else link)
        self.qr.setVisible(not local_only)
        self.qr_hint.setText(
            QCoreApplication.translate("dispatch_view", LOCAL_ONLY_HINT if local_only else PHONE_HINT)
        )
        set_role(self.qr_hint, role="warning" if local_only else "muted")
        self.result_text.setText(text)
        self.stack.setCurrentIndex(1)
        self.done_button.setDefault(True)

    @property
    def showing_result(self) -> bool:
        return self.stack.currentIndex() == 1
