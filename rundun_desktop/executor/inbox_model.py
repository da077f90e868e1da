"""The executor inbox's rows: the runs opened on this computer with their local and server state. No I/O:
`InboxController` feeds it `set_rows` (run dicts from the store, each with a computed `progress`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from rundun_desktop import formatting as fmt
from rundun_desktop.executor import store as st
from rundun_desktop.executor.sync import unsaved_words
from rundun_desktop.theme import colour
from rundun_desktop.words import QT_TRANSLATE_NOOP, Counts

COL_RUN, COL_PROGRESS, COL_HERE, COL_SERVER, COL_OPENED = range(5)
HEADERS = [
    QT_TRANSLATE_NOOP("headers", "Run"),
    QT_TRANSLATE_NOOP("headers", "Progress"),
    QT_TRANSLATE_NOOP("headers", "On this computer"),
    QT_TRANSLATE_NOOP("headers", "On the server"),
    QT_TRANSLATE_NOOP("headers", "Opened"),
]
RunIdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
TONES = {"error": "#b4232a", "waiting": "#b25e00", "done": "#2b8a3e", "": "#1c2333"}
NO_BREAK = "\u00a0"


def local_words(run: dict) -> tuple[str, str]:
    """(words, tone) for the run's state on this computer."""
    state, pending, failed = run["local_state"], run.get("pending_ops", 0), run.get("failed_ops", 0)
    size = run.get("pending_bytes", 0)
    waiting = Counts.tr("%Ln change(s) waiting", "", pending) + (
        f" ({fmt.format_bytes(size)})" if size >= 10_000 else ""
    )
    if state == st.REFUSED:
        refused = QCoreApplication.translate("inbox_model", "Refused by the server")
        if pending + failed:  # kept here, never to be sent
            refused += " · " + Counts.tr("%Ln change(s) not sent", "", pending + failed)
        return refused, "error"
    if state == st.COMPLETED:
        return QCoreApplication.translate("inbox_model", "Completed"), "done"
    if state == st.EXITED:
        return QCoreApplication.translate("inbox_model", "Given up"), ""
    if state == st.COMPLETING:
        return QCoreApplication.translate("inbox_model", "Completed here · {0}").format(
            waiting
        ) if pending else QCoreApplication.translate("inbox_model", "Completed here"), "waiting"
    if state == st.EXITING:
        return QCoreApplication.translate("inbox_model", "Given up here · waiting to sync"), "waiting"
    unsaved = run.get("unsaved", 0)  # answers their checks refuse ("✎ Not saved yet"): never "All synced"
    parts = [Counts.tr("%Ln change(s) refused", "", failed)] if failed else []
    if pending:
        parts.append(waiting)
    if unsaved:
        parts.append(Counts.tr("%Ln answer(s) not saved", "", unsaved))
    if parts:
        return " · ".join(parts), "error" if failed or unsaved else "waiting"
    if run.get("last_error"):
        return QCoreApplication.translate("inbox_model", "Not synced yet"), "waiting"
    return QCoreApplication.translate("inbox_model", "All synced"), ""


def run_details(run: dict) -> str:
    """What tells a run apart from the others of its template (every row read "Audit all types"): the end of
    the start of its id (as in the link that was sent), who opened it when the run asked, and when it expires.
    Each part is isolated (right to left, "r-…" stays whole) and unbroken (no-break spaces): where the column
    is too narrow for them on one line (German at 1024 px), the view wraps them between parts, never inside one
    ("läuft ab" / "20. Dez.")."""
    parts = [run["run_id"][:10] + "…" if len(run["run_id"]) > 10 else run["run_id"]]
    if who := identity_words(run, short=True):
        parts.append(who)
    if expiring(run):
        parts.append(
            QCoreApplication.translate("inbox_model", "expires {0}").format(fmt.short_time(run["expires_at"]))
        )
    return " · ".join(f"\u2068{part.replace(' ', NO_BREAK)}\u2069" for part in parts)


def run_tooltip(run: dict) -> str:
    """The run whole, whatever its row shows of it: its name, full id, who opened it, when it expires (to the
    day's date and year), its server."""
    lines = [run["template_name"], run["run_id"]]
    if who := identity_words(run, short=False):
        lines.append(who)
    if expiring(run):
        lines.append(
            QCoreApplication.translate("inbox_model", "expires {0}").format(fmt.local_time(run["expires_at"]))
        )
    return "\n".join([*lines, run["base_url"]])


def identity_words(run: dict, *, short: bool) -> str:
    """Who opened the run, when the run asked: their name (`short`) or name and email."""
    identity = run.get("identity") or {}
    if not isinstance(identity, dict):
        return ""
    named = [identity.get("name"), identity.get("email")]
    return next(filter(None, named), "") if short else " · ".join(filter(None, named))


def expiring(run: dict) -> bool:
    """The run can still expire (not finished here), so when it does matters."""
    return bool(run.get("expires_at")) and run["local_state"] in (st.OPEN, st.COMPLETING, st.EXITING)


class InboxModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def run_at(self, row: int) -> dict | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, run_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r["run_id"] == run_id), -1)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("headers", HEADERS[section])
                if 0 <= section < len(HEADERS)
                else None
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        run = self.run_at(index.row()) if index.isValid() else None
        if run is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(run, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(run, col)
        if role == RunIdRole:
            return run["run_id"]
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_HERE:
            return QColor(colour(TONES[local_words(run)[1]]))
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_SERVER:
            return QColor(colour(fmt.STATUS_COLOURS.get(run["server_status"], ("#1c2333", ""))[0]))
        return None

    def _display(self, run: dict, col: int) -> str:
        if col == COL_RUN:  # two lines: what it is, then what tells it from the others of its template
            return f"{run['template_name']}\n{run_details(run)}"
        if col == COL_PROGRESS:
            p = run.get("progress") or {}
            return f"{p.get('answered', 0) + p.get('skipped', 0)} / {p.get('total', 0)}"
        if col == COL_HERE:  # each part on its line: one line was cut in a 1024 px window ("2 changes no…")
            return local_words(run)[0].replace(" · ", "\n")
        if col == COL_SERVER:
            return fmt.status_label(run["server_status"])
        if col == COL_OPENED:  # as the other tables write a time ("5 Dec 4:03 AM"); the tooltip has it whole
            return fmt.short_time(run["opened_at"])
        return ""

    def _tooltip(self, run: dict, col: int) -> str:
        if col == COL_OPENED:
            return fmt.local_time(run["opened_at"], with_seconds=True)
        if col == COL_RUN:
            return run_tooltip(run)
        if col == COL_HERE:
            why = run.get("refusal") or run.get("attention") or run.get("last_error")
            if run.get("unsaved") and run["local_state"] == st.OPEN:  # and what to do about them
                return "\n".join(filter(None, [why, unsaved_words(run["unsaved"])]))
            return why or local_words(run)[0]
        if col == COL_SERVER:
            synced = fmt.local_time(run.get("synced_at")) if run.get("synced_at") else "never"
            expires = fmt.local_time(run.get("expires_at")) if run.get("expires_at") else "never"
            return self.tr("As last heard from the server (at {0}). Expires: {1}.").format(synced, expires)
        return ""
