"""Run links: parse `https://host/r/<id>`, `rundun://r/<id>` and bare ids; find a link among the command-line
arguments; register `rundun://` with the desktop so that opening such a link starts (or reaches) the app.

The server host of a `rundun://` link is the app's current connection (the link itself names none).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import QCoreApplication

from server.tdl.languages import LANGUAGE_TAG

RUN_ID = re.compile(r"^r-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)
# A link within the words pasted with it ("Your check: https://…/r/r-…. Thanks!").
LINK_IN_TEXT = re.compile(
    r"(?:https?|rundun):\S+|(?<![\w/-])r-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b", re.IGNORECASE
)
PUNCTUATION = "<>\"'()[].,;:!?"
SCHEME = "rundun"
DESKTOP_FILE = "rundun-url-handler.desktop"


class LinkError(ValueError):
    """Not a run link, in words."""


@dataclass(frozen=True)
class RunLink:
    run_id: str
    base_url: str | None  # None: a rundun:// link or a bare id, served by the current connection
    # The link's `?lang=` (the dispatcher's choice of the checklist's language): the open asks for it first.
    language: str | None = None


def link_language(query: str) -> str | None:
    """A link's `?lang=` when it is a language tag (anything else is ignored, as the server ignores it)."""
    tag = (parse_qs(query).get("lang") or [""])[0].strip()
    return tag if LANGUAGE_TAG.match(tag) else None


def parse_link(text: str) -> RunLink:
    """`https://host[:port][/prefix]/r/<id>`, `rundun://r/<id>` or a bare `r-…` id, as it is pasted from a
    message: in angle brackets, quotes or parentheses, ending a sentence ("…/r/r-….": the period was taken for
    part of the id), or with the message's words around it. The id is the server's, in lower case."""
    text = (text or "").strip().strip(PUNCTUATION)
    try:
        return _parsed(text)
    except LinkError:
        found = LINK_IN_TEXT.search(text)
        if found is None or found.group(0) == text:
            raise
        return _parsed(found.group(0).strip(PUNCTUATION))


def _parsed(text: str) -> RunLink:
    if not text:
        raise LinkError(QCoreApplication.translate("links", "Paste a run link first."))
    if RUN_ID.match(text):
        return RunLink(text.lower(), None)
    parts = urlsplit(text)
    if parts.scheme == SCHEME:
        # rundun://r/<id>: "r" is the host part; tolerate rundun:r/<id> and rundun:///r/<id> too.
        segments = [s for s in f"{parts.netloc}/{parts.path}".split("/") if s]
        if len(segments) == 2 and segments[0] == "r" and RUN_ID.match(segments[1]):
            return RunLink(segments[1].lower(), None, link_language(parts.query))
        raise LinkError(
            QCoreApplication.translate("links", "A rundun:// link looks like {0}; this one does not.").format(
                "\u2068rundun://r/r-…\u2069"  # isolated: whole in its own direction among Arabic words
            )
        )
    if parts.scheme in ("http", "https") and parts.netloc:
        segments = parts.path.rstrip("/").split("/")
        if len(segments) >= 2 and segments[-2] == "r" and RUN_ID.match(segments[-1]):
            prefix = "/".join(segments[:-2])
            base_url = f"{parts.scheme}://{parts.netloc}{prefix}"
            return RunLink(segments[-1].lower(), base_url, link_language(parts.query))
        raise LinkError(
            QCoreApplication.translate(
                "links", "That web address is not a run link (it should end in /r/r-…)."
            )
        )
    raise LinkError(
        QCoreApplication.translate(
            "links",
            "That is not a run link: paste the https://…/r/… link you were sent, or a rundun://r/… link.",
        )
    )


def link_from_argv(argv: list[str]) -> str | None:
    """The first command-line argument that is a run link (`rundun-desktop <link>`, or the OS opening a
    `rundun://` URL with the registered handler), else None."""
    for arg in argv:
        if arg.startswith("-"):
            continue
        try:
            parse_link(arg)
        except LinkError:
            continue
        return arg
    return None


