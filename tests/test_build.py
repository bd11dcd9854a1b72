"""The whole generator: writes only what changed, removes stale pages, same bytes every time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.build import Project, generate

from .conftest import tree_digest


def test_second_run_writes_nothing(project: Path) -> None:
    first = generate(Project.at(project))
    assert first.report and len(first.report.written) == len(first.pages)
    second = generate(Project.at(project))
    assert second.report and second.report.written == [] and second.report.removed == []


def test_editing_one_annotation_rewrites_only_the_pages_it_touches(project: Path) -> None:
    generate(Project.at(project))
    path = project / "briefs" / "nk-troops-defecting.yml"
    path.write_text(path.read_text("utf-8").replace("summary: >-\n", "summary: >-\n  Edited.\n", 1), "utf-8")
    report = generate(Project.at(project)).report
    assert report is not None
    assert "briefs/nk-troops-defecting.md" in report.written
    assert "index.md" in report.written
    assert "briefs/nk-upgrades-army-in-ukraine.md" not in report.written
    assert len(report.written) < len(report.unchanged)


def test_removed_brief_and_its_only_topic_pages_are_deleted(project: Path) -> None:
    generate(Project.at(project))
    hand_written = project / "site_src" / "about.md"
    hand_written.write_text("# About\n", "utf-8")
    (project / "briefs" / "nk-defectors-insight.yml").unlink()
    (project / "briefs" / "nk-defectors-insight.txt").unlink()
    report = generate(Project.at(project)).report
    assert report is not None
    assert "briefs/nk-defectors-insight.md" in report.removed
    assert "topics/storm-corps.md" in report.removed  # only that brief had the topic
    assert not (project / "site_src" / "briefs" / "nk-defectors-insight.md").exists()
    assert hand_written.exists()


def _generate_in_subprocess(root: Path, seed: str) -> dict[str, str]:
    code = (
        "import sys; from pathlib import Path; from generator.build import Project, generate; "
        "generate(Project.at(Path(sys.argv[1])))"
    )
    subprocess.run([sys.executable, "-c", code, str(root)], check=True, env={"PYTHONHASHSEED": seed})
    return tree_digest(root / "site_src")


def test_output_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    from .conftest import copy_project

    first = _generate_in_subprocess(copy_project(tmp_path / "a"), "1")
    second = _generate_in_subprocess(copy_project(tmp_path / "b"), "2")
    assert first == second and len(first) > 20
