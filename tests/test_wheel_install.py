"""The built wheel carries the built-in library and everything every
command needs: installed into a fresh venv with no extras, `rehearse check`
and `rehearse list` work there, and the workshop and serve code loads; and
each package the code imports is one pyproject.toml declares."""

import ast
import importlib.metadata
import json
import re
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

from helpers import REPO


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The wheel installed as `pip install .` would, without any extra."""
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


def test_a_plain_install_runs_the_workshop_and_serve(installed, tmp_path):
    load_all = ("import importlib, pkgutil, bot.workshop\n"
                "for m in pkgutil.walk_packages(bot.workshop.__path__, 'bot.workshop.'):\n"
                "    importlib.import_module(m.name)\n")
    loaded = subprocess.run([str(installed / "bin" / "python"), "-c", load_all],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    for command in ("workshop", "serve"):
        shown = subprocess.run([str(installed / "bin" / "rehearse"), command, "--help"],
                               capture_output=True, text=True, cwd=tmp_path, timeout=120)
        assert shown.returncode == 0 and "--lan" in shown.stdout, shown.stderr


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_top_level_modules(package: Path) -> dict[str, str]:
    """Each absolute import's top-level module in the package's code, with one file that imports it."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.partition(".")[0], str(path.relative_to(REPO)))
    return found


def test_every_package_the_code_imports_is_a_declared_dependency():
    """A package that arrives only through an extra, or through another
    package's requirements, is missing from a plain install one day."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_canonical(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", r).group()) for r in project["dependencies"]}
    providers = importlib.metadata.packages_distributions()
    imported = _imported_top_level_modules(REPO / "bot")
    assert {"aiohttp", "textual_serve", "segno", "textual"} <= set(imported)  # the scan sees the workshop's imports
    undeclared = {
        module: where for module, where in imported.items()
        if module != "bot" and module not in sys.stdlib_module_names
        and not declared & {_canonical(d) for d in providers.get(module, [])}
    }
    assert undeclared == {}, f"imported but not in [project] dependencies: {undeclared}"


def test_the_installed_wheel_speaks_spanish(installed, tmp_path):
    """The compiled catalogues ship in the wheel and are found where it is installed."""
    rehearse = installed / "bin" / "rehearse"
    shown = subprocess.run([str(rehearse), "--lang", "es", "--help"], capture_output=True, text=True, cwd=tmp_path,
                           timeout=120)
    assert shown.returncode == 0 and "Practica conversaciones difíciles, sin riesgo." in shown.stdout, shown.stderr
    where = subprocess.run([str(installed / "bin" / "python"), "-c", "import bot.i18n as i; print(i.LOCALE_DIR)"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(installed)
