"""A package that installs: the wheel and the sdist, each `pip install`ed (not editable) into a fresh venv,
run `rundun-desktop --self-test` from there, far from the checkout — resources included.

One test, one build, one venv: the wheel goes in with every dependency it declares (PySide6 and the rest,
most of the time), then the sdist is built and installed over it without them, and `pip check` says whether
what the sdist declares is all there. (Two tests, one a kind, ran on both pytest-xdist workers at once, each
building the checkout in its `build/` folder: an sdist once lost a file to the other's build.)"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e


def pip(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(env_dir / "bin" / "pip"), *args],
        capture_output=True,
        text=True,
        timeout=800,
        cwd=cwd,
        check=False,
    )


@pytest.mark.timeout(1200)
def test_the_wheel_and_the_sdist_each_install_and_pass_the_apps_self_test(tmp_path):
    out = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    wheel = pip(env_dir, "install", "--quiet", f"{next(out.glob('*.whl'))}[desktop]", cwd=tmp_path)
    assert wheel.returncode == 0, wheel.stderr[-3000:]
    installed_copy_passes_its_self_test(env_dir, tmp_path)

    # The reinstall removes every file the wheel put there first: what runs next came from the sdist.
    sdist = pip(
        env_dir,
        "install",
        "--quiet",
        "--force-reinstall",
        "--no-deps",
        str(next(out.glob("*.tar.gz"))),
        cwd=tmp_path,
    )
    assert sdist.returncode == 0, sdist.stderr[-3000:]
    origin = next(env_dir.glob("lib/python*/site-packages/rundun-*.dist-info/direct_url.json")).read_text()
    assert ".tar.gz" in origin, origin  # the sdist's own build is what is installed now
    checked = pip(env_dir, "check", cwd=tmp_path)  # and everything it declares is there
    assert checked.returncode == 0, checked.stdout + checked.stderr
    installed_copy_passes_its_self_test(env_dir, tmp_path)


def installed_copy_passes_its_self_test(env_dir: Path, tmp_path: Path) -> None:
    """The copy installed in `env_dir` is the one found, has the runner's files and passes the self-test."""
    bin_dir = env_dir / "bin"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    where = subprocess.run(
        [
            str(bin_dir / "python"),
            "-c",
            "import rundun_resources, rundun_desktop; print(rundun_resources.__file__)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,  # not the checkout: only the installed copy can be found
        env=env,
        check=False,
    )
    assert where.returncode == 0 and where.stdout.startswith(str(env_dir)), where.stdout + where.stderr
    runner = subprocess.run(  # the browser runner's files are package data (SPEC §11)
        [str(bin_dir / "python"), "-c", "from server.api import runner_assets as r; print(sorted(r.ASSETS))"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert runner.returncode == 0, runner.stderr
    assert all(f"'{name}'" in runner.stdout for name in ("app.js", "rules.js", "runner.css", "sw.js")), (
        runner.stdout
    )
    done = subprocess.run(
        [str(bin_dir / "rundun-desktop"), "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK:" in done.stdout and "PDF report" in done.stdout
    expected = importlib.metadata.version("rundun")  # this checkout's, as installed here (editable)
    for command in ("rundun-desktop", "rundun-server"):
        version = subprocess.run(
            [str(bin_dir / command), "--version"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            check=False,
        )
        assert version.returncode == 0 and version.stdout.strip() == f"{command} {expected}", version.stderr
