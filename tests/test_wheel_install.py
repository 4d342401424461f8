"""The built wheel carries the built-in library: installed into a fresh
venv, `rehearse check` and `rehearse list` work there."""

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from helpers import REPO


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
                   check=True, capture_output=True, timeout=600)
    wheel = next(dist.glob("rehearse-*.whl"))
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True, timeout=600)
    return env_dir


def test_installed_check_and_list_use_the_packaged_library(installed, tmp_path):
    rehearse = installed / "bin" / "rehearse"
    check = subprocess.run([str(rehearse), "check", "--json"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    report = json.loads(check.stdout)
    assert check.returncode == 0, report["errors"][:5]
    assert report["stats"]["scenarios"] >= 1
    listing = subprocess.run([str(rehearse), "list", "--json"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    modules = json.loads(listing.stdout)["modules"]
    assert listing.returncode == 0 and any(m["scenarios"] for m in modules)
    where = subprocess.run([str(installed / "bin" / "python"), "-c", "import bot.content.library as l; print(l.builtin_root())"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(installed)
