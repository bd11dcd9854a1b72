"""`briefing build` under faults, injected from outside the product code (tests/faults/inject.py patches the process
it runs in): SIGKILL at points spread over generation, the MkDocs build, search indexing and the swap of the new
site; writes failing with ENOSPC and EIO; two builds at once; read-only folders.

Always: the previous site stays byte-identical (or, once the swap has happened, the new site is whole), no staging
or previous-site folder outlives the next run, and every error is one clear line, never a traceback."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.mkdocs import staging

from ..conftest import copy_project, run, tree_digest

HERE = Path(__file__).resolve().parent
INJECT = HERE / "inject.py"
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}  # the sitemap's dates: builds of the same input are byte-identical
STAGE_LINE = re.compile(r"^[A-Z][\w ()]+: .* \(\d+\.\d s\)$")  # a finished stage's progress line
EDITED = "nk-troops-defecting"

# (target, call, when, whether the swap may have begun): each point is reached, or the test says so
KILL_POINTS = [
    # generation
    ("generator.stages.load:load_one", 3, "before", False),
    ("generator.stages.validate:validate_brief", 2, "after", False),
    ("generator.stages.link:link", 1, "after", False),
    ("generator.stages.render:render_page", 10, "before", False),
    ("generator.stages.write:write_atomic", 4, "before", False),
    ("os:replace", 2, "before", False),  # inside write_atomic: the temporary file written, not yet renamed
    ("os:replace", 5, "after", False),  # the last page of the edit renamed into place
    # the MkDocs build, into staging
    ("mkdocs.config:load_config", 1, "after", False),
    ("generator.mkdocs.plugin:BriefingPlugin.on_pre_build", 1, "after", False),
    ("mkdocs.commands.build:_populate_page", 7, "before", False),
    ("mkdocs.commands.build:_build_page", 1, "before", False),
    ("mkdocs.commands.build:_build_page", 20, "after", False),
    ("mkdocs.structure.files:File.copy_file", 1, "before", False),
    ("mkdocs.structure.files:File.copy_file", 25, "after", False),
    ("mkdocs.utils:write_file", 12, "before", False),
    ("generator.mkdocs.plugin:BriefingPlugin.on_post_page", 25, "after", False),
    # search indexing
    ("material.plugins.search.plugin:SearchIndex.add_entry_from_context", 5, "before", False),
    ("material.plugins.search.plugin:SearchIndex.generate_search_index", 1, "after", False),
    ("generator.mkdocs.search:post_build", 1, "before", False),
    # the swap
    ("tempfile:mkdtemp", 2, "after", True),  # the previous site's new name reserved
    ("pathlib:Path.rmdir", 1, "after", True),
    ("pathlib:Path.rename", 1, "before", True),  # site/ -> .site-previous-*
    ("pathlib:Path.rename", 1, "after", True),  # site/ gone, the new one not yet in place
    ("pathlib:Path.rename", 2, "before", True),
    ("pathlib:Path.rename", 2, "after", True),  # the new site in place, the previous one not yet removed
    ("shutil:rmtree", 1, "before", True),
    ("shutil:rmtree", 1, "after", True),
]


def inject(fault: dict, root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(INJECT), json.dumps(fault), "build", "--root", str(root), *args]
    return subprocess.run(command, capture_output=True, text=True, env={**os.environ, **EPOCH}, timeout=120)


def leftovers(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for pattern in (".site-staging-*", ".site-previous-*", "site_src/**/.*.tmp")
        for p in root.glob(pattern)
    )


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A project with a built site and then an edited brief: the previous site, and the site the edit makes."""
    base = tmp_path_factory.mktemp("faults")
    template = copy_project(base / "template")
    assert run(["briefing", "build"], cwd=template, **EPOCH).returncode == 0
    annotation = template / "briefs" / f"{EDITED}.yml"
    text = annotation.read_text("utf-8")
    annotation.write_text(text.replace("summary: ", "summary: Edited. ", 1), "utf-8")
    previous = tree_digest(template / "site")
    edited = shutil.copytree(template, base / "edited")
    assert run(["briefing", "build"], cwd=edited, **EPOCH).returncode == 0
    new = tree_digest(edited / "site")
    assert new != previous and len(previous) > 50
    return template, previous, new


