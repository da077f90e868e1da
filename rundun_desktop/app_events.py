"""App-wide events on one QObject: pages and controllers talk through these instead of to each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    # state: "starting" | "connected" | "offline" | "unauthorized" | "error"; text: the same in words
    connection_changed = Signal(str, str)
    connected = Signal()  # (re)connected: pages reload what they show
    live_mode_changed = Signal(str)  # "stream" | "polling" | "off"
    runs_changed = Signal(list)  # run summaries that changed or appeared (from events or polling)
    run_dispatched = Signal(dict)  # the dispatch response {run_id, link, expires_at, assigned_to}
    open_in_executor = Signal(str)  # a run link to fill in on this computer (the Executor page opens it)
    org_changed = Signal(dict)  # the /v1/org document
    error_reported = Signal(str)  # a background failure worth a status-bar message
