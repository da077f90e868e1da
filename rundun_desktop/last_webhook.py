"""The webhook last dispatched with each server connection, offered again by the next dispatch dialog: ticked or
not, its URL and events in the desktop's settings, its secret only in the credentials store (the OS keyring, or
its 0600 file), never in desktop.json. The dialog came up empty for every run: URL, events and secret typed again
each time, and nowhere else in the app are webhooks set."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rundun_desktop.credentials import CredentialStore
from rundun_desktop.desktop_settings import DesktopSettings


def secret_account(account: str) -> str:
    """The credentials entry of the webhook secret last sent with the connection `account` ("embedded",
    "remote:https://…"), beside that connection's API key."""
    return f"webhook:{account}"


@dataclass
class Webhook:
    on: bool = False  # the box ticked: the run was dispatched with it
    url: str = ""
    events: list[str] | None = None  # None: every event (nothing remembered yet)
    secret: str = field(default="", repr=False)


class LastWebhooks:
    """`recall()` and `remember(webhook)` for the connection `account()` names."""

    def __init__(
        self, settings: DesktopSettings, path: Path, credentials: CredentialStore, account: Callable[[], str]
    ):
        self.settings, self.path, self.credentials, self.account = settings, path, credentials, account

    def recall(self) -> Webhook:
        account = self.account()
        kept = self.settings.last_webhooks.get(account)
        if kept is None:
            return Webhook()
        return Webhook(
            bool(kept.get("on")), kept.get("url", ""), list(kept.get("events", [])), self._secret(account)
        )

    def remember(self, webhook: Webhook) -> None:
        account = self.account()
        kept = {"on": webhook.on, "url": webhook.url, "events": list(webhook.events or [])}
        if self.settings.last_webhooks.get(account) != kept:
            self.settings.last_webhooks[account] = kept
            self.settings.save(self.path)
        if webhook.secret != self._secret(account):
            if webhook.secret:
                self.credentials.set(secret_account(account), webhook.secret)
            else:
                self.credentials.delete(secret_account(account))

    def _secret(self, account: str) -> str:
        return self.credentials.get(secret_account(account)) or ""