def fresh(sites: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path) -> Path:
    return shutil.copytree(sites[0], tmp_path / "project")


@pytest.mark.parametrize(
    ("target", "call", "when", "swapping"),
    KILL_POINTS,
    ids=[f"{t.split(':')[1]}-{c}-{w}" for t, c, w, _ in KILL_POINTS],
)
def test_sigkill_keeps_the_previous_site(
    sites: tuple[Path, dict[str, str], dict[str, str]],
    tmp_path: Path,
    target: str,
    call: int,
    when: str,
    swapping: bool,
) -> None:
    _, previous, new = sites
    root = fresh(sites, tmp_path)
    done = inject({"kill": target, "call": call, "when": when}, root)
    assert done.returncode == -signal.SIGKILL, f"the kill point was never reached:\n{done.stdout}{done.stderr}"
    site = root / "site"
    if not swapping:
        assert tree_digest(site) == previous
    else:  # at most the moment between the two renames: no site/, and the previous one whole beside it
        assert tree_digest(site) in (previous, new) or not site.exists()
    staging._recover(site)  # the first thing the next build does, under its lock
    assert tree_digest(site) == previous if not swapping else tree_digest(site) in (previous, new)
    assert not [p for p in leftovers(root) if not p.startswith("site_src/")]


def test_the_next_build_after_kills_clears_everything_and_builds_the_new_site(
    sites: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path
) -> None:
    new = sites[2]
    root = fresh(sites, tmp_path)
    for target, call, when in [
        ("os:replace", 2, "before"),  # a temporary page file in site_src/
        ("mkdocs.commands.build:_build_page", 3, "after"),  # a half-built staging folder
        ("pathlib:Path.rename", 1, "after"),  # no site/ at all, the previous one set aside
    ]:
        assert inject({"kill": target, "call": call, "when": when}, root).returncode == -signal.SIGKILL
    assert not (root / "site").exists() and leftovers(root)
    done = run(["briefing", "build"], cwd=root, **EPOCH)
    assert done.returncode == 0, done.stderr
    assert tree_digest(root / "site") == new
    assert leftovers(root) == []


