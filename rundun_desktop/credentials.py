"""API keys kept in the OS keyring, or in a 0600 JSON file where no usable keyring backend exists."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from rundun_desktop.paths import private_dir

log = logging.getLogger("rundun.desktop")
SERVICE = "rundun"
EMBEDDED_ACCOUNT = "embedded"


def remote_account(url: str) -> str:
    return f"remote:{url.rstrip('/')}"


def _keyring_usable() -> bool:
    if os.environ.get("RUNDUN_DESKTOP_KEYRING", "1") in ("0", "false", "no"):
        return False
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0


class CredentialStore:
    """`get/set/delete(account)`; the keyring when usable (`use_keyring=None` detects), else the file."""

    def __init__(self, file_path: Path, use_keyring: bool | None = None):
        self.file_path = Path(file_path)
        self.use_keyring = _keyring_usable() if use_keyring is None else use_keyring

    @property
    def where(self) -> str:
        """Where keys are kept, in words (shown in Settings)."""
        if self.use_keyring:
            import keyring

            return QCoreApplication.translate("CredentialStore", "the system keyring ({0})").format(
                type(keyring.get_keyring()).__name__
            )
        return QCoreApplication.translate("CredentialStore", "{0} (readable only by you)").format(
            self.file_path
        )

    def get(self, account: str) -> str | None:
        if self.use_keyring:
            try:
                import keyring

                value = keyring.get_password(SERVICE, account)
                if value is not None:
                    return value
            except Exception as exc:  # noqa: BLE001 - any backend failure falls back to the file
                self._fall_back(exc)
        return self._read().get(account)

    def set(self, account: str, secret: str) -> None:
        if self.use_keyring:
            try:
                import keyring

                keyring.set_password(SERVICE, account, secret)
                return
            except Exception as exc:  # noqa: BLE001
                self._fall_back(exc)
        data = self._read()
        data[account] = secret
        self._write(data)

    def delete(self, account: str) -> None:
        if self.use_keyring:
            try:
                import keyring

                keyring.delete_password(SERVICE, account)
            except Exception as exc:  # noqa: BLE001 - absent already, or no backend: the file may still hold it
                log.debug("keyring delete of %s: %s", account, exc)
        data = self._read()
        if data.pop(account, None) is not None:
            self._write(data)

    def _fall_back(self, exc: Exception) -> None:
        log.warning("keyring unavailable (%s); keeping API keys in %s", exc, self.file_path)
        self.use_keyring = False

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.file_path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, str]) -> None:
        """Write atomically, created 0600 so the key is never readable by others, even briefly."""
        private_dir(self.file_path.parent)
        tmp = self.file_path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.file_path)
