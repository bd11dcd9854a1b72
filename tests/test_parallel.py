"""Rendering on several processes gives the very bytes rendering in one does."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import corpus
from generator import parallel
from generator.build import Project, generate
from generator.errors import ValidationFailed

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("synthetic") / "project"
    corpus.write_corpus(project, 40, REPO)
    return project


def test_map_jobs_keeps_order_on_several_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_JOBS", 1)
    monkeypatch.setenv("BRIEFING_WORKERS", "2")
    assert parallel.map_jobs(lambda n: n * n, list(range(100))) == [n * n for n in range(100)]


def test_small_runs_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_WORKERS", "2")
    seen: list[int] = []
    parallel.map_jobs(seen.append, [1, 2, 3])  # in a worker, the append would be lost
    assert seen == [1, 2, 3]


def test_workers_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_WORKERS", "3")
    assert parallel.workers() == 3
    monkeypatch.setenv("BRIEFING_WORKERS", "nonsense")
    assert 1 <= parallel.workers() <= parallel.MAX_WORKERS


def test_pooled_and_serial_builds_are_byte_identical(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_WORKERS", "1")
    serial = generate(Project.at(synthetic, docs_dir=tmp_path / "serial"))
    monkeypatch.setattr(parallel, "MIN_JOBS", 1)
    monkeypatch.setenv("BRIEFING_WORKERS", "2")
    pooled = generate(Project.at(synthetic, docs_dir=tmp_path / "pooled"))
    assert len(serial.pages) > 100
    assert pooled.pages == serial.pages


def test_errors_found_in_workers_are_all_reported(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_JOBS", 1)
    monkeypatch.setenv("BRIEFING_WORKERS", "2")
    broken = tmp_path / "broken"
    corpus.write_corpus(broken, 12, REPO)
    annotations = sorted(p for p in (broken / "briefs").glob("*.yml") if p.name != "topics.yml")
    for annotation in annotations[:3]:
        annotation.write_text(annotation.read_text("utf-8").replace("summary:", "sumary:", 1), "utf-8")
    with pytest.raises(ValidationFailed) as failure:
        generate(Project.at(broken))
    assert sorted({p.location.path for p in failure.value.problems}) == [f"briefs/{a.name}" for a in annotations[:3]]
