"""`rundun://` links open the app: what each platform needs written, as content that tests can read.

- Linux (freedesktop): a `.desktop` entry with `MimeType=x-scheme-handler/rundun` (the executor's `links`
  module writes it and runs `xdg-mime`), by `rundun-desktop --register` or when the first start offers it.
- Windows: the per-user keys under `HKCU\\Software\\Classes\\rundun` (no administrator rights). They are
  built as data (`registry_entries`), written through `winreg` where it exists, and also given as `.reg`
  text, so the content is tested on any platform.
- macOS: a scheme can only be declared in the bundle's Info.plist (`CFBundleURLTypes`, in build.spec).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

SCHEME = "rundun"
WINDOWS_KEY = rf"Software\Classes\{SCHEME}"
OFFERED_MARK = "url-scheme-offered"


def registry_entries(command: list[str]) -> list[tuple[str, str, str]]:
    """(key under HKEY_CURRENT_USER, value name ("" = the default value), string value), in writing order."""
    quoted = " ".join(f'"{part}"' for part in command)
    return [
        (WINDOWS_KEY, "", "URL:Rundun run link"),
        (WINDOWS_KEY, "URL Protocol", ""),
        (rf"{WINDOWS_KEY}\DefaultIcon", "", f'"{command[0]}",0'),
        (rf"{WINDOWS_KEY}\shell\open\command", "", f'{quoted} "%1"'),
    ]


def reg_file_text(command: list[str]) -> str:
    """The same keys as a `.reg` file (what `regedit /s` would import), for a user or an installer."""
    lines = ["Windows Registry Editor Version 5.00", ""]
    current = None
    for key, name, value in registry_entries(command):
        if key != current:
            if current is not None:
                lines.append("")
            lines.append(rf"[HKEY_CURRENT_USER\{key}]")
            current = key
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(("@" if name == "" else f'"{name}"') + f'="{escaped}"')
    return "\r\n".join(lines) + "\r\n"


def write_windows_registry(command: list[str], winreg=None) -> None:  # pragma: no cover - needs Windows
    """Write `registry_entries` with `winreg` (the standard module on Windows)."""
    if winreg is None:
        import winreg
    for key, name, value in registry_entries(command):
        handle = winreg.CreateKey(winreg.HKEY_CURRENT_USER, key)
        try:
            winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)
        finally:
            winreg.CloseKey(handle)


def register(platform: str | None = None, apps_dir: Path | None = None) -> str:
    """Make `rundun://` links open this app for this user; returns what was done, in words."""
    from rundun_desktop.executor import links

    platform = platform or sys.platform
    if platform == "win32":
        write_windows_registry(links.launcher_command())
        return QCoreApplication.translate(
            "url_scheme",
            "Registered rundun:// under HKEY_CURRENT_USER\\{0}; rundun:// links now open Rundun.",
        ).format(WINDOWS_KEY)
    return links.register_scheme(apps_dir, platform=platform)


def is_registered(apps_dir: Path | None = None, platform: str | None = None) -> bool:
    """Linux: whether our `.desktop` entry is in place (elsewhere the question does not arise at run time)."""
    from rundun_desktop.executor import links

    platform = platform or sys.platform
    if not platform.startswith(("linux", "freebsd")):
        return True
    return ((apps_dir or links.applications_dir()) / links.DESKTOP_FILE).is_file()


def should_offer(config_dir: Path, apps_dir: Path | None = None) -> bool:
    """The first start offers to register (once: the answer, yes or no, is remembered)."""
    return not (config_dir / OFFERED_MARK).exists() and not is_registered(apps_dir)


def mark_offered(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / OFFERED_MARK).write_text("1\n", encoding="utf-8")