# -- registering rundun:// --------------------------------------------------------------------------------------
def launcher_command() -> list[str]:
    """How the OS should start the app: the installed `rundun-desktop`, else this Python with the module."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle
        return [sys.executable]
    found = shutil.which("rundun-desktop")
    if found:
        return [found]
    return [sys.executable, "-m", "rundun_desktop.app"]


def applications_dir() -> Path:
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "applications"


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(_quote_exec(part) for part in command) + " %u"
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Rundun\n"
        "Comment=Open Rundun run links\n"
        f"Exec={exec_line}\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        f"MimeType=x-scheme-handler/{SCHEME};\n"
        "Categories=Office;\n"
    )


def _quote_exec(arg: str) -> str:
    """Quote one Exec argument as the Desktop Entry spec asks (reserved characters inside double quotes)."""
    if re.fullmatch(r"[A-Za-z0-9_./:=+-]+", arg):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def register_scheme(apps_dir: Path | None = None, *, platform: str | None = None) -> str:
    """Make `rundun://` links open this app, for this user only. Returns what was done, in words.

    Linux (freedesktop): a hidden `.desktop` entry with `MimeType=x-scheme-handler/rundun` in the user's
    applications dir, then `xdg-mime default` when available. Windows: the per-user `HKCU\\Software\\Classes\\
    rundun` keys (no administrator rights needed). macOS: a URL scheme can only be declared in the app
    bundle's Info.plist (`CFBundleURLTypes`, set in build.spec), so there is nothing to do at run time.
    """
    platform = platform or sys.platform
    command = launcher_command()
    if platform.startswith(("linux", "freebsd")):
        folder = apps_dir or applications_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / DESKTOP_FILE
        path.write_text(desktop_entry(command), encoding="utf-8")
        notes = [QCoreApplication.translate("links", "Wrote {0}.").format(path)]
        for tool in (
            ["xdg-mime", "default", DESKTOP_FILE, f"x-scheme-handler/{SCHEME}"],
            ["update-desktop-database", str(folder)],
        ):
            if shutil.which(tool[0]):
                done = subprocess.run(tool, capture_output=True, text=True, timeout=20, check=False)
                if done.returncode != 0:
                    failed = QCoreApplication.translate("links", "{0} failed: {1}")
                    notes.append(failed.format(tool[0], done.stderr.strip() or done.returncode))
        # The German app said "… geschrieben. rundun:// links now open Rundun.": the sentence had no translation.
        notes.append(QCoreApplication.translate("links", "rundun:// links now open Rundun."))
        return " ".join(notes)
    if platform == "win32":  # pragma: no cover - needs Windows
        return _register_windows(command)
    if platform == "darwin":
        return QCoreApplication.translate(
            "links",
            "On macOS, rundun:// links open Rundun once it is installed from its app bundle (the bundle declares the scheme); a copy run from source cannot register it.",
        )
    return QCoreApplication.translate("links", "Registering rundun:// is not supported on {0}.").format(
        platform
    )


async def open_startup_link(window, link: str) -> None:
    """`rundun-desktop <link>` (or a forwarded rundun:// URL): show the Executor page and open the run."""
    window.show_page("executor")
    page = window.executor_page.ensure() if hasattr(window.executor_page, "ensure") else window.executor_page
    window.view.raise_()
    window.view.activateWindow()
    await page.open_link(link)


def _register_windows(command: list[str]) -> str:  # pragma: no cover - needs Windows
    """rundun:// in this Windows user's registry (HKCU), opening `command` with the link."""
    if sys.platform != "win32":
        raise OSError(QCoreApplication.translate("links", "The Windows registry exists only on Windows."))
    import winreg

    root = winreg.CreateKey(winreg.HKEY_CURRENT_USER, rf"Software\Classes\{SCHEME}")
    winreg.SetValueEx(root, "", 0, winreg.REG_SZ, "URL:Rundun run link")
    winreg.SetValueEx(root, "URL Protocol", 0, winreg.REG_SZ, "")
    cmd = winreg.CreateKey(root, r"shell\open\command")
    quoted = " ".join(f'"{part}"' for part in command)
    winreg.SetValueEx(cmd, "", 0, winreg.REG_SZ, f'{quoted} "%1"')
    return QCoreApplication.translate(
        "links", "Registered rundun:// for this Windows user; rundun:// links now open Rundun."
    )
