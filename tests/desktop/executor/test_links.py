"""Run links: parsing, finding one among the arguments, registering rundun:// (Linux), and a second start
handing its link to the running app."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from rundun_desktop.executor import links
from rundun_desktop.paths import AppPaths
from tests.desktop.conftest import wait_until

RUN = "r-3e71a1d7-23f9-4795-8b87-8f0192832e12"


@pytest.mark.parametrize(
    ("text", "base"),
    [
        (f"https://checks.example.com/r/{RUN}", "https://checks.example.com"),
        (f"  http://127.0.0.1:8750/r/{RUN}/ ", "http://127.0.0.1:8750"),
        (f"https://example.com/rundun/r/{RUN}", "https://example.com/rundun"),
        (f"rundun://r/{RUN}", None),
        (f"rundun:r/{RUN}", None),
        (RUN, None),
        (
            f"Your check: https://checks.example.com/r/{RUN}.",
            "https://checks.example.com",
        ),  # a sentence's end
        (f"(https://checks.example.com/r/{RUN})", "https://checks.example.com"),
        (f"<https://checks.example.com/r/{RUN}>,", "https://checks.example.com"),
        (f"https://checks.example.com/r/{RUN.upper()}", "https://checks.example.com"),  # the id is lower case
        (f"rundun://r/{RUN.upper()}", None),
        (f"Please fill in {RUN} today, thanks", None),  # a bare id among words
    ],
)
def test_run_links_are_understood(text, base):
    assert links.parse_link(text) == links.RunLink(RUN, base)


def test_a_links_lang_is_kept_for_the_open_when_it_is_a_language():
    """The dispatcher's `?lang=de` was dropped: the phone opened the checklist in German, the Executor not."""
    assert links.parse_link(f"Check: https://c.example.com/r/{RUN}?lang=de-AT.").language == "de-AT"
    assert links.parse_link(f"rundun://r/{RUN}?lang=es").language == "es"
    assert links.parse_link(f"https://c.example.com/r/{RUN}?lang=<b>").language is None
    assert links.parse_link(f"https://c.example.com/r/{RUN}").language is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "Paste a run link first"),
        ("rundun://x/y", "rundun://r/r-…"),
        ("https://example.com/templates/t-1", "not a run link"),
        ("ftp://example.com/r/" + RUN, "not a run link"),
        ("https://example.com/r/r-123", "not a run link"),
    ],
)
def test_what_is_not_a_run_link_is_said_in_words(text, words):
    with pytest.raises(links.LinkError, match=words.replace("…", ".").replace("/", "/")):
        links.parse_link(text)


def test_the_link_is_found_among_the_arguments():
    assert links.link_from_argv(["--home", "/tmp/x", f"rundun://r/{RUN}"]) == f"rundun://r/{RUN}"
    assert links.link_from_argv(["--page", "runs"]) is None


def test_registering_the_scheme_writes_a_desktop_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", "")  # no xdg-mime here: the entry alone
    words = links.register_scheme(tmp_path / "applications", platform="linux")
    entry = (tmp_path / "applications" / links.DESKTOP_FILE).read_text()
    assert "MimeType=x-scheme-handler/rundun;" in entry and entry.rstrip().endswith("Categories=Office;")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" %u") and "rundun_desktop.app" in exec_line
    assert "rundun:// links now open Rundun" in words
    assert "app bundle" in links.register_scheme(platform="darwin")


def test_what_registering_did_is_said_whole_in_the_apps_language(tmp_path, monkeypatch, speak):
    """The German app said "….desktop geschrieben. rundun:// links now open Rundun."."""
    monkeypatch.setenv("PATH", "")
    speak("de")
    words = links.register_scheme(tmp_path / "applications", platform="linux")
    assert (
        words
        == f"{tmp_path / 'applications' / links.DESKTOP_FILE} geschrieben. rundun://-Links öffnen jetzt Rundun."
    )


def test_a_second_start_hands_its_link_to_the_running_app(aloop, tmp_path):
    """`rundun-desktop <link>` while the app runs on the same data dir: the link goes to it, the start ends.
    (The running app is played here by this process holding the workspace: `single_instance`.)"""
    from rundun_desktop.single_instance import SingleInstance

    home = tmp_path / "home"
    running = SingleInstance(AppPaths.under(home).workspace)
    assert running.acquire()
    received: list[dict] = []
    assert running.listen(received.append)
    second = subprocess.Popen(
        [sys.executable, "-m", "rundun_desktop.app", "--home", str(home), f"rundun://r/{RUN}"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "RUNDUN_DESKTOP_KEYRING": "0"},
    )
    try:
        wait_until(aloop, lambda: second.poll() is not None and bool(received), 20)
    finally:
        second.kill()
    assert second.returncode == 0 and received == [{"page": None, "link": f"rundun://r/{RUN}"}]
    running.release()
    assert SingleInstance(AppPaths.under(home).workspace).forward({}, timeout=0.2) is False  # nobody listens
