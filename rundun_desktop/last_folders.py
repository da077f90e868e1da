"""The folder each kind of file was last saved to or opened from (runs as CSV, reports, backups, templates,
translations), kept in the desktop's settings: the next dialog of that kind opens there. Every dialog opened in
the home folder, so whoever keeps reports in ~/Reports went there again, every time."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from rundun_desktop.desktop_settings import DesktopSettings

CSV, REPORTS, BACKUPS, TEMPLATES, TRANSLATIONS, PHOTOS = (
    "csv",
    "reports",  # a run's PDF, a batch of reports, the dashboard's export
    "backups",
    "templates",  # a template imported or exported as JSON
    "translations",
    "photos",  # a run's photo saved from the monitor
)


class LastFolders:
    def __init__(self, settings: DesktopSettings, path: Path):
        self.settings, self.path = settings, path

    def folder(self, kind: str) -> Path:
        """Where a dialog of `kind` opens: the folder last used for it, while it is there; else the home folder."""
        kept = self.settings.last_folders.get(kind)
        return Path(kept) if kept and Path(kept).is_dir() else Path.home()

    def remember(self, kind: str, chosen: str | Path) -> None:
        folder = str(Path(chosen).parent)
        if self.settings.last_folders.get(kind) != folder:
            self.settings.last_folders[kind] = folder
            self.settings.save(self.path)


P = TypeVar("P", str, Path)

_kept: LastFolders | None = None  # the app's, set as it starts; none (a page tested alone): the home folder


def keep_in(settings: DesktopSettings, path: Path) -> None:
    global _kept
    _kept = LastFolders(settings, path)


def start_in(kind: str, name: str = "") -> str:
    """The path a dialog of `kind` starts at: its last folder, with the suggested file `name` when saving."""
    folder = _kept.folder(kind) if _kept is not None else Path.home()
    return str(folder / name) if name else str(folder)


def remember(kind: str, chosen: str | Path | None) -> None:
    """A file chosen in a dialog of `kind` (None or "": cancelled, nothing kept)."""
    if chosen and _kept is not None:
        _kept.remember(kind, chosen)


def kept(kind: str, chosen: P | None) -> P | None:
    """`chosen` (a file picked in a dialog of `kind`, or None), its folder remembered."""
    remember(kind, chosen)
    return chosen