def _processes_naming(folder: Path) -> list[int]:
    """Processes whose command line names `folder` (Pagefind, orphaned when its parent was killed, runs on)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and str(folder).encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return found


def test_a_kill_while_pagefind_indexes_keeps_the_previous_site_and_the_next_build_recovers(
    sites: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path
) -> None:
    """SIGKILL to `briefing build` while the pagefind binary, a process of its own, is indexing the staging folder:
    the orphaned indexer writes only there, the previous site stays whole, and the next build clears it all."""
    root = fresh(sites, tmp_path)
    assert run(["briefing", "build", "--search", "pagefind"], cwd=root, **EPOCH).returncode == 0
    previous = tree_digest(root / "site")
    annotation = root / "briefs" / f"{EDITED}.yml"
    annotation.write_text(annotation.read_text("utf-8").replace("summary: ", "summary: Again. ", 1), "utf-8")
    # Popen.communicate is where subprocess.run waits for pagefind: the child is running when it is called
    done = inject({"kill": "subprocess:Popen.communicate", "call": 1, "when": "before"}, root, "--search", "pagefind")
    assert done.returncode == -signal.SIGKILL, f"the kill point was never reached:\n{done.stdout}{done.stderr}"
    deadline = time.monotonic() + 60
    while _processes_naming(root) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _processes_naming(root), "the orphaned indexer never finished"
    assert tree_digest(root / "site") == previous
    (staged,) = root.glob(".site-staging-*")  # the kill came while the site was in staging...
    assert (staged / "pagefind").is_dir()  # ...and after pagefind started: its bundle went there, not into site/
    again = run(["briefing", "build", "--search", "pagefind"], cwd=root, **EPOCH)
    assert again.returncode == 0, again.stderr
    assert leftovers(root) == []
    assert "Again." in (root / "site" / "briefs" / EDITED / "index.html").read_text("utf-8")
    assert (root / "site" / "pagefind" / "pagefind.js").exists()


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO], ids=["ENOSPC", "EIO"])
@pytest.mark.parametrize("where", ["site_src", "staging"])
def test_a_failing_disk_is_one_clear_line_and_loses_nothing(
    sites: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path, code: int, where: str
) -> None:
    _, previous, _ = sites
    root = fresh(sites, tmp_path)
    before = tree_digest(root / "briefs")
    if where == "site_src":  # the generator's pages: the edited brief's page is to be rewritten
        fault = {"fail_writes": str(root / "site_src"), "errno": code}
    else:  # MkDocs' output into staging, beside site/: with site_src/ up to date, the only files written
        assert run(["briefing", "build"], cwd=root, **EPOCH).returncode == 0
        previous = tree_digest(root / "site")
        fault = {"fail_writes": str(root), "errno": code}
    done = inject(fault, root)
    assert done.returncode == 1, done.stdout + done.stderr
    # the stages that finished before the fault keep their progress lines ("Generating Markdown: ... (0.1 s)")
    errors = [line for line in done.stderr.strip().splitlines() if not STAGE_LINE.match(line)]
    assert "Traceback" not in done.stderr and len(errors) == 2, done.stderr
    assert os.strerror(code) in errors[0], errors
    assert tree_digest(root / "site") == previous
    assert tree_digest(root / "briefs") == before
    assert not [p for p in leftovers(root) if not p.startswith("site_src/")]


def test_a_second_build_at_once_refuses_and_the_first_completes(
    sites: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path
) -> None:
    _, previous, new = sites
    root = fresh(sites, tmp_path)
    started = tmp_path / "paused"
    fault = {"pause": "mkdocs.commands.build:_build_page", "call": 5, "seconds": 4, "signal": str(started)}
    command = [sys.executable, str(INJECT), json.dumps(fault), "build", "--root", str(root)]
    first = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, **EPOCH}
    )
    try:
        deadline = time.monotonic() + 60
        while not started.exists():
            assert first.poll() is None and time.monotonic() < deadline, first.communicate()
            time.sleep(0.05)
        second = run(["briefing", "build"], cwd=root, **EPOCH)
        assert second.returncode == 1
        assert f"another `briefing build` (process {first.pid}) is building this site" in second.stderr
        assert "Traceback" not in second.stderr
        assert tree_digest(root / "site") == previous  # the refused build touched nothing
    finally:
        _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert tree_digest(root / "site") == new and leftovers(root) == []
    again = run(["briefing", "build"], cwd=root, **EPOCH)  # the lock went with its process
    assert again.returncode == 0, again.stderr


def test_a_killed_build_does_not_hold_the_lock(
    sites: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path
) -> None:
    root = fresh(sites, tmp_path)
    assert inject({"kill": "generator.stages.render:render_page", "call": 1}, root).returncode == -signal.SIGKILL
    assert (root / staging.LOCK_NAME).exists()
    done = run(["briefing", "build"], cwd=root, **EPOCH)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("folder", ["briefs", "site_src", "project"])
def test_a_read_only_folder(sites: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path, folder: str) -> None:
    """briefs/ is only read: a read-only one builds. A read-only docs folder, or project folder (where site/, its
    staging and the lock live), is one clear line, and the previous site is kept."""
    _, previous, new = sites
    root = fresh(sites, tmp_path)
    target = root if folder == "project" else root / folder
    done = inject({"read_only": str(target)}, root)
    if folder == "briefs":
        assert done.returncode == 0, done.stderr
        assert tree_digest(root / "site") == new
        return
    assert done.returncode == 1, done.stdout + done.stderr
    # the stages that finished before the fault keep their progress lines ("Generating Markdown: ... (0.1 s)")
    errors = [line for line in done.stderr.strip().splitlines() if not STAGE_LINE.match(line)]
    assert "Traceback" not in done.stderr and len(errors) == 2, done.stderr
    assert "Read-only file system" in errors[0], errors
    assert tree_digest(root / "site") == previous
