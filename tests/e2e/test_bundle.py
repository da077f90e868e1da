"""The desktop bundle: `build.spec` builds with PyInstaller, and the bundle passes its own self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_installed_app_passes_its_self_test():
    done = subprocess.run(
        [str(Path(sys.executable).with_name("rundun-desktop")), "--self-test"],
        check=False,
        capture_output=True,
        text=True,
        timeout=90,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        "OK:" in done.stdout and "PDF report" in done.stdout and "webhook signature verified" in done.stdout
    )


@pytest.mark.timeout(600)
def test_the_bundle_builds_and_passes_its_self_test(tmp_path):
    build = subprocess.run(
        [
            str(Path(sys.executable).with_name("pyinstaller")),
            "--noconfirm",
            "--clean",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            "build.spec",
        ],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert build.returncode == 0, build.stderr[-5000:]
    exe = tmp_path / "dist" / "rundun-desktop" / "rundun-desktop"
    assert (tmp_path / "dist" / "rundun-desktop" / "_internal" / "rundun_resources" / "style.qss").exists()
    done = subprocess.run(
        [str(exe), "--self-test"],
        check=False,
        capture_output=True,
        text=True,
        timeout=90,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK:" in done.stdout
