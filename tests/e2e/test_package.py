"""A package that installs: the wheel and the sdist, each `pip install`ed (not editable) into a fresh venv,
run `rundun-desktop --self-test` from there, far from the checkout — resources included."""

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


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return {"wheel": next(out.glob("*.whl")), "sdist": next(out.glob("*.tar.gz"))}


@pytest.mark.timeout(900)
@pytest.mark.parametrize("kind", ["wheel", "sdist"])
def test_installed_from_the_dist_the_app_passes_its_self_test(dists, kind, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / "bin"
    install = subprocess.run(
        [str(bin_dir / "pip"), "install", "--quiet", f"{dists[kind]}[desktop]"],
        capture_output=True,
        text=True,
        timeout=800,
        cwd=tmp_path,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]
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
