"""The supervisor's dashboard (SPEC §14): numbers, charts and findings at a glance, beside the runs monitor."""

from rundun_desktop.dashboard.controller import DashboardController
from rundun_desktop.dashboard.view import DashboardView

__all__ = ["DashboardController", "DashboardView"]
