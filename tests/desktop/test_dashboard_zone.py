"""The dashboard's days are the laptop's: its zone is named as a person reads it. A computer set to UTC often
names it "Etc/UTC" (Debian, containers), and the dashboard said "Days in Etc/UTC"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray

from rundun_desktop.dashboard import models
from tests.desktop.test_dashboard import open_dashboard


class SystemZone:
    """`QTimeZone` as far as `laptop_zone` asks it: the system's zone is `name`."""

    name = "Etc/UTC"

    @classmethod
    def systemTimeZoneId(cls) -> QByteArray:
        return QByteArray(cls.name.encode())


@pytest.fixture
def system_zone(monkeypatch) -> type[SystemZone]:
    monkeypatch.setattr(models, "QTimeZone", SystemZone)
    return SystemZone


@pytest.mark.parametrize(
    ("system", "shown"),
    [
        ("Etc/UTC", "UTC"),
        ("Etc/Universal", "UTC"),
        ("Zulu", "UTC"),
        ("UTC", "UTC"),
        ("Europe/Berlin", "Europe/Berlin"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("Not/AZone", "UTC"),
    ],
)
def test_utcs_other_names_are_utc_and_a_real_zone_keeps_its_name(system_zone, system, shown):
    system_zone.name = system
    assert models.laptop_zone() == shown


def test_the_dashboard_says_days_in_utc_on_a_computer_that_names_it_etc_utc(system_zone, desktop, aloop):
    dashboard = open_dashboard(desktop, aloop)
    assert dashboard.view.zone.text() == "Days in UTC"
    assert dashboard.period().tz == "UTC"
