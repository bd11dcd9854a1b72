"""uv.lock: every install uses it, and a lock that no longer matches pyproject.toml stops the set-up with what to do."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def uv() -> str:
    found = os.environ.get("UV") or str(ROOT / ".tools" / "bin" / "uv")
    if not Path(found).exists():
        pytest.fail("uv not found: run the tests through `make test`, which installs it into .tools/")
    return str(Path(found).resolve())


def test_the_committed_lock_matches_pyproject() -> None:
    done = subprocess.run([uv(), "lock", "--check", "--offline"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, f"uv.lock is stale: run `make lock` and commit it\n{done.stderr}"


def test_every_locked_package_has_hashes() -> None:
    lock = tomllib.loads((ROOT / "uv.lock").read_text("utf-8"))
    for package in lock["package"]:
        if package.get("source", {}).get("editable") or package.get("source", {}).get("virtual"):
            continue  # the project itself
        files = [*package.get("wheels", []), *([package["sdist"]] if "sdist" in package else [])]
        assert files, f"{package['name']} has no files in the lock"
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", f["hash"]) for f in files), package["name"]


def test_uv_itself_is_pinned_by_hash() -> None:
    text = (ROOT / "requirements-uv.txt").read_text("utf-8")
    assert re.search(r"^uv==\d+\.\d+\.\d+ \\$", text, re.M)
    assert len(re.findall(r"--hash=sha256:[0-9a-f]{64}", text)) >= 2


def test_a_stale_lock_stops_the_set_up_and_says_make_lock(tmp_path: Path) -> None:
    for name in ("Makefile", "pyproject.toml", "uv.lock", "requirements-uv.txt", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, tmp_path / name)  # copy2 keeps the times, so make does not reinstall uv
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(pyproject.read_text("utf-8").replace('"click>=8.1.7"', '"click>=8.1.7", "six>=1.16"'))
    done = subprocess.run(
        ["make", "--no-print-directory", "check", f"UV={uv()}", "TOOLS=/nonexistent"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert "uv.lock is out of date with pyproject.toml: run 'make lock'" in done.stderr
    assert not (tmp_path / ".venv").exists(), "nothing may be installed from a stale lock"
