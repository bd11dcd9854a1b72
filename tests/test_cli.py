"""The `briefing` command as a user runs it: help, check, build, and clear errors that change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run, tree_digest

COMMANDS = ["build", "check", "serve", "schema"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str, tmp_path: Path) -> None:
    result = run(["briefing", command, "--help"], cwd=tmp_path)
    assert result.returncode == 0
    assert "Example:" in result.stdout


def test_top_level_help_lists_every_command(tmp_path: Path) -> None:
    result = run(["briefing", "--help"], cwd=tmp_path)
    for command in COMMANDS:
        assert command in result.stdout


def test_check_passes_on_the_corpus(project: Path) -> None:
    result = run(["briefing", "check"], cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 8 briefs")
    assert "warning" not in result.stderr


def test_build_prints_what_it_built(project: Path) -> None:
    result = run(["briefing", "build"], cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Generated" in result.stdout and "8 briefs" in result.stdout
    assert "Built" in result.stdout
    assert (project / "site" / "index.html").exists()


def _break(project: Path, name: str, old: str, new: str) -> None:
    path = project / "briefs" / name
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _line_of(project: Path, name: str, needle: str) -> int:
    lines = (project / "briefs" / name).read_text("utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


BROKEN = {
    "malformed YAML": ("nk-troops-defecting.yml", "title: ", "title: [unclosed ", "invalid YAML"),
    "missing required field": ("nk-troops-defecting.yml", "summary:", "summery:", "unknown field 'summery'"),
    "unknown key": ("nk-troops-defecting.yml", "topics:", "topicz:", "did you mean 'topics'"),
    "quote absent from article": (
        "nk-upgrades-army-in-ukraine.yml",
        "They are young,",
        "They are old,",
        "quote not found in article",
    ),
}


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("cli") / "project")
    assert run(["briefing", "build"], cwd=root).returncode == 0
    return root


@pytest.mark.parametrize("case", sorted(BROKEN))
@pytest.mark.parametrize("command", ["check", "build"])
def test_broken_annotation_is_reported_and_changes_nothing(
    built_once: Path, tmp_path: Path, case: str, command: str
) -> None:
    import shutil

    project = tmp_path / "project"
    shutil.copytree(built_once, project)
    name, old, new, message = BROKEN[case]
    _break(project, name, old, new)
    line = _line_of(project, name, new.split()[0])
    before = {d: tree_digest(project / d) for d in ("briefs", "site_src", "site")}

    result = run(["briefing", command], cwd=project)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    expected = f"briefs/{name}:"
    reported = [ln for ln in result.stderr.splitlines() if ln.startswith(expected)]
    assert reported, result.stderr
    assert message in result.stderr
    if case != "malformed YAML":  # the parser reports where it noticed the problem, which may be later
        assert any(ln.startswith(f"{expected}{line}:") for ln in reported), result.stderr
    assert {d: tree_digest(project / d) for d in ("briefs", "site_src", "site")} == before


def test_all_errors_of_all_files_are_reported_in_one_run(project: Path) -> None:
    _break(project, "nk-troops-defecting.yml", "summary:", "summery:")
    _break(project, "nk-upgrades-army-in-ukraine.yml", "They are young,", "They are old,")
    _break(project, "battle-never-fought-before.yml", "topics:", "topicz:")
    result = run(["briefing", "check"], cwd=project)
    assert result.returncode == 1
    files = {ln.split(":")[0] for ln in result.stderr.splitlines() if ln.startswith("briefs/")}
    assert files == {
        "briefs/nk-troops-defecting.yml",
        "briefs/nk-upgrades-army-in-ukraine.yml",
        "briefs/battle-never-fought-before.yml",
    }


def test_quote_error_shows_the_closest_passage(project: Path) -> None:
    _break(project, "nk-upgrades-army-in-ukraine.yml", "They are young,", "They are old,")
    result = run(["briefing", "check"], cwd=project)
    assert "closest:" in result.stderr and "% similar" in result.stderr
    assert "They are young" in result.stderr


def test_schema_command_prints_the_annotation_schema(tmp_path: Path) -> None:
    import json

    result = run(["briefing", "schema"], cwd=tmp_path)
    schema = json.loads(result.stdout)
    assert schema["required"] == ["title", "source", "summary", "topics"]


def test_an_internal_error_is_one_line_with_the_way_to_details(project: Path) -> None:
    registry = project / "briefs" / "topics.yml"
    registry.write_text("topics: []\n", "utf-8")
    (project / "site_src").mkdir(exist_ok=True)
    (project / "site_src" / ".briefing-generated.json").mkdir()  # the manifest path is a folder: a real OS error
    result = run(["briefing", "build"], cwd=project)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "internal error:" in result.stderr and "BRIEFING_DEBUG=1" in result.stderr
    debug = run(["briefing", "build"], cwd=project, BRIEFING_DEBUG="1")
    assert "Traceback" in debug.stderr
