"""A number's and a date's range in the words the executor reads: the runner's hint beside the field and the
editor's preview of it say the same ("at least 1,000, whole number"; "from 1 Jan 2026"). Their catalog
context stays "inputs", where they were first said."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from rundun_desktop import formatting as fmt
from rundun_desktop.words import Counts
from server import tdl


def number_range_text(cfg: tdl.NumberConfig) -> str:
    parts = []
    if cfg.min is not None and cfg.max is not None:
        parts.append(
            QCoreApplication.translate("inputs", "{0} to {1}").format(
                fmt.number(cfg.min), fmt.number(cfg.max)
            )
        )
    elif cfg.min is not None:
        parts.append(QCoreApplication.translate("inputs", "at least {0}").format(fmt.number(cfg.min)))
    elif cfg.max is not None:
        parts.append(QCoreApplication.translate("inputs", "at most {0}").format(fmt.number(cfg.max)))
    if cfg.decimal == 0:
        parts.append(QCoreApplication.translate("inputs", "whole number"))
    elif cfg.decimal is not None:
        parts.append(Counts.tr("up to %Ln decimal(s)", "", cfg.decimal))
    if len(parts) == 2:  # Arabic separates them with its own comma
        return QCoreApplication.translate("inputs", "{0}, {1}").format(*parts)
    return parts[0] if parts else ""


def date_range_text(first: str | None, last: str | None) -> str:
    """A date step's range as the app writes dates ("from 1 Jan 2026 to 31 Dec 2026")."""
    days = [fmt.date_text(date.fromisoformat(day)) if day else None for day in (first, last)]
    if days[0] and days[1]:
        return QCoreApplication.translate("inputs", "from {0} to {1}").format(*days)
    if days[0]:
        return QCoreApplication.translate("inputs", "from {0}").format(days[0])
    if days[1]:
        return QCoreApplication.translate("inputs", "until {0}").format(days[1])
    return ""
