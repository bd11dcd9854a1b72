"""The distribution: `uv build` gives a wheel and an sdist that hold everything `briefing` needs at run time, and
the wheel, installed with the locked runtime packages into a clean virtualenv with the source tree off the path,
builds the example corpus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def uv() -> str:
    found = os.environ.get("UV") or shutil.which("uv") or str(ROOT / ".tools" / "bin" / "uv")
    if not Path(found).exists() and not shutil.which(found):
        pytest.fail("uv not found: run the tests through `make test`, which installs it into .tools/")
    return found


def run(*command: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run(uv(), "build", "--quiet", "--out-dir", out)
    return out


def only(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


def test_wheel_holds_templates_schemas_and_licence(dist: Path) -> None:
    names = zipfile.ZipFile(only(dist, "*.whl")).namelist()
    templates = {Path(n).name for n in names if n.endswith(".j2")}
    sources = {p.name for p in (ROOT / "generator").rglob("*.j2")}
    assert templates == sources
    schemas = {Path(n).name for n in names if n.endswith(".schema.json")}
    assert schemas == {p.name for p in (ROOT / "generator").rglob("*.schema.json")}
    theme = {n for n in names if n.startswith("generator/mkdocs/theme/") and not n.endswith("/")}
    assert theme == {
        f"generator/{p.relative_to(ROOT / 'generator').as_posix()}"
        for p in (ROOT / "generator" / "mkdocs" / "theme").rglob("*")
        if p.is_file()
    }
    assert "generator/mkdocs/theme/assets/stylesheets/briefing.css" in theme
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith(("tests/", "briefs/", "bench/")) for n in names)


def test_metadata_has_one_version_and_an_spdx_licence(dist: Path) -> None:
    wheel = zipfile.ZipFile(only(dist, "*.whl"))
    metadata = Parser().parsestr(wheel.read(next(n for n in wheel.namelist() if n.endswith("METADATA"))).decode())
    assert metadata["Version"] == PROJECT["version"]
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Requires-Python"] == PROJECT["requires-python"]


def test_sdist_holds_the_package_and_its_licence(dist: Path) -> None:
    with tarfile.open(only(dist, "*.tar.gz")) as sdist:
        names = sdist.getnames()
    stem = f"briefing-{PROJECT['version']}"
    for needed in ("pyproject.toml", "LICENSE", "README.md", "generator/cli.py"):
        assert f"{stem}/{needed}" in names


def test_installed_wheel_builds_the_example_corpus(dist: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run(uv(), "venv", "--quiet", "--python", sys.executable, venv)
    locked = tmp_path / "runtime.txt"
    run(
        uv(),
        *["export", "--locked", "--quiet", "--no-dev", "--no-emit-project", "--format", "requirements-txt", "-o"],
        locked,
    )
    python = venv / "bin" / "python"
    run(uv(), "pip", "install", "--quiet", "--python", python, "--require-hashes", "-r", locked)
    run(uv(), "pip", "install", "--quiet", "--python", python, "--no-deps", only(dist, "*.whl"))

    project = tmp_path / "project"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = run(python, "-c", "import generator; print(generator.__file__)", cwd=tmp_path, env=env)
    assert Path(where.strip()).is_relative_to(venv), "the source tree leaked onto the path"
    assert run(venv / "bin" / "briefing", "--version", cwd=tmp_path, env=env) == f"briefing {PROJECT['version']}\n"

    # a new project from the wheel's own defaults (site config, theme parts), then the example corpus's briefs
    run(venv / "bin" / "briefing", "init", "--root", project, "--name", "Seed", cwd=tmp_path, env=env)
    shutil.copytree(ROOT / "briefs", project / "briefs", dirs_exist_ok=True)
    out = run(venv / "bin" / "briefing", "build", "--root", project, cwd=tmp_path, env=env)
    assert "Built" in out
    assert (project / "site" / "index.html").is_file()
    assert len(list((project / "site" / "briefs").glob("*/index.html"))) == len(list((ROOT / "briefs").glob("*.txt")))
