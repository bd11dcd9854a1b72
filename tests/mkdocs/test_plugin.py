"""The MkDocs plugin: plain `mkdocs build` and `mkdocs serve` run the generator and watch briefs/."""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from ..conftest import BIN, run, tree_digest

WARNING = re.compile(r"^\W*warning\b", re.IGNORECASE | re.MULTILINE)


def test_plain_mkdocs_build_generates_and_builds(project: Path) -> None:
    result = run(["mkdocs", "build", "--strict"], cwd=project)
    assert result.returncode == 0, result.stderr  # --strict: a warning would have failed the build
    assert not WARNING.search(result.stderr), result.stderr
    assert (project / "site" / "briefs" / "nk-troops-defecting" / "index.html").exists()
    assert (project / "site" / "figures" / "index.html").exists()


def test_a_warning_fails_the_strict_build_and_is_seen(project: Path) -> None:
    """The check above can fail: a page with a broken link warns, and --strict turns the warning into a failure."""
    (project / "site_src" / "extra.md").write_text("# Extra\n\n[gone](missing.md)\n", "utf-8")
    result = run(["mkdocs", "build", "--strict"], cwd=project)
    assert result.returncode != 0
    assert WARNING.search(result.stderr), result.stderr
    assert "missing.md" in result.stderr


def test_plain_mkdocs_build_reports_bad_annotation_and_keeps_the_site(project: Path) -> None:
    assert run(["mkdocs", "build"], cwd=project).returncode == 0
    before = tree_digest(project / "site")
    path = project / "briefs" / "nk-troops-defecting.yml"
    path.write_text(path.read_text("utf-8").replace("topics:", "topicz:"), "utf-8")
    result = run(["mkdocs", "build"], cwd=project)
    assert result.returncode == 1
    assert "briefs/nk-troops-defecting.yml:" in result.stderr
    assert "did you mean 'topics'" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "site") == before


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if needle in _fetch(url):
            return True
        time.sleep(0.2)
    return False


COUNTING_HOOK = """\
def on_post_build(config, **kwargs):
    with open({log!r}, "a") as out:
        out.write("built\\n")
"""


@pytest.mark.parametrize("command", [["briefing", "serve", "--dev-addr"], ["mkdocs", "serve", "--livereload", "-a"]])
def test_serve_rebuilds_when_an_annotation_changes(project: Path, command: list[str]) -> None:
    # MkDocs runs a hook after every build: the builds it counts are the server's, whatever its log says
    builds_log = project.parent / "builds.log"
    (project / "count_builds.py").write_text(COUNTING_HOOK.format(log=str(builds_log)), "utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    assert "hooks" not in config
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as out:
        out.write("\nhooks:\n  - count_builds.py\n")
    port = _free_port()
    log = project / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [str(BIN / command[0]), *command[1:], f"127.0.0.1:{port}"], cwd=project, stdout=output, stderr=output
        )
    try:
        base = urlsplit(yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))["site_url"]).path
        url = f"http://127.0.0.1:{port}{base}briefs/nk-troops-defecting/"
        assert _wait_for(url, "Summary", 60), "the server never served the brief"
        path = project / "briefs" / "nk-troops-defecting.yml"
        path.write_text(path.read_text("utf-8").replace("summary: >-\n", "summary: >-\n  Zanzibar edit.\n", 1))
        assert _wait_for(url, "Zanzibar edit.", 60), "the edit never reached the served page"
        time.sleep(3)  # time for a second rebuild, if the generator's own writes set one off
    finally:
        server.terminate()
        server.wait(timeout=20)
    builds = builds_log.read_text("utf-8").splitlines() if builds_log.exists() else []
    assert len(builds) == 2, f"one build at start and one for the edit, not {len(builds)}: {log.read_text('utf-8')}"
