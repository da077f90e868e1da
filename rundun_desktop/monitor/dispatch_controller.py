"""Dispatch behaviour: templates and the org's default expiry into the form, the request, the link."""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from qasync import asyncSlot

from rundun_desktop import formatting as fmt
from rundun_desktop import i18n
from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.app_events import AppEvents
from rundun_desktop.last_webhook import LastWebhooks, Webhook
from rundun_desktop.monitor.dispatch_view import DispatchDialogView
from rundun_desktop.sharing import is_loopback_url
from rundun_desktop.widgets.common import template_names

UNNAMED_ORG = (
    "My organisation"  # the name a first start gives the organisation (server.bootstrap.UNNAMED_ORG)
)


def link_in_language(link: str, language: str | None, languages: list[str]) -> str:
    """The run link to show and put in the QR code: with `?lang=` when the run is not in the template's first
    language, so the page opens in the run's language whatever the phone's browser prefers (SPEC §15)."""
    if not language or not languages or language == languages[0]:
        return link
    return f"{link}?{urlencode({'lang': language})}"


class DispatchController(QObject):
    dispatched = Signal(dict)  # the dispatch response

    def __init__(
        self,
        api: ApiClient,
        events: AppEvents,
        parent_widget: QWidget | None = None,
        template_id: str | None = None,
        *,
        webhooks: LastWebhooks | None = None,
    ):
        super().__init__(parent_widget)
        self.api, self.events = api, events
        self.view = DispatchDialogView(parent_widget)
        self.result: dict | None = None
        self._preselect = template_id
        self.webhooks = webhooks  # the webhook last dispatched with this server, offered again and kept
        self._languages: list[str] = []  # the chosen template's
        self._idempotency_key = str(uuid.uuid4())  # one per attempt: a retried click never dispatches twice
        v = self.view
        v.dispatch_button.clicked.connect(self.dispatch)
        v.close_button.clicked.connect(v.reject)
        v.done_button.clicked.connect(v.accept)
        v.another_button.clicked.connect(self._another)
        v.fill_in_button.clicked.connect(self._fill_in_here)
        v.no_expiry.toggled.connect(lambda on: v.expires_hours.setEnabled(not on))
        self._range_words = self.tr(
            "A link lasts from {0} hours up to a year ({1} hours). For a link that never expires, tick No expiry."
        )
        v.expires_hours.tells(v.message, self._range_words)
        for widget in (v.executor_ref, v.webhook_url, v.webhook_secret):
            widget.textChanged.connect(self._new_attempt)
        v.template.currentIndexChanged.connect(self._new_attempt)
        v.template.currentIndexChanged.connect(self._load_languages)
        v.language.currentIndexChanged.connect(self._new_attempt)
        if webhooks is not None:
            self._show_webhook(webhooks.recall())

    def open(self) -> DispatchDialogView:
        self.view.show_form()
        self.view.open()
        self.load()
        return self.view

    @asyncSlot()
    async def load(self) -> None:
        v = self.view
        v.dispatch_button.setEnabled(False)
        try:
            templates = await self.api.all_templates()
            org = await self.api.get_org()
        except ApiError as exc:
            v.message.show_error(self.tr("Templates could not be loaded. {0}").format(exc.message))
            return
        v.template.clear()
        for t, name in zip(templates, template_names(templates), strict=True):
            v.template.addItem(name, t["id"])
        v.template.setCurrentIndex(max(0, v.template.findData(self._preselect)) if self._preselect else 0)
        if not templates:
            v.template.setPlaceholderText(self.tr("No templates yet"))
            v.message.show_error(
                self.tr("There are no templates yet. Create one on the Templates page first.")
            )
            return
        v.show_org_name(org.get("name") == UNNAMED_ORG)
        default = (org.get("settings") or {}).get("default_expires_in_hours")
        if default:
            v.expires_hours.setValue(float(default))
        v.dispatch_button.setEnabled(True)
        # The first field to fill: the reference once the template is chosen (from its list's "Dispatch run…"),
        # else the template. On the Template box, a reference typed went nowhere and Enter dispatched without it.
        (
            v.executor_ref if self._preselect and v.template.currentData() == self._preselect else v.template
        ).setFocus()

    def body(self) -> dict:
        v = self.view
        body: dict = {"template_id": v.template.currentData()}
        if v.language.currentData():
            body["language"] = v.language.currentData()
        if v.executor_ref.text().strip():
            body["executor_ref"] = v.executor_ref.text().strip()
        body["expires_in_hours"] = (
            None if v.no_expiry.isChecked() else round(v.expires_hours.value(), v.expires_hours.decimals())
        )
        if v.webhook_box.isChecked():
            webhook = {
                "url": v.webhook_url.text().strip(),
                "events": [name for name, box in v.event_boxes.items() if box.isChecked()],
            }
            if v.webhook_secret.text():
                webhook["secret"] = v.webhook_secret.text()
            body["webhook"] = webhook
        return body

    async def _name_sender(self) -> bool:
        """The organisation's name typed in "Sent by", saved before the run goes (its link shows it); False
        when it could not be saved (the dialog says why and nothing is dispatched)."""
        v = self.view
        name = v.org_name.text().strip()
        if not (v.asks_org_name and name):
            return True  # left empty: the run goes out, and the row is asked again next time
        try:
            await self.api.patch_org({"name": name})
        except ApiError as exc:
            v.message.show_error(
                self.tr("The organisation's name could not be saved. {0}").format(exc.message)
            )
            return False
        v.show_org_name(False)
        return True

    @asyncSlot()
    async def dispatch(self) -> None:
        v = self.view
        v.message.clear_message()
        if not v.template.currentData():
            v.message.show_error(self.tr("Choose a template."))
            return
        if v.expires_hours.refused and not v.no_expiry.isChecked():  # it shows no lifetime: nothing to send
            v.message.show_error(v.expires_hours.in_range(self._range_words))
            v.expires_hours.setFocus()
            return
        if v.webhook_box.isChecked() and not v.webhook_url.text().strip():
            v.message.show_error(self.tr("Enter the webhook URL, or untick the webhook."))
            return
        if v.webhook_box.isChecked() and not any(box.isChecked() for box in v.event_boxes.values()):
            # The server refuses an empty list (it would deliver nothing); omitting it would mean every event.
            v.message.show_error(self.tr("Tick at least one event, or untick the webhook."))
            return
        if not await self._name_sender():
            return
        v.dispatch_button.setEnabled(False)
        v.dispatch_button.setText(self.tr("Dispatching…"))
        try:
            result = await self.api.dispatch_run(self.body(), idempotency_key=self._idempotency_key)
        except ApiError as exc:
            v.message.show_error(exc)
            return
        finally:
            v.dispatch_button.setEnabled(True)
            v.dispatch_button.setText(self.tr("Dispatch"))
        self.result = result
        expires = (
            self.tr("The link works until {0}.").format(fmt.local_time(result["expires_at"]))
            if result.get("expires_at")
            else self.tr("The link does not expire.")
        )
        ref, name = self.body().get("executor_ref"), v.template.currentText()
        what = (
            self.tr("{0} for {1}.").format(name, ref) if ref else f"{name}."
        )  # "for" was English everywhere
        v.show_result(
            link_in_language(result["link"], self.body().get("language"), self._languages),
            f"{what} {expires}",
            local_only=is_loopback_url(result["link"]),
        )
        if self.webhooks is not None:  # a dispatch refused keeps nothing
            self.webhooks.remember(self._webhook())
        self.events.run_dispatched.emit(result)
        self.dispatched.emit(result)

    def _webhook(self) -> Webhook:
        """The webhook box as dispatched: ticked or not, with what it holds (unticked, the URL is kept for the
        next time it is ticked)."""
        v = self.view
        events = [name for name, box in v.event_boxes.items() if box.isChecked()]
        return Webhook(
            v.webhook_box.isChecked(), v.webhook_url.text().strip(), events, v.webhook_secret.text()
        )

    def _show_webhook(self, webhook: Webhook) -> None:
        v = self.view
        v.webhook_box.setChecked(webhook.on)
        v.webhook_url.setText(webhook.url)
        v.webhook_secret.setText(webhook.secret)
        for name, box in v.event_boxes.items():
            box.setChecked(webhook.events is None or name in webhook.events)

    @asyncSlot()
    async def _load_languages(self, *_args) -> None:
        """The chosen template's languages into the Language box (its first, the default, on top)."""
        v = self.view
        template_id = v.template.currentData()
        v.language.clear()
        self._languages = []
        if not template_id:
            return
        try:
            template = await self.api.get_template(template_id)
        except ApiError:
            return  # dispatching still works: the server then uses the template's first language
        if v.template.currentData() != template_id:
            return  # another template was chosen meanwhile
        self._languages = list(template.get("languages") or ["en"])
        v.language.blockSignals(True)
        v.language.clear()
        for k, tag in enumerate(self._languages):
            shown = i18n.tag_with_name(tag)
            v.language.addItem(self.tr("{0}, as written").format(shown) if k == 0 else shown, tag)
        v.language.blockSignals(False)

    def _new_attempt(self, *_args) -> None:
        self._idempotency_key = str(uuid.uuid4())

    def _fill_in_here(self) -> None:
        """The supervisor does the run themselves: the dialog closes and the Executor page opens the link (on a
        loopback-only install the only place it opens at all)."""
        if self.result is None:
            return
        self.view.accept()
        self.events.open_in_executor.emit(self.result["link"])

    def _another(self) -> None:
        self.view.executor_ref.clear()
        self._new_attempt()
        self.view.show_form()
        self.view.executor_ref.setFocus()
