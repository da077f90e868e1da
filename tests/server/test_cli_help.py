"""`rundun-server COMMAND --help` agrees with the README: each flag names the variable it overrides, and no
help puts a password where the README says never to (a URL on the command line, which `ps` shows)."""

from __future__ import annotations

import argparse

import pytest

from server.cli import build_parser
from server.settings import Settings

# serve's flags that are not settings of their own
NOT_SETTINGS = {"fd"}
FLAG_SETTING = {"allow_private_webhooks": "webhook_allow_private"}


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[name] = sub
                for inner in sub._actions:
                    if isinstance(inner, argparse._SubParsersAction):
                        found.update({f"{name} {n}": s for n, s in inner.choices.items()})
    return found


def test_every_serve_flag_names_the_variable_it_overrides():
    """`--allow-private-webhooks` named none, so an operator running under systemd's Environment= did not learn
    RUNDUN_WEBHOOK_ALLOW_PRIVATE from it."""
    for action in _commands()["serve"]._actions:
        if not action.option_strings or action.dest in ("help", *NOT_SETTINGS):
            continue
        setting = FLAG_SETTING.get(action.dest, action.dest)
        assert setting in Settings.model_fields, action.dest
        assert f"RUNDUN_{setting.upper()}" in (action.help or ""), action.option_strings


@pytest.mark.parametrize("command", sorted(_commands()))
def test_no_help_shows_a_password_in_a_url(command):
    """The README keeps the password in PGPASSWORD or ~/.pgpass; `--database-url` and `migrate --to` showed
    postgresql://user:pass@…."""
    text = _commands()[command].format_help()
    assert ":pass@" not in text
    if "postgresql://" in text:
        assert "PGPASSWORD" in text


def test_the_plans_are_listed_in_init_help():
    from server.services.orgs import PLANS

    text = " ".join(_commands()["init"].format_help().split())
    assert all(plan in text for plan in PLANS)
