"""Shared fixtures: a copy of the real project in a temp folder, and the corpus built once per session."""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# `make fuzz`: the property tests of tests/test_fuzz.py as a longer campaign (HYPOTHESIS_PROFILE=fuzz), not in CI.
# Each test runs at least max_examples (tests/test_fuzz.py's examples()); the default profile keeps the suite fast.
settings.register_profile("fuzz", max_examples=int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "2000")), deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="Rewrite golden files from current output.")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@functools.cache
def markdown_options() -> dict[str, Any]:
    """The Markdown extensions and their settings as MkDocs renders this project's pages: mkdocs.yml's
    markdown_extensions plus MkDocs' built-in ones, as MkDocs itself reads them."""
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    return {"extensions": list(config["markdown_extensions"]), "extension_configs": dict(config["mdx_configs"])}


def copy_project(target: Path) -> Path:
    """The editor's inputs and site config, as a fresh clone has them (no generated pages, no site)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "briefs", target / "briefs")
    shutil.copytree(REPO / "site_src" / "overrides", target / "site_src" / "overrides")
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run one of the venv's commands (briefing, mkdocs) as a user would."""
    command = [str(BIN / args[0]), *args[1:]]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**os.environ, **env}, timeout=300)


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its content hash, to prove that nothing changed."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus through `briefing build`: real MkDocs, real Material, into a temp folder."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run(["briefing", "build"], cwd=root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def site(built_project: Path) -> Path:
    return built_project / "site"
